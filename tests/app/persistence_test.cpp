// The person's data on the device: written (debounced), resumed after a reload, kept safe when unreadable,
// shared between tabs, exported, imported and deleted — all through the App as the page drives it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/persistence.h"
#include "harness.h"

namespace ssi::test {
namespace {

using Storage = std::map<std::string, std::string, std::less<>>;

// Answers every visible question with its second option and saves the self-check from the results screen,
// as a person would (the harness is tall enough to show the whole results page).
void answer_and_save(Harness& h) {
  app::Model& m = h.model();
  for (const Question* q : m.visible_questions()) ASSERT_TRUE(m.answer(q->id, 1));
  m.show(app::Screen::Results);
  h.frames(3);
  ASSERT_TRUE(h.click("results.save"));
}

// One saved self-check, and History open on it: its id.
void history_with_one_check(Harness& h, std::string& id) {
  ASSERT_NO_FATAL_FAILURE(answer_and_save(h));
  const auto checks = nlohmann::json::parse(h.app.export_text())["checks"];
  ASSERT_EQ(checks.size(), 1u);
  id = checks[0]["id"];
  h.model().show(app::Screen::History);
  h.frames(3);
}

TEST(Persistence, ReloadResumesTheScreenQuestionAndAnswers) {
  Storage storage;
  std::string question;
  Answers answers;
  {
    Harness h(390, 844, "en-US");
    ASSERT_TRUE(h.ok) << h.error;
    app::Model& m = h.model();
    m.start_questionnaire();
    for (int i = 0; i < 5; ++i) {
      ASSERT_TRUE(m.answer(m.current_question()->id, 1));
      ASSERT_TRUE(m.next());
    }
    h.frames(2);
    question = m.current_question()->id;
    answers = m.answers();
    // Debounced: nothing is written before 500 ms have passed...
    EXPECT_FALSE(h.host.storage.count("ssi-selfcheck.store"));
    EXPECT_FALSE(h.host.wakes.empty()) << "the app must ask to be woken for the pending write";
    h.frames(40);  // ~670 ms at 60 fps
    EXPECT_TRUE(h.host.storage.count("ssi-selfcheck.store"));
    storage = h.host.storage;
  }
  Harness again(390, 844, "en-US", storage);
  ASSERT_TRUE(again.ok) << again.error;
  EXPECT_EQ(again.model().screen(), app::Screen::Questionnaire);
  EXPECT_EQ(again.model().current_question()->id, question);
  EXPECT_EQ(again.model().answers(), answers);
}

TEST(Persistence, FlushWritesPendingChangesAtOnce) {
  Harness h(390, 844, "en-US");
  ASSERT_TRUE(h.ok) << h.error;
  ASSERT_TRUE(h.model().answer(h.model().questionnaire().questions.front().id, 0));
  h.frame();
  EXPECT_FALSE(h.host.storage.count("ssi-selfcheck.store"));
  h.app.flush();  // pagehide
  EXPECT_TRUE(h.host.storage.count("ssi-selfcheck.store"));
}

TEST(Persistence, UnreadableDataIsKeptAsABackupAndTheAppStarts) {
  for (const std::string& bad :
       {std::string("{not json"), std::string("{\"schema\":\"ssi-selfcheck/store\",\"schemaVersion\":99}"),
        std::string("{\"schema\":\"ssi-selfcheck/store\",\"schemaVersion\":2,\"checks\":[{\"id\":"),
        std::string("[1,2,3]")}) {
    Harness h(390, 844, "de-DE", {{"ssi-selfcheck.store", bad}});
    ASSERT_TRUE(h.ok) << h.error;
    std::string backup_key;
    for (const auto& [key, value] : h.host.storage)
      if (key.rfind("ssi-selfcheck.backup.", 0) == 0) {
        backup_key = key;
        EXPECT_EQ(value, bad);
      }
    EXPECT_FALSE(backup_key.empty()) << "no backup kept for: " << bad;
    // The notice offers the copy as a download.
    ASSERT_TRUE(h.widget("notice.backup")) << bad;
    ASSERT_TRUE(h.click("notice.backup"));
    ASSERT_EQ(h.host.downloads.size(), 1u);
    EXPECT_EQ(h.host.downloads[0].bytes, bad);
    // New data is written under the main key; the backup is never overwritten.
    ASSERT_TRUE(h.model().answer(h.model().questionnaire().questions.front().id, 0));
    h.frame();
    h.app.flush();
    EXPECT_EQ(h.host.storage.at(backup_key), bad);
  }
}

TEST(Persistence, UnreadableDataWithNoRoomForACopyIsNeverOverwritten) {
  Harness h(390, 844, "en-US");
  ASSERT_TRUE(h.ok) << h.error;
  // From a newer version, and a copy of a partly readable one (one entry this version cannot read).
  const std::string newer = R"({"schema":"ssi-selfcheck/store","schemaVersion":3,"checks":[{"id":"x"}]})";
  const std::string partly =
      R"({"schema":"ssi-selfcheck/store","schemaVersion":2,"real":[{"centi":{"brand":100,"engage":0,"find":0,"relationships":0},"date":"2026-01-01","id":"r-a"},)"
      R"({"centi":{"brand":9999,"engage":0,"find":0,"relationships":0},"date":"2026-01-02","id":"r-b"}]})";
  for (const std::string& original : {newer, partly}) {
    FakeHost host;
    host.storage[std::string(app::kStoreKey)] = original;
    host.storage_works = false;  // full: not even the copy fits
    app::Persistence p(host, h.model().questionnaire());
    p.load();
    EXPECT_TRUE(p.original_in_place()) << original;
    EXPECT_EQ(p.backup_key(), app::kStoreKey);
    EXPECT_EQ(p.backup_text(), original) << "the download offers the original";
    // An edit: nothing is written over the original, and the write says it failed.
    p.document().settings.theme = "dark";
    p.changed();
    p.flush();
    EXPECT_TRUE(p.write_failed());
    host.storage_works = true;  // room again later in the session: still never over the only copy
    p.changed();
    p.flush();
    EXPECT_EQ(host.storage.at(std::string(app::kStoreKey)), original) << "byte-exact";
    EXPECT_EQ(host.storage.size(), 1u);
  }
  // With room, a partly readable document is copied first and its readable part written back.
  FakeHost host;
  host.storage[std::string(app::kStoreKey)] = partly;
  app::Persistence p(host, h.model().questionnaire());
  EXPECT_EQ(p.load(), app::Persistence::Loaded::Restored);
  ASSERT_EQ(p.dropped().size(), 1u);
  EXPECT_EQ(p.dropped()[0].path, "real[1].centi.brand");
  EXPECT_EQ(p.document().real.size(), 1u);
  EXPECT_NE(p.backup_key(), app::kStoreKey);
  EXPECT_EQ(host.storage.at(p.backup_key()), partly);
  p.document().settings.theme = "dark";
  p.changed();
  p.flush();
  EXPECT_FALSE(p.write_failed());
  EXPECT_EQ(host.storage.at(p.backup_key()), partly);
}

TEST(Persistence, TheNoticesSayWhatHappenedToTheOriginal) {
  const std::string partly =
      R"({"schema":"ssi-selfcheck/store","schemaVersion":2,"real":[{"centi":{"brand":100,"engage":0,"find":0,"relationships":0},"date":"2026-01-01","id":"r-a"},)"
      R"({"centi":{"brand":9999,"engage":0,"find":0,"relationships":0},"date":"2026-01-02","id":"r-b"}]})";
  Harness h(390, 844, "en-US", {{"ssi-selfcheck.store", partly}});
  ASSERT_TRUE(h.ok) << h.error;
  h.model().show(app::Screen::Data);
  h.frames(2);
  ASSERT_TRUE(h.click("notice.backup")) << "entries were left out: the notice offers the complete old version";
  ASSERT_EQ(h.host.downloads.size(), 1u);
  EXPECT_EQ(h.host.downloads[0].bytes, partly);
  // And the downloaded copy imports back as a repair: nothing new (r-a is there), one entry listed as left out.
  const auto reply = nlohmann::json::parse(h.app.import_text(partly, true));
  EXPECT_TRUE(reply["ok"].get<bool>());
}

TEST(Persistence, TwoTabsAnsweringAndImportingAtOnceLoseNothing) {
  Harness a(390, 844, "en-US");
  ASSERT_TRUE(a.ok) << a.error;
  const auto& questions = a.model().questionnaire().questions;
  a.model().answer(questions[0].id, 2);
  a.frame();
  a.app.flush();
  Harness b(390, 844, "en-US", a.host.storage);
  ASSERT_TRUE(b.ok) << b.error;
  // Both answer within the debounce: a's answer is not written yet when b's write arrives.
  ASSERT_TRUE(a.model().answer(questions[1].id, 1));
  a.frame();
  ASSERT_TRUE(b.model().answer(questions[2].id, 1));
  b.frame();
  b.app.flush();
  a.host.storage = b.host.storage;  // the shared localStorage, then a's storage event
  a.app.storage_changed_elsewhere();
  a.app.flush();
  b.host.storage = a.host.storage;
  b.app.storage_changed_elsewhere();
  for (Harness* h : {&a, &b}) {
    EXPECT_EQ(h->model().answers().at(questions[0].id), 2);
    EXPECT_EQ(h->model().answers().at(questions[1].id), 1);
    EXPECT_EQ(h->model().answers().at(questions[2].id), 1);
  }
  // Imports in both tabs at once: a writes first; b writes before a's storage event reached it.
  const auto file = [](std::string_view id) {
    return std::string(R"({"type":"ssi-selfcheck/export","schemaVersion":1,"checks":[],"real":[{"id":")") +
           std::string(id) + R"(","date":"2026-01-01","centi":{"brand":0,"find":0,"engage":0,"relationships":0}}]})";
  };
  EXPECT_TRUE(nlohmann::json::parse(a.app.import_text(file("from-a"), false))["ok"].get<bool>());
  EXPECT_TRUE(nlohmann::json::parse(b.app.import_text(file("from-b"), false))["ok"].get<bool>());
  a.app.flush();
  b.host.storage = a.host.storage;
  b.app.flush();  // merges what a wrote instead of overwriting it
  a.host.storage = b.host.storage;
  a.app.storage_changed_elsewhere();
  for (Harness* h : {&a, &b}) {
    const std::string stored = h->host.storage.at("ssi-selfcheck.store");
    EXPECT_NE(stored.find("from-a"), std::string::npos);
    EXPECT_NE(stored.find("from-b"), std::string::npos);
  }
  EXPECT_EQ(a.app.export_text().find("from-b") != std::string::npos, true);
}

