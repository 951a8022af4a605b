// Presenter mode: slides for a projector in large type, turned with the keys of a clicker or the bar's buttons.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "app/app_impl.h"
#include "app/format.h"
#include "app/glyphs.h"
#include "app/imgui_access.h"
#include "app/screen_parts.h"
#include "app/theme.h"
#include "app/widgets.h"

namespace ssi::app {
namespace {

constexpr int kSlideCount = 6;
// Keys that turn slides (a presenter's clicker sends PageDown/PageUp or the arrows).
constexpr ImGuiKey kSlideKeys[] = {ImGuiKey_LeftArrow, ImGuiKey_RightArrow, ImGuiKey_UpArrow, ImGuiKey_DownArrow,
                                   ImGuiKey_PageUp,    ImGuiKey_PageDown,   ImGuiKey_Home,    ImGuiKey_End};

// Slide text: one step up from body text, for the back row.
void slide_text(std::string_view text, ImVec4 colour = ImVec4(0, 0, 0, 0)) {
  ImGui::PushFont(theme().font(Font::H2));
  paragraph(text, colour);
  ImGui::PopFont();
}

}  // namespace

// Palette, type scale and keyboard handling follow the screen: presenter mode or not.
void App::Impl::update_presenter_theme() {
  const bool on = model().screen() == Screen::Presenter;
  ImGuiIO& io = ImGui::GetIO();
  if (on) {
    // Type for the back row: scaled to the window (a 1920×1080 projector gets about twice the size).
    const ImVec2 size = io.DisplaySize;
    const float fit = std::min(size.x / 960.0f, size.y / 600.0f);
    presenter_state.font_scale = std::clamp(std::floor(fit * 4.0f) / 4.0f, 1.0f, 3.0f);
    // The atlas grows with the square of the rasterised size: at most 64 device pixels of body text.
    presenter_state.font_scale =
        std::max(1.0f, std::min(presenter_state.font_scale, 64.0f / (Theme::kBodySize * device_scale)));
  } else {
    // The browser's text size times the person's own setting, within what the atlas can hold.
    const float scale = browser_text_scale * person().settings.text_size_percent / 100.0f;
    presenter_state.font_scale = std::clamp(scale, 0.75f, 64.0f / (Theme::kBodySize * device_scale));
  }
  if (on != presenter_state.theme_applied) {
    presenter_state.theme_applied = on;
    theme().presenter = on;
    theme().apply(host.prefers_dark());
    // Leaving: the presenter_state.slide keys move the keyboard focus again (presenter_keys() claimed them).
    if (!on) release_keys(kSlideKeys);
  }
}

// The six fixed slides, and the comparison's while the group view compares two sessions with results.
int App::Impl::slide_count() const {
  const std::optional<workshop::Comparison>& c = session.comparison();
  const bool compared = c && !c->before.part.participants.empty() && !c->after.part.participants.empty();
  return kSlideCount + (compared ? 1 : 0);
}

void App::Impl::presenter_keys() {
  Model& m = model();
  const int count = slide_count();
  // The presenter_state.slide keys belong to the slides: claimed, keyboard navigation no longer moves the focus with
  // them (it asks for unowned keys), while Tab still reaches the bar's buttons and Enter or Space presses them.
  claim_keys(kSlideKeys, "presenter.slides");
  auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(key, true); };
  if (pressed(ImGuiKey_RightArrow) || pressed(ImGuiKey_DownArrow) || pressed(ImGuiKey_PageDown))
    presenter_state.slide = std::min(presenter_state.slide + 1, count - 1);
  if (pressed(ImGuiKey_LeftArrow) || pressed(ImGuiKey_UpArrow) || pressed(ImGuiKey_PageUp))
    presenter_state.slide = std::max(presenter_state.slide - 1, 0);
  if (pressed(ImGuiKey_Home)) presenter_state.slide = 0;
  if (pressed(ImGuiKey_End)) presenter_state.slide = count - 1;
  if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
    hide_nav_highlight();  // Tab starts at the first item of the hub (see App::Impl::handle_keys)
    m.show(Screen::Workshop);
  }
}

