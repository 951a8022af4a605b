// The person's data (core/store.h): the stored document and its migration, export and import (with the
// corpus of refused files in tests/core/imports/), the history CSV, real SSI input and the comparison.
#include <algorithm>
#include <set>

#include "core/codes.h"
#include "core/json_util.h"
#include "core/keys.h"
#include "core/store.h"
#include "support.h"

namespace ssi::store {
namespace {

using test::Rng;
using test::shipped;

constexpr std::string_view kApp = "0.5.0";
constexpr std::string_view kAt = "2026-11-26T08:00:00Z";

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

SelfCheck make_check(const Questionnaire& q, Rng& rng, int day, std::string note) {
  SelfCheck c;
  c.answers = test::random_answers(q, rng);
  const Result r = score(q, c.answers, ScoreOptions{.advice = false});
  c.id = "c-" + std::to_string(rng.next() % 1000000);
  c.date = "2026-" + two(1 + day / 28) + "-" + two(1 + day % 28) + "T" + two(rng.below(24)) + ":" + two(rng.below(60)) +
           ":00Z";
  c.questionnaire_id = q.id;
  c.questionnaire_version = q.version;
  c.component_centi = r.component_centi;
  c.total = r.total;
  c.note = std::move(note);
  return c;
}

RealEntry make_real(Rng& rng, int day, std::string note) {
  RealEntry e;
  e.id = "r-" + std::to_string(rng.next() % 1000000);
  e.date = "2026-" + two(1 + day / 28) + "-" + two(1 + day % 28);
  for (int& c : e.component_centi) c = rng.below(2501);
  if (rng.below(2)) e.industry_top_percent = 1 + rng.below(100);
  if (rng.below(2)) e.network_top_percent = 1 + rng.below(100);
  e.note = std::move(note);
  return e;
}

// A document as the app would keep it: entries oldest first, notes with the characters that need escaping.
Document sample_document(std::uint64_t seed, int checks = 4, int real = 3) {
  const Questionnaire& q = shipped();
  Rng rng(seed);
  Document d;
  if (seed % 3 != 0) d.settings.language = seed % 3 == 1 ? Lang::De : Lang::En;
  d.settings.theme = seed % 2 ? "dark" : "system";
  d.progress.answers = test::random_answers(q, rng);
  d.progress.screen = "questionnaire";
  d.progress.question = q.questions[static_cast<std::size_t>(rng.below(static_cast<int>(q.questions.size())))].id;
  const char* notes[] = {"", "Vor dem Workshop", "Zeile 1\nZeile 2, mit \"Anführungszeichen\"", "=SUM(A1)",
                         "Größe: 5 €\t✓"};
  for (int i = 0; i < checks; ++i) d.checks.push_back(make_check(q, rng, i * 9, notes[rng.below(5)]));
  for (int i = 0; i < real; ++i) d.real.push_back(make_real(rng, i * 8 + 3, notes[rng.below(5)]));
  return d;
}

std::string first_code(const std::vector<Problem>& problems) { return problems.empty() ? "(none)" : problems[0].code; }

//-----------------------------------------------------------------------------
// The stored document
//-----------------------------------------------------------------------------

TEST(StoredDocument, ReadWriteRoundTripIsByteIdentical) {
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    const Document d = sample_document(seed, static_cast<int>(seed % 5), static_cast<int>(seed % 4));
    const std::string text = write_document(d);
    DocumentLoad load = read_document(text, shipped());
    ASSERT_TRUE(load.document.has_value()) << seed << ": " << first_code(load.problems);
    EXPECT_TRUE(load.problems.empty());
    EXPECT_EQ(load.found_version, kDocumentVersion);
    EXPECT_FALSE(load.migrated);
    EXPECT_EQ(*load.document, d) << seed;
    EXPECT_EQ(write_document(*load.document), text) << seed;
  }
}

TEST(StoredDocument, IsCompactWithSortedKeys) {
  EXPECT_EQ(write_document(Document{}),
            R"({"checks":[],"progress":{"answers":{},"question":"","screen":""},"real":[],)"
            R"("schema":"ssi-selfcheck/store","schemaVersion":2,"settings":{"textSize":100,"theme":"system"}})");
  Document d;
  d.settings.language = Lang::En;
  RealEntry e;
  e.id = "r-1";
  e.date = "2026-11-25";
  e.component_centi = {1234, 5, 2500, 0};
  e.network_top_percent = 7;
  d.real.push_back(e);
  EXPECT_EQ(
      write_document(d),
      R"({"checks":[],"progress":{"answers":{},"question":"","screen":""},"real":[{"centi":{"brand":1234,)"
      R"("engage":2500,"find":5,"relationships":0},"date":"2026-11-25","id":"r-1","networkTopPercent":7,)"
      R"("note":""}],"schema":"ssi-selfcheck/store","schemaVersion":2,"settings":{"language":"en","textSize":100,)"
      R"("theme":"system"}})");
}

// A random JSON value for the writers: every kind nlohmann has (but binary), strings of plain text, escapes, controls,
// non-ASCII and invalid UTF-8 (bytes nlohmann replaces), numbers at the ends of their ranges.
detail::json random_json(Rng& rng, int depth) {
  static const std::vector<std::string> pieces = [] {
    std::vector<std::string> p = {"a",
                                  "Note ",
                                  "\"",
                                  "\\",
                                  "/",
                                  "\x7f",
                                  "\xC3\xA4",
                                  "\xE2\x82\xAC",
                                  "\xF0\x9F\x98\x80",
                                  "\xC2\x9F",
                                  "\xC0\xAF",
                                  "\xED\xA0\x80",
                                  "\xFF",
                                  "\x80",
                                  "\xE2\x82",
                                  "\xF4\x90\x80\x80"};
    for (int c : {0, 1, 8, 9, 10, 12, 13, 31}) p.push_back(std::string(1, static_cast<char>(c)));
    p.push_back(std::string(700, 'n'));
    return p;
  }();
  auto text = [&] {
    std::string s;
    for (int n = rng.below(6); n > 0; --n)
      s += pieces[static_cast<std::size_t>(rng.below(static_cast<int>(pieces.size())))];
    return s;
  };
  switch (depth > 3 ? 2 + rng.below(6) : rng.below(8)) {
    case 0: {
      detail::json o = detail::json::object();
      for (int n = rng.below(5); n > 0; --n) o[text()] = random_json(rng, depth + 1);
      return o;
    }
    case 1: {
      detail::json a = detail::json::array();
      for (int n = rng.below(5); n > 0; --n) a.push_back(random_json(rng, depth + 1));
      return a;
    }
    case 2: return text();
    case 3: {
      static const std::int64_t ints[] = {0, -1, 7, 2500, -2500, INT64_MIN, INT64_MAX};
      return ints[rng.below(7)];
    }
    case 4: return rng.below(2) ? std::uint64_t{UINT64_MAX} : std::uint64_t{10000000000000000000u};
    case 5: {
      static const double floats[] = {0.1, -0.0, 2.5, 1e300, -123.456, 1.0 / 3.0};
      return floats[rng.below(6)];
    }
    case 6: return rng.below(2) == 1;
    default: return nullptr;
  }
}

// The writers write what nlohmann's dump (keys sorted, invalid UTF-8 replaced) writes, byte for byte, faster.
TEST(StoredDocument, WritersWriteWhatNlohmannWrites) {
  Rng rng{42};
  for (int i = 0; i < 3000; ++i) {
    const detail::json v = random_json(rng, 0);
    ASSERT_EQ(detail::dump_compact(v), v.dump(-1, ' ', false, detail::json::error_handler_t::replace)) << i;
    ASSERT_EQ(detail::dump_pretty(v), v.dump(2, ' ', false, detail::json::error_handler_t::replace) + "\n") << i;
  }
  // The stored document and the export are written without building a value first: what nlohmann writes of the
  // value read back (keys sorted, empty objects and arrays, both top percents or none, notes to be escaped).
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    const Document d = sample_document(seed, static_cast<int>(seed % 5), static_cast<int>(seed % 4));
    const std::string stored = write_document(d), exported = export_all(d, kApp, kAt);
    EXPECT_EQ(stored, detail::json::parse(stored).dump()) << seed;
    EXPECT_EQ(exported, detail::json::parse(exported).dump(2) + "\n") << seed;
    if (!d.checks.empty()) {
      const std::string one = export_check(d.checks.back(), kApp, kAt);
      EXPECT_EQ(one, detail::json::parse(one).dump(2) + "\n") << seed;
    }
  }
}