TEST(Persistence, TheTabWhoseWriteMergedShowsTheOtherTabsAnswers) {
  Harness a(390, 844, "en-US");
  ASSERT_TRUE(a.ok) << a.error;
  a.app.flush();
  Harness b(390, 844, "en-US", a.host.storage);
  ASSERT_TRUE(b.ok) << b.error;
  const auto& questions = a.model().questionnaire().questions;
  ASSERT_TRUE(a.model().answer(questions[0].id, 1));
  a.frame();
  ASSERT_TRUE(b.model().answer(questions[1].id, 2));
  b.frame();
  a.app.flush();
  b.host.storage = a.host.storage;  // a's write is in storage before its storage event reaches b
  b.frames(40);                     // b's own debounced write merges it
  EXPECT_NE(b.host.storage.at("ssi-selfcheck.store").find(questions[0].id), std::string::npos);
  ASSERT_TRUE(b.model().answers().count(questions[0].id)) << "b's model follows the merged document";
  EXPECT_EQ(b.model().answers().at(questions[0].id), 1);
  EXPECT_EQ(b.model().answers().at(questions[1].id), 2);
  b.frames(40);  // and does not write it again without its answer
  EXPECT_EQ(b.model().answers().at(questions[0].id), 1);
  EXPECT_FALSE(b.widget("notice.dismiss")) << "different answers are no conflict";
}

