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

std::string format_centi(int centi, int decimals, Lang lang) {
  decimals = decimals < 0 ? 0 : decimals > 2 ? 2 : decimals;
  const int unit = decimals == 0 ? 100 : decimals == 1 ? 10 : 1;
  const long long magnitude = centi < 0 ? -static_cast<long long>(centi) : centi;
  const long long rounded = (magnitude + unit / 2) / unit;  // in units of 10^-decimals
  const long long scale = decimals == 0 ? 1 : decimals == 1 ? 10 : 100;
  std::string s = (centi < 0 && rounded != 0 ? "-" : "") + std::to_string(rounded / scale);
  if (decimals > 0) {
    std::string fraction = std::to_string(rounded % scale);
    while (static_cast<int>(fraction.size()) < decimals) fraction.insert(0, "0");
    s += (lang == Lang::De ? ',' : '.') + fraction;
  }
  return s;
}

}  // namespace ssi::app
