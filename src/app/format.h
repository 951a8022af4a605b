#pragma once
// Number formatting in the person's language: German writes a decimal comma ("12,5"), English a point.
#include <string>

#include "core/ssi.h"

namespace ssi::app {
// Printed in integers, like everything here: printf's %f stays out of the first frame's code (deferred.txt).
std::string format_decimal(double value, int decimals, Lang lang);
// Hundredths of a point with 0, 1 or 2 decimals, rounded half away from zero in integers (as the core rounds),
// so "12,25" shows as "12,3" whatever the binary double of 12.25 would make of it.
std::string format_centi(int centi, int decimals, Lang lang);
// `value` as a JSON number rounded to a thousandth ("-0.4", "12.345", "3"); 0 when not finite or beyond 1e12.
std::string json_thousandths(double value);
}  // namespace ssi::app