TEST(Persistence, AnotherKeyChangingBeforeAnythingIsStoredLosesNothing) {
  Harness a(390, 844, "en-US");
  ASSERT_TRUE(a.ok) << a.error;
  const std::string file =
      R"({"type":"ssi-selfcheck/export","schemaVersion":1,"checks":[],"real":[{"id":"mine","date":"2026-01-01",)"
      R"("centi":{"brand":0,"find":0,"engage":0,"relationships":0}}]})";
  ASSERT_TRUE(nlohmann::json::parse(a.app.import_text(file, false))["ok"].get<bool>());
  ASSERT_TRUE(a.model().answer(a.model().questionnaire().questions[0].id, 1));
  a.frame();
  ASSERT_FALSE(a.host.storage.count("ssi-selfcheck.store")) << "still within the debounce";
  // Another tab stores a trainer's questionnaire: its storage event reaches this tab.
  a.host.storage["ssi-selfcheck.questionnaire"] = "{}";
  a.app.storage_changed_elsewhere();
  a.app.flush();
  ASSERT_TRUE(a.host.storage.count("ssi-selfcheck.store"));
  EXPECT_NE(a.host.storage.at("ssi-selfcheck.store").find("\"mine\""), std::string::npos);
  EXPECT_TRUE(a.model().answers().count(a.model().questionnaire().questions[0].id));
}

