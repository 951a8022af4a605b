// The hostile corpus (tests/core/hostile/<reader>/, listed in tests/core/hostile/list.tsv): every file is refused
// by its reader with the listed code and path, nothing is added or changed, and the list covers exactly the files
// there are. Also the shared limits themselves: what the app writes at the largest size it allows reads back.
#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/codes.h"
#include "core/handover_code.h"
#include "core/json_util.h"
#include "core/limits.h"
#include "core/store.h"
#include "core/workshop.h"
#include "support.h"

namespace ssi {
namespace {

struct Listed {
  std::string reader, file, code, path;
};

const std::vector<std::string>& readers() {
  static const std::vector<std::string> names = {"answers", "code",          "group", "handover",
                                                 "import",  "questionnaire", "store"};
  return names;
}

std::vector<Listed> listed() {
  std::vector<Listed> out;
  std::istringstream in(test::read_file("tests/core/hostile/list.tsv"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells;
    std::size_t from = 0;
    for (std::size_t tab; (tab = line.find('\t', from)) != std::string::npos; from = tab + 1)
      cells.push_back(line.substr(from, tab - from));
    cells.push_back(line.substr(from));
    EXPECT_EQ(cells.size(), 4u) << line;
    cells.resize(4);
    out.push_back({cells[0], cells[1], cells[2], cells[3]});
  }
  return out;
}

TEST(HostileCorpus, TheListCoversEveryFileAndEveryListedFileExists) {
  const std::vector<Listed> list = listed();
  EXPECT_GE(list.size(), 80u);
  std::map<std::string, std::set<std::string>> by_reader;
  for (const Listed& l : list) {
    EXPECT_TRUE(by_reader[l.reader].insert(l.file).second) << "listed twice: " << l.reader << "/" << l.file;
    EXPECT_TRUE(test::messages().has(l.code)) << l.code;
  }
  std::set<std::string> folders = test::file_names("tests/core/hostile");
  folders.erase("list.tsv");
  EXPECT_EQ(folders, std::set<std::string>(readers().begin(), readers().end()));
  for (const std::string& reader : readers())
    EXPECT_EQ(test::file_names("tests/core/hostile/" + reader), by_reader[reader]) << reader;
}

// The first problem a reader reports for a text, and whether anything would be taken from it.
struct Outcome {
  std::vector<Problem> problems;
  bool took_something = false;
};

Outcome read_with(const std::string& reader, const std::string& text, const std::string& name) {
  Outcome out;
  if (reader == "import") {
    store::Document d;
    store::RealEntry kept;
    kept.id = "kept";
    kept.date = "2026-01-01";
    d.real.push_back(kept);
    const std::string before = store::write_document(d);
    store::ImportPreview p = store::preview_import(text, d, test::shipped());
    out.problems = p.problems;
    out.took_something = !p.new_checks.empty() || !p.new_real.empty();
    EXPECT_EQ(store::write_document(store::merge(d, p)), before) << name << ": the data must stay byte-identical";
  } else if (reader == "store") {
    store::DocumentLoad load = store::read_document(text, test::shipped());
    if (load.document) {
      // Readable: one bad entry never hides the others, and the one left out is listed.
      EXPECT_TRUE(load.problems.empty()) << name;
      EXPECT_FALSE(load.dropped.empty()) << name;
      EXPECT_EQ(load.dropped_entries, static_cast<int>(load.dropped.size())) << name;
      EXPECT_GE(load.document->checks.size() + load.document->real.size(), 1u) << name;
      out.problems = load.dropped;
      // What the app writes back from it reads back without anything left out.
      const store::DocumentLoad again = store::read_document(store::write_document(*load.document), test::shipped());
      EXPECT_TRUE(again.document && again.dropped.empty()) << name;
      // And what it holds exports into a file the import takes whole (fuzz.import found a check it refused).
      const store::ImportPreview back =
          store::preview_import(store::export_all(*load.document, "test", "2026-01-01T00:00:00Z"), {}, test::shipped());
      EXPECT_TRUE(back.ok() && !back.repair) << name << ": " << (back.problems.empty() ? "" : back.problems[0].code);
    } else {
      out.problems = load.problems;
    }
  } else if (reader == "handover") {
    workshop::HandoverLoad load = workshop::read_handover(text);
    out.problems = load.problems;
    out.took_something = load.handover.has_value();
    workshop::Group group;
    workshop::add_files(group, {{name, text}});
    EXPECT_EQ(group.participants(), 0) << name;
  } else if (reader == "code") {
    workshop::CodeLoad load = workshop::read_handover_code(text);
    out.problems = load.problems;
    out.took_something = load.handover.has_value();
    workshop::Group group;
    workshop::add_files(group, {{name, text}});
    EXPECT_EQ(group.participants(), 0) << name;
    if (workshop::looks_like_code(text)) {  // the group view reads it as a code: with the same reason
      EXPECT_EQ(group.errors.size(), 1u) << name;
      if (!group.errors.empty() && !load.problems.empty()) {
        EXPECT_EQ(group.errors[0].problems[0].code, load.problems[0].code) << name;
      }
    }
    workshop::Group scanned;  // from the camera or the typing field: read as a code (none is JSON), same reason
    workshop::add_files(scanned, {{name, text, /*code=*/true}});
    EXPECT_EQ(scanned.participants(), 0) << name;
    EXPECT_EQ(scanned.errors.size(), 1u) << name;
    if (!scanned.errors.empty() && !load.problems.empty()) {
      EXPECT_EQ(scanned.errors[0].problems[0].code, load.problems[0].code) << name;
    }
  } else if (reader == "group") {
    workshop::Group group;
    workshop::add_files(group, {{name, text}});
    if (!group.errors.empty()) out.problems = group.errors[0].problems;
    out.took_something = group.participants() > 0;
  } else if (reader == "questionnaire") {
    QuestionnaireLoad load = load_questionnaire(text);
    out.problems = load.problems;
    out.took_something = load.questionnaire.has_value();
  } else if (reader == "answers") {
    AnswersLoad load = answers_from_json(test::shipped(), text);
    out.problems = load.problems;
    out.took_something = load.answers.has_value();
  } else {
    ADD_FAILURE() << "unknown reader " << reader;
  }
  return out;
}

TEST(HostileCorpus, EveryFileIsRefusedWithItsCodeAndPath) {
  for (const Listed& l : listed()) {
    const std::string name = l.reader + "/" + l.file;
    const Outcome o = read_with(l.reader, test::read_file("tests/core/hostile/" + name), name);
    EXPECT_FALSE(o.took_something) << name;
    ASSERT_FALSE(o.problems.empty()) << name;
    EXPECT_EQ(o.problems[0].code, l.code) << name << " (path " << o.problems[0].path << ")";
    EXPECT_EQ(o.problems[0].path, l.path) << name;
    for (const Problem& p : o.problems) {
      for (Lang lang : {Lang::De, Lang::En}) {
        const std::string described = describe(test::messages(), p, lang);
        EXPECT_EQ(described.find(p.code), std::string::npos) << name << ": " << described;
        EXPECT_TRUE(placeholders(described).empty()) << name << ": " << described;
        EXPECT_LT(described.size(), 1000u) << name;
      }
    }
  }
}

//-----------------------------------------------------------------------------
// Encodings
//-----------------------------------------------------------------------------

TEST(Encoding, Utf8WithOrWithoutByteOrderMarkIsRead) {
  const std::string text = test::read_file("tests/core/imports/good/full.json");
  const store::ImportPreview plain = store::preview_import(text, {}, test::shipped());
  ASSERT_TRUE(plain.ok());
  const store::ImportPreview bom = store::preview_import("\xEF\xBB\xBF" + text, {}, test::shipped());
  ASSERT_TRUE(bom.ok()) << bom.problems[0].code;
  EXPECT_EQ(bom.new_checks, plain.new_checks);
  EXPECT_EQ(bom.new_real, plain.new_real);
  workshop::HandoverLoad h =
      workshop::read_handover("\xEF\xBB\xBF" + test::read_file("tests/core/workshop/good/handover.json"));
  EXPECT_TRUE(h.ok());
  EXPECT_TRUE(load_questionnaire("\xEF\xBB\xBF" + test::read_file("tests/core/fixtures/minimal.json")).ok());
}

TEST(Encoding, AControlCharacterIsFoundAtEveryPlaceOfALongText) {
  // control_character() skips eight plain bytes at once: each place, and each kind, must still be found.
  const std::string plain = "abcdefghijklmnopqrstuvwxyz ~!";
  EXPECT_FALSE(detail::control_character(plain, false));
  EXPECT_FALSE(detail::control_character(plain + "\xC3\xA4" + plain, false));
  for (std::size_t at = 0; at <= plain.size(); ++at) {
    for (const std::string bad : {"\x01", "\x1F", "\x7F", "\xC2\x80", "\xC2\x9F", "\n", "\t"}) {
      std::string text = plain;
      text.insert(at, bad);
      EXPECT_TRUE(detail::control_character(text, false)) << at << " " << static_cast<int>(bad[0]);
      EXPECT_EQ(detail::control_character(text, true), bad != "\n" && bad != "\t") << at;
    }
  }
}

TEST(Encoding, NulAndInvalidBytesAreNamedWithTheirPlace) {
  std::vector<Problem> problems;
  std::string_view with_nul("{\"a\":\n  \"x\0\"}", 13);
  EXPECT_FALSE(detail::parse_limited(with_nul, 32, true, problems));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].code, code::kNulByte);
  EXPECT_EQ(problems[0].args, (Args{{"line", "2"}, {"column", "5"}}));
  problems.clear();
  EXPECT_FALSE(detail::parse_limited("{\"\xC3\xA4\": \"\xE2\x82\"}", 32, true, problems));  // ä is one column
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].code, code::kInvalidUtf8);
  EXPECT_EQ(problems[0].args, (Args{{"line", "1"}, {"column", "8"}}));
  // Past runs of eight plain bytes, which are skipped at once, the place is still counted in characters: a NUL at
  // each place of a third line that holds an ä after eight ASCII bytes.
  const std::string head = "{\"alpha\": \"plain ascii text\",\n \"beta\": \"more of it\",\n";
  const std::string third = "  \"gamma\": \"eight+ \xC3\xA4 and more\"}";
  for (std::size_t at = 0; at <= third.size(); ++at) {
    if (at > 0 && (static_cast<unsigned char>(third[at]) & 0xC0) == 0x80) continue;  // inside the ä
    problems.clear();
    EXPECT_FALSE(detail::parse_limited(head + third.substr(0, at) + std::string(1, '\0') + third.substr(at), 32, true,
                                       problems));
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].code, code::kNulByte);
    const std::size_t characters = at > third.find('\xC3') ? at - 1 : at;
    EXPECT_EQ(problems[0].args, (Args{{"line", "3"}, {"column", std::to_string(characters + 1)}})) << at;
  }
  // "\u0000" written as an escape is JSON text, not a NUL byte: an import refuses it as a control character.
  problems.clear();
  EXPECT_TRUE(detail::parse_limited("{\"a\": \"\\u0000\"}", 32, true, problems));
}

