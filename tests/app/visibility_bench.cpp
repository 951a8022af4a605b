// Microbenchmark (scripts/bench): what deciding which questions are visible costs per frame. Prints the time
// of one visible_questions() call, the calls one questionnaire frame makes, and whole headless frames of
// the questionnaire and the results screen with a component's answers open.
#include <chrono>
#include <cstdio>

#include "harness.h"

namespace {

template <class F>
double micros_per_call(int n, F&& f) {
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < n; ++i) f();
  return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count() / n;
}

}  // namespace

int main() {
  using namespace ssi;
  test::Harness h(1280, 720);
  if (!h.ok) {
    std::fprintf(stderr, "%s\n", h.error.c_str());
    return 1;
  }
  app::Model& m = h.model();
  const auto questions = m.visible_questions();
  for (std::size_t i = 0; i < questions.size() / 2; ++i) m.answer(questions[i]->id, 1);
  m.show(app::Screen::Questionnaire);
  m.go_to(questions[questions.size() / 2]->id);
  h.frames(5);
  std::size_t sink = 0;
  const double call = micros_per_call(2000, [&] { sink += m.visible_questions().size(); });
  // What the questionnaire view and the frame ask each frame.
  const double queries = micros_per_call(2000, [&] {
    sink += m.current_question() != nullptr;
    sink += static_cast<std::size_t>(m.current_index() + m.visible_count());
    sink += m.current_question() != nullptr;
  });
  const double q_frame = micros_per_call(300, [&] { h.frame(); });
  m.show(app::Screen::Results);
  h.frames(5);
  h.click("gauge.brand");
  h.frames(5);
  const double r_frame = micros_per_call(300, [&] { h.frame(); });
  std::printf("| visibility (native, headless) | µs |\n|---|---|\n");
  std::printf("| one visible_questions() | %.1f |\n", call);
  std::printf("| a questionnaire frame's visibility queries | %.1f |\n", queries);
  std::printf("| a whole questionnaire frame | %.1f |\n", q_frame);
  std::printf("| a whole results frame, one component open | %.1f |\n", r_frame);
  return sink == 0 ? 2 : 0;
}