TEST(Persistence, TwoWritesOfTheSameMomentInEitherOrderLoseNothing) {
  for (const bool a_last : {false, true}) {
    Harness a(390, 844, "en-US");
    ASSERT_TRUE(a.ok) << a.error;
    a.app.flush();
    Harness b(390, 844, "en-US", a.host.storage);
    ASSERT_TRUE(b.ok) << b.error;
    const auto& questions = a.model().questionnaire().questions;
    ASSERT_TRUE(a.model().answer(questions[0].id, 1));
    ASSERT_TRUE(a.model().answer(questions[2].id, 0));
    a.frame();
    ASSERT_TRUE(b.model().answer(questions[1].id, 2));
    ASSERT_TRUE(b.model().answer(questions[2].id, 1));
    b.frame();
    // Both write before either sees the other's write; the browser keeps one of the two.
    a.app.flush();
    b.app.flush();
    Harness& last = a_last ? a : b;
    Harness& lost = a_last ? b : a;
    lost.host.storage = last.host.storage;
    lost.app.storage_changed_elsewhere();  // the write that was kept arrives, without this tab's
    lost.frames(40);                       // which writes the merge
    last.host.storage = lost.host.storage;
    last.app.storage_changed_elsewhere();
    for (Harness* h : {&a, &b}) {
      EXPECT_EQ(h->model().answers().at(questions[0].id), 1) << a_last;
      EXPECT_EQ(h->model().answers().at(questions[1].id), 2) << a_last;
      EXPECT_EQ(h->model().answers().at(questions[2].id), 1) << "the larger of the two, in both tabs";
      h->frames(2);
      EXPECT_TRUE(h->widget("notice.dismiss")) << "both tabs say so";
    }
    EXPECT_EQ(a.host.storage.at("ssi-selfcheck.store"), b.host.storage.at("ssi-selfcheck.store"));
  }
}