TEST(StoredDocument, DropsAnswersTheQuestionnaireCannotShow) {
  Document d = sample_document(5);
  d.progress.answers = {{"brand_photo", 1}, {"gone_question", 2}, {"brand_about", 99}};
  DocumentLoad load = read_document(write_document(d), shipped());
  ASSERT_TRUE(load.document.has_value()) << first_code(load.problems);
  EXPECT_EQ(load.document->progress.answers, (Answers{{"brand_photo", 1}}));
}

TEST(StoredDocument, KeepsTheAnswersOfChecksMadeWithAnotherQuestionnaire) {
  // A trainer's questionnaire is active: self-checks saved with ours (or another one) lose nothing.
  Document d = sample_document(3);
  d.checks[1].questionnaire_id = "trainer-x";
  d.checks[1].answers = {{"own_question", 3}, {"brand_photo", 1}};
  const std::string text = write_document(d);
  DocumentLoad load = read_document(text, shipped());
  ASSERT_TRUE(load.document.has_value()) << first_code(load.problems);
  EXPECT_EQ(load.document->checks[1].answers, (Answers{{"own_question", 3}, {"brand_photo", 1}}));
  EXPECT_EQ(write_document(*load.document), text) << "read and written again, byte for byte";
  // Checks of the active questionnaire are still cleaned.
  d.checks[0].answers = {{"brand_photo", 1}, {"gone_question", 2}};
  load = read_document(write_document(d), shipped());
  ASSERT_TRUE(load.document.has_value());
  EXPECT_EQ(load.document->checks[0].answers, (Answers{{"brand_photo", 1}}));
}

TEST(StoredDocument, MigratesVersionOne) {
  const std::string v1 =
      R"({"schemaVersion":1,"language":"de","answers":{"brand_photo":2,"engage_posts":4,"gone_question":1,"brand_about":9}})";
  DocumentLoad load = read_document(v1, shipped());
  ASSERT_TRUE(load.document.has_value()) << first_code(load.problems);
  EXPECT_TRUE(load.migrated);
  EXPECT_EQ(load.found_version, 1);
  Document want;
  want.settings.language = Lang::De;
  want.progress.answers = {{"brand_photo", 2}, {"engage_posts", 4}};
  EXPECT_EQ(*load.document, want);
  // Written back in the current version, it reads without migration to the same document.
  DocumentLoad again = read_document(write_document(*load.document), shipped());
  ASSERT_TRUE(again.document.has_value());
  EXPECT_FALSE(again.migrated);
  EXPECT_EQ(again.found_version, kDocumentVersion);
  EXPECT_EQ(*again.document, want);

  DocumentLoad english = read_document(R"({"schemaVersion":1,"language":"en"})", shipped());
  ASSERT_TRUE(english.document.has_value());
  EXPECT_EQ(english.document->settings.language, Lang::En);
  EXPECT_TRUE(english.document->progress.answers.empty());
  DocumentLoad unknown_language = read_document(R"({"schemaVersion":1,"language":"fr","answers":{}})", shipped());
  ASSERT_TRUE(unknown_language.document.has_value());
  EXPECT_FALSE(unknown_language.document->settings.language.has_value());
  // Version 1 with a broken answer: the answers in progress are left out and listed, the language stays.
  DocumentLoad broken =
      read_document(R"({"schemaVersion":1,"language":"de","answers":{"brand_photo":"2"}})", shipped());
  ASSERT_TRUE(broken.document.has_value());
  EXPECT_TRUE(broken.migrated);
  EXPECT_EQ(broken.found_version, 1);
  EXPECT_EQ(broken.document->settings.language, Lang::De);
  EXPECT_TRUE(broken.document->progress.answers.empty());
  EXPECT_EQ(first_code(broken.dropped), code::kNotInteger);
}