//-----------------------------------------------------------------------------
// Integers and duplicate keys
//-----------------------------------------------------------------------------

TEST(Integers, BeyondInt64AreOutOfRangeNeverWrapped) {
  std::vector<Problem> problems;
  const auto huge =
      detail::parse_limited("[18446744073709551516, 9223372036854775807, -9223372036854775808]", 32, true, problems);
  ASSERT_TRUE(huge);
  EXPECT_FALSE(detail::as_integer((*huge)[0]).has_value());  // was read as -100
  EXPECT_TRUE(detail::huge_integer((*huge)[0]));
  EXPECT_EQ(detail::as_integer((*huge)[1]), std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(detail::as_integer((*huge)[2]), std::numeric_limits<std::int64_t>::min());
  // schemaVersion 2^64-1 is a future version with its digits, never "unknown format (-1)".
  store::DocumentLoad load =
      store::read_document(R"({"schema":"ssi-selfcheck/store","schemaVersion":18446744073709551615})", test::shipped());
  ASSERT_FALSE(load.problems.empty());
  EXPECT_EQ(load.problems[0].code, code::kStoreFutureVersion);
  EXPECT_EQ(load.problems[0].args[0].second, "18446744073709551615");
}

TEST(DuplicateKeys, AreRefusedWithThePathOfTheSecond) {
  std::vector<Problem> problems;
  EXPECT_FALSE(detail::parse_limited(R"({"a":[1,{"b":{"c":1}},{"b":2,"b":3}]})", 32, true, problems));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].code, code::kDuplicateKey);
  EXPECT_EQ(problems[0].path, "a[2].b");
  EXPECT_EQ(problems[0].args, (Args{{"key", "b"}}));
  // The same key in different objects is no duplicate.
  problems.clear();
  EXPECT_TRUE(detail::parse_limited(R"({"a":{"x":1},"b":{"x":1},"c":[{"x":1},{"x":2}]})", 32, true, problems));
  EXPECT_TRUE(problems.empty());
}

