#include "app/dashboard.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/format.h"
#include "app/gauge.h"
#include "app/theme.h"
#include "app/widgets.h"

namespace ssi::app {

void Tween::set(float target, double now_ms, bool instant) {
  if (!initialised_ || instant) {
    from_ = to_ = target;
    start_ = -1e9;
    initialised_ = true;
    return;
  }
  if (target == to_) return;
  from_ = value(now_ms);
  to_ = target;
  start_ = now_ms;
}

float Tween::value(double now_ms) const {
  const double t = (now_ms - start_) / kDurationMs;
  if (t >= 1.0) return to_;
  if (t <= 0.0) return from_;
  const double e = 1.0 - (1.0 - t) * (1.0 - t) * (1.0 - t);  // ease-out cubic
  return static_cast<float>(from_ + (to_ - from_) * e);
}

bool Dashboard::animating(double now_ms) const {
  if (total_.moving(now_ms)) return true;
  return std::any_of(components_.begin(), components_.end(), [&](const Tween& t) { return t.moving(now_ms); });
}

void Dashboard::sync(const Result& r, double now_ms) {
  const bool instant = theme().reduced_motion;
  total_.set(static_cast<float>(r.total), now_ms, instant);
  for (int i = 0; i < kComponentCount; ++i) components_[i].set(static_cast<float>(r.components[i]), now_ms, instant);
}

namespace {

constexpr float kStart = -0.75f * IM_PI;  // 7:30 o'clock
constexpr float kSweep = 1.5f * IM_PI;    // to 4:30 o'clock

void card(const ImRect& r) {
  const Palette& p = theme().palette;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(r.Min, r.Max, u32(p.surface), theme().em(0.9f));
  dl->AddRect(r.Min, r.Max, u32(p.border), theme().em(0.9f));
}

void centered_text(ImDrawList* dl, Font font, float cx, float y, ImU32 color, const std::string& text, float wrap = -1) {
  const ImVec2 size = text_size(text, font, wrap);
  ImFont* f = theme().font(font);
  const float px = f->FontSize * ImGui::GetIO().FontGlobalScale;
  if (wrap > 0) {
    // Centre each wrapped line on its own.
    const char* s = text.c_str();
    const char* end = s + text.size();
    float line_y = y;
    while (s < end) {
      const char* line_end = f->CalcWordWrapPositionA(px / f->FontSize, s, end, wrap);
      if (line_end == s) line_end = s + 1;
      const ImVec2 ls = f->CalcTextSizeA(px, FLT_MAX, -1, s, line_end);
      dl->AddText(f, px, ImVec2(cx - ls.x * 0.5f, line_y), color, s, line_end);
      line_y += px * 1.0f + 2;
      s = line_end;
      while (s < end && (*s == ' ' || *s == '\n')) ++s;
    }
    return;
  }
  dl->AddText(f, px, ImVec2(cx - size.x * 0.5f, y), color, text.c_str());
}

float wrapped_height(const std::string& text, Font font, float wrap) {
  ImFont* f = theme().font(font);
  const float px = f->FontSize * ImGui::GetIO().FontGlobalScale;
  const char* s = text.c_str();
  const char* end = s + text.size();
  float h = 0;
  while (s < end) {
    const char* line_end = f->CalcWordWrapPositionA(px / f->FontSize, s, end, wrap);
    if (line_end == s) line_end = s + 1;
    h += px + 2;
    s = line_end;
    while (s < end && (*s == ' ' || *s == '\n')) ++s;
  }
  return h;
}

}  // namespace

void Dashboard::draw(const Model& m, double now_ms) {
  const Theme& th = theme();
  const Palette& p = th.palette;
  const Result& r = m.result();
  sync(r, now_ms);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float width = ImGui::CalcItemWidth();  // the column width the frame pushed
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float gap = th.em(0.9f);
  const bool wide = width >= th.em(44.0f);

  // Total card: full width on phones, the left part on wide screens.
  const float total_w = wide ? std::floor(width * 0.42f) : width;
  const float total_r = std::min(total_w * 0.3f, th.em(7.5f));
  const float total_thick = total_r * 0.16f;
  const float pad = th.em(1.1f);
  const std::string corridor = m.t(std::string("ui.corridor.") + std::string(corridor_key(r.corridor)));
  const std::string reach = r.reach ? m.t("ui.gauge.reach")
                                    : m.t("ui.gauge.below_reach", {{"points", std::to_string(kReachThreshold - r.total)}});
  const float text_wrap = total_w - 2 * pad;
  const float total_h = pad + text_size("X", Font::Strong).y + th.em(0.6f) + total_r * 2.0f + total_thick * 1.2f +
                        th.em(0.2f) + text_size("X", Font::H2).y + wrapped_height(reach, Font::Small, text_wrap) + pad;

  // Component grid: 2 × 2.
  const float grid_x = wide ? origin.x + total_w + gap : origin.x;
  const float grid_y = wide ? origin.y : origin.y + total_h + gap;
  const float grid_w = wide ? width - total_w - gap : width;
  const float cell_w = std::floor((grid_w - gap) * 0.5f);
  const float comp_r = std::min(cell_w * 0.26f, th.em(3.6f));
  const float comp_thick = comp_r * 0.2f;
  float name_h = 0;
  for (Component c : kComponents)
    name_h = std::max(name_h, wrapped_height(m.t(std::string("ui.component.") + std::string(component_key(c))),
                                             Font::Strong, cell_w - 2 * th.em(0.7f)));
  const float cell_h_min = th.em(0.9f) + comp_r * 2.0f + comp_thick + th.em(0.4f) + name_h + th.em(0.9f);
  const float cell_h = wide ? std::max(cell_h_min, (total_h - gap) * 0.5f) : cell_h_min;
  const float grid_h = cell_h * 2 + gap;
  const float block_h = wide ? std::max(total_h, grid_h) : total_h + gap + grid_h;

  // --- total ---
  const ImRect total_rect(origin, origin + ImVec2(total_w, wide ? block_h : total_h));
  card(total_rect);
  const float cx = total_rect.GetCenter().x;
  float y = total_rect.Min.y + pad;
  centered_text(dl, Font::Strong, cx, y, u32(p.text_muted), m.t("ui.gauge.total"));
  y += text_size("X", Font::Strong).y + th.em(0.6f);
  const float shown_total = total_.value(now_ms);
  GaugeSpec spec;
  spec.center = ImVec2(cx, y + total_r + total_thick * 0.6f);
  spec.radius = total_r;
  spec.thickness = total_thick;
  spec.start = kStart;
  spec.sweep = kSweep;
  spec.value = shown_total / 100.0f;
  spec.track = p.track;
  spec.fill = p.accent;
  spec.band_count = 4;
  const float stops[4] = {0.30f, 0.50f, 0.80f, 1.0f};
  for (int i = 0; i < 4; ++i) {
    spec.band_stops[i] = stops[i];
    spec.band_colors[i] = p.corridor[i];
  }
  spec.tick = kReachThreshold / 100.0f;
  spec.tick_color = p.text;
  draw_gauge(dl, spec);
  char number[16];
  std::snprintf(number, sizeof number, "%d", static_cast<int>(std::lround(shown_total)));
  const ImVec2 ns = text_size(number, Font::Display);
  centered_text(dl, Font::Display, cx, spec.center.y - ns.y * 0.62f, u32(p.text), number);
  centered_text(dl, Font::Small, cx, spec.center.y + ns.y * 0.42f, u32(p.text_muted), m.t("ui.gauge.of", {{"max", "100"}}));
  y = spec.center.y + total_r * 0.78f + total_thick * 1.2f;
  y = std::max(y, spec.center.y + total_r);
  centered_text(dl, Font::H2, cx, y, u32(p.corridor[std::min(static_cast<int>(r.corridor), 3)].w > 0 ? p.text : p.text), corridor);
  y += text_size("X", Font::H2).y + th.em(0.2f);
  centered_text(dl, Font::Small, cx, y, u32(r.reach ? p.component_text[3] : p.text_muted), reach, text_wrap);

  // --- components ---
  for (int i = 0; i < kComponentCount; ++i) {
    const Component c = kComponents[i];
    const ImVec2 at(grid_x + (i % 2) * (cell_w + gap), grid_y + (i / 2) * (cell_h + gap));
    const ImRect cell(at, at + ImVec2(i % 2 ? grid_w - cell_w - gap : cell_w, cell_h));
    card(cell);
    const bool weakest = std::find(r.weakest.begin(), r.weakest.end(), c) != r.weakest.end() && m.result().answered > 0;
    if (weakest)
      dl->AddRect(cell.Min, cell.Max, u32(p.component[i]), th.em(0.9f), 0, 2.5f);
    const float ccx = cell.GetCenter().x;
    GaugeSpec g;
    g.center = ImVec2(ccx, cell.Min.y + th.em(0.9f) + comp_r + comp_thick * 0.5f);
    g.radius = comp_r;
    g.thickness = comp_thick;
    g.start = kStart;
    g.sweep = kSweep;
    const float shown = components_[i].value(now_ms);
    g.value = shown / static_cast<float>(kComponentMax);
    g.track = p.track;
    g.fill = p.component[i];
    g.tick = static_cast<float>(kBaseMax) / kComponentMax;  // the last 5 points need Sales Navigator
    g.tick_color = p.text_muted;
    draw_gauge(dl, g);
    const std::string value = format_decimal(shown, 1, m.lang());
    const ImVec2 vs = text_size(value, Font::H2);
    centered_text(dl, Font::H2, ccx, g.center.y - vs.y * 0.55f, u32(p.text), value);
    centered_text(dl, Font::Small, ccx, g.center.y + vs.y * 0.45f, u32(p.text_muted),
                  m.t("ui.gauge.of", {{"max", std::to_string(kComponentMax)}}));
    const std::string name = m.t(std::string("ui.component.") + std::string(component_key(c)));
    centered_text(dl, Font::Strong, ccx, g.center.y + comp_r + th.em(0.3f), u32(p.component_text[i]), name,
                  cell.GetWidth() - 2 * th.em(0.7f));
  }
  ImGui::Dummy(ImVec2(width, block_h));
}

}  // namespace ssi::app