TEST(StoredDocument, UnreadableTextGivesProblemsAndNoDocument) {
  struct Case {
    std::string name, text;
    std::string_view code;
    int found_version;
  };
  std::string deep = R"({"schema":"ssi-selfcheck/store","schemaVersion":2,"x":)" + std::string(100000, '[');
  const std::vector<Case> cases = {
      {"invalid json", R"({"schema":"ssi-selfcheck/store",,"schemaVersion":2})", code::kInvalidJson, 0},
      {"not json at all", "ssi-selfcheck", code::kInvalidJson, 0},
      {"truncated", R"({"schema":"ssi-selfcheck/store","schemaVersion":2,"checks":[{"id":"c-1")", code::kTruncated, 0},
      {"empty", "", code::kTruncated, 0},
      {"not an object", "[1,2]", code::kNotObject, 0},
      {"other schema", R"({"schema":"other/app","schemaVersion":2})", code::kStoreWrongSchema, 2},
      {"schema missing in v2", R"({"schemaVersion":2,"checks":[]})", code::kStoreWrongSchema, 2},
      {"schema not a string", R"({"schema":7,"schemaVersion":2})", code::kStoreWrongSchema, 2},
      {"future version", R"({"schema":"ssi-selfcheck/store","schemaVersion":3,"whatever":{}})",
       code::kStoreFutureVersion, 3},
      {"version zero", R"({"schema":"ssi-selfcheck/store","schemaVersion":0})", code::kStoreUnknownVersion, 0},
      {"version missing", R"({"schema":"ssi-selfcheck/store"})", code::kMissingField, 0},
      {"version not a number", R"({"schema":"ssi-selfcheck/store","schemaVersion":"2"})", code::kNotInteger, 0},
      {"deeply nested", deep, code::kTooDeep, 0},
  };
  for (const Case& c : cases) {
    DocumentLoad load = read_document(c.text, shipped());
    EXPECT_FALSE(load.document.has_value()) << c.name;
    ASSERT_FALSE(load.problems.empty()) << c.name;
    EXPECT_EQ(load.problems[0].code, c.code) << c.name;
    EXPECT_EQ(load.found_version, c.found_version) << c.name;
    EXPECT_FALSE(load.migrated) << c.name;
    const std::string described = describe(test::messages(), load.problems[0], Lang::De);
    EXPECT_EQ(described.find(load.problems[0].code), std::string::npos) << c.name << ": " << described;
  }
}

TEST(StoredDocument, EveryCutOfAWrittenDocumentIsReportedAsTruncated) {
  const std::string text = write_document(sample_document(7, 2, 2));
  for (std::size_t n = 0; n < text.size(); ++n) {
    DocumentLoad load = read_document(std::string_view(text).substr(0, n), shipped());
    EXPECT_FALSE(load.document.has_value()) << n;
    ASSERT_FALSE(load.problems.empty()) << n;
    EXPECT_EQ(load.problems[0].code, code::kTruncated) << n << ": " << text.substr(0, n);
  }
}

//-----------------------------------------------------------------------------
// Export and import
//-----------------------------------------------------------------------------

TEST(Export, HasTheDocumentedHeaderFields) {
  const Document d = sample_document(3);
  std::vector<Problem> problems;
  std::optional<detail::json> j = detail::parse(export_all(d, kApp, kAt), problems);
  ASSERT_TRUE(j.has_value());
  auto str = [&](std::string_view key) {
    const detail::json* v = detail::member(*j, key);
    const std::string* s = v ? detail::as_string(*v) : nullptr;
    return s ? *s : std::string("(missing)");
  };
  EXPECT_EQ(str("type"), "ssi-selfcheck/export");
  EXPECT_EQ(str("appVersion"), kApp);
  EXPECT_EQ(str("exportedAt"), kAt);
  const detail::json* version = detail::member(*j, "schemaVersion");
  ASSERT_NE(version, nullptr);
  EXPECT_EQ(detail::as_integer(*version), kExportVersion);
  const detail::json* checks = detail::member(*j, "checks");
  const detail::json* real = detail::member(*j, "real");
  ASSERT_TRUE(checks && checks->is_array() && real && real->is_array());
  EXPECT_EQ(checks->size(), d.checks.size());
  EXPECT_EQ(real->size(), d.real.size());
  EXPECT_EQ(detail::member(*j, "settings"), nullptr);
  EXPECT_EQ(detail::member(*j, "progress"), nullptr);
}

TEST(Export, MergeIntoEmptyThenExportGivesIdenticalBytes) {
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    const Document d = sample_document(seed);
    const std::string exported = export_all(d, kApp, kAt);
    ImportPreview p = preview_import(exported, Document{}, shipped());
    ASSERT_TRUE(p.ok()) << seed << ": " << first_code(p.problems) << " @ " << p.problems[0].path;
    EXPECT_EQ(p.new_checks, d.checks);
    EXPECT_EQ(p.new_real, d.real);
    EXPECT_EQ(p.duplicate_checks + p.duplicate_real, 0);
    const Document merged = merge(Document{}, p);
    EXPECT_EQ(merged.checks, d.checks);
    EXPECT_EQ(merged.real, d.real);
    EXPECT_EQ(export_all(merged, kApp, kAt), exported) << seed;
  }
}

TEST(Export, OrderOfTheDocumentDoesNotChangeTheBytes) {
  Document d = sample_document(11, 5, 4);
  const std::string exported = export_all(d, kApp, kAt);
  std::reverse(d.checks.begin(), d.checks.end());
  std::reverse(d.real.begin(), d.real.end());
  EXPECT_EQ(export_all(d, kApp, kAt), exported);
}

TEST(Export, OneCheckImportsAsOneCheck) {
  const Document d = sample_document(4);
  const std::string exported = export_check(d.checks[1], kApp, kAt);
  ImportPreview p = preview_import(exported, Document{}, shipped());
  ASSERT_TRUE(p.ok()) << first_code(p.problems);
  ASSERT_EQ(p.new_checks.size(), 1u);
  EXPECT_EQ(p.new_checks[0], d.checks[1]);
  EXPECT_TRUE(p.new_real.empty());
  // Into the document it came from it adds nothing.
  ImportPreview again = preview_import(exported, d, shipped());
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again.new_checks.empty());
  EXPECT_EQ(again.duplicate_checks, 1);
}