//-----------------------------------------------------------------------------
// Nicknames and identifiers
//-----------------------------------------------------------------------------

TEST(Nickname, CountsWhatAPersonSeesAsOneCharacter) {
  const std::string family =
      "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7\xE2\x80\x8D\xF0\x9F\x91\xA6";
  std::string six;
  for (int i = 0; i < 6; ++i) six += family;
  EXPECT_EQ(detail::grapheme_count(six), 6u);
  EXPECT_FALSE(workshop::check_nickname(six)) << "six family emoji are six characters, not 42";
  EXPECT_EQ(detail::grapheme_count("\xF0\x9F\x87\xA9\xF0\x9F\x87\xAA\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7"), 2u);  // DE FR
  EXPECT_EQ(detail::grapheme_count("e\xCC\x81\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD"
                                   "1\xEF\xB8\x8F\xE2\x83\xA3"),
            3u);  // é 👍🏽 1️⃣
  std::string forty;
  for (int i = 0; i < 40; ++i) forty += family;
  EXPECT_FALSE(workshop::check_nickname(forty));
  const Result r = score(test::shipped(), {}, ScoreOptions{.advice = false});
  // Cut to 40 characters, never inside one: the family stays whole and the file reads back.
  const workshop::Handover h = workshop::make_handover(test::shipped(), r, forty + family);
  EXPECT_EQ(h.nickname, forty);
  EXPECT_EQ(workshop::read_handover(workshop::handover_json(h, "t")).handover, h);
}