TEST(Persistence, AConflictThatCannotBeMergedIsShownInBothTabs) {
  Harness a(390, 844, "en-US");
  ASSERT_TRUE(a.ok) << a.error;
  a.app.flush();
  Harness b(390, 844, "en-US", a.host.storage);
  ASSERT_TRUE(b.ok) << b.error;
  const std::string id = a.model().questionnaire().questions[0].id;
  // The same answer, differently in both tabs within the debounce.
  ASSERT_TRUE(a.model().answer(id, 0));
  a.frame();
  ASSERT_TRUE(b.model().answer(id, 2));
  b.frame();
  a.app.flush();
  b.host.storage = a.host.storage;
  b.app.flush();  // b merges a's write: the conflict is b's to find
  a.host.storage = b.host.storage;
  a.app.storage_changed_elsewhere();
  for (Harness* h : {&a, &b}) {
    h->frames(2);
    EXPECT_TRUE(h->widget("notice.dismiss")) << "each tab says so";
    EXPECT_EQ(h->model().answers().at(id), 2) << "both show the kept version";
  }
  // A new page of the same person later does not report an old conflict.
  Harness c(390, 844, "en-US", a.host.storage);
  ASSERT_TRUE(c.ok) << c.error;
  c.frames(2);
  EXPECT_FALSE(c.widget("notice.dismiss"));
}

TEST(Persistence, AFullStorageIsToldNotIgnored) {
  Harness h(390, 844, "en-US");
  ASSERT_TRUE(h.ok) << h.error;
  h.host.storage_works = false;
  ASSERT_TRUE(h.model().answer(h.model().questionnaire().questions.front().id, 0));
  h.frame();
  h.app.flush();
  h.frames(2);
  EXPECT_TRUE(h.widget("notice.dismiss")) << "a failed write shows a notice";
}

TEST(Persistence, AnotherTabsChangeIsFollowed) {
  Harness a(390, 844, "en-US");
  ASSERT_TRUE(a.ok) << a.error;
  const std::string id = a.model().questionnaire().questions.front().id;
  ASSERT_TRUE(a.model().answer(id, 2));
  a.frame();
  a.app.flush();
  Harness b(390, 844, "en-US", a.host.storage);
  ASSERT_TRUE(b.ok) << b.error;
  EXPECT_EQ(b.model().answers().at(id), 2);
  ASSERT_TRUE(b.model().answer(id, 1));
  b.frame();
  b.app.flush();
  a.host.now += app::kSaveDelayMs;  // b's change came after a's write (at the same moment the two are merged)
  a.host.storage = b.host.storage;  // the shared localStorage
  a.app.storage_changed_elsewhere();
  EXPECT_EQ(a.model().answers().at(id), 1);
}

TEST(Persistence, ExportDeleteImportGivesTheSameData) {
  Harness h(1440, 6000, "en-US");
  ASSERT_TRUE(h.ok) << h.error;
  app::Model& m = h.model();
  ASSERT_NO_FATAL_FAILURE(answer_and_save(h));
  const std::string exported = h.app.export_text();
  EXPECT_EQ(nlohmann::json::parse(exported)["checks"].size(), 1u);

  m.show(app::Screen::Data);
  h.frames(3);
  ASSERT_TRUE(h.click("data.delete"));
  ASSERT_TRUE(h.click("data.delete_yes"));
  for (const auto& [key, value] : h.host.storage)
    EXPECT_NE(key.rfind("ssi-selfcheck.", 0), 0u) << key << " left behind";

  const auto reply = nlohmann::json::parse(h.app.import_text(exported, false));
  EXPECT_EQ(reply["ok"], true) << reply.dump();
  // Byte-identical re-export, apart from the moment of export itself.
  auto without_time = [](std::string text) {
    const auto at = text.find("\"exportedAt\"");
    const auto end = text.find(',', at);
    return at == std::string::npos ? text : text.erase(at, end - at);
  };
  EXPECT_EQ(without_time(h.app.export_text()), without_time(exported));
  // Importing the same file again adds nothing.
  h.app.import_text(exported, false);
  EXPECT_EQ(nlohmann::json::parse(h.app.export_text())["checks"].size(), 1u);
}

