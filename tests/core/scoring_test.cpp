// The scoring model: bounds, monotonicity, personas, advice, ranges — on the shipped questionnaire.
#include <algorithm>
#include <numeric>

#include "support.h"

namespace ssi {
namespace {

using test::Rng;
using test::shipped;

constexpr ScoreOptions kNoAdvice{.advice = false};

int points_of(const Question& q, int option) { return q.options[static_cast<std::size_t>(option)].points; }

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
    for (int c : without.component_centi) EXPECT_EQ(c, 2000);
}

TEST(Scoring, NegativeFactorsSubtractButNeverBelowZero) {
    const Questionnaire& q = shipped();
    Answers a = load_answers(q, "tests/core/personas/active_networker.json");
    const Result clean = score(q, a, kNoAdvice);
    const auto rel = static_cast<std::size_t>(Component::Relationships);
    a["rel_pitch"] = 2;  // pitches regularly
    const Result pitching = score(q, a, kNoAdvice);
    EXPECT_LT(pitching.component_centi[rel], clean.component_centi[rel] - 500) << "pitching must cost hard";
    EXPECT_EQ(pitching.detail[rel].base, clean.detail[rel].base);  // deductions come after the curve
    a["rel_blocked"] = 2;
    a["rel_unanswered"] = 2;
    a["rel_connections"] = 0;
    a["rel_invitations"] = 0;
    a["rel_decision_makers"] = 0;
    const Result worst = score(q, a, kNoAdvice);
    EXPECT_GT(worst.detail[rel].penalty, worst.detail[rel].base);
    EXPECT_EQ(worst.component_centi[rel], 0);
    for (std::size_t c = 0; c < kComponentCount; ++c)
        if (c != rel) {
            EXPECT_EQ(worst.component_centi[c], clean.component_centi[c]);
        }
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
    // Full relationships (20.00) minus a 3-point deduction: 3 / 6 × 20 = 10.00
    r = score(q, {{"r1", 1}, {"r2", 2}, {"r3", 1}, {"r4", 1}});
    EXPECT_EQ(r.component_centi[3], 1000);
    EXPECT_EQ(r.detail[3].penalty, 1000);
    // A 6-point deduction on 8.00 points: clamped at 0, not negative
    r = score(q, {{"r1", 1}, {"r4", 2}});
    EXPECT_EQ(r.component_centi[3], 0);
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

struct Persona {
    const char* file;
    int low, high;  // total in [low, high)
    Corridor corridor;
};

TEST(Scoring, DocumentedPersonasLandInTheirCorridors) {
    const Questionnaire& q = shipped();
    const Persona personas[] = {
        {"passive_half_profile", 0, 30, Corridor::Inactive},
        {"occasional_poster", 30, 50, Corridor::Occasional},
        {"active_networker", 50, 80, Corridor::Active},
        {"active_networker_sales_navigator", 80, 101, Corridor::Top},
    };
    for (const Persona& p : personas) {
        const Answers a = load_answers(q, std::string("tests/core/personas/") + p.file + ".json");
        const Result r = score(q, a);
        EXPECT_GE(r.total, p.low) << p.file;
        EXPECT_LT(r.total, p.high) << p.file;
        EXPECT_EQ(r.corridor, p.corridor) << p.file;
        EXPECT_EQ(r.answered, r.visible) << p.file << " must be a full answer set";
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
                ASSERT_EQ(adv.tip, x->tip);
                Answers changed = a;
                changed[adv.question] = adv.option;
                const int diff = score(q, changed, kNoAdvice).total_centi - r.total_centi;
                ASSERT_EQ(adv.gain_centi, diff) << adv.question;
                ASSERT_EQ(adv.gain, diff / 100.0);
                ASSERT_GT(adv.gain_centi, 0);
                ++checked;
            }
        }
        // Strongest first, and each listed option is the best one for its question.
        for (std::size_t k = 1; k < r.advice.size(); ++k) ASSERT_GE(r.advice[k - 1].gain_centi, r.advice[k].gain_centi);
        for (const Advice& adv : r.advice) {
            const Question* x = q.find(adv.question);
            for (int o = 0; o < static_cast<int>(x->options.size()); ++o) {
                Answers changed = a;
                changed[adv.question] = o;
                ASSERT_LE(score(q, changed, kNoAdvice).total_centi - r.total_centi, adv.gain_centi);
            }
        }
    }
    EXPECT_GT(checked, 5000);
}

TEST(Advice, PlanHasThreeToFiveStepsStartingWithTheWeakestComponent) {
    const Questionnaire& q = shipped();
    Rng rng(4242);
    int plans = 0;
    for (int n = 0; n < 600; ++n) {
        const Answers a = test::random_answers(q, rng);
        const Result r = score(q, a);
        const std::string& gate = q.scoring.sales_navigator->question;
        const auto candidates = std::count_if(r.advice.begin(), r.advice.end(), [&](const Advice& x) {
            return r.sales_navigator || x.question != gate;
        });
        ASSERT_EQ(static_cast<long>(r.plan.size()), std::min<long>(candidates, 5));
        if (candidates < 3) continue;
        ++plans;
        // The first step belongs to the weakest component that has any step at all.
        std::array<Component, kComponentCount> order = kComponents;
        std::stable_sort(order.begin(), order.end(), [&](Component x, Component y) {
            return r.component_centi[static_cast<std::size_t>(x)] < r.component_centi[static_cast<std::size_t>(y)];
        });
        for (Component c : order) {
            bool has = std::any_of(r.advice.begin(), r.advice.end(), [&](const Advice& x) {
                return x.component == c && (r.sales_navigator || x.question != gate);
            });
            if (!has) continue;
            ASSERT_EQ(r.plan.front().component, c);
            break;
        }
        // The plan never asks a non-user to buy Sales Navigator.
        if (!r.sales_navigator) {
            for (const Advice& step : r.plan) ASSERT_NE(step.question, gate);
        }
    }
    EXPECT_GT(plans, 300);
}

TEST(Range, WidensWithEveryUnansweredQuestionAndContainsTheTotal) {
    const Questionnaire& q = shipped();
    Answers a = load_answers(q, "tests/core/personas/occasional_poster.json");
    Result r = score(q, a, kNoAdvice);
    EXPECT_EQ(r.range.high - r.range.low, 2 * q.scoring.range_margin) << "all answered: only the model's margin";
    std::vector<std::string> ids;
    for (const auto& [id, option] : a) ids.push_back(id);
    Rng rng(3);
    for (std::size_t k = ids.size(); k > 1; --k) std::swap(ids[k - 1], ids[static_cast<std::size_t>(rng.below(static_cast<int>(k)))]);
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
    a.options = {{{"x", "x"}, 5}, {{"y", "y"}, -500}};
    a.show_if = Condition{"b", {0, 99, -4}};  // forward reference: never shown
    Question b;
    b.id = "b";
    b.component = static_cast<Component>(7);  // out of range
    b.options = {{{"x", "x"}, 1}};
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
