#include "core/sorting.h"

#include <algorithm>
#include <numeric>

namespace ssi::detail {

std::vector<std::size_t> stable_order(std::size_t n, PositionLess less, const void* context) {
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return less(context, a, b); });
  return order;
}

}  // namespace ssi::detail
