// libFuzzer target: the questionnaire loader, and scoring on whatever it accepts.
// Built by tests/fuzz/CMakeLists.txt. Invariants are checked with __builtin_trap so a violation is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/json_util.h"
#include "core/limits.h"
#include "core/ssi.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  ssi::QuestionnaireLoad load = ssi::load_questionnaire(text);
  if (load.questionnaire.has_value() != load.problems.empty()) __builtin_trap();
  if (!load.questionnaire) return 0;
  const ssi::Questionnaire& q = *load.questionnaire;
  // The shared limits (core/limits.h): what is accepted is small, and its id and version are plain identifiers.
  if (size > ssi::limits::kMaxQuestionnaireBytes || !ssi::detail::valid_questionnaire_id(q.id) ||
      !ssi::detail::valid_questionnaire_version(q.version))
    __builtin_trap();
  // Answer each question with an option picked from the input's bytes.
  ssi::Answers answers;
  std::size_t k = 0;
  for (const ssi::Question& question : q.questions) {
    if (question.options.empty()) continue;
    const unsigned byte = size ? data[k++ % size] : 0;
    if (byte % 7 == 0) continue;  // leave some unanswered
    answers[question.id] = static_cast<int>(byte % question.options.size());
  }
  const ssi::Result r = ssi::score(q, answers);
  int sum = 0;
  for (int c : r.component_centi) {
    if (c < 0 || c > ssi::kComponentMax * 100) __builtin_trap();
    if (!r.sales_navigator && c > ssi::kBaseMax * 100) __builtin_trap();
    sum += c;
  }
  if (sum != r.total_centi || r.range.low > r.total || r.range.high < r.total) __builtin_trap();
  for (const ssi::Advice& a : r.advice)
    if (a.gain_centi <= 0) __builtin_trap();
  // Saving and loading the answers again gives the same answers.
  ssi::AnswersLoad back = ssi::answers_from_json(q, ssi::to_json(q, answers, r));
  if (!back.ok()) __builtin_trap();
  return 0;
}
