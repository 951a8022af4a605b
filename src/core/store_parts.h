#pragma once
// What store_read.cpp, store_write.cpp and store_real.cpp share; not part of the core's interface (store.h).
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/sorting.h"

namespace ssi::store::part {

// "YYYY-MM-DD" → year, month, day when the shape is right (no range check).
inline bool split_date(std::string_view s, int& y, int& m, int& d) {
  const std::optional<date::Civil> c = date::split(s);
  if (!c) return false;
  y = c->year;
  m = c->month;
  d = c->day;
  return true;
}

inline bool valid_calendar_date(int y, int m, int d) { return date::valid({y, m, d}); }

// The order of entries: oldest first; the id breaks ties so every order of the same entries sorts the same way.
template <typename T>
bool older(const T& a, const T& b) {
  return a.date != b.date ? a.date < b.date : a.id < b.id;
}

template <typename T>
void sort_oldest_first(std::vector<T>& items) {
  ssi::stable_sort(items.begin(), items.end(), [](const T& a, const T& b) { return older(a, b); });
}

// "2.34" / "2,34" style numbers from centi (non-negative), with the given decimals (1 or 2).
std::string decimal(int centi, int decimals, char separator);

}  // namespace ssi::store::part
