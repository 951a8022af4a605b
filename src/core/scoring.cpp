// The scoring model (explained for trainers in docs/scoring.md).
//
// Per component:
//   base    = curve(achieved / achievable base points) × 20      positive points of base questions
//   sn      = Sales Navigator points / achievable SN points × 5  only for Sales Navigator users
//   part    = min(base + sn, 25)
// Conduct: every negative point is one point off the total, whatever else is answered. It is taken
// from its own component first, then from brand, engage and find in that order, so the only floor is the
// total's at 0 (applied once, at the end); advice gains are measured before that floor.
// Everything is integer arithmetic in hundredths of a point, rounded half up at each term, so the
// result is the same on every platform and compiler.
#include <algorithm>
#include <cstdint>
#include <cstdlib>

#include "core/sorting.h"
#include "core/ssi.h"

namespace ssi {
namespace {

constexpr int kCenti = 100;
constexpr int kDeductionPerPoint = kCenti;  // a negative point costs one point of the total

// Non-negative a / b rounded half up (b > 0).
std::int64_t div_round(std::int64_t a, std::int64_t b) { return (2 * a + b) / (2 * b); }

// Largest r with r * r <= v (v >= 0), without floating point so every platform agrees.
std::int64_t isqrt(std::int64_t v) {
  std::int64_t r = 0, bit = std::int64_t{1} << 62;
  while (bit > v) bit >>= 2;
  while (bit != 0) {
    if (v >= r + bit) {
      v -= r + bit;
      r = (r >> 1) + bit;
    } else {
      r >>= 1;
    }
    bit >>= 2;
  }
  return r;
}

// The questionnaire reduced to what scoring needs, with conditions resolved to indices.
// Tolerates hand-built questionnaires the loader would reject (forward conditions never hold,
// an invalid curve becomes a straight line) so score() is total.
struct Model {
  struct Q {
    Component component = Component::Brand;
    Tier tier = Tier::Base;
    bool bands = false;  // options are ordered bands (frequency, range): a given answer may lie next door
    std::vector<int> points;
    std::vector<char> target;  // options advice may point at: those with their own tip, or all if none has one
    int condition = -1;        // index of the earlier question it depends on; -1 none; -2 never
    std::uint64_t any_of = 0;  // bit per option index
    int counts = -1;           // countsIf: like condition, for the positive points
    std::uint64_t counts_any_of = 0;
  };
  std::vector<Q> questions;
  int gate = -1;  // -1: nobody is a Sales Navigator user
  std::uint64_t gate_any_of = 0;
  std::vector<CurvePoint> curve;
  int margin = 0;
  std::array<std::int64_t, kComponentCount> base_max{};
  std::array<std::int64_t, kComponentCount> sn_max{};

  static std::uint64_t mask(const std::vector<int>& options) {
    std::uint64_t m = 0;
    for (int o : options)
      if (o >= 0 && o < 64) m |= std::uint64_t{1} << o;
    return m;
  }

