#include "core/json_util.h"

#include <cmath>
#include <limits>

#include "core/codes.h"

namespace ssi::detail {
namespace {

// Records where and why parsing stopped; every other SAX event is accepted and dropped.
struct StopRecorder {
  ParseStop stop;
  bool null() { return true; }
  bool boolean(bool) { return true; }
  bool number_integer(json::number_integer_t) { return true; }
  bool number_unsigned(json::number_unsigned_t) { return true; }
  bool number_float(json::number_float_t, const json::string_t&) { return true; }
  bool string(json::string_t&) { return true; }
  bool binary(json::binary_t&) { return true; }
  bool start_object(std::size_t) { return true; }
  bool key(json::string_t&) { return true; }
  bool end_object() { return true; }
  bool start_array(std::size_t) { return true; }
  bool end_array() { return true; }
  bool parse_error(std::size_t pos, const std::string&, const nlohmann::detail::exception& e) {
    stop = {pos, e.id};
    return false;
  }
};

}  // namespace

ParseStop parse_stop(std::string_view text) {
  StopRecorder sax;
  json::sax_parse(text.data(), text.data() + text.size(), &sax);
  return sax.stop;
}

std::optional<json> parse(std::string_view text, std::vector<Problem>& problems) {
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  json value = json::parse(begin, end, nullptr, /*allow_exceptions=*/false);
  if (!value.is_discarded()) return value;

  const ParseStop stop = parse_stop(text);
  // nlohmann counts characters read including the offending one.
  std::size_t offset = stop.position > 0 ? stop.position - 1 : 0;
  if (offset > text.size()) offset = text.size();
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;  // count UTF-8 characters, not bytes
    }
  }
  problems.push_back(
      {std::string(code::kInvalidJson), "", {{"line", std::to_string(line)}, {"column", std::to_string(column)}}});
  return std::nullopt;
}

const std::string* as_string(const json& value) { return value.get_ptr<const json::string_t*>(); }

