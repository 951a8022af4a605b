// The Session headless (no ImGui): document sync and restore, file routing, questionnaire switching with its
// storage writes, import; and that nothing of one person is left for the next.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/session.h"
#include "assets/assets.h"
#include "harness.h"

namespace ssi::test {
namespace {

using app::PersonState;
using app::Screen;
using app::Session;
using nlohmann::json;

// Counts the fields of an aggregate (a brace initialiser with one more field does not compile).
struct AnyField {
  template <class T>
  operator T() const;  // declared only: used in unevaluated requires-expressions
};
template <class T, class... Fields>
constexpr int field_count() {
  if constexpr (requires { T{Fields{}..., AnyField{}}; })
    return field_count<T, Fields..., AnyField>();
  else
    return sizeof...(Fields);
}

// Starts a session like App::init does, on the host's storage.
void start(Session& session) {
  std::string error;
  ASSERT_TRUE(session.start(&error)) << error;
}

std::string files_json(const std::vector<std::string>& texts) {
  json files = json::array();
  for (std::size_t i = 0; i < texts.size(); ++i)
    files.push_back({{"name", "f" + std::to_string(i + 1) + ".json"}, {"text", texts[i]}});
  return files.dump();
}

std::string trainer_questionnaire() {
  json q = json::parse(assets::get("content/questionnaire.json"));
  q["id"] = "trainer-x";
  q["version"] = "2.0";
  return q.dump();
}

// Every field of PersonState set to something else than its default (the gauges are set by drawing).
void fill(PersonState& p) {
  p.settings.language = Lang::En;
  p.settings.text_size_percent = 150;
  p.real = {{"1", "2", "3", "4"}, "2026-01-31", "5", "10", "saved", true};
  p.handover = {"Anna", 5.0};
  p.help_open = "q1";
  p.editing = 2;
  p.chart_series = 3;
  p.copied_at = 1.0;
  p.saved_at = 2.0;
  p.loaded = app::Persistence::Loaded::Unreadable;
  p.notice_dismissed = true;
  p.pending_import = store::ImportPreview{};
  p.import_message = "imported";
  p.confirm_delete = true;
  p.deleted = true;
  p.undo_check = store::SelfCheck{};
  p.undo_real = store::RealEntry{};
  p.undo_index = 4;
}

// The names of the fields that differ from a fresh PersonState.
std::vector<std::string> not_reset(const PersonState& p) {
  const PersonState fresh;
  std::vector<std::string> out;
  auto check = [&](bool same, const char* name) {
    if (!same) out.push_back(name);
  };
  check(p.settings.language == fresh.settings.language, "settings.language");
  check(p.settings.text_size_percent == fresh.settings.text_size_percent, "settings.text_size_percent");
  check(p.real.values == fresh.real.values && p.real.date == fresh.real.date &&
            p.real.industry == fresh.real.industry && p.real.network == fresh.real.network &&
            p.real.message == fresh.real.message && p.real.tried == fresh.real.tried,
        "real");
  check(p.handover.nickname == fresh.handover.nickname && p.handover.handed_over_at == fresh.handover.handed_over_at,
        "handover");
  check(p.gauges == fresh.gauges, "gauges");
  check(p.help_open == fresh.help_open, "help_open");
  check(p.editing == fresh.editing, "editing");
  check(p.chart_series == fresh.chart_series, "chart_series");
  check(p.copied_at == fresh.copied_at, "copied_at");
  check(p.saved_at == fresh.saved_at, "saved_at");
  check(p.loaded == fresh.loaded, "loaded");
  check(p.notice_dismissed == fresh.notice_dismissed, "notice_dismissed");
  check(p.pending_import.has_value() == fresh.pending_import.has_value(), "pending_import");
  check(p.import_message == fresh.import_message, "import_message");
  check(p.confirm_delete == fresh.confirm_delete, "confirm_delete");
  check(p.deleted == fresh.deleted, "deleted");
  check(p.undo_check == fresh.undo_check, "undo_check");
  check(p.undo_real == fresh.undo_real, "undo_real");
  check(p.undo_index == fresh.undo_index, "undo_index");
  return out;
}

TEST(Session, TheTestKnowsEveryFieldOfThePerson) {
  // A field added to PersonState must be added to fill() and not_reset() too (then the test below covers it).
  static_assert(field_count<PersonState>() == 18, "PersonState changed: fill and check the new field in this test");
  static_assert(
      field_count<app::RealForm>() == 6 && field_count<app::HandoverForm>() == 2 && field_count<app::Settings>() == 2,
      "a part of PersonState changed: fill and check the new field in this test");
  PersonState p;
  EXPECT_TRUE(not_reset(p).empty());
  fill(p);
  EXPECT_EQ(not_reset(p).size(), 18u) << "every field but the gauges (drawn) is filled and seen as changed";
}

TEST(Session, NextParticipantLeavesNothingOfThePersonBehind) {
  Harness h;
  ASSERT_TRUE(h.ok) << h.error;
  for (const Question* q : h.model().visible_questions()) h.model().answer(q->id, 1);
  h.model().show(Screen::Results);
  h.frames(3);
  Session& s = h.app.session();
  fill(s.person);
  ASSERT_NE(s.person.gauges, app::Dashboard()) << "the results screen drew the gauges";
  h.model().show(Screen::Workshop);
  h.frames(2);
  ASSERT_TRUE(h.click("next.start"));
  ASSERT_TRUE(h.click("next.confirm"));
  EXPECT_EQ(not_reset(s.person), std::vector<std::string>{});
  // The same for "delete all my data".
  fill(s.person);
  s.forget_person(Screen::Data);
  EXPECT_EQ(not_reset(s.person), std::vector<std::string>{});
}

TEST(Session, TheDocumentFollowsTheModelAndIsRestored) {
  FakeHost host;
  {
    Session s(host);
    start(s);
    const Question* first = s.model().visible_questions().front();
    ASSERT_TRUE(s.model().answer(first->id, 2));
    s.model().show(Screen::Results);
    s.set_language(Lang::En);
    s.sync_document();
    EXPECT_EQ(s.document().progress.answers.at(first->id), 2);
    EXPECT_EQ(s.document().progress.screen, "results");
    s.persistence().flush();
  }
  ASSERT_TRUE(host.storage.count("ssi-selfcheck.store"));
  Session again(host);
  start(again);
  EXPECT_EQ(again.model().answers().size(), 1u);
  EXPECT_EQ(again.model().screen(), Screen::Results);
  EXPECT_EQ(again.model().lang(), Lang::En);
  EXPECT_EQ(again.person.settings.language, Lang::En);
  EXPECT_EQ(again.person.loaded, app::Persistence::Loaded::Restored);
}

// The page fetches only the browser's language before its first frame (issue 16); the other comes when needed.
TEST(Session, StartsWithTheBrowsersLanguageAndFetchesTheOtherWhenChosen) {
  const QuestionnaireLoad whole = load_questionnaire(assets::get("content/questionnaire.json"));
  ASSERT_TRUE(whole.ok());
  for (const Lang browser : {Lang::De, Lang::En}) {
    const Lang other = browser == Lang::De ? Lang::En : Lang::De;
    FakeHost host;
    host.language = browser == Lang::De ? "de-AT" : "en-GB";
    Session s(host);
    start(s);
    EXPECT_EQ(host.text_requests, std::vector<Lang>{browser});
    EXPECT_EQ(s.model().lang(), browser);
    EXPECT_EQ(s.model().questionnaire().title.get(browser), whole.questionnaire->title.get(browser));
    EXPECT_EQ(host.crash_message.get(other), host.crash_message.get(browser)) << "stands in until the other arrives";
    const Question* first = s.model().visible_questions().front();
    ASSERT_TRUE(s.model().answer(first->id, 1));
    s.model().show(Screen::Results);
    s.model().begin_what_if();

    s.set_language(other);
    EXPECT_EQ(host.text_requests, (std::vector<Lang>{browser, other}));
    EXPECT_EQ(s.model().lang(), other);
    EXPECT_EQ(s.person.settings.language, other);
    // Both languages, as shipped: every text a question and its answers show.
    ASSERT_EQ(s.model().questionnaire().questions.size(), whole.questionnaire->questions.size());
    for (std::size_t i = 0; i < whole.questionnaire->questions.size(); ++i) {
      const Question &got = s.model().questionnaire().questions[i], &want = whole.questionnaire->questions[i];
      EXPECT_TRUE(got.text == want.text && got.help == want.help && got.tip == want.tip) << want.id;
      for (std::size_t o = 0; o < want.options.size(); ++o)
        EXPECT_TRUE(got.options[o].label == want.options[o].label && got.options[o].tip == want.options[o].tip);
    }
    EXPECT_EQ(s.model().t("ui.lang.unavailable"), s.model().strings().find("ui.lang.unavailable")->get(other));
    EXPECT_NE(host.crash_message.de, host.crash_message.en);
    // What the person had stays, and the advice speaks the new language, the what-if's saved side too.
    EXPECT_EQ(s.model().answers().at(first->id), 1);
    EXPECT_EQ(s.model().screen(), Screen::Results);
    EXPECT_TRUE(s.model().in_what_if());
    ASSERT_FALSE(s.model().saved_result().advice.empty());
    EXPECT_EQ(s.model().saved_result().advice.front().tip, s.model().result().advice.front().tip);
    EXPECT_NE(s.model().result().advice.front().tip.de, s.model().result().advice.front().tip.en);

    s.set_language(browser);
    EXPECT_EQ(host.text_requests.size(), 2u) << "each file is asked for once";
  }
}

TEST(Session, ASavedLanguageOtherThanTheBrowsersIsFetchedAtStart) {
  FakeHost host;
  {
    Session s(host);
    start(s);
    s.set_language(Lang::En);
    s.save_now();
  }
  host.text_requests.clear();
  Session again(host);
  start(again);
  EXPECT_EQ(host.text_requests, (std::vector<Lang>{Lang::De, Lang::En}));
  EXPECT_EQ(again.model().lang(), Lang::En);
  EXPECT_EQ(again.model().questionnaire().title.en, again.questionnaires.standard.title.en);
  EXPECT_NE(again.model().questionnaire().title.en, again.model().questionnaire().title.de);
}

TEST(Session, ALanguageThatCannotBeLoadedIsSaidAndTheOtherStays) {
  FakeHost host;
  host.texts_missing = {Lang::En};
  Session s(host);
  start(s);
  const std::string unavailable = s.model().t("ui.lang.unavailable");
  s.set_language(Lang::En);
  EXPECT_EQ(s.model().lang(), Lang::De);
  EXPECT_FALSE(s.person.settings.language.has_value());
  ASSERT_FALSE(host.announcements.empty());
  EXPECT_EQ(host.announcements.back().text, unavailable);
  EXPECT_TRUE(host.announcements.back().assertive);
  host.texts_missing.clear();  // online again: asked for anew
  s.set_language(Lang::En);
  EXPECT_EQ(s.model().lang(), Lang::En);
  EXPECT_EQ(host.text_requests, (std::vector<Lang>{Lang::De, Lang::En, Lang::En}));
}

TEST(Session, WithoutTheBrowsersLanguageTheOtherIsShownAndNamed) {
  FakeHost host;  // German browser, German texts not to be had
  host.texts_missing = {Lang::De};
  Session s(host);
  start(s);
  EXPECT_EQ(host.text_requests, (std::vector<Lang>{Lang::De, Lang::En}));
  EXPECT_EQ(s.model().lang(), Lang::En) << "the texts shown and the language named agree";
  EXPECT_EQ(s.model().t("ui.welcome.start"), s.model().strings().find("ui.welcome.start")->en);
}

TEST(Session, ATrainersQuestionnaireStaysWhenTheOtherLanguageArrives) {
  FakeHost host;
  host.storage[std::string(app::kQuestionnaireKey)] = trainer_questionnaire();
  Session s(host);
  start(s);
  ASSERT_TRUE(s.questionnaires.custom);
  s.set_language(Lang::En);
  EXPECT_EQ(s.model().lang(), Lang::En);
  EXPECT_EQ(s.model().questionnaire().id, "trainer-x");
  EXPECT_NE(s.questionnaires.standard.title.en, s.questionnaires.standard.title.de) << "ours, to go back to, whole";
  s.use_standard_questionnaire();
  EXPECT_EQ(s.model().questionnaire().title.en, s.questionnaires.standard.title.en);
}

TEST(Session, MissingOrForeignTextsStopTheStartWithAPlainMessage) {
  FakeHost host;
  host.texts_missing = {Lang::De, Lang::En};
  Session none(host);
  std::string error;
  EXPECT_FALSE(none.start(&error));
  EXPECT_NE(error.find("The texts could not be loaded. Check the connection"), std::string::npos) << error;
  FakeHost other;
  const std::string de(assets::get("content/texts.de.txt"));
  other.texts_given[Lang::De] = de.substr(0, de.rfind('\n', de.size() - 2) + 1);  // another build's: one text fewer
  Session foreign(other);
  EXPECT_FALSE(foreign.start(&error));
  EXPECT_NE(error.find("Broken embedded content / Fehlerhafte eingebettete Inhalte"), std::string::npos) << error;
  EXPECT_NE(error.find("content.texts_count"), std::string::npos) << error;
}

TEST(Session, FilesGoWhereTheyBelong) {
  FakeHost host;
  Session s(host);
  start(s);
  // A data export: previewed on the data screen, merged on confirmation.
  for (const Question* q : s.model().visible_questions()) s.model().answer(q->id, 1);
  s.save_check();
  const std::string exported = s.export_text();
  s.document().checks.clear();
  s.model().show(Screen::Welcome);
  s.open_files(files_json({exported}));
  EXPECT_EQ(s.model().screen(), Screen::Data);
  ASSERT_TRUE(s.person.pending_import);
  EXPECT_TRUE(s.document().checks.empty()) << "nothing is merged before the confirmation";
  s.confirm_import();
  EXPECT_EQ(s.document().checks.size(), 1u);
  EXPECT_FALSE(s.person.pending_import);
  // A hand-over goes to the group view from anywhere.
  s.model().show(Screen::Results);
  s.open_files(files_json({s.handover_text()}));
  EXPECT_EQ(s.model().screen(), Screen::Group);
  EXPECT_EQ(s.group.now().group.participants(), 1);
  // Several files only go there.
  s.model().show(Screen::Workshop);
  s.open_files(files_json({"{}", "{}"}));
  EXPECT_EQ(s.model().screen(), Screen::Group);
  EXPECT_EQ(s.group.now().group.errors.size(), 2u);
  // A single file on the workshop screen is a questionnaire: with answers in progress it waits for a yes.
  s.model().show(Screen::Workshop);
  s.open_files(files_json({trainer_questionnaire()}));
  ASSERT_TRUE(s.questionnaires.pending);
  EXPECT_EQ(s.model().questionnaire().id, "ssi-selfcheck");
  EXPECT_FALSE(host.storage.count(std::string(app::kQuestionnaireKey)));
  s.confirm_questionnaire();
  EXPECT_EQ(s.model().questionnaire().id, "trainer-x");
  EXPECT_TRUE(s.questionnaires.custom);
  EXPECT_EQ(host.storage.at(std::string(app::kQuestionnaireKey)), trainer_questionnaire());
  EXPECT_TRUE(s.model().answers().empty()) << "the answers belonged to the other questionnaire";
  // Back to ours: the stored file is removed.
  s.use_standard_questionnaire();
  EXPECT_EQ(s.model().questionnaire().id, "ssi-selfcheck");
  EXPECT_FALSE(s.questionnaires.custom);
  EXPECT_FALSE(host.storage.count(std::string(app::kQuestionnaireKey)));
}

TEST(Session, AnImportThatWillNotFitIsRefusedUpFrontAndChangesNothing) {
  FakeHost host;
  Session s(host);
  start(s);
  for (const Question* q : s.model().visible_questions()) s.model().answer(q->id, 1);
  s.save_check();
  s.persistence().flush();
  json file = json::parse(s.export_text());
  for (int i = 0; i < 40; ++i) {  // forty more self-checks with their own ids
    json check = file["checks"][0];
    check["id"] = "x-" + std::to_string(i);
    file["checks"].push_back(check);
  }
  const std::map<std::string, std::string, std::less<>> before = host.storage;
  std::size_t used = 0;
  for (const auto& [k, v] : host.storage) used += k.size() + v.size();
  host.quota_bytes = used + 2000;  // room for about one more self-check, not forty
  const std::string stored = host.storage.at("ssi-selfcheck.store");
  const json reply = json::parse(s.import_text(file.dump(), /*preview=*/false));
  EXPECT_FALSE(reply["ok"].get<bool>());
  EXPECT_EQ(reply["error"], s.model().t("ui.data.import_no_room"));
  EXPECT_EQ(s.document().checks.size(), 1u) << "nothing merged";
  s.persistence().flush();
  EXPECT_EQ(host.storage, before) << "nothing written";
  // Previewed while it fitted, confirmed after the storage filled up: still nothing changes.
  host.quota_bytes.reset();
  s.import_text(file.dump(), /*preview=*/true);
  ASSERT_TRUE(s.person.pending_import);
  host.quota_bytes = used + 2000;
  s.confirm_import();
  EXPECT_EQ(s.document().checks.size(), 1u);
  EXPECT_NE(s.person.import_message.find(s.model().t("ui.data.import_no_room")), std::string::npos);
  // With room, the same file is taken.
  host.quota_bytes.reset();
  EXPECT_TRUE(json::parse(s.import_text(file.dump(), /*preview=*/false))["ok"].get<bool>());
  EXPECT_EQ(s.document().checks.size(), 41u);
}

TEST(Session, AQuestionnaireThatCannotBeStoredIsSaidAndStillUsed) {
  FakeHost host;
  Session s(host);
  start(s);
  host.storage_works = false;
  s.open_questionnaire(trainer_questionnaire(), false);
  EXPECT_EQ(s.model().questionnaire().id, "trainer-x");
  EXPECT_EQ(s.questionnaires.message, s.model().t("ui.workshop.q.not_stored"));
}

TEST(Session, TheRealFormSavesOnlyWhenEveryFieldIsValid) {
  FakeHost host;
  Session s(host);
  start(s);
  s.person.real = {{"10", "12,5", "x", "20"}, "2026-01-31", "", "", "", false};
  s.save_real();
  EXPECT_TRUE(s.document().real.empty());
  EXPECT_TRUE(s.person.real.tried) << "errors are shown from now on";
  s.person.real.values[2] = "7";
  s.save_real();
  ASSERT_EQ(s.document().real.size(), 1u);
  EXPECT_EQ(s.document().real[0].component_centi[1], 1250);
  EXPECT_TRUE(s.person.real.values[0].empty()) << "the form is emptied for the next entry";
  // Deleted from the history, and back with undo.
  s.delete_entry(true, 0);
  EXPECT_TRUE(s.document().real.empty());
  s.undo_delete();
  EXPECT_EQ(s.document().real.size(), 1u);
}

}  // namespace
}  // namespace ssi::test

