#pragma once
// Number formatting in the person's language: German writes a decimal comma ("12,5"), English a point.
#include <string>

#include "core/ssi.h"

namespace ssi::app {
std::string format_decimal(double value, int decimals, Lang lang);
// Hundredths of a point with 0, 1 or 2 decimals, rounded half away from zero in integers (as the core rounds),
// so "12,25" shows as "12,3" whatever the binary double of 12.25 would make of it.
std::string format_centi(int centi, int decimals, Lang lang);
}  // namespace ssi::app
