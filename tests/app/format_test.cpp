// Numbers as the app prints them: in the person's language, and in the semantics JSON, all written from integers.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "app/format.h"

namespace ssi::test {
namespace {

TEST(Format, DecimalsInThePersonsLanguage) {
  EXPECT_EQ(app::format_decimal(12.34, 1, Lang::De), "12,3");
  EXPECT_EQ(app::format_decimal(12.36, 1, Lang::En), "12.4");
  EXPECT_EQ(app::format_decimal(0.04, 2, Lang::En), "0.04");
  EXPECT_EQ(app::format_decimal(7.0, 0, Lang::De), "7");
  EXPECT_EQ(app::format_decimal(24.96, 1, Lang::En), "25.0");
  EXPECT_EQ(app::format_decimal(-3.25, 1, Lang::En), "-3.3") << "half away from zero";
  EXPECT_EQ(app::format_decimal(-0.04, 1, Lang::De), "0,0") << "never -0,0";
  EXPECT_EQ(app::format_decimal(std::nan(""), 1, Lang::En), "0.0");
  EXPECT_EQ(app::format_decimal(std::numeric_limits<double>::infinity(), 1, Lang::En), "0.0");
}

TEST(Format, CentiRoundHalfAwayFromZeroInIntegers) {
  EXPECT_EQ(app::format_centi(1225, 1, Lang::De), "12,3");
  EXPECT_EQ(app::format_centi(1224, 1, Lang::En), "12.2");
  EXPECT_EQ(app::format_centi(2500, 0, Lang::De), "25");
  EXPECT_EQ(app::format_centi(-150, 0, Lang::En), "-2");
  EXPECT_EQ(app::format_centi(-4, 2, Lang::En), "-0.04");
  EXPECT_EQ(app::format_centi(-4, 1, Lang::En), "0.0") << "never -0.0";
  EXPECT_EQ(app::format_centi(7, 5, Lang::En), "0.07") << "at most 2 decimals";
}

TEST(Format, JsonThousandths) {
  EXPECT_EQ(app::json_thousandths(3.0), "3");
  EXPECT_EQ(app::json_thousandths(100.0), "100");
  EXPECT_EQ(app::json_thousandths(-0.4), "-0.4");
  EXPECT_EQ(app::json_thousandths(0.005), "0.005");
  EXPECT_EQ(app::json_thousandths(4.83f), "4.83") << "a meter's value, from a float";
  EXPECT_EQ(app::json_thousandths(1234.5), "1234.5");
  EXPECT_EQ(app::json_thousandths(0.9995), "1");
  EXPECT_EQ(app::json_thousandths(-0.0001), "0");
  EXPECT_EQ(app::json_thousandths(std::nan("")), "0");
  EXPECT_EQ(app::json_thousandths(-std::numeric_limits<double>::infinity()), "0");
  EXPECT_EQ(app::json_thousandths(1e300), "0");
  EXPECT_EQ(app::json_thousandths(-9.3e15), "0");
}

}  // namespace
}  // namespace ssi::test