namespace ssi::test {
namespace {

std::string drawn_texts() {
  std::string all;
  for (const app::WidgetInfo& w : app::widget_log().tree())
    all += w.label + "\n" + w.value + "\n" + w.description + "\n";
  return all;
}

// The rare texts (src/app/rare_texts.txt) are not asked for on a first visit's screens; the first screen that shows
// one brings them, once, in the language on screen, and a switch brings the other language's own.
TEST(Session, RareTextsComeOnlyWithTheFirstScreenThatShowsThem) {
  for (const char* language : {"de-DE", "en-US"}) {
    Harness h(390, 844, language);
    ASSERT_TRUE(h.ok) << h.error;
    const Lang lang = h.model().lang(), other = lang == Lang::De ? Lang::En : Lang::De;
    h.model().show(Screen::Questionnaire);
    h.frames(2);
    for (int i = 0; i < 100 && h.model().screen() == Screen::Questionnaire; ++i) {  // every question, answered
      h.model().answer(h.model().current_question()->id, 1);
      h.frame();
      if (!h.model().next()) h.model().show(Screen::Results);
      h.frame();
    }
    h.frames(2);
    ASSERT_EQ(h.model().screen(), Screen::Results);
    h.model().begin_what_if();
    h.frames(2);
    h.model().discard_what_if();
    h.frames(2);
    EXPECT_TRUE(h.host.rare_requests.empty()) << language << ": a first visit's path needs none";
    EXPECT_FALSE(h.app.session().texts_complete());
    h.model().show(Screen::About);
    h.frame();
    EXPECT_EQ(h.host.rare_requests, std::vector<Lang>{lang});
    EXPECT_TRUE(h.app.session().texts_complete());
    const CatalogLoad ui = Catalog::load(assets::get("content/ui.json"));
    ASSERT_TRUE(ui.ok());
    EXPECT_NE(drawn_texts().find(ui.catalog->find("ui.about.title")->get(lang)), std::string::npos) << language;
    EXPECT_EQ(h.model().answers().size(), h.model().visible_questions().size()) << "the answers stay";
    h.app.session().set_language(other);
    h.frame();
    EXPECT_EQ(h.host.rare_requests, (std::vector<Lang>{lang, other}));
    EXPECT_NE(drawn_texts().find(ui.catalog->find("ui.about.title")->get(other)), std::string::npos) << language;
    h.app.session().set_language(lang);
    h.frames(2);
    EXPECT_EQ(h.host.rare_requests.size(), 2u) << "each asked for once";
  }
}

// A rare text on a first visit's screen (a notice that the saved data could not be read) is drawn as written: the
// frame with its stand-in is drawn again before it is seen (the harness fails any shown frame with one).
TEST(Session, ARareTextOnAFirstScreenIsJoinedInBeforeTheFrameIsSeen) {
  Harness h(390, 844, "de-DE", {{"ssi-selfcheck.store", "{not json"}});
  ASSERT_TRUE(h.ok) << h.error;
  EXPECT_EQ(h.model().screen(), Screen::Welcome);
  EXPECT_EQ(h.host.rare_requests, std::vector<Lang>{Lang::De});
  ASSERT_TRUE(h.widget("notice.backup"));
  EXPECT_EQ(drawn_texts().find(kRareStandIn), std::string::npos);
}

// Offline before the service worker held them: the person is told once, the app goes on, nothing is asked again.
// Offline before the service worker held them: a notice says so (a status: screen readers hear it too) while a screen
// needs them, the app goes on, and each new screen asks again, never each frame; once they come, all is as shipped.
TEST(Session, RareTextsThatCannotBeHadAreSaidAndAskedForAgainOnTheNextScreen) {
  Harness h(390, 844, "en-US");
  ASSERT_TRUE(h.ok) << h.error;
  const auto notice = [] {
    for (const app::WidgetInfo& w : app::widget_log().tree())
      if (w.id == "texts") return w.role + ": " + w.label;
    return std::string();
  };
  h.host.rare_missing = {Lang::De, Lang::En};
  h.model().show(Screen::About);
  h.frames(3);
  EXPECT_EQ(h.host.rare_requests, std::vector<Lang>{Lang::En});
  EXPECT_EQ(notice(), "status: " + h.model().t("ui.texts.unavailable"));
  h.model().show(Screen::Data);
  h.frames(3);
  EXPECT_EQ(h.host.rare_requests.size(), 2u) << "asked again for the next screen, not in every frame";
  h.model().show(Screen::Welcome);
  h.frames(2);
  EXPECT_TRUE(h.widget("nav.menu")) << "still drawing";
  EXPECT_EQ(notice(), "") << "the welcome screen needs none";
  h.host.rare_missing.clear();  // back online
  h.model().show(Screen::About);
  h.frame();
  EXPECT_EQ(h.host.rare_requests.size(), 3u);
  EXPECT_TRUE(h.app.session().texts_complete());
  EXPECT_EQ(notice(), "");
  EXPECT_EQ(drawn_texts().find(kRareStandIn), std::string::npos);
}

}  // namespace
}  // namespace ssi::test
