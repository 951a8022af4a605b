#include "app/format.h"

#include <algorithm>
#include <cmath>

namespace ssi::app {

namespace {

char point_of(Lang lang) { return lang == Lang::De ? ',' : '.'; }

// `n` units of 10^-decimals as text: the sign, the whole part, `point` and the fraction padded with zeros.
std::string fixed_text(long long n, int decimals, char point) {
  long long scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  const long long magnitude = n < 0 ? -n : n;
  std::string s = (n < 0 ? "-" : "") + std::to_string(magnitude / scale);
  if (decimals > 0) {
    std::string fraction = std::to_string(magnitude % scale);
    fraction.insert(0, static_cast<std::size_t>(decimals) - fraction.size(), '0');
    s += point + fraction;
  }
  return s;
}

// `value` rounded to `decimals` (0-6) decimals, half away from zero.
std::string fixed_point(double value, int decimals, char point) {
  decimals = std::clamp(decimals, 0, 6);
  double scale = 1.0;
  for (int i = 0; i < decimals; ++i) scale *= 10.0;
  const double scaled = value * scale;
  return fixed_text(std::fabs(scaled) < 1e15 ? std::llround(scaled) : 0, decimals, point);  // NaN fails the test too
}

}  // namespace

std::string format_decimal(double value, int decimals, Lang lang) {
  return fixed_point(value, decimals, point_of(lang));
}

std::string format_centi(int centi, int decimals, Lang lang) {
  decimals = std::clamp(decimals, 0, 2);
  const int unit = decimals == 0 ? 100 : decimals == 1 ? 10 : 1;
  const long long magnitude = centi < 0 ? -static_cast<long long>(centi) : centi;
  const long long rounded = (magnitude + unit / 2) / unit;  // in units of 10^-decimals
  return fixed_text(centi < 0 ? -rounded : rounded, decimals, point_of(lang));
}

std::string json_thousandths(double value) {
  std::string s = fixed_point(std::fabs(value) < 1e12 ? value : 0.0, 3, '.');
  while (s.find('.') != std::string::npos && (s.back() == '0' || s.back() == '.')) s.pop_back();
  return s;
}

}  // namespace ssi::app
