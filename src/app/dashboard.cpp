#include "app/dashboard.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/format.h"
#include "app/gauge.h"
#include "app/theme.h"
#include "app/widgets.h"
#include "core/keys.h"

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
  // The change came from input during the last frame interval: easing starts there, so the frame that
  // handles the input already shows the gauge on its way.
  const double since_ms = now_ms - ImGui::GetIO().DeltaTime * 1000.0;
  total_.set(static_cast<float>(r.total), since_ms, instant);
  for (int i = 0; i < kComponentCount; ++i) components_[i].set(static_cast<float>(r.components[i]), since_ms, instant);
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

// A component's ring: its colour on the track, filled to `shown` of 25 points.
GaugeSpec component_spec(int i, ImVec2 center, float radius, float thickness, float shown) {
  GaugeSpec g;
  g.center = center;
  g.radius = radius;
  g.thickness = thickness;
  g.start = kStart;
  g.sweep = kSweep;
  g.value = shown / static_cast<float>(kComponentMax);
  g.track = theme().palette.track;
  g.fill = theme().palette.component[i];
  return g;
}

}  // namespace

std::string component_name(const Model& m, Component c) { return m.t(key::component(c)); }

std::optional<Component> Dashboard::draw(const Model& m, double now_ms, const Options& opt) {
  const Theme& th = theme();
  const Palette& p = th.palette;
  const Result& r = m.result();
  sync(r, now_ms);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float width = ImGui::CalcItemWidth();  // the column width the frame pushed
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float gap = th.em(0.9f);
  const bool wide = width >= th.em(44.0f);
  std::optional<Component> activated;

  // Total card: full width on phones, the left part on wide screens.
  const float total_w = wide ? std::floor(width * 0.42f) : width;
  const float total_r = std::min(total_w * 0.3f, th.em(7.0f));
  const float total_thick = total_r * 0.16f;
  const float pad = th.em(1.1f);
  // Exactly 80 without Sales Navigator is the cap, not a corridor of its own (docs/scoring.md).
  const std::string corridor = r.at_cap ? m.t("ui.gauge.cap") : m.t(key::corridor(r.corridor));
  const std::string reach = r.reach
                                ? m.t("ui.gauge.reach")
                                : m.t("ui.gauge.below_reach", {{"points", std::to_string(kReachThreshold - r.total)}});
  const Range shown = m.range();
  const std::string range =
      m.t("ui.gauge.range", {{"low", std::to_string(shown.low)}, {"high", std::to_string(shown.high)}});
  const float text_wrap = total_w - 2 * pad;
  const float line_small = text_size("X", Font::Small).y;
  const float total_h = pad + text_size("X", Font::Strong).y + th.em(0.6f) + total_r * 2.0f + total_thick * 1.2f +
                        th.em(0.2f) + text_size("X", Font::H2).y + wrapped_height(reach, Font::Small, text_wrap) +
                        th.em(0.2f) + line_small + pad;

  // Component grid: 2 × 2.
  const float grid_x = wide ? origin.x + total_w + gap : origin.x;
  const float grid_y = wide ? origin.y : origin.y + total_h + gap;
  const float grid_w = wide ? width - total_w - gap : width;
  const float cell_w = std::floor((grid_w - gap) * 0.5f);
  const float comp_r = std::min(cell_w * 0.26f, th.em(3.4f));
  const float comp_thick = comp_r * 0.2f;
  const float name_wrap = cell_w - 2 * th.em(0.7f);
  float name_h = 0;
  for (Component c : kComponents)
    name_h = std::max(name_h, wrapped_height(component_name(m, c), Font::Strong, name_wrap));
  const float badge_h = opt.highlight_weakest ? line_small + th.em(0.3f) : 0.0f;
  const float cell_h_min = th.em(0.9f) + comp_r * 2.0f + comp_thick + th.em(0.4f) + name_h + badge_h + th.em(0.9f);
  const float cell_h = wide ? std::max(cell_h_min, (total_h - gap) * 0.5f) : cell_h_min;
  const float grid_h = cell_h * 2 + gap;
  const float block_h = wide ? std::max(total_h, grid_h) : total_h + gap + grid_h;

  // --- total ---
  const ImRect total_rect(origin, origin + ImVec2(total_w, wide ? block_h : total_h));
  card(total_rect);
  semantic_meter("meter.total", m.t("ui.gauge.total"),
                 m.t("ui.a11y.total_value",
                     {{"total", std::to_string(r.total)}, {"corridor", corridor}, {"reach", reach}, {"range", range}}),
                 static_cast<float>(r.total), 100.0f, total_rect);
  const float cx = total_rect.GetCenter().x;
  float y = total_rect.Min.y + pad + (wide ? (block_h - total_h) * 0.5f : 0.0f);
  centered_text(dl, Font::Strong, cx, y, u32(p.text_muted), m.t("ui.gauge.total"));
  y += text_size("X", Font::Strong).y + th.em(0.6f);
  const float shown_total = total_.value(now_ms);
  GaugeSpec spec;
  spec.center = ImVec2(cx, y + total_r + total_thick * 0.6f);
  spec.radius = total_r;
  spec.thickness = total_thick;
  spec.start = kStart;
  spec.sweep = kSweep;
  spec.value = shown_total / kTotalMax;
  spec.track = p.track;
  spec.fill = p.accent;
  spec.band_count = 4;
  for (int i = 0; i < 4; ++i) {
    spec.band_stops[i] = static_cast<float>(i < 3 ? kCorridorStarts[i] : kTotalMax) / kTotalMax;
    spec.band_colors[i] = p.corridor[i];
  }
  spec.tick = static_cast<float>(kReachThreshold) / kTotalMax;
  spec.tick_color = p.text;
  draw_gauge(dl, spec, "total");
  char number[16];
  std::snprintf(number, sizeof number, "%d", static_cast<int>(std::lround(shown_total)));
  const ImVec2 ns = text_size(number, Font::Display);
  centered_text(dl, Font::Display, cx, spec.center.y - ns.y * 0.62f, u32(p.text), number);
  centered_text(dl, Font::Small, cx, spec.center.y + ns.y * 0.42f, u32(p.text_muted),
                m.t("ui.gauge.of", {{"max", std::to_string(kTotalMax)}}));
  y = spec.center.y + total_r;
  centered_text(dl, Font::H2, cx, y, u32(p.text), corridor);
  y += text_size("X", Font::H2).y + th.em(0.2f);
  centered_text(dl, Font::Small, cx, y, u32(r.reach ? p.component_text[3] : p.text_muted), reach, text_wrap);
  y += wrapped_height(reach, Font::Small, text_wrap) + th.em(0.2f);
  centered_text(dl, Font::Small, cx, y, u32(p.text_muted), range);

  // --- components ---
  for (int i = 0; i < kComponentCount; ++i) {
    const Component c = kComponents[i];
    const ImVec2 at(grid_x + (i % 2) * (cell_w + gap), grid_y + (i / 2) * (cell_h + gap));
    const ImRect cell(at, at + ImVec2(i % 2 ? grid_w - cell_w - gap : cell_w, cell_h));
    const std::string name = component_name(m, c);
    const std::string key(component_key(c));
    // What a screen reader says of it: "Establish your professional brand: 13.7 of 25".
    const std::string of = m.t("ui.a11y.value_of", {{"value", format_centi(m.result().component_centi[i], 1, m.lang())},
                                                    {"max", std::to_string(kComponentMax)}});
    bool hovered = false;
    if (opt.interactive) {
      ImGui::SetCursorScreenPos(cell.Min);
      if (ImGui::InvisibleButton(("###gauge." + key).c_str(), cell.GetSize())) activated = c;
      hovered = ImGui::IsItemHovered();
      if (custom_item("gauge." + key, "button", m.t("ui.a11y.named_value", {{"name", name}, {"value", of}}), cell,
                      opt.selected == i))
        activated = c;
    }
    card(cell);
    const bool weakest =
        opt.highlight_weakest && r.answered > 0 && std::find(r.weakest.begin(), r.weakest.end(), c) != r.weakest.end();
    if (hovered || opt.selected == i)
      dl->AddRectFilled(cell.Min, cell.Max, u32(with_alpha(p.component[i], 0.08f)), th.em(0.9f));
    if (weakest || opt.selected == i) dl->AddRect(cell.Min, cell.Max, u32(p.component[i]), th.em(0.9f), 0, 2.5f);
    const float ccx = cell.GetCenter().x;
    const float shown = components_[i].value(now_ms);
    GaugeSpec g = component_spec(i, ImVec2(ccx, cell.Min.y + th.em(0.9f) + comp_r + comp_thick * 0.5f), comp_r,
                                 comp_thick, shown);
    g.tick = static_cast<float>(kBaseMax) / kComponentMax;  // the last 5 points need Sales Navigator
    g.tick_color = p.text_muted;
    draw_gauge(dl, g, key);
    // While the gauge moves the number moves with it; at rest it is the result's own value, rounded in integers.
    const std::string value = components_[i].moving(now_ms) ? format_decimal(shown, 1, m.lang())
                                                            : format_centi(m.result().component_centi[i], 1, m.lang());
    const ImVec2 vs = text_size(value, Font::H2);
    centered_text(dl, Font::H2, ccx, g.center.y - vs.y * 0.55f, u32(p.text), value);
    centered_text(dl, Font::Small, ccx, g.center.y + vs.y * 0.45f, u32(p.text_muted),
                  m.t("ui.gauge.of", {{"max", std::to_string(kComponentMax)}}));
    float ny = g.center.y + comp_r + th.em(0.3f);
    centered_text(dl, Font::Strong, ccx, ny, u32(p.component_text[i]), name, name_wrap);
    if (weakest) {
      ny += wrapped_height(name, Font::Strong, name_wrap) + th.em(0.2f);
      centered_text(dl, Font::Small, ccx, ny, u32(p.text_muted), m.t("ui.gauge.weakest"));
    }
    if (!opt.interactive) semantic_meter("meter." + key, name, of, m.result().components[i], kComponentMax, cell);
  }
  ImGui::SetCursorScreenPos(origin);
  ImGui::Dummy(ImVec2(width, block_h));
  return activated;
}