TEST(Nickname, RefusesDirectionControlsInvisibleOnlyNamesAndC1Controls) {
  const auto code_of = [](std::string_view s) {
    std::optional<Problem> p = workshop::check_nickname(s);
    return p ? p->code : std::string();
  };
  EXPECT_EQ(code_of("Anna\xE2\x80\xAE"
                    "exe"),
            code::kNicknameDirection);  // U+202E
  EXPECT_EQ(code_of("\xE2\x81\xA7"
                    "Anna\xE2\x81\xA9"),
            code::kNicknameDirection);                               // U+2067 … U+2069
  EXPECT_EQ(code_of("Anna\xE2\x80\x8F"), code::kNicknameDirection);  // U+200F
  EXPECT_EQ(code_of("\xE2\x80\x8B"), code::kNicknameInvisible);      // U+200B
  EXPECT_EQ(code_of("\xE2\x80\x8D\xEF\xBB\xBF\xE2\x81\xA0"), code::kNicknameInvisible);
  EXPECT_EQ(code_of("\xE3\x80\x80"), code::kNicknameInvisible);  // ideographic space only
  EXPECT_EQ(code_of("Anna\xC2\x85"), code::kNicknameInvalid);    // U+0085, a C1 control
  EXPECT_EQ(code_of("\xC2\x9B[31m"), code::kNicknameInvalid);
  EXPECT_EQ(code_of("Zo\xC3\xAB \xF0\x9F\x99\x82"), "");  // Zoë 🙂
  // Anything refused gives an anonymous, readable hand-over.
  const Result r = score(test::shipped(), {}, ScoreOptions{.advice = false});
  EXPECT_EQ(workshop::make_handover(test::shipped(), r, "Anna\xE2\x80\xAE").nickname, "");
}