TEST(Import, TwiceAddsNothing) {
  const std::string text = test::read_file("tests/core/imports/good/full.json");
  const Document start = sample_document(9);
  ImportPreview first = preview_import(text, start, shipped());
  ASSERT_TRUE(first.ok()) << first_code(first.problems);
  EXPECT_EQ(first.new_checks.size(), 2u);
  EXPECT_EQ(first.new_real.size(), 2u);
  const Document once = merge(start, first);
  EXPECT_EQ(once.checks.size(), start.checks.size() + 2);
  EXPECT_EQ(once.real.size(), start.real.size() + 2);

  ImportPreview second = preview_import(text, once, shipped());
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(second.new_checks.empty());
  EXPECT_TRUE(second.new_real.empty());
  EXPECT_EQ(second.duplicate_checks, 2);
  EXPECT_EQ(second.duplicate_real, 2);
  EXPECT_EQ(merge(once, second), once);
  // Applying the first preview again (a double drop) adds nothing either.
  EXPECT_EQ(merge(once, first), once);
  EXPECT_EQ(write_document(merge(once, first)), write_document(once));
}

TEST(Import, MergeKeepsEverythingSortedOldestFirst) {
  Document d = sample_document(21, 3, 3);
  ImportPreview p = preview_import(test::read_file("tests/core/imports/good/full.json"), d, shipped());
  ASSERT_TRUE(p.ok());
  const Document merged = merge(d, p);
  ASSERT_EQ(merged.checks.size(), 5u);
  ASSERT_EQ(merged.real.size(), 5u);
  for (std::size_t i = 1; i < merged.checks.size(); ++i) EXPECT_LE(merged.checks[i - 1].date, merged.checks[i].date);
  for (std::size_t i = 1; i < merged.real.size(); ++i) EXPECT_LE(merged.real[i - 1].date, merged.real[i].date);
  // Settings and progress are the document's own: an import never touches them.
  EXPECT_EQ(merged.settings, d.settings);
  EXPECT_EQ(merged.progress, d.progress);
}

TEST(Import, AnEntryAlreadyPresentByIdIsADuplicateEvenIfItDiffers) {
  Document d;
  RealEntry mine;
  mine.id = "r-20261118-x";
  mine.date = "2026-11-18";
  mine.note = "my own";
  d.real.push_back(mine);
  ImportPreview p = preview_import(test::read_file("tests/core/imports/good/full.json"), d, shipped());
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p.duplicate_real, 1);
  ASSERT_EQ(p.new_real.size(), 1u);
  EXPECT_EQ(p.new_real[0].id, "r-20261125-y");
  const Document merged = merge(d, p);
  ASSERT_EQ(merged.real.size(), 2u);
  EXPECT_EQ(merged.real[0].note, "my own");
}

TEST(Import, GoodFilesAreAccepted) {
  const Questionnaire& q = shipped();
  {
    ImportPreview p = preview_import(test::read_file("tests/core/imports/good/full.json"), Document{}, q);
    ASSERT_TRUE(p.ok()) << first_code(p.problems) << " @ " << p.problems[0].path;
    ASSERT_EQ(p.new_checks.size(), 2u);
    ASSERT_EQ(p.new_real.size(), 2u);
    const SelfCheck& c = p.new_checks[1];
    EXPECT_EQ(c.id, "c-20261125-b2");
    EXPECT_EQ(c.date, "2026-11-25T14:03:00.123Z");
    EXPECT_EQ(c.note, "Nach dem Workshop:\nProfil überarbeitet, \"Info\" neu geschrieben");
    EXPECT_EQ(c.component_centi, (std::array<int, 4>{1450, 820, 1100, 1510}));
    EXPECT_EQ(c.total, 49);
    EXPECT_EQ(c.answers,
              (Answers{{"brand_about", 3}, {"brand_photo", 2}, {"engage_posts", 3}, {"rel_connections", 4}}));
    const RealEntry& r = p.new_real[0];
    EXPECT_EQ(r.industry_top_percent, 12);
    EXPECT_EQ(r.network_top_percent, 8);
    EXPECT_FALSE(p.new_real[1].industry_top_percent.has_value());
  }
  {
    ImportPreview p = preview_import(test::read_file("tests/core/imports/good/empty_lists.json"), Document{}, q);
    ASSERT_TRUE(p.ok()) << first_code(p.problems);
    EXPECT_TRUE(p.new_checks.empty() && p.new_real.empty());
  }
  {
    ImportPreview p =
        preview_import(test::read_file("tests/core/imports/good/one_real_unknown_fields.json"), Document{}, q);
    ASSERT_TRUE(p.ok()) << first_code(p.problems) << " @ " << p.problems[0].path;
    ASSERT_EQ(p.new_real.size(), 1u);
    EXPECT_EQ(p.new_real[0].component_centi, (std::array<int, 4>{0, 2500, 1, 2499}));
    EXPECT_FALSE(p.new_real[0].industry_top_percent.has_value());
    EXPECT_EQ(p.new_real[0].network_top_percent, 100);
  }
  {
    // A check of a trainer's questionnaire is taken with its answers, as the stored document keeps it, and what the
    // app exports of it imports again (the fuzz target found such an export refused as a whole).
    const std::string text = test::read_file("tests/core/imports/good/other_questionnaire.json");
    ImportPreview p = preview_import(text, Document{}, q);
    ASSERT_TRUE(p.ok()) << first_code(p.problems) << " @ " << p.problems[0].path;
    ASSERT_EQ(p.new_checks.size(), 2u);
    const SelfCheck& other = p.new_checks[0].questionnaire_id == "trainer-x" ? p.new_checks[0] : p.new_checks[1];
    EXPECT_EQ(other.questionnaire_id, "trainer-x");
    EXPECT_EQ(other.answers.size(), 4u) << "answers to another questionnaire are not checked against this one";
    const Document merged = merge(Document{}, p);
    const std::string exported = export_all(merged, "test", "2026-01-01T00:00:00Z");
    ImportPreview again = preview_import(exported, merged, q);
    ASSERT_TRUE(again.ok()) << first_code(again.problems);
    EXPECT_TRUE(again.new_checks.empty());
    EXPECT_EQ(export_all(merge(Document{}, preview_import(exported, Document{}, q)), "test", "2026-01-01T00:00:00Z"),
              exported);
  }
}

