#pragma once
// One stable sort for every element type and order. std::stable_sort is instantiated per comparator (about 2.4 KB
// of wasm each, 17 of them in the page); this sorts positions once, in one compiled function, and moves the
// elements into that order, so each call site costs only its comparison and the move.
#include <cstddef>
#include <iterator>
#include <utility>
#include <vector>

namespace ssi {

namespace detail {
using PositionLess = bool (*)(const void* context, std::size_t a, std::size_t b);
// 0 … n-1 in the stable order of less(context, a, b).
std::vector<std::size_t> stable_order(std::size_t n, PositionLess less, const void* context);
}  // namespace detail

// Like std::stable_sort(first, last, less) on random-access iterators of movable elements.
template <typename It, typename Less>
void stable_sort(It first, It last, Less less) {
  using T = typename std::iterator_traits<It>::value_type;
  const auto n = static_cast<std::size_t>(last - first);
  if (n < 2) return;
  struct Context {
    It first;
    Less* less;
  } context{first, &less};
  const std::vector<std::size_t> order = detail::stable_order(
      n,
      [](const void* c, std::size_t a, std::size_t b) {
        const Context& x = *static_cast<const Context*>(c);
        return static_cast<bool>((*x.less)(x.first[a], x.first[b]));
      },
      &context);
  std::vector<T> sorted;
  sorted.reserve(n);
  for (const std::size_t i : order) sorted.push_back(std::move(first[i]));
  for (std::size_t i = 0; i < n; ++i) first[i] = std::move(sorted[i]);
}

}  // namespace ssi
