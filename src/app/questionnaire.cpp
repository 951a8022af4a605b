// The questionnaire screen: one question at a time, with its help, options and the live mini gauges.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "app/app_impl.h"
#include "app/format.h"
#include "app/glyphs.h"
#include "app/imgui_access.h"
#include "app/screen_parts.h"
#include "app/theme.h"
#include "app/widgets.h"

namespace ssi::app {

void App::Impl::questionnaire() {
  Model& m = model();
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
  const std::string progress =
      m.t("ui.q.progress", {{"index", std::to_string(index + 1)}, {"count", std::to_string(count)}});
  const float progress_w = text_size(progress, Font::Small).x;
  const bool same_line = text_size(comp, Font::Strong).x + progress_w + th.em(3.0f) < width;
  ImGui::TextUnformatted(comp.c_str());
  ImGui::PopStyleColor();
  ImGui::PopFont();
  if (same_line) {
    ImGui::SameLine(width - progress_w);  // offset from the column's start
    // Exactly as wide as measured: the column's wrap position, on rounding, split it before its last word.
    ImGui::PushTextWrapPos(-1.0f);
  }
  small_text(progress);
  if (same_line) ImGui::PopTextWrapPos();
  const ImVec2 bar = ImGui::GetCursorScreenPos();
  const float bar_h = th.em(0.45f);
  dl->AddRectFilled(bar, bar + ImVec2(width, bar_h), u32(p.track), bar_h * 0.5f);
  dl->AddRectFilled(bar, bar + ImVec2(width * (index + 1) / std::max(count, 1), bar_h), u32(p.component[ci]),
                    bar_h * 0.5f);
  ImGui::Dummy(ImVec2(width, bar_h));
  gap(0.5f);
  // The mini gauges go here, drawn at the end: after the options, so a tap's answer shows in this frame.
  const ImVec2 gauges_at = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(width, Dashboard::mini_height(width)));
  gap(0.6f);

  // The question, its help, its options.
  begin_card(1.1f);
  if (q->tier == Tier::SalesNavigator) small_text(m.t("ui.q.sales_navigator"), p.accent);
  heading(q->text.get(m.lang()), Font::H2);
  const bool help = person().help_open == q->id;
  if (button("q.help", m.t(help ? "ui.q.help_hide" : "ui.q.help"),
             {.style = ButtonStyle::Quiet, .icon = SSI_ICON_QUESTION, .selected = help, .expanded = help ? 1 : 0}))
    person().help_open = help ? std::string() : q->id;
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
  const bool move_focus = focus_request && keyboard_in_use();
  focus_request = false;
  {
    SemanticGroup options("q." + q->id + ".options", "radiogroup", q->text.get(m.lang()));  // named by the question
    for (int i = 0; i < static_cast<int>(q->options.size()); ++i) {
      if (i == 0 && move_focus) ImGui::SetKeyboardFocusHere();
      const std::string id = "q." + q->id + ".option." + std::to_string(i);
      if (option_card(id, q->options[i].label.get(m.lang()), chosen == i, p.component[ci])) {
        m.answer(q->id, i);
        // A first answer moves on by itself (fewer taps on a phone); changing an answer stays put.
        if (chosen < 0 && !m.next()) m.show(Screen::Results);
      }
    }
  }
  end_card();
  gap(0.8f);

  // Navigation.
  const bool last = index + 1 >= count;
  std::vector<RowButton> nav;
  nav.push_back({"q.back", m.t("ui.q.back"), {.icon = SSI_ICON_CHEVRON_L, .disabled = index == 0}});
  nav.push_back({"q.skip", m.t("ui.q.skip"), {.style = ButtonStyle::Quiet}});
  nav.push_back({"q.next",
                 m.t(last ? "ui.q.finish" : "ui.q.next"),
                 {.style = ButtonStyle::Primary, .icon = last ? SSI_ICON_CHART : SSI_ICON_CHEVRON_R},
                 true});
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
  person().gauges.draw_mini(m, host.now_ms(), gauges_at);
}

}  // namespace ssi::app
