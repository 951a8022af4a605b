// Saved files: golden bytes (native and WASM must agree), round trips, and rejected input.
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/codes.h"
#include "core/ssi_json.h"
#include "support.h"

namespace ssi {
namespace {

using test::Rng;
using test::shipped;

Answers best_answers(const Questionnaire& q) {
  Answers a;
  for (const Question& x : q.questions) {
    int o = 0;
    for (int k = 1; k < static_cast<int>(x.options.size()); ++k)
      if (x.options[static_cast<std::size_t>(k)].points > x.options[static_cast<std::size_t>(o)].points) o = k;
    a[x.id] = o;
  }
  return a;
}

// Golden cases: the personas, plus edge cases built here.
std::vector<std::pair<std::string, Answers>> golden_cases() {
  const Questionnaire& q = shipped();
  std::vector<std::pair<std::string, Answers>> cases;
  for (const char* persona : {"dormant", "occasional_poster", "active_networker", "active_networker_sales_navigator",
                              "mass_inviter", "recruiter", "thought_leader", "brand_new"}) {
    AnswersLoad load = answers_from_json(q, test::read_file(std::string("tests/core/personas/") + persona + ".json"));
    EXPECT_TRUE(load.ok()) << persona;
    cases.emplace_back(persona, load.answers.value_or(Answers{}));
  }
  cases.emplace_back("empty", Answers{});
  cases.emplace_back("all_best", best_answers(q));
  Answers worst;
  for (const Question& x : q.questions) worst[x.id] = 0;
  worst["rel_pitch"] = 2;
  worst["rel_blocked"] = 2;
  worst["rel_unanswered"] = 2;
  worst["rel_invitation_quality"] = 1;
  cases.emplace_back("all_worst", worst);
  Rng rng(1234);
  for (int k = 0; k < 5; ++k) cases.emplace_back("random_" + std::to_string(k), test::random_answers(q, rng));
  return cases;
}

bool update_golden() {
#ifdef __EMSCRIPTEN__
  return false;  // goldens are written natively only; WASM must reproduce them
#else
  const char* v = std::getenv("SSI_UPDATE_GOLDEN");
  return v && std::string_view(v) == "1";
#endif
}

TEST(Golden, ResultsAreByteIdenticalToTheCommittedFiles) {
  const Questionnaire& q = shipped();
  for (const auto& [name, answers] : golden_cases()) {
    const std::string path = "tests/core/golden/" + name + ".json";
    const std::string got = to_json(q, answers, score(q, answers));
    if (update_golden()) {
      ASSERT_TRUE(test::write_file(path, got)) << path;
      continue;
    }
    const std::string want = test::read_file(path);
    if (got == want) continue;
    // Show the first differing line, not two 300-line strings.
    std::size_t at = 0, line = 1;
    while (at < got.size() && at < want.size() && got[at] == want[at]) line += got[at++] == '\n';
    auto line_at = [](const std::string& s, std::size_t pos) {
      std::size_t b = s.rfind('\n', pos == 0 ? 0 : pos - 1);
      b = b == std::string::npos ? 0 : b + 1;
      return s.substr(b, s.find('\n', b) - b);
    };
    ADD_FAILURE()
        << path << " differs at line " << line << ":\n  got:  " << line_at(got, at) << "\n  want: " << line_at(want, at)
        << "\nIf the model changed on purpose, regenerate natively with SSI_UPDATE_GOLDEN=1 and review the diff.";
  }
}

TEST(Golden, OutputIsStableAcrossRepeatedRuns) {
  const Questionnaire& q = shipped();
  Rng rng(5);
  for (int k = 0; k < 50; ++k) {
    Answers a = test::random_answers(q, rng);
    EXPECT_EQ(to_json(q, a, score(q, a)), to_json(q, a, score(q, a)));
  }
}

TEST(Serialisation, RoundTripsAnswersAndReproducesTheSameBytes) {
  const Questionnaire& q = shipped();
  Rng rng(77);
  for (int k = 0; k < 300; ++k) {
    const Answers a = test::random_answers(q, rng);
    const std::string text = to_json(q, a, score(q, a));
    AnswersLoad back = answers_from_json(q, text);
    ASSERT_TRUE(back.ok()) << text;
    EXPECT_EQ(*back.answers, a);
    EXPECT_EQ(to_json(q, *back.answers, score(q, *back.answers)), text);
  }
}

TEST(Serialisation, WritesOnlyAnswersTheQuestionnaireUnderstands) {
  const Questionnaire& q = shipped();
  Answers a = {{"brand_photo", 2}, {"no_such_question", 1}, {"brand_headline", 9}, {"brand_about", -1}};
  AnswersLoad back = answers_from_json(q, to_json(q, a, score(q, a)));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back.answers, (Answers{{"brand_photo", 2}}));
}

TEST(Serialisation, ResultJsonHasTheShapeTheTestHookPromises) {
  const Questionnaire& q = shipped();
  AnswersLoad load = answers_from_json(q, test::read_file("tests/core/personas/occasional_poster.json"));
  ASSERT_TRUE(load.ok());
  const Result r = score(q, *load.answers);
  const nlohmann::json j = result_json(r);
  ASSERT_TRUE(j["components"].is_array());
  ASSERT_EQ(j["components"].size(), 4u);
  for (std::size_t c = 0; c < 4; ++c) EXPECT_EQ(j["components"][c].get<double>(), r.components[c]);
  EXPECT_EQ(j["total"].get<int>(), r.total);
  EXPECT_EQ(j["corridor"].get<std::string>(), corridor_key(r.corridor));
  EXPECT_EQ(j["reach"].get<bool>(), r.reach);
  EXPECT_EQ(j["salesNavigator"].get<bool>(), r.sales_navigator);
  EXPECT_EQ(j["range"]["low"].get<int>(), r.range.low);
  EXPECT_EQ(j["range"]["high"].get<int>(), r.range.high);
  ASSERT_EQ(j["weakest"].size(), r.weakest.size());
  ASSERT_EQ(j["advice"].size(), r.advice.size());
  ASSERT_FALSE(r.advice.empty());
  const nlohmann::json& first = j["advice"][0];
  EXPECT_EQ(first["question"].get<std::string>(), r.advice[0].question);
  EXPECT_EQ(first["option"].get<int>(), r.advice[0].option);
  EXPECT_EQ(first["component"].get<std::string>(), component_key(r.advice[0].component));
  EXPECT_EQ(first["gain"].get<double>(), r.advice[0].gain);
}

TEST(Serialisation, ParseJsonReadsAViewAndDiscardsWhatIsNoJson) {
  const std::string text = "[\"ssi-selfcheck.store\", 2.5]trailing";
  const nlohmann::json list = parse_json(std::string_view(text).substr(0, text.find(']') + 1));
  ASSERT_TRUE(list.is_array());
  EXPECT_EQ(list[0], "ssi-selfcheck.store");
  EXPECT_DOUBLE_EQ(list[1].get<double>(), 2.5);
  EXPECT_TRUE(parse_json(text).is_discarded());
  EXPECT_TRUE(parse_json("").is_discarded());
  EXPECT_TRUE(parse_json("{\"a\":").is_discarded());
}

TEST(Serialisation, ToleratesUnknownFieldsAndExplicitNulls) {
  const Questionnaire& q = shipped();
  AnswersLoad load = answers_from_json(q, R"({"schema": "ssi-selfcheck/answers", "schemaVersion": 1,
        "savedBy": "a trainer", "result": "ignored", "questionnaire": {"id": "ssi-selfcheck", "extra": [1]},
        "answers": {"brand_photo": 1, "brand_headline": null}})");
  ASSERT_TRUE(load.ok());
  EXPECT_EQ(*load.answers, (Answers{{"brand_photo", 1}}));
  // The questionnaire reference may be missing in hand-written files.
  load = answers_from_json(q, R"({"schema": "ssi-selfcheck/answers", "schemaVersion": 1, "answers": {}})");
  EXPECT_TRUE(load.ok());
}

