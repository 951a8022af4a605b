// The workshop hub: the trainer's tasks, the questionnaire in use (and a trainer's own), next participant.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "app/app_impl.h"
#include "app/format.h"
#include "app/glyphs.h"
#include "app/screen_parts.h"
#include "app/theme.h"
#include "app/widgets.h"

namespace ssi::app {

void App::Impl::workshop() {
  Model& m = model();
  const Palette& p = theme().palette;
  heading(m.t("ui.workshop.title"), Font::H1);
  paragraph(m.t("ui.workshop.intro"), p.text_muted);
  gap(0.6f);

  // One card per task: what it is for, and the button that starts it.
  auto task = [&](const char* title, const char* text, const char* id, const char* label, ButtonOptions options,
                  ImVec4 accent) {
    begin_card(1.0f);
    heading(m.t(title), Font::H2);
    paragraph(m.t(text));
    gap(0.2f);
    const bool clicked = button(id, m.t(label), options);
    end_card(accent);
    gap(0.6f);
    return clicked;
  };
  if (task("ui.workshop.present.title", "ui.workshop.present.text", "workshop.presenter", "ui.workshop.present.start",
           {.style = ButtonStyle::Primary, .icon = SSI_ICON_PLAY}, p.accent)) {
    presenter_state.slide = 0;
    m.show(Screen::Presenter);
  }
  if (task("ui.workshop.group.title", "ui.workshop.group.text", "workshop.group", "ui.workshop.group.open",
           {.icon = SSI_ICON_USERS}, p.component[1]))
    m.show(Screen::Group);
  if (task("ui.workshop.handover.title", "ui.workshop.handover.text", "workshop.handover", "ui.handover.title",
           {.icon = SSI_ICON_UPLOAD}, p.component[3]))
    m.show(Screen::Handover);

  // The questionnaire in use, and a trainer's own.
  QuestionnaireChoice& choice = session.questionnaires;
  begin_card(1.0f);
  heading(m.t("ui.workshop.q.title"), Font::H2);
  questionnaire_label();
  paragraph(m.t("ui.workshop.q.text"));
  gap(0.2f);
  std::vector<RowButton> row = {{"workshop.q.load", m.t("ui.workshop.q.load"), {.icon = SSI_ICON_UPLOAD}}};
  if (choice.custom)
    row.push_back(
        {"workshop.q.standard", m.t("ui.workshop.q.standard"), {.style = ButtonStyle::Quiet, .icon = SSI_ICON_UNDO}});
  const int q = button_row(row);
  if (q == 0) host.pick_file(false);
  if (q == 1) session.use_standard_questionnaire();
  if (!choice.message.empty()) {
    gap(0.2f);
    paragraph(choice.message, choice.errors.empty() ? p.text : p.danger);
  }
  // Every problem with its location, so the trainer can fix the file in one go.
  for (const std::string& error : choice.errors) small_text("• " + error, p.text);
  if (choice.pending) {
    gap(0.3f);
    const std::size_t n = m.committed_answers().size();
    paragraph(m.t(n == 1 ? "ui.workshop.q.confirm.one" : "ui.workshop.q.confirm", {{"count", std::to_string(n)}}),
              p.warning);
    const int c = button_row({{"workshop.q.confirm", m.t("ui.workshop.q.confirm_yes"), {.style = ButtonStyle::Primary}},
                              {"workshop.q.cancel", m.t("ui.data.import_cancel"), {.style = ButtonStyle::Quiet}}});
    if (c == 0) session.confirm_questionnaire();
    if (c == 1) choice.pending.reset();
  }
  end_card(p.component[0]);
  gap(0.6f);

  begin_card(1.0f);
  heading(m.t("ui.workshop.next.title"), Font::H2);
  paragraph(m.t("ui.workshop.next.text"));
  gap(0.2f);
  next_participant();
  end_card(p.component[2]);
}

void App::Impl::questionnaire_label() {
  const Model& m = model();
  const Questionnaire& q = m.questionnaire();
  small_text(m.t(session.questionnaires.custom ? "ui.workshop.q.active_custom" : "ui.workshop.q.active",
                 {{"title", q.title.get(m.lang())}, {"id", q.id}, {"version", q.version}}),
             theme().palette.text_muted);
}

// "Next participant": after a confirmation, everything of the current person leaves this device.
void App::Impl::next_participant() {
  Model& m = model();
  const Palette& p = theme().palette;
  if (!confirm_next) {
    if (button("next.start", m.t("ui.next.button"), {.icon = SSI_ICON_REFRESH})) {
      confirm_next = true;
      next_done = false;
    }
    return;
  }
  paragraph(m.t("ui.next.confirm"), p.warning);
  const int r =
      button_row({{"next.confirm", m.t("ui.next.confirm_yes"), {.style = ButtonStyle::Primary, .icon = SSI_ICON_TRASH}},
                  {"next.cancel", m.t("ui.data.import_cancel"), {.style = ButtonStyle::Quiet}}});
  if (r == 1) confirm_next = false;
  if (r != 0) return;
  confirm_next = false;
  session.next_participant();
  next_done = true;
}

}  // namespace ssi::app
