#include "app/model.h"

#include <nlohmann/json.hpp>

#include "app/format.h"
#include "core/keys.h"
#include "core/ssi_json.h"

namespace ssi::app {

namespace {
constexpr std::string_view kScreenKeys[kScreenCount] = {"welcome",   "questionnaire", "results", "about",
                                                        "data",      "real",          "history", "workshop",
                                                        "presenter", "handover",      "group"};
}

std::string_view screen_key(Screen s) { return kScreenKeys[static_cast<int>(s)]; }

std::optional<Screen> screen_from_key(std::string_view key) {
  for (int i = 0; i < kScreenCount; ++i)
    if (kScreenKeys[i] == key) return static_cast<Screen>(i);
  return std::nullopt;
}

Lang language_for(std::string_view tag) {
  const bool german = tag.size() >= 2 && (tag[0] == 'd' || tag[0] == 'D') && (tag[1] == 'e' || tag[1] == 'E') &&
                      (tag.size() == 2 || tag[2] == '-' || tag[2] == '_');
  return german ? Lang::De : Lang::En;
}

Model::Model(Questionnaire questionnaire, Catalog strings, Lang lang)
    : questionnaire_(std::move(questionnaire)), strings_(std::move(strings)), lang_(lang) {
  rescore();
}

bool Model::shown(const Question& q) const {
  const auto i = static_cast<std::size_t>(&q - questionnaire_.questions.data());
  return i < result_.shown.size() && result_.shown[i];
}

std::vector<const Question*> Model::visible_questions() const {
  // The scoring of the current answers says which are visible (rescore() runs on every change).
  std::vector<const Question*> result;
  for (std::size_t i = 0; i < questionnaire_.questions.size() && i < result_.shown.size(); ++i)
    if (result_.shown[i]) result.push_back(&questionnaire_.questions[i]);
  return result;
}

std::vector<const Question*> Model::visible_in(Component component) const {
  std::vector<const Question*> result;
  for (const Question* q : visible_questions())
    if (q->component == component) result.push_back(q);
  return result;
}

int Model::current_index() const {
  const auto visible = visible_questions();
  for (int i = 0; i < static_cast<int>(visible.size()); ++i)
    if (visible[i]->id == current_id_) return i;
  // The current question became hidden (an earlier answer changed): the next visible one after it.
  const int own = questionnaire_.index_of(current_id_);
  for (int i = 0; i < static_cast<int>(visible.size()); ++i)
    if (questionnaire_.index_of(visible[i]->id) > own) return i;
  return visible.empty() ? -1 : static_cast<int>(visible.size()) - 1;
}

const Question* Model::current_question() const {
  const auto visible = visible_questions();
  const int i = current_index();
  return i < 0 ? nullptr : visible[i];
}

int Model::visible_count() const { return static_cast<int>(visible_questions().size()); }

std::string Model::t(std::string_view key, const Args& args) const { return strings_.format(key, lang_, args); }

void Model::set_lang(Lang lang) {
  if (lang == lang_) return;
  lang_ = lang;
  changed();
}

void Model::show(Screen screen) {
  if (screen == screen_) return;
  if (screen_ == Screen::Results && what_if_) discard_what_if();
  screen_ = screen;
  if (screen == Screen::Questionnaire && current_question() == nullptr) start_questionnaire();
  changed();
}

void Model::start_questionnaire() {
  const auto visible = visible_questions();
  current_id_.clear();
  for (const Question* q : visible)
    if (!answers_.count(q->id)) {
      current_id_ = q->id;
      break;
    }
  if (current_id_.empty() && !visible.empty()) current_id_ = visible.front()->id;
  screen_ = Screen::Questionnaire;
  changed();
}

bool Model::answer(std::string_view question_id, int option_index) {
  const Question* q = questionnaire_.find(question_id);
  if (!q || option_index < 0 || option_index >= static_cast<int>(q->options.size())) return false;
  if (!shown(*q)) return false;
  auto it = answers_.find(question_id);
  if (it != answers_.end() && it->second == option_index) return true;
  answers_[std::string(question_id)] = option_index;
  rescore();
  changed();
  return true;
}

void Model::clear_answer(std::string_view question_id) {
  auto it = answers_.find(question_id);
  if (it == answers_.end()) return;
  answers_.erase(it);
  rescore();
  changed();
}

bool Model::next() {
  const auto visible = visible_questions();
  const int i = current_index();
  if (i < 0 || i + 1 >= static_cast<int>(visible.size())) return false;
  current_id_ = visible[i + 1]->id;
  changed();
  return true;
}

bool Model::back() {
  const auto visible = visible_questions();
  const int i = current_index();
  if (i <= 0) return false;
  current_id_ = visible[i - 1]->id;
  changed();
  return true;
}

void Model::skip() {
  if (!next()) show(Screen::Results);
}

void Model::go_to(std::string_view question_id) {
  const Question* q = questionnaire_.find(question_id);
  if (!q || !shown(*q)) return;
  current_id_ = q->id;
  changed();
}

void Model::restore(const Answers& answers, Screen screen, std::string question) {
  what_if_ = false;
  answers_.clear();
  for (const auto& [id, option] : answers) {
    const Question* q = questionnaire_.find(id);
    if (q && option >= 0 && option < static_cast<int>(q->options.size())) answers_[id] = option;
  }
  rescore();
  current_id_ = std::move(question);
  screen_ = screen;
  if (screen_ == Screen::Questionnaire && !questionnaire_.find(current_id_)) start_questionnaire();
  changed();
}

void Model::replace_answers(const Answers& answers) {
  const Screen screen = screen_;
  std::string question = current_id_;
  restore(answers, screen, std::move(question));
}

void Model::set_questionnaire(Questionnaire questionnaire) {
  questionnaire_ = std::move(questionnaire);
  restore({}, Screen::Welcome, {});
}

void Model::replace_texts(std::optional<Questionnaire> questionnaire, Catalog strings) {
  strings_ = std::move(strings);
  if (questionnaire) {
    // The questions stay where they are (their fields are new): a question's address stays valid, not its texts'.
    if (questionnaire->questions.size() == questionnaire_.questions.size()) {
      std::vector<Question> texts = std::move(questionnaire->questions);
      questionnaire->questions = std::move(questionnaire_.questions);
      for (std::size_t i = 0; i < texts.size(); ++i) questionnaire->questions[i] = std::move(texts[i]);
    }
    questionnaire_ = std::move(*questionnaire);
    rescore();  // the advice carries its texts
    if (what_if_) saved_result_ = score(questionnaire_, saved_answers_);
  }
  changed();
}

void Model::begin_what_if() {
  if (what_if_) return;
  what_if_ = true;
  saved_answers_ = answers_;
  saved_result_ = result_;
  changed();
}

void Model::keep_what_if() {
  if (!what_if_) return;
  what_if_ = false;
  saved_answers_.clear();
  changed();
}

void Model::discard_what_if() {
  if (!what_if_) return;
  what_if_ = false;
  answers_ = std::move(saved_answers_);
  saved_answers_.clear();
  rescore();
  changed();
}

void Model::rescore() { result_ = score(questionnaire_, answers_); }

std::string Model::state_json() const {
  nlohmann::json answers = nlohmann::json::object();
  for (const auto& [id, option] : answers_) answers[id] = option;
  nlohmann::json state = {
      {"screen", screen_key(screen_)},
      {"language", lang_key(lang_)},
      {"questionnaire", {{"id", questionnaire_.id}, {"version", questionnaire_.version}}},
      {"answers", std::move(answers)},
      {"result", result_json(result_)},
      {"whatIf", what_if_},
  };
  const Question* q = screen_ == Screen::Questionnaire ? current_question() : nullptr;
  state["question"] = q ? nlohmann::json(q->id) : nlohmann::json(nullptr);
  return state.dump();
}

std::string Model::summary_text() const {
  const Result& r = result_;
  std::string text =
      t("ui.summary.title", {{"total", std::to_string(r.total)}, {"corridor", t(key::corridor(r.corridor))}});
  text += "\n";
  for (Component c : kComponents) {
    text +=
        "- " + t("ui.summary.component", {{"name", t(key::component(c))},
                                          {"value", format_centi(r.component_centi[static_cast<int>(c)], 1, lang_)}});
    text += "\n";
  }
  if (!r.advice.empty()) text += t("ui.summary.top", {{"tip", r.advice.front().tip.get(lang_)}}) + "\n";
  text += t("ui.summary.footer") + "\n";
  return text;
}

std::string Model::report_json(std::string_view date) const {
  const Result& r = result_;
  nlohmann::json report = nlohmann::json::array();
  auto add = [&](const char* tag, std::string text) { report.push_back({tag, std::move(text)}); };
  add("h1", t("ui.report.title", {{"date", std::string(date)}}));
  add("p", t("ui.summary.title", {{"total", std::to_string(r.total)}, {"corridor", t(key::corridor(r.corridor))}}));
  const Range range = this->range();
  add("p",
      t("ui.gauge.range", {{"low", std::to_string(range.low)}, {"high", std::to_string(range.high)}}) + " \xc2\xb7 " +
          t("ui.gauge.answered", {{"answered", std::to_string(r.answered)}, {"visible", std::to_string(r.visible)}}));
  add("h2", t("ui.report.components"));
  for (Component c : kComponents)
    add("li", t("ui.summary.component", {{"name", t(key::component(c))},
                                         {"value", format_centi(r.component_centi[static_cast<int>(c)], 1, lang_)}}));
  add("h2", t("ui.results.advice"));
  for (std::size_t i = 0; i < r.advice.size() && i < 5; ++i)
    add("li", r.advice[i].tip.get(lang_) + " (" +
                  t("ui.results.gain", {{"points", format_centi(r.advice[i].gain_centi, 1, lang_)}}) + ")");
  add("h2", t("ui.results.plan"));
  for (const Advice& a : r.plan) add("li", a.tip.get(lang_));
  add("p", t("ui.summary.footer"));
  return report.dump();
}

std::string Model::questions_json() const {
  nlohmann::json list = nlohmann::json::array();
  for (const Question& q : questionnaire_.questions) {
    nlohmann::json points = nlohmann::json::array();
    for (const Option& o : q.options) points.push_back(o.points);
    list.push_back({{"id", q.id},
                    {"component", component_key(q.component)},
                    {"type", question_type_key(q.type)},
                    {"visible", shown(q)},
                    {"points", std::move(points)}});
  }
  return list.dump();
}

}  // namespace ssi::app
