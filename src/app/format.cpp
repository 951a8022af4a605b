#include "app/format.h"

#include <algorithm>
#include <cmath>

namespace ssi::app {

namespace {

// `value` rounded to `decimals` (0-6) decimals, half away from zero; `point` between the whole and the fraction.
std::string fixed_point(double value, int decimals, char point) {
  decimals = std::clamp(decimals, 0, 6);
  long long scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  const double scaled = value * static_cast<double>(scale);
  const long long n = std::fabs(scaled) < 1e15 ? std::llround(scaled) : 0;  // NaN fails the test too
  const long long magnitude = n < 0 ? -n : n;
  std::string s = (n < 0 ? "-" : "") + std::to_string(magnitude / scale);
  if (decimals > 0) {
    std::string fraction = std::to_string(magnitude % scale);
    fraction.insert(0, static_cast<std::size_t>(decimals) - fraction.size(), '0');
    s += point + fraction;
  }
  return s;
}

}  // namespace

std::string format_decimal(double value, int decimals, Lang lang) {
  return fixed_point(value, decimals, lang == Lang::De ? ',' : '.');
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

std::string json_thousandths(double value) {
  std::string s = fixed_point(std::fabs(value) < 1e12 ? value : 0.0, 3, '.');
  while (s.find('.') != std::string::npos && (s.back() == '0' || s.back() == '.')) s.pop_back();
  return s;
}

}  // namespace ssi::app
