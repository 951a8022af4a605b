// View helpers the screens share.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>

#include "app/app_impl.h"
#include "app/format.h"
#include "app/glyphs.h"
#include "app/imgui_access.h"
#include "app/screen_parts.h"
#include "app/theme.h"
#include "app/widgets.h"
#include "core/keys.h"
#include "core/sorting.h"

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
  const int stops[5] = {0, kCorridorStarts[0], kCorridorStarts[1], kCorridorStarts[2], kTotalMax};
  for (int i = 0; i < 4; ++i) {
    const float x0 = o.x + width * stops[i] / kTotalMax, x1 = o.x + width * stops[i + 1] / kTotalMax;
    const ImDrawFlags round =
        i == 0 ? ImDrawFlags_RoundCornersLeft : (i == 3 ? ImDrawFlags_RoundCornersRight : ImDrawFlags_RoundCornersNone);
    dl->AddRectFilled(ImVec2(x0 + (i ? 1.5f : 0), o.y), ImVec2(x1 - (i < 3 ? 1.5f : 0), o.y + bar_h),
                      u32(p.corridor[i]), bar_h * 0.5f, round);
  }
  // The reach threshold.
  const float reach_x = o.x + width * kReachThreshold / kTotalMax;
  dl->AddLine(ImVec2(reach_x, o.y - th.em(0.3f)), ImVec2(reach_x, o.y + bar_h + th.em(0.3f)), u32(p.text), 2.0f);
  // Numbers under the stops.
  float y = o.y + bar_h + th.em(0.35f);
  for (int s : stops) {
    const std::string n = std::to_string(s);
    const float w = text_size(n, Font::Small).x;
    float x = o.x + width * s / kTotalMax - w * 0.5f;
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
    paragraph(m.t(key::corridor(static_cast<Corridor>(i))));
    ImGui::PopFont();
    small_text(m.t(key::corridor_description(static_cast<Corridor>(i))));
    ImGui::EndGroup();
  }
}

void component_cards(const Model& m, float two_columns_from_em, Font title,
                     const std::function<void(Component)>& body) {
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

// A horizontal bar row: label on the left, a bar proportional to value/max, the value text on the right.
void bar_row(std::string_view id, const std::string& label, float value, float max, const std::string& value_text,
             ImVec4 colour, float label_w) {
  const Theme& th = theme();
  const Palette& p = th.palette;
  const float width = ImGui::CalcItemWidth();
  if (label_w <= 0.0f) label_w = std::min(width * 0.42f, th.em(13.0f));
  const float value_w = th.em(3.2f);
  const float bar_w = std::max(th.em(2.0f), width - label_w - value_w - th.em(1.0f));
  const float h = text_size("X", Font::Body).y;
  const ImVec2 o = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImGui::PushFont(th.font(Font::Body));
  text_ellipsis(dl, o, ImVec2(o.x + label_w, o.y + h), o.x + label_w, o.x + label_w, label);
  const ImVec2 bar(o.x + label_w + th.em(0.5f), o.y + h * 0.2f);
  dl->AddRectFilled(bar, bar + ImVec2(bar_w, h * 0.6f), u32(p.track), h * 0.3f);
  if (max > 0 && value > 0)
    dl->AddRectFilled(bar, bar + ImVec2(bar_w * std::min(1.0f, value / max), h * 0.6f), u32(colour), h * 0.3f);
  const float tw = text_size(value_text, Font::Body).x;
  dl->AddText(ImVec2(o.x + width - tw, o.y), u32(p.text), value_text.c_str());
  ImGui::PopFont();
  semantic_meter(id, label, value_text, value, max, ImRect(o, o + ImVec2(width, h)));
  ImGui::Dummy(ImVec2(width, h));
}

void swatch_name_cell(ImDrawList* dl, ImVec2 o, float name_w, float h, ImVec4 colour, const std::string& name) {
  const Theme& th = theme();
  if (colour.w > 0)
    dl->AddRectFilled(o + ImVec2(0, h * 0.25f), o + ImVec2(h * 0.5f, h * 0.75f), u32(colour), h * 0.12f);
  const float text_x = o.x + (colour.w > 0 ? h * 0.8f : 0);
  text_ellipsis(dl, ImVec2(text_x, o.y), ImVec2(o.x + name_w - th.em(0.3f), o.y + h), o.x + name_w - th.em(0.3f),
                o.x + name_w, name);
}

std::vector<ImVec2> thin_line(std::vector<ImVec2> points, float column) {
  ssi::stable_sort(points.begin(), points.end(), [](const ImVec2& a, const ImVec2& b) { return a.x < b.x; });
  std::vector<ImVec2> out;
  for (std::size_t begin = 0; begin < points.size();) {
    const float bucket = std::floor(points[begin].x / column);
    std::size_t end = begin + 1, low = begin, high = begin;
    for (; end < points.size() && std::floor(points[end].x / column) == bucket; ++end) {
      if (points[end].y < points[low].y) low = end;
      if (points[end].y > points[high].y) high = end;
    }
    std::size_t keep[] = {begin, low, high, end - 1};
    std::sort(std::begin(keep), std::end(keep));
    for (std::size_t k = 0; k < 4; ++k)
      if (k == 0 || keep[k] != keep[k - 1]) out.push_back(points[keep[k]]);
    begin = end;
  }
  return out;
}

std::pair<int, int> rows_on_screen(float top, float pitch, int count, int beyond) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const auto row_at = [&](float y) { return static_cast<int>(std::floor((y - top) / pitch)); };
  const int first = std::clamp(row_at(dl->GetClipRectMin().y) - beyond, 0, count);
  return {first, std::clamp(row_at(dl->GetClipRectMax().y) + 1 + beyond, first, count)};
}

std::vector<ImVec2> thin_dots(std::vector<ImVec2> points, float cell) {
  const auto key = [cell](const ImVec2& p) { return std::pair(std::floor(p.x / cell), std::floor(p.y / cell)); };
  ssi::stable_sort(points.begin(), points.end(), [&](const ImVec2& a, const ImVec2& b) { return key(a) < key(b); });
  points.erase(
      std::unique(points.begin(), points.end(), [&](const ImVec2& a, const ImVec2& b) { return key(a) == key(b); }),
      points.end());
  return points;
}

}  // namespace ssi::app