TEST(Identifiers, InvisibleOrDirectionCharactersNeverPassForTheSameId) {
  EXPECT_TRUE(detail::valid_questionnaire_id("ssi-selfcheck"));
  for (std::string_view bad :
       {std::string_view("ssi-self\xE2\x80\x8B"
                         "check"),
        std::string_view("SSI-Selfcheck"), std::string_view("ssi-selfcheck\xE2\x80\x8F"), std::string_view(""),
        std::string_view("ssi selfcheck"), std::string_view("ssi-selfcheck\n")})
    EXPECT_FALSE(detail::valid_questionnaire_id(bad)) << bad;
  EXPECT_FALSE(detail::valid_questionnaire_id(std::string(65, 'a')));
  EXPECT_TRUE(detail::valid_questionnaire_version("1.0.0"));
  EXPECT_TRUE(detail::valid_questionnaire_version("2026-Q1"));
  EXPECT_FALSE(detail::valid_questionnaire_version(std::string(33, '1')));
}

//-----------------------------------------------------------------------------
// Limits and round trips at the largest size
//-----------------------------------------------------------------------------

// A document at the entry limit: every check answers every question and carries a short note.
store::Document largest_document() {
  const Questionnaire& q = test::shipped();
  store::Document d;
  test::Rng rng(99);
  const auto two = [](std::size_t n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
  for (std::size_t i = 0; i < limits::kMaxEntries; ++i) {
    store::SelfCheck c;
    c.id = "c-" + std::to_string(i);
    c.date = "2026-01-01T" + two(i / 3600) + ":" + two(i / 60 % 60) + ":" + two(i % 60) + "Z";  // oldest first
    c.questionnaire_id = q.id;
    c.questionnaire_version = q.version;
    for (const Question& question : q.questions)
      c.answers[question.id] = rng.below(static_cast<int>(question.options.size()));
    const Result r = score(q, c.answers, ScoreOptions{.advice = false});
    c.component_centi = r.component_centi;
    c.total = r.total;
    c.note = "Nach dem Workshop";
    d.checks.push_back(std::move(c));
  }
  return d;
}

TEST(Limits, TheLargestDocumentFitsAndEveryFormatReadsBack) {
  const store::Document d = largest_document();
  EXPECT_FALSE(store::check_fits(d)) << "the entry limit must fit the byte budget";
  const std::string stored = store::write_document(d);
  EXPECT_LE(stored.size(), limits::kMaxStoredBytes);
  // Stored document: read back byte for byte.
  const store::DocumentLoad back = store::read_document(stored, test::shipped());
  ASSERT_TRUE(back.document);
  EXPECT_TRUE(back.dropped.empty());
  EXPECT_EQ(store::write_document(*back.document), stored);
  // Export: within the import limit, imports into an empty document as the same entries.
  const std::string exported = store::export_all(d, "t", "2026-01-02T00:00:00Z");
  EXPECT_LE(exported.size(), limits::kMaxImportBytes);
  const store::ImportPreview p = store::preview_import(exported, {}, test::shipped());
  ASSERT_TRUE(p.ok()) << p.problems[0].code;
  EXPECT_EQ(store::write_document(store::merge({}, p)), stored);
  // The budget: the document, a kept copy of the same size and a trainer's questionnaire fit the quota.
  EXPECT_LE(2 * limits::kMaxStoredBytes + limits::kMaxQuestionnaireBytes, limits::kStorageQuotaBytes);
}

TEST(Limits, AnImportThatWouldNotFitIsRefusedUpFront) {
  store::Document d = largest_document();
  d.checks.pop_back();
  store::Document two;
  for (int i = 0; i < 2; ++i) {
    store::RealEntry e;
    e.id = "r-" + std::to_string(i);
    e.date = "2026-01-01";
    two.real.push_back(e);
  }
  const store::ImportPreview p =
      store::preview_import(store::export_all(two, "t", "2026-01-02T00:00:00Z"), d, test::shipped());
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.problems[0].code, code::kImportTooManyEntries);
  EXPECT_EQ(p.problems[0].args, (Args{{"count", "1501"}, {"max", "1500"}}));
  EXPECT_TRUE(p.new_real.empty());
  EXPECT_EQ(store::merge(d, p), d);
  // Notes make a document large long before it has many entries: the byte budget is checked too.
  store::Document notes;
  for (int i = 0; i < 300; ++i) {
    store::RealEntry e;
    e.id = "n-" + std::to_string(i);
    e.date = "2026-01-01";
    e.note = std::string(limits::kMaxStringBytes, 'x');
    notes.real.push_back(e);
  }
  const store::ImportPreview big =
      store::preview_import(store::export_all(notes, "t", "2026-01-02T00:00:00Z"), {}, test::shipped());
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.problems[0].code, code::kImportWouldNotFit);
}

