// JSON access (json_util.h): parsing within limits, type-checked fields, the problem reporter, value checks.
#include "core/json_util.h"

#include <charconv>
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

namespace {

// Recursive descent over text that is plain JSON; any doubt returns false and the caller falls back to nlohmann.
class PlainParser {
 public:
  explicit PlainParser(std::string_view text) : s_(text) {}

  std::optional<json> run() {
    json out;
    if (!value(out, 0)) return std::nullopt;
    skip_space();
    if (i_ != s_.size()) return std::nullopt;
    return out;
  }

 private:
  std::string_view s_;
  std::size_t i_ = 0;

  void skip_space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
  }
  bool eat(char c) {
    skip_space();
    if (i_ >= s_.size() || s_[i_] != c) return false;
    ++i_;
    return true;
  }
  bool value(json& out, int depth) {
    skip_space();
    if (i_ >= s_.size()) return false;
    switch (s_[i_]) {
      case '{': return depth < kPlainMaxDepth && object(out, depth + 1);
      case '[': return depth < kPlainMaxDepth && array(out, depth + 1);
      case '"': {
        std::string text;
        if (!string(text)) return false;
        out = std::move(text);
        return true;
      }
      case 't': return literal("true", out, json(true));
      case 'f': return literal("false", out, json(false));
      case 'n': return literal("null", out, json(nullptr));
      default: return number(out);
    }
  }
  bool literal(std::string_view word, json& out, json&& v) {
    if (s_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    out = std::move(v);
    return true;
  }
  bool object(json& out, int depth) {
    ++i_;
    out = json::object();
    auto& members = out.get_ref<json::object_t&>();
    if (eat('}')) return true;
    do {
      skip_space();
      std::string key;
      if (i_ >= s_.size() || s_[i_] != '"' || !string(key) || !eat(':')) return false;
      auto [it, inserted] = members.emplace(std::move(key), nullptr);
      if (!inserted || !value(it->second, depth))
        return false;  // a key twice: nlohmann keeps the last, parse_limited refuses it
    } while (eat(','));
    return eat('}');
  }
  bool array(json& out, int depth) {
    ++i_;
    out = json::array();
    auto& items = out.get_ref<json::array_t&>();
    if (eat(']')) return true;
    do {
      items.emplace_back();
      if (!value(items.back(), depth)) return false;
    } while (eat(','));
    return eat(']');
  }
  // Integers as nlohmann reads them: unsigned when not negative, signed when negative; fractions, exponents and
  // integers beyond 64 bits (which nlohmann makes doubles) fall back.
  bool number(json& out) {
    const std::size_t start = i_;
    std::size_t j = i_;
    if (j < s_.size() && s_[j] == '-') ++j;
    const std::size_t digits = j;
    while (j < s_.size() && s_[j] >= '0' && s_[j] <= '9') ++j;
    if (j == digits || (s_[digits] == '0' && j - digits > 1)) return false;
    if (j < s_.size() && (s_[j] == '.' || s_[j] == 'e' || s_[j] == 'E')) return false;
    const char* first = s_.data() + start;
    const char* last = s_.data() + j;
    if (s_[start] == '-') {
      std::int64_t v = 0;
      if (const auto r = std::from_chars(first, last, v); r.ec != std::errc() || r.ptr != last) return false;
      out = json(static_cast<json::number_integer_t>(v));
    } else {
      std::uint64_t v = 0;
      if (const auto r = std::from_chars(first, last, v); r.ec != std::errc() || r.ptr != last) return false;
      out = json(static_cast<json::number_unsigned_t>(v));
    }
    i_ = j;
    return true;
  }
  bool hex4(unsigned& out) {
    if (s_.size() - i_ < 4) return false;
    out = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = s_[i_++];
      const unsigned d = c >= '0' && c <= '9'   ? static_cast<unsigned>(c - '0')
                         : c >= 'a' && c <= 'f' ? static_cast<unsigned>(c - 'a' + 10)
                         : c >= 'A' && c <= 'F' ? static_cast<unsigned>(c - 'A' + 10)
                                                : 16u;
      if (d == 16u) return false;
      out = out * 16 + d;
    }
    return true;
  }
  static void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  // At the opening quote. Runs of plain characters are copied at once (find_special).
  bool string(std::string& out) {
    ++i_;
    for (;;) {
      const std::size_t j = find_special(s_, i_, '"', '\\');
      out.append(s_.data() + i_, j - i_);
      i_ = j;
      if (i_ >= s_.size()) return false;
      const auto c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') {
        ++i_;
        return true;
      }
      if (c < 0x20) return false;
      if (c >= 0x80) {
        const std::size_t n = utf8_sequence(s_, i_);
        if (n == 0) return false;
        out.append(s_.data() + i_, n);
        i_ += n;
        continue;
      }
      if (++i_ >= s_.size()) return false;
      switch (s_[i_++]) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          unsigned cp = 0;
          if (!hex4(cp) || (cp >= 0xDC00 && cp <= 0xDFFF)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            unsigned low = 0;
            if (s_.substr(i_, 2) != "\\u") return false;
            i_ += 2;
            if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          append_utf8(out, cp);
          break;
        }
        default: return false;
      }
    }
  }
};

}  // namespace

