// The shipped questionnaire validates and meets the content brief; broken files fail with the
// problems a trainer should see.
#include <algorithm>
#include <filesystem>
#include <set>
#include <tuple>

#include "core/codes.h"
#include "support.h"

namespace ssi {
namespace {

using test::shipped;

TEST(ShippedQuestionnaire, LoadsWithoutProblems) {
  QuestionnaireLoad load = load_questionnaire(assets::get("content/questionnaire.json"));
  for (const Problem& p : load.problems) ADD_FAILURE() << p.code << " @ " << p.path;
  ASSERT_TRUE(load.ok());
}

TEST(ShippedQuestionnaire, HasSevenToTenQuestionsPerComponentAndAtMostForty) {
  const Questionnaire& q = shipped();
  EXPECT_GE(q.questions.size(), 28u);
  EXPECT_LE(q.questions.size(), 40u);
  for (Component c : kComponents) {
    auto n = std::count_if(q.questions.begin(), q.questions.end(), [&](const Question& x) { return x.component == c; });
    EXPECT_GE(n, 7) << component_key(c);
    EXPECT_LE(n, 10) << component_key(c);
  }
}

TEST(ShippedQuestionnaire, UsesEveryQuestionTypeAndExplainsEveryWeight) {
  const Questionnaire& q = shipped();
  std::set<QuestionType> types;
  for (const Question& x : q.questions) {
    types.insert(x.type);
    EXPECT_FALSE(x.reason.de.empty()) << x.id;  // optional for trainers, required for us
    EXPECT_FALSE(x.reason.en.empty()) << x.id;
  }
  EXPECT_EQ(types.size(), 4u);
  EXPECT_FALSE(q.scoring.curve_reason.de.empty());
  EXPECT_FALSE(q.scoring.range_margin_reason.en.empty());
  EXPECT_FALSE(q.scoring.sales_navigator_reason.de.empty());
}

TEST(ShippedQuestionnaire, SalesNavigatorUnlocksEveryComponentAndItsQuestionsAreConditional) {
  const Questionnaire& q = shipped();
  ASSERT_TRUE(q.scoring.sales_navigator.has_value());
  const std::string& gate = q.scoring.sales_navigator->question;
  std::set<Component> unlocked;
  for (const Question& x : q.questions) {
    if (x.tier != Tier::SalesNavigator) continue;
    unlocked.insert(x.component);
    if (x.id != gate) {
      ASSERT_TRUE(x.show_if.has_value()) << x.id;
      EXPECT_EQ(x.show_if->question, gate) << x.id;
    }
  }
  EXPECT_EQ(unlocked.size(), static_cast<std::size_t>(kComponentCount));
}

TEST(ShippedQuestionnaire, HasTheNegativeFactorsOfTheBrief) {
  const Questionnaire& q = shipped();
  for (const char* id : {"rel_unanswered", "rel_pitch", "rel_blocked"}) {
    const Question* x = q.find(id);
    ASSERT_NE(x, nullptr) << id;
    EXPECT_EQ(x->component, Component::Relationships);
    EXPECT_LT(x->min_points(), 0) << id;
  }
  // "lowers it hard": pitching and being blocked cost more than unanswered invitations.
  EXPECT_LT(q.find("rel_pitch")->min_points(), q.find("rel_unanswered")->min_points());
  EXPECT_LT(q.find("rel_blocked")->min_points(), q.find("rel_unanswered")->min_points());
}

TEST(MinimalFixture, IsValidSoEachBrokenFileFailsOnlyForItsDefect) {
  QuestionnaireLoad load = load_questionnaire(test::read_file("tests/core/fixtures/minimal.json"));
  for (const Problem& p : load.problems) ADD_FAILURE() << p.code << " @ " << p.path;
  EXPECT_TRUE(load.ok());
}

// Each broken file in tests/core/broken/ and exactly the problems (code, path) it must produce.
struct Expectation {
  const char* file;
  std::vector<std::pair<std::string_view, std::string>> problems;
};

const std::vector<Expectation>& expectations() {
  static const std::vector<Expectation> table = {
      {"invalid_json", {{code::kTruncated, ""}}},  // the file stops in the middle
      {"top_level_array", {{code::kNotObject, ""}}},
      {"missing_id", {{code::kMissingField, "id"}}},
      {"missing_version", {{code::kMissingField, "version"}}},
      {"schema_version", {{code::kUnsupportedSchema, "schemaVersion"}}},
      {"questions_not_array",
       {{code::kNotArray, "questions"}, {code::kConditionUnknownQuestion, "scoring.salesNavigator.question"}}},
      {"unknown_component", {{code::kUnknownComponent, "questions[4].component"}}},
      {"duplicate_id", {{code::kDuplicateId, "questions[2].id"}}},
      {"invalid_id", {{code::kInvalidId, "questions[0].id"}}},
      {"unknown_type", {{code::kUnknownType, "questions[5].type"}}},
      {"option_without_points", {{code::kOptionWithoutPoints, "questions[1].options[1].points"}}},
      {"points_not_number", {{code::kPointsNotNumber, "questions[1].options[2].points"}}},
      {"points_fraction", {{code::kPointsNotInteger, "questions[1].options[2].points"}}},
      {"points_out_of_range", {{code::kPointsOutOfRange, "questions[1].options[2].points"}}},
      {"missing_translation", {{code::kMissingTranslation, "questions[3].help.en"}}},
      {"empty_text", {{code::kEmptyText, "title.de"}}},
      {"no_options", {{code::kNoOptions, "questions[6].options"}}},
      {"yesno_three_options", {{code::kYesNoNeedsTwo, "questions[2].options"}}},
      {"no_effect", {{code::kNoEffect, "questions[8].options"}}},
      {"condition_unknown_question", {{code::kConditionUnknownQuestion, "questions[7].showIf.question"}}},
      {"condition_later_question", {{code::kConditionNotEarlier, "questions[3].showIf.question"}}},
      {"condition_cycle_self", {{code::kConditionNotEarlier, "questions[4].showIf.question"}}},
      {"unreachable_empty_condition", {{code::kUnreachable, "questions[8].showIf"}}},
      {"unreachable_chain", {{code::kUnreachable, "questions[8].showIf"}, {code::kUnreachable, "questions[9].showIf"}}},
      {"condition_option_out_of_range",
       {{code::kConditionOptionOutOfRange, "questions[8].showIf.anyOf[0]"},
        {code::kUnreachable, "questions[8].showIf"}}},
      {"condition_not_monotone", {{code::kConditionNotMonotone, "questions[8].showIf.anyOf"}}},
      {"conditional_negative_points", {{code::kConditionalNegativePoints, "questions[12].options[1].points"}}},
      {"sales_navigator_negative_points", {{code::kSalesNavigatorNegativePoints, "questions[14].options[0].points"}}},
      {"sales_navigator_without_gate", {{code::kSalesNavigatorWithoutGate, "questions[13].tier"}}},
      {"too_few_questions", {{code::kTooFewQuestions, "questions"}}},
      {"too_many_questions", {{code::kTooManyQuestions, "questions"}}},
      {"unknown_tier", {{code::kUnknownTier, "questions[13].tier"}}},
      {"curve_descending", {{code::kCurveOrder, "scoring.curve.points[2]"}}},
      {"curve_not_ending_at_100", {{code::kCurveEnds, "scoring.curve.points"}}},
      {"margin_out_of_range", {{code::kMarginOutOfRange, "scoring.rangeMargin.points"}}},
      {"component_without_points",
       {{code::kNoEffect, "questions[9].options"},
        {code::kNoEffect, "questions[10].options"},
        {code::kNoEffect, "questions[11].options"},
        {code::kComponentWithoutPoints, "questions"}}},
  };
  return table;
}

TEST(BrokenQuestionnaires, AtLeastFifteenFilesEachCoveredByTheTable) {
  EXPECT_GE(expectations().size(), 15u);
  std::set<std::string> files, listed;
  for (const auto& entry : std::filesystem::directory_iterator(test::source_path("tests/core/broken")))
    if (entry.path().extension() == ".json") files.insert(entry.path().stem().string());
  for (const Expectation& e : expectations()) listed.insert(e.file);
  EXPECT_EQ(files, listed);  // a new file cannot be forgotten, a listed one cannot go missing
}

class BrokenQuestionnaire : public ::testing::TestWithParam<Expectation> {};

TEST_P(BrokenQuestionnaire, FailsWithExactlyTheExpectedProblems) {
  const Expectation& e = GetParam();
  QuestionnaireLoad load = load_questionnaire(test::read_file(std::string("tests/core/broken/") + e.file + ".json"));
  EXPECT_FALSE(load.ok());
  EXPECT_FALSE(load.questionnaire.has_value());
  std::multiset<std::pair<std::string, std::string>> got, want;
  for (const Problem& p : load.problems) got.insert({p.code, p.path});
  for (const auto& [code, path] : e.problems) want.insert({std::string(code), path});
  EXPECT_EQ(got, want);
}

TEST_P(BrokenQuestionnaire, ProblemsReadAsCompleteSentencesInBothLanguages) {
  const Expectation& e = GetParam();
  QuestionnaireLoad load = load_questionnaire(test::read_file(std::string("tests/core/broken/") + e.file + ".json"));
  for (const Problem& p : load.problems) {
    const Text* t = test::messages().find(p.code);
    ASSERT_NE(t, nullptr) << p.code;
    for (Lang lang : {Lang::De, Lang::En}) {
      // Every placeholder of the message is filled by the problem's arguments.
      for (const std::string& name : placeholders(t->get(lang))) {
        bool given = std::any_of(p.args.begin(), p.args.end(), [&](const auto& a) { return a.first == name; });
        EXPECT_TRUE(given) << p.code << " lacks {" << name << "}";
      }
      std::string text = describe(test::messages(), p, lang);
      EXPECT_TRUE(placeholders(text).empty()) << text;  // no unfilled placeholder left
      if (!p.path.empty()) {
        EXPECT_EQ(text.rfind(p.path, 0), 0u) << text;
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Files, BrokenQuestionnaire, ::testing::ValuesIn(expectations()),
                         [](const ::testing::TestParamInfo<Expectation>& info) {
                           return std::string(info.param.file);
                         });

TEST(BrokenQuestionnaires, InvalidJsonReportsLineAndColumn) {
  QuestionnaireLoad load = load_questionnaire("{\n  \"id\": \"x\",\n  \"version\": 1,,\n}");
  ASSERT_EQ(load.problems.size(), 1u);
  EXPECT_EQ(load.problems[0].code, code::kInvalidJson);
  Args want = {{"line", "3"}, {"column", "16"}};  // the second comma
  EXPECT_EQ(load.problems[0].args, want);
}

TEST(BrokenQuestionnaires, ReportsEveryProblemNotJustTheFirst) {
  // Three independent defects in one file.
  std::string text = test::read_file("tests/core/fixtures/minimal.json");
  auto replace = [&](const std::string& from, const std::string& to) {
    auto at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
  };
  replace("\"component\": \"brand\"", "\"component\": \"marke\"");
  replace("\"points\": 3", "\"points\": \"viel\"");
  replace("\"version\": \"1\"", "\"version\": 1");
  QuestionnaireLoad load = load_questionnaire(text);
  std::set<std::string> codes;
  for (const Problem& p : load.problems) codes.insert(p.code);
  EXPECT_TRUE(codes.count(std::string(code::kUnknownComponent)));
  EXPECT_TRUE(codes.count(std::string(code::kPointsNotNumber)));
  EXPECT_TRUE(codes.count(std::string(code::kNotString)));
}

TEST(BrokenQuestionnaires, SurvivesHostileInput) {
  for (std::string_view text :
       {"", " ", "null", "42", "\"x\"", "{", "[[[[[[[[", "{\"questions\": [null, 1, \"x\", []]}",
        "{\"questions\": [{\"options\": [{\"points\": 1e400}]}]}",
        "{\"questions\": [{\"options\": [{\"points\": 18446744073709551615}]}]}",
        "{\"questions\": [{\"showIf\": {\"question\": 1, \"anyOf\": [\"a\", -9e18]}}]}",
        "{\"scoring\": {\"curve\": {\"points\": [[1], [1, 2, 3], \"x\"]}, \"rangeMargin\": []}}"}) {
    QuestionnaireLoad load = load_questionnaire(text);
    EXPECT_FALSE(load.ok()) << text;
    EXPECT_FALSE(load.problems.empty()) << text;
  }
}

TEST(BrokenQuestionnaires, SurvivesDeeplyNestedValues) {
  const std::string deep = std::string(10000, '[') + std::string(10000, ']');
  QuestionnaireLoad load = load_questionnaire("{\"schemaVersion\": " + deep +
                                              ", \"questions\": [{\"options\": [{\"points\": " + deep + "}]}]}");
  ASSERT_FALSE(load.problems.empty());
  EXPECT_EQ(load.problems[0].code, code::kTooDeep);  // found before anything is parsed
  AnswersLoad answers = answers_from_json(shipped(), "{\"schema\": " + deep + "}");
  EXPECT_FALSE(answers.ok());
}

}  // namespace
}  // namespace ssi

namespace ssi {
namespace {

TEST(ScoringDocs, ExplainEveryQuestionAndTheCurve) {
  const std::string doc = test::read_file("docs/scoring.md");
  for (const Question& q : test::shipped().questions) EXPECT_NE(doc.find("`" + q.id + "`"), std::string::npos) << q.id;
  // The curve table in the docs matches the data file.
  for (const CurvePoint& p : test::shipped().scoring.curve) {
    EXPECT_NE(doc.find("| " + std::to_string(p.x) + " %"), std::string::npos) << p.x;
    EXPECT_NE(doc.find("| " + std::to_string(p.y) + " %"), std::string::npos) << p.y;
  }
  EXPECT_NE(doc.find(std::to_string(test::shipped().scoring.range_margin) + " Punkt"), std::string::npos);
}

}  // namespace
}  // namespace ssi
