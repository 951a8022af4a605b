// The scoring model: bounds, monotonicity, personas, advice, ranges — on the shipped questionnaire.
#include <algorithm>
#include <numeric>

#include <nlohmann/json.hpp>

#include "support.h"

namespace ssi {
namespace {

using test::Rng;
using test::shipped;

using test::kNoAdvice;
using test::points_of;

Answers load_answers(const Questionnaire& q, std::string_view relative) {
  AnswersLoad load = answers_from_json(q, test::read_file(relative));
  for (const Problem& p : load.problems) ADD_FAILURE() << relative << ": " << p.code << " @ " << p.path;
  return load.answers.value_or(Answers{});
}

TEST(Scoring, BoundsHoldOverOneHundredThousandSampledAnswerSets) {
  const Questionnaire& q = shipped();
  Rng rng(20240601);
  int with_sn = 0, without_sn = 0;
  for (int n = 0; n < 100000; ++n) {
    const Answers a = test::random_answers(q, rng);
    const Result r = score(q, a, kNoAdvice);
    int sum = 0;
    for (std::size_t c = 0; c < kComponentCount; ++c) {
      ASSERT_GE(r.component_centi[c], 0);
      ASSERT_LE(r.component_centi[c], kComponentMax * 100);
      ASSERT_EQ(r.components[c], r.component_centi[c] / 100.0);
      if (!r.sales_navigator) {
        ASSERT_LE(r.component_centi[c], kBaseMax * 100) << "sample " << n;
      }
      sum += r.component_centi[c];
    }
    ASSERT_EQ(r.total_centi, sum);
    ASSERT_EQ(r.total, (sum + 50) / 100);  // the rounded sum, as LinkedIn shows it
    ASSERT_GE(r.total, 0);
    ASSERT_LE(r.total, r.sales_navigator ? 100 : 80);
    ASSERT_EQ(r.corridor, corridor_for(r.total));
    ASSERT_EQ(r.reach, r.total >= 50);
    ASSERT_LE(r.range.low, r.total);
    ASSERT_GE(r.range.high, r.total);
    ASSERT_GE(r.range.low, 0);
    ASSERT_LE(r.range.high, 100);
    ASSERT_LE(r.answered, r.visible);
    ASSERT_FALSE(r.weakest.empty());
    (r.sales_navigator ? with_sn : without_sn)++;
  }
  // Both sides of the Sales Navigator gate were exercised.
  EXPECT_GT(with_sn, 10000);
  EXPECT_GT(without_sn, 10000);
}

TEST(Scoring, MovingAnAnswerToMorePointsNeverLowersItsComponentOrTheTotal) {
  const Questionnaire& q = shipped();
  Rng rng(7);
  long checks = 0;
  for (int n = 0; n < 1500; ++n) {
    const Answers a = test::random_answers(q, rng);
    const Result before = score(q, a, kNoAdvice);
    for (const Question& question : q.questions) {
      auto it = a.find(question.id);
      if (it == a.end()) continue;
      for (int o = 0; o < static_cast<int>(question.options.size()); ++o) {
        if (points_of(question, o) <= points_of(question, it->second)) continue;
        Answers better = a;
        better[question.id] = o;
        const Result after = score(q, better, kNoAdvice);
        const auto c = static_cast<std::size_t>(question.component);
        ASSERT_GE(after.component_centi[c], before.component_centi[c]) << question.id << " -> " << o;
        ASSERT_GE(after.total_centi, before.total_centi) << question.id << " -> " << o;
        ++checks;
      }
    }
  }
  EXPECT_GT(checks, 50000);
}

TEST(Scoring, AllBestAnswersReachEightyWithoutAndOneHundredWithSalesNavigator) {
  const Questionnaire& q = shipped();
  Answers best;
  for (const Question& x : q.questions) {
    int o = 0;
    for (int k = 1; k < static_cast<int>(x.options.size()); ++k)
      if (points_of(x, k) > points_of(x, o)) o = k;
    best[x.id] = o;
  }
  Result with = score(q, best);
  EXPECT_TRUE(with.sales_navigator);
  EXPECT_EQ(with.total, 100);
  EXPECT_TRUE(with.advice.empty());
  best["sn_use"] = 0;
  Result without = score(q, best);
  EXPECT_FALSE(without.sales_navigator);
  EXPECT_EQ(without.total_centi, 8000);
  EXPECT_TRUE(without.at_cap) << "80 without Sales Navigator is the cap";
  EXPECT_EQ(without.corridor, Corridor::Active) << "the top corridor is above 80";
  EXPECT_FALSE(with.at_cap);
  EXPECT_EQ(with.corridor, Corridor::Top);
  for (int c : without.component_centi) EXPECT_EQ(c, 2000);
}

TEST(Scoring, ConductCostsItsPointsOffTheTotalWhateverElseIsAnswered) {
  const Questionnaire& q = shipped();
  Answers a = load_answers(q, "tests/core/personas/active_networker.json");
  const Result clean = score(q, a, kNoAdvice);
  const auto rel = static_cast<std::size_t>(Component::Relationships);
  a["rel_pitch"] = 2;  // pitches regularly: -10 points
  const Result pitching = score(q, a, kNoAdvice);
  EXPECT_EQ(pitching.total_centi, clean.total_centi - 1000);
  EXPECT_EQ(pitching.deduction_centi, 1000);
  ASSERT_EQ(pitching.deductions.size(), 1u);
  EXPECT_EQ(pitching.deductions[0].question, "rel_pitch");
  EXPECT_EQ(pitching.detail[rel].base, clean.detail[rel].base);  // deductions come after the curve
  EXPECT_EQ(pitching.detail[rel].penalty, 1000);
  a["rel_blocked"] = 2;
  a["rel_unanswered"] = 2;
  a["rel_connections"] = 0;
  a["rel_invitations"] = 0;
  a["rel_decision_makers"] = 0;
  const Result worst = score(q, a, kNoAdvice);
  // Relationships cannot hold 24 points of deductions: the rest is taken from the other components,
  // so the total still drops by all of them (no floor below the total's).
  EXPECT_EQ(worst.component_centi[rel], 0);
  EXPECT_EQ(worst.deduction_centi, 2400);
  EXPECT_EQ(worst.unfloored_centi, worst.total_centi);
  int positive = 0;
  for (std::size_t c = 0; c < kComponentCount; ++c) positive += worst.detail[c].base + worst.detail[c].sales_navigator;
  EXPECT_EQ(worst.total_centi, positive - 2400);
  EXPECT_GT(worst.detail[static_cast<std::size_t>(Component::Brand)].penalty, 0) << "spills to brand first";
}

TEST(Scoring, FollowsTheDocumentedFormulaOnTheMinimalFixture) {
  // Hand-computed from docs/scoring.md: curve [0,0] [50,60] [100,100]; each component's base questions
  // are worth 2 + 3 + 1 = 6 points.
  QuestionnaireLoad load = load_questionnaire(test::read_file("tests/core/fixtures/minimal.json"));
  ASSERT_TRUE(load.ok());
  const Questionnaire& q = *load.questionnaire;
  // 2 of 6 points = 33.3 %; curve gives 60 × 33.3 / 50 = 40 % of 20 = 8.00
  Result r = score(q, {{"b1", 1}});
  EXPECT_EQ(r.component_centi[0], 800);
  // 4 of 6 = 66.7 %; curve gives 60 + 40 × 16.7 / 50 = 73.33 % of 20 = 14.67 (rounded half up)
  r = score(q, {{"b1", 1}, {"b2", 1}, {"b3", 1}});
  EXPECT_EQ(r.component_centi[0], 1467);
  // Full relationships (20.00) minus a 3-point deduction: one point of the total per negative point
  r = score(q, {{"r1", 1}, {"r2", 2}, {"r3", 1}, {"r4", 1}});
  EXPECT_EQ(r.component_centi[3], 1700);
  EXPECT_EQ(r.detail[3].penalty, 300);
  // 6 points off 8.00 relationships points: 2.00 left
  r = score(q, {{"r1", 1}, {"r4", 2}});
  EXPECT_EQ(r.component_centi[3], 200);
  // 6 points off an empty relationships component: taken from brand (8.00) instead
  r = score(q, {{"b1", 1}, {"r4", 2}});
  EXPECT_EQ(r.component_centi[3], 0);
  EXPECT_EQ(r.component_centi[0], 200);
  EXPECT_EQ(r.detail[0].penalty, 600);
  EXPECT_EQ(r.total_centi, 200);
  // Nothing left to take from: the total's floor, the only one; the unfloored total keeps the truth
  r = score(q, {{"r4", 2}});
  EXPECT_EQ(r.total_centi, 0);
  EXPECT_EQ(r.unfloored_centi, -600);
  // Sales Navigator: 2 of 2 SN points in find = +5.00; sn_b = +5.00 on brand, only for users
  r = score(q, {{"sn", 2}, {"sn_b", 1}});
  EXPECT_TRUE(r.sales_navigator);
  EXPECT_EQ(r.component_centi[1], 500);
  EXPECT_EQ(r.component_centi[0], 500);
  r = score(q, {{"sn", 0}, {"sn_b", 1}});
  EXPECT_FALSE(r.sales_navigator);
  EXPECT_EQ(r.total_centi, 0);
  EXPECT_EQ(r.visible, 14);  // sn_b hidden
}

// Each persona file states what a trainer expects: corridor, the span the total must lie in, the weakest
// component(s) and the kind (and question) of the first advice.
TEST(Scoring, PersonasMeetTheirStatedExpectations) {
  const Questionnaire& q = shipped();
  const std::set<std::string> files = test::file_names("tests/core/personas");
  EXPECT_GE(files.size(), 8u);
  for (const std::string& file : files) {
    const std::string text = test::read_file("tests/core/personas/" + file);
    const Answers a = load_answers(q, "tests/core/personas/" + file);
    const auto expected = nlohmann::json::parse(text).at("expected");
    const Result r = score(q, a);
    EXPECT_EQ(r.answered, r.visible) << file << " must be a full answer set";
    EXPECT_EQ(corridor_key(r.corridor), expected.at("corridor").get<std::string>()) << file;
    EXPECT_GE(r.total, expected.at("total").at(0).get<int>()) << file;
    EXPECT_LE(r.total, expected.at("total").at(1).get<int>()) << file;
    std::vector<std::string> weakest;
    for (Component c : r.weakest) weakest.emplace_back(component_key(c));
    EXPECT_EQ(weakest, expected.at("weakest").get<std::vector<std::string>>()) << file;
    ASSERT_FALSE(r.advice.empty()) << file;
    EXPECT_EQ(advice_kind_key(r.advice.front().kind), expected.at("firstAdvice").at("kind").get<std::string>()) << file;
    EXPECT_EQ(r.advice.front().question, expected.at("firstAdvice").at("question").get<std::string>()) << file;
  }
}

TEST(Scoring, SalesNavigatorPersonaIsTheActiveNetworkerPlusSalesNavigator) {
  const Questionnaire& q = shipped();
  const Answers plain = load_answers(q, "tests/core/personas/active_networker.json");
  const Answers sn = load_answers(q, "tests/core/personas/active_networker_sales_navigator.json");
  for (const auto& [id, option] : plain)
    if (q.find(id)->tier == Tier::Base) {
      EXPECT_EQ(sn.at(id), option) << id;
    }
  EXPECT_EQ(sn.at("sn_use"), 3);  // daily
  const Result a = score(q, plain), b = score(q, sn);
  EXPECT_FALSE(a.sales_navigator);
  EXPECT_TRUE(b.sales_navigator);
  for (std::size_t c = 0; c < kComponentCount; ++c) {
    EXPECT_EQ(a.detail[c].base, b.detail[c].base);
    EXPECT_GT(b.component_centi[c], a.component_centi[c]) << "Sales Navigator unlocks every component";
  }
}

TEST(Advice, EveryGainEqualsTheRescoredDifference) {
  const Questionnaire& q = shipped();
  Rng rng(99);
  long checked = 0;
  for (int n = 0; n < 800; ++n) {
    const Answers a = test::random_answers(q, rng);
    const Result r = score(q, a);
    for (const auto* list : {&r.advice, &r.plan}) {
      for (const Advice& adv : *list) {
        const Question* x = q.find(adv.question);
        ASSERT_NE(x, nullptr);
        ASSERT_TRUE(is_visible(q, a, *x));
        ASSERT_EQ(a.at(adv.question), adv.from);
        ASSERT_NE(adv.option, adv.from);
        ASSERT_EQ(adv.component, x->component);
        ASSERT_EQ(adv.tip, x->options[static_cast<std::size_t>(adv.option)].tip);
        Answers changed = a;
        changed[adv.question] = adv.option;
        const int diff = score(q, changed, kNoAdvice).unfloored_centi - r.unfloored_centi;
        ASSERT_EQ(adv.gain_centi, diff) << adv.question;
        ASSERT_EQ(adv.gain, diff / 100.0);
        ASSERT_GT(adv.gain_centi, 0);
        if (adv.best_option >= 0) {
          changed[adv.question] = adv.best_option;
          ASSERT_EQ(adv.best_gain_centi, score(q, changed, kNoAdvice).unfloored_centi - r.unfloored_centi);
          ASSERT_GT(adv.best_gain_centi, adv.gain_centi);
        }
        ++checked;
      }
    }
    // Conduct first, each group strongest first; "up to" names the answer that gains most.
    for (std::size_t k = 1; k < r.advice.size(); ++k) {
      const Advice &x = r.advice[k - 1], &y = r.advice[k];
      ASSERT_TRUE(x.kind == AdviceKind::Conduct || y.kind == AdviceKind::Step);
      if (x.kind == y.kind) {
        ASSERT_GE(x.gain_centi, y.gain_centi);
      }
    }
    for (const Advice& adv : r.advice) {
      const Question* x = q.find(adv.question);
      const int most = std::max(adv.gain_centi, adv.best_gain_centi);
      for (int o = 0; o < static_cast<int>(x->options.size()); ++o) {
        Answers changed = a;
        changed[adv.question] = o;
        ASSERT_LE(score(q, changed, kNoAdvice).unfloored_centi - r.unfloored_centi, most);
      }
    }
  }
  EXPECT_GT(checked, 5000);
}

TEST(Advice, PlanHasThreeToFiveOfTheSameStepsConductFirstThenTheWeakestComponent) {
  const Questionnaire& q = shipped();
  Rng rng(4242);
  int plans = 0;
  for (int n = 0; n < 600; ++n) {
    const Answers a = test::random_answers(q, rng);
    const Result r = score(q, a);
    ASSERT_EQ(r.plan.size(), std::min<std::size_t>(r.advice.size(), 5));
    for (const Advice& step : r.plan)
      ASSERT_TRUE(std::any_of(r.advice.begin(), r.advice.end(), [&](const Advice& x) {
        return x.question == step.question && x.option == step.option && x.gain_centi == step.gain_centi &&
               x.tip == step.tip;
      })) << "the plan uses the advice's steps";
    if (r.advice.size() < 3) continue;
    ++plans;
    if (r.advice.front().kind == AdviceKind::Conduct) {
      ASSERT_EQ(r.plan.front().kind, AdviceKind::Conduct);
      continue;
    }
    // Without conduct, the first step belongs to the weakest component that has any step at all.
    std::array<Component, kComponentCount> order = kComponents;
    std::stable_sort(order.begin(), order.end(), [&](Component x, Component y) {
      return r.component_centi[static_cast<std::size_t>(x)] < r.component_centi[static_cast<std::size_t>(y)];
    });
    for (Component c : order) {
      if (std::none_of(r.advice.begin(), r.advice.end(), [&](const Advice& x) { return x.component == c; })) continue;
      ASSERT_EQ(r.plan.front().component, c);
      break;
    }
  }
  EXPECT_GT(plans, 300);
}

TEST(Range, WidensWithEveryUnansweredQuestionAndContainsTheTotal) {
  const Questionnaire& q = shipped();
  Answers a = load_answers(q, "tests/core/personas/occasional_poster.json");
  Result r = score(q, a, kNoAdvice);
  EXPECT_EQ(r.range.skipped_down_centi + r.range.skipped_up_centi, 0) << "all answered";
  EXPECT_GT(r.range.high - r.range.low, 2 * q.scoring.range_margin) << "band answers widen it beyond the margin";
  std::vector<std::string> ids;
  for (const auto& [id, option] : a) ids.push_back(id);
  Rng rng(3);
  for (std::size_t k = ids.size(); k > 1; --k)
    std::swap(ids[k - 1], ids[static_cast<std::size_t>(rng.below(static_cast<int>(k)))]);
  int width = r.range.high - r.range.low;
  for (const std::string& id : ids) {
    a.erase(id);
    r = score(q, a, kNoAdvice);
    EXPECT_GE(r.range.high - r.range.low, width) << "after removing " << id;
    EXPECT_LE(r.range.low, r.total);
    EXPECT_GE(r.range.high, r.total);
    width = r.range.high - r.range.low;
  }
  EXPECT_EQ(r.range.low, 0);
  EXPECT_EQ(r.range.high, 100);
  EXPECT_EQ(r.total, 0);
  EXPECT_EQ(r.answered, 0);
}

TEST(Visibility, ConditionsShowFollowUpQuestionsOnlyWhenTheyApply) {
  const Questionnaire& q = shipped();
  const Question& replies = *q.find("engage_post_replies");
  const Question& search = *q.find("sn_search");
  EXPECT_FALSE(is_visible(q, {}, replies));
  EXPECT_FALSE(is_visible(q, {{"engage_posts", 0}}, replies));
  EXPECT_TRUE(is_visible(q, {{"engage_posts", 1}}, replies));
  EXPECT_FALSE(is_visible(q, {{"sn_use", 0}}, search));
  EXPECT_TRUE(is_visible(q, {{"sn_use", 3}}, search));
  EXPECT_FALSE(uses_sales_navigator(q, {{"sn_use", 0}}));
  EXPECT_TRUE(uses_sales_navigator(q, {{"sn_use", 1}}));
  // Answers to hidden questions are kept but do not count.
  Answers a = {{"sn_use", 0}, {"sn_search", 2}, {"sn_saved_leads", 3}};
  EXPECT_EQ(score(q, a).total_centi, 0);
}

TEST(Robustness, HandBuiltQuestionnairesNeverCrashScoring) {
  Questionnaire empty;
  Result r = score(empty, {{"x", 3}});
  EXPECT_EQ(r.total, 0);
  EXPECT_EQ(r.visible, 0);

  Questionnaire odd;
  Question a;
  a.id = "a";
  a.options = {{.label = {"x", "x"}, .points = 5, .tip = {}}, {.label = {"y", "y"}, .points = -500, .tip = {}}};
  a.show_if = Condition{"b", {0, 99, -4}};  // forward reference: never shown
  Question b;
  b.id = "b";
  b.component = static_cast<Component>(7);  // out of range
  b.options = {{.label = {"x", "x"}, .points = 1, .tip = {}}};
  b.show_if = Condition{"b", {0}};  // self reference
  Question c;
  c.id = "c";
  odd.questions = {a, b, c};
  odd.scoring.curve = {{50, 10}};  // invalid: treated as a straight line
  odd.scoring.sales_navigator = Condition{"zzz", {1}};
  r = score(odd, {{"a", 0}, {"b", 0}, {"c", 0}, {"a", -1}});
  EXPECT_EQ(r.total, 0);
  EXPECT_FALSE(is_visible(odd, {}, odd.questions[0]));
  EXPECT_FALSE(is_visible(odd, {}, odd.questions[1]));
  EXPECT_TRUE(is_visible(odd, {}, odd.questions[2]));
  Question stranger;
  EXPECT_FALSE(is_visible(odd, {}, stranger));
}

}  // namespace
}  // namespace ssi