std::optional<json> parse_plain(std::string_view text) { return PlainParser(text).run(); }

[[gnu::noinline]] json parse_nlohmann(std::string_view text) {
  return json::parse(text.data(), text.data() + text.size(), nullptr, /*allow_exceptions=*/false);
}

std::optional<json> parse(std::string_view text, std::vector<Problem>& problems) {
  if (std::optional<json> plain = parse_plain(text)) return plain;
  json value = parse_nlohmann(text);
  if (!value.is_discarded()) return value;

  const ParseStop stop = parse_stop(text);
  // nlohmann counts characters read including the offending one.
  problems.push_back({std::string(code::kInvalidJson), "", place_in(text, stop.position > 0 ? stop.position - 1 : 0)});
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

const json* Reporter::present_field(const json& object, std::string_view path, std::string_view key, bool required) {
  const json* v = member(object, key);
  if (!v && required) add(code::kMissingField, join(path, key), {{"field", std::string(key)}});
  return v;
}

const std::string* Reporter::string_field(const json& object, std::string_view path, std::string_view key,
                                          bool required) {
  const json* v = present_field(object, path, key, required);
  if (!v) return nullptr;
  const std::string* s = as_string(*v);
  if (!s) add(code::kNotString, join(path, key));
  return s;
}

const json* Reporter::object_field(const json& object, std::string_view path, std::string_view key, bool required) {
  const json* v = present_field(object, path, key, required);
  if (!v) return nullptr;
  if (!v->is_object()) {
    add(code::kNotObjectField, join(path, key));
    return nullptr;
  }
  return v;
}

const json* Reporter::array_field(const json& object, std::string_view path, std::string_view key, bool required) {
  const json* v = present_field(object, path, key, required);
  if (!v) return nullptr;
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
  const json* v = present_field(object, path, key, required);
  if (!v) return std::nullopt;
  return text_value(*v, join(path, key));
}

std::string describe_value(const json& value) {
  // Containers are only named: dumping them recurses, and a hostile file can nest very deeply.
  if (value.is_array()) return "[…]";
  if (value.is_object()) return "{…}";
  // error_handler_t::replace: never throws, even on strings nlohmann would consider invalid.
  return shorten(value.dump(-1, ' ', false, json::error_handler_t::replace));
}

namespace {

// A string as nlohmann's dump writes it, without its per-byte UTF-8 decoding: runs of plain characters are copied at
// once; quotes, backslashes and controls escaped as nlohmann does. At the largest stored document (1.4 MB of notes)
// nlohmann's took most of an export's 50 ms in WebAssembly.
void append_string(std::string& out, std::string_view s) {
  const std::size_t start = out.size();
  out += '"';
  std::size_t run = 0;
  for (std::size_t i = find_special(s, 0, '"', '\\'); i < s.size(); i = find_special(s, i, '"', '\\')) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const std::size_t n = utf8_sequence(s, i);
      if (n == 0) {  // invalid UTF-8, which the app never writes: nlohmann's replacement characters
        out.resize(start);
        out += json(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace);
        return;
      }
      i += n;
      continue;
    }
    out.append(s, run, i - run);
    run = ++i;
    out += '\\';
    switch (c) {
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case '\b': out += 'b'; break;
      case '\t': out += 't'; break;
      case '\n': out += 'n'; break;
      case '\f': out += 'f'; break;
      case '\r': out += 'r'; break;
      default:
        out += "u00";
        out += "0123456789abcdef"[c >> 4];
        out += "0123456789abcdef"[c & 0xF];
    }
  }
  out.append(s, run, s.size() - run);
  out += '"';
}

