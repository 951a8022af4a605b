// SSI Self-Check — scoring core. Plain C++20: no UI, no platform code, no exceptions.
// Turns answers to a questionnaire into an estimated LinkedIn Social Selling Index (SSI),
// explains what to do next, and reads/writes everything as JSON. Every function here is
// total: any input (broken JSON, hand-written questionnaires, stale answers) yields a value
// plus human-readable problems, never a crash. The model is documented in docs/scoring.md.
//
// Index of this file:
// [SECTION] Basics: components, languages, corridors, LinkedIn's fixed limits
// [SECTION] Text and message catalogue
// [SECTION] Problems (validation and import errors)
// [SECTION] Questionnaire
// [SECTION] Answers and visibility
// [SECTION] Scoring and advice
// [SECTION] Serialisation
// (The nlohmann/json form of a Result lives in core/ssi_json.h, so this header stays light.)
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ssi {

//-----------------------------------------------------------------------------
// [SECTION] Basics
//-----------------------------------------------------------------------------

// LinkedIn's four SSI components, in LinkedIn's order (and colours: yellow, violet, red, green).
enum class Component : std::uint8_t { Brand = 0, Find = 1, Engage = 2, Relationships = 3 };
inline constexpr int kComponentCount = 4;
inline constexpr std::array<Component, kComponentCount> kComponents = {Component::Brand, Component::Find,
                                                                       Component::Engage, Component::Relationships};
std::string_view component_key(Component);  // "brand", "find", "engage", "relationships"
std::optional<Component> component_from_key(std::string_view);

enum class Lang : std::uint8_t { De, En };
std::string_view lang_key(Lang);  // "de", "en"

// The corridors trainers talk about, after the source article: inactive < 30, occasional 30–<50,
// active 50–80, top above 80. Exactly 80 is active: it is the cap without Sales Navigator (the last
// 20 points are left to its users), not the top corridor; Result::at_cap marks it.
enum class Corridor : std::uint8_t { Inactive, Occasional, Active, Top };
inline constexpr int kTotalMax = 100;
inline constexpr std::array<int, 3> kCorridorStarts = {
    30, 50, 80};                          // band edges: occasional and active start at, top above the last
std::string_view corridor_key(Corridor);  // "inactive", "occasional", "active", "top"
Corridor corridor_for(int total);         // from the displayed (rounded) total, as the user sees it

// LinkedIn's fixed scale, hence constants rather than data: 25 points per component,
// of which the last 5 are reachable only with Sales Navigator; above 50 reach grows noticeably.
inline constexpr int kComponentMax = 25;
inline constexpr int kBaseMax = 20;
inline constexpr int kSalesNavigatorMax = 5;
inline constexpr int kReachThreshold = 50;

//-----------------------------------------------------------------------------
// [SECTION] Text and message catalogue
//-----------------------------------------------------------------------------

// A text in both shipped languages. Loaders guarantee both are non-empty.
struct Text {
  std::string de, en;
  const std::string& get(Lang lang) const { return lang == Lang::De ? de : en; }
  bool operator==(const Text&) const = default;
};

// Named arguments for {placeholder} substitution, e.g. {{"id", "brand_photo"}}.
using Args = std::vector<std::pair<std::string, std::string>>;

struct Problem;
struct CatalogLoad;

// Localised messages: content/messages.json (core) and content/ui.json (UI) share this format:
//   { "key": { "de": "…{name}…", "en": "…{name}…" }, … }
// Placeholders are {letters_digits_underscores}; any other brace is literal text.
class Catalog {
 public:
  // Validates while loading: every key needs non-empty "de" and "en" with the same placeholders.
  static CatalogLoad load(std::string_view json);
  // Adds other's entries. Keys present in both are kept from *this and reported as duplicates
  // (two files defining one key is a bug); returns false then.
  bool merge(const Catalog& other, std::vector<std::string>* duplicates = nullptr);
  // The text with {placeholders} filled in. An unknown key returns the key itself, so a
  // missing text is visible on screen but never fatal; unknown placeholders stay as written.
  std::string format(std::string_view key, Lang lang, const Args& args = {}) const;
  bool has(std::string_view key) const;
  const Text* find(std::string_view key) const;
  std::vector<std::string> keys() const;  // sorted
  std::size_t size() const { return entries_.size(); }
  void set(std::string key, Text text) { entries_[std::move(key)] = std::move(text); }

 private:
  std::map<std::string, Text, std::less<>> entries_;
};

// Placeholder names in a text, in order of appearance (duplicates kept).
std::vector<std::string> placeholders(std::string_view text);

//-----------------------------------------------------------------------------
// [SECTION] Problems
//-----------------------------------------------------------------------------

// One thing wrong with a file. code is a key in content/messages.json; path is a JSON path
// like "questions[3].options[1].points" ("" = the whole document); args fill the message.
struct Problem {
  std::string code;
  std::string path;
  Args args;
};

struct CatalogLoad {
  std::optional<Catalog> catalog;  // set only when there are no problems
  std::vector<Problem> problems;
  bool ok() const { return catalog.has_value() && problems.empty(); }
};

// The shipped content as the page carries it (cmake/split_texts.py): a skeleton with a line per content file (its
// name, a space, the file with every text replaced by the byte 0x01), and per language the texts in that order, one
// JSON string per line. The page embeds the skeleton and fetches only the person's language before its first frame.
struct TextsJoin {
  std::map<std::string, std::string, std::less<>>
      files;  // the content files by name ("content/ui.json"); empty unless ok()
  std::vector<Problem> problems;
  bool rare_missing = false;  // the rare texts are kRareStandIn (neither rare file given)
  bool ok() const { return problems.empty(); }
};
// What a rare text reads until its file is joined in: U+FFFC, which no shipped text holds (WidgetLog looks for it).
inline constexpr std::string_view kRareStandIn = "\xEF\xBF\xBC";
// Puts the texts back into the skeleton: `texts_*` for its 0x01 marks, `rare_*` for its 0x02 marks (the texts a first
// visit does not show, src/app/rare_texts.txt). An empty file of one language stands in with the other language's,
// so the loaders' checks pass until the missing one arrives; without either rare file every rare text is
// kRareStandIn in both languages. A file with too few or too many texts for the skeleton is reported
// (content.texts_count), never joined.
TextsJoin join_texts(std::string_view skeleton, std::string_view texts_de, std::string_view texts_en,
                     std::string_view rare_de = {}, std::string_view rare_en = {});

// "questions[3].help.en: Die englische Übersetzung fehlt." — message in the catalogue's words.
std::string describe(const Catalog& messages, const Problem& problem, Lang lang);

// Every problem code the core can produce (each must exist in content/messages.json).
const std::vector<std::string_view>& problem_codes();

//-----------------------------------------------------------------------------
// [SECTION] Questionnaire
//-----------------------------------------------------------------------------

// How the question is asked; scoring only looks at the options' points.
enum class QuestionType : std::uint8_t { Single, YesNo, Frequency, Range };
std::string_view question_type_key(QuestionType);  // "single", "yesno", "frequency", "range"

// Base questions fill the first 20 points of a component; SalesNavigator questions the last 5,
// and only count for people who use Sales Navigator (see ScoringRules::sales_navigator).
enum class Tier : std::uint8_t { Base, SalesNavigator };

struct Option {
  Text label;
  int points = 0;  // whole numbers; negative = a behaviour that costs that many points of the total
  Text tip;        // the step "move to this answer" in words; empty when the questionnaire has none here
  bool has_tip() const { return !tip.de.empty(); }
};

// A question is shown only if the question it names is shown and answered with one of any_of.
// Conditions may only look back (earlier questions), which rules out cycles.
struct Condition {
  std::string question;
  std::vector<int> any_of;
};

struct Question {
  std::string id;  // stable: saved answers refer to it
  Component component = Component::Brand;
  QuestionType type = QuestionType::Single;
  Tier tier = Tier::Base;
  Text text;    // the question
  Text help;    // "why this matters", shown next to the question
  Text tip;     // a concrete action, shown when advice points at this question
  Text reason;  // why these points (for trainers; optional in trainers' files)
  std::vector<Option> options;
  std::optional<Condition> show_if;
  // Its positive points count only while this holds (e.g. invitation volume only with fit and a note);
  // like show_if it names an earlier question and a better answer there never stops the points.
  std::optional<Condition> counts_if;

  int max_points() const;  // 0 for a question without options
  int min_points() const;
};

// Curve from "share of a component's achievable points" to "share of its 20 base points",
// both in percent. Piecewise linear, so native and WASM compute the same bits.
struct CurvePoint {
  int x = 0, y = 0;
};

// Every global weight of the model, each with its reason (docs/scoring.md explains them).
struct ScoringRules {
  std::vector<CurvePoint> curve;
  Text curve_reason;
  std::optional<Condition> sales_navigator;  // answers that make someone a Sales Navigator user
  Text sales_navigator_reason;
  int range_margin = 0;  // points added on both sides of the range, beyond what the answers explain
  Text range_margin_reason;
};

struct Questionnaire {
  std::string id, version;
  Text title;
  Text intro;  // optional
  std::vector<Question> questions;
  ScoringRules scoring;

  const Question* find(std::string_view question_id) const;
  int index_of(std::string_view question_id) const;  // -1 when unknown
};

struct QuestionnaireLoad {
  std::optional<Questionnaire> questionnaire;  // set only when there are no problems
  std::vector<Problem> problems;               // every problem found, in document order
  bool ok() const { return questionnaire.has_value() && problems.empty(); }
};

// Loads and validates a questionnaire (content/questionnaire.json or a trainer's own file).
QuestionnaireLoad load_questionnaire(std::string_view json);

// Format of a questionnaire file ("schemaVersion", optional in the file; any other value is refused).
inline constexpr int kQuestionnaireSchemaVersion = 1;

// Bounds the loader enforces (a trainer's file may differ from ours, but not beyond these).
inline constexpr int kMinQuestionsPerComponent = 3;
inline constexpr int kMaxQuestionsPerComponent = 15;
inline constexpr int kMaxOptions = 10;
inline constexpr int kMaxPoints = 100;  // |points| per option

//-----------------------------------------------------------------------------
// [SECTION] Answers and visibility
//-----------------------------------------------------------------------------

// Question id -> chosen option index. Absent = unanswered. Entries for unknown questions,
// hidden questions or out-of-range indices are ignored by scoring (never fatal).
using Answers = std::map<std::string, int, std::less<>>;

// Whether a question is currently shown (its condition chain holds for these answers).
bool is_visible(const Questionnaire& questionnaire, const Answers& answers, const Question& question);

// Whether these answers make the person a Sales Navigator user (unlocks the last 5 points each).
bool uses_sales_navigator(const Questionnaire& questionnaire, const Answers& answers);

//-----------------------------------------------------------------------------
// [SECTION] Scoring and advice
//-----------------------------------------------------------------------------
// All arithmetic is integer, in hundredths of a point ("centi"), so native (glibc) and WASM
// (musl) results are bit-identical. The double fields are centi / 100, for display only.

// Conduct: the current answer costs points (a deduction); Step: one step up on a question.
enum class AdviceKind : std::uint8_t { Conduct, Step };
std::string_view advice_kind_key(AdviceKind);  // "conduct", "step"

// One concrete step: answer `question` with `option` instead of `from`. The text, the target answer and
// the gain describe the same step: tip is the target option's own tip (the question's tip only when the
// questionnaire has no tips per option), gain is that step re-scored. A bigger step on the same question,
// if there is one, is named separately ("up to +X with …").
struct Advice {
  std::string question;
  int question_index = -1;
  int from = -1;
  int option = -1;
  Component component = Component::Brand;
  AdviceKind kind = AdviceKind::Step;
  int gain_centi = 0;       // exact: Result::unfloored_centi with the step minus without (before the floor at 0)
  double gain = 0.0;        // gain_centi / 100
  Text tip;                 // the step in words
  int best_option = -1;     // the answer that gains most on this question, when it gains more than `option`
  int best_gain_centi = 0;  // its exact gain (0 when best_option is -1)
};

// Plausible totals. Derived from the answers (docs/scoring.md, "Die Spanne"): skipped questions at
// their worst and best, half the step to the neighbouring band for every answer given as a band,
// combined as a root sum of squares, plus the questionnaire's margin.
struct Range {
  int low = 0, high = 0;
  int skipped_down_centi = 0, skipped_up_centi = 0;  // from unanswered questions alone
  int bands_down_centi = 0, bands_up_centi = 0;      // from answers given as bands, combined
  Component uncertain = Component::Brand;            // the component with the widest part of the range
};

// How a component came about (all centi): base from the curve, plus Sales Navigator, minus the part of
// the conduct deduction taken from it.
struct ComponentDetail {
  int base = 0, penalty = 0, sales_navigator = 0;
};

// One active negative factor and what it costs (centi, positive), whatever else is answered.
struct Deduction {
  std::string question;
  int option = -1;
  int centi = 0;
};

struct Result {
  std::array<double, kComponentCount> components{};  // 0..25, two decimals; show with one
  std::array<int, kComponentCount> component_centi{};
  std::array<ComponentDetail, kComponentCount> detail{};
  int total_centi = 0;      // sum of components = max(0, unfloored_centi)
  int unfloored_centi = 0;  // positive parts minus every deduction, before the single floor at 0
  int total = 0;            // as LinkedIn shows it: the rounded sum
  Corridor corridor = Corridor::Inactive;
  bool reach = false;                 // total >= 50: noticeably more organic reach (the article's claim)
  bool sales_navigator = false;       // the answers say Sales Navigator is used
  bool at_cap = false;                // exactly 80 without Sales Navigator: the cap, not the top corridor
  bool sales_navigator_info = false;  // non-user: one neutral card about the last 20 points, never ranked
  int deduction_centi = 0;            // sum of deductions (positive)
  std::vector<Deduction> deductions;  // each active negative factor, in questionnaire order
  Range range;                        // plausible totals; widens with skipped questions and band answers
  std::vector<Component> weakest;     // lowest component(s), several on a tie, in LinkedIn's order
  // One step per answered question that raises the total: conduct first (largest deduction first), then
  // the other steps by gain. Sales Navigator questions only for people who use it.
  std::vector<Advice> advice;
  std::vector<Advice> plan;  // next 30 days: 3–5 of the same steps, conduct first, then weakest component
  int answered = 0;          // answered among the visible questions
  int visible = 0;
  std::vector<char> shown;  // per question, in questionnaire order: visible with these answers
};

// What score() computes beyond the scores themselves. Advice re-scores every alternative answer
// (about 100 what-ifs), so bulk callers such as tests can switch it off.
struct ScoreOptions {
  bool advice = true;  // fills Result::advice and Result::plan
};

Result score(const Questionnaire& questionnaire, const Answers& answers, ScoreOptions options = {});

// The person's own error, from (estimate total, real total) pairs of whole points, oldest first: the
// largest difference among the last kCalibrationPairs. Used once there are kCalibrationMinPairs.
inline constexpr int kCalibrationPairs = 3;
inline constexpr int kCalibrationMinPairs = 2;
struct Calibration {
  int pairs = 0;   // how many of the last pairs were used (0..kCalibrationPairs)
  int within = 0;  // every used estimate was within this many points of LinkedIn's value
  bool usable() const { return pairs >= kCalibrationMinPairs; }
};
Calibration calibrate(const std::vector<std::pair<int, int>>& estimate_real);

// The range with the person's own error instead of the model's: total ± within, widened by skipped
// questions as before. Without a usable calibration, result.range unchanged.
Range calibrated_range(const Result& result, const Calibration& calibration);

// The total as LinkedIn shows it: a sum of components in hundredths, rounded half up to whole points
// (Result::total, a real SSI entry's total, a workshop hand-over's total). For total_centi >= 0.
int round_total(int total_centi);

//-----------------------------------------------------------------------------
// [SECTION] Serialisation
//-----------------------------------------------------------------------------
// Saved file: { "schema": "ssi-selfcheck/answers", "schemaVersion": 1,
//               "questionnaire": {"id","version"}, "answers": {id: index}, "result": {…} }
// Keys sorted, two-space indent, trailing newline: byte-identical on every platform.

inline constexpr std::string_view kAnswersSchema = "ssi-selfcheck/answers";
inline constexpr int kAnswersSchemaVersion = 1;

// Only answers the questionnaire understands are written (known id, valid index).
std::string to_json(const Questionnaire& questionnaire, const Answers& answers, const Result& result);

struct AnswersLoad {
  std::optional<Answers> answers;  // set only when there are no problems
  std::vector<Problem> problems;
  bool ok() const { return answers.has_value() && problems.empty(); }
};

// Reads a saved file. "result" and unknown fields are ignored (the result is always recomputed);
// wrong types, unknown question ids and out-of-range indices are problems.
AnswersLoad answers_from_json(const Questionnaire& questionnaire, std::string_view json);

}  // namespace ssi
