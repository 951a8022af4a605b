#include "app/announce.h"
#include "core/keys.h"

namespace ssi::app {

const char* page_name_key(Screen screen) {
  switch (screen) {
    case Screen::Welcome: return "ui.page.welcome";
    case Screen::Questionnaire: return "ui.page.questionnaire";
    case Screen::Results: return "ui.page.results";
    case Screen::About: return "ui.page.about";
    case Screen::Data: return "ui.page.data";
    case Screen::Real: return "ui.page.real";
    case Screen::History: return "ui.page.history";
    case Screen::Workshop: return "ui.page.workshop";
    case Screen::Presenter: return "ui.page.presenter";
    case Screen::Handover: return "ui.page.handover";
    case Screen::Group: return "ui.page.group";
  }
  return "ui.page.welcome";
}

namespace {
std::string result_sentence(const Model& m) {
  const Result& r = m.result();
  return m.t("ui.a11y.result", {{"total", std::to_string(r.total)}, {"corridor", m.t(key::corridor(r.corridor))}});
}
}  // namespace

void Announcer::frame(Host& host, const Model& m) {
  const Screen screen = m.screen();
  const Question* q = screen == Screen::Questionnaire ? m.current_question() : nullptr;
  const std::string question = q ? q->id : std::string();
  const bool new_screen = !screen_ || *screen_ != screen;
  const bool new_lang = !lang_ || *lang_ != m.lang();
  if (new_screen || new_lang) {
    host.set_page(m.t("ui.page.title", {{"screen", m.t(page_name_key(screen))}}), m.lang() == Lang::De ? "de" : "en");
  }
  if (new_screen || new_lang || question != question_) {  // a new language says it all again, in that language
    if (q) {
      host.announce(m.t("ui.a11y.question", {{"index", std::to_string(m.current_index() + 1)},
                                             {"count", std::to_string(m.visible_count())},
                                             {"text", q->text.get(m.lang())}}),
                    false);
    } else if (screen == Screen::Results) {
      host.announce(
          m.t("ui.a11y.screen_result", {{"screen", m.t(page_name_key(screen))}, {"result", result_sentence(m)}}),
          false);
    } else {
      host.announce(m.t(page_name_key(screen)), false);
    }
  } else if (screen == Screen::Results && m.result().total != total_) {
    host.announce(result_sentence(m), false);  // an edit or a what-if changed the estimate
  }
  screen_ = screen;
  lang_ = m.lang();
  question_ = question;
  total_ = m.result().total;
}

}  // namespace ssi::app
