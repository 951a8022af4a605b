// Internal: safe, non-throwing access to nlohmann::json for the loaders, and what every reader of files
// from elsewhere shares (store_read.cpp, workshop.cpp): parsing hostile text within limits, checking every value,
// trimming and UTF-8, exact decimals in hundredths.
// Emscripten builds without exceptions, where any nlohmann throw is an abort, so every access
// here checks types first and only uses calls that cannot throw (get_ptr, find, iteration).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/limits.h"
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

// The fast path of parse() and parse_limited(): the document nlohmann would build, for the JSON this app ships and
// writes (integers only, nesting at most kPlainMaxDepth, no key twice in an object, valid UTF-8); nullopt for any
// other text, valid or not, which then goes through nlohmann. About five times faster than nlohmann's lexer, which
// copies each character twice: the shipped content was most of the start-up's work on a phone (issue 16).
inline constexpr int kPlainMaxDepth = 48;
std::optional<json> parse_plain(std::string_view text);
// nlohmann's reader, for what parse_plain leaves: a discarded value when the text is no JSON. Out of line, so that the
// page can load it, and the rest of nlohmann's parser, after the first frame (src/platform/web/deferred.txt).
json parse_nlohmann(std::string_view text);

// Type-checked readers: nullptr / nullopt when the value has another type.
const std::string* as_string(const json& value);
// Any JSON integer (signed or unsigned) that fits in int64. An unsigned one beyond it is nullopt, never wrapped
// (nlohmann hands out its storage as int64 for both kinds: 2^64-100 would otherwise read as -100).
std::optional<std::int64_t> as_integer(const json& value);
// An unsigned JSON integer too large for int64 (a number, but outside every range here).
bool huge_integer(const json& value);
const json* member(const json& object, std::string_view key);  // nullptr if absent or not an object

// Builds JSON paths like "questions[3].options[1].points".
std::string join(std::string_view path, std::string_view key);
std::string index(std::string_view path, std::size_t i);

// Collects problems while a loader walks a document.
struct Reporter {
  std::vector<Problem>& problems;
  void add(std::string_view code, std::string path, Args args = {});

  // The field's value, or nullptr after reporting it missing (when required).
  const json* present_field(const json& object, std::string_view path, std::string_view key, bool required);
  // Field readers for objects: report missing / wrong type, return nullptr / nullopt then.
  const std::string* string_field(const json& object, std::string_view path, std::string_view key,
                                  bool required = true);
  const json* object_field(const json& object, std::string_view path, std::string_view key, bool required = true);
  const json* array_field(const json& object, std::string_view path, std::string_view key, bool required = true);
  // A {"de": "...", "en": "..."} text; both languages non-empty.
  std::optional<Text> text_field(const json& object, std::string_view path, std::string_view key, bool required = true);
  std::optional<Text> text_value(const json& value, const std::string& path);
  // An integer within [min, max]: reports missing / not an integer / out of range (code::kOutOfRange, also for
  // integers beyond int64, with their digits).
  std::optional<int> int_field(const json& object, std::string_view path, std::string_view key, int min, int max);
  // "schemaVersion" of a file whose current format is `current`: reports missing (unless optional), not an integer,
  // a future version (future_code {found} {expected}, also one beyond int64) or one below 1 (unknown_code {found}
  // {expected}). The version when readable; every reader of a versioned format checks it here.
  std::optional<int> version_field(const json& root, int current, std::string_view future_code,
                                   std::string_view unknown_code, bool required = true);
};

// Number rendered for a message argument ("2.5", "true", "\"x\"").
std::string describe_value(const json& value);

// Written files: keys sorted; compact (no whitespace), or pretty (two-space indent, trailing newline).
// Never throw: invalid UTF-8 (which the app never produces) is replaced, not fatal.
std::string dump_compact(const json& value);
std::string dump_pretty(const json& value);

// Writes what dump_compact / dump_pretty write of the same value, without building it first (the stored document and
// the export, 1.4 MB at the largest): an object's members must come in the order of their keys, as nlohmann holds them.
class JsonWriter {
 public:
  explicit JsonWriter(bool pretty, std::size_t reserve = 0);
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view key);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(std::int64_t number);
  JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
  // The text; pretty ends with a line break, as dump_pretty.
  std::string take();

 private:
  void element();  // before a member or an array element: the comma, and the line break and indent when pretty
  JsonWriter& close(char bracket);

  std::string out_;
  bool pretty_;
  bool after_key_ = false;
  std::vector<bool> members_;  // per open container: whether it has any yet
};

//-----------------------------------------------------------------------------
// Hostile input: files a person drops or imports (store_read.cpp, workshop.cpp)
//-----------------------------------------------------------------------------