namespace {
float mini_radius(float width) { return std::min(width / kComponentCount * 0.28f, theme().em(1.6f)); }
}  // namespace

float Dashboard::mini_height(float width) {
  return mini_radius(width) * 2.0f + theme().em(0.3f) + text_size("X", Font::Small).y;
}

void Dashboard::draw_mini(const Model& m, double now_ms, ImVec2 origin) {
  const Theme& th = theme();
  const Palette& p = th.palette;
  sync(m.result(), now_ms);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float width = ImGui::CalcItemWidth();
  const float cell_w = width / kComponentCount;
  const float r = mini_radius(width);
  for (int i = 0; i < kComponentCount; ++i) {
    const Component c = kComponents[i];
    const float cx = origin.x + cell_w * (i + 0.5f);
    const float shown = components_[i].value(now_ms);
    const GaugeSpec g = component_spec(i, ImVec2(cx, origin.y + r), r * 0.85f, r * 0.26f, shown);
    draw_gauge(dl, g, "mini." + std::string(component_key(c)));
    const std::string value = components_[i].moving(now_ms) ? format_decimal(shown, 1, m.lang())
                                                            : format_centi(m.result().component_centi[i], 1, m.lang());
    const ImVec2 vs = text_size(value, Font::Small);
    centered_text(dl, Font::Small, cx, g.center.y - vs.y * 0.5f, u32(p.text), value);
    centered_text(dl, Font::Small, cx, origin.y + r * 2.0f + th.em(0.15f), u32(p.component_text[i]),
                  m.t(key::component_short(c)));
  }
}

}  // namespace ssi::app
