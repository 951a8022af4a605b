// SSI Self-Check — the person's data: one versioned document kept on the device, its export and import,
// the history as CSV, the real SSI entered from LinkedIn, and the comparison of estimate and reality.
// Plain C++20 like the rest of the core: no exceptions, no platform code; every function is total and
// reports problems (codes in content/messages.json) instead of failing.
//
// Index of this file:
// [SECTION] The document
// [SECTION] Reading and writing the stored document (with migration)
// [SECTION] Export and import
// [SECTION] History as CSV
// [SECTION] Real SSI input
// [SECTION] Estimate versus reality
// The file formats are documented in docs/data-format.md.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/limits.h"
#include "core/ssi.h"

namespace ssi::store {

//-----------------------------------------------------------------------------
// [SECTION] The document
//-----------------------------------------------------------------------------

inline constexpr std::string_view kDocumentSchema = "ssi-selfcheck/store";
inline constexpr int kDocumentVersion = 2;  // 1: the flat first format, migrated on read
inline constexpr std::string_view kExportType = "ssi-selfcheck/export";
inline constexpr int kExportVersion = 1;
// The limits of every reader are in core/limits.h (one table in docs/data-format.md).
inline constexpr std::size_t kMaxImportBytes = limits::kMaxImportBytes;
inline constexpr int kMaxDepth = limits::kMaxDepth;
inline constexpr std::size_t kMaxStringBytes = limits::kMaxStringBytes;

struct Settings {
  std::optional<Lang> language;  // unset: follow the browser
  std::string theme = "system";  // "system", "light", "dark"
  int text_size_percent = 100;   // 100..200: the app's text on top of the browser's own text size
  bool operator==(const Settings&) const = default;
};

// A finished self-check, as it was when the person finished it.
struct SelfCheck {
  std::string id;    // stable across devices: import merges by id
  std::string date;  // ISO 8601 UTC, "2026-11-25T14:03:00Z"
  std::string questionnaire_id, questionnaire_version;
  Answers answers;
  std::array<int, kComponentCount> component_centi{};  // as scored then (the model may change later)
  int total = 0;
  std::string note;  // the person's own words
  bool operator==(const SelfCheck&) const = default;
};

// A real SSI read off linkedin.com/sales/ssi.
struct RealEntry {
  std::string id;
  std::string date;                                    // "YYYY-MM-DD"
  std::array<int, kComponentCount> component_centi{};  // two decimals, 0..2500 each
  std::optional<int> industry_top_percent;             // "Top 5 %" in the industry → 5 (1..100)
  std::optional<int> network_top_percent;
  std::string note;
  int total() const;  // rounded sum, as LinkedIn shows it
  bool operator==(const RealEntry&) const = default;
};

// Where the person was, so a reload resumes exactly there.
struct Progress {
  Answers answers;       // the answers being worked on (not yet a finished self-check)
  std::string screen;    // "welcome", "questionnaire", "results", "about", ...
  std::string question;  // id of the question on screen
  bool operator==(const Progress&) const = default;
};

struct Document {
  Settings settings;
  Progress progress;
  std::vector<SelfCheck> checks;  // oldest first
  std::vector<RealEntry> real;    // oldest first
  bool operator==(const Document&) const = default;
};

//-----------------------------------------------------------------------------
// [SECTION] Reading and writing the stored document
//-----------------------------------------------------------------------------

struct DocumentLoad {
  std::optional<Document> document;  // set when readable (possibly after migration)
  std::vector<Problem> problems;     // why it is not readable; empty when document is set
  // Readable, but these entries (or the answers in progress) were left out: the first problem of each, with
  // its path (at most 50 listed; dropped_entries counts all). The caller keeps the text before writing over it.
  std::vector<Problem> dropped;
  int dropped_entries = 0;
  int found_version = 0;  // schemaVersion found in the text (0 when none could be read)
  bool migrated = false;  // read from an older version: write it back in the current one
};

// Reads what the app stored. A text over limits::kMaxStoredReadBytes, not UTF-8, invalid JSON, a truncated text,
// another schema or a future version give problems and no document: the caller keeps the text byte-exact and
// starts afresh. One bad entry never hides the others: an entry with a problem (a field of the wrong type or
// out of range, an id outside the allowed characters, a date that is not one, an id given twice, a control
// character) is left out and listed in `dropped`. Answers for questions the questionnaire does not know are
// dropped silently (they cannot be shown or scored).
DocumentLoad read_document(std::string_view json, const Questionnaire& questionnaire);

// The repair reader: every entry that can be read from a stored copy the app could not read (cut, broken,
// from a newer version), and a list of what it left out. A cut text gives the entries that were complete.
struct Salvage {
  Document document;             // settings, progress and entries that read
  std::vector<Problem> dropped;  // one problem per entry left out (at most 50 listed)
  int dropped_entries = 0;
  bool stored_copy = false;       // the text is recognisably a stored document (otherwise nothing is taken)
  std::optional<Problem> reason;  // why read_document would refuse the text as a whole, if it does
};
Salvage salvage_document(std::string_view json, const Questionnaire& questionnaire);

// Whether a document fits the storage budget (limits::kMaxEntries, limits::kMaxStoredBytes as written):
// store.too_many_entries {count} {max} or store.too_large {max} (KiB) otherwise.
std::optional<Problem> check_fits(const Document& document);

// Deterministic (sorted keys, no whitespace) so unchanged data writes identical bytes.
std::string write_document(const Document& document);

//-----------------------------------------------------------------------------
// [SECTION] Export and import
//-----------------------------------------------------------------------------

// { "type": "ssi-selfcheck/export", "schemaVersion": 1, "appVersion": "...", "exportedAt": "...",
//   "checks": [...], "real": [...] }   — settings and progress are not exported.
std::string export_all(const Document& document, std::string_view app_version, std::string_view exported_at);
std::string export_check(const SelfCheck& check, std::string_view app_version, std::string_view exported_at);

struct ImportPreview {
  std::vector<SelfCheck> new_checks;  // not yet in the document (by id)
  std::vector<RealEntry> new_real;
  int duplicate_checks = 0, duplicate_real = 0;
  std::vector<Problem> problems;  // non-empty: refused, nothing may be added
  bool repair = false;            // the file was a stored copy: what reads is taken, the rest listed
  std::vector<Problem> dropped;   // repair only: entries left out (at most 50 listed)
  int dropped_entries = 0;
  bool ok() const { return problems.empty(); }
};

// Checks an import file against the document it would be merged into. Refuses (with a problem) files over
// kMaxImportBytes, UTF-16 or invalid UTF-8, invalid or truncated JSON, a key given twice, another "type", a
// future schemaVersion, nesting deeper than 32, strings over 10 000 bytes, control characters in strings,
// numbers that are not finite or out of range, a total that is not the rounded sum of its components, unknown
// questionnaire ids, out-of-range answers, and a merge that would not fit (check_fits). A stored document (the
// copy of unreadable data the app offered, whole or cut) is read as a repair with salvage_document. Never
// throws, never recurses without bound.
ImportPreview preview_import(std::string_view text, const Document& into, const Questionnaire& questionnaire);

// Adds what the preview found new; the result is sorted oldest first. Importing the same file twice adds nothing.
Document merge(const Document& into, const ImportPreview& preview);

// What a chosen file says it is (the "type" of our JSON files, e.g. kExportType), for routing it; "" for anything
// else. Depth-bounded parse: the file may be anything.
std::string file_type(std::string_view text);

//-----------------------------------------------------------------------------
// [SECTION] History as CSV
//-----------------------------------------------------------------------------

// Header (fixed, English, documented): kind,id,date,brand,find,engage,relationships,total,note
// kind is "selfcheck" or "real"; component values with two decimals and a point; RFC 4180 quoting; every text
// cell starting with = + - @ tab or CR (also after spaces) gets a leading apostrophe (OWASP).
inline constexpr std::string_view kCsvHeader = "kind,id,date,brand,find,engage,relationships,total,note";
std::string history_csv(const Document& document);
// One text cell by those rules (also for the group view's comparison).
std::string csv_field(std::string_view text);

//-----------------------------------------------------------------------------
// [SECTION] Real SSI input
//-----------------------------------------------------------------------------

// "12,34", "12.34", " 7 " → centi points; empty, malformed, more than two decimals or outside 0–25 → problem.
struct ValueParse {
  std::optional<int> centi;
  std::optional<Problem> problem;
};
ValueParse parse_component_value(std::string_view text);
// "5", "Top 5 %", "5%" → 5; 1..100.
struct PercentParse {
  std::optional<int> percent;
  std::optional<Problem> problem;
};
PercentParse parse_top_percent(std::string_view text);
// "2026-11-25" → valid calendar date (1900..2999) or problem.
std::optional<Problem> check_date(std::string_view text);

//-----------------------------------------------------------------------------
// [SECTION] Estimate versus reality
//-----------------------------------------------------------------------------

struct Comparison {
  std::array<int, kComponentCount> estimate_centi{}, real_centi{};
  std::array<int, kComponentCount> difference_centi{};  // estimate − real
  // One localised sentence per component whose difference is at least 0.5 points, e.g.
  // "Sie schätzen Ihr Engagement 6,0 Punkte höher ein als LinkedIn." (texts in messages.json).
  std::vector<std::pair<std::string, Args>> sentences;  // message key + arguments (numbers in `lang`'s format)
};
Comparison compare(const Result& estimate, const RealEntry& real, Lang lang);

// Advice re-ranked toward the components that are really weakest: conduct advice stays first, then gains in
// components where the real SSI is lowest (ties keep the estimate's order).
std::vector<Advice> rerank_advice(const std::vector<Advice>& advice, const RealEntry& real);

// "+3 since last week" as LinkedIn shows it: the change of the total between the newest real entry and the
// newest one at least 7 days older; nullopt when there is none.
std::optional<int> change_since_last_week(const std::vector<RealEntry>& real);

}  // namespace ssi::store
