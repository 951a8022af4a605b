// Message catalogues: the shipped texts are complete, and the catalogue validator catches what it should.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/codes.h"
#include "core/keys.h"
#include "support.h"

namespace ssi {
namespace {

TEST(Messages, ShippedCatalogueValidates) {
  CatalogLoad load = Catalog::load(assets::get("content/messages.json"));
  for (const Problem& p : load.problems) ADD_FAILURE() << p.code << " @ " << p.path;
  ASSERT_TRUE(load.ok());
}

TEST(Messages, EveryCodeTheCoreCanEmitHasGermanAndEnglishText) {
  const Catalog& m = test::messages();
  EXPECT_GT(problem_codes().size(), 40u);
  for (std::string_view code : problem_codes()) {
    const Text* t = m.find(code);
    ASSERT_NE(t, nullptr) << code;
    EXPECT_FALSE(t->de.empty()) << code;
    EXPECT_FALSE(t->en.empty()) << code;
  }
  EXPECT_TRUE(m.has("problem.at_path"));
}

TEST(Messages, NamesEveryComponentAndCorridor) {
  const Catalog& m = test::messages();
  for (Component c : kComponents) {
    EXPECT_TRUE(m.has(key::component(c))) << key::component(c);
    EXPECT_TRUE(m.has(key::component_description(c))) << key::component_description(c);
  }
  for (Corridor c : {Corridor::Inactive, Corridor::Occasional, Corridor::Active, Corridor::Top}) {
    EXPECT_TRUE(m.has(key::corridor(c))) << key::corridor(c);
    EXPECT_TRUE(m.has(key::corridor_description(c))) << key::corridor_description(c);
  }
}

TEST(Messages, UsesOneGermanAddressFormThroughout) {
  // Formal "Sie" everywhere: no informal du/dein/dir in messages or the questionnaire.
  auto informal = [](const std::string& text) {
    for (const char* word : {" du ", " Du ", " dein", " Dein", " dir ", " dich ", "Hast du", "Kannst du"})
      if (text.find(word) != std::string::npos) return true;
    return false;
  };
  const Catalog& m = test::messages();
  for (const std::string& key : m.keys()) EXPECT_FALSE(informal(" " + m.find(key)->de + " ")) << key;
  for (const Question& q : test::shipped().questions)
    for (const Text* t : {&q.text, &q.help, &q.tip}) EXPECT_FALSE(informal(" " + t->de + " ")) << q.id;
}

TEST(Messages, ShipsWithoutKeyClashesWithTheUiCatalogue) {
  CatalogLoad ui = Catalog::load(assets::get("content/ui.json"));
  if (!ui.catalog) GTEST_SKIP() << "content/ui.json not present or not valid (owned by the UI)";
  Catalog all = test::messages();
  std::vector<std::string> duplicates;
  EXPECT_TRUE(all.merge(*ui.catalog, &duplicates));
  EXPECT_TRUE(duplicates.empty()) << duplicates.front();
}

TEST(Catalog, FormatsPlaceholdersAndNeverFailsOnMissingKeys) {
  CatalogLoad load =
      Catalog::load(R"({"greet": {"de": "Hallo {name}, {name}! {x y} {}", "en": "Hi {name}! {x y} {}"}})");
  ASSERT_TRUE(load.ok());
  const Catalog& c = *load.catalog;
  EXPECT_EQ(c.format("greet", Lang::De, {{"name", "Ada"}}), "Hallo Ada, Ada! {x y} {}");
  EXPECT_EQ(c.format("greet", Lang::En, {{"name", "Ada"}}), "Hi Ada! {x y} {}");
  EXPECT_EQ(c.format("greet", Lang::En), "Hi {name}! {x y} {}");
  EXPECT_EQ(c.format("missing.key", Lang::De), "missing.key");
  EXPECT_EQ(placeholders("a {b} {c_1} {d-e} {f"), (std::vector<std::string>{"b", "c_1"}));
  EXPECT_EQ(c.keys(), (std::vector<std::string>{"greet"}));
}

TEST(Catalog, MergeReportsDuplicatesAndKeepsTheFirst) {
  Catalog a = *Catalog::load(R"({"k": {"de": "A", "en": "A"}})").catalog;
  Catalog b = *Catalog::load(R"({"k": {"de": "B", "en": "B"}, "l": {"de": "L", "en": "L"}})").catalog;
  std::vector<std::string> duplicates;
  EXPECT_FALSE(a.merge(b, &duplicates));
  EXPECT_EQ(duplicates, std::vector<std::string>{"k"});
  EXPECT_EQ(a.format("k", Lang::De), "A");
  EXPECT_TRUE(a.has("l"));
}

TEST(Catalog, ValidationCatchesIncompleteEntries) {
  struct Case {
    const char* json;
    std::string_view code;
    const char* path;
  };
  const Case cases[] = {
      {"{\"a\": ", code::kInvalidJson, ""},
      {"[]", code::kNotObject, ""},
      {R"({"a": "text"})", code::kNotObjectField, "a"},
      {R"({"a": {"de": "x"}})", code::kMissingTranslation, "a.en"},
      {R"({"a": {"en": "x"}})", code::kMissingTranslation, "a.de"},
      {R"({"a": {"de": "x", "en": " "}})", code::kEmptyText, "a.en"},
      {R"({"a": {"de": 1, "en": "x"}})", code::kNotString, "a.de"},
      {R"({"a": {"de": "{n} Punkte", "en": "{count} points"}})", code::kPlaceholderMismatch, "a"},
      {R"({"a": {"de": "{n}", "en": "none"}})", code::kPlaceholderMismatch, "a"},
      {R"({"": {"de": "x", "en": "x"}})", code::kEmptyKey, ""},
  };
  for (const Case& c : cases) {
    CatalogLoad load = Catalog::load(c.json);
    EXPECT_FALSE(load.ok()) << c.json;
    ASSERT_EQ(load.problems.size(), 1u) << c.json;
    EXPECT_EQ(load.problems[0].code, c.code) << c.json;
    EXPECT_EQ(load.problems[0].path, c.path) << c.json;
  }
}

TEST(Catalog, DescribePutsThePathFirst) {
  const Problem p{std::string(code::kMissingField), "questions[3].id", {{"field", "id"}}};
  EXPECT_EQ(describe(test::messages(), p, Lang::En), "questions[3].id: The field \"id\" is missing.");
  EXPECT_EQ(describe(test::messages(), p, Lang::De), "questions[3].id: Das Feld „id“ fehlt.");
  EXPECT_EQ(describe(Catalog{}, p, Lang::De), "questions[3].id: field.missing");
}

// --- The shipped texts, two files per language (cmake/split_texts.py, join_texts) --------------------------------

std::string_view skeleton() { return assets::get("content/texts.skeleton"); }
std::string_view texts(Lang lang) {
  return assets::get(lang == Lang::De ? "content/texts.de.txt" : "content/texts.en.txt");
}
std::string_view rare(Lang lang) {
  return assets::get(lang == Lang::De ? "content/rare.de.txt" : "content/rare.en.txt");
}

TEST(JoinTexts, BothLanguagesGiveBackEveryContentFileAsWritten) {
  ASSERT_FALSE(skeleton().empty());
  const TextsJoin join = join_texts(skeleton(), texts(Lang::De), texts(Lang::En), rare(Lang::De), rare(Lang::En));
  ASSERT_TRUE(join.ok()) << join.problems.front().code;
  EXPECT_FALSE(join.rare_missing);
  ASSERT_EQ(join.files.size(), 3u);
  for (const auto& [name, text] : join.files)
    EXPECT_EQ(nlohmann::json::parse(text), nlohmann::json::parse(assets::get(name))) << name;
}

TEST(JoinTexts, OneLanguageStandsInForTheOther) {
  for (const Lang lang : {Lang::De, Lang::En}) {
    const TextsJoin join =
        join_texts(skeleton(), lang == Lang::De ? texts(lang) : "", lang == Lang::En ? texts(lang) : "",
                   lang == Lang::De ? rare(lang) : "", lang == Lang::En ? rare(lang) : "");
    ASSERT_TRUE(join.ok());
    EXPECT_FALSE(join.rare_missing);
    const CatalogLoad messages = Catalog::load(join.files.at("content/messages.json"));
    ASSERT_TRUE(messages.ok());
    const Text* t = messages.catalog->find(code::kInvalidJson);
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->de, t->en);
    EXPECT_EQ(t->get(lang), test::messages().find(code::kInvalidJson)->get(lang));
    EXPECT_TRUE(load_questionnaire(join.files.at("content/questionnaire.json")).ok());
  }
}

// The rare texts (src/app/rare_texts.txt) come after the first frame: until then each reads kRareStandIn in both
// languages, the loaders accept them, and every other text is the shipped one.
TEST(JoinTexts, WithoutTheRareFilesEachRareTextIsTheStandInAndTheRestAsShipped) {
  const TextsJoin join = join_texts(skeleton(), texts(Lang::De), texts(Lang::En));
  ASSERT_TRUE(join.ok());
  EXPECT_TRUE(join.rare_missing);
  const CatalogLoad ui = Catalog::load(join.files.at("content/ui.json"));
  const CatalogLoad messages = Catalog::load(join.files.at("content/messages.json"));
  ASSERT_TRUE(ui.ok() && messages.ok());
  const QuestionnaireLoad joined = load_questionnaire(join.files.at("content/questionnaire.json"));
  const QuestionnaireLoad whole = load_questionnaire(assets::get("content/questionnaire.json"));
  ASSERT_TRUE(joined.ok() && whole.ok());
  const auto rare_marks = static_cast<std::size_t>(std::count(skeleton().begin(), skeleton().end(), '\x02'));
  EXPECT_GT(rare_marks, 100u);
  std::size_t stand_ins = 0;
  for (const CatalogLoad* load : {&ui, &messages}) {
    const CatalogLoad shipped = Catalog::load(assets::get(load == &ui ? "content/ui.json" : "content/messages.json"));
    for (const std::string& key : load->catalog->keys()) {
      const Text* t = load->catalog->find(key);
      if (t->de == kRareStandIn) {
        ++stand_ins;
        EXPECT_EQ(t->en, kRareStandIn) << key;
      } else {
        EXPECT_EQ(t->de, shipped.catalog->find(key)->de) << key;
        EXPECT_EQ(t->en, shipped.catalog->find(key)->en) << key;
      }
    }
  }
  // The questionnaire's rare texts are the reasons, which only trainers' files show; everything a person reads is in.
  const Questionnaire &q = *joined.questionnaire, &w = *whole.questionnaire;
  ASSERT_EQ(q.questions.size(), w.questions.size());
  for (std::size_t i = 0; i < q.questions.size(); ++i) {
    const Question &got = q.questions[i], &want = w.questions[i];
    EXPECT_TRUE(got.text == want.text && got.help == want.help && got.tip == want.tip) << want.id;
    for (std::size_t o = 0; o < want.options.size(); ++o) EXPECT_TRUE(got.options[o].label == want.options[o].label);
    if (!want.reason.de.empty()) {
      EXPECT_EQ(got.reason.de, kRareStandIn) << want.id;
      ++stand_ins;
    }
  }
  for (const auto& [got, want] : {std::pair{&q.scoring.curve_reason, &w.scoring.curve_reason},
                                  std::pair{&q.scoring.sales_navigator_reason, &w.scoring.sales_navigator_reason},
                                  std::pair{&q.scoring.range_margin_reason, &w.scoring.range_margin_reason}}) {
    EXPECT_EQ(got->en, kRareStandIn);
    stand_ins += !want->en.empty();
  }
  EXPECT_EQ(stand_ins, rare_marks) << "every rare text is a catalogue's or a reason";
  EXPECT_EQ(ui.catalog->find("ui.about.title")->de, kRareStandIn);
  EXPECT_NE(ui.catalog->find("ui.welcome.start")->de, kRareStandIn);
  EXPECT_EQ(messages.catalog->find(code::kInvalidJson)->en, kRareStandIn);
  // One language's rare file is enough, as for the other texts.
  EXPECT_FALSE(join_texts(skeleton(), texts(Lang::De), texts(Lang::En), "", rare(Lang::En)).rare_missing);
}

TEST(JoinTexts, TextsOfAnotherBuildAreRefusedNotJoined) {
  const std::string_view de = texts(Lang::De);
  const std::string fewer(de.substr(0, de.rfind('\n', de.size() - 2) + 1));
  const std::string more = std::string(de) + "\"extra\"\n";
  const auto marks = std::to_string(std::count(skeleton().begin(), skeleton().end(), '\x01'));
  for (const auto& [file, found] : {std::pair{fewer, std::stoi(marks) - 1}, std::pair{more, std::stoi(marks) + 1}}) {
    const TextsJoin join = join_texts(skeleton(), texts(Lang::En), file);  // a German file given as English
    ASSERT_EQ(join.problems.size(), 1u);
    EXPECT_EQ(join.problems[0].code, code::kTextsCount);
    EXPECT_EQ(join.problems[0].args, (Args{{"lang", "en"}, {"found", std::to_string(found)}, {"expected", marks}}));
    EXPECT_TRUE(join.files.empty());
  }
  const TextsJoin swapped = join_texts(skeleton(), de, texts(Lang::En), texts(Lang::De), rare(Lang::En));
  ASSERT_EQ(swapped.problems.size(), 1u) << "a common file given as the rare one";
  EXPECT_EQ(swapped.problems[0].args.front(), (std::pair<std::string, std::string>{"lang", "de"}));
  EXPECT_EQ(join_texts(skeleton(), "", "").problems.size(), 1u);
  EXPECT_EQ(describe(test::messages(), join_texts(skeleton(), "", "").problems[0], Lang::En).find("{"),
            std::string::npos);
}

}  // namespace
}  // namespace ssi