std::optional<std::int64_t> as_integer(const json& value) {
  // Unsigned first: get_ptr<number_integer_t*> also answers for an unsigned value, reinterpreting its bits.
  if (const auto* u = value.get_ptr<const json::number_unsigned_t*>()) {
    if (*u <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
      return static_cast<std::int64_t>(*u);
    return std::nullopt;
  }
  if (const auto* i = value.get_ptr<const json::number_integer_t*>()) return static_cast<std::int64_t>(*i);
  return std::nullopt;
}

bool huge_integer(const json& value) { return value.is_number_unsigned() && !as_integer(value); }

const json* member(const json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

std::string join(std::string_view path, std::string_view key) {
  std::string out(path);
  if (!out.empty()) out += '.';
  out += key;
  return out;
}

std::string index(std::string_view path, std::size_t i) {
  std::string out(path);
  out += '[';
  out += std::to_string(i);
  out += ']';
  return out;
}

void Reporter::add(std::string_view code, std::string path, Args args) {
  problems.push_back({std::string(code), std::move(path), std::move(args)});
}

const std::string* Reporter::string_field(const json& object, std::string_view path, std::string_view key,
                                          bool required) {
  const json* v = member(object, key);
  if (!v) {
    if (required) add(code::kMissingField, join(path, key), {{"field", std::string(key)}});
    return nullptr;
  }
  const std::string* s = as_string(*v);
  if (!s) add(code::kNotString, join(path, key));
  return s;
}

const json* Reporter::object_field(const json& object, std::string_view path, std::string_view key, bool required) {
  const json* v = member(object, key);
  if (!v) {
    if (required) add(code::kMissingField, join(path, key), {{"field", std::string(key)}});
    return nullptr;
  }
  if (!v->is_object()) {
    add(code::kNotObjectField, join(path, key));
    return nullptr;
  }
  return v;
}

const json* Reporter::array_field(const json& object, std::string_view path, std::string_view key, bool required) {
  const json* v = member(object, key);
  if (!v) {
    if (required) add(code::kMissingField, join(path, key), {{"field", std::string(key)}});
    return nullptr;
  }
  if (!v->is_array()) {
    add(code::kNotArray, join(path, key));
    return nullptr;
  }
  return v;
}

std::optional<Text> Reporter::text_value(const json& value, const std::string& path) {
  if (!value.is_object()) {
    add(code::kNotObjectField, path);
    return std::nullopt;
  }
  Text text;
  bool ok = true;
  for (Lang lang : {Lang::De, Lang::En}) {
    std::string_view key = lang_key(lang);
    const json* v = member(value, key);
    if (!v) {
      add(code::kMissingTranslation, join(path, key), {{"lang", std::string(key)}});
      ok = false;
      continue;
    }
    const std::string* s = as_string(*v);
    if (!s) {
      add(code::kNotString, join(path, key));
      ok = false;
      continue;
    }
    if (blank(*s)) {
      add(code::kEmptyText, join(path, key), {{"lang", std::string(key)}});
      ok = false;
      continue;
    }
    (lang == Lang::De ? text.de : text.en) = *s;
  }
  if (!ok) return std::nullopt;
  return text;
}

std::optional<Text> Reporter::text_field(const json& object, std::string_view path, std::string_view key,
                                         bool required) {
  const json* v = member(object, key);
  if (!v) {
    if (required) add(code::kMissingField, join(path, key), {{"field", std::string(key)}});
    return std::nullopt;
  }
  return text_value(*v, join(path, key));
}

std::string describe_value(const json& value) {
  // Containers are only named: dumping them recurses, and a hostile file can nest very deeply.
  if (value.is_array()) return "[…]";
  if (value.is_object()) return "{…}";
  // error_handler_t::replace: never throws, even on strings nlohmann would consider invalid.
  return shorten(value.dump(-1, ' ', false, json::error_handler_t::replace));
}

std::string dump_compact(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }
std::string dump_pretty(const json& value) { return value.dump(2, ' ', false, json::error_handler_t::replace) + "\n"; }

std::optional<int> Reporter::int_field(const json& object, std::string_view path, std::string_view key, int min,
                                       int max) {
  const json* v = member(object, key);
  const std::string p = join(path, key);
  if (!v) {
    add(code::kMissingField, p, {{"field", std::string(key)}});
    return std::nullopt;
  }
  if (huge_integer(*v)) {
    add(code::kOutOfRange, p,
        {{"value", shorten(v->dump())}, {"min", std::to_string(min)}, {"max", std::to_string(max)}});
    return std::nullopt;
  }
  std::optional<std::int64_t> n = as_integer(*v);
  if (!n) {
    add(code::kNotInteger, p);
    return std::nullopt;
  }
  if (*n < min || *n > max) {
    add(code::kOutOfRange, p,
        {{"value", std::to_string(*n)}, {"min", std::to_string(min)}, {"max", std::to_string(max)}});
    return std::nullopt;
  }
  return static_cast<int>(*n);
}

std::optional<int> Reporter::version_field(const json& root, int current, std::string_view future_code,
                                           std::string_view unknown_code) {
  const json* version = member(root, "schemaVersion");
  if (!version) {
    add(code::kMissingField, "schemaVersion", {{"field", "schemaVersion"}});
    return std::nullopt;
  }
  if (huge_integer(*version)) {
    add(future_code, "schemaVersion", {{"found", shorten(version->dump())}, {"expected", std::to_string(current)}});
    return std::nullopt;
  }
  std::optional<std::int64_t> v = as_integer(*version);
  if (!v) {
    add(code::kNotInteger, "schemaVersion");
    return std::nullopt;
  }
  if (*v > current) {
    add(future_code, "schemaVersion", {{"found", std::to_string(*v)}, {"expected", std::to_string(current)}});
    return std::nullopt;
  }
  if (*v < 1) {
    add(unknown_code, "schemaVersion", {{"found", std::to_string(*v)}});
    return std::nullopt;
  }
  return static_cast<int>(*v);
}

//-----------------------------------------------------------------------------
// Hostile input
//-----------------------------------------------------------------------------

namespace {

struct PreScan {
  std::optional<Problem> problem;  // too deep, or a NaN/Infinity literal
  bool unfinished = false;         // ends inside a string or with brackets open: a truncated text
};

bool starts_with_word(std::string_view text, std::size_t at, std::string_view word) {
  return text.substr(at, word.size()) == word;
}

// One pass over the bytes, tracking only "inside a string" and the bracket depth.
PreScan prescan(std::string_view text, int max_depth, bool look_for_literals) {
  PreScan out;
  int depth = 0;
  bool in_string = false, escaped = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
      continue;
    }
    switch (c) {
      case '"': in_string = true; break;
      case '[':
      case '{':
        if (++depth > max_depth) {
          out.problem = Problem{std::string(code::kTooDeep), "", {{"max", std::to_string(max_depth)}}};
          return out;
        }
        break;
      case ']':
      case '}':
        if (depth > 0) --depth;
        break;
      case 'N':
      case 'I':
      case 'n':
      case 'i':
        // Outside strings JSON only knows true, false, null. NaN and Infinity (as Python and some
        // JavaScript tools write them) get their own message instead of "invalid JSON".
        if (look_for_literals && !starts_with_word(text, i, "null") &&
            (starts_with_word(text, i, "NaN") || starts_with_word(text, i, "Infinity") ||
             starts_with_word(text, i, "nan") || starts_with_word(text, i, "inf"))) {
          out.problem = Problem{std::string(code::kNotFinite), "", {}};
          return out;
        }
        break;
      default: break;
    }
  }
  out.unfinished = in_string || depth > 0;
  return out;
}

// Depth is bounded by the pre-scan, so this recursion is too.
void check_value(const json& value, const std::string& path, bool free_text, const ValueRules& rules, Reporter& r) {
  if (r.problems.size() >= kMaxProblems) return;
  if (const std::string* s = as_string(value)) {
    if (s->size() > rules.max_string_bytes)
      r.add(code::kStringTooLong, path, {{"max", std::to_string(rules.max_string_bytes)}});
    else if (control_character(*s, free_text))
      r.add(code::kControlCharacter, path);
    return;
  }
  if (const auto* f = value.get_ptr<const json::number_float_t*>()) {
    if (!std::isfinite(*f)) r.add(code::kNotFinite, path);
    return;
  }
  if (value.is_array()) {
    std::size_t i = 0;
    for (const json& item : value) check_value(item, index(path, i++), false, rules, r);
    return;
  }
  if (value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it) {
      const std::string& key = it.key();
      // Keys are shown in paths, so they are held to the same rules (and never echoed when bad).
      if (key.size() > rules.max_string_bytes) {
        r.add(code::kStringTooLong, path, {{"max", std::to_string(rules.max_string_bytes)}});
        continue;
      }
      if (control_character(key, false)) {
        r.add(code::kControlCharacter, path);
        continue;
      }
      check_value(it.value(), join(path, key), !rules.free_text_key.empty() && key == rules.free_text_key, rules, r);
    }
  }
}

