// SSI Self-Check — workshop mode: the file a participant hands to the trainer, the group view the trainer
// builds from many such files, and two sessions of it compared (before and after). Plain C++20 like the rest of
// the core: no exceptions, no platform code; every function is total and reports problems (codes in
// content/messages.json) instead of failing.
//
// Index of this file:
// [SECTION] Hand-over file ("for my trainer")
// [SECTION] Group view
// [SECTION] Before and after
// The file format is documented in docs/data-format.md.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/limits.h"
#include "core/ssi.h"

namespace ssi::workshop {

//-----------------------------------------------------------------------------
// [SECTION] Hand-over file
//-----------------------------------------------------------------------------
// Holds only what the group discussion needs: the four scores, total, corridor, the questionnaire's id and
// version and an optional nickname. No answers, no history, no dates, nothing that identifies a device.
// { "type": "ssi-selfcheck/handover", "schemaVersion": 1, "appVersion": "…",
//   "questionnaire": {"id": "…", "version": "…"}, "nickname": "…",
//   "components": {"brand": 12.5, "find": …, "engage": …, "relationships": …}, "total": 47, "corridor": "occasional" }
// Keys sorted, two-space indent, trailing newline (like every file the app writes).

inline constexpr std::string_view kHandoverType = "ssi-selfcheck/handover";
inline constexpr int kHandoverVersion = 1;
inline constexpr std::size_t kMaxHandoverBytes = limits::kMaxHandoverBytes;
inline constexpr std::size_t kMaxNicknameChars = limits::kMaxNicknameCharacters;  // user-perceived characters
inline constexpr int kMaxGroupFiles = limits::kMaxGroupParticipants;              // over all files of a group
inline constexpr std::size_t kMaxGroupBytes = limits::kMaxGroupBytes;             // a saved group session

struct Handover {
  std::string questionnaire_id, questionnaire_version;
  std::string nickname;                                // trimmed; "" = anonymous
  std::array<int, kComponentCount> component_centi{};  // 0..2500 each, two decimals
  int total = 0;                                       // rounded sum, as LinkedIn shows it
  Corridor corridor = Corridor::Inactive;              // corridor_for(total)
  bool operator==(const Handover&) const = default;
};

// The hand-over of a scored result. The nickname is trimmed and cut to kMaxNicknameChars characters; one that
// check_nickname refuses for its characters (control or direction characters, invalid UTF-8, nothing visible)
// gives an anonymous hand-over,
// so the file written is always readable: call check_nickname first to tell the person. Components are taken
// from the result (clamped to 0–25), the total and corridor recomputed from them.
Handover make_handover(const Questionnaire& questionnaire, const Result& result, std::string_view nickname);
std::string handover_json(const Handover& handover, std::string_view app_version);

// A nickname as typed is usable: after trimming valid UTF-8 (workshop.nickname_invalid), no C0/C1 control
// characters (the same), no characters that turn the direction of the text (workshop.nickname_direction), at
// least one visible character (workshop.nickname_invisible), at most kMaxNicknameChars user-perceived characters
// (grapheme clusters: a family emoji is one; workshop.nickname_too_long). Returns the problem otherwise.
std::optional<Problem> check_nickname(std::string_view nickname);

struct HandoverLoad {
  std::optional<Handover> handover;  // set only when there are no problems
  std::vector<Problem> problems;
  bool ok() const { return handover.has_value() && problems.empty(); }
};

// Reads a hand-over file. Refuses (with problems): more than kMaxHandoverBytes, invalid or truncated JSON,
// another "type" (an export of all data gets its own hint), a future schemaVersion, missing or wrongly typed
// fields, a questionnaire id or version outside the identifier rules (limits.h), component values outside 0–25
// or with more than two decimals, a total that is not the rounded sum of the components, a corridor that does
// not match the total (except "top" for exactly 80, as questionnaire 1.0.0 wrote it), a bad nickname, a key
// given twice, UTF-16 or invalid UTF-8. Never throws.
// Component values are read exactly (0.29 is 29 hundredths); the nickname is trimmed. Unknown fields are ignored.
HandoverLoad read_handover(std::string_view text);

//-----------------------------------------------------------------------------
// [SECTION] Group view
//-----------------------------------------------------------------------------

// Statistics of one value over the group, in hundredths of a point. The mean is rounded half away from
// zero to a hundredth; the median of an even count is the mean of the two middle values (rounded the same way).
struct Stats {
  int count = 0;
  int mean_centi = 0, median_centi = 0, min_centi = 0, max_centi = 0;
  bool operator==(const Stats&) const = default;
};
Stats stats_of(std::vector<int> values_centi);

struct Participant {
  std::string name;  // the nickname, or "" when anonymous (the UI shows "Participant N" then)
  int number = 0;    // 1-based, in the order the files were given (over the whole group)
  Handover handover;
};

// Results of one questionnaire (id + version). Results of different questionnaires are never mixed.
struct GroupPart {
  std::string questionnaire_id, questionnaire_version;
  std::vector<Participant> participants;  // in the order the files were given
  Stats total;                            // over the rounded totals (×100)
  std::array<Stats, kComponentCount> components{};
  std::array<int, 4> corridors{};  // inactive, occasional, active, top
  std::vector<Component> weakest;  // lowest mean component(s), LinkedIn's order on a tie
  // The advice most often at the top: a person's top advice is the one for their weakest component
  // (the lowest score; LinkedIn's order on a tie). Counts per component, and the most frequent one(s).
  std::array<int, kComponentCount> top_advice{};
  std::vector<Component> most_frequent_advice;
};

struct FileError {
  int index = 0;     // 0-based position in the list of files given to that add_files call
  std::string name;  // the file name, as given
  std::vector<Problem> problems;
};

struct Group {
  std::vector<GroupPart> parts;   // largest first (then by id, version); parts[0] is the main one
  std::vector<FileError> errors;  // in file order; each add_files call appends (clear it to forget them)
  int participants() const;       // over all parts
};

struct GroupFile {
  std::string name;  // shown with errors
  std::string text;
  bool code = false;  // scanned or typed: read as a hand-over code unless it is a JSON object (a file's text)
};

// Adds files to a group (a drop or a picker selection; may be called again to add more). Bad files are
// listed with their problems and the rest still load. Files beyond kMaxGroupFiles participants in total are
// refused with a problem each. Identical files (same bytes) are kept: two people may have the same scores.
// A file holding a saved group session (see group_json) adds all its participants; a participant in it that is
// not valid is reported (paths "participants[i]....") and the others are still added.
// A text that looks like a hand-over code (core/handover_code.h: scanned from a QR code or typed) is read as one.
// Parts are rebuilt over all participants after every call (participants keep their numbers).
void add_files(Group& group, const std::vector<GroupFile>& files);

// A group session as one file the trainer may choose to save (nothing is stored otherwise):
// { "type": "ssi-selfcheck/group", "schemaVersion": 1, "appVersion": "…", "participants": [results…] }
// Each result holds a hand-over's fields (questionnaire, nickname, components, total, corridor), in
// participant number order. Formatted like a hand-over file.
inline constexpr std::string_view kGroupType = "ssi-selfcheck/group";
inline constexpr int kGroupVersion = 1;
std::string group_json(const Group& group, std::string_view app_version);

// The aggregate of one part as the test hook reports it (numbers in points with two decimals):
// {participants, questionnaire:{id,version}, total:{mean,median,min,max}, components:[4 such],
//  corridors:[4 counts], weakest:[keys], topAdvice:[keys]}
// participants is the count; components in LinkedIn's order; topAdvice is most_frequent_advice. Compact, keys sorted.
std::string part_json(const GroupPart& part);

//-----------------------------------------------------------------------------
// [SECTION] Before and after
//-----------------------------------------------------------------------------
// Two sessions of one group (e.g. "Before" and "After" a training) compared over the results of one questionnaire:
// the largest part of the later session and the part of the earlier one with the same id and version.

// The spread of values in hundredths: their standard deviation over the whole group (population: divided by the
// count, not count − 1), rounded half up to a hundredth and computed exactly in integers; 0 for fewer than two.
int spread_of(const std::vector<int>& values_centi);

// One session's side of a comparison: its part of the compared questionnaire and the spreads.
struct ComparedSide {
  GroupPart part;              // empty (no participants) when the session has none
  int total_spread_centi = 0;  // over the rounded totals (×100)
  std::array<int, kComponentCount> component_spread_centi{};
};

// A person found in both sessions under the same nickname (exact, after trimming; anonymous results are not paired).
struct PersonChange {
  std::string nickname;
  Handover before, after;
};

struct Comparison {
  std::string questionnaire_id, questionnaire_version;  // of the compared part; "" when nothing is compared
  ComparedSide before, after;
  std::vector<PersonChange> people;  // in the order of the later session; a nickname twice in a session is left out
  int moved_up = 0, moved_down = 0, stayed = 0;  // corridors of `people`: higher, lower, the same
  // Notes, never failures: workshop.compare_before_empty / _after_empty, workshop.compare_other_questionnaire
  // (the earlier session has no result of that questionnaire), workshop.compare_nickname_twice {nickname}.
  std::vector<Problem> problems;
};
Comparison compare_groups(const Group& before, const Group& after);

// The comparison as the test hook reports it (points with two decimals, compact, keys sorted):
// {questionnaire:{id,version}, before:{participants, total:{mean,median,spread,min,max}, components:[4 such],
//  corridors:[4]}, after:{the same}, movedUp, movedDown, stayed, people:[{nickname, before, after}] (totals),
//  problems:[codes]}
std::string comparison_json(const Comparison& comparison);

// The comparison for spreadsheets (docs/data-format.md "Before and after"): CRLF lines, header
// row,name,session,brand,find,engage,relationships,total,corridor,count; points with two decimals and a dot.
// Session names and nicknames are quoted and neutralised like every CSV text cell (store::csv_field).
inline constexpr std::string_view kComparisonCsvHeader =
    "row,name,session,brand,find,engage,relationships,total,corridor,count";
std::string comparison_csv(const Comparison& comparison, std::string_view before_name, std::string_view after_name);

}  // namespace ssi::workshop
