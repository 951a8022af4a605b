#pragma once
// The SSI dashboard: a total gauge 0–100 (corridor bands, a tick at the reach threshold 50) and one gauge
// 0–25 per component in LinkedIn's colours, each with its value and name as text beside the colour.
// Values animate from old to new (ease-out, 400 ms) unless the person prefers reduced motion.
#include <array>
#include <optional>
#include <string>

#include <imgui.h>

#include "app/model.h"

namespace ssi::app {

// "Professionelle Marke aufbauen" / "Establish your professional brand".
std::string component_name(const Model& model, Component component);

// A number that eases toward its target.
class Tween {
 public:
  void set(float target, double now_ms, bool instant);
  float value(double now_ms) const;
  bool moving(double now_ms) const { return now_ms < start_ + kDurationMs && from_ != to_; }
  static constexpr double kDurationMs = 400.0;
  bool operator==(const Tween&) const = default;

 private:
  float from_ = 0, to_ = 0;
  double start_ = -1e9;
  bool initialised_ = false;
};

class Dashboard {
 public:
  struct Options {
    bool interactive = false;  // component cards are buttons (results screen: open their answers)
    bool highlight_weakest = false;
    int selected = -1;  // component whose answers are open
  };
  // Draws the gauges for the model's current result, laid out for the column width.
  // Returns the component whose card was activated, if any.
  std::optional<Component> draw(const Model& model, double now_ms, const Options& options);
  // A compact row of four small gauges (questionnaire screen), updated live, drawn at `origin` into space the
  // caller reserved (mini_height() for the column width): drawn after the options, it shows an answer given
  // in this frame.
  void draw_mini(const Model& model, double now_ms, ImVec2 origin);
  static float mini_height(float width);
  bool animating(double now_ms) const;
  bool operator==(const Dashboard&) const = default;

 private:
  void sync(const Result& result, double now_ms);
  Tween total_;
  std::array<Tween, kComponentCount> components_;
};

}  // namespace ssi::app
