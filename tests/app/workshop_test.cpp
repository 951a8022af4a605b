// Workshop mode driven headless: hand-over, next participant, own questionnaire, group view, presenter.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "app/qr_code.h"
#include "app/session.h"
#include "app/theme.h"
#include "assets/assets.h"
#include "core/handover_code.h"
#include "core/workshop.h"
#include "harness.h"

namespace ssi::test {
namespace {

using nlohmann::json;

// A hand-over file of questionnaire `id` `version` with these components (its total and corridor follow from them).
std::string handover_file(const std::string& id, const std::string& version, std::array<int, 4> centi,
                          const std::string& nickname) {
  workshop::Handover ho;
  ho.questionnaire_id = id;
  ho.questionnaire_version = version;
  ho.component_centi = centi;
  int sum = 0;
  for (int c : centi) sum += c;
  ho.total = (sum + 50) / 100;
  ho.corridor = corridor_for(ho.total);
  ho.nickname = nickname;
  return workshop::handover_json(ho, "test");
}

std::string files_json(const std::vector<std::string>& texts) {
  json files = json::array();
  for (std::size_t i = 0; i < texts.size(); ++i)
    files.push_back({{"name", "f" + std::to_string(i + 1) + ".json"}, {"text", texts[i]}});
  return files.dump();
}

// The embedded questionnaire with another id and version: a trainer's own file.
std::string trainer_questionnaire(const std::string& id, const std::string& version) {
  json q = json::parse(assets::get("content/questionnaire.json"));
  q["id"] = id;
  q["version"] = version;
  return q.dump();
}

TEST(Workshop, TheHandOverHoldsOnlyScoresTotalCorridorQuestionnaireAndNickname) {
  Harness h;
  ASSERT_TRUE(h.ok) << h.error;
  EXPECT_EQ(h.app.handover_text(), "") << "nothing to hand over before any answer";
  answer_all(h, 2);
  h.frame();
  h.model().show(app::Screen::Handover);
  h.frames(2);
  ASSERT_TRUE(h.click("handover.nickname"));
  h.type("Anna");
  const json file = json::parse(h.app.handover_text());
  std::set<std::string> keys;
  for (auto it = file.begin(); it != file.end(); ++it) keys.insert(it.key());
  EXPECT_EQ(keys, (std::set<std::string>{"appVersion", "components", "corridor", "nickname", "questionnaire",
                                         "schemaVersion", "total", "type"}));
  EXPECT_EQ(file["nickname"], "Anna");
  EXPECT_EQ(file["total"], h.model().result().total);
  EXPECT_EQ(file["questionnaire"]["id"], h.model().questionnaire().id);
  EXPECT_EQ(file["corridor"], std::string(corridor_key(h.model().result().corridor)));
  // The download is that same file.
  ASSERT_TRUE(h.click("handover.download"));
  ASSERT_EQ(h.host.downloads.size(), 1u);
  EXPECT_EQ(h.host.downloads[0].bytes, h.app.handover_text());
  EXPECT_EQ(h.host.downloads[0].name.rfind("ssi-handover-Anna-", 0), 0u) << h.host.downloads[0].name;
  // And it reads back as a hand-over.
  EXPECT_TRUE(workshop::read_handover(h.host.downloads[0].bytes).ok());
  // A nickname the file would refuse disables the download, and the hook gives nothing either.
  ASSERT_TRUE(h.click("handover.nickname"));
  h.type(std::string(60, 'x'));
  h.settle();
  EXPECT_TRUE(h.widget("handover.download")->disabled);
  EXPECT_EQ(h.app.handover_text(), "");
}

TEST(Workshop, NextParticipantRemovesEveryKeyOfThePersonButKeepsTheTrainersQuestionnaire) {
  const std::string own = trainer_questionnaire("trainer-x", "2.0");
  Harness h(390, 844, "de-DE",
            {{"ssi-selfcheck.questionnaire", own}, {"ssi-selfcheck.backup.2026-01-01T00:00:00Z", "old"}});
  ASSERT_TRUE(h.ok) << h.error;
  EXPECT_EQ(h.model().questionnaire().id, "trainer-x");
  answer_all(h, 1);
  h.frame();
  h.model().show(app::Screen::Results);
  h.frames(2);
  ASSERT_TRUE(h.click("results.save"));
  ASSERT_TRUE(h.click("lang.en"));  // a remembered setting is the person's too
  h.app.flush();
  ASSERT_TRUE(h.host.storage.count("ssi-selfcheck.store"));

  h.model().show(app::Screen::Workshop);
  h.frames(2);
  ASSERT_TRUE(h.click("next.start"));
  EXPECT_TRUE(h.host.storage.count("ssi-selfcheck.store")) << "nothing is removed before the confirmation";
  ASSERT_TRUE(h.click("next.confirm"));
  h.frames(5);
  h.app.flush();
  h.host.now += 2000;
  h.frames(3);
  std::vector<std::string> keys = h.host.storage_keys();
  EXPECT_EQ(keys, std::vector<std::string>{"ssi-selfcheck.questionnaire"});
  EXPECT_TRUE(h.model().answers().empty());
  EXPECT_EQ(h.model().screen(), app::Screen::Welcome);
  EXPECT_EQ(h.model().questionnaire().id, "trainer-x");
  ASSERT_TRUE(h.widget("welcome.start"));
  EXPECT_FALSE(h.widget("welcome.results")) << "the previous person's results are not offered";
}

TEST(Workshop, ABrokenQuestionnaireListsEveryErrorAndChangesNothing) {
  Harness h;
  ASSERT_TRUE(h.ok) << h.error;
  json q = json::parse(assets::get("content/questionnaire.json"));
  q["questions"][0]["options"][0]["points"] = "many";  // wrong type
  q["questions"][3].erase("text");                     // missing
  q["version"] = 7;                                    // wrong type
  const std::string broken = q.dump();
  const QuestionnaireLoad expected = load_questionnaire(broken);
  ASSERT_GE(expected.problems.size(), 3u);

  h.model().show(app::Screen::Workshop);
  h.frames(2);
  ASSERT_TRUE(h.click("workshop.q.load"));
  EXPECT_EQ(h.host.file_picks, 1);
  EXPECT_FALSE(h.host.picked_multiple);
  h.app.open_files(files_json({broken}));
  h.frames(2);
  EXPECT_EQ(h.model().questionnaire().id, "ssi-selfcheck");
  EXPECT_FALSE(h.host.storage.count("ssi-selfcheck.questionnaire"));
  // Every problem is listed, each with its location.
  const json state = json::parse(h.app.state_json());
  ASSERT_EQ(state["questionnaireErrors"].size(), expected.problems.size());
  for (std::size_t i = 0; i < expected.problems.size(); ++i) {
    const std::string listed = state["questionnaireErrors"][i];
    EXPECT_EQ(listed, describe(h.model().strings(), expected.problems[i], h.model().lang()));
    EXPECT_NE(listed.find(expected.problems[i].path), std::string::npos) << listed;
  }
  EXPECT_EQ(state["customQuestionnaire"], false);
}

TEST(Workshop, AnOwnQuestionnaireIsUsedKeptAcrossAReloadAndCarriedByResults) {
  const std::string own = trainer_questionnaire("trainer-x", "2.0");
  std::map<std::string, std::string, std::less<>> storage;
  {
    Harness h;
    ASSERT_TRUE(h.ok) << h.error;
    h.model().answer(h.model().questionnaire().questions.front().id, 1);  // answers in progress: asks first
    h.model().show(app::Screen::Workshop);
    h.frames(2);
    h.app.open_files(files_json({own}));
    h.frames(2);
    EXPECT_EQ(h.model().questionnaire().id, "ssi-selfcheck") << "waits for the confirmation";
    ASSERT_TRUE(h.click("workshop.q.confirm"));
    EXPECT_EQ(h.model().questionnaire().id, "trainer-x");
    EXPECT_EQ(h.model().questionnaire().version, "2.0");
    EXPECT_TRUE(h.model().answers().empty());
    EXPECT_EQ(h.host.storage.at("ssi-selfcheck.questionnaire"), own);
    answer_all(h, 2);
    h.frame();
    const json file = json::parse(h.app.handover_text());
    EXPECT_EQ(file["questionnaire"], (json{{"id", "trainer-x"}, {"version", "2.0"}}));
    h.app.flush();
    storage = h.host.storage;
  }
  Harness again(390, 844, "de-DE", storage);
  ASSERT_TRUE(again.ok) << again.error;
  EXPECT_EQ(again.model().questionnaire().id, "trainer-x");
  EXPECT_FALSE(again.model().answers().empty()) << "answers to the own questionnaire survive the reload";
  // Back to ours.
  again.model().show(app::Screen::Workshop);
  again.frames(2);
  ASSERT_TRUE(again.click("workshop.q.standard"));
  ASSERT_TRUE(again.click("workshop.q.confirm"));
  EXPECT_EQ(again.model().questionnaire().id, "ssi-selfcheck");
  EXPECT_FALSE(again.host.storage.count("ssi-selfcheck.questionnaire"));
}

TEST(Workshop, AChangedCopyOfOursUnderOurIdAndVersionIsRefused) {
  Harness h;
  ASSERT_TRUE(h.ok) << h.error;
  json q = json::parse(assets::get("content/questionnaire.json"));
  q["questions"][0]["options"][0]["points"] = 3;
  h.model().show(app::Screen::Workshop);
  h.frames(2);
  h.app.open_files(files_json({q.dump()}));
  h.frames(2);
  const json state = json::parse(h.app.state_json());
  EXPECT_EQ(state["customQuestionnaire"], false);
  ASSERT_EQ(state["questionnaireErrors"].size(), 1u);
  EXPECT_NE(state["questionnaireErrors"][0].get<std::string>().find("ssi-selfcheck"), std::string::npos);
  EXPECT_FALSE(h.host.storage.count("ssi-selfcheck.questionnaire"));
}

TEST(Workshop, OurQuestionnaireAsInTheRepositoryIsNotRefused) {
  // The page embeds it without indentation (cmake/minify_json.py); the readable file is the same questionnaire.
  std::ifstream in(std::filesystem::path(SSI_SOURCE_DIR) / "content" / "questionnaire.json", std::ios::binary);
  const std::string readable{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  ASSERT_NE(readable, assets::get("content/questionnaire.json")) << "embedded as written: nothing to compare";
  Harness h;
  ASSERT_TRUE(h.ok) << h.error;
  h.model().show(app::Screen::Workshop);
  h.frames(2);
  h.app.open_files(files_json({readable}));
  h.frames(2);
  const json state = json::parse(h.app.state_json());
  EXPECT_TRUE(state["questionnaireErrors"].empty()) << state["questionnaireErrors"].dump();
  EXPECT_EQ(h.model().questionnaire().id, "ssi-selfcheck");
}

TEST(Workshop, OursCannotBeComparedOfflineWithoutTheOtherLanguageAndSaysSo) {
  Harness h;  // German: the English texts were never fetched
  ASSERT_TRUE(h.ok) << h.error;
  h.host.texts_missing = {Lang::En};
  h.model().show(app::Screen::Workshop);
  h.frames(2);
  const std::string ours(assets::get("content/questionnaire.json"));
  h.app.open_files(files_json({ours}));
  h.frames(2);
  EXPECT_EQ(h.app.session().questionnaires.message, h.model().t("ui.workshop.q.compare_offline"));
  EXPECT_TRUE(h.app.session().questionnaires.errors.empty());
  // The English reasons (rare texts, src/app/rare_texts.txt) are compared too.
  h.host.texts_missing.clear();
  h.host.rare_missing = {Lang::En};
  h.app.open_files(files_json({ours}));
  h.frames(2);
  EXPECT_EQ(h.app.session().questionnaires.message, h.model().t("ui.workshop.q.compare_offline"));
  h.host.rare_missing = {Lang::De, Lang::En};  // none at all: the message is still readable
  h.app.open_files(files_json({ours}));
  h.frames(2);
  EXPECT_EQ(h.app.session().questionnaires.message, h.model().t("ui.workshop.q.compare_offline"));
  EXPECT_EQ(h.app.session().questionnaires.message.find(kRareStandIn), std::string::npos);
  h.host.rare_missing.clear();
  h.app.open_files(files_json({ours}));
  h.frames(2);
  const json state = json::parse(h.app.state_json());
  EXPECT_TRUE(state["questionnaireErrors"].empty()) << state["questionnaireErrors"].dump();
  EXPECT_NE(h.app.session().questionnaires.message, h.model().t("ui.workshop.q.compare_offline"));
}

TEST(Workshop, DeletingAllMyDataKeepsTheTrainersQuestionnaire) {
  const std::string own = trainer_questionnaire("trainer-x", "2.0");
  Harness h(390, 844, "de-DE", {{"ssi-selfcheck.questionnaire", own}});
  ASSERT_TRUE(h.ok) << h.error;
  answer_all(h, 1);
  h.frame();
  h.app.flush();
  h.model().show(app::Screen::Data);
  h.frames(2);
  ASSERT_TRUE(h.click("data.delete"));
  ASSERT_TRUE(h.click("data.delete_yes"));
  h.app.flush();
  EXPECT_EQ(h.host.storage_keys(), std::vector<std::string>{"ssi-selfcheck.questionnaire"});
  EXPECT_EQ(h.model().questionnaire().id, "trainer-x");
}

TEST(Workshop, AStoredQuestionnaireThatBrokeIsKeptAndOursIsUsed) {
  Harness h(390, 844, "en-US", {{"ssi-selfcheck.questionnaire", "{\"id\": \"half"}});
  ASSERT_TRUE(h.ok) << h.error;
  EXPECT_EQ(h.model().questionnaire().id, "ssi-selfcheck");
  EXPECT_EQ(h.host.storage.at("ssi-selfcheck.questionnaire"), "{\"id\": \"half");
  // What is wrong with it, in rare texts written at start, reads as shipped (the harness fails a stand-in).
  h.model().show(app::Screen::Workshop);
  h.frames(2);
  EXPECT_EQ(h.app.session().questionnaires.message, h.model().t("ui.workshop.q.stored_broken"));
  ASSERT_FALSE(h.app.session().questionnaires.errors.empty());
}

TEST(Workshop, GroupViewAggregatesKeepsQuestionnairesApartAndListsBadFiles) {
  Harness h(1440, 900, "en-US");
  ASSERT_TRUE(h.ok) << h.error;
  const std::vector<std::string> files = {
      handover_file("ssi-selfcheck", "1.0.0", {1000, 500, 300, 1200}, "Anna"),
      handover_file("ssi-selfcheck", "1.0.0", {2000, 1500, 1000, 1700}, ""),
      handover_file("ssi-selfcheck", "2.0.0", {2500, 2500, 2500, 2500}, "Other"),
      "{ broken",
  };
  const json agg = json::parse(h.app.group_import(files_json(files)));
  EXPECT_EQ(h.model().screen(), app::Screen::Group);
  EXPECT_EQ(agg["participants"], 2);
  EXPECT_EQ(agg["allParticipants"], 3);
  EXPECT_EQ(agg["total"]["mean"].get<double>(), (30 + 62) / 2.0);
  EXPECT_EQ(agg["components"][0]["min"].get<double>(), 10.0);
  EXPECT_EQ(agg["components"][0]["max"].get<double>(), 20.0);
  EXPECT_EQ(agg["corridors"], (json{0, 1, 1, 0}));
  ASSERT_EQ(agg["parts"].size(), 2u);
  ASSERT_EQ(agg["errors"].size(), 1u);
  EXPECT_EQ(agg["errors"][0]["index"], 3);
  EXPECT_FALSE(agg["errors"][0]["message"].get<std::string>().empty());
  h.frames(2);
  // Nothing of it is stored; saving is a download the trainer chooses; clearing removes everything.
  for (const auto& [key, value] : h.host.storage) EXPECT_EQ(value.find("Anna"), std::string::npos) << key;
  ASSERT_TRUE(h.click("group.save"));
  ASSERT_EQ(h.host.downloads.size(), 1u);
  EXPECT_NE(h.host.downloads[0].bytes.find("Anna"), std::string::npos);
  ASSERT_TRUE(h.click("group.clear"));
  EXPECT_EQ(json::parse(h.app.group_import("[]"))["allParticipants"], 0);
  // A saved session loads again, with everyone.
  const json reloaded = json::parse(h.app.group_import(files_json({h.host.downloads[0].bytes})));
  EXPECT_EQ(reloaded["allParticipants"], 3);
  // Files the page did not read (too large, too many) are listed with the rest, in file order.
  ASSERT_TRUE(h.click("group.clear"));
  const json skipped =
      json::parse(h.app.group_import(R"([{"name":"big.pdf","text":null,"skipped":"size"},)" +
                                     files_json({files[0]}).substr(1, files_json({files[0]}).size() - 2) +
                                     R"(,{"name":"late.json","text":null,"skipped":"count"}])"));
  EXPECT_EQ(skipped["allParticipants"], 1);
  ASSERT_EQ(skipped["errors"].size(), 2u);
  EXPECT_EQ(skipped["errors"][0]["index"], 0);
  EXPECT_EQ(skipped["errors"][0]["name"], "big.pdf");
  EXPECT_EQ(skipped["errors"][1]["index"], 2);
  // A hand-over dropped on another screen opens the group view.
  h.model().show(app::Screen::Welcome);
  h.frames(2);
  h.app.open_files(files_json({files[0]}));
  EXPECT_EQ(h.model().screen(), app::Screen::Group);
}

// A hand-over file for the group view tests, written through the core's writer from consistent values.
std::string handover_file(std::array<int, 4> centi, const std::string& nickname) {
  workshop::Handover ho;
  ho.questionnaire_id = "ssi-selfcheck";
  ho.questionnaire_version = "1.0.0";
  ho.component_centi = centi;
  ho.total = (centi[0] + centi[1] + centi[2] + centi[3] + 50) / 100;
  ho.corridor = corridor_for(ho.total);
  ho.nickname = nickname;
  return workshop::handover_json(ho, "test");
}

// The text of a node of the last frame's semantics tree ("" when there is none).
std::string node_text(std::string_view id) {
  for (const app::WidgetInfo& w : app::widget_log().tree())
    if (w.id == id) return w.label;
  return "";
}

TEST(Workshop, BeforeAndAfterSessionsAreComparedExportedAndShownAsASlide) {
  for (const ImVec2 size : {ImVec2(390, 844), ImVec2(1440, 900)}) {
    Harness h(size.x, size.y, "en-US");
    ASSERT_TRUE(h.ok) << h.error;
    // Before: Anna 40, Ben 20 (inactive), one anonymous 60.
    h.app.group_import(
        files_json({handover_file({1000, 1000, 1000, 1000}, "Anna"), handover_file({500, 500, 500, 500}, "Ben"),
                    handover_file({1500, 1500, 1500, 1500}, "")}));
    h.frames(2);
    EXPECT_FALSE(h.widget("compare.csv")) << "nothing to compare with one session";
    // A new session by name, through the screen.
    ASSERT_TRUE(h.click("group.session.name"));
    h.type("After");
    ASSERT_TRUE(h.click("group.session.new"));
    h.frames(2);
    ASSERT_TRUE(h.widget("group.session.1"));
    EXPECT_TRUE(h.widget("group.session.1")->selected);
    // After: Anna 60 (up to active), Ben 20 (same), nobody anonymous.
    const json agg = json::parse(h.app.group_import(
        files_json({handover_file({1500, 1500, 1500, 1500}, "Anna"), handover_file({500, 500, 500, 500}, "Ben")})));
    EXPECT_EQ(agg["allParticipants"], 2) << "files go to the open session";
    ASSERT_EQ(agg["sessions"].size(), 2u);
    EXPECT_EQ(agg["sessions"][0]["name"], "Session 1");
    EXPECT_EQ(agg["sessions"][1]["name"], "After");
    EXPECT_EQ(agg["sessions"][0]["participants"], 3);
    const json& c = agg["comparison"];
    ASSERT_TRUE(c.is_object()) << agg.dump();
    EXPECT_EQ(c["before"]["total"]["mean"].get<double>(), 40.0);
    EXPECT_EQ(c["after"]["total"]["mean"].get<double>(), 40.0);
    EXPECT_EQ(c["after"]["total"]["spread"].get<double>(), 20.0);
    EXPECT_EQ(c["movedUp"], 1);
    EXPECT_EQ(c["stayed"], 1);
    EXPECT_EQ(c["movedDown"], 0);
    h.frames(2);
    // The tables on screen: the total's mean before, after and its change.
    EXPECT_EQ(node_text("compare.mean.r1.c0"), "40.00");
    EXPECT_EQ(node_text("compare.median.r1.c0"), "40.00");
    EXPECT_EQ(node_text("compare.spread.r1.c1"), "20.00");
    EXPECT_EQ(node_text("compare.spread.r1.c2"), "+3.67");  // 16.33 before (40, 20, 60)
    EXPECT_EQ(node_text("compare.mean.r0.c1"), "After");
    ASSERT_TRUE(h.reveal("compare.csv"));  // the people's lines are drawn where the screen shows them (just above)
    EXPECT_NE(node_text("compare.people.0").find("Anna: 40 → 60 (+20)"), std::string::npos)
        << node_text("compare.people.0");
    // The CSV download.
    ASSERT_TRUE(h.click("compare.csv"));
    ASSERT_FALSE(h.host.downloads.empty());
    const std::string csv = h.host.downloads.back().bytes;
    EXPECT_EQ(csv.rfind(std::string(workshop::kComparisonCsvHeader) + "\r\n", 0), 0u);
    EXPECT_NE(csv.find("mean,,After,10.00,10.00,10.00,10.00,40.00,,2\r\n"), std::string::npos) << csv;
    EXPECT_NE(csv.find("person,Anna,change,5.00,5.00,5.00,5.00,20.00,up,\r\n"), std::string::npos) << csv;
    EXPECT_EQ(h.host.downloads.back().name.rfind("ssi-comparison-", 0), 0u);
    // Nothing of it is stored on the device.
    for (const auto& [key, value] : h.host.storage) EXPECT_EQ(value.find("Anna"), std::string::npos) << key;
    // Every widget fits the width.
    for (const auto& w : app::widget_log().last()) EXPECT_LE(w.rect.Max.x, size.x) << w.id << " at " << size.x;
    // As a slide: the seventh, after the six fixed ones.
    ASSERT_TRUE(h.click("compare.slide"));
    h.settle();
    EXPECT_EQ(h.model().screen(), app::Screen::Presenter);
    EXPECT_EQ(h.widget("presenter.slide")->label, "Before and after");
    EXPECT_EQ(node_text("slide.compare.mean.r1.c2"), "0.00");
    h.key(ImGuiKey_Home);
    h.key(ImGuiKey_End);
    h.settle();
    EXPECT_EQ(h.widget("presenter.slide")->label, "Before and after") << "End reaches the comparison";
    EXPECT_FALSE(h.app.animating());
    // Choosing the same session twice compares nothing; the slide is gone again.
    h.model().show(app::Screen::Group);
    h.frames(2);
    ASSERT_TRUE(h.click("compare.after.0"));
    h.frames(2);
    EXPECT_FALSE(h.widget("compare.csv"));
    EXPECT_TRUE(json::parse(h.app.group_import("[]"))["comparison"].is_null());
    // The first session opens again with its three files (its tab is at the top: reveal() only scrolls down).
    h.app.scroll_by(-100000.0f);
    h.frames(2);
    ASSERT_TRUE(h.click("group.session.0"));
    EXPECT_EQ(json::parse(h.app.group_import("[]"))["allParticipants"], 3);
  }
}

TEST(Workshop, TheHandOverScreenShowsTheCodeAsALargeQrCodeAndAsTextAndTheGroupViewReadsIt) {
  for (const ImVec2 size : {ImVec2(390, 844), ImVec2(1440, 900)}) {
    Harness h(size.x, size.y, "de-DE");
    ASSERT_TRUE(h.ok) << h.error;
    answer_all(h, 2);
    h.frame();
    h.model().show(app::Screen::Handover);
    h.frames(2);
    ASSERT_TRUE(h.click("handover.nickname"));
    h.type("Zoë;1");
    h.settle();
    const std::string code = h.app.handover_code();
    const workshop::CodeLoad load = workshop::read_handover_code(code);
    ASSERT_TRUE(load.ok()) << code;
    // The same values as the file.
    const workshop::HandoverLoad file = workshop::read_handover(h.app.handover_text());
    ASSERT_TRUE(file.ok());
    EXPECT_EQ(*load.handover, *file.handover);
    EXPECT_EQ(load.handover->nickname, "Zoë;1");
    // Drawn as an image at least 300 CSS px wide on a phone (about 8 cm: readable from a metre), square, within the
    // screen; the text under it is the code itself.
    const app::WidgetInfo* qr = nullptr;
    bool text_shown = false;
    for (const app::WidgetInfo& w : app::widget_log().tree()) {
      if (w.id == "handover.qr") qr = &w;
      if (w.label == code) text_shown = true;
    }
    ASSERT_TRUE(qr);
    EXPECT_EQ(qr->role, "img");
    EXPECT_FALSE(qr->label.empty());
    EXPECT_GE(qr->rect.GetWidth(), 300.0f) << size.x;
    EXPECT_NEAR(qr->rect.GetWidth(), qr->rect.GetHeight(), 0.01f);
    EXPECT_LE(qr->rect.Max.x, size.x);
    EXPECT_TRUE(text_shown);
    // The group view adds it like a file.
    const json agg = json::parse(h.app.group_import(files_json({code})));
    EXPECT_EQ(agg["allParticipants"], 1);
    EXPECT_EQ(agg["total"]["mean"].get<double>(), load.handover->total);
    // A nickname the code would refuse shows no QR code (the field says why).
    h.model().show(app::Screen::Handover);
    h.frames(2);
    ASSERT_TRUE(h.click("handover.nickname"));
    h.type(std::string(60, 'x'));
    h.settle();
    EXPECT_EQ(h.app.handover_code(), "");
    EXPECT_EQ(node_text("handover.qr"), "");
  }
}

TEST(Workshop, PresenterSlidesAreReachableWithTheKeyboardAloneInLargeHighContrastType) {
  Harness h(1920, 1080, "de-DE");
  ASSERT_TRUE(h.ok) << h.error;
  h.model().show(app::Screen::Workshop);
  h.frames(2);
  ASSERT_TRUE(h.click("workshop.presenter"));
  h.frames(3);
  EXPECT_EQ(h.model().screen(), app::Screen::Presenter);
  EXPECT_GE(h.app.font_scale(), 1.5f);
  EXPECT_EQ(app::theme().body_size, app::Theme::kBodySize * h.app.font_scale());
  EXPECT_TRUE(app::theme().presenter);
  std::vector<std::string> titles;
  auto title = [&] { return h.widget("presenter.slide")->label; };
  ASSERT_TRUE(h.widget("presenter.slide"));
  titles.push_back(title());
  for (ImGuiKey key :
       {ImGuiKey_RightArrow, ImGuiKey_PageDown, ImGuiKey_DownArrow, ImGuiKey_RightArrow, ImGuiKey_PageDown}) {
    h.key(key);
    titles.push_back(title());
  }
  EXPECT_EQ(std::set<std::string>(titles.begin(), titles.end()).size(), 6u) << "six different slides";
  h.key(ImGuiKey_RightArrow);
  EXPECT_EQ(title(), titles.back()) << "the last slide stays";
  h.key(ImGuiKey_PageUp);
  EXPECT_EQ(title(), titles[4]);
  h.key(ImGuiKey_Home);
  EXPECT_EQ(title(), titles[0]);
  h.key(ImGuiKey_End);
  EXPECT_EQ(title(), titles[5]);
  // Every slide fits the projector's screen, above the bar with the buttons.
  h.key(ImGuiKey_Home);
  for (int i = 0; i < 6; ++i) {
    h.frames(4);
    const auto content = h.widget("presenter.slide");
    const auto bar = h.widget("presenter.next");
    ASSERT_TRUE(content && bar);
    EXPECT_LE(content->rect.Max.y, bar->rect.Min.y) << "slide " << i + 1 << " runs into the bar";
    EXPECT_GE(content->rect.GetHeight(), 200.0f) << "slide " << i + 1;
    for (const auto& w : app::widget_log().last()) {
      EXPECT_LE(w.rect.Max.x, 1920.0f) << w.id;
      EXPECT_LE(w.rect.Max.y, 1080.0f) << w.id;
    }
    h.key(ImGuiKey_RightArrow);
  }
  h.key(ImGuiKey_End);
  // Tab reaches the bar's buttons and Enter presses them; the arrows still turn slides, not the focus.
  h.key(ImGuiKey_Home);
  const app::WidgetInfo* focused = nullptr;
  for (int i = 0; i < 6 && !(focused && focused->id == "presenter.next"); ++i) {
    h.key(ImGuiKey_Tab);
    focused = app::widget_log().focused();
  }
  ASSERT_TRUE(focused && focused->id == "presenter.next");
  h.key(ImGuiKey_Enter);
  EXPECT_EQ(title(), titles[1]);
  h.key(ImGuiKey_RightArrow);
  EXPECT_EQ(title(), titles[2]);
  ASSERT_TRUE(app::widget_log().focused());
  EXPECT_EQ(app::widget_log().focused()->id, "presenter.next") << "the arrow turned the slide, not the focus";
  h.key(ImGuiKey_Escape);
  EXPECT_EQ(h.model().screen(), app::Screen::Workshop);
  h.frames(2);
  EXPECT_EQ(h.app.font_scale(), 1.0f);
  EXPECT_FALSE(app::theme().presenter);
  // Back on a normal screen the arrows move the keyboard focus again.
  h.key(ImGuiKey_Tab);  // Escape cleared the focus; one Tab brings it back to the first item
  const auto* before = app::widget_log().focused();
  ASSERT_TRUE(before);
  const std::string from = before->id;
  h.key(ImGuiKey_DownArrow);
  ASSERT_TRUE(app::widget_log().focused());
  EXPECT_NE(app::widget_log().focused()->id, from) << "the arrow keys were not given back";
}

TEST(Workshop, EverySlideSettlesAtEverySize) {
  // Centring uses the last frame's height: it must converge, or an idle page would keep drawing.
  for (const ImVec2 size : {ImVec2(390, 844), ImVec2(768, 1024), ImVec2(1280, 720), ImVec2(1920, 1080)}) {
    Harness h(size.x, size.y, "de-DE");
    ASSERT_TRUE(h.ok) << h.error;
    h.model().show(app::Screen::Presenter);
    for (int slide = 0; slide < 6; ++slide) {
      h.frames(10);
      EXPECT_FALSE(h.app.animating()) << "slide " << slide + 1 << " at " << size.x << "x" << size.y;
      h.key(ImGuiKey_RightArrow);
    }
  }
}

TEST(Workshop, ASlideTallerThanAPhoneScrollsWithATouchDrag) {
  Harness h(390, 600, "de-DE");
  ASSERT_TRUE(h.ok) << h.error;
  h.model().show(app::Screen::Presenter);
  h.key(ImGuiKey_RightArrow);  // the four component cards: taller than 600 px on a phone
  h.settle();
  const float top = h.widget("presenter.slide")->rect.Min.y;
  h.app.scroll_by(200);
  h.frame();
  h.settle();
  EXPECT_LT(h.widget("presenter.slide")->rect.Min.y, top - 40.0f) << "the drag scrolled the slide";
  h.key(ImGuiKey_RightArrow);
  h.settle();
  h.key(ImGuiKey_LeftArrow);
  h.settle();
  EXPECT_NEAR(h.widget("presenter.slide")->rect.Min.y, top, 1.0f) << "a slide shown again starts at its top";
}

TEST(Workshop, NewScreensFitPhoneTabletAndDesktop) {
  for (const ImVec2 size : {ImVec2(390, 844), ImVec2(768, 1024), ImVec2(1440, 900)}) {
    Harness h(size.x, size.y, "de-DE");
    ASSERT_TRUE(h.ok) << h.error;
    answer_all(h, 2);
    h.frame();
    for (app::Screen s : {app::Screen::Workshop, app::Screen::Handover, app::Screen::Group, app::Screen::Presenter}) {
      h.model().show(s);
      h.frames(4);
      ASSERT_FALSE(app::widget_log().last().empty());
      for (const auto& w : app::widget_log().last()) {
        EXPECT_GE(w.rect.Min.x, 0.0f) << w.id << " at " << size.x;
        EXPECT_LE(w.rect.Max.x, size.x) << w.id << " at " << size.x;
      }
    }
  }
}

// The hand-over QR code has error correction level M (qr_code.h; the browser round trip's decoder does not report the
// level): both copies of its format information, read back where ISO/IEC 18004 puts them (bit 14 first) and unmasked
// with 0x5412, start with the level bits 00.
TEST(Workshop, TheHandOverQrCodeHasErrorCorrectionLevelM) {
  const app::QrModules qr = app::qr_modules("SSIH;1;ssi-selfcheck;1.0.0;1250;1000;725;1530;2026-11-29;Anna;0B3A9175");
  ASSERT_GE(qr.size, 21);
  const int n = qr.size;
  int first[15][2] = {{0, 8}, {1, 8}, {2, 8}, {3, 8}, {4, 8}, {5, 8}, {7, 8}, {8, 8},
                      {8, 7}, {8, 5}, {8, 4}, {8, 3}, {8, 2}, {8, 1}, {8, 0}};
  int second[15][2];
  for (int i = 0; i < 7; ++i) second[i][0] = 8, second[i][1] = n - 1 - i;
  for (int i = 7; i < 15; ++i) second[i][0] = n - 15 + i, second[i][1] = 8;
  for (const auto* copy : {first, second}) {
    int word = 0;
    for (int k = 0; k < 15; ++k) word = (word << 1) | (qr.at(copy[k][0], copy[k][1]) ? 1 : 0);
    EXPECT_EQ((word ^ 0x5412) >> 13, 0) << "level bits (M 00, L 01, H 10, Q 11) of " << word;
  }
}

// The group view's QR scanner (issue 15): the camera is asked for only when the trainer opens it; a code in view is
// read once, shown again it is a repeat (said, not added); a refused code gives its reason and is listed once; the
// camera goes off when it is refused, when the scanner closes and when the trainer leaves the group view.
TEST(Workshop, TheScannerAddsEachCodeOnceSaysRepeatsAndTurnsTheCameraOff) {
  Harness h(390, 844, "en-US");
  ASSERT_TRUE(h.ok) << h.error;
  const std::string anna = handover_file("ssi-selfcheck", "1.0.0", {1000, 500, 300, 1200}, "Anna"),
                    ben = handover_file("ssi-selfcheck", "1.0.0", {2000, 1500, 1000, 1700}, "Ben"),
                    anon = handover_file("ssi-selfcheck", "1.0.0", {900, 900, 900, 900}, "");
  auto node = [](std::string_view id) -> std::string {
    for (const app::WidgetInfo& w : app::widget_log().tree())
      if (w.id == id) return w.label;
    return "(missing)";
  };
  // What the web runner does after a platform event (request_frame): draw three frames.
  auto drawn = [&] { h.frames(3); };
  auto participants = [&] { return json::parse(h.app.group_import("[]"))["allParticipants"].get<int>(); };
  h.model().show(app::Screen::Group);
  drawn();
  h.app.scanned(anna);  // nothing is read while the scanner is closed
  drawn();
  EXPECT_EQ(participants(), 0);
  EXPECT_EQ(h.host.camera_starts, 0);
  ASSERT_TRUE(h.click("group.scan"));
  EXPECT_TRUE(h.host.camera_on);
  EXPECT_FALSE(h.host.camera_front);  // the back camera first: the trainer points the phone at the room
  EXPECT_GT(h.host.camera_view.w, 0.0f);
  EXPECT_EQ(node("scan.status"), "Starting the camera … your browser may ask whether this page may use it.");
  h.app.camera_status(app::CameraStatus::Running);
  drawn();
  EXPECT_EQ(node("scan.preview"), "Camera picture");

  h.app.scanned(anna);
  h.host.now += 150;
  h.app.scanned(anna);  // the next frame of the same showing
  h.host.now += 1000;
  h.app.scanned(ben);
  h.host.now += 1000;
  h.app.scanned(anon);
  drawn();
  EXPECT_EQ(participants(), 3);
  EXPECT_EQ(node("scan.last"), "Added: Participant 3");
  h.host.now += 5000;
  h.app.scanned(anna);  // shown again later: a repeat
  drawn();
  EXPECT_EQ(h.host.announcements.back().text, "Already added");
  EXPECT_EQ(participants(), 3);
  EXPECT_EQ(node("scan.last"), "Already added: Anna – not added again.");
  EXPECT_EQ(node("scan.count"), "This round: 3 added, 1 already added, 0 refused");

  h.app.scanned("SSIH;9;nonsense");
  h.host.now += 5000;
  h.app.scanned("SSIH;9;nonsense");
  drawn();
  EXPECT_EQ(participants(), 3);
  const json group = json::parse(h.app.group_import("[]"));
  ASSERT_EQ(group["errors"].size(), 1u);  // read twice, listed once
  EXPECT_EQ(node("scan.last").rfind("Not added: ", 0), 0u) << node("scan.last");
  EXPECT_GT(node("scan.last").size(), std::string("Not added: ").size());
  EXPECT_EQ(node("scan.count"), "This round: 3 added, 1 already added, 1 refused");

  ASSERT_TRUE(h.click("scan.front"));
  EXPECT_TRUE(h.host.camera_on);
  EXPECT_TRUE(h.host.camera_front);
  EXPECT_EQ(h.host.camera_starts, 2);
  ASSERT_TRUE(h.click("scan.close"));
  EXPECT_FALSE(h.host.camera_on);
  EXPECT_FALSE(h.widget("scan.close"));

  // Refused by the person: the camera is off, the message says what to do, and trying again asks again.
  ASSERT_TRUE(h.click("group.scan"));
  EXPECT_TRUE(h.host.camera_front);  // the camera chosen last
  h.app.camera_status(app::CameraStatus::Denied);
  drawn();
  EXPECT_FALSE(h.host.camera_on);
  EXPECT_EQ(node("scan.preview"), "(missing)");
  EXPECT_EQ(node("scan.status").rfind("This page may not use the camera.", 0), 0u) << node("scan.status");
  ASSERT_TRUE(h.click("scan.retry"));
  EXPECT_TRUE(h.host.camera_on);
  const int starts = h.host.camera_starts;
  h.model().show(app::Screen::Welcome);  // leaving the group view turns the camera off and closes the scanner
  drawn();
  EXPECT_FALSE(h.host.camera_on);
  h.model().show(app::Screen::Group);
  drawn();
  EXPECT_FALSE(h.host.camera_on);
  EXPECT_EQ(h.host.camera_starts, starts);
  EXPECT_TRUE(h.widget("group.scan"));
}

// The scanner's tones (issue 15): off until the trainer ticks the box, then one tone per code read (not per camera
// frame), its kind by outcome; the choice stays for this page session when the scanner opens again.
TEST(Workshop, TheScannerPlaysOneToneOfItsKindPerScanOnlyWithSoundOn) {
  Harness h(390, 844, "de-DE");
  ASSERT_TRUE(h.ok) << h.error;
  auto code = [](int centi, const std::string& nick) {
    workshop::Handover ho;
    ho.questionnaire_id = "ssi-selfcheck";
    ho.questionnaire_version = "1.0.0";
    ho.component_centi = {centi, centi, centi, centi};
    ho.total = (4 * centi + 50) / 100;
    ho.corridor = corridor_for(ho.total);
    ho.nickname = nick;
    return workshop::handover_json(ho, "test");
  };
  const std::string anna = code(1000, "Anna"), ben = code(1500, "Ben"), carl = code(2000, "Carl");
  using T = app::ScanTone;
  h.model().show(app::Screen::Group);
  h.frames(3);
  ASSERT_TRUE(h.click("group.scan"));
  h.app.camera_status(app::CameraStatus::Running);
  h.frames(3);
  const auto box = h.widget("scan.sound");
  ASSERT_TRUE(box);
  EXPECT_EQ(box->role, "checkbox");
  EXPECT_EQ(box->label, "Ton bei jedem Scan");
  EXPECT_FALSE(box->selected);
  h.app.scanned(anna);  // sound off: added, repeated and refused in silence
  h.host.now += 5000;
  h.app.scanned(anna);
  h.app.scanned("SSIH;9;nonsense");
  h.frames(3);
  EXPECT_TRUE(h.host.scan_tones.empty());

  ASSERT_TRUE(h.click("scan.sound"));
  EXPECT_TRUE(h.widget("scan.sound")->selected);
  EXPECT_EQ(h.host.scan_tones, std::vector<T>{T::Armed});  // in the tap: the platform gets its audio ready
  h.host.scan_tones.clear();
  h.host.now += 5000;
  h.app.scanned(ben);
  for (int i = 0; i < 5; ++i) {  // the same code in view for five camera reads and frames: one scan
    h.host.now += 150;
    h.app.scanned(ben);
    h.frame();
  }
  h.host.now += 5000;
  h.app.scanned(anna);
  h.host.now += 150;
  h.app.scanned(anna);
  h.host.now += 5000;
  h.app.scanned("SSIH;9;other nonsense");
  h.host.now += 150;
  h.app.scanned("SSIH;9;other nonsense");
  h.host.now += 5000;
  h.app.scanned("SSIH;9;nonsense");  // refused before sound was on: refused again
  h.frames(3);
  EXPECT_EQ(h.host.scan_tones, (std::vector<T>{T::Added, T::Repeat, T::Refused, T::Refused}));

  // Closed and opened again: sound still on; the next participant is heard.
  ASSERT_TRUE(h.click("scan.close"));
  ASSERT_TRUE(h.click("group.scan"));
  EXPECT_TRUE(h.widget("scan.sound")->selected);
  h.host.scan_tones.clear();
  h.app.scanned(carl);
  EXPECT_EQ(h.host.scan_tones, std::vector<T>{T::Added});
  // Turned off: silent again, and turning off arms nothing.
  ASSERT_TRUE(h.click("scan.sound"));
  h.host.now += 5000;
  h.app.scanned(ben);
  h.frames(3);
  EXPECT_EQ(h.host.scan_tones, std::vector<T>{T::Added});
}

}  // namespace
}  // namespace ssi::test