  explicit Model(const Questionnaire& q) {
    questions.reserve(q.questions.size());
    auto earlier = [&](const Condition& c, std::size_t i) {
      int target = q.index_of(c.question);
      return (target >= 0 && target < static_cast<int>(i)) ? target : -2;
    };
    for (std::size_t i = 0; i < q.questions.size(); ++i) {
      const Question& src = q.questions[i];
      Q m;
      m.component = static_cast<std::size_t>(src.component) < kComponentCount ? src.component : Component::Brand;
      m.tier = src.tier;
      m.bands = src.type == QuestionType::Frequency || src.type == QuestionType::Range;
      bool any_tip = false;
      for (const Option& o : src.options) {
        m.points.push_back(std::clamp(o.points, -kMaxPoints, kMaxPoints));
        m.target.push_back(o.has_tip());
        any_tip = any_tip || o.has_tip();
      }
      if (!any_tip) std::fill(m.target.begin(), m.target.end(), 1);
      if (src.show_if) {
        m.condition = earlier(*src.show_if, i);
        m.any_of = mask(src.show_if->any_of);
      }
      if (src.counts_if) {
        m.counts = earlier(*src.counts_if, i);
        m.counts_any_of = mask(src.counts_if->any_of);
      }
      int best = 0;
      for (int p : m.points) best = std::max(best, p);
      auto c = static_cast<std::size_t>(m.component);
      (m.tier == Tier::SalesNavigator ? sn_max : base_max)[c] += best;
      questions.push_back(std::move(m));
    }
    if (q.scoring.sales_navigator) {
      gate = q.index_of(q.scoring.sales_navigator->question);
      gate_any_of = mask(q.scoring.sales_navigator->any_of);
    }
    curve = q.scoring.curve;
    bool valid = curve.size() >= 2 && curve.front().x == 0 && curve.front().y == 0 && curve.back().x == 100 &&
                 curve.back().y == 100;
    for (std::size_t k = 1; valid && k < curve.size(); ++k)
      valid = curve[k].x > curve[k - 1].x && curve[k].y >= curve[k - 1].y;
    if (!valid) curve = {{0, 0}, {100, 100}};
    margin = std::clamp(q.scoring.range_margin, 0, 20);
  }

  int size() const { return static_cast<int>(questions.size()); }
  bool valid_answer(int i, int a) const {
    return a >= 0 && a < static_cast<int>(questions[static_cast<std::size_t>(i)].points.size());
  }

  // Whether a condition on an earlier question holds: -1 none, < -1 never.
  bool holds(int target, std::uint64_t any_of, const std::vector<int>& answers,
             const std::vector<char>& visible) const {
    if (target == -1) return true;
    if (target < 0) return false;
    const int a = answers[static_cast<std::size_t>(target)];
    return visible[static_cast<std::size_t>(target)] && valid_answer(target, a) && a < 64 && ((any_of >> a) & 1u);
  }

  // Whether question i is shown, given the visibility of the earlier questions (conditions only look back).
  char visible_at(std::size_t i, const std::vector<int>& answers, const std::vector<char>& visible) const {
    const Q& q = questions[i];
    return holds(q.condition, q.any_of, answers, visible) ? 1 : 0;
  }

  // Visibility of every question, in order.
  std::vector<char> visibility(const std::vector<int>& answers) const {
    std::vector<char> visible(questions.size(), 0);
    for (std::size_t i = 0; i < questions.size(); ++i) visible[i] = visible_at(i, answers, visible);
    return visible;
  }

  bool gate_open(const std::vector<int>& answers, const std::vector<char>& visible) const {
    if (gate < 0 || gate >= size()) return false;
    int a = answers[static_cast<std::size_t>(gate)];
    return visible[static_cast<std::size_t>(gate)] && valid_answer(gate, a) && a < 64 && ((gate_any_of >> a) & 1u);
  }

  // curve(achieved / achievable) × 20 points, in centi.
  std::int64_t base_centi(std::int64_t achieved, std::int64_t achievable) const {
    if (achievable <= 0) return 0;
    achieved = std::clamp<std::int64_t>(achieved, 0, achievable);
    const std::int64_t x100 = 100 * achieved;  // percent × achievable
    for (std::size_t k = 1; k < curve.size(); ++k) {
      const std::int64_t x0 = curve[k - 1].x, x1 = curve[k].x, y0 = curve[k - 1].y, y1 = curve[k].y;
      if (x100 > x1 * achievable) continue;
      // y% = y0 + (y1 − y0) × (x − x0) / (x1 − x0); centi = y% × 20 (= y% / 100 × 20 × 100)
      const std::int64_t den = (x1 - x0) * achievable;
      const std::int64_t num = y0 * den + (y1 - y0) * (x100 - x0 * achievable);
      return div_round(kBaseMax * num, den);
    }
    return std::int64_t{kBaseMax} * kCenti;
  }

