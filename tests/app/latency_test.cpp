// From a tap to the gauge: the frame that handles the release answers and draws the gauge already moving.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/gauge.h"
#include "harness.h"

namespace ssi::test {
namespace {

// The value the gauge `id` showed in the last frame.
float gauge_value(std::string_view id) {
  for (const auto& g : nlohmann::json::parse(app::gauges_json()))
    if (g["id"] == id) return g["value"];
  ADD_FAILURE() << "no gauge " << id;
  return -1;
}

TEST(Latency, ATapsReleaseAnswersAndMovesTheGaugeInTheSameFrame) {
  Harness h;
  ASSERT_TRUE(h.ok) << h.error;
  h.host.reduced_motion = false;  // the gauge eases toward the new value
  h.app.environment_changed();
  h.model().start_questionnaire();
  h.frames(3);
  h.settle();
  const Question* q = h.model().current_question();
  ASSERT_TRUE(q);
  int best = 0;
  for (int i = 0; i < static_cast<int>(q->options.size()); ++i)
    if (q->options[i].points > q->options[best].points) best = i;
  const std::string gauge = "mini." + std::string(component_key(q->component));
  const float before = gauge_value(gauge);
  const auto option = h.widget("q." + q->id + ".option." + std::to_string(best));
  ASSERT_TRUE(option);

  ImGuiIO& io = ImGui::GetIO();
  io.AddMousePosEvent(option->rect.GetCenter().x, option->rect.GetCenter().y);
  io.AddMouseButtonEvent(0, true);
  h.frame();
  EXPECT_TRUE(h.model().answers().empty()) << "a press alone answers nothing (the finger may still move away)";
  io.AddMouseButtonEvent(0, false);
  // Frames drawn from the release (inclusive) until the gauge shows a new value.
  int frames = 0;
  do {
    h.frame();
    ++frames;
  } while (gauge_value(gauge) == before && frames < 10);
  EXPECT_EQ(h.model().answers().count(q->id), 1u);
  RecordProperty("frames_release_to_gauge", frames);
  std::printf("frames from the release to a moving gauge: %d\n", frames);
  EXPECT_EQ(frames, 1) << "the release frame answers and draws the gauge moving";
}

}  // namespace
}  // namespace ssi::test