inline constexpr std::size_t kMaxProblems =
    limits::kMaxProblems;  // a hostile file with 100 000 bad entries gives a bounded report

// The encoding of a file's bytes: UTF-8 with or without a byte order mark is accepted (the mark is dropped from
// `text`); UTF-16 or UTF-32 (a byte order mark, or NUL bytes between the characters) gives code::kUtf16, a raw
// NUL byte code::kNulByte, bytes that are not UTF-8 code::kInvalidUtf8 (both with {line} {column}).
std::optional<Problem> check_encoding(std::string_view& text);
// {line} {column} of the byte at offset (clamped to the text), 1-based, columns counted in UTF-8 characters.
Args place_in(std::string_view text, std::size_t offset);

// What a text that broke off held up to the break: complete values are in `root`; containers that were still
// open are listed in `unfinished` (an entry among them was cut and must not be taken as whole).
struct Partial {
  std::unique_ptr<json> root;  // null when not even the first value began
  std::vector<const json*> unfinished;
  bool unfinished_contains(const json* value) const;
};

// Parses a text that may be hostile. check_encoding first; then one pass over the bytes, without recursion,
// bounds the nesting depth (code::kTooDeep) and, with look_for_literals, names NaN/Infinity literals
// (code::kNotFinite) before anything is built. The document is built by a SAX handler that refuses a key given
// twice in one object (code::kDuplicateKey {key}, with the path of the second one). A parse error in a text that
// ends inside a string or with brackets open (or holds nothing at all) is reported as code::kTruncated, a number
// too large for a double as code::kNotFinite, anything else as code::kInvalidJson. With `partial`, what was
// complete before a parse error is kept there (for salvaging a broken stored copy).
std::optional<json> parse_limited(std::string_view text, int max_depth, bool look_for_literals,
                                  std::vector<Problem>& problems, Partial* partial = nullptr);

// Limits for every string and number anywhere in a parsed file (see check_values).
struct ValueRules {
  std::size_t max_string_bytes = 10000;
  std::string_view free_text_key;  // values under this key may hold line breaks and tabs ("" = none)
};
// Walks a document parsed by parse_limited (so its depth is bounded): strings and keys longer than
// max_string_bytes (code::kStringTooLong), control characters (code::kControlCharacter), numbers that are
// not finite (code::kNotFinite). Stops after kMaxProblems problems; keys are never echoed.
void check_values(const json& value, const std::string& path, const ValueRules& rules, Reporter& r);

// Whether s holds a C0 control (U+0000–U+001F), U+007F or a C1 control (U+0080–U+009F); line breaks and tabs
// are allowed when allow_line_breaks.
bool control_character(std::string_view s, bool allow_line_breaks);

//-----------------------------------------------------------------------------
// Identifiers and names (limits.h)
//-----------------------------------------------------------------------------

// Characters that change the direction of the text around them (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069).
bool bidi_control(char32_t cp);
// Characters that draw nothing: zero-width and format characters, variation selectors, fillers, tags, and the
// Unicode spaces (ASCII spaces are trimmed before).
bool invisible(char32_t cp);
// The code points of valid UTF-8; nullopt when invalid.
std::optional<std::u32string> code_points(std::string_view s);
// Byte offsets where the user-perceived characters of valid UTF-8 start (extended grapheme clusters for
// combining marks, emoji ZWJ sequences, skin tones, variation selectors, keycaps, flags and tag sequences),
// and the end. A family emoji of seven code points is one character.
std::vector<std::size_t> grapheme_starts(std::string_view s);
std::size_t grapheme_count(std::string_view s);
// An id as the app writes and compares them: 1–max bytes of A–Z a–z 0–9 . _ : - (so no invisible, control or
// direction characters can make two ids look alike); with lower_only, no upper-case letters and no ':'.
bool valid_identifier(std::string_view id, std::size_t max, bool lower_only);
// A questionnaire's id (lower case: "SSI-Selfcheck" cannot pass for ours) and version ("1.0.0", "2026-Q1").
inline bool valid_questionnaire_id(std::string_view id) { return valid_identifier(id, limits::kMaxIdBytes, true); }
inline bool valid_questionnaire_version(std::string_view v) {
  return valid_identifier(v, limits::kMaxVersionBytes, false);
}

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
// Bytes of the valid UTF-8 sequence starting at s[i] (1–4), or 0 when none starts there.
std::size_t utf8_sequence(std::string_view s, std::size_t i);
// The first byte at or after `from` that is a control (below 0x20), not ASCII (0x80 and above), `a` or `b`;
// s.size() when there is none. Eight bytes at a time: the writers pass the largest history's 1.4 MB of notes.
std::size_t find_special(std::string_view s, std::size_t from, char a, char b);
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
