#pragma once
// Arc gauges. The app describes a gauge (GaugeSpec) and the platform's renderer draws it with the
// signed-distance shader in shaders/gauge.frag through an ImDrawList callback. Without a GPU drawer
// (native tests, or a shader that failed to compile) the same spec is drawn with ImDrawList arcs,
// so a gauge is never blank.
#include <imgui.h>

#include <string>
#include <string_view>

namespace ssi::app {

struct GaugeSpec {
  ImVec2 center;        // screen position, CSS pixels
  float radius = 0;     // centre line of the ring
  float thickness = 0;  // ring width
  float start = 0;      // start angle in radians, 0 = 12 o'clock, clockwise positive
  float sweep = 0;      // angle covered by the full scale
  float value = 0;      // filled fraction 0..1
  ImVec4 track, fill;   // colours (linear 0..1 RGBA, as ImGui uses)
  int band_count = 0;   // corridor bands drawn outside the ring
  float band_stops[4] = {};
  ImVec4 band_colors[4] = {};
  float tick = -1;  // fraction where a tick is drawn, < 0 for none
  ImVec4 tick_color;
};

// Band and tick proportions in ring widths (the band gap in parts of the sweep); the shader receives them as
// uniforms so the GPU and the fallback draw one shape.
struct GaugeShape {
  float band_offset = 0.28f;    // space between the ring and the band
  float band_half = 0.12f;      // half the band's width
  float band_gap = 0.004f;      // space between neighbouring bands
  float tick_overhang = 0.15f;  // how far the tick reaches past the ring and the band
  float tick_half = 0.09f;      // half the tick's width
};
inline constexpr GaugeShape kGaugeShape{};

// Distance from the centre to the outermost painted point (the tick's end), in CSS pixels.
float gauge_outer_radius(const GaugeSpec& spec);

// Set by the platform when its gauge shader is ready; the callback receives a GaugeSpec* as user data.
void set_gauge_drawer(ImDrawCallback drawer);

// Queues the gauge into `list`: through the GPU drawer when available, else as ImDrawList arcs.
// The spec is copied into per-frame storage, so it may live on the caller's stack. `id` names the
// gauge for ssiTest.gauges() ("total", "brand", "mini.brand", ...).
void draw_gauge(ImDrawList* list, const GaugeSpec& spec, std::string_view id);
// Starts a frame's gauges; the runner calls it at the start of every frame.
void begin_gauge_frame();
// The gauges of the last frame (call between frames): id, centre, radius, thickness, start, sweep, value (JSON array).
std::string gauges_json();
// Draws `spec` with ImDrawList primitives only (the fallback; also used by tests).
void draw_gauge_fallback(ImDrawList* list, const GaugeSpec& spec);

}  // namespace ssi::app
