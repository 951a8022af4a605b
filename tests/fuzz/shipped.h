#pragma once
// The shipped questionnaire (content/questionnaire.json), loaded once, for the fuzz targets that read files
// against it. SSI_SOURCE_DIR is defined by tests/fuzz/CMakeLists.txt.
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/ssi.h"

namespace ssi::fuzz {

inline const Questionnaire& shipped() {
  static const Questionnaire q = [] {
    std::ifstream in(SSI_SOURCE_DIR "/content/questionnaire.json", std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    QuestionnaireLoad load = load_questionnaire(s.str());
    if (!load.ok()) std::abort();  // the fuzzer needs the real questionnaire
    return *load.questionnaire;
  }();
  return q;
}

}  // namespace ssi::fuzz
