// The app-state model without any UI: the flow a participant goes through.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "harness.h"

namespace ssi::test {
namespace {

int best_option(const Question& q) {
  int best = 0;
  for (int i = 1; i < static_cast<int>(q.options.size()); ++i)
    if (q.options[i].points > q.options[best].points) best = i;
  return best;
}

TEST(Model, CompletesTheQuestionnaireInOrder) {
  Harness h;
  ASSERT_TRUE(h.ok) << h.error;
  app::Model& m = h.model();
  m.start_questionnaire();
  EXPECT_EQ(m.screen(), app::Screen::Questionnaire);
  ASSERT_NE(m.current_question(), nullptr);
  EXPECT_EQ(m.current_index(), 0);
  int steps = 0;
  do {
    const Question* q = m.current_question();
    ASSERT_NE(q, nullptr);
    ASSERT_TRUE(m.answer(q->id, best_option(*q)));
    ++steps;
    ASSERT_LT(steps, 200);
  } while (m.next());
  EXPECT_EQ(steps, m.visible_count());
  EXPECT_EQ(m.result().answered, m.result().visible);
  EXPECT_EQ(m.result().total, score(m.questionnaire(), m.answers()).total);
  EXPECT_GE(m.result().total, 80) << "the best answers everywhere, with Sales Navigator, reach the top corridor";
}

TEST(Model, BackReturnsToThePreviousQuestionAndKeepsTheAnswer) {
  Harness h;
  ASSERT_TRUE(h.ok) << h.error;
  app::Model& m = h.model();
  m.start_questionnaire();
  const std::string first = m.current_question()->id;
  ASSERT_TRUE(m.answer(first, 1));
  ASSERT_TRUE(m.next());
  EXPECT_NE(m.current_question()->id, first);
  ASSERT_TRUE(m.back());
  EXPECT_EQ(m.current_question()->id, first);
  EXPECT_EQ(m.answers().at(first), 1);
  EXPECT_FALSE(m.back());
}

TEST(Model, RejectsUnknownIdsAndOptions) {
  Harness h;
  ASSERT_TRUE(h.ok) << h.error;
  app::Model& m = h.model();
  const auto before = m.revision();
  EXPECT_FALSE(m.answer("no_such_question", 0));
  const Question& q = m.questionnaire().questions.front();
  EXPECT_FALSE(m.answer(q.id, -1));
  EXPECT_FALSE(m.answer(q.id, static_cast<int>(q.options.size())));
  EXPECT_EQ(m.revision(), before);
  EXPECT_TRUE(m.answers().empty());
}

TEST(Model, WhatIfEditsCanBeDiscardedOrKept) {
  Harness h;
  ASSERT_TRUE(h.ok) << h.error;
  app::Model& m = h.model();
  const Question& q = m.questionnaire().questions.front();
  ASSERT_TRUE(m.answer(q.id, 0));
  const int saved_total_centi = m.result().total_centi;
  m.show(app::Screen::Results);
  m.begin_what_if();
  ASSERT_TRUE(m.answer(q.id, best_option(q)));
  EXPECT_NE(m.result().total_centi, saved_total_centi);
  EXPECT_EQ(m.saved_result().total_centi, saved_total_centi);
  m.discard_what_if();
  EXPECT_EQ(m.result().total_centi, saved_total_centi);
  EXPECT_EQ(m.answers().at(q.id), 0);

  m.begin_what_if();
  ASSERT_TRUE(m.answer(q.id, best_option(q)));
  m.keep_what_if();
  EXPECT_EQ(m.answers().at(q.id), best_option(q));
  EXPECT_FALSE(m.in_what_if());
}

TEST(Model, StateJsonNamesScreenLanguageAndResult) {
  Harness h(390, 844, "en-GB");
  ASSERT_TRUE(h.ok) << h.error;
  app::Model& m = h.model();
  const Question& q = m.questionnaire().questions.front();
  ASSERT_TRUE(m.answer(q.id, best_option(q)));
  m.set_lang(Lang::De);
  m.show(app::Screen::Results);
  const auto state = nlohmann::json::parse(m.state_json());
  EXPECT_EQ(state["screen"], "results");
  EXPECT_EQ(state["language"], "de");
  EXPECT_EQ(state["answers"][q.id], best_option(q));
  ASSERT_TRUE(state["result"]["components"].is_array());
  EXPECT_EQ(state["result"]["components"].size(), 4u);
  EXPECT_EQ(state["result"]["total"], m.result().total);
}

TEST(Model, ScreenKeysRoundTrip) {
  for (auto s : {app::Screen::Welcome, app::Screen::Questionnaire, app::Screen::Results, app::Screen::About})
    EXPECT_EQ(app::screen_from_key(app::screen_key(s)), s);
  EXPECT_FALSE(app::screen_from_key("settings"));
  EXPECT_EQ(app::language_for("de"), Lang::De);
  EXPECT_EQ(app::language_for("DE-ch"), Lang::De);
  EXPECT_EQ(app::language_for("dei"), Lang::En);
  EXPECT_EQ(app::language_for(""), Lang::En);
}

}  // namespace
}  // namespace ssi::test

namespace ssi::test {
namespace {

TEST(Model, PrintableReportHoldsTheResultInTheLanguageShown) {
  Harness h(390, 844, "de-DE");
  ASSERT_TRUE(h.ok) << h.error;
  app::Model& m = h.model();
  for (const Question* q : m.visible_questions()) ASSERT_TRUE(m.answer(q->id, 1));
  const auto report = nlohmann::json::parse(m.report_json("2026-11-25"));
  ASSERT_TRUE(report.is_array());
  EXPECT_EQ(report[0][0], "h1");
  EXPECT_NE(report[0][1].get<std::string>().find("2026-11-25"), std::string::npos);
  int items = 0;
  bool total_named = false;
  for (const auto& entry : report) {
    const std::string tag = entry[0], text = entry[1];
    EXPECT_TRUE(tag == "h1" || tag == "h2" || tag == "p" || tag == "li") << tag;
    if (tag == "li") ++items;
    if (text.find(std::to_string(m.result().total) + " von 100") != std::string::npos) total_named = true;
  }
  EXPECT_TRUE(total_named) << "the report names the total in German";
  EXPECT_GE(items, 4 + static_cast<int>(std::min<std::size_t>(5, m.result().advice.size())));
}

}  // namespace
}  // namespace ssi::test

namespace ssi::test {
namespace {

// visible_questions() reads the visibility score() returned; it must agree with the core's own check under
// every answer to each condition's question.
TEST(Model, VisibleQuestionsFollowEveryAnswerToAConditionsQuestion) {
  Harness h;
  ASSERT_TRUE(h.ok) << h.error;
  app::Model& m = h.model();
  const Questionnaire& questionnaire = m.questionnaire();
  int hidden_seen = 0;
  for (const Question& q : questionnaire.questions) {
    if (!q.show_if) continue;
    const Question* gate = questionnaire.find(q.show_if->question);
    ASSERT_TRUE(gate);
    for (int option = 0; option < static_cast<int>(gate->options.size()); ++option) {
      if (!m.answer(gate->id, option)) continue;
      std::vector<const Question*> expected;
      for (const Question& each : questionnaire.questions)
        if (is_visible(questionnaire, m.answers(), each)) expected.push_back(&each);
      EXPECT_EQ(m.visible_questions(), expected) << gate->id << " = " << option;
      hidden_seen += static_cast<int>(questionnaire.questions.size() - expected.size());
    }
  }
  EXPECT_GT(hidden_seen, 0) << "some answer hides a question";
}

}  // namespace
}  // namespace ssi::test