// Builds the document from SAX events, refusing a key given twice in one object (nlohmann would keep the last
// one silently), and keeps what was complete when the text breaks off.
class DomBuilder {
 public:
  std::unique_ptr<json> root;
  std::vector<json*> stack;       // open containers, outermost first
  std::vector<std::string> keys;  // per open object: the key whose value is being read
  json* slot = nullptr;           // where the value of the last key goes
  bool slot_empty = false;        // a key was read and its value has not begun
  std::optional<Problem> duplicate;
  ParseStop stop;

  bool null() { return put(nullptr); }
  bool boolean(bool v) { return put(v); }
  bool number_integer(json::number_integer_t v) { return put(v); }
  bool number_unsigned(json::number_unsigned_t v) { return put(v); }
  bool number_float(json::number_float_t v, const json::string_t&) { return put(v); }
  bool string(json::string_t& v) { return put(std::move(v)); }
  bool binary(json::binary_t&) { return false; }  // never produced by the JSON lexer
  bool start_object(std::size_t) { return open(json::object()); }
  bool start_array(std::size_t) { return open(json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(json::string_t& k) {
    auto& object = stack.back()->get_ref<json::object_t&>();
    auto [it, inserted] = object.emplace(k, nullptr);
    if (!inserted) {
      duplicate = Problem{std::string(code::kDuplicateKey), join(path_of_open(), k), {{"key", shorten(k)}}};
      return false;
    }
    slot = &it->second;
    keys.back() = k;
    slot_empty = true;
    return true;
  }
  // After a parse error: a key whose value never began is no value at all (not null).
  void drop_empty_slot() {
    if (slot_empty && !stack.empty() && stack.back()->is_object()) stack.back()->erase(keys.back());
    slot_empty = false;
  }
  bool parse_error(std::size_t pos, const std::string&, const nlohmann::detail::exception& e) {
    stop = {pos, e.id};
    return false;
  }

 private:
  template <typename V>
  json* place(V&& v) {
    if (stack.empty()) {
      root = std::make_unique<json>(std::forward<V>(v));
      return root.get();
    }
    json& top = *stack.back();
    if (top.is_array()) {
      // Only the deepest open container grows, so no pointer on the stack moves.
      top.get_ref<json::array_t&>().emplace_back(std::forward<V>(v));
      return &top.get_ref<json::array_t&>().back();
    }
    *slot = json(std::forward<V>(v));
    slot_empty = false;
    return slot;
  }
  template <typename V>
  bool put(V&& v) {
    place(std::forward<V>(v));
    return true;
  }
  bool open(json&& container) {
    stack.push_back(place(std::move(container)));
    keys.emplace_back();
    return true;
  }
  bool close() {
    stack.pop_back();
    keys.pop_back();
    return true;
  }
  // The path of the innermost open container.
  std::string path_of_open() const {
    std::string path;
    for (std::size_t i = 0; i + 1 < stack.size(); ++i)
      path = stack[i]->is_array() ? index(path, stack[i]->size() - 1) : join(path, keys[i]);
    return path;
  }
};

}  // namespace

bool Partial::unfinished_contains(const json* value) const {
  for (const json* open : unfinished)
    if (open == value) return true;
  return false;
}

std::optional<json> parse_limited(std::string_view text, int max_depth, bool look_for_literals,
                                  std::vector<Problem>& problems, Partial* partial) {
  if (std::optional<Problem> p = check_encoding(text)) {
    problems.push_back(std::move(*p));
    return std::nullopt;
  }
  const PreScan scan = prescan(text, max_depth, look_for_literals);
  if (scan.problem) {
    problems.push_back(*scan.problem);
    return std::nullopt;
  }
  DomBuilder dom;
  if (json::sax_parse(text.data(), text.data() + text.size(), &dom) && dom.root) return std::move(*dom.root);
  if (dom.duplicate) {
    problems.push_back(std::move(*dom.duplicate));
    return std::nullopt;
  }
  if (partial) {
    dom.drop_empty_slot();
    partial->unfinished.assign(dom.stack.begin(), dom.stack.end());
    partial->root = std::move(dom.root);
  }
  // nlohmann counts characters read including the offending one.
  std::size_t offset = dom.stop.position > 0 ? dom.stop.position - 1 : 0;
  if (offset > text.size()) offset = text.size();
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;  // count UTF-8 characters, not bytes
    }
  }
  const Args at = {{"line", std::to_string(line)}, {"column", std::to_string(column)}};
  if (scan.unfinished || blank(text))
    problems.push_back({std::string(code::kTruncated), "", at});
  else if (dom.stop.id == 406)  // nlohmann's "number overflow" (1e400); the depth is bounded by the pre-scan
    problems.push_back({std::string(code::kNotFinite), "", {}});
  else
    problems.push_back({std::string(code::kInvalidJson), "", at});
  return std::nullopt;
}