struct Rejection {
  const char* name;
  const char* json;
  std::string_view code;
  const char* path;
};

TEST(Serialisation, RejectsBrokenFilesWithClearProblems) {
  const Questionnaire& q = shipped();
  const Rejection cases[] = {
      {"cut", R"({"schema": )", code::kTruncated, ""},
      {"invalid json", R"({"schema": 1,,})", code::kInvalidJson, ""},
      {"empty", "", code::kTruncated, ""},
      {"array", "[]", code::kNotObject, ""},
      {"missing schema", R"({"schemaVersion": 1, "answers": {}})", code::kMissingField, "schema"},
      {"schema not string", R"({"schema": 1, "schemaVersion": 1, "answers": {}})", code::kNotString, "schema"},
      {"other schema", R"({"schema": "something-else", "schemaVersion": 1, "answers": {}})", code::kWrongSchema,
       "schema"},
      {"missing version", R"({"schema": "ssi-selfcheck/answers", "answers": {}})", code::kMissingField,
       "schemaVersion"},
      {"newer version", R"({"schema": "ssi-selfcheck/answers", "schemaVersion": 2, "answers": {}})",
       code::kUnsupportedVersion, "schemaVersion"},
      {"version not integer", R"({"schema": "ssi-selfcheck/answers", "schemaVersion": "1", "answers": {}})",
       code::kNotInteger, "schemaVersion"},
      {"other questionnaire",
       R"({"schema": "ssi-selfcheck/answers", "schemaVersion": 1, "questionnaire": {"id": "x"}, "answers": {}})",
       code::kOtherQuestionnaire, "questionnaire.id"},
      {"missing answers", R"({"schema": "ssi-selfcheck/answers", "schemaVersion": 1})", code::kMissingField, "answers"},
      {"answers not object", R"({"schema": "ssi-selfcheck/answers", "schemaVersion": 1, "answers": [1, 2]})",
       code::kNotObjectField, "answers"},
      {"unknown question", R"({"schema": "ssi-selfcheck/answers", "schemaVersion": 1, "answers": {"nope": 1}})",
       code::kUnknownQuestion, "answers.nope"},
      {"index too large", R"({"schema": "ssi-selfcheck/answers", "schemaVersion": 1, "answers": {"brand_photo": 3}})",
       code::kOptionOutOfRange, "answers.brand_photo"},
      {"negative index", R"({"schema": "ssi-selfcheck/answers", "schemaVersion": 1, "answers": {"brand_photo": -1}})",
       code::kOptionOutOfRange, "answers.brand_photo"},
      {"huge index",
       R"({"schema": "ssi-selfcheck/answers", "schemaVersion": 1, "answers": {"brand_photo": 99999999999999999999}})",
       code::kNotInteger, "answers.brand_photo"},
      {"string index", R"({"schema": "ssi-selfcheck/answers", "schemaVersion": 1, "answers": {"brand_photo": "2"}})",
       code::kNotInteger, "answers.brand_photo"},
      {"fraction", R"({"schema": "ssi-selfcheck/answers", "schemaVersion": 1, "answers": {"brand_photo": 1.5}})",
       code::kNotInteger, "answers.brand_photo"},
      {"boolean", R"({"schema": "ssi-selfcheck/answers", "schemaVersion": 1, "answers": {"brand_featured": true}})",
       code::kNotInteger, "answers.brand_featured"},
  };
  for (const Rejection& c : cases) {
    AnswersLoad load = answers_from_json(q, c.json);
    EXPECT_FALSE(load.ok()) << c.name;
    EXPECT_FALSE(load.answers.has_value()) << c.name;
    ASSERT_EQ(load.problems.size(), 1u) << c.name;
    EXPECT_EQ(load.problems[0].code, c.code) << c.name;
    EXPECT_EQ(load.problems[0].path, c.path) << c.name;
    for (Lang lang : {Lang::De, Lang::En})
      EXPECT_TRUE(placeholders(describe(test::messages(), load.problems[0], lang)).empty()) << c.name;
  }
}

TEST(Serialisation, ReportsEveryBadAnswerAtOnce) {
  const Questionnaire& q = shipped();
  AnswersLoad load = answers_from_json(q, R"({"schema": "ssi-selfcheck/answers", "schemaVersion": 1,
        "answers": {"a": 1, "brand_photo": 7, "brand_about": "x", "brand_headline": 1}})");
  EXPECT_FALSE(load.ok());
  EXPECT_EQ(load.problems.size(), 3u);
}

TEST(Serialisation, SurvivesArbitraryBytes) {
  const Questionnaire& q = shipped();
  Rng rng(31337);
  for (int k = 0; k < 2000; ++k) {
    std::string text(static_cast<std::size_t>(rng.below(64)), '\0');
    for (char& ch : text) ch = static_cast<char>(rng.below(256));
    AnswersLoad load = answers_from_json(q, text);
    EXPECT_EQ(load.answers.has_value(), load.problems.empty());
  }
}

}  // namespace
}  // namespace ssi