  struct Eval {
    std::array<int, kComponentCount> centi{};
    std::array<ComponentDetail, kComponentCount> detail{};
    int total_centi = 0;
    int unfloored_centi = 0;
    int deduction_centi = 0;
    std::vector<Deduction> deductions;     // question ids are filled in by score()
    std::vector<int> deduction_questions;  // their question indices, same order
    bool sales_navigator = false;
    int answered = 0, visible = 0;
  };

  Eval evaluate(const std::vector<int>& answers) const {
    Eval e;
    std::vector<char> visible = visibility(answers);
    e.sales_navigator = gate_open(answers, visible);
    std::array<std::int64_t, kComponentCount> positive{}, sn{}, own_deduction{};
    for (std::size_t i = 0; i < questions.size(); ++i) {
      if (!visible[i]) continue;
      ++e.visible;
      const int a = answers[i];
      if (!valid_answer(static_cast<int>(i), a)) continue;
      ++e.answered;
      const Q& q = questions[i];
      const int p = q.points[static_cast<std::size_t>(a)];
      const auto c = static_cast<std::size_t>(q.component);
      if (q.tier == Tier::SalesNavigator && !e.sales_navigator) continue;
      if (p < 0) {
        const int centi = -p * kDeductionPerPoint;
        own_deduction[c] += centi;
        e.deduction_centi += centi;
        e.deductions.push_back({{}, a, centi});
        e.deduction_questions.push_back(static_cast<int>(i));
      } else if (q.tier == Tier::SalesNavigator) {
        sn[c] += p;
      } else if (holds(q.counts, q.counts_any_of, answers, visible)) {
        positive[c] += p;
      }
    }
    std::array<int, kComponentCount> part{};
    std::int64_t sum = 0;
    for (std::size_t c = 0; c < kComponentCount; ++c) {
      ComponentDetail& d = e.detail[c];
      d.base = static_cast<int>(base_centi(positive[c], base_max[c]));
      d.sales_navigator =
          sn_max[c] > 0 ? static_cast<int>(div_round(
                              std::clamp<std::int64_t>(sn[c], 0, sn_max[c]) * kSalesNavigatorMax * kCenti, sn_max[c]))
                        : 0;
      part[c] = std::min(d.base + d.sales_navigator, kComponentMax * kCenti);
      sum += part[c];
    }
    e.unfloored_centi = static_cast<int>(sum - e.deduction_centi);
    // Each deduction from its own component first; what does not fit there from the others in a fixed
    // order (reputation, then reach, as the article names them: brand, engage, find). A fixed order
    // keeps every component monotone in the answers; the total's floor at 0 is the only floor.
    std::int64_t spill = 0;
    for (std::size_t c = 0; c < kComponentCount; ++c) {
      const std::int64_t take = std::min<std::int64_t>(own_deduction[c], part[c]);
      e.detail[c].penalty = static_cast<int>(take);
      part[c] -= static_cast<int>(take);
      spill += own_deduction[c] - take;
    }
    for (Component sc : {Component::Brand, Component::Engage, Component::Find, Component::Relationships}) {
      const auto c = static_cast<std::size_t>(sc);
      const std::int64_t take = std::min<std::int64_t>(spill, part[c]);
      e.detail[c].penalty += static_cast<int>(take);
      part[c] -= static_cast<int>(take);
      spill -= take;
    }
    for (std::size_t c = 0; c < kComponentCount; ++c) {
      e.centi[c] = part[c];
      e.total_centi += part[c];
    }
    return e;
  }

  std::vector<int> answer_vector(const Questionnaire& q, const Answers& answers) const {
    std::vector<int> out(questions.size(), -1);
    for (std::size_t i = 0; i < q.questions.size() && i < out.size(); ++i) {
      auto it = answers.find(q.questions[i].id);
      if (it != answers.end() && valid_answer(static_cast<int>(i), it->second)) out[i] = it->second;
    }
    return out;
  }

