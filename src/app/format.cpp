#include "app/format.h"

#include <cstdio>

namespace ssi::app {

std::string format_decimal(double value, int decimals, Lang lang) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string s(buffer);
  if (s == "-0" || s.rfind("-0.", 0) == 0) {  // never show "-0.0" for a value that rounds to zero
    bool zero = true;
    for (char c : s)
      if (c >= '1' && c <= '9') zero = false;
    if (zero) s.erase(0, 1);
  }
  if (lang == Lang::De)
    for (char& c : s)
      if (c == '.') c = ',';
  return s;
}

}  // namespace ssi::app
