// Saved answers and results as JSON (schema "ssi-selfcheck/answers", version 1).
#include <limits>

#include "core/codes.h"
#include "core/json_util.h"
#include "core/ssi.h"
#include "core/ssi_json.h"

namespace ssi {

using detail::json;

json advice_json(const Advice& a) {
  json j = json::object();
  j["question"] = a.question;
  j["from"] = a.from;
  j["option"] = a.option;
  j["component"] = std::string(component_key(a.component));
  j["kind"] = std::string(advice_kind_key(a.kind));
  j["gain"] = a.gain_centi / 100.0;
  if (a.best_option >= 0) j["upTo"] = json{{"option", a.best_option}, {"gain", a.best_gain_centi / 100.0}};
  return j;
}

json parse_json(std::string_view text) {
  if (std::optional<json> plain = detail::parse_plain(text)) return std::move(*plain);
  return detail::parse_nlohmann(text);
}

json result_json(const Result& r) {
  json j = json::object();
  json components = json::array();
  for (int c : r.component_centi) components.push_back(c / 100.0);
  j["components"] = std::move(components);
  j["total"] = r.total;
  j["exactTotal"] = r.total_centi / 100.0;
  j["corridor"] = std::string(corridor_key(r.corridor));
  j["reach"] = r.reach;
  j["salesNavigator"] = r.sales_navigator;
  j["atCap"] = r.at_cap;
  json deductions = json::array();
  for (const Deduction& d : r.deductions)
    deductions.push_back(json{{"question", d.question}, {"option", d.option}, {"points", d.centi / 100.0}});
  j["deductions"] = std::move(deductions);
  j["range"] =
      json{{"low", r.range.low}, {"high", r.range.high}, {"uncertain", std::string(component_key(r.range.uncertain))}};
  json weakest = json::array();
  for (Component c : r.weakest) weakest.push_back(std::string(component_key(c)));
  j["weakest"] = std::move(weakest);
  json advice = json::array();
  for (const Advice& a : r.advice) advice.push_back(advice_json(a));
  j["advice"] = std::move(advice);
  json plan = json::array();
  for (const Advice& a : r.plan) plan.push_back(advice_json(a));
  j["plan"] = std::move(plan);
  j["answered"] = r.answered;
  j["visible"] = r.visible;
  return j;
}

std::string to_json(const Questionnaire& q, const Answers& answers, const Result& result) {
  json j = json::object();
  j["schema"] = std::string(kAnswersSchema);
  j["schemaVersion"] = kAnswersSchemaVersion;
  j["questionnaire"] = json{{"id", q.id}, {"version", q.version}};
  json a = json::object();
  for (const auto& [id, option] : answers) {
    const Question* question = q.find(id);
    if (question && option >= 0 && option < static_cast<int>(question->options.size())) a[id] = option;
  }
  j["answers"] = std::move(a);
  j["result"] = result_json(result);
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

AnswersLoad answers_from_json(const Questionnaire& q, std::string_view text) {
  AnswersLoad out;
  detail::Reporter r{out.problems};
  if (text.size() > limits::kMaxAnswersBytes) {
    r.add(code::kFileTooLarge, "", {{"max", std::to_string(limits::kMaxAnswersBytes / 1024)}});
    return out;
  }
  std::optional<json> doc = detail::parse_limited(text, limits::kMaxDepth, /*look_for_literals=*/true, out.problems);
  if (!doc) return out;
  if (!doc->is_object()) {
    r.add(code::kNotObject, "");
    return out;
  }
  const json& root = *doc;
  if (const std::string* schema = r.string_field(root, "", "schema")) {
    if (*schema != kAnswersSchema)
      r.add(code::kWrongSchema, "schema", {{"found", *schema}, {"expected", std::string(kAnswersSchema)}});
  }
  r.version_field(root, kAnswersSchemaVersion, code::kUnsupportedVersion, code::kUnsupportedVersion);
  // The questionnaire reference is optional (hand-written files), but must match when given.
  if (const json* ref = r.object_field(root, "", "questionnaire", /*required=*/false)) {
    if (const std::string* id = r.string_field(*ref, "questionnaire", "id", /*required=*/false)) {
      if (*id != q.id) r.add(code::kOtherQuestionnaire, "questionnaire.id", {{"found", *id}, {"expected", q.id}});
    }
  }
  Answers answers;
  if (const json* a = r.object_field(root, "", "answers")) {
    for (auto it = a->begin(); it != a->end(); ++it) {
      const std::string& id = it.key();
      std::string path = detail::join("answers", id);
      const Question* question = q.find(id);
      if (!question) {
        r.add(code::kUnknownQuestion, path, {{"id", id}});
        continue;
      }
      if (it.value().is_null()) continue;  // explicitly unanswered
      // An integer beyond int64 is out of every option's range, not "not an integer".
      std::optional<std::int64_t> v =
          detail::huge_integer(it.value()) ? std::numeric_limits<std::int64_t>::max() : detail::as_integer(it.value());
      if (!v) {
        r.add(code::kNotInteger, path);
        continue;
      }
      const auto count = static_cast<std::int64_t>(question->options.size());
      if (*v < 0 || *v >= count) {
        r.add(code::kOptionOutOfRange, path,
              {{"id", id}, {"option", std::to_string(*v)}, {"count", std::to_string(count)}});
        continue;
      }
      answers[id] = static_cast<int>(*v);
    }
  }
  if (out.problems.empty()) out.answers = std::move(answers);
  return out;
}

}  // namespace ssi
