// The welcome screen, "about", and the links to the person's data at the foot of welcome and results.
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
#include "core/keys.h"

#ifndef SSI_VERSION
#define SSI_VERSION "dev"
#endif

namespace ssi::app {

void App::Impl::code_pending() {
  gap(1.0f);
  paragraph(model().t("ui.code.pending"), theme().palette.text_muted);
}

void App::Impl::welcome() {
  Model& m = model();
  const Theme& th = theme();
  const Palette& p = th.palette;
  const Result& r = m.result();
  if (next_done) {
    begin_card(0.9f);
    paragraph(m.t("ui.next.done"));
    end_card(p.component[3]);
    gap(0.6f);
  }
  heading(m.t("ui.app.tagline"), Font::H1);
  gap(0.2f);
  paragraph(m.t("ui.welcome.intro"), p.text_muted);
  if (session.questionnaires.custom) questionnaire_label();
  small_text(m.t("ui.welcome.duration", {{"count", std::to_string(r.visible)}}));
  gap(0.4f);
  std::vector<RowButton> row;
  row.push_back({"welcome.start",
                 m.t(r.answered > 0 ? "ui.welcome.continue" : "ui.welcome.start"),
                 {.style = ButtonStyle::Primary, .icon = SSI_ICON_PLAY}});
  if (r.answered > 0) row.push_back({"welcome.results", m.t("ui.welcome.results"), {.icon = SSI_ICON_CHART}});
  row.push_back({"welcome.about", m.t("ui.welcome.about"), {.style = ButtonStyle::Quiet, .icon = SSI_ICON_LOCK}});
  if (can_install)
    row.push_back(
        {"welcome.install", m.t("ui.welcome.install"), {.style = ButtonStyle::Quiet, .icon = SSI_ICON_DOWNLOAD}});
  const int clicked = button_row(row);
  if (clicked >= 0) {
    const std::string& id = row[clicked].id;
    if (id == "welcome.start")
      m.start_questionnaire();
    else if (id == "welcome.results")
      m.show(Screen::Results);
    else if (id == "welcome.install")
      host.install();
    else
      m.show(Screen::About);
  }
  gap(1.0f);

  if (r.answered > 0) {
    person().gauges.draw(m, host.now_ms(), {});
    gap(1.2f);
  }

  heading(m.t("ui.welcome.components"), Font::H2);
  gap(0.2f);
  component_cards(m, 40.0f, Font::Strong, [&](Component c) { small_text(m.t(key::component_description(c)), p.text); });
  gap(1.2f);
  heading(m.t("ui.welcome.corridors"), Font::H2);
  gap(0.5f);
  corridor_bar(m);
  gap(0.3f);
  paragraph(m.t("ui.welcome.reach"));
  gap(1.0f);
  more_links();
}

// Links to the person's data, at the foot of the welcome and results screens.
void App::Impl::more_links() {
  Model& m = model();
  const int c =
      button_row({{"nav.history", m.t("ui.nav.history"), {.style = ButtonStyle::Quiet, .icon = SSI_ICON_CALENDAR}},
                  {"nav.real", m.t("ui.nav.real"), {.style = ButtonStyle::Quiet, .icon = SSI_ICON_LINKEDIN}},
                  {"nav.data", m.t("ui.nav.data"), {.style = ButtonStyle::Quiet, .icon = SSI_ICON_DOWNLOAD}},
                  {"nav.workshop", m.t("ui.nav.workshop"), {.style = ButtonStyle::Quiet, .icon = SSI_ICON_USERS}}},
                 true);
  if (c == 0) m.show(Screen::History);
  if (c == 1) m.show(Screen::Real);
  if (c == 2) m.show(Screen::Data);
  if (c == 3) m.show(Screen::Workshop);
}

void App::Impl::about() {
  Model& m = model();
  const Theme& th = theme();
  const Palette& p = th.palette;
  heading(m.t("ui.about.title"), Font::H1);
  gap(0.3f);
  paragraph(m.t("ui.about.what"));
  gap(0.6f);
  begin_card(1.0f);
  ImGui::PushFont(th.font(Font::H2));
  ImGui::TextUnformatted(SSI_ICON_LOCK);
  ImGui::PopFont();
  ImGui::SameLine(0, th.em(0.6f));
  heading(m.t("ui.about.privacy_title"), Font::H2);  // a heading of the tree too (it was drawn as bare text)
  paragraph(m.t("ui.about.privacy"));
  end_card(p.component[3]);
  gap(0.8f);
  heading(m.t("ui.about.licences_title"), Font::H2);
  paragraph(m.t("ui.about.licences"), p.text_muted);
  // The full texts are a file of the site (cmake/licences.py), read in the browser's own text view.
  if (button("about.licences", m.t("ui.about.licence_texts"), {.style = ButtonStyle::Quiet, .icon = SSI_ICON_LIST}))
    host.open_document("licences.txt");
  gap(0.4f);
  paragraph(m.t("ui.about.source"), p.text_muted);
  gap(0.4f);
  small_text(m.t(
      "ui.about.version",
      {{"version", SSI_VERSION}, {"questionnaire", m.questionnaire().id}, {"qversion", m.questionnaire().version}}));
  gap(0.8f);
  if (button("about.back", m.t("ui.about.back"), {.icon = SSI_ICON_CHEVRON_L})) m.show(Screen::Welcome);
}

}  // namespace ssi::app