  // Fills unanswered visible questions with their lowest (or highest) option, in order,
  // so answers that reveal further questions are followed through.
  std::vector<int> fill(std::vector<int> answers, bool highest) const {
    std::vector<char> visible(questions.size(), 0);
    for (std::size_t i = 0; i < questions.size(); ++i) {
      const Q& q = questions[i];
      visible[i] = visible_at(i, answers, visible);
      if (!visible[i] || answers[i] >= 0 || q.points.empty()) continue;
      int best = 0;
      for (std::size_t o = 1; o < q.points.size(); ++o)
        if (highest ? q.points[o] > q.points[static_cast<std::size_t>(best)]
                    : q.points[o] < q.points[static_cast<std::size_t>(best)])
          best = static_cast<int>(o);
      answers[i] = best;
    }
    return answers;
  }
};

Advice make_advice(const Questionnaire& q, int i, int from, int option, int gain) {
  const Question& question = q.questions[static_cast<std::size_t>(i)];
  Advice a;
  a.question = question.id;
  a.question_index = i;
  a.from = from;
  a.option = option;
  a.component = question.component;
  a.gain_centi = gain;
  a.gain = gain / 100.0;
  const Option& target = question.options[static_cast<std::size_t>(option)];
  a.tip = target.has_tip() ? target.tip : question.tip;
  return a;
}

}  // namespace

std::string_view advice_kind_key(AdviceKind kind) { return kind == AdviceKind::Conduct ? "conduct" : "step"; }

int round_total(int total_centi) { return (total_centi + kCenti / 2) / kCenti; }

bool is_visible(const Questionnaire& questionnaire, const Answers& answers, const Question& question) {
  const Model model(questionnaire);
  const std::vector<char> visible = model.visibility(model.answer_vector(questionnaire, answers));
  for (std::size_t i = 0; i < questionnaire.questions.size(); ++i)
    if (&questionnaire.questions[i] == &question) return visible[i] != 0;
  int i = questionnaire.index_of(question.id);
  return i >= 0 && visible[static_cast<std::size_t>(i)] != 0;
}

bool uses_sales_navigator(const Questionnaire& questionnaire, const Answers& answers) {
  const Model model(questionnaire);
  const std::vector<int> a = model.answer_vector(questionnaire, answers);
  return model.gate_open(a, model.visibility(a));
}

Result score(const Questionnaire& questionnaire, const Answers& answers, ScoreOptions options) {
  const Model model(questionnaire);
  const std::vector<int> current = model.answer_vector(questionnaire, answers);
  const Model::Eval now = model.evaluate(current);

  Result r;
  for (std::size_t c = 0; c < kComponentCount; ++c) {
    r.component_centi[c] = now.centi[c];
    r.components[c] = now.centi[c] / 100.0;
    r.detail[c] = now.detail[c];
  }
  r.total_centi = now.total_centi;
  r.unfloored_centi = now.unfloored_centi;
  r.total = round_total(now.total_centi);
  r.corridor = corridor_for(r.total);
  r.reach = r.total >= kReachThreshold;
  r.sales_navigator = now.sales_navigator;
  r.at_cap = !now.sales_navigator && r.total == kComponentCount * kBaseMax;
  r.sales_navigator_info = !now.sales_navigator && model.gate >= 0;
  r.answered = now.answered;
  r.visible = now.visible;
  r.deduction_centi = now.deduction_centi;
  r.deductions = now.deductions;
  for (std::size_t k = 0; k < r.deductions.size(); ++k)
    r.deductions[k].question = questionnaire.questions[static_cast<std::size_t>(now.deduction_questions[k])].id;
  r.shown = model.visibility(current);

  int weakest = now.centi[0];
  for (int v : now.centi) weakest = std::min(weakest, v);
  for (Component c : kComponents)
    if (now.centi[static_cast<std::size_t>(c)] == weakest) r.weakest.push_back(c);

  // Range, part 1: every unanswered question could go either way (followed through conditions).
  const Model::Eval low = model.evaluate(model.fill(current, false));
  const Model::Eval high = model.evaluate(model.fill(current, true));
  Range& range = r.range;
  range.skipped_down_centi = std::max(0, now.total_centi - low.total_centi);
  range.skipped_up_centi = std::max(0, high.total_centi - now.total_centi);
  std::array<std::int64_t, kComponentCount> spread{};  // per component: how far it could move
  for (std::size_t c = 0; c < kComponentCount; ++c) spread[c] = high.centi[c] - low.centi[c];

  // Part 2: an answer given as a band (frequency, range) may really lie half-way to the next band on
  // either side. Independent answers, so they add up as a root sum of squares (our assumption).
  const std::vector<char>& visible = r.shown;
  std::int64_t down_sq = 0, up_sq = 0;
  std::vector<int> what_if = current;
  for (int i = 0; i < model.size(); ++i) {
    const auto ui = static_cast<std::size_t>(i);
    const Model::Q& q = model.questions[ui];
    const int from = current[ui];
    if (!visible[ui] || from < 0 || !q.bands) continue;
    for (int o : {from - 1, from + 1}) {
      if (o < 0 || o >= static_cast<int>(q.points.size())) continue;
      what_if[ui] = o;
      const Model::Eval e = model.evaluate(what_if);
      if (e.sales_navigator != now.sales_navigator) continue;  // "do you use it" is no band
      const std::int64_t half = std::abs(e.total_centi - now.total_centi) / 2;
      (e.total_centi < now.total_centi ? down_sq : up_sq) += half * half;
      spread[static_cast<std::size_t>(q.component)] += half;
    }
    what_if[ui] = from;
  }
  range.bands_down_centi = static_cast<int>(isqrt(down_sq));
  range.bands_up_centi = static_cast<int>(isqrt(up_sq));
  const int margin_centi = model.margin * kCenti;
  const int cap =
      now.sales_navigator || high.sales_navigator ? kComponentCount * kComponentMax : kComponentCount * kBaseMax;
  range.low =
      round_total(std::max(0, now.total_centi - range.skipped_down_centi - range.bands_down_centi - margin_centi));
  range.high =
      std::min(cap, round_total(now.total_centi + range.skipped_up_centi + range.bands_up_centi + margin_centi));
  range.low = std::min(range.low, r.total);
  range.high = std::max(range.high, r.total);
  std::size_t widest = 0;
  for (std::size_t c = 1; c < kComponentCount; ++c)
    if (spread[c] > spread[widest]) widest = c;
  range.uncertain = kComponents[widest];

  if (!options.advice) return r;

  // Advice: one concrete step per answered question, priced exactly. A harmful habit (negative points)
  // is best dropped: the step is the first answer without a deduction. Otherwise the step is the next
  // answer up (fewest points above the current one). Only answers with their own tip are steps, so
  // text, target and gain always describe the same move. Sales Navigator questions only for its users.
  std::array<std::vector<Advice>, kComponentCount> steps;
  std::vector<Advice> conduct;
  for (int i = 0; i < model.size(); ++i) {
    const auto ui = static_cast<std::size_t>(i);
    const Model::Q& q = model.questions[ui];
    const int from = current[ui];
    if (!visible[ui] || from < 0) continue;
    if (q.tier == Tier::SalesNavigator && !now.sales_navigator) continue;
    const int from_points = q.points[static_cast<std::size_t>(from)];
    int step = -1, step_gain = 0, best = -1, best_gain = 0;
    for (int o = 0; o < static_cast<int>(q.points.size()); ++o) {
      const int p = q.points[static_cast<std::size_t>(o)];
      if (o == from || !q.target[static_cast<std::size_t>(o)] || p <= from_points) continue;
      what_if[ui] = o;
      const Model::Eval e = model.evaluate(what_if);
      const int gain = e.unfloored_centi - now.unfloored_centi;
      if (gain <= 0 || e.sales_navigator != now.sales_navigator) continue;
      const bool better_step =
          step < 0 || (from_points < 0 ? (p >= 0 && (q.points[static_cast<std::size_t>(step)] < 0 ||
                                                     p < q.points[static_cast<std::size_t>(step)]))
                                       : p < q.points[static_cast<std::size_t>(step)]);
      if (better_step) {
        step = o;
        step_gain = gain;
      }
      if (gain > best_gain) {
        best = o;
        best_gain = gain;
      }
    }
    what_if[ui] = from;
    if (step < 0) continue;
    Advice a = make_advice(questionnaire, i, from, step, step_gain);
    if (best != step && best_gain > step_gain) {
      a.best_option = best;
      a.best_gain_centi = best_gain;
    }
    if (from_points < 0) {
      a.kind = AdviceKind::Conduct;
      conduct.push_back(std::move(a));
    } else {
      steps[static_cast<std::size_t>(a.component)].push_back(std::move(a));
    }
  }
  auto stronger = [](const Advice& a, const Advice& b) {
    return a.gain_centi != b.gain_centi ? a.gain_centi > b.gain_centi : a.question_index < b.question_index;
  };
  ssi::stable_sort(conduct.begin(), conduct.end(), stronger);
  for (auto& list : steps) ssi::stable_sort(list.begin(), list.end(), stronger);
  r.advice = conduct;
  std::vector<Advice> rest;
  for (const auto& list : steps) rest.insert(rest.end(), list.begin(), list.end());
  ssi::stable_sort(rest.begin(), rest.end(), stronger);
  r.advice.insert(r.advice.end(), rest.begin(), rest.end());

  // Plan: conduct first, then components from weakest to strongest (ties in LinkedIn's order): two
  // steps from the weakest, then one from each of the others, then round-robin until five.
  constexpr std::size_t kPlanMax = 5;
  for (const Advice& a : conduct)
    if (r.plan.size() < kPlanMax) r.plan.push_back(a);
  const std::size_t conduct_steps = r.plan.size();
  std::array<Component, kComponentCount> order = kComponents;
  ssi::stable_sort(order.begin(), order.end(), [&](Component a, Component b) {
    return now.centi[static_cast<std::size_t>(a)] < now.centi[static_cast<std::size_t>(b)];
  });
  std::array<std::size_t, kComponentCount> taken{};
  auto take = [&](Component c) {
    auto k = static_cast<std::size_t>(c);
    if (r.plan.size() >= kPlanMax || taken[k] >= steps[k].size()) return false;
    r.plan.push_back(steps[k][taken[k]++]);
    return true;
  };
  take(order[0]);
  take(order[0]);
  for (std::size_t k = 1; k < order.size(); ++k) take(order[k]);
  for (bool more = true; more && r.plan.size() < kPlanMax;) {
    more = false;
    for (Component c : order) more = take(c) || more;
  }
  // Present the steps after the conduct ones grouped by component, weakest first.
  ssi::stable_sort(r.plan.begin() + static_cast<std::ptrdiff_t>(conduct_steps), r.plan.end(),
                   [&](const Advice& a, const Advice& b) {
                     auto rank = [&](Component c) { return std::find(order.begin(), order.end(), c) - order.begin(); };
                     return rank(a.component) < rank(b.component);
                   });
  return r;
}

Calibration calibrate(const std::vector<std::pair<int, int>>& estimate_real) {
  Calibration c;
  const std::size_t n = estimate_real.size();
  const std::size_t first = n > kCalibrationPairs ? n - kCalibrationPairs : 0;
  for (std::size_t k = first; k < n; ++k) {
    c.within = std::max(c.within, std::abs(estimate_real[k].first - estimate_real[k].second));
    ++c.pairs;
  }
  return c;
}

Range calibrated_range(const Result& result, const Calibration& calibration) {
  if (!calibration.usable()) return result.range;
  Range range = result.range;
  const int cap = result.range.high > kComponentCount * kBaseMax || result.sales_navigator
                      ? kComponentCount * kComponentMax
                      : kComponentCount * kBaseMax;
  const int within_centi = calibration.within * kCenti;
  range.low =
      std::min(result.total, round_total(std::max(0, result.total_centi - range.skipped_down_centi - within_centi)));
  range.high =
      std::max(result.total, std::min(cap, round_total(result.total_centi + range.skipped_up_centi + within_centi)));
  return range;
}

}  // namespace ssi