void check_values(const json& value, const std::string& path, const ValueRules& rules, Reporter& r) {
  check_value(value, path, false, rules, r);
}

bool control_character(std::string_view s, bool allow_line_breaks) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0x7F) return true;
    // C1 controls U+0080–U+009F are C2 80 – C2 9F in UTF-8.
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F &&
        static_cast<unsigned char>(s[i + 1]) >= 0x80)
      return true;
    if (c >= 0x20) continue;
    if (allow_line_breaks && (c == '\n' || c == '\r' || c == '\t')) continue;
    return true;
  }
  return false;
}

//-----------------------------------------------------------------------------
// Text helpers
//-----------------------------------------------------------------------------

bool blank(std::string_view text) {
  for (char c : text)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  return true;
}

std::string_view trim(std::string_view s) {
  for (;;) {
    if (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
      s.remove_prefix(1);
    else if (s.substr(0, 2) == "\xC2\xA0")
      s.remove_prefix(2);
    else if (s.substr(0, 3) == "\xE2\x80\xAF")
      s.remove_prefix(3);
    else
      break;
  }
  for (;;) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
      s.remove_suffix(1);
    else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0")
      s.remove_suffix(2);
    else if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\xAF")
      s.remove_suffix(3);
    else
      break;
  }
  return s;
}

