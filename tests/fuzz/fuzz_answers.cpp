// libFuzzer target: importing saved answers/results against the shipped questionnaire.
// Built by tests/fuzz/CMakeLists.txt with SSI_SOURCE_DIR pointing at the repository.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/ssi.h"
#include "shipped.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const ssi::Questionnaire& q = ssi::fuzz::shipped();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  ssi::AnswersLoad load = ssi::answers_from_json(q, text);
  if (load.answers.has_value() != load.problems.empty()) __builtin_trap();
  if (!load.answers) return 0;
  const ssi::Result r = ssi::score(q, *load.answers);
  const std::string saved = ssi::to_json(q, *load.answers, r);
  ssi::AnswersLoad back = ssi::answers_from_json(q, saved);
  if (!back.ok() || *back.answers != *load.answers) __builtin_trap();
  if (ssi::to_json(q, *back.answers, ssi::score(q, *back.answers)) != saved) __builtin_trap();
  return 0;
}