TEST(Persistence, ABrokenImportChangesNothingAndSaysWhy) {
  Harness h(390, 844, "de-DE");
  ASSERT_TRUE(h.ok) << h.error;
  const std::string before = h.app.export_text();
  const auto reply = nlohmann::json::parse(h.app.import_text("{\"type\": \"something else\"}", false));
  EXPECT_EQ(reply["ok"], false);
  ASSERT_TRUE(reply["error"].is_string());
  EXPECT_FALSE(reply["error"].get<std::string>().empty());
  const auto after = nlohmann::json::parse(h.app.export_text());
  EXPECT_EQ(after["checks"], nlohmann::json::parse(before)["checks"]);
  EXPECT_EQ(after["real"], nlohmann::json::parse(before)["real"]);
}

TEST(Persistence, DatesAreIsoUtc) {
  EXPECT_EQ(iso_datetime(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(iso_datetime(951782400000.0 + 3723000), "2000-02-29T01:02:03Z");
  EXPECT_EQ(iso_date(1764000000000.0), "2025-11-24");
  EXPECT_EQ(iso_datetime(-1000), "1969-12-31T23:59:59Z");
}

TEST(History, DeleteCanBeUndoneAndNotesAreKept) {
  Harness h(1440, 6000, "en-US");
  ASSERT_TRUE(h.ok) << h.error;
  app::Model& m = h.model();
  std::string id;
  ASSERT_NO_FATAL_FAILURE(history_with_one_check(h, id));
  const auto checks = [&] { return nlohmann::json::parse(h.app.export_text())["checks"]; };
  ASSERT_TRUE(h.click("history." + id + ".delete"));
  EXPECT_EQ(checks().size(), 0u);
  ASSERT_TRUE(h.click("history.undo"));
  ASSERT_EQ(checks().size(), 1u);
  EXPECT_EQ(checks()[0]["id"], id);
  ASSERT_TRUE(h.click("history." + id + ".open"));
  EXPECT_EQ(m.screen(), app::Screen::Results);
}

TEST(History, ALongNoteIsCutSoTheExportCanBeImportedAgain) {
  Harness h(1440, 6000, "en-US");
  ASSERT_TRUE(h.ok) << h.error;
  std::string id;
  ASSERT_NO_FATAL_FAILURE(history_with_one_check(h, id));
  ASSERT_TRUE(h.click("history." + id + ".note"));
  std::string text;
  while (text.size() < store::kMaxStringBytes + 500) text += "Notiz \xc3\xa4\xc3\xb6\xc3\xbc ";  // with umlauts
  ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
  h.frames(3);
  const auto exported = h.app.export_text();
  const std::string note = nlohmann::json::parse(exported)["checks"][0]["note"];
  EXPECT_GT(note.size(), store::kMaxStringBytes - 8) << "the note was typed";
  EXPECT_LE(note.size(), store::kMaxStringBytes);
  // Into an empty device: the person's own export is accepted.
  Harness other(390, 844, "en-US");
  ASSERT_TRUE(other.ok) << other.error;
  const auto reply = nlohmann::json::parse(other.app.import_text(exported, false));
  EXPECT_EQ(reply["ok"], true) << reply.dump();
}

TEST(Persistence, SavesFromTheWakeUpTimerWithoutAnyFrame) {
  Harness h(390, 844, "en-US");
  ASSERT_TRUE(h.ok) << h.error;
  ASSERT_TRUE(h.model().answer(h.model().questionnaire().questions.front().id, 1));
  h.app.tick();  // a hidden tab: no frames, only the timer
  EXPECT_FALSE(h.host.storage.count("ssi-selfcheck.store"));
  h.host.now += 600;
  h.app.tick();
  EXPECT_TRUE(h.host.storage.count("ssi-selfcheck.store"));
}

}  // namespace
}  // namespace ssi::test