std::string shorten(std::string_view text, std::size_t max) {
  if (text.size() <= max) return std::string(text);
  std::size_t cut = max - 3;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
  return std::string(text.substr(0, cut)) + "...";
}

namespace {
// Bytes of the UTF-8 sequence starting at s[i], or 0 when it is not a valid one (RFC 3629).
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF)
    n = 2;
  else if (b0 == 0xE0)
    n = 3, lo = 0xA0;  // no overlong forms
  else if (b0 == 0xED)
    n = 3, hi = 0x9F;  // no surrogates
  else if (b0 >= 0xE1 && b0 <= 0xEF)
    n = 3;
  else if (b0 == 0xF0)
    n = 4, lo = 0x90;
  else if (b0 == 0xF4)
    n = 4, hi = 0x8F;  // at most U+10FFFF
  else if (b0 >= 0xF1 && b0 <= 0xF3)
    n = 4;
  else
    return 0;
  if (i + n > s.size() || byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  return n;
}
}  // namespace

std::optional<std::size_t> utf8_length(std::string_view s) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size(); ++count) {
    const std::size_t n = utf8_sequence(s, i);
    if (n == 0) return std::nullopt;
    i += n;
  }
  return count;
}

namespace {
// The start of a valid multi-byte sequence that the end of the text cuts short.
bool cut_sequence(std::string_view rest) {
  const auto lead = static_cast<unsigned char>(rest[0]);
  const std::size_t need = lead >= 0xC2 && lead <= 0xDF   ? 2
                           : lead >= 0xE0 && lead <= 0xEF ? 3
                           : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                          : 0;
  if (need == 0 || rest.size() >= need) return false;
  for (std::size_t k = 1; k < rest.size(); ++k)
    if ((static_cast<unsigned char>(rest[k]) & 0xC0) != 0x80) return false;
  return true;
}
}  // namespace

std::optional<Problem> check_encoding(std::string_view& text) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const Problem utf16{std::string(code::kUtf16), "", {}};
  if (text.size() >= 2 && ((byte(0) == 0xFF && byte(1) == 0xFE) || (byte(0) == 0xFE && byte(1) == 0xFF))) return utf16;
  if (text.size() >= 3 && byte(0) == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF) text.remove_prefix(3);
  // JSON starts with an ASCII character: a NUL beside it means two or four bytes per character.
  if (text.size() >= 2 && (byte(0) == 0) != (byte(1) == 0) && (byte(0) | byte(1)) < 0x80) return utf16;
  int line = 1, column = 1;
  for (std::size_t i = 0; i < text.size();) {
    const Args at = {{"line", std::to_string(line)}, {"column", std::to_string(column)}};
    if (byte(i) == 0) return Problem{std::string(code::kNulByte), "", at};
    const std::size_t n = utf8_sequence(text, i);
    if (n == 0 && cut_sequence(text.substr(i))) break;  // cut inside a character: the text broke off
    if (n == 0) return Problem{std::string(code::kInvalidUtf8), "", at};
    if (byte(i) == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += n;
  }
  return std::nullopt;
}

//-----------------------------------------------------------------------------
// Identifiers and names
//-----------------------------------------------------------------------------