//-----------------------------------------------------------------------------
// Repair: what reads is taken from a stored copy, the rest listed
//-----------------------------------------------------------------------------

TEST(Repair, EveryCutOfAStoredCopyGivesTheEntriesThatWereComplete) {
  store::Document d;
  for (int i = 0; i < 4; ++i) {
    store::RealEntry e;
    e.id = "r-" + std::to_string(i);
    e.date = "2026-01-0" + std::to_string(i + 1);
    e.component_centi = {100 * i, 0, 0, 0};
    e.note = "note, \"quoted\"";
    d.real.push_back(e);
  }
  const std::string text = store::write_document(d);
  std::size_t last = 0;
  for (std::size_t n = 1; n <= text.size(); ++n) {
    const std::string_view cut = std::string_view(text).substr(0, n);
    const store::Salvage s = store::salvage_document(cut, test::shipped());
    // Never an entry that was not complete in the text, always in order, never fewer as the text grows.
    ASSERT_LE(s.document.real.size(), d.real.size()) << n;
    for (std::size_t i = 0; i < s.document.real.size(); ++i) EXPECT_EQ(s.document.real[i], d.real[i]) << n;
    EXPECT_GE(s.document.real.size(), last) << n;
    last = s.document.real.size();
    // An entry that was begun but not finished is listed, never taken half.
    if (s.dropped_entries > 0) {
      EXPECT_EQ(s.dropped[0].code, code::kStoreEntryCut) << n;
    }
  }
  EXPECT_EQ(last, d.real.size());
  const store::Salvage whole = store::salvage_document(text, test::shipped());
  EXPECT_EQ(whole.document, d);
  EXPECT_TRUE(whole.dropped.empty());
}

