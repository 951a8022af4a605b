// Real SSI input, and the comparison of estimate and reality.
#include "core/sorting.h"
#include "core/store.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <set>

#include "core/codes.h"
#include "core/date.h"
#include "core/json_util.h"
#include "core/keys.h"
#include "core/store_parts.h"

namespace ssi::store {

using detail::digits;
using detail::shorten;
using detail::to_int;
using detail::trim;
using part::decimal;
using part::split_date;
using part::valid_calendar_date;

namespace {

Problem input_problem(std::string_view code, std::string_view text) {
  return Problem{std::string(code), "", {{"value", shorten(text)}}};
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] The document
//-----------------------------------------------------------------------------

int RealEntry::total() const {
  int sum = 0;
  for (int c : component_centi) sum += c;
  return round_total(sum);
}

//-----------------------------------------------------------------------------
// [SECTION] Real SSI input
//-----------------------------------------------------------------------------

ValueParse parse_component_value(std::string_view raw) {
  ValueParse out;
  const std::string_view text = trim(raw);
  if (text.empty()) {
    out.problem = Problem{std::string(code::kInputEmpty), "", {}};
    return out;
  }
  const detail::CentiParse p = detail::parse_centi(text, kComponentMax * 100);
  switch (p.error) {
    case detail::CentiError::None: out.centi = p.centi; break;
    case detail::CentiError::NotANumber: out.problem = input_problem(code::kInputNotANumber, text); break;
    case detail::CentiError::TooManyDecimals: out.problem = input_problem(code::kInputTooManyDecimals, text); break;
    case detail::CentiError::OutOfRange: out.problem = input_problem(code::kInputOutOfRange, text); break;
  }
  return out;
}

PercentParse parse_top_percent(std::string_view raw) {
  PercentParse out;
  const std::string_view text = trim(raw);
  if (text.empty()) {
    out.problem = Problem{std::string(code::kInputEmpty), "", {}};
    return out;
  }
  std::string_view s = text;
  if (s.size() >= 3 && (s[0] == 'T' || s[0] == 't') && (s[1] == 'O' || s[1] == 'o') && (s[2] == 'P' || s[2] == 'p')) {
    s.remove_prefix(3);
    s = trim(s);
  }
  if (!s.empty() && s.back() == '%') {
    s.remove_suffix(1);
    s = trim(s);
  }
  if (!digits(s)) {
    out.problem = input_problem(code::kInputPercentMalformed, text);
    return out;
  }
  while (s.size() > 1 && s.front() == '0') s.remove_prefix(1);
  const int n = s.size() > 3 ? 1000 : to_int(s);
  if (n < 1 || n > 100) {
    out.problem = input_problem(code::kInputPercentOutOfRange, text);
    return out;
  }
  out.percent = n;
  return out;
}

std::optional<Problem> check_date(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (!split_date(text, y, m, d)) return input_problem(code::kDateMalformed, text);
  if (!valid_calendar_date(y, m, d)) return input_problem(code::kDateInvalid, text);
  return std::nullopt;
}

//-----------------------------------------------------------------------------
// [SECTION] Estimate versus reality
//-----------------------------------------------------------------------------

Comparison compare(const Result& estimate, const RealEntry& real, Lang lang) {
  Comparison out;
  out.estimate_centi = estimate.component_centi;
  out.real_centi = real.component_centi;
  const char separator = lang == Lang::De ? ',' : '.';
  for (Component c : kComponents) {
    const auto i = static_cast<std::size_t>(c);
    const int diff = out.estimate_centi[i] - out.real_centi[i];
    out.difference_centi[i] = diff;
    if (diff > -50 && diff < 50) continue;
    out.sentences.emplace_back(key::compare(c, diff > 0),
                               Args{{"points", decimal(diff > 0 ? diff : -diff, 1, separator)}});
  }
  return out;
}

std::vector<Advice> rerank_advice(const std::vector<Advice>& advice, const RealEntry& real) {
  std::vector<Advice> out = advice;
  // Conduct stays first (docs/scoring.md): re-ranking only orders the steps.
  ssi::stable_sort(out.begin(), out.end(), [&](const Advice& a, const Advice& b) {
    if (a.kind != b.kind) return a.kind == AdviceKind::Conduct;
    return real.component_centi[static_cast<std::size_t>(a.component)] <
           real.component_centi[static_cast<std::size_t>(b.component)];
  });
  return out;
}

std::optional<int> change_since_last_week(const std::vector<RealEntry>& real) {
  // Entries with a date that is not a calendar date cannot be placed in time and are skipped.
  auto day = [](const RealEntry& e) -> std::optional<std::int64_t> {
    int y = 0, m = 0, d = 0;
    if (!split_date(e.date, y, m, d) || !valid_calendar_date(y, m, d)) return std::nullopt;
    return date::days_from_civil({y, m, d});
  };
  const RealEntry* newest = nullptr;
  std::int64_t newest_day = 0;
  for (const RealEntry& e : real) {
    std::optional<std::int64_t> d = day(e);
    if (d && (!newest || *d >= newest_day)) {  // on the same day the later entry wins
      newest = &e;
      newest_day = *d;
    }
  }
  if (!newest) return std::nullopt;
  const RealEntry* before = nullptr;
  std::int64_t before_day = 0;
  for (const RealEntry& e : real) {
    std::optional<std::int64_t> d = day(e);
    if (d && *d <= newest_day - 7 && (!before || *d >= before_day)) {
      before = &e;
      before_day = *d;
    }
  }
  if (!before) return std::nullopt;
  return newest->total() - before->total();
}

}  // namespace ssi::store