bool bidi_control(char32_t cp) {
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

bool invisible(char32_t cp) {
  return cp == 0x00AD || cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x1680 || cp == 0x17B4 || cp == 0x17B5 ||
         cp == 0x180E || (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
         (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0x3164 || (cp >= 0xFE00 && cp <= 0xFE0F) ||
         cp == 0xFEFF || cp == 0xFFA0 || (cp >= 0xFFF9 && cp <= 0xFFFB) || (cp >= 0x1D173 && cp <= 0x1D17A) ||
         (cp >= 0xE0000 && cp <= 0xE0FFF) || cp == 0x00A0;
}

std::optional<std::u32string> code_points(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_sequence(s, i);
    if (n == 0) return std::nullopt;
    const auto b = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k])); };
    char32_t cp = n == 1 ? b(0) : n == 2 ? (b(0) & 0x1F) : n == 3 ? (b(0) & 0x0F) : (b(0) & 0x07);
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (b(k) & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

namespace {
// Code points that never start a user-perceived character: combining marks of the common scripts, variation
// selectors, skin-tone modifiers, the keycap and enclosing marks, tags, ZWJ and ZWNJ.
bool extends(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x0483 && cp <= 0x0489) || (cp >= 0x0591 && cp <= 0x05BD) ||
         (cp >= 0x05BF && cp <= 0x05C7) || (cp >= 0x0610 && cp <= 0x061A) || (cp >= 0x064B && cp <= 0x065F) ||
         cp == 0x0670 || (cp >= 0x06D6 && cp <= 0x06ED) || (cp >= 0x0900 && cp <= 0x0903) ||
         (cp >= 0x093A && cp <= 0x094F && cp != 0x093D) || (cp >= 0x0951 && cp <= 0x0957) ||
         (cp >= 0x0962 && cp <= 0x0963) || (cp >= 0x0E31 && cp <= 0x0E3A && cp != 0x0E32 && cp != 0x0E33) ||
         (cp >= 0x0E47 && cp <= 0x0E4E) || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
         cp == 0x200C || cp == 0x200D || (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0x302A && cp <= 0x302F) ||
         cp == 0x3099 || cp == 0x309A || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xFE20 && cp <= 0xFE2F) ||
         (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0020 && cp <= 0xE007F) || (cp >= 0xE0100 && cp <= 0xE01EF);
}
bool regional_indicator(char32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }
}  // namespace

std::vector<std::size_t> grapheme_starts(std::string_view s) {
  std::vector<std::size_t> starts;
  bool after_zwj = false, open_flag = false;  // a regional indicator waits for its pair
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = utf8_sequence(s, i);
    std::optional<std::u32string> one = n ? code_points(s.substr(i, n)) : std::nullopt;
    const char32_t cp = one ? (*one)[0] : 0xFFFD;
    if (n == 0) n = 1;  // a broken byte is a character of its own
    const bool joins = !starts.empty() && (extends(cp) || after_zwj || (regional_indicator(cp) && open_flag));
    if (!joins) starts.push_back(i);
    open_flag = regional_indicator(cp) && !(joins && open_flag);
    after_zwj = cp == 0x200D;
    i += n;
  }
  starts.push_back(s.size());
  return starts;
}

std::size_t grapheme_count(std::string_view s) { return grapheme_starts(s).size() - 1; }

bool valid_identifier(std::string_view id, std::size_t max, bool lower_only) {
  if (id.empty() || id.size() > max) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
                    (!lower_only && ((c >= 'A' && c <= 'Z') || c == ':'));
    if (!ok) return false;
  }
  return true;
}

bool digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int to_int(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

CentiParse parse_centi(std::string_view s, int max_centi) {
  CentiParse out;
  bool negative = false;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  const std::size_t sep = s.find_first_of(",.");
  const std::string_view whole = s.substr(0, sep);
  const std::string_view frac = sep == std::string_view::npos ? std::string_view() : s.substr(sep + 1);
  if (!digits(whole) || (sep != std::string_view::npos && !digits(frac))) {
    out.error = CentiError::NotANumber;
    return out;
  }
  if (frac.size() > 2) {
    out.error = CentiError::TooManyDecimals;
    return out;
  }
  // Leading zeros aside, more than seven digits is out of any range here; never overflow.
  std::string_view w = whole;
  while (w.size() > 1 && w.front() == '0') w.remove_prefix(1);
  if (w.size() > 7) {
    out.error = CentiError::OutOfRange;
    return out;
  }
  int centi = to_int(w) * 100;
  if (frac.size() >= 1) centi += (frac[0] - '0') * 10;
  if (frac.size() == 2) centi += frac[1] - '0';
  if ((negative && centi != 0) || centi > max_centi) {
    out.error = CentiError::OutOfRange;
    return out;
  }
  out.centi = centi;
  return out;
}

}  // namespace ssi::detail
