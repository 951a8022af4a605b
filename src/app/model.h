#pragma once
// The app-state model: everything the UI shows and every action a person can take, with no ImGui and
// no browser. Screens are thin views over it; tests drive it directly (tests/app).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/ssi.h"

namespace ssi::app {

enum class Screen : std::uint8_t {
  Welcome,
  Questionnaire,
  Results,
  About,
  Data,
  Real,
  History,
  Workshop,
  Presenter,
  Handover,
  Group  // workshop mode: trainer's hub, slides, "for my trainer", group view
};
inline constexpr int kScreenCount = 11;
// "welcome", "questionnaire", "results", "about", "data", "real", "history",
// "workshop", "presenter", "handover", "group"
std::string_view screen_key(Screen);
std::optional<Screen> screen_from_key(std::string_view);  // inverse; nullopt for anything else
// Welcome, questionnaire and results: what a first visit shows, drawn from the common texts alone (the others' texts
// are rare: src/app/rare_texts.txt).
constexpr bool first_visit_screen(Screen s) {
  return s == Screen::Welcome || s == Screen::Questionnaire || s == Screen::Results;
}

// Picks the UI language from a BCP 47 tag: German for de-*, else English.
Lang language_for(std::string_view tag);

class Model {
 public:
  Model(Questionnaire questionnaire, Catalog strings, Lang lang);

  // --- What is shown ---------------------------------------------------------------------------
  Screen screen() const { return screen_; }
  Lang lang() const { return lang_; }
  const Questionnaire& questionnaire() const { return questionnaire_; }
  const Answers& answers() const { return answers_; }
  // The person's own answers: during what-if, the saved ones, not those being tried out.
  const Answers& committed_answers() const { return what_if_ ? saved_answers_ : answers_; }
  const std::string& current_id() const { return current_id_; }
  const Result& result() const { return result_; }
  // The range shown: the person's own error once real SSI values sit next to estimates (docs/scoring.md).
  Range range() const { return calibrated_range(result_, calibration_); }
  const Calibration& calibration() const { return calibration_; }
  void set_calibration(const Calibration& calibration) { calibration_ = calibration; }

  // Questions currently visible (conditions applied), in questionnaire order.
  std::vector<const Question*> visible_questions() const;
  // The question the questionnaire screen shows, and its place among the visible ones.
  const Question* current_question() const;
  int current_index() const;  // 0-based among visible questions; -1 when there is none
  int visible_count() const;
  // Questions of one component that are visible (for the results screen's editing).
  std::vector<const Question*> visible_in(Component component) const;

  // Localised UI text ("ui.json" key) and core message formatting.
  std::string t(std::string_view key, const Args& args = {}) const;
  const Catalog& strings() const { return strings_; }

  // Bumped by every change; the UI redraws and (later) persists when it moves.
  std::uint64_t revision() const { return revision_; }

  // --- Actions ---------------------------------------------------------------------------------
  void set_lang(Lang lang);
  void show(Screen screen);
  void start_questionnaire();  // from the welcome screen: the first unanswered question
  // Sets an answer like a tap on the option would; false for an unknown id or index or a hidden question.
  bool answer(std::string_view question_id, int option_index);
  void clear_answer(std::string_view question_id);
  bool next();  // to the next visible question; false at the end (then show results)
  bool back();  // to the previous one; false at the first
  void skip();  // leave the current question unanswered and move on
  void go_to(std::string_view question_id);

  // Puts back where the person was (answers for unknown or hidden questions are dropped by scoring).
  void restore(const Answers& answers, Screen screen, std::string question);
  // Takes other answers (another tab changed them); stays on the current screen.
  void replace_answers(const Answers& answers);
  // Switches to another questionnaire (a trainer's own file, or back to ours). The answers belong to the
  // old one, so they are dropped; the person starts afresh on the welcome screen.
  void set_questionnaire(Questionnaire questionnaire);
  // The same content in more languages (the shipped texts arrived): answers, screen and what-if stay.
  void replace_texts(std::optional<Questionnaire> questionnaire, Catalog strings);

  // What-if on the results screen: edits go to a scratch copy until kept or discarded.
  void begin_what_if();
  void keep_what_if();
  void discard_what_if();
  bool in_what_if() const { return what_if_; }
  const Result& saved_result() const { return what_if_ ? saved_result_ : result_; }

  // The result as plain text, for the clipboard: total and corridor, the four components, the top tip.
  std::string summary_text() const;
  // The printable report of the current result as [tag, text] pairs (JSON), see Host::print().
  std::string report_json(std::string_view date) const;

  // --- Test hook views ---------------------------------------------------------------------------
  std::string state_json() const;
  std::string questions_json() const;

 private:
  void rescore();
  bool shown(const Question& question) const;  // visible with the current answers (question of questionnaire_)
  void changed() { ++revision_; }

  Questionnaire questionnaire_;
  Catalog strings_;
  Lang lang_;
  Screen screen_ = Screen::Welcome;
  Answers answers_;
  Result result_;
  Calibration calibration_;
  std::string current_id_;  // id of the question on screen (stable while conditions change)
  bool what_if_ = false;
  Answers saved_answers_;
  Result saved_result_;
  std::uint64_t revision_ = 0;
};

}  // namespace ssi::app
