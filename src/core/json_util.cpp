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
    problems.push_back({std::string(code::kInvalidJson), "",
                        {{"line", std::to_string(line)}, {"column", std::to_string(column)}}});
    return std::nullopt;
}

const std::string* as_string(const json& value) { return value.get_ptr<const json::string_t*>(); }

std::optional<std::int64_t> as_integer(const json& value) {
    if (const auto* i = value.get_ptr<const json::number_integer_t*>()) return static_cast<std::int64_t>(*i);
    if (const auto* u = value.get_ptr<const json::number_unsigned_t*>()) {
        if (*u <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return static_cast<std::int64_t>(*u);
    }
    return std::nullopt;
}

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

const json* Reporter::object_field(const json& object, std::string_view path, std::string_view key,
                                   bool required) {
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

const json* Reporter::array_field(const json& object, std::string_view path, std::string_view key,
                                  bool required) {
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
std::string dump_pretty(const json& value) {
    return value.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::optional<int> Reporter::int_field(const json& object, std::string_view path, std::string_view key, int min,
                                       int max) {
    const json* v = member(object, key);
    const std::string p = join(path, key);
    if (!v) {
        add(code::kMissingField, p, {{"field", std::string(key)}});
        return std::nullopt;
    }
    std::optional<std::int64_t> n = as_integer(*v);
    if (!n) {
        add(code::kNotInteger, p);
        return std::nullopt;
    }
    if (*n < min || *n > max) {
        add(code::kOutOfRange, p, {{"value", std::to_string(*n)}, {"min", std::to_string(min)}, {"max", std::to_string(max)}});
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
            check_value(it.value(), join(path, key), !rules.free_text_key.empty() && key == rules.free_text_key,
                        rules, r);
        }
    }
}

}  // namespace

std::optional<json> parse_limited(std::string_view text, int max_depth, bool look_for_literals,
                                  std::vector<Problem>& problems) {
    const PreScan scan = prescan(text, max_depth, look_for_literals);
    if (scan.problem) {
        problems.push_back(*scan.problem);
        return std::nullopt;
    }
    std::optional<json> doc = parse(text, problems);
    if (doc) return doc;
    if (scan.unfinished || blank(text)) {
        problems.back().code = std::string(code::kTruncated);
        return doc;
    }
    // 406 is nlohmann's "number overflow" (e.g. 1e400); the depth is already bounded by the pre-scan.
    if (parse_stop(text).id == 406) problems.back() = Problem{std::string(code::kNotFinite), "", {}};
    return doc;
}

void check_values(const json& value, const std::string& path, const ValueRules& rules, Reporter& r) {
    check_value(value, path, false, rules, r);
}

bool control_character(std::string_view s, bool allow_line_breaks) {
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == 0x7F) return true;
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
    if (b0 >= 0xC2 && b0 <= 0xDF) n = 2;
    else if (b0 == 0xE0) n = 3, lo = 0xA0;                 // no overlong forms
    else if (b0 == 0xED) n = 3, hi = 0x9F;                 // no surrogates
    else if (b0 >= 0xE1 && b0 <= 0xEF) n = 3;
    else if (b0 == 0xF0) n = 4, lo = 0x90;
    else if (b0 == 0xF4) n = 4, hi = 0x8F;                 // at most U+10FFFF
    else if (b0 >= 0xF1 && b0 <= 0xF3) n = 4;
    else return 0;
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

std::string_view utf8_prefix(std::string_view s, std::size_t max_code_points) {
    std::size_t i = 0;
    for (std::size_t count = 0; i < s.size() && count < max_code_points; ++count) {
        const std::size_t n = utf8_sequence(s, i);
        i += n == 0 ? 1 : n;
    }
    return s.substr(0, i);
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
