// ssi::stable_sort (core/sorting.h) orders like std::stable_sort: the same result on ties, ranges and move-only data.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "core/sorting.h"

namespace ssi::test {
namespace {

struct Item {
  int key = 0;
  std::string tag;
  bool operator==(const Item&) const = default;
};

TEST(StableSort, OrdersLikeTheStandardOneAndKeepsTiesInTheirOrder) {
  std::vector<Item> items;
  unsigned seed = 12345;
  for (int i = 0; i < 500; ++i) {
    seed = seed * 1103515245u + 12345u;
    items.push_back({static_cast<int>(seed >> 16) % 17, "#" + std::to_string(i)});  // many ties
  }
  std::vector<Item> expected = items;
  const auto by_key = [](const Item& a, const Item& b) { return a.key < b.key; };
  std::stable_sort(expected.begin(), expected.end(), by_key);
  ssi::stable_sort(items.begin(), items.end(), by_key);
  EXPECT_EQ(items, expected);
}

TEST(StableSort, SortsOnlyTheRangeGiven) {
  std::vector<int> values = {9, 8, 7, 3, 1, 2, 0};
  ssi::stable_sort(values.begin() + 3, values.end(), [](int a, int b) { return a > b; });
  EXPECT_EQ(values, (std::vector<int>{9, 8, 7, 3, 2, 1, 0}));
  ssi::stable_sort(values.begin(), values.begin(), [](int a, int b) { return a < b; });  // empty: nothing to do
  EXPECT_EQ(values.front(), 9);
}

TEST(StableSort, MovesElementsThatCannotBeCopied) {
  std::vector<std::unique_ptr<int>> values;
  for (int v : {3, 1, 2}) values.push_back(std::make_unique<int>(v));
  ssi::stable_sort(values.begin(), values.end(), [](const auto& a, const auto& b) { return *a < *b; });
  ASSERT_EQ(values.size(), 3u);
  EXPECT_EQ(*values[0], 1);
  EXPECT_EQ(*values[1], 2);
  EXPECT_EQ(*values[2], 3);
}

}  // namespace
}  // namespace ssi::test