// Every file in tests/core/imports/bad/ with the code its refusal must carry (first problem).
const std::vector<std::pair<std::string, std::string_view>>& bad_files() {
  static const std::vector<std::pair<std::string, std::string_view>> files = {
      {"answer_negative.json", code::kOptionOutOfRange},
      {"answer_not_integer.json", code::kNotInteger},
      {"answer_out_of_range.json", code::kOptionOutOfRange},
      {"centi_fraction.json", code::kNotInteger},
      {"centi_too_high.json", code::kOutOfRange},
      {"checks_not_array.json", code::kNotArray},
      {"control_character.json", code::kControlCharacter},
      {"control_character_in_id.json", code::kControlCharacter},
      {"date_german_format.json", code::kDateMalformed},
      {"date_not_in_calendar.json", code::kDateInvalid},
      {"deep_nesting.json", code::kTooDeep},
      {"deep_nesting_unclosed.json", code::kTooDeep},
      {"duplicate_check_ids.json", code::kImportDuplicateId},
      {"duplicate_real_ids.json", code::kImportDuplicateId},
      {"empty.json", code::kImportEmpty},
      {"entry_not_object.json", code::kNotObjectField},
      {"future_version.json", code::kImportFutureVersion},
      {"huge_key.json", code::kStringTooLong},
      {"huge_string.json", code::kStringTooLong},
      {"infinity_literal.json", code::kNotFinite},
      {"invalid_id.json", code::kImportInvalidId},
      {"invalid_json.json", code::kInvalidJson},
      {"invalid_utf8.json", code::kInvalidUtf8},
      {"missing_centi.json", code::kMissingField},
      {"missing_component.json", code::kMissingField},
      {"missing_id.json", code::kMissingField},
      {"missing_real.json", code::kMissingField},
      {"missing_type.json", code::kImportWrongType},
      {"missing_version.json", code::kMissingField},
      {"nan_literal.json", code::kNotFinite},
      {"negative_centi.json", code::kOutOfRange},
      {"note_not_string.json", code::kNotString},
      {"number_overflow.json", code::kNotFinite},
      {"percent_string.json", code::kNotInteger},
      {"percent_zero.json", code::kOutOfRange},
      {"raw_control_character.json", code::kInvalidJson},
      {"saved_answers_file.json", code::kImportWrongType},
      {"timestamp_malformed.json", code::kInvalidTimestamp},
      {"top_level_array.json", code::kNotObject},
      {"total_too_high.json", code::kOutOfRange},
      {"truncated.json", code::kTruncated},
      {"truncated_in_string.json", code::kTruncated},
      {"version_string.json", code::kNotInteger},
      {"version_zero.json", code::kImportUnknownVersion},
      {"whitespace_only.json", code::kImportEmpty},
      {"wrong_type_other.json", code::kImportWrongType},
  };
  return files;
}

// Refused with `code`, nothing to add, and the document (and a merge of the refusal) unchanged.
void expect_refused(std::string_view text, std::string_view code, const std::string& name) {
  const Document d = sample_document(17);
  const std::string before = write_document(d);
  ImportPreview p = preview_import(text, d, shipped());
  EXPECT_FALSE(p.ok()) << name;
  ASSERT_FALSE(p.problems.empty()) << name;
  EXPECT_EQ(p.problems[0].code, code) << name << " (path " << p.problems[0].path << ")";
  EXPECT_TRUE(p.new_checks.empty()) << name;
  EXPECT_TRUE(p.new_real.empty()) << name;
  EXPECT_EQ(write_document(d), before) << name;
  EXPECT_EQ(write_document(merge(d, p)), before) << name;
  for (const Problem& problem : p.problems) {
    for (Lang lang : {Lang::De, Lang::En}) {
      const std::string described = describe(test::messages(), problem, lang);
      EXPECT_EQ(described.find(problem.code), std::string::npos) << name << ": " << described;
      EXPECT_LT(described.size(), 1000u) << name;  // never echoes a huge string
    }
  }
}

TEST(Import, EveryFileOfTheBadCorpusIsRefusedWithItsMessage) {
  EXPECT_GE(bad_files().size(), 20u);
  for (const auto& [name, code] : bad_files())
    expect_refused(test::read_file("tests/core/imports/bad/" + name), code, name);
}

TEST(Import, TheBadCorpusTableListsEveryFile) {
  std::set<std::string> listed;
  for (const auto& [name, code] : bad_files()) listed.insert(name);
  EXPECT_EQ(test::file_names("tests/core/imports/bad"), listed);
}

TEST(Import, RefusesFilesOverFiveMegabytes) {
  std::string text = test::read_file("tests/core/imports/good/empty_lists.json");
  // Padding is whitespace: the file stays valid JSON, only its size is wrong.
  text.append(kMaxImportBytes - text.size(), ' ');
  ImportPreview at_limit = preview_import(text, Document{}, shipped());
  EXPECT_TRUE(at_limit.ok()) << first_code(at_limit.problems);
  text += ' ';
  expect_refused(text, code::kImportTooLarge, "5 MB + 1 byte");
  Problem p = preview_import(text, Document{}, shipped()).problems.at(0);
  EXPECT_EQ(
      describe(test::messages(), p, Lang::De).rfind("Die Datei ist größer als 5 MB und wurde nicht importiert.", 0),
      0u);
}

