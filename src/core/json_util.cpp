#include "core/json_util.h"

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

namespace {
bool blank(const std::string& s) {
    for (char c : s)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
    return true;
}
}  // namespace

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
    std::string out = value.dump(-1, ' ', false, json::error_handler_t::replace);
    if (out.size() > 40) {
        std::size_t cut = 37;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
        out = out.substr(0, cut) + "...";
    }
    return out;
}

}  // namespace ssi::detail