TEST(Repair, AnImportOfAnUnreadableCopyTakesWhatReadsAndListsTheRest) {
  // A copy from a newer version, with one entry this version cannot read, cut in the middle of the last one.
  const std::string text =
      R"({"checks":[],"real":[{"centi":{"brand":100,"engage":0,"find":0,"relationships":0},"date":"2026-01-01","id":"r-a","note":""},)"
      R"({"centi":{"brand":9999,"engage":0,"find":0,"relationships":0},"date":"2026-01-02","id":"r-b","note":""},)"
      R"({"centi":{"brand":200,"engage":0,"find":0,"relationships":0},"date":"2026-01-03","id":"r-c","note":""},)"
      R"({"centi":{"brand":300,"engage":0,"find":0,"relationships":0},"date":"2026-01-04","id":"r-d","no)";
  ASSERT_FALSE(store::read_document(text, test::shipped()).document);
  store::Document into;
  store::RealEntry have;
  have.id = "r-c";
  have.date = "2026-01-03";
  into.real.push_back(have);
  const store::ImportPreview p = store::preview_import(text, into, test::shipped());
  ASSERT_TRUE(p.ok()) << p.problems[0].code;
  EXPECT_TRUE(p.repair);
  ASSERT_EQ(p.new_real.size(), 1u);
  EXPECT_EQ(p.new_real[0].id, "r-a");
  EXPECT_EQ(p.duplicate_real, 1);
  ASSERT_EQ(p.dropped.size(), 2u);
  EXPECT_EQ(p.dropped[0].code, code::kOutOfRange);
  EXPECT_EQ(p.dropped[0].path, "real[1].centi.brand");
  EXPECT_EQ(p.dropped[1].code, code::kStoreEntryCut);
  EXPECT_EQ(p.dropped[1].path, "real[3]");
  // A copy with nothing readable in it is refused, saying so.
  const store::ImportPreview none = store::preview_import(
      R"({"schema":"ssi-selfcheck/store","schemaVersion":2,"real":[{"id":"x"}]})", {}, test::shipped());
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.problems[0].code, code::kImportNothingSalvaged);
  // An export that is cut stays a refused export (truncated), not a repair.
  const std::string exported = test::read_file("tests/core/imports/good/full.json");
  const store::ImportPreview cut = store::preview_import(exported.substr(0, exported.size() / 2), {}, test::shipped());
  ASSERT_FALSE(cut.ok());
  EXPECT_EQ(cut.problems[0].code, code::kTruncated);
}

//-----------------------------------------------------------------------------
// CSV: every text cell neutralised
//-----------------------------------------------------------------------------

TEST(Csv, EveryTextCellStartingWithATriggerIsNeutralised) {
  for (std::string trigger : {"=", "+", "-", "@", "\t", "\r"}) {
    for (std::string lead : {"", " ", "   "}) {
      for (const bool real : {true, false}) {  // both kinds of row
        const std::string cell = lead + trigger + "1+1";
        store::Document d;
        if (real) {
          store::RealEntry e;
          e.id = cell;  // a tampered store may hold anything; the CSV never runs it
          e.date = cell;
          e.note = cell;
          d.real.push_back(e);
        } else {
          store::SelfCheck e;
          e.id = cell;
          e.date = cell;
          e.note = cell;
          d.checks.push_back(e);
        }
        const std::string csv = store::history_csv(d);
        const std::string row = csv.substr(csv.find("\r\n") + 2);
        // Split the row by hand (RFC 4180): kind, id, date, 4 values, total, note.
        std::vector<std::string> cells;
        std::string current;
        bool quoted = false;
        for (std::size_t i = 0; i < row.size(); ++i) {
          const char c = row[i];
          if (quoted) {
            if (c == '"' && i + 1 < row.size() && row[i + 1] == '"')
              current += '"', ++i;
            else if (c == '"')
              quoted = false;
            else
              current += c;
          } else if (c == '"') {
            quoted = true;
          } else if (c == ',') {
            cells.push_back(current), current.clear();
          } else if (c == '\r' && row.substr(i) == "\r\n") {
            break;
          } else {
            current += c;
          }
        }
        cells.push_back(current);
        ASSERT_EQ(cells.size(), 9u) << testing::PrintToString(row);
        EXPECT_EQ(cells[0], real ? "real" : "selfcheck");
        for (std::size_t i : {1u, 2u, 8u}) EXPECT_EQ(cells[i], "'" + cell) << testing::PrintToString(row);
      }
    }
  }
}

}  // namespace
}  // namespace ssi