TEST(Import, HostileShapesAreRefusedWithoutRecursion) {
  const std::string head = R"({"type":"ssi-selfcheck/export","schemaVersion":1,"checks":[],"real":[],"x":)";
  expect_refused(head + std::string(1000000, '[') + std::string(1000000, ']') + "}", code::kTooDeep, "1e6 arrays");
  expect_refused(head + std::string(1000000, '{'), code::kTooDeep, "1e6 open objects");
  std::string objects;
  for (int i = 0; i < 33; ++i) objects += R"({"a":)";
  objects += "1" + std::string(33, '}');
  expect_refused(head + objects + "}", code::kTooDeep, "33 objects");
  // 32 levels in all (the file's own object included) is allowed.
  std::string nested = head + std::string(31, '[') + std::string(31, ']') + "}";
  EXPECT_TRUE(preview_import(nested, Document{}, shipped()).ok());
  expect_refused(head + std::string(32, '[') + std::string(32, ']') + "}", code::kTooDeep, "33 levels");
  // Brackets inside strings (with escaped quotes) are text, not nesting.
  const std::string in_string = head + "\"\\\"" + std::string(5000, '[') + "\\\"\"}";
  ImportPreview p = preview_import(in_string, Document{}, shipped());
  EXPECT_TRUE(p.ok()) << first_code(p.problems);
  // A string of exactly 10 000 bytes is fine, one more is not.
  EXPECT_TRUE(preview_import(head + "\"" + std::string(kMaxStringBytes, 'a') + "\"}", Document{}, shipped()).ok());
  expect_refused(head + "\"" + std::string(kMaxStringBytes + 1, 'a') + "\"}", code::kStringTooLong, "10001 bytes");
  expect_refused(head + "\"\\u0000\"}", code::kControlCharacter, "NUL");
  expect_refused(head + "\"\\u001b[31m\"}", code::kControlCharacter, "escape sequence");
  expect_refused(head + "[1, -1e999]}", code::kNotFinite, "-1e999");
  expect_refused(head + "NaN}", code::kNotFinite, "NaN");
  expect_refused(head + "Infinity}", code::kNotFinite, "Infinity");
  // Line breaks and tabs are allowed in notes only.
  expect_refused(
      R"({"type":"ssi-selfcheck/export","schemaVersion":1,"checks":[],"real":[{"id":"r\n1","date":"2026-01-01","centi":{"brand":0,"find":0,"engage":0,"relationships":0}}]})",
      code::kControlCharacter, "line break in an id");
  EXPECT_TRUE(
      preview_import(
          R"({"type":"ssi-selfcheck/export","schemaVersion":1,"checks":[],"real":[{"id":"r1","date":"2026-01-01","centi":{"brand":0,"find":0,"engage":0,"relationships":0},"note":"a\n\tb\r\n"}]})",
          Document{}, shipped())
          .ok());
}

TEST(Import, AManyTimesBrokenFileGivesABoundedReport) {
  std::string text = R"({"type":"ssi-selfcheck/export","schemaVersion":1,"checks":[],"real":[)";
  for (int i = 0; i < 20000; ++i) text += std::string(i ? "," : "") + "7";
  text += "]}";
  ImportPreview p = preview_import(text, Document{}, shipped());
  EXPECT_FALSE(p.ok());
  EXPECT_LE(p.problems.size(), 60u);
  EXPECT_GE(p.problems.size(), 2u);
}

//-----------------------------------------------------------------------------
// History as CSV
//-----------------------------------------------------------------------------

TEST(Csv, HasTheDocumentedHeaderAndQuotesLikeRfc4180) {
  Document d;
  SelfCheck c;
  c.id = "c-1";
  c.date = "2026-11-25T14:03:00Z";
  c.component_centi = {812, 300, 455, 1020};
  c.total = 26;
  c.note = "Vor dem Workshop, \"ehrlich\"\nzweite Zeile";
  d.checks.push_back(c);
  RealEntry r;
  r.id = "r-1";
  r.date = "2026-11-25";
  r.component_centi = {1234, 5, 2500, 0};
  r.note = "=HYPERLINK(\"x\")";
  d.real.push_back(r);
  RealEntry older;
  older.id = "r-0";
  older.date = "2026-11-01";
  older.component_centi = {1000, 1000, 1000, 1049};
  older.note = "plain";
  d.real.push_back(older);
  const std::string csv = history_csv(d);
  EXPECT_EQ(csv.substr(0, csv.find("\r\n")), "kind,id,date,brand,find,engage,relationships,total,note");
  EXPECT_EQ(csv,
            "kind,id,date,brand,find,engage,relationships,total,note\r\n"
            "real,r-0,2026-11-01,10.00,10.00,10.00,10.49,40,plain\r\n"
            "real,r-1,2026-11-25,12.34,0.05,25.00,0.00,37,\"'=HYPERLINK(\"\"x\"\")\"\r\n"
            "selfcheck,c-1,2026-11-25T14:03:00Z,8.12,3.00,4.55,10.20,26,\"Vor dem Workshop, \"\"ehrlich\"\"\nzweite "
            "Zeile\"\r\n");
  EXPECT_EQ(history_csv(Document{}), "kind,id,date,brand,find,engage,relationships,total,note\r\n");
}

TEST(Csv, HasOneRowPerEntry) {
  const Document d = sample_document(13, 6, 5);
  const std::string csv = history_csv(d);
  std::size_t rows = 0;
  bool quoted = false;
  for (char ch : csv) {
    if (ch == '"') quoted = !quoted;
    if (ch == '\n' && !quoted) ++rows;
  }
  EXPECT_EQ(rows, 1 + d.checks.size() + d.real.size());
}

//-----------------------------------------------------------------------------
// Real SSI input
//-----------------------------------------------------------------------------

TEST(RealInput, ParsesComponentValuesWithCommaOrPoint) {
  const std::vector<std::pair<std::string, int>> good = {
      {"12,34", 1234},
      {"12.34", 1234},
      {" 7 ", 700},
      {"7", 700},
      {"0", 0},
      {"25", 2500},
      {"25,00", 2500},
      {"0,5", 50},
      {"0.05", 5},
      {"3,1", 310},
      {"007,5", 750},
      {"\xC2\xA0"
       "9,99\t",
       999},
      {"-0", 0},
  };
  for (const auto& [text, centi] : good) {
    ValueParse v = parse_component_value(text);
    EXPECT_EQ(v.centi, centi) << text;
    EXPECT_FALSE(v.problem.has_value()) << text;
  }
  const std::vector<std::pair<std::string, std::string_view>> bad = {
      {"", code::kInputEmpty},
      {"   ", code::kInputEmpty},
      {"abc", code::kInputNotANumber},
      {"12,3,4", code::kInputNotANumber},
      {"12,", code::kInputNotANumber},
      {",5", code::kInputNotANumber},
      {"1 2", code::kInputNotANumber},
      {"12 Punkte", code::kInputNotANumber},
      {"1e1", code::kInputNotANumber},
      {"--3", code::kInputNotANumber},
      {"12,345", code::kInputTooManyDecimals},
      {"0.001", code::kInputTooManyDecimals},
      {"25,01", code::kInputOutOfRange},
      {"26", code::kInputOutOfRange},
      {"-1", code::kInputOutOfRange},
      {"-0,01", code::kInputOutOfRange},
      {"99999999999999999999", code::kInputOutOfRange},
  };
  for (const auto& [text, code] : bad) {
    ValueParse v = parse_component_value(text);
    EXPECT_FALSE(v.centi.has_value()) << text;
    ASSERT_TRUE(v.problem.has_value()) << text;
    EXPECT_EQ(v.problem->code, code) << text;
  }
  // The message quotes what was typed (shortened), in the person's words.
  ValueParse v = parse_component_value("26,5");
  ASSERT_TRUE(v.problem);
  EXPECT_EQ(describe(test::messages(), *v.problem, Lang::De),
            "„26,5“ liegt nicht zwischen 0 und 25. Jede der vier Komponenten hat höchstens 25 Punkte.");
  ValueParse longer = parse_component_value(std::string(500, 'x'));
  ASSERT_TRUE(longer.problem);
  EXPECT_LT(describe(test::messages(), *longer.problem, Lang::En).size(), 200u);
}

