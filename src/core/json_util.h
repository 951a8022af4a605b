// Internal: safe, non-throwing access to nlohmann::json for the loaders, and what every reader of files
// from elsewhere shares (store.cpp, workshop.cpp): parsing hostile text within limits, checking every value,
// trimming and UTF-8, exact decimals in hundredths.
// Emscripten builds without exceptions, where any nlohmann throw is an abort, so every access
// here checks types first and only uses calls that cannot throw (get_ptr, find, iteration).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/ssi.h"

namespace ssi::detail {

using json = nlohmann::json;

// Where and why nlohmann stops on an invalid text: the characters read and its error id
// (101 parse error, 406 number overflow such as 1e400). Walks the text once without building anything.
struct ParseStop {
    std::size_t position = 0;
    int id = 0;
};
ParseStop parse_stop(std::string_view text);

// Parses text; on failure reports code::kInvalidJson with 1-based line/column into problems.
std::optional<json> parse(std::string_view text, std::vector<Problem>& problems);

// Type-checked readers: nullptr / nullopt when the value has another type.
const std::string* as_string(const json& value);
// Any JSON integer (signed or unsigned) that fits in int64.
std::optional<std::int64_t> as_integer(const json& value);
const json* member(const json& object, std::string_view key);  // nullptr if absent or not an object

// Builds JSON paths like "questions[3].options[1].points".
std::string join(std::string_view path, std::string_view key);
std::string index(std::string_view path, std::size_t i);

// Collects problems while a loader walks a document.
struct Reporter {
    std::vector<Problem>& problems;
    void add(std::string_view code, std::string path, Args args = {});

    // Field readers for objects: report missing / wrong type, return nullptr / nullopt then.
    const std::string* string_field(const json& object, std::string_view path, std::string_view key,
                                    bool required = true);
    const json* object_field(const json& object, std::string_view path, std::string_view key,
                             bool required = true);
    const json* array_field(const json& object, std::string_view path, std::string_view key,
                            bool required = true);
    // A {"de": "...", "en": "..."} text; both languages non-empty.
    std::optional<Text> text_field(const json& object, std::string_view path, std::string_view key,
                                   bool required = true);
    std::optional<Text> text_value(const json& value, const std::string& path);
    // An integer within [min, max]: reports missing / not an integer / out of range (code::kOutOfRange).
    std::optional<int> int_field(const json& object, std::string_view path, std::string_view key, int min, int max);
    // "schemaVersion" of a file whose current format is `current`: reports missing, not an integer, a future
    // version (future_code {found} {expected}) or one below 1 (unknown_code {found}). The version when readable.
    std::optional<int> version_field(const json& root, int current, std::string_view future_code,
                                     std::string_view unknown_code);
};

// Number rendered for a message argument ("2.5", "true", "\"x\"").
std::string describe_value(const json& value);

// Written files: keys sorted; compact (no whitespace), or pretty (two-space indent, trailing newline).
// Never throw: invalid UTF-8 (which the app never produces) is replaced, not fatal.
std::string dump_compact(const json& value);
std::string dump_pretty(const json& value);

//-----------------------------------------------------------------------------
// Hostile input: files a person drops or imports (store.cpp, workshop.cpp)
//-----------------------------------------------------------------------------

inline constexpr std::size_t kMaxProblems = 50;  // a hostile file with 100 000 bad entries gives a bounded report

// Parses a text that may be hostile. One pass over the bytes first, without recursion, bounds the nesting
// depth (code::kTooDeep) and, with look_for_literals, names NaN/Infinity literals (code::kNotFinite) before
// nlohmann parses anything. A parse error in a text that ends inside a string or with brackets open (or holds
// nothing at all) is reported as code::kTruncated, a number too large for a double as code::kNotFinite,
// anything else as code::kInvalidJson.
std::optional<json> parse_limited(std::string_view text, int max_depth, bool look_for_literals,
                                  std::vector<Problem>& problems);

// Limits for every string and number anywhere in a parsed file (see check_values).
struct ValueRules {
    std::size_t max_string_bytes = 10000;
    std::string_view free_text_key;  // values under this key may hold line breaks and tabs ("" = none)
};
// Walks a document parsed by parse_limited (so its depth is bounded): strings and keys longer than
// max_string_bytes (code::kStringTooLong), control characters (code::kControlCharacter), numbers that are
// not finite (code::kNotFinite). Stops after kMaxProblems problems; keys are never echoed.
void check_values(const json& value, const std::string& path, const ValueRules& rules, Reporter& r);

// Whether s holds U+0000–U+001F or U+007F (line breaks and tabs allowed when allow_line_breaks).
bool control_character(std::string_view s, bool allow_line_breaks);

//-----------------------------------------------------------------------------
// Text helpers
//-----------------------------------------------------------------------------

// Only ASCII blanks (space, tab, CR, LF), or nothing.
bool blank(std::string_view text);
// Without surrounding ASCII blanks and the no-break spaces a copy from a web page brings along (U+00A0, U+202F).
std::string_view trim(std::string_view s);
// At most max bytes for a message argument: longer texts are cut at a UTF-8 boundary and end in "...".
std::string shorten(std::string_view text, std::size_t max = 40);
// Code points in valid UTF-8 (no overlong forms, no surrogates, at most U+10FFFF); nullopt when invalid.
std::optional<std::size_t> utf8_length(std::string_view s);
// The first max_code_points code points of valid UTF-8.
std::string_view utf8_prefix(std::string_view s, std::size_t max_code_points);
// One or more ASCII digits, and their value (callers bound the length).
bool digits(std::string_view s);
int to_int(std::string_view s);

// A decimal number of points as hundredths: "12", "12.5", "12,34", "+7", "-0". A point or a comma separates
// at most two decimals; the value must lie in 0..max_centi. Exact: no floating point is involved.
enum class CentiError { None, NotANumber, TooManyDecimals, OutOfRange };
struct CentiParse {
    int centi = 0;
    CentiError error = CentiError::None;
};
CentiParse parse_centi(std::string_view text, int max_centi);

}  // namespace ssi::detail
