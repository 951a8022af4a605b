// The four screens: welcome, questionnaire, results (with what-if editing, advice and plan), about.
// Each is a thin view over the Model: it reads state, draws, and turns activations into Model actions.
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include <functional>

#include "app/app_impl.h"
#include "app/format.h"
#include "app/glyphs.h"
#include "app/theme.h"
#include "app/screen_parts.h"
#include "app/widgets.h"

#ifndef SSI_VERSION
#define SSI_VERSION "dev"
#endif

namespace ssi::app {

void colour_dot(ImVec4 colour, Font font) {
  const float size = text_size("X", font).y;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float d = size * 0.55f;
  ImGui::GetWindowDrawList()->AddRectFilled(p + ImVec2(0, (size - d) * 0.5f), p + ImVec2(d, (size + d) * 0.5f),
                                            u32(colour), d * 0.25f);
  ImGui::Dummy(ImVec2(d, size));
  ImGui::SameLine(0, theme().em(0.5f));
}

void corridor_bar(const Model& m) {
  const Theme& th = theme();
  const Palette& p = th.palette;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float width = ImGui::CalcItemWidth();
  const ImVec2 o = ImGui::GetCursorScreenPos();
  const float bar_h = th.em(0.7f);
  const int stops[5] = {0, 30, 50, 80, 100};
  for (int i = 0; i < 4; ++i) {
    const float x0 = o.x + width * stops[i] / 100.0f, x1 = o.x + width * stops[i + 1] / 100.0f;
    const ImDrawFlags round = i == 0 ? ImDrawFlags_RoundCornersLeft : (i == 3 ? ImDrawFlags_RoundCornersRight : ImDrawFlags_RoundCornersNone);
    dl->AddRectFilled(ImVec2(x0 + (i ? 1.5f : 0), o.y), ImVec2(x1 - (i < 3 ? 1.5f : 0), o.y + bar_h), u32(p.corridor[i]),
                      bar_h * 0.5f, round);
  }
  // Reach threshold at 50.
  const float x50 = o.x + width * 0.5f;
  dl->AddLine(ImVec2(x50, o.y - th.em(0.3f)), ImVec2(x50, o.y + bar_h + th.em(0.3f)), u32(p.text), 2.0f);
  // Numbers under the stops.
  float y = o.y + bar_h + th.em(0.35f);
  for (int s : stops) {
    const std::string n = std::to_string(s);
    const float w = text_size(n, Font::Small).x;
    float x = o.x + width * s / 100.0f - w * 0.5f;
    x = std::clamp(x, o.x, o.x + width - w);
    ImGui::PushFont(th.font(Font::Small));
    dl->AddText(ImVec2(x, y), u32(p.text_muted), n.c_str());
    ImGui::PopFont();
  }
  ImGui::Dummy(ImVec2(width, bar_h + th.em(0.35f) + text_size("X", Font::Small).y));
  gap(0.3f);
  for (int i = 0; i < 4; ++i) {
    colour_dot(p.corridor[i], Font::Body);
    ImGui::BeginGroup();
    ImGui::PushFont(th.font(Font::Strong));
    ImGui::TextUnformatted(m.t(std::string("corridor.") + std::string(corridor_key(static_cast<Corridor>(i)))).c_str());
    ImGui::PopFont();
    small_text(m.t(std::string("corridor.") + std::string(corridor_key(static_cast<Corridor>(i))) + ".description"));
    ImGui::EndGroup();
  }
}

void component_cards(const Model& m, float two_columns_from_em, Font title, const std::function<void(Component)>& body) {
  const Theme& th = theme();
  const Palette& p = th.palette;
  const float width = ImGui::CalcItemWidth();
  const bool two = width >= th.em(two_columns_from_em);
  const float spacing = th.em(0.8f);
  const float col_w = two ? (width - spacing) * 0.5f : width;
  for (int i = 0; i < kComponentCount; ++i) {
    const Component c = kComponents[i];
    // SameLine() offsets count from the enclosing group's start (the column).
    if (two && i % 2 == 1) ImGui::SameLine(col_w + spacing);
    ImGui::BeginGroup();
    ImGui::PushItemWidth(col_w);
    begin_card(0.9f);
    ImGui::PushFont(th.font(title));
    ImGui::PushStyleColor(ImGuiCol_Text, p.component_text[i]);
    paragraph(component_name(m, c));
    ImGui::PopStyleColor();
    ImGui::PopFont();
    body(c);
    end_card(p.component[i]);
    ImGui::PopItemWidth();
    ImGui::EndGroup();
  }
}

// --- Welcome -----------------------------------------------------------------------------------------

void App::Impl::welcome() {
  Model& m = *model;
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
  if (custom_questionnaire) questionnaire_label();
  small_text(m.t("ui.welcome.duration", {{"count", std::to_string(r.visible)}}));
  gap(0.4f);
  std::vector<RowButton> row;
  row.push_back({"welcome.start", m.t(r.answered > 0 ? "ui.welcome.continue" : "ui.welcome.start"),
                 {.style = ButtonStyle::Primary, .icon = SSI_ICON_PLAY}});
  if (r.answered > 0) row.push_back({"welcome.results", m.t("ui.welcome.results"), {.icon = SSI_ICON_CHART}});
  row.push_back({"welcome.about", m.t("ui.welcome.about"), {.style = ButtonStyle::Quiet, .icon = SSI_ICON_LOCK}});
  if (can_install) row.push_back({"welcome.install", m.t("ui.welcome.install"), {.style = ButtonStyle::Quiet, .icon = SSI_ICON_DOWNLOAD}});
  const int clicked = button_row(row);
  if (clicked >= 0) {
    const std::string& id = row[clicked].id;
    if (id == "welcome.start") m.start_questionnaire();
    else if (id == "welcome.results") m.show(Screen::Results);
    else if (id == "welcome.install") host.install();
    else m.show(Screen::About);
  }
  gap(1.0f);

  if (r.answered > 0) {
    dashboard.draw(m, host.now_ms(), {});
    gap(1.2f);
  }

  heading(m.t("ui.welcome.components"), Font::H2);
  gap(0.2f);
  component_cards(m, 40.0f, Font::Strong, [&](Component c) {
    small_text(m.t("component." + key_of(c) + ".description"), p.text);
  });
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
  Model& m = *model;
  const int c = button_row({{"nav.history", m.t("ui.nav.history"), {.style = ButtonStyle::Quiet, .icon = SSI_ICON_CALENDAR}},
                            {"nav.real", m.t("ui.nav.real"), {.style = ButtonStyle::Quiet, .icon = SSI_ICON_LINKEDIN}},
                            {"nav.data", m.t("ui.nav.data"), {.style = ButtonStyle::Quiet, .icon = SSI_ICON_DOWNLOAD}},
                            {"nav.workshop", m.t("ui.nav.workshop"), {.style = ButtonStyle::Quiet, .icon = SSI_ICON_USERS}}},
                           true);
  if (c == 0) m.show(Screen::History);
  if (c == 1) m.show(Screen::Real);
  if (c == 2) m.show(Screen::Data);
  if (c == 3) m.show(Screen::Workshop);
}

// --- Questionnaire -----------------------------------------------------------------------------------

void App::Impl::questionnaire() {
  Model& m = *model;
  const Theme& th = theme();
  const Palette& p = th.palette;
  const Question* q = m.current_question();
  if (!q) {
    m.show(Screen::Results);
    return;
  }
  const int ci = index_of(q->component);
  const int index = m.current_index(), count = m.visible_count();
  const float width = ImGui::CalcItemWidth();
  ImDrawList* dl = ImGui::GetWindowDrawList();

  // Where am I: component, position, progress over all questions.
  colour_dot(p.component[ci], Font::Strong);
  ImGui::PushFont(th.font(Font::Strong));
  ImGui::PushStyleColor(ImGuiCol_Text, p.component_text[ci]);
  const std::string comp = component_name(m, q->component);
  const std::string progress = m.t("ui.q.progress", {{"index", std::to_string(index + 1)}, {"count", std::to_string(count)}});
  const float progress_w = text_size(progress, Font::Small).x;
  const bool same_line = text_size(comp, Font::Strong).x + progress_w + th.em(3.0f) < width;
  ImGui::TextUnformatted(comp.c_str());
  ImGui::PopStyleColor();
  ImGui::PopFont();
  if (same_line) ImGui::SameLine(width - progress_w);  // offset from the column's start
  small_text(progress);
  const ImVec2 bar = ImGui::GetCursorScreenPos();
  const float bar_h = th.em(0.45f);
  dl->AddRectFilled(bar, bar + ImVec2(width, bar_h), u32(p.track), bar_h * 0.5f);
  dl->AddRectFilled(bar, bar + ImVec2(width * (index + 1) / std::max(count, 1), bar_h), u32(p.component[ci]), bar_h * 0.5f);
  ImGui::Dummy(ImVec2(width, bar_h));
  gap(0.5f);
  dashboard.draw_mini(m, host.now_ms());
  gap(0.6f);

  // The question, its help, its options.
  begin_card(1.1f);
  if (q->tier == Tier::SalesNavigator) small_text(m.t("ui.q.sales_navigator"), p.accent);
  heading(q->text.get(m.lang()), Font::H2);
  const bool help = help_open == q->id;
  if (button("q.help", m.t(help ? "ui.q.help_hide" : "ui.q.help"),
             {.style = ButtonStyle::Quiet, .icon = SSI_ICON_QUESTION, .role = "toggle", .selected = help}))
    help_open = help ? std::string() : q->id;
  if (help) {
    ImGui::PushStyleColor(ImGuiCol_Text, p.text);
    paragraph(q->help.get(m.lang()));
    ImGui::PopStyleColor();
    gap(0.3f);
  }
  gap(0.2f);
  const auto answered = m.answers().find(q->id);
  const int chosen = answered == m.answers().end() ? -1 : answered->second;
  // Keyboard users land on the first option of each new question (mouse and touch users see no ring).
  const bool move_focus = focus_request && !GImGui->NavDisableHighlight;
  focus_request = false;
  for (int i = 0; i < static_cast<int>(q->options.size()); ++i) {
    if (i == 0 && move_focus) ImGui::SetKeyboardFocusHere();
    const std::string id = "q." + q->id + ".option." + std::to_string(i);
    if (option_card(id, q->options[i].label.get(m.lang()), chosen == i, p.component[ci])) {
      m.answer(q->id, i);
      // A first answer moves on by itself (fewer taps on a phone); changing an answer stays put.
      if (chosen < 0 && !m.next()) m.show(Screen::Results);
    }
  }
  end_card();
  gap(0.8f);

  // Navigation.
  const bool last = index + 1 >= count;
  std::vector<RowButton> nav;
  nav.push_back({"q.back", m.t("ui.q.back"), {.icon = SSI_ICON_CHEVRON_L, .disabled = index == 0}});
  nav.push_back({"q.skip", m.t("ui.q.skip"), {.style = ButtonStyle::Quiet}});
  nav.push_back({"q.next", m.t(last ? "ui.q.finish" : "ui.q.next"),
                 {.style = ButtonStyle::Primary, .icon = last ? SSI_ICON_CHART : SSI_ICON_CHEVRON_R}, true});
  switch (button_row(nav)) {
    case 0: m.back(); break;
    case 1: m.skip(); break;
    case 2:
      if (!m.next()) m.show(Screen::Results);
      break;
    default: break;
  }
  if (ImGui::IsKeyPressed(ImGuiKey_PageDown, false) && !m.next()) m.show(Screen::Results);
  if (ImGui::IsKeyPressed(ImGuiKey_PageUp, false)) m.back();
  gap(1.0f);
  questionnaire_label();  // which questionnaire these answers belong to (a trainer's own, or ours)
}

// --- Results -----------------------------------------------------------------------------------------

void App::Impl::results() {
  Model& m = *model;
  const Theme& th = theme();
  const Palette& p = th.palette;
  const Result& r = m.result();

  heading(m.t("ui.results.title"), Font::H1);
  small_text(m.t("ui.gauge.answered", {{"answered", std::to_string(r.answered)}, {"visible", std::to_string(r.visible)}}));
  questionnaire_label();
  gap(0.4f);

  const auto clicked = dashboard.draw(m, host.now_ms(), {.interactive = true, .highlight_weakest = true, .selected = editing});
  if (clicked) editing = editing == index_of(*clicked) ? -1 : index_of(*clicked);
  small_text(m.t("ui.gauge.edit"));
  if (editing >= 0) {
    gap(0.5f);
    edit_component(kComponents[editing]);
  }
  gap(0.6f);

  if (r.answered < r.visible) {
    begin_card(0.9f);
    paragraph(m.t("ui.results.incomplete", {{"missing", std::to_string(r.visible - r.answered)}}));
    gap(0.2f);
    if (button("results.complete", m.t("ui.results.complete_it"), {.icon = SSI_ICON_LIST})) m.start_questionnaire();
    end_card(p.accent);
    gap(0.6f);
  }

  comparison();
  heading(m.t("ui.results.advice"), Font::H2);
  gap(0.2f);
  advice_list();
  gap(1.0f);
  heading(m.t("ui.results.plan"), Font::H2);
  gap(0.2f);
  plan_list();
  gap(1.0f);

  const bool copied = host.now_ms() - copied_at < 2500.0;
  const bool saved = host.now_ms() - saved_at < 2500.0;
  const int c = button_row({{"results.save", m.t(saved ? "ui.results.saved" : "ui.results.save"),
                             {.style = ButtonStyle::Primary, .icon = saved ? SSI_ICON_CHECK : SSI_ICON_CALENDAR, .disabled = r.answered == 0}},
                            {"results.copy", m.t(copied ? "ui.results.copied" : "ui.results.copy"),
                             {.icon = copied ? SSI_ICON_CHECK : SSI_ICON_COPY}},
                            {"results.restart", m.t("ui.results.restart"), {.icon = SSI_ICON_REFRESH}}});
  if (c == 0) save_check();
  if (c == 1) {
    host.set_clipboard(m.summary_text());
    copied_at = host.now_ms();
  }
  if (c == 2) {
    m.show(Screen::Questionnaire);
    m.go_to(m.visible_questions().front()->id);
  }
  const int e = button_row({{"results.handover", m.t("ui.handover.title"), {.style = ButtonStyle::Quiet, .icon = SSI_ICON_UPLOAD}},
                            {"results.png", m.t("ui.results.png"), {.style = ButtonStyle::Quiet, .icon = SSI_ICON_DOWNLOAD}},
                            {"results.print", m.t("ui.results.print"), {.style = ButtonStyle::Quiet, .icon = SSI_ICON_PRINT}}},
                           true);
  if (e == 0) m.show(Screen::Handover);
  if (e == 1) host.save_image("ssi-selfcheck-" + iso_date(host.epoch_ms()) + ".png");
  if (e == 2) host.print(m.report_json(iso_date(host.epoch_ms())));
  gap(0.6f);
  more_links();
  if (button("results.about", m.t("ui.welcome.about"), {.style = ButtonStyle::Quiet, .icon = SSI_ICON_LOCK})) m.show(Screen::About);
}

void App::Impl::advice_list() {
  Model& m = *model;
  const Theme& th = theme();
  const Palette& p = th.palette;
  const Result& r = m.result();
  if (r.advice.empty()) {
    paragraph(m.t("ui.results.advice_none"), p.text_muted);
    return;
  }
  // With a real SSI entered, the components LinkedIn rates lowest come first.
  const store::Document& doc = persistence->document();
  const std::vector<Advice> advice = doc.real.empty() ? r.advice : store::rerank_advice(r.advice, doc.real.back());
  if (!doc.real.empty()) small_text(m.t("ui.results.advice_reranked"));
  const int shown = std::min<int>(5, static_cast<int>(advice.size()));
  for (int i = 0; i < shown; ++i) {
    const Advice& a = advice[i];
    const Question* q = m.questionnaire().find(a.question);
    if (!q) continue;
    const int ci = index_of(a.component);
    begin_card(0.9f);
    const std::string gain = m.t("ui.results.gain", {{"points", format_centi(a.gain_centi, 1, m.lang())}});
    const float gain_w = text_size(gain, Font::Strong).x;
    const float inner = ImGui::CalcItemWidth();
    ImGui::PushFont(th.font(Font::Small));
    ImGui::PushStyleColor(ImGuiCol_Text, p.component_text[ci]);
    ImGui::TextUnformatted(component_name(m, a.component).c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::SameLine(inner - gain_w);  // offset from the card's inner start
    ImGui::PushFont(th.font(Font::Strong));
    ImGui::PushStyleColor(ImGuiCol_Text, p.component_text[3]);
    ImGui::TextUnformatted(gain.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    paragraph(a.tip.get(m.lang()));
    if (a.option >= 0 && a.option < static_cast<int>(q->options.size()))
      small_text(std::string("\xe2\x86\x92 ") + q->options[a.option].label.get(m.lang()));  // → better answer
    gap(0.1f);
    if (button("advice." + a.question, m.t("ui.results.try"), {.icon = SSI_ICON_LIGHTBULB})) {
      m.begin_what_if();
      m.answer(a.question, a.option);
    }
    end_card(p.component[ci]);
    gap(0.1f);
  }
}

void App::Impl::plan_list() {
  Model& m = *model;
  const Theme& th = theme();
  const Palette& p = th.palette;
  const Result& r = m.result();
  if (r.plan.empty()) {
    paragraph(m.t("ui.results.advice_none"), p.text_muted);
    return;
  }
  const int n = static_cast<int>(r.plan.size());
  for (int i = 0; i < n; ++i) {
    const Advice& a = r.plan[i];
    const int ci = index_of(a.component);
    begin_card(0.9f);
    const int week = i * 4 / n + 1;
    ImGui::PushFont(th.font(Font::Small));
    ImGui::PushStyleColor(ImGuiCol_Text, p.component_text[ci]);
    const std::string label = std::to_string(i + 1) + ". " + m.t("ui.results.plan_week", {{"week", std::to_string(week)}}) +
                              " \xc2\xb7 " + component_name(m, a.component);
    ImGui::TextUnformatted(label.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    paragraph(a.tip.get(m.lang()));
    end_card(p.component[ci]);
  }
}

void App::Impl::edit_component(Component c) {
  Model& m = *model;
  const Theme& th = theme();
  const Palette& p = th.palette;
  const int ci = index_of(c);
  begin_card(1.0f);
  const std::string title = m.t("ui.results.edit_title", {{"component", component_name(m, c)}});
  heading(title, Font::H2);
  if (button("edit.close", m.t("ui.results.close_edit"), {.style = ButtonStyle::Quiet, .icon = SSI_ICON_CLOSE})) editing = -1;
  for (const Question* q : m.visible_in(c)) {
    gap(0.4f);
    ImGui::PushFont(th.font(Font::Strong));
    paragraph(q->text.get(m.lang()));
    ImGui::PopFont();
    const auto it = m.answers().find(q->id);
    const int chosen = it == m.answers().end() ? -1 : it->second;
    for (int i = 0; i < static_cast<int>(q->options.size()); ++i) {
      const std::string id = "edit." + q->id + ".option." + std::to_string(i);
      if (option_card(id, q->options[i].label.get(m.lang()), chosen == i, p.component[ci])) {
        m.begin_what_if();  // edits here are tried out until kept
        m.answer(q->id, i);
      }
    }
  }
  end_card(p.component[ci]);
}

// --- About -------------------------------------------------------------------------------------------

void App::Impl::about() {
  Model& m = *model;
  const Theme& th = theme();
  const Palette& p = th.palette;
  heading(m.t("ui.about.title"), Font::H1);
  gap(0.3f);
  paragraph(m.t("ui.about.what"));
  gap(0.6f);
  begin_card(1.0f);
  ImGui::PushFont(th.font(Font::H2));
  ImGui::TextUnformatted((std::string(SSI_ICON_LOCK) + "  " + m.t("ui.about.privacy_title")).c_str());
  ImGui::PopFont();
  paragraph(m.t("ui.about.privacy"));
  end_card(p.component[3]);
  gap(0.8f);
  heading(m.t("ui.about.licences_title"), Font::H2);
  paragraph(m.t("ui.about.licences"), p.text_muted);
  gap(0.4f);
  paragraph(m.t("ui.about.source"), p.text_muted);
  gap(0.4f);
  small_text(m.t("ui.about.version", {{"version", SSI_VERSION},
                                      {"questionnaire", m.questionnaire().id},
                                      {"qversion", m.questionnaire().version}}));
  gap(0.8f);
  if (button("about.back", m.t("ui.about.back"), {.icon = SSI_ICON_CHEVRON_L})) m.show(Screen::Welcome);
}

}  // namespace ssi::app