TEST(RealInput, ParsesTopPercent) {
  const std::vector<std::pair<std::string, int>> good = {
      {"5", 5},
      {"Top 5 %", 5},
      {"5%", 5},
      {"top 12%", 12},
      {" TOP 1 % ", 1},
      {"100", 100},
      {"Top\xC2\xA0"
       "3\xC2\xA0%",
       3},
  };
  for (const auto& [text, percent] : good) {
    PercentParse p = parse_top_percent(text);
    EXPECT_EQ(p.percent, percent) << text;
    EXPECT_FALSE(p.problem.has_value()) << text;
  }
  const std::vector<std::pair<std::string, std::string_view>> bad = {
      {"", code::kInputEmpty},
      {"0", code::kInputPercentOutOfRange},
      {"101", code::kInputPercentOutOfRange},
      {"Top 0 %", code::kInputPercentOutOfRange},
      {"123456789012", code::kInputPercentOutOfRange},
      {"five", code::kInputPercentMalformed},
      {"5,5 %", code::kInputPercentMalformed},
      {"-5", code::kInputPercentMalformed},
      {"%", code::kInputPercentMalformed},
      {"Top", code::kInputPercentMalformed},
      {"5 %%", code::kInputPercentMalformed},
  };
  for (const auto& [text, code] : bad) {
    PercentParse p = parse_top_percent(text);
    EXPECT_FALSE(p.percent.has_value()) << text;
    ASSERT_TRUE(p.problem.has_value()) << text;
    EXPECT_EQ(p.problem->code, code) << text;
  }
}

TEST(RealInput, ChecksCalendarDates) {
  for (const char* ok : {"2026-11-25", "2024-02-29", "2000-02-29", "1900-01-01", "2999-12-31", "2026-12-31"})
    EXPECT_FALSE(check_date(ok).has_value()) << ok;
  const std::vector<std::pair<std::string, std::string_view>> bad = {
      {"2026-02-29", code::kDateInvalid},   {"1900-02-29", code::kDateInvalid},
      {"2026-13-01", code::kDateInvalid},   {"2026-00-10", code::kDateInvalid},
      {"2026-04-31", code::kDateInvalid},   {"1899-12-31", code::kDateInvalid},
      {"3000-01-01", code::kDateInvalid},   {"2026-11-00", code::kDateInvalid},
      {"25.11.2026", code::kDateMalformed}, {"2026-1-5", code::kDateMalformed},
      {"", code::kDateMalformed},           {"2026-11-25T10:00:00Z", code::kDateMalformed},
      {"2026/11/25", code::kDateMalformed}, {"+026-11-25", code::kDateMalformed},
  };
  for (const auto& [text, code] : bad) {
    std::optional<Problem> p = check_date(text);
    ASSERT_TRUE(p.has_value()) << text;
    EXPECT_EQ(p->code, code) << text;
  }
}

TEST(RealInput, TotalIsTheRoundedSum) {
  RealEntry e;
  e.component_centi = {1234, 600, 900, 1300};
  EXPECT_EQ(e.total(), 40);
  e.component_centi = {1000, 1000, 1000, 1050};
  EXPECT_EQ(e.total(), 41);
  e.component_centi = {1000, 1000, 1000, 1049};
  EXPECT_EQ(e.total(), 40);
  e.component_centi = {2500, 2500, 2500, 2500};
  EXPECT_EQ(e.total(), 100);
}

//-----------------------------------------------------------------------------
// Estimate versus reality
//-----------------------------------------------------------------------------

Result estimate_with(std::array<int, kComponentCount> centi) {
  Result r;
  r.component_centi = centi;
  for (std::size_t i = 0; i < centi.size(); ++i) r.components[i] = centi[i] / 100.0;
  return r;
}

TEST(Compare, SaysEachDifferenceOfHalfAPointOrMoreInWords) {
  RealEntry real;
  real.component_centi = {1000, 1000, 1000, 1000};
  const Result estimate = estimate_with({1049, 950, 1596, 400});
  const Comparison c = compare(estimate, real, Lang::De);
  EXPECT_EQ(c.estimate_centi, estimate.component_centi);
  EXPECT_EQ(c.real_centi, real.component_centi);
  EXPECT_EQ(c.difference_centi, (std::array<int, 4>{49, -50, 596, -600}));
  ASSERT_EQ(c.sentences.size(), 3u);
  const Catalog& m = test::messages();
  auto say = [&](std::size_t i, Lang lang) { return m.format(c.sentences[i].first, lang, c.sentences[i].second); };
  EXPECT_EQ(c.sentences[0].first, "compare.find.lower");
  EXPECT_EQ(say(0, Lang::De),
            "Beim Finden der richtigen Personen schätzen Sie sich 0,5 Punkte niedriger ein als LinkedIn.");
  EXPECT_EQ(c.sentences[1].first, "compare.engage.higher");
  EXPECT_EQ(say(1, Lang::De), "Sie schätzen Ihr Engagement 6,0 Punkte höher ein als LinkedIn.");
  EXPECT_EQ(c.sentences[2].first, "compare.relationships.lower");
  EXPECT_EQ(say(2, Lang::De), "Sie schätzen Ihren Beziehungsaufbau 6,0 Punkte niedriger ein als LinkedIn.");

  const Comparison en = compare(estimate, real, Lang::En);
  ASSERT_EQ(en.sentences.size(), 3u);
  EXPECT_EQ(m.format(en.sentences[1].first, Lang::En, en.sentences[1].second),
            "You rate your engagement 6.0 points higher than LinkedIn does.");
  EXPECT_EQ(m.format(en.sentences[0].first, Lang::En, en.sentences[0].second),
            "You rate how well you find the right people 0.5 points lower than LinkedIn does.");
}

