#include "app/gauge.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <deque>
#include <numbers>
#include <utility>
#include <vector>

namespace ssi::app {
namespace {

ImDrawCallback g_drawer = nullptr;
// A deque keeps addresses stable while gauges are added during a frame.
std::deque<GaugeSpec> g_frame_specs;
std::vector<std::pair<std::string, GaugeSpec>> g_frame;  // gauges of the frame being built / last built

// ImGui measures angles from 3 o'clock counter-clockwise in screen space (y down = clockwise);
// the spec measures from 12 o'clock clockwise.
float to_imgui_angle(float a) { return a - std::numbers::pi_v<float> * 0.5f; }

void arc(ImDrawList* list, const GaugeSpec& s, float radius, float from, float to, ImU32 color, float thickness) {
  if (to <= from) return;
  const int segments = static_cast<int>(std::ceil((to - from) / (std::numbers::pi_v<float> * 2.0f) * 96.0f)) + 2;
  list->PathArcTo(s.center, radius, to_imgui_angle(s.start + from), to_imgui_angle(s.start + to), segments);
  list->PathStroke(color, ImDrawFlags_None, thickness);
  // Round caps, as the shader draws them.
  for (float a : {from, to}) {
    const float ang = to_imgui_angle(s.start + a);
    list->AddCircleFilled(ImVec2(s.center.x + std::cos(ang) * radius, s.center.y + std::sin(ang) * radius),
                          thickness * 0.5f, color, 16);
  }
}

}  // namespace

float gauge_outer_radius(const GaugeSpec& s) {
  const GaugeShape& k = kGaugeShape;
  return s.radius + s.thickness * (0.5f + k.band_offset + k.band_half + k.tick_overhang);
}

void set_gauge_drawer(ImDrawCallback drawer) { g_drawer = drawer; }
void begin_gauge_frame() {
  g_frame_specs.clear();
  g_frame.clear();
}

std::string gauges_json() {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [id, s] : g_frame)
    list.push_back({{"id", id},
                    {"x", s.center.x},
                    {"y", s.center.y},
                    {"radius", s.radius},
                    {"thickness", s.thickness},
                    {"start", s.start},
                    {"sweep", s.sweep},
                    {"value", s.value},
                    {"gpu", g_drawer != nullptr}});
  return list.dump();
}

void draw_gauge_fallback(ImDrawList* list, const GaugeSpec& s) {
  arc(list, s, s.radius, 0.0f, s.sweep, ImGui::ColorConvertFloat4ToU32(s.track), s.thickness);
  const float v = s.value < 0 ? 0 : (s.value > 1 ? 1 : s.value);
  if (v > 0) arc(list, s, s.radius, 0.0f, s.sweep * v, ImGui::ColorConvertFloat4ToU32(s.fill), s.thickness);
  const GaugeShape& k = kGaugeShape;
  const float band_radius = s.radius + s.thickness * (0.5f + k.band_offset);
  float from = 0;
  for (int i = 0; i < s.band_count && i < 4; ++i) {
    const float gap = k.band_gap * s.sweep;
    arc(list, s, band_radius, from * s.sweep + gap, s.band_stops[i] * s.sweep - gap,
        ImGui::ColorConvertFloat4ToU32(s.band_colors[i]), 2.0f * k.band_half * s.thickness);
    from = s.band_stops[i];
  }
  if (s.tick >= 0) {
    const float ang = to_imgui_angle(s.start + s.tick * s.sweep);
    const ImVec2 dir(std::cos(ang), std::sin(ang));
    const float inner = s.radius - s.thickness * (0.5f + k.tick_overhang);
    const float outer = gauge_outer_radius(s);
    list->AddLine(ImVec2(s.center.x + dir.x * inner, s.center.y + dir.y * inner),
                  ImVec2(s.center.x + dir.x * outer, s.center.y + dir.y * outer),
                  ImGui::ColorConvertFloat4ToU32(s.tick_color), std::fmax(2.0f * k.tick_half * s.thickness, 2.0f));
  }
}

void draw_gauge(ImDrawList* list, const GaugeSpec& spec, std::string_view id) {
  g_frame.emplace_back(std::string(id), spec);
  if (!g_drawer) {
    draw_gauge_fallback(list, spec);
    return;
  }
  g_frame_specs.push_back(spec);
  list->AddCallback(g_drawer, &g_frame_specs.back());
  list->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

}  // namespace ssi::app
