// libFuzzer target: importing saved answers/results against the shipped questionnaire.
// Built by scripts/fuzz with SSI_SOURCE_DIR pointing at the repository.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string_view>

#include "core/ssi.h"

namespace {
const ssi::Questionnaire& shipped() {
    static const ssi::Questionnaire q = [] {
        std::ifstream in(SSI_SOURCE_DIR "/content/questionnaire.json", std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        ssi::QuestionnaireLoad load = ssi::load_questionnaire(s.str());
        if (!load.ok()) std::abort();  // the fuzzer needs the real questionnaire
        return *load.questionnaire;
    }();
    return q;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const ssi::Questionnaire& q = shipped();
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