TEST(Compare, RoundsToOneDecimalHalfUpAndIsQuietWhenClose) {
  RealEntry real;
  real.component_centi = {0, 2500, 1200, 1200};
  const Comparison c = compare(estimate_with({1235, 1234, 1200, 1151}), real, Lang::En);
  EXPECT_EQ(c.difference_centi, (std::array<int, 4>{1235, -1266, 0, -49}));
  ASSERT_EQ(c.sentences.size(), 2u);
  EXPECT_EQ(c.sentences[0], (std::pair<std::string, Args>{"compare.brand.higher", {{"points", "12.4"}}}));
  EXPECT_EQ(c.sentences[1], (std::pair<std::string, Args>{"compare.find.lower", {{"points", "12.7"}}}));
  real.component_centi = {1000, 1000, 1000, 1000};
  EXPECT_TRUE(compare(estimate_with({1000, 1000, 1000, 1000}), real, Lang::De).sentences.empty());
}

TEST(FileType, NamesTheTypeOfAnyTextWithoutTrustingIt) {
  EXPECT_EQ(file_type(export_all(Document{}, "1.0", "2026-11-25T10:00:00Z")), kExportType);
  EXPECT_EQ(file_type(R"({"type":"ssi-selfcheck/group","x":1})"), "ssi-selfcheck/group");
  EXPECT_EQ(file_type(R"({"type":7})"), "");
  EXPECT_EQ(file_type(R"(["type"])"), "");
  EXPECT_EQ(file_type(R"({"type":"a")"), "");
  EXPECT_EQ(file_type(std::string(100, '[') + R"("type")"), "");
  EXPECT_EQ(file_type(""), "");
}

TEST(Compare, EverySentenceExistsInBothLanguages) {
  const Catalog& m = test::messages();
  for (Component c : kComponents) {
    for (bool higher : {true, false}) {
      const std::string key = key::compare(c, higher);
      const Text* t = m.find(key);
      ASSERT_NE(t, nullptr) << key;
      EXPECT_EQ(placeholders(t->de), std::vector<std::string>{"points"}) << key;
      EXPECT_EQ(placeholders(t->en), std::vector<std::string>{"points"}) << key;
      EXPECT_NE(t->de.find(higher ? "höher" : "niedriger"), std::string::npos) << key;
      EXPECT_NE(t->en.find(higher ? "higher" : "lower"), std::string::npos) << key;
    }
  }
}

Advice advice_for(Component c, std::string question, int gain) {
  Advice a;
  a.component = c;
  a.question = std::move(question);
  a.gain_centi = gain;
  return a;
}

TEST(Compare, RerankPutsTheReallyWeakestComponentFirst) {
  const std::vector<Advice> advice = {
      advice_for(Component::Brand, "b1", 300),         advice_for(Component::Engage, "e1", 250),
      advice_for(Component::Find, "f1", 200),          advice_for(Component::Engage, "e2", 150),
      advice_for(Component::Relationships, "r1", 100), advice_for(Component::Brand, "b2", 50),
  };
  RealEntry real;
  real.component_centi = {1500, 900, 400, 900};  // engage lowest; find and relationships tie
  std::vector<std::string> order;
  for (const Advice& a : rerank_advice(advice, real)) order.push_back(a.question);
  EXPECT_EQ(order, (std::vector<std::string>{"e1", "e2", "f1", "r1", "b1", "b2"}));
  // All equal: the estimate's order stays.
  real.component_centi = {1000, 1000, 1000, 1000};
  order.clear();
  for (const Advice& a : rerank_advice(advice, real)) order.push_back(a.question);
  EXPECT_EQ(order, (std::vector<std::string>{"b1", "e1", "f1", "e2", "r1", "b2"}));
  EXPECT_TRUE(rerank_advice({}, real).empty());
}

RealEntry real_on(std::string date, int total_centi) {
  RealEntry e;
  e.id = "r-" + date;
  e.date = std::move(date);
  e.component_centi = {total_centi, 0, 0, 0};
  return e;
}

TEST(Compare, ChangeSinceLastWeekAsLinkedInShowsIt) {
  EXPECT_EQ(change_since_last_week({}), std::nullopt);
  EXPECT_EQ(change_since_last_week({real_on("2026-11-25", 2000)}), std::nullopt);
  // Six days back is not a week.
  EXPECT_EQ(change_since_last_week({real_on("2026-11-19", 1000), real_on("2026-11-25", 2000)}), std::nullopt);
  // Exactly seven days, across a month boundary.
  EXPECT_EQ(change_since_last_week({real_on("2026-11-26", 1000), real_on("2026-12-03", 1300)}), 3);
  // The newest of the entries at least a week older counts; the input need not be sorted.
  EXPECT_EQ(change_since_last_week({real_on("2026-11-25", 2000), real_on("2026-11-10", 500),
                                    real_on("2026-11-18", 2300), real_on("2026-11-20", 100)}),
            -3);
  // Across a leap day: 2024-02-23 → 2024-03-01 is seven days.
  EXPECT_EQ(change_since_last_week({real_on("2024-02-23", 2000), real_on("2024-03-01", 2600)}), 6);
  EXPECT_EQ(change_since_last_week({real_on("2023-02-23", 2000), real_on("2023-03-01", 2600)}), std::nullopt);
  // Entries that are no calendar date are skipped.
  EXPECT_EQ(change_since_last_week({real_on("2026-11-01", 1000), real_on("2026-11-25", 1500), real_on("garbage", 0)}),
            5);
  // Rounded totals, like LinkedIn: 10.49 → 10 and 20.50 → 21.
  EXPECT_EQ(change_since_last_week({real_on("2026-11-01", 1049), real_on("2026-11-25", 2050)}), 11);
}

}  // namespace
}  // namespace ssi::store
