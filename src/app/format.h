#pragma once
// Number formatting in the person's language: German writes a decimal comma ("12,5"), English a point.
#include <string>

#include "core/ssi.h"

namespace ssi::app {
std::string format_decimal(double value, int decimals, Lang lang);
}  // namespace ssi::app