template <typename Int>
void append_integer(std::string& out, Int n) {
  char digits[24];
  out.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
}

// nlohmann's dump(indent, ' ', false, replace) of a value, byte for byte (with append_string's speed).
class Writer {
 public:
  Writer(std::string& out, bool pretty) : out_(out), pretty_(pretty) {}

  // False for a value nlohmann writes its own way (binary, discarded), which the app never builds.
  bool value(const json& v, std::size_t indent) {
    switch (v.type()) {
      case json::value_t::object: return container(v, '{', '}', indent, true);
      case json::value_t::array: return container(v, '[', ']', indent, false);
      case json::value_t::string: append_string(out_, *v.get_ptr<const std::string*>()); return true;
      case json::value_t::boolean: out_ += *v.get_ptr<const bool*>() ? "true" : "false"; return true;
      case json::value_t::null: out_ += "null"; return true;
      case json::value_t::number_integer:
        append_integer(out_, *v.get_ptr<const json::number_integer_t*>());
        return true;
      case json::value_t::number_unsigned:
        append_integer(out_, *v.get_ptr<const json::number_unsigned_t*>());
        return true;
      case json::value_t::number_float: out_ += v.dump(); return true;  // nlohmann's shortest round-trip form
      default: return false;
    }
  }

 private:
  bool container(const json& v, char open, char close, std::size_t indent, bool object) {
    out_ += open;
    bool first = true;
    for (auto it = v.begin(); it != v.end(); ++it) {
      if (!first) out_ += ',';
      first = false;
      if (pretty_) {
        out_ += '\n';
        out_.append(indent + 2, ' ');
      }
      if (object) {
        append_string(out_, it.key());
        out_ += pretty_ ? ": " : ":";
      }
      if (!value(*it, indent + 2)) return false;
    }
    if (pretty_ && !first) {
      out_ += '\n';
      out_.append(indent, ' ');
    }
    out_ += close;
    return true;
  }

  std::string& out_;
  bool pretty_;
};

