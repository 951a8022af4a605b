// The results screen: gauges (with what-if editing of a component's answers), the comparison with a real
// SSI, advice and the 30-day plan.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "app/app_impl.h"
#include "app/format.h"
#include "app/glyphs.h"
#include "app/screen_parts.h"
#include "app/theme.h"
#include "app/widgets.h"

namespace ssi::app {

void App::Impl::results() {
  Model& m = model();
  const Theme& th = theme();
  const Palette& p = th.palette;
  const Result& r = m.result();
  PersonState& ps = person();

  heading(m.t("ui.results.title"), Font::H1);
  small_text(
      m.t("ui.gauge.answered", {{"answered", std::to_string(r.answered)}, {"visible", std::to_string(r.visible)}}));
  questionnaire_label();
  gap(0.4f);

  const auto clicked =
      ps.gauges.draw(m, host.now_ms(), {.interactive = true, .highlight_weakest = true, .selected = ps.editing});
  if (clicked) ps.editing = ps.editing == index_of(*clicked) ? -1 : index_of(*clicked);
  small_text(m.t("ui.gauge.edit"));
  if (r.deduction_centi > 0)
    small_text(m.t("ui.results.deductions", {{"points", format_centi(r.deduction_centi, 1, m.lang())}}));
  if (const Calibration& cal = m.calibration(); cal.usable()) {
    const char* key = cal.within == 0   ? "ui.results.calibrated_exact"
                      : cal.within == 1 ? "ui.results.calibrated_one"
                                        : "ui.results.calibrated";
    small_text(m.t(key, {{"count", std::to_string(cal.pairs)}, {"points", std::to_string(cal.within)}}));
  }
  if (ps.editing >= 0) {
    gap(0.5f);
    edit_component(kComponents[ps.editing]);
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

  const bool copied = host.now_ms() - ps.copied_at < 2500.0;
  const bool saved = host.now_ms() - ps.saved_at < 2500.0;
  const int c = button_row({{"results.save",
                             m.t(saved ? "ui.results.saved" : "ui.results.save"),
                             {.style = ButtonStyle::Primary,
                              .icon = saved ? SSI_ICON_CHECK : SSI_ICON_CALENDAR,
                              .disabled = r.answered == 0}},
                            {"results.copy",
                             m.t(copied ? "ui.results.copied" : "ui.results.copy"),
                             {.icon = copied ? SSI_ICON_CHECK : SSI_ICON_COPY}},
                            {"results.restart", m.t("ui.results.restart"), {.icon = SSI_ICON_REFRESH}}});
  if (c == 0) session.save_check();
  if (c == 1) {
    host.set_clipboard(m.summary_text());
    ps.copied_at = host.now_ms();
  }
  if (c == 2) {
    m.show(Screen::Questionnaire);
    m.go_to(m.visible_questions().front()->id);
  }
  const int e = button_row(
      {{"results.handover", m.t("ui.handover.title"), {.style = ButtonStyle::Quiet, .icon = SSI_ICON_UPLOAD}},
       {"results.png", m.t("ui.results.png"), {.style = ButtonStyle::Quiet, .icon = SSI_ICON_DOWNLOAD}},
       {"results.print", m.t("ui.results.print"), {.style = ButtonStyle::Quiet, .icon = SSI_ICON_PRINT}}},
      true);
  if (e == 0) m.show(Screen::Handover);
  if (e == 1) host.save_image("ssi-selfcheck-" + iso_date(host.epoch_ms()) + ".png");
  if (e == 2) host.print(m.report_json(iso_date(host.epoch_ms())));
  gap(0.6f);
  more_links();
  if (button("results.about", m.t("ui.welcome.about"), {.style = ButtonStyle::Quiet, .icon = SSI_ICON_LOCK}))
    m.show(Screen::About);
}

void App::Impl::edit_component(Component c) {
  Model& m = model();
  const Theme& th = theme();
  const Palette& p = th.palette;
  const int ci = index_of(c);
  begin_card(1.0f);
  const std::string title = m.t("ui.results.edit_title", {{"component", component_name(m, c)}});
  heading(title, Font::H2);
  if (button("edit.close", m.t("ui.results.close_edit"), {.style = ButtonStyle::Quiet, .icon = SSI_ICON_CLOSE}))
    person().editing = -1;
  for (const Question* q : m.visible_in(c)) {
    gap(0.4f);
    ImGui::PushFont(th.font(Font::Strong));
    paragraph(q->text.get(m.lang()));
    ImGui::PopFont();
    const auto it = m.answers().find(q->id);
    const int chosen = it == m.answers().end() ? -1 : it->second;
    SemanticGroup options("edit." + q->id + ".options", "radiogroup", q->text.get(m.lang()));
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

void App::Impl::advice_list() {
  Model& m = model();
  const Theme& th = theme();
  const Palette& p = th.palette;
  const Result& r = m.result();
  if (r.advice.empty()) {
    paragraph(m.t("ui.results.advice_none"), p.text_muted);
    sales_navigator_info();
    return;
  }
  // With a real SSI entered, the components LinkedIn rates lowest come first.
  const store::Document& doc = session.persistence().document();
  const std::vector<Advice> advice = doc.real.empty() ? r.advice : store::rerank_advice(r.advice, doc.real.back());
  if (!doc.real.empty()) small_text(m.t("ui.results.advice_reranked"));
  const int shown = std::min<int>(5, static_cast<int>(advice.size()));
  std::optional<SemanticGroup> list(std::in_place, "advice", "list", m.t("ui.results.advice"));
  for (int i = 0; i < shown; ++i) {
    const Advice& a = advice[i];
    const Question* q = m.questionnaire().find(a.question);
    if (!q) continue;
    const int ci = index_of(a.component);
    const std::string gain = m.t("ui.results.gain", {{"points", format_centi(a.gain_centi, 1, m.lang())}});
    // The card's name says it all in one: the step and what it gains (the drawn label and gain are not nodes).
    SemanticGroup item("advice." + a.question + ".item", "listitem",
                       m.t("ui.a11y.advice_item", {{"tip", a.tip.get(m.lang())}, {"gain", gain}}));
    begin_card(0.9f);
    const float gain_w = text_size(gain, Font::Strong).x;
    const float inner = ImGui::CalcItemWidth();
    ImGui::PushFont(th.font(Font::Small));
    ImGui::PushStyleColor(ImGuiCol_Text, p.component_text[ci]);
    const std::string label = a.kind == AdviceKind::Conduct
                                  ? component_name(m, a.component) + " \xc2\xb7 " + m.t("ui.results.conduct")
                                  : component_name(m, a.component);
    ImGui::TextUnformatted(label.c_str());
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
    if (a.best_option >= 0 && a.best_option < static_cast<int>(q->options.size()))
      small_text(m.t("ui.results.up_to", {{"points", format_centi(a.best_gain_centi, 1, m.lang())},
                                          {"answer", q->options[a.best_option].label.get(m.lang())}}));
    gap(0.1f);
    if (button("advice." + a.question, m.t("ui.results.try"), {.icon = SSI_ICON_LIGHTBULB})) {
      m.begin_what_if();
      m.answer(a.question, a.option);
    }
    end_card(p.component[ci]);
    gap(0.1f);
  }
  list.reset();  // the neutral Sales Navigator card is not one of the ranked steps
  sales_navigator_info();
}

// Non-users get this one neutral card about Sales Navigator, never ranked among the advice.
void App::Impl::sales_navigator_info() {
  if (!model().result().sales_navigator_info) return;
  begin_card(0.9f);
  paragraph(model().t("ui.results.sales_navigator_info"), theme().palette.text_muted);
  end_card(theme().palette.border);
  gap(0.1f);
}

void App::Impl::plan_list() {
  Model& m = model();
  const Theme& th = theme();
  const Palette& p = th.palette;
  const Result& r = m.result();
  if (r.plan.empty()) {
    paragraph(m.t("ui.results.advice_none"), p.text_muted);
    return;
  }
  const int n = static_cast<int>(r.plan.size());
  SemanticGroup list("plan", "list", m.t("ui.results.plan"));
  list.node().ordered = true;
  for (int i = 0; i < n; ++i) {
    const Advice& a = r.plan[i];
    const int ci = index_of(a.component);
    const int week = i * 4 / n + 1;
    SemanticGroup item("plan." + std::to_string(i), "listitem",
                       m.t("ui.a11y.plan_item", {{"week", std::to_string(week)},
                                                 {"component", component_name(m, a.component)},
                                                 {"tip", a.tip.get(m.lang())}}));
    begin_card(0.9f);
    ImGui::PushFont(th.font(Font::Small));
    ImGui::PushStyleColor(ImGuiCol_Text, p.component_text[ci]);
    const std::string label = std::to_string(i + 1) + ". " +
                              m.t("ui.results.plan_week", {{"week", std::to_string(week)}}) + " \xc2\xb7 " +
                              component_name(m, a.component);
    ImGui::TextUnformatted(label.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    paragraph(a.tip.get(m.lang()));
    end_card(p.component[ci]);
  }
}

void App::Impl::comparison() {
  Model& m = model();
  const Theme& th = theme();
  const Palette& p = th.palette;
  const store::Document& doc = session.persistence().document();
  if (doc.real.empty() || m.result().answered == 0) return;
  const store::RealEntry& real = doc.real.back();
  const store::Comparison cmp = store::compare(m.result(), real, m.lang());
  heading(m.t("ui.results.compare"), Font::H2);
  begin_card(1.0f);
  paragraph(m.t("ui.results.compare_intro", {{"date", real.date}, {"total", std::to_string(real.total())}}),
            p.text_muted);
  // One row per component: name, estimate, LinkedIn, as text beside two thin bars.
  const float width = ImGui::CalcItemWidth();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (int i = 0; i < kComponentCount; ++i) {
    gap(0.2f);
    ImGui::PushFont(th.font(Font::Strong));
    ImGui::PushStyleColor(ImGuiCol_Text, p.component_text[i]);
    ImGui::TextUnformatted(component_name(m, kComponents[i]).c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    for (int row = 0; row < 2; ++row) {
      const int centi = row == 0 ? cmp.estimate_centi[i] : cmp.real_centi[i];
      const std::string label =
          m.t(row == 0 ? "ui.results.compare_estimate" : "ui.results.compare_real") + " " + centi_text(centi, m.lang());
      const float label_w = th.em(9.0f);
      const ImVec2 at = ImGui::GetCursorScreenPos();
      const float bar_w = std::max(width - label_w, th.em(4.0f));
      const float h = th.em(0.55f);
      const float y = at.y + (text_size("X", Font::Small).y - h) * 0.5f;
      dl->AddRectFilled(ImVec2(at.x + label_w, y), ImVec2(at.x + label_w + bar_w, y + h), u32(p.track), h * 0.5f);
      dl->AddRectFilled(ImVec2(at.x + label_w, y),
                        ImVec2(at.x + label_w + bar_w * centi / (kComponentMax * 100.0f), y + h),
                        u32(row == 0 ? with_alpha(p.component[i], 0.55f) : p.component[i]), h * 0.5f);
      small_text(label, p.text);
    }
  }
  gap(0.3f);
  if (cmp.sentences.empty()) paragraph(m.t("ui.results.compare_close"));
  for (const auto& [key, args] : cmp.sentences) paragraph(m.t(key, args));
  end_card(p.accent);
  gap(0.8f);
}

}  // namespace ssi::app
