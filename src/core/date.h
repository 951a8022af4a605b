#pragma once
// Calendar dates, once: "YYYY-MM-DD" read and checked, day numbers for differences, and ISO strings from
// milliseconds since the epoch (proleptic Gregorian, UTC; after Howard Hinnant's days_from_civil).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ssi::date {

struct Civil {
  int year = 1970, month = 1, day = 1;
};

bool leap(int year);
int days_in_month(int year, int month);
// "YYYY-MM-DD" with digits in place (no range check); nullopt for any other shape.
std::optional<Civil> split(std::string_view text);
// A real day of the years 1900–2999.
bool valid(const Civil& date);
// Days since 1970-01-01, and back.
std::int64_t days_from_civil(const Civil& date);
Civil civil_from_days(std::int64_t days);
// Days since 1970-01-01 of a valid date at the start of `text` ("2026-01-31" or "2026-01-31T10:00:00Z").
std::optional<std::int64_t> day_number(std::string_view text);

}  // namespace ssi::date

namespace ssi {
// "2026-11-25T14:03:07Z" and "2026-11-25" from milliseconds since the epoch (UTC).
std::string iso_datetime(double epoch_ms);
std::string iso_date(double epoch_ms);
}  // namespace ssi
