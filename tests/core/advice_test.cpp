// Advice a trainer would sign (issue 14): each card prices exactly the step it names, conduct comes first
// and always costs what the docs say, Sales Navigator is never pushed on non-users, the range is derived
// from the answers and from the person's own history.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/codes.h"
#include "core/store.h"
#include "core/workshop.h"
#include "support.h"

namespace ssi {
namespace {

using test::Rng;
using test::shipped;

using test::kNoAdvice;
using test::points_of;

// Best (or worst) answer to every question; Sales Navigator questions included.
Answers extreme(const Questionnaire& q, bool best) {
  Answers a;
  for (const Question& x : q.questions) {
    int o = 0;
    for (int k = 1; k < static_cast<int>(x.options.size()); ++k)
      if (best ? points_of(x, k) > points_of(x, o) : points_of(x, k) < points_of(x, o)) o = k;
    a[x.id] = o;
  }
  return a;
}

int zero_option(const Question& x) {
  for (int o = 0; o < static_cast<int>(x.options.size()); ++o)
    if (points_of(x, o) == 0) return o;
  return -1;
}

const Advice* advice_for(const Result& r, std::string_view question) {
  for (const Advice& a : r.advice)
    if (a.question == question) return &a;
  return nullptr;
}

TEST(Conduct, RemovingEachPenaltyGainsItsDocumentedPointsOnACleanAndOnAWorstCaseProfile) {
  const Questionnaire& q = shipped();
  int factors = 0;
  for (const Question& x : q.questions) {
    for (int bad = 0; bad < static_cast<int>(x.options.size()); ++bad) {
      if (points_of(x, bad) >= 0) continue;
      ++factors;
      const int documented = -points_of(x, bad) * 100;  // docs/scoring.md: one point of the total per negative point
      for (bool clean : {true, false}) {
        Answers a = extreme(q, clean);
        a[x.id] = bad;
        const Result with = score(q, a, kNoAdvice);
        a[x.id] = zero_option(x);
        const Result without = score(q, a, kNoAdvice);
        EXPECT_EQ(without.unfloored_centi - with.unfloored_centi, documented)
            << x.id << " = " << bad << (clean ? " on the clean profile" : " on the worst case");
        EXPECT_EQ(with.deduction_centi - without.deduction_centi, documented) << x.id;
        if (clean) {
          EXPECT_EQ(without.total_centi - with.total_centi, documented) << x.id << ": shown as such";
        }
      }
    }
  }
  EXPECT_GE(factors, 7) << "unanswered, pitch, blocked, invitations without a note";
}

// docs/scoring.md: total = max(0, positive parts − deductions), the floor applied once; components add up to it.
TEST(Conduct, TheTotalIsThePositivePartsMinusEveryDeductionFlooredOnce) {
  const Questionnaire& q = shipped();
  Rng rng(1414);
  int spilled = 0;
  for (int n = 0; n < 5000; ++n) {
    Answers a = test::random_answers(q, rng);
    if (n % 2 == 0)  // half of them with heavy conduct, so deductions spill past relationships
      for (const char* id : {"rel_pitch", "rel_blocked", "rel_unanswered"}) a[id] = 2;
    const Result r = score(q, a, kNoAdvice);
    int positive = 0, taken = 0, sum = 0;
    for (std::size_t c = 0; c < kComponentCount; ++c) {
      positive += std::min(r.detail[c].base + r.detail[c].sales_navigator, kComponentMax * 100);
      taken += r.detail[c].penalty;
      sum += r.component_centi[c];
      ASSERT_GE(r.component_centi[c], 0);
    }
    int deducted = 0;
    for (const Deduction& d : r.deductions) deducted += d.centi;
    ASSERT_EQ(deducted, r.deduction_centi);
    ASSERT_EQ(r.unfloored_centi, positive - r.deduction_centi);
    ASSERT_EQ(r.total_centi, std::max(0, r.unfloored_centi));
    ASSERT_EQ(sum, r.total_centi);
    ASSERT_EQ(taken, std::min(positive, r.deduction_centi));
    if (r.detail[static_cast<std::size_t>(Component::Engage)].penalty > 0) ++spilled;
  }
  EXPECT_GT(spilled, 100) << "deductions beyond relationships and brand were exercised";
}

TEST(Conduct, EveryActiveNegativeFactorIsInTheTopThreeWithTheArticlesReason) {
  const Questionnaire& q = shipped();
  Rng rng(14);
  int checked = 0;
  for (int n = 0; n < 3000; ++n) {
    const Answers a = test::random_answers(q, rng);
    const Result r = score(q, a);
    if (r.deductions.empty() || r.deductions.size() > 3) continue;
    for (const Deduction& d : r.deductions) {
      const auto top =
          std::find_if(r.advice.begin(), r.advice.begin() + std::min<std::ptrdiff_t>(3, std::ssize(r.advice)),
                       [&](const Advice& x) { return x.question == d.question; });
      ASSERT_NE(top, r.advice.begin() + std::min<std::ptrdiff_t>(3, std::ssize(r.advice))) << d.question;
      EXPECT_EQ(top->kind, AdviceKind::Conduct);
      EXPECT_NE(top->tip.de.find("Quellartikel"), std::string::npos) << d.question;
      EXPECT_NE(top->tip.en.find("source article"), std::string::npos) << d.question;
      ++checked;
    }
  }
  EXPECT_GT(checked, 1000);
}

TEST(Conduct, StaysFirstWhenAdviceIsReRankedByARealSsi) {
  const Questionnaire& q = shipped();
  const Answers a =
      answers_from_json(q, test::read_file("tests/core/personas/occasional_poster.json")).answers.value_or(Answers{});
  const Result r = score(q, a);
  store::RealEntry real;
  real.component_centi = {300, 1000, 1000, 2000};  // brand really weakest, relationships strongest
  const std::vector<Advice> reranked = store::rerank_advice(r.advice, real);
  ASSERT_EQ(reranked.size(), r.advice.size());
  EXPECT_EQ(reranked[0].kind, AdviceKind::Conduct);
  EXPECT_EQ(reranked[1].kind, AdviceKind::Conduct);
  EXPECT_EQ(reranked[2].component, Component::Brand);
}

TEST(Conduct, TheMassInviterIsToldToStopPitchingFirst) {
  const Questionnaire& q = shipped();
  const Answers a =
      answers_from_json(q, test::read_file("tests/core/personas/mass_inviter.json")).answers.value_or(Answers{});
  const Result r = score(q, a);
  ASSERT_GE(r.advice.size(), 4u);
  EXPECT_EQ(r.advice[0].question, "rel_pitch");
  EXPECT_EQ(r.advice[0].gain_centi, 1000);
  for (int k = 0; k < 4; ++k) EXPECT_EQ(r.advice[static_cast<std::size_t>(k)].kind, AdviceKind::Conduct) << k;
  EXPECT_EQ(r.plan.front().question, "rel_pitch");
}

// For every question and every answer a step can start from, the card's text is the target answer's own
// tip, the target is one step up (or, for a harmful habit, the first answer without a deduction), and
// "up to" names the answer that gains most.
TEST(Pairing, EveryStepOfEveryQuestionIsDescribedByItsTargetsOwnTip) {
  const Questionnaire& q = shipped();
  int steps = 0;
  std::set<std::pair<std::string, int>> reached;
  for (const Question& x : q.questions) {
    // Tips are the target's own and differ within a question, so one text cannot stand for two steps.
    std::set<std::string> texts;
    for (const Option& o : x.options)
      if (o.has_tip()) {
        EXPECT_FALSE(o.tip.en.empty()) << x.id;
        EXPECT_TRUE(texts.insert(o.tip.de).second) << x.id << ": the same text for two steps";
      }
    for (int from = 0; from < static_cast<int>(x.options.size()); ++from) {
      for (bool mid : {false, true}) {
        Answers a = extreme(q, !mid);
        if (mid) {  // a middling profile: every other answer at its lowest non-negative option
          for (const Question& y : q.questions) a[y.id] = std::max(0, zero_option(y));
        }
        a[x.id] = from;
        if (!is_visible(q, a, x)) continue;
        const Result r = score(q, a);
        const Advice* adv = advice_for(r, x.id);
        bool better_exists = false;
        for (int o = 0; o < static_cast<int>(x.options.size()); ++o) {
          Answers c = a;
          c[x.id] = o;
          const Result s = score(q, c, kNoAdvice);
          if (x.options[static_cast<std::size_t>(o)].has_tip() && s.unfloored_centi > r.unfloored_centi &&
              s.sales_navigator == r.sales_navigator && (x.tier == Tier::Base || r.sales_navigator))
            better_exists = true;
        }
        ASSERT_EQ(adv != nullptr, better_exists) << x.id << " from " << from;
        if (!adv) continue;
        ++steps;
        reached.insert({x.id, adv->option});
        const Option& target = x.options[static_cast<std::size_t>(adv->option)];
        ASSERT_TRUE(target.has_tip()) << x.id << " -> " << adv->option;
        EXPECT_EQ(adv->tip, target.tip) << x.id << " -> " << adv->option;
        EXPECT_GT(target.points, points_of(x, from));
        if (points_of(x, from) < 0) {
          EXPECT_GE(target.points, 0) << x.id << ": a harmful habit is dropped, not reduced";
          EXPECT_EQ(adv->kind, AdviceKind::Conduct);
        } else {
          for (int o = 0; o < static_cast<int>(x.options.size()); ++o) {
            if (x.options[static_cast<std::size_t>(o)].has_tip() && points_of(x, o) > points_of(x, from)) {
              EXPECT_LE(target.points, points_of(x, o)) << x.id << ": " << adv->option << " is not the next step";
            }
          }
        }
        if (adv->best_option >= 0) {
          EXPECT_TRUE(x.options[static_cast<std::size_t>(adv->best_option)].has_tip());
          EXPECT_GT(adv->best_gain_centi, adv->gain_centi);
        }
      }
    }
  }
  EXPECT_GT(steps, 150);
  // Every option with a tip is a step for someone, and every answer that can gain has a tip.
  for (const Question& x : q.questions) {
    for (int o = 0; o < static_cast<int>(x.options.size()); ++o) {
      if (x.options[static_cast<std::size_t>(o)].has_tip()) {
        EXPECT_TRUE(reached.count({x.id, o})) << x.id << " option " << o << " has a tip no step uses";
      }
    }
  }
}

TEST(SalesNavigator, NoRankedAdviceForNonUsersAcrossTenThousandAnswerSets) {
  const Questionnaire& q = shipped();
  Rng rng(2014);
  int non_users = 0, users = 0;
  for (int n = 0; n < 10000; ++n) {
    const Answers a = test::random_answers(q, rng);
    const Result r = score(q, a);
    if (r.sales_navigator) {
      ++users;
      ASSERT_FALSE(r.sales_navigator_info);
      continue;
    }
    ++non_users;
    ASSERT_TRUE(r.sales_navigator_info) << "one neutral card instead";
    for (const auto* list : {&r.advice, &r.plan})
      for (const Advice& adv : *list) ASSERT_EQ(q.find(adv.question)->tier, Tier::Base) << adv.question;
  }
  EXPECT_GT(non_users, 1500);
  EXPECT_GT(users, 1500);
}

TEST(SalesNavigator, UsersGetRankedStepsOnIt) {
  const Questionnaire& q = shipped();
  Answers a = extreme(q, true);
  a["sn_use"] = 2;
  a["sn_search"] = 0;
  const Result r = score(q, a);
  EXPECT_NE(advice_for(r, "sn_use"), nullptr);
  EXPECT_NE(advice_for(r, "sn_search"), nullptr);
}

TEST(Range, WidthFollowsSkippedQuestionsAndBandAnswers) {
  const Questionnaire& shipped_q = shipped();
  const Answers a = answers_from_json(shipped_q, test::read_file("tests/core/personas/occasional_poster.json"))
                        .answers.value_or(Answers{});
  const Result full = score(shipped_q, a, kNoAdvice);
  EXPECT_EQ(full.range.skipped_down_centi, 0);
  EXPECT_GT(full.range.bands_down_centi + full.range.bands_up_centi, 0);
  // Skipping widens.
  Answers skipped = a;
  skipped.erase("engage_posts");
  const Result s = score(shipped_q, skipped, kNoAdvice);
  EXPECT_GT(s.range.high - s.range.low, full.range.high - full.range.low);
  // The same answers, one question asked as exact choices instead of bands: narrower.
  Questionnaire exact = shipped_q;
  int changed = 0;
  for (Question& x : exact.questions)
    if (x.component == Component::Engage && (x.type == QuestionType::Frequency || x.type == QuestionType::Range)) {
      x.type = QuestionType::Single;
      ++changed;
    }
  ASSERT_GT(changed, 0);
  const Result e = score(exact, a, kNoAdvice);
  EXPECT_EQ(e.total_centi, full.total_centi);
  EXPECT_LT(e.range.bands_down_centi + e.range.bands_up_centi, full.range.bands_down_centi + full.range.bands_up_centi);
  EXPECT_LE(e.range.high - e.range.low, full.range.high - full.range.low);
  // Two profiles with different answers get different widths: the width is not a constant.
  std::set<int> widths;
  for (const char* persona : {"dormant", "occasional_poster", "active_networker", "thought_leader", "brand_new"}) {
    const Answers p =
        answers_from_json(shipped_q, test::read_file(std::string("tests/core/personas/") + persona + ".json"))
            .answers.value_or(Answers{});
    const Result r = score(shipped_q, p, kNoAdvice);
    widths.insert(r.range.high - r.range.low);
  }
  EXPECT_GT(widths.size(), 1u);
}

TEST(Calibration, UsesTheLastThreePairsAndReplacesTheModelsWidth) {
  EXPECT_FALSE(calibrate({}).usable());
  EXPECT_FALSE(calibrate({{50, 47}}).usable());
  Calibration c = calibrate({{60, 40}, {50, 47}, {52, 54}, {55, 56}});
  EXPECT_TRUE(c.usable());
  EXPECT_EQ(c.pairs, 3);
  EXPECT_EQ(c.within, 3) << "the 20-point miss is older than the last three";
  const Questionnaire& q = shipped();
  const Answers a =
      answers_from_json(q, test::read_file("tests/core/personas/active_networker.json")).answers.value_or(Answers{});
  const Result r = score(q, a, kNoAdvice);
  Range cr = calibrated_range(r, c);
  EXPECT_EQ(cr.low, round_total(r.total_centi - 300));
  EXPECT_EQ(cr.high, std::min(80, round_total(r.total_centi + 300)));
  EXPECT_EQ(calibrated_range(r, calibrate({{50, 50}, {60, 60}})).high -
                calibrated_range(r, calibrate({{50, 50}, {60, 60}})).low,
            0)
      << "a person whose estimates matched exactly gets a point range";
  EXPECT_EQ(calibrated_range(r, calibrate({{50, 50}})).low, r.range.low) << "one pair is not enough";
  // Skipped questions still widen a calibrated range.
  Answers skipped = a;
  for (const char* id : {"engage_posts", "find_search", "brand_about"}) skipped.erase(id);
  const Result s = score(q, skipped, kNoAdvice);
  cr = calibrated_range(s, c);
  EXPECT_EQ(cr.low, round_total(s.total_centi - 300)) << "a skipped question counts at its lowest already";
  EXPECT_GT(cr.high, round_total(s.total_centi + 300));
}

// countsIf follows the same rules as showIf; tips per answer need both languages; without them the question's tip is
// used.
TEST(Loader, CountsIfAndTipsPerAnswerAreChecked) {
  const nlohmann::json shipped_json = nlohmann::json::parse(assets::get("content/questionnaire.json"));
  auto index_of = [&](const nlohmann::json& j, std::string_view id) {
    for (std::size_t i = 0; i < j["questions"].size(); ++i)
      if (j["questions"][i]["id"] == id) return i;
    return std::size_t{0};
  };
  auto codes = [](const nlohmann::json& j) {
    std::vector<std::string> out;
    for (const Problem& p : load_questionnaire(j.dump()).problems) out.push_back(p.code + " @ " + p.path);
    return out;
  };
  const std::size_t inv = index_of(shipped_json, "rel_invitations");
  const std::string at = "questions[" + std::to_string(inv) + "]";
  nlohmann::json j = shipped_json;
  j["questions"][inv]["countsIf"]["question"] = "rel_follow_up";  // a later question
  EXPECT_EQ(codes(j),
            std::vector<std::string>{std::string(code::kConditionNotEarlier) + " @ " + at + ".countsIf.question"});
  j = shipped_json;
  j["questions"][inv]["countsIf"]["anyOf"] = {3};  // answer 4 scores more but would not count
  EXPECT_EQ(codes(j),
            std::vector<std::string>{std::string(code::kConditionNotMonotone) + " @ " + at + ".countsIf.anyOf"});
  j = shipped_json;
  j["questions"][inv]["options"][1]["tip"].erase("en");
  EXPECT_EQ(codes(j),
            std::vector<std::string>{std::string(code::kMissingTranslation) + " @ " + at + ".options[1].tip.en"});
  // Without tips per answer, advice falls back to the question's tip.
  j = shipped_json;
  for (auto& x : j["questions"])
    for (auto& o : x["options"]) o.erase("tip");
  const QuestionnaireLoad plain = load_questionnaire(j.dump());
  ASSERT_TRUE(plain.ok());
  const Result r = score(*plain.questionnaire, {{"engage_posts", 1}});
  const Advice* adv = advice_for(r, "engage_posts");
  ASSERT_NE(adv, nullptr);
  EXPECT_EQ(adv->option, 2);
  EXPECT_EQ(adv->tip, plain.questionnaire->find("engage_posts")->tip);
}

TEST(Corridor, EightyIsTheCapWithoutSalesNavigatorNotTheTopCorridor) {
  EXPECT_EQ(corridor_for(79), Corridor::Active);
  EXPECT_EQ(corridor_for(80), Corridor::Active);
  EXPECT_EQ(corridor_for(81), Corridor::Top);
  // Hand-overs written by questionnaire 1.0.0 called 80 "top"; they are still read.
  const std::string old = R"({"type": "ssi-selfcheck/handover", "schemaVersion": 1, "appVersion": "1.0.0",)"
                          R"( "questionnaire": {"id": "ssi-selfcheck", "version": "1.0.0"}, "nickname": "",)"
                          R"( "components": {"brand": 20.00, "find": 20.00, "engage": 20.00, "relationships": 20.00},)"
                          R"( "total": 80, "corridor": "top"})";
  const workshop::HandoverLoad load = workshop::read_handover(old);
  ASSERT_TRUE(load.problems.empty()) << load.problems.front().code;
  EXPECT_EQ(load.handover->corridor, Corridor::Active);
}

}  // namespace
}  // namespace ssi