std::string dump(const json& value, bool pretty) {
  std::string out;
  if (Writer(out, pretty).value(value, 0)) return out;
  return value.dump(pretty ? 2 : -1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

JsonWriter::JsonWriter(bool pretty, std::size_t reserve) : pretty_(pretty) { out_.reserve(reserve); }

void JsonWriter::element() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (members_.empty()) return;  // the top-level value
  if (members_.back()) out_ += ',';
  members_.back() = true;
  if (pretty_) {
    out_ += '\n';
    out_.append(2 * members_.size(), ' ');
  }
}

JsonWriter& JsonWriter::begin_object() {
  element();
  out_ += '{';
  members_.push_back(false);
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  element();
  out_ += '[';
  members_.push_back(false);
  return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
  const bool any = members_.back();
  members_.pop_back();
  if (pretty_ && any) {
    out_ += '\n';
    out_.append(2 * members_.size(), ' ');
  }
  out_ += bracket;
  return *this;
}

JsonWriter& JsonWriter::end_object() { return close('}'); }
JsonWriter& JsonWriter::end_array() { return close(']'); }

JsonWriter& JsonWriter::key(std::string_view key) {
  element();
  append_string(out_, key);
  out_ += pretty_ ? ": " : ":";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  element();
  append_string(out_, text);
  return *this;
}

JsonWriter& JsonWriter::value(std::int64_t number) {
  element();
  append_integer(out_, number);
  return *this;
}

std::string JsonWriter::take() {
  if (pretty_) out_ += '\n';
  return std::move(out_);
}

std::string dump_compact(const json& value) { return dump(value, false); }
std::string dump_pretty(const json& value) { return dump(value, true) + "\n"; }

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
                                           std::string_view unknown_code, bool required) {
  const json* version = member(root, "schemaVersion");
  if (!version) {
    if (required) add(code::kMissingField, "schemaVersion", {{"field", "schemaVersion"}});
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
    add(unknown_code, "schemaVersion", {{"found", std::to_string(*v)}, {"expected", std::to_string(current)}});
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
      else
        i = find_special(text, i + 1, '"', '\\') - 1;  // a run of plain characters: none of them matters here
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

// A value's place in the document, made into a path string only for a problem: building one per value was most of
// the check's work.
struct Place {
  const Place* parent = nullptr;
  std::string_view name;  // the member's key; for the top, its whole path
  std::size_t item = 0;
  bool is_item = false;  // an array's item, at `item`
};

std::string path_of(const Place& place) {
  if (!place.parent) return std::string(place.name);
  const std::string base = path_of(*place.parent);
  return place.is_item ? index(base, place.item) : join(base, place.name);
}

// Depth is bounded by the pre-scan, so this recursion is too.
void check_value(const json& value, const Place& place, bool free_text, const ValueRules& rules, Reporter& r) {
  if (r.problems.size() >= kMaxProblems) return;
  if (const std::string* s = as_string(value)) {
    if (s->size() > rules.max_string_bytes)
      r.add(code::kStringTooLong, path_of(place), {{"max", std::to_string(rules.max_string_bytes)}});
    else if (control_character(*s, free_text))
      r.add(code::kControlCharacter, path_of(place));
    return;
  }
  if (const auto* f = value.get_ptr<const json::number_float_t*>()) {
    if (!std::isfinite(*f)) r.add(code::kNotFinite, path_of(place));
    return;
  }
  if (value.is_array()) {
    std::size_t i = 0;
    for (const json& item : value) check_value(item, Place{&place, {}, i++, true}, false, rules, r);
    return;
  }
  if (value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it) {
      const std::string& key = it.key();
      // Keys are shown in paths, so they are held to the same rules (and never echoed when bad).
      if (key.size() > rules.max_string_bytes) {
        r.add(code::kStringTooLong, path_of(place), {{"max", std::to_string(rules.max_string_bytes)}});
        continue;
      }
      if (control_character(key, false)) {
        r.add(code::kControlCharacter, path_of(place));
        continue;
      }
      check_value(it.value(), Place{&place, key}, !rules.free_text_key.empty() && key == rules.free_text_key, rules, r);
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
  if (std::optional<json> plain = parse_plain(text)) return plain;
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
  const Args at = place_in(text, dom.stop.position > 0 ? dom.stop.position - 1 : 0);
  if (scan.unfinished || blank(text))
    problems.push_back({std::string(code::kTruncated), "", at});
  else if (dom.stop.id == 406)  // nlohmann's "number overflow" (1e400); the depth is bounded by the pre-scan
    problems.push_back({std::string(code::kNotFinite), "", {}});
  else
    problems.push_back({std::string(code::kInvalidJson), "", at});
  return std::nullopt;
}

void check_values(const json& value, const std::string& path, const ValueRules& rules, Reporter& r) {
  check_value(value, Place{nullptr, path}, false, rules, r);
}

}  // namespace ssi::detail