void App::Impl::presenter() {
  Model& m = model();
  const Theme& th = theme();
  const Palette& p = th.palette;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 size = ImGui::GetContentRegionAvail();
  const float column = std::min(size.x - th.em(2.0f), th.em(52.0f));
  const float margin = std::max((size.x - column) * 0.5f, th.em(1.0f));
  // Literal keys (tests/app/strings_test.cpp checks each exists and is used).
  static constexpr const char* kTitles[kSlideCount] = {"ui.slide.1.title", "ui.slide.2.title", "ui.slide.3.title",
                                                       "ui.slide.4.title", "ui.slide.5.title", "ui.slide.6.title"};
  static constexpr const char* kBodies[kSlideCount] = {"ui.slide.1.body", nullptr,           "ui.slide.3.body",
                                                       "ui.slide.4.body", "ui.slide.5.body", "ui.slide.6.body"};
  static constexpr const char* kComponentTexts[kComponentCount] = {"ui.slide.2.brand", "ui.slide.2.find",
                                                                   "ui.slide.2.engage", "ui.slide.2.relationships"};
  static constexpr const char* kSteps[3] = {"ui.slide.6.step1", "ui.slide.6.step2", "ui.slide.6.step3"};
  const int count = slide_count();
  presenter_state.slide = std::clamp(presenter_state.slide, 0, count - 1);  // the comparison may be gone
  const bool comparing = presenter_state.slide == kComparisonSlide;
  const char* body = comparing ? nullptr : kBodies[presenter_state.slide];
  const std::string title = m.t(comparing ? "ui.compare.title" : kTitles[presenter_state.slide]);

  // Bottom bar: back, position, next, and leaving.
  const float bar_h = th.em(3.6f);
  const float content_h = size.y - bar_h;

  // The presenter_state.slide: a title, its picture, and a few words.
  ImGui::SetCursorScreenPos(origin + ImVec2(margin, th.em(1.4f)));
  ImGui::BeginChild("##slide", ImVec2(column, content_h - th.em(1.4f)), ImGuiChildFlags_None,
                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground);
  // A presenter_state.slide taller than the window (phones) scrolls: touch drags arrive through scroll_by(); a new
  // presenter_state.slide starts at its top.
  if (presenter_state.slide != presenter_state.drawn_slide) {
    ImGui::SetScrollY(0);
    presenter_state.drawn_slide = presenter_state.slide;
  } else if (pending_scroll != 0) {
    ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() + pending_scroll, 0.0f, ImGui::GetScrollMaxY()));
    presenter_state.relayout = true;  // the scroll shows in the next frame
  }
  pending_scroll = 0;
  // Centred vertically by the height the presenter_state.slide had in the last frame (the frame after a change settles
  // it).
  const float room = content_h - th.em(1.4f);
  const float top = ImGui::GetCursorPosY();
  if (presenter_state.slide_height > 0 && presenter_state.slide_height < room)
    ImGui::SetCursorPosY(top + std::floor((room - presenter_state.slide_height) * 0.4f));
  // The slide is a region named by its title, holding its headings, paragraphs and hand-drawn parts as nodes.
  std::optional<SemanticGroup> region(std::in_place, "presenter.slide", "region", title);
  ImGui::BeginGroup();
  ImGui::PushItemWidth(column);
  ImGui::PushTextWrapPos(column);
  ImGui::PushStyleColor(ImGuiCol_Text, p.accent);
  small_text(m.t("ui.presenter.kicker"), p.accent);
  ImGui::PopStyleColor();
  heading(title, Font::Display);
  gap(0.6f);
  const float width = column;
  switch (presenter_state.slide) {
    case 0: {  // 0–100 in four parts of 25
      const ImVec2 o = ImGui::GetCursorScreenPos();
      const float h = th.em(3.0f), gapx = th.em(0.4f);
      const float w = (width - 3 * gapx) / 4.0f;
      for (int i = 0; i < kComponentCount; ++i) {
        const ImVec2 a = o + ImVec2(i * (w + gapx), 0);
        dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(a, a + ImVec2(w, h), u32(p.component[i]), th.em(0.4f));
        centered_text(dl, Font::H1, a.x + w * 0.5f, a.y + (h - text_size("25", Font::H1).y) * 0.5f,
                      u32(ImVec4(0, 0, 0, 1)), "25");
        semantic_text("slide.1.part." + std::to_string(i),
                      m.t("ui.a11y.named_value", {{"name", component_name(m, kComponents[i])}, {"value", "25"}}),
                      ImRect(a, a + ImVec2(w, h)));
      }
      ImGui::Dummy(ImVec2(width, h));
      gap(0.8f);
      slide_text(m.t(body));
      break;
    }
    case 1: {  // the four components and what moves each
      component_cards(m, 30.0f, Font::H2, [&](Component c) { paragraph(m.t(kComponentTexts[index_of(c)])); });
      break;
    }
    case 2: {  // corridors
      corridor_bar(m);
      gap(0.6f);
      slide_text(m.t(body));
      break;
    }
    case 3: {  // the reach threshold at 50
      const ImVec2 o = ImGui::GetCursorScreenPos();
      const float h = th.em(1.4f);
      dl = ImGui::GetWindowDrawList();
      const float at = width * kReachThreshold / kTotalMax;
      dl->AddRectFilled(o, o + ImVec2(at, h), u32(p.track), h * 0.5f, ImDrawFlags_RoundCornersLeft);
      dl->AddRectFilled(o + ImVec2(at, 0), o + ImVec2(width, h), u32(p.accent), h * 0.5f,
                        ImDrawFlags_RoundCornersRight);
      dl->AddLine(o + ImVec2(at, -th.em(0.5f)), o + ImVec2(at, h + th.em(0.5f)), u32(p.text), th.em(0.15f));
      const std::string threshold = std::to_string(kReachThreshold);
      centered_text(dl, Font::H1, o.x + at, o.y + h + th.em(0.6f), u32(p.text), threshold);
      const std::string more = m.t("ui.slide.4.more");
      const float mw = text_size(more, Font::Strong).x;
      ImGui::PushFont(th.font(Font::Strong));
      dl->AddText(ImVec2(o.x + width - mw, o.y + h + th.em(0.6f)), u32(p.accent), more.c_str());
      ImGui::PopFont();
      const ImVec2 more_at(o.x + width - mw, o.y + h + th.em(0.6f));
      semantic_text("slide.4.more", more, ImRect(more_at, more_at + text_size(more, Font::Strong)));
      ImGui::Dummy(ImVec2(width, h + th.em(0.6f) + text_size(threshold, Font::H1).y));
      gap(0.8f);
      slide_text(m.t(body));
      break;
    }
    case 4: {  // Sales Navigator: the last 5 of each 25
      const float label_w = std::min(width * 0.4f, th.em(14.0f));
      const float bar_w = width - label_w - th.em(0.5f);
      for (int i = 0; i < kComponentCount; ++i) {
        const ImVec2 o = ImGui::GetCursorScreenPos();
        const float h = text_size("X", Font::Body).y;
        dl = ImGui::GetWindowDrawList();
        ImGui::PushFont(th.font(Font::Body));
        text_ellipsis(dl, o, o + ImVec2(label_w, h), o.x + label_w, o.x + label_w, component_name(m, kComponents[i]));
        ImGui::PopFont();
        const ImVec2 b = o + ImVec2(label_w + th.em(0.5f), h * 0.1f);
        const float base = bar_w * kBaseMax / kComponentMax;
        dl->AddRectFilled(b, b + ImVec2(base - 2, h * 0.8f), u32(p.component[i]), h * 0.2f,
                          ImDrawFlags_RoundCornersLeft);
        dl->AddRect(b + ImVec2(base + 2, 0), b + ImVec2(bar_w, h * 0.8f), u32(p.component[i]), h * 0.2f,
                    ImDrawFlags_RoundCornersRight, th.em(0.12f));
        semantic_text("slide.5.part." + std::to_string(i),
                      m.t("ui.a11y.slide_sales_navigator", {{"name", component_name(m, kComponents[i])},
                                                            {"base", std::to_string(kBaseMax)},
                                                            {"extra", std::to_string(kSalesNavigatorMax)}}),
                      ImRect(o, o + ImVec2(width, h)));
        ImGui::Dummy(ImVec2(width, h));
        gap(0.2f);
      }
      const std::string sn = m.t("ui.slide.5.label");
      const float outlined = bar_w * kSalesNavigatorMax / kComponentMax;
      ImGui::SetCursorPosX(ImGui::GetCursorPosX() + label_w + th.em(0.5f) + bar_w - outlined * 0.5f -
                           std::min(text_size(sn, Font::Strong).x * 0.5f, outlined * 0.5f + label_w));
      ImGui::PushFont(th.font(Font::Strong));
      paragraph(sn, p.text);
      ImGui::PopFont();
      gap(0.6f);
      slide_text(m.t(body));
      break;
    }
    case kComparisonSlide: {  // before and after, from the group view
      const workshop::Comparison& c = *session.comparison();
      const std::string before = session.group_session_name(session.group.compare_before);
      const std::string after = session.group_session_name(session.group.compare_after);
      slide_text(m.t("ui.compare.counts", {{"before", before},
                                           {"n_before", std::to_string(c.before.part.participants.size())},
                                           {"after", after},
                                           {"n_after", std::to_string(c.after.part.participants.size())}}),
                 p.text_muted);
      gap(0.4f);
      compare_table("slide.compare.mean", 0, c, before, after, Font::H2);
      gap(0.6f);
      ImGui::PushFont(th.font(Font::H2));
      compare_moves(c);
      ImGui::PopFont();
      break;
    }
    default: {  // your turn
      for (int i = 1; i <= 3; ++i) {
        colour_dot(p.component[i], Font::H2);
        ImGui::PushFont(th.font(Font::H2));
        paragraph(m.t(kSteps[i - 1]));
        ImGui::PopFont();
        gap(0.3f);
      }
      gap(0.4f);
      slide_text(m.t(body), p.text_muted);
      break;
    }
  }
  ImGui::PopTextWrapPos();
  ImGui::PopItemWidth();
  ImGui::EndGroup();
  const float measured = ImGui::GetItemRectSize().y;
  const ImRect slide_rect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  WidgetInfo& slide_node = region->node();
  region.reset();
  slide_node.rect = slide_node.shown = slide_rect;  // the slide as drawn (tests check it fits above the bar)
  if (std::abs(measured - presenter_state.slide_height) > 2.0f) {  // sub-pixel rounding of a new offset is no change
    presenter_state.slide_height = measured;
    presenter_state.relayout = true;  // one more frame, centred with the new height
  }
  ImGui::EndChild();

  // The bar: large targets for a clicker-less trainer at a laptop.
  dl = ImGui::GetWindowDrawList();
  const ImVec2 bar(origin.x, origin.y + content_h);
  dl->AddLine(bar, bar + ImVec2(size.x, 0), u32(p.border));
  ImGui::SetCursorScreenPos(bar + ImVec2(margin, th.em(0.6f)));
  ImGui::BeginGroup();
  ImGui::PushItemWidth(column);
  const std::string position = m.t(
      "ui.presenter.position", {{"n", std::to_string(presenter_state.slide + 1)}, {"count", std::to_string(count)}});
  const int c = button_row(
      {{"presenter.prev",
        m.t("ui.presenter.prev"),
        {.icon = SSI_ICON_CHEVRON_L, .disabled = presenter_state.slide == 0}},
       {"presenter.next",
        m.t("ui.presenter.next"),
        {.style = ButtonStyle::Primary, .icon = SSI_ICON_CHEVRON_R, .disabled = presenter_state.slide == count - 1}},
       {"presenter.exit", m.t("ui.presenter.exit"), {.style = ButtonStyle::Quiet, .icon = SSI_ICON_CLOSE}, true}});
  ImGui::PopItemWidth();
  ImGui::EndGroup();
  if (c == 0) presenter_state.slide = std::max(presenter_state.slide - 1, 0);
  if (c == 1) presenter_state.slide = std::min(presenter_state.slide + 1, count - 1);
  if (c == 2) m.show(Screen::Workshop);
  // Position and the keys, centred in the bar (left out when the bar is too narrow for it).
  std::string hint = position + "   ·   " + m.t("ui.presenter.keys");
  if (text_size(hint, Font::Small).x >= column - th.em(26.0f)) hint = position;  // narrow: the position only
  const float hw = text_size(hint, Font::Small).x;
  if (hw < column - th.em(24.0f)) {
    ImGui::PushFont(th.font(Font::Small));
    dl->AddText(ImVec2(bar.x + (size.x - hw) * 0.5f, bar.y + (bar_h - text_size(hint, Font::Small).y) * 0.5f),
                u32(p.text_muted), hint.c_str());
    ImGui::PopFont();
  }
}

}  // namespace ssi::app
