// Loading and validating a questionnaire. Reports every problem (not just the first) with its
// JSON path, because trainers fix their files from this list.
#include <algorithm>
#include <set>

#include "core/codes.h"
#include "core/json_util.h"
#include "core/ssi.h"

namespace ssi {
namespace {

using detail::index;
using detail::join;
using detail::json;

bool valid_id(const std::string& id) {
  if (id.empty() || id.size() > 40) return false;
  if (id[0] < 'a' || id[0] > 'z') return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

std::optional<QuestionType> type_from_key(std::string_view key) {
  for (QuestionType t : {QuestionType::Single, QuestionType::YesNo, QuestionType::Frequency, QuestionType::Range})
    if (question_type_key(t) == key) return t;
  return std::nullopt;
}

// The minimum option count a type needs to be a real choice.
int min_options(QuestionType t) { return t == QuestionType::Frequency ? 3 : 2; }

// A condition as read, before it can be checked against the other questions.
struct RawCondition {
  std::string question;
  std::string path;                                 // of the condition object
  std::vector<std::pair<int, std::string>> any_of;  // index value and its path
  bool complete = false;                            // question and anyOf were readable
};

struct Loader {
  detail::Reporter r;
  Questionnaire q;
  std::vector<bool> question_ok;  // question parsed without own problems
  std::vector<std::optional<RawCondition>> conditions;
  std::vector<bool> has_component;
  std::vector<std::optional<RawCondition>> counts_conditions;  // countsIf, checked like showIf

  std::optional<RawCondition> read_condition(const json& object, const std::string& path) {
    RawCondition c;
    c.path = path;
    const std::string* id = r.string_field(object, path, "question");
    const json* any = r.array_field(object, path, "anyOf");
    if (id) c.question = *id;
    bool ok = id != nullptr && any != nullptr;
    if (any) {
      std::string any_path = join(path, "anyOf");
      for (std::size_t k = 0; k < any->size(); ++k) {
        std::optional<std::int64_t> v = detail::as_integer((*any)[k]);
        if (!v) {
          r.add(code::kNotInteger, index(any_path, k));
          ok = false;
          continue;
        }
        // Clamp silly values so they stay out of range without overflowing int.
        std::int64_t clamped = std::clamp<std::int64_t>(*v, -1, 1000);
        c.any_of.emplace_back(static_cast<int>(clamped), index(any_path, k));
      }
    }
    c.complete = ok;
    return c;
  }

  // Reads points: integers, or integral decimals like 2.0.
  std::optional<int> read_points(const json& option, const std::string& path) {
    const json* v = detail::member(option, "points");
    std::string p = join(path, "points");
    if (!v) {
      r.add(code::kOptionWithoutPoints, p);
      return std::nullopt;
    }
    std::int64_t value = 0;
    if (std::optional<std::int64_t> i = detail::as_integer(*v)) {
      value = *i;
    } else if (v->is_number_unsigned()) {
      r.add(code::kPointsOutOfRange, p, {{"value", detail::describe_value(*v)}, {"max", std::to_string(kMaxPoints)}});
      return std::nullopt;
    } else if (const auto* f = v->get_ptr<const json::number_float_t*>()) {
      double d = *f;
      if (!(d >= -1e6 && d <= 1e6) || static_cast<double>(static_cast<std::int64_t>(d)) != d) {
        if (d >= -1e6 && d <= 1e6)
          r.add(code::kPointsNotInteger, p, {{"value", detail::describe_value(*v)}});
        else
          r.add(code::kPointsOutOfRange, p,
                {{"value", detail::describe_value(*v)}, {"max", std::to_string(kMaxPoints)}});
        return std::nullopt;
      }
      value = static_cast<std::int64_t>(d);
    } else {
      r.add(code::kPointsNotNumber, p, {{"value", detail::describe_value(*v)}});
      return std::nullopt;
    }
    if (value < -kMaxPoints || value > kMaxPoints) {
      r.add(code::kPointsOutOfRange, p, {{"value", std::to_string(value)}, {"max", std::to_string(kMaxPoints)}});
      return std::nullopt;
    }
    return static_cast<int>(value);
  }

  void read_question(const json& v, const std::string& path, std::set<std::string>& seen,
                     std::map<std::string, std::string>& first_path) {
    Question question;
    std::size_t before = r.problems.size();
    bool component_known = false;
    if (!v.is_object()) {
      r.add(code::kNotObjectField, path);
      q.questions.push_back(std::move(question));
      question_ok.push_back(false);
      conditions.emplace_back();
      has_component.push_back(false);
      counts_conditions.emplace_back();
      return;
    }
    if (const std::string* id = r.string_field(v, path, "id")) {
      question.id = *id;
      if (!valid_id(*id)) {
        r.add(code::kInvalidId, join(path, "id"), {{"id", *id}});
      } else if (!seen.insert(*id).second) {
        r.add(code::kDuplicateId, join(path, "id"), {{"id", *id}, {"first", first_path[*id]}});
      } else {
        first_path[*id] = path;
      }
    }
    if (const std::string* c = r.string_field(v, path, "component")) {
      if (auto comp = component_from_key(*c)) {
        question.component = *comp;
        component_known = true;
      } else {
        r.add(code::kUnknownComponent, join(path, "component"), {{"value", *c}});
      }
    }
    bool type_known = false;
    if (const std::string* t = r.string_field(v, path, "type")) {
      if (auto type = type_from_key(*t)) {
        question.type = *type;
        type_known = true;
      } else {
        r.add(code::kUnknownType, join(path, "type"), {{"value", *t}});
      }
    }
    if (const std::string* tier = r.string_field(v, path, "tier", /*required=*/false)) {
      if (*tier == "base")
        question.tier = Tier::Base;
      else if (*tier == "salesNavigator")
        question.tier = Tier::SalesNavigator;
      else
        r.add(code::kUnknownTier, join(path, "tier"), {{"value", *tier}});
    }
    if (auto t = r.text_field(v, path, "text")) question.text = std::move(*t);
    if (auto t = r.text_field(v, path, "help")) question.help = std::move(*t);
    if (auto t = r.text_field(v, path, "tip")) question.tip = std::move(*t);
    if (auto t = r.text_field(v, path, "reason", /*required=*/false)) question.reason = std::move(*t);

    std::string options_path = join(path, "options");
    if (const json* options = r.array_field(v, path, "options")) {
      const int count = static_cast<int>(options->size());
      if (count == 0) {
        r.add(code::kNoOptions, options_path);
      } else if (count > kMaxOptions) {
        r.add(code::kTooManyOptions, options_path,
              {{"count", std::to_string(count)}, {"max", std::to_string(kMaxOptions)}});
      } else if (type_known && question.type == QuestionType::YesNo && count != 2) {
        r.add(code::kYesNoNeedsTwo, options_path, {{"count", std::to_string(count)}});
      } else if (type_known && count < min_options(question.type)) {
        r.add(code::kTooFewOptions, options_path,
              {{"count", std::to_string(count)},
               {"min", std::to_string(min_options(question.type))},
               {"type", std::string(question_type_key(question.type))}});
      }
      for (std::size_t j = 0; j < options->size(); ++j) {
        const json& o = (*options)[j];
        std::string opath = index(options_path, j);
        Option option;
        if (!o.is_object()) {
          r.add(code::kNotObjectField, opath);
          question.options.push_back(option);
          continue;
        }
        if (auto t = r.text_field(o, opath, "label")) option.label = std::move(*t);
        if (auto p = read_points(o, opath)) option.points = *p;
        if (auto t = r.text_field(o, opath, "tip", /*required=*/false)) option.tip = std::move(*t);
        question.options.push_back(std::move(option));
      }
    }
    std::optional<RawCondition> condition;
    if (const json* c = r.object_field(v, path, "showIf", /*required=*/false))
      condition = read_condition(*c, join(path, "showIf"));
    std::optional<RawCondition> counts;
    if (const json* c = r.object_field(v, path, "countsIf", /*required=*/false))
      counts = read_condition(*c, join(path, "countsIf"));

    question_ok.push_back(r.problems.size() == before);
    has_component.push_back(component_known);
    conditions.push_back(std::move(condition));
    counts_conditions.push_back(std::move(counts));
    q.questions.push_back(std::move(question));
  }

  // Options of `target` that satisfy the condition, or nullopt if it refers to nothing usable.
  // Reports unknown questions, out-of-range options and non-monotone conditions.
  std::optional<std::vector<int>> check_condition(const RawCondition& c, int self, const std::vector<bool>& reachable,
                                                  bool& reaches) {
    reaches = false;
    int target = q.index_of(c.question);
    std::string qpath = join(c.path, "question");
    if (target < 0) {
      r.add(code::kConditionUnknownQuestion, qpath, {{"id", c.question}});
      return std::nullopt;
    }
    if (self >= 0 && target >= self) {
      r.add(code::kConditionNotEarlier, qpath, {{"id", c.question}});
      return std::nullopt;
    }
    const Question& t = q.questions[static_cast<std::size_t>(target)];
    const int count = static_cast<int>(t.options.size());
    std::vector<int> valid;
    for (const auto& [value, path] : c.any_of) {
      if (value < 0 || value >= count) {
        r.add(code::kConditionOptionOutOfRange, path,
              {{"option", std::to_string(value)}, {"count", std::to_string(count)}, {"id", c.question}});
        continue;
      }
      if (std::find(valid.begin(), valid.end(), value) == valid.end()) valid.push_back(value);
    }
    if (valid.empty() || !reachable[static_cast<std::size_t>(target)]) {
      r.add(code::kUnreachable, c.path);
      return std::nullopt;
    }
    reaches = true;
    // A better answer (more points) must never hide what a worse answer shows.
    int lowest = t.options[static_cast<std::size_t>(valid.front())].points;
    for (int o : valid) lowest = std::min(lowest, t.options[static_cast<std::size_t>(o)].points);
    for (int o = 0; o < count; ++o) {
      if (t.options[static_cast<std::size_t>(o)].points > lowest &&
          std::find(valid.begin(), valid.end(), o) == valid.end()) {
        r.add(code::kConditionNotMonotone, join(c.path, "anyOf"), {{"id", c.question}});
        break;
      }
    }
    return valid;
  }

  void read_scoring(const json& root) {
    const json* s = r.object_field(root, "", "scoring");
    if (!s) return;
    // Curve
    if (const json* curve = r.object_field(*s, "scoring", "curve")) {
      if (auto t = r.text_field(*curve, "scoring.curve", "reason")) q.scoring.curve_reason = std::move(*t);
      if (const json* points = r.array_field(*curve, "scoring.curve", "points")) {
        bool ok = true;
        for (std::size_t k = 0; k < points->size(); ++k) {
          const json& p = (*points)[k];
          std::optional<std::int64_t> x, y;
          if (p.is_array() && p.size() == 2) {
            x = detail::as_integer(p[0]);
            y = detail::as_integer(p[1]);
          }
          if (!x || !y || *x < 0 || *x > 100 || *y < 0 || *y > 100) {
            r.add(code::kCurvePoint, index("scoring.curve.points", k));
            ok = false;
            continue;
          }
          q.scoring.curve.push_back({static_cast<int>(*x), static_cast<int>(*y)});
        }
        if (ok) {
          const auto& c = q.scoring.curve;
          if (c.size() < 2 || c.front().x != 0 || c.front().y != 0 || c.back().x != 100 || c.back().y != 100) {
            r.add(code::kCurveEnds, "scoring.curve.points");
          } else {
            for (std::size_t k = 1; k < c.size(); ++k) {
              if (c[k].x <= c[k - 1].x || c[k].y < c[k - 1].y) {
                r.add(code::kCurveOrder, index("scoring.curve.points", k));
                break;
              }
            }
          }
        }
      }
    }
    // Range margin
    if (const json* m = r.object_field(*s, "scoring", "rangeMargin")) {
      if (auto t = r.text_field(*m, "scoring.rangeMargin", "reason")) q.scoring.range_margin_reason = std::move(*t);
      if (const json* p = detail::member(*m, "points")) {
        std::optional<std::int64_t> v = detail::as_integer(*p);
        if (!v) {
          r.add(code::kNotInteger, "scoring.rangeMargin.points");
        } else if (*v < 0 || *v > 20) {
          r.add(code::kMarginOutOfRange, "scoring.rangeMargin.points", {{"value", std::to_string(*v)}, {"max", "20"}});
        } else {
          q.scoring.range_margin = static_cast<int>(*v);
        }
      } else {
        r.add(code::kMissingField, "scoring.rangeMargin.points", {{"field", "points"}});
      }
    }
  }

  void run(std::string_view text) {
    // The same limits as every other file from elsewhere (core/limits.h): a trainer's file is stored beside
    // the person's data and read at every start.
    if (text.size() > limits::kMaxQuestionnaireBytes) {
      r.add(code::kFileTooLarge, "", {{"max", std::to_string(limits::kMaxQuestionnaireBytes / 1024)}});
      return;
    }
    std::optional<json> doc = detail::parse_limited(text, limits::kMaxDepth, /*look_for_literals=*/true, r.problems);
    if (!doc) return;
    if (!doc->is_object()) {
      r.add(code::kNotObject, "");
      return;
    }
    const json& root = *doc;
    // No string may hold a control character or be longer than 10 000 bytes (ids and versions: limits.h).
    detail::check_values(root, "", {limits::kMaxStringBytes, ""}, r);
    if (!r.problems.empty()) return;
    r.version_field(root, kQuestionnaireSchemaVersion, code::kUnsupportedSchema, code::kUnsupportedSchema,
                    /*required=*/false);
    // Results carry id and version, and the group view and the "same as ours" guard compare them as they are:
    // the identifier rules leave no invisible, control, direction or upper-case character to tell two apart.
    if (const std::string* id = r.string_field(root, "", "id")) {
      q.id = *id;
      if (!detail::valid_questionnaire_id(*id))
        r.add(code::kInvalidQuestionnaireId, "id",
              {{"id", detail::shorten(*id)}, {"max", std::to_string(limits::kMaxIdBytes)}});
    }
    if (const std::string* version = r.string_field(root, "", "version")) {
      q.version = *version;
      if (!detail::valid_questionnaire_version(*version))
        r.add(code::kInvalidVersion, "version",
              {{"version", detail::shorten(*version)}, {"max", std::to_string(limits::kMaxVersionBytes)}});
    }
    if (auto t = r.text_field(root, "", "title")) q.title = std::move(*t);
    if (auto t = r.text_field(root, "", "intro", /*required=*/false)) q.intro = std::move(*t);

    const json* questions = r.array_field(root, "", "questions");
    if (questions && questions->empty()) r.add(code::kNoQuestions, "questions");
    std::set<std::string> seen;
    std::map<std::string, std::string> first_path;
    if (questions)
      for (std::size_t i = 0; i < questions->size(); ++i)
        read_question((*questions)[i], index("questions", i), seen, first_path);

    read_scoring(root);

    // Conditions, in order: a question is reachable if its condition can be met.
    const std::size_t n = q.questions.size();
    std::vector<bool> reachable(n, true);
    std::vector<bool> referenced(n, false);
    for (std::size_t i = 0; i < n; ++i) {
      if (!conditions[i]) continue;
      const RawCondition& c = *conditions[i];
      if (!c.complete) continue;
      bool reaches = false;
      auto valid = check_condition(c, static_cast<int>(i), reachable, reaches);
      int target = q.index_of(c.question);
      if (target >= 0) referenced[static_cast<std::size_t>(target)] = true;
      reachable[i] = reaches;
      if (valid) q.questions[i].show_if = Condition{c.question, *valid};
    }
    // countsIf: same rules as showIf (earlier question, valid options, monotone), so a better answer
    // there never takes points away here.
    for (std::size_t i = 0; i < n; ++i) {
      if (!counts_conditions[i] || !counts_conditions[i]->complete) continue;
      const RawCondition& c = *counts_conditions[i];
      bool reaches = false;
      auto valid = check_condition(c, static_cast<int>(i), reachable, reaches);
      int target = q.index_of(c.question);
      if (target >= 0) referenced[static_cast<std::size_t>(target)] = true;
      if (valid) q.questions[i].counts_if = Condition{c.question, *valid};
    }
    // Sales Navigator gate (a condition on the whole questionnaire, may look anywhere)
    if (const json* s = detail::member(root, "scoring")) {
      if (const json* g = r.object_field(*s, "scoring", "salesNavigator", /*required=*/false)) {
        if (auto t = r.text_field(*g, "scoring.salesNavigator", "reason"))
          q.scoring.sales_navigator_reason = std::move(*t);
        std::optional<RawCondition> c = read_condition(*g, "scoring.salesNavigator");
        if (c && c->complete) {
          bool reaches = false;
          auto valid = check_condition(*c, -1, reachable, reaches);
          int target = q.index_of(c->question);
          if (target >= 0) referenced[static_cast<std::size_t>(target)] = true;
          if (valid) q.scoring.sales_navigator = Condition{c->question, *valid};
        }
      }
    }

    bool gate_given =
        detail::member(root, "scoring") && detail::member(*detail::member(root, "scoring"), "salesNavigator");
    bool reported_gate = false;
    std::array<int, kComponentCount> count{};
    std::array<int, kComponentCount> base_max{};
    for (std::size_t i = 0; i < n; ++i) {
      const Question& question = q.questions[i];
      std::string path = index("questions", i);
      if (has_component[i]) {
        ++count[static_cast<std::size_t>(question.component)];
        if (question.tier == Tier::Base)
          base_max[static_cast<std::size_t>(question.component)] += std::max(0, question.max_points());
      }
      if (!question_ok[i]) continue;
      for (std::size_t j = 0; j < question.options.size(); ++j) {
        std::string ppath = join(index(join(path, "options"), j), "points");
        if (question.options[j].points >= 0) continue;
        if (question.tier == Tier::SalesNavigator) {
          r.add(code::kSalesNavigatorNegativePoints, ppath);
          break;
        }
        if (conditions[i]) {
          r.add(code::kConditionalNegativePoints, ppath);
          break;
        }
      }
      if (question.tier == Tier::SalesNavigator && !gate_given && !reported_gate) {
        r.add(code::kSalesNavigatorWithoutGate, join(path, "tier"));
        reported_gate = true;
      }
      if (!question.options.empty() && question.max_points() == question.min_points() && !referenced[i])
        r.add(code::kNoEffect, join(path, "options"));
    }
    if (questions && !questions->empty()) {
      for (Component c : kComponents) {
        const int k = count[static_cast<std::size_t>(c)];
        Args args = {{"component", std::string(component_key(c))}, {"count", std::to_string(k)}};
        if (k < kMinQuestionsPerComponent) {
          args.emplace_back("min", std::to_string(kMinQuestionsPerComponent));
          r.add(code::kTooFewQuestions, "questions", std::move(args));
        } else if (k > kMaxQuestionsPerComponent) {
          args.emplace_back("max", std::to_string(kMaxQuestionsPerComponent));
          r.add(code::kTooManyQuestions, "questions", std::move(args));
        } else if (base_max[static_cast<std::size_t>(c)] <= 0) {
          r.add(code::kComponentWithoutPoints, "questions", {{"component", std::string(component_key(c))}});
        }
      }
    }
  }
};

}  // namespace

QuestionnaireLoad load_questionnaire(std::string_view text) {
  QuestionnaireLoad out;
  Loader loader{detail::Reporter{out.problems}, {}, {}, {}, {}, {}};
  loader.run(text);
  if (out.problems.empty()) out.questionnaire = std::move(loader.q);
  return out;
}

}  // namespace ssi
