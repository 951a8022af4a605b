// core/date.h: the one place dates are computed.
#include <gtest/gtest.h>

#include "core/date.h"

namespace ssi {
namespace {

TEST(Date, DayNumbersAndCivilDatesAreInverse) {
  EXPECT_EQ(date::days_from_civil({1970, 1, 1}), 0);
  EXPECT_EQ(date::days_from_civil({2000, 3, 1}), 11017);
  EXPECT_EQ(date::days_from_civil({1969, 12, 31}), -1);
  for (std::int64_t d = date::days_from_civil({1900, 1, 1}); d <= date::days_from_civil({2999, 12, 31}); d += 17) {
    const date::Civil c = date::civil_from_days(d);
    ASSERT_TRUE(date::valid(c)) << d;
    ASSERT_EQ(date::days_from_civil(c), d);
  }
}

TEST(Date, OnlyRealDaysAreValid) {
  EXPECT_TRUE(date::day_number("2024-02-29"));
  EXPECT_FALSE(date::day_number("2026-02-29"));
  EXPECT_FALSE(date::day_number("2100-02-29")) << "not a leap year";
  EXPECT_TRUE(date::day_number("2000-02-29"));
  EXPECT_FALSE(date::day_number("2026-13-01"));
  EXPECT_FALSE(date::day_number("1899-12-31"));
  EXPECT_FALSE(date::day_number("2026-1-01"));
  EXPECT_EQ(date::day_number("2026-01-31T10:00:00Z"), date::day_number("2026-01-31"));
  EXPECT_FALSE(date::split("2026/01/31"));
}

TEST(Date, IsoStringsInUtc) {
  EXPECT_EQ(iso_datetime(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(iso_datetime(-1), "1969-12-31T23:59:59Z");
  EXPECT_EQ(iso_datetime(1764000000000.0), "2025-11-24T16:00:00Z");
  EXPECT_EQ(iso_date(951782400000.0), "2000-02-29");
}

}  // namespace
}  // namespace ssi
