// Workshop mode (core/workshop.h): the hand-over file (round trip, exact decimals, byte-stable output, the
// corpus of refused files in tests/core/workshop/bad/) and the group view (statistics against independent
// reference computations, parts per questionnaire version, bad files, the 200-participant limit, the saved
// group session).
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "core/codes.h"
#include "core/workshop.h"
#include "support.h"

namespace ssi::workshop {

// Readable failures (found by GoogleTest through argument-dependent lookup).
void PrintTo(const Stats& s, std::ostream* os) {
  *os << "{count " << s.count << ", mean " << s.mean_centi << ", median " << s.median_centi << ", min " << s.min_centi
      << ", max " << s.max_centi << "}";
}
void PrintTo(const Handover& h, std::ostream* os) {
  *os << "{" << h.questionnaire_id << " " << h.questionnaire_version << ", \"" << h.nickname << "\", ["
      << h.component_centi[0] << ", " << h.component_centi[1] << ", " << h.component_centi[2] << ", "
      << h.component_centi[3] << "], " << h.total << ", " << corridor_key(h.corridor) << "}";
}

namespace {

using test::Rng;
using test::shipped;

constexpr std::string_view kApp = "0.6.0";

std::string first_code(const std::vector<Problem>& problems) {
  return problems.empty() ? std::string("(none)") : problems[0].code + " @ " + problems[0].path;
}

// "12.34" from hundredths, written by hand (not through any code under test).
std::string points_text(int centi) {
  const int frac = centi % 100;
  return std::to_string(centi / 100) + "." + (frac < 10 ? "0" : "") + std::to_string(frac);
}

// A consistent hand-over with random scores: the total is the rounded sum, computed here on its own.
Handover random_handover(Rng& rng, std::string id = "ssi-selfcheck", std::string version = "1.0.0") {
  Handover h;
  h.questionnaire_id = std::move(id);
  h.questionnaire_version = std::move(version);
  int sum = 0;
  for (int& c : h.component_centi) {
    c = rng.below(2501);
    sum += c;
  }
  h.total = sum / 100 + (sum % 100 >= 50 ? 1 : 0);
  h.corridor = h.total < 30    ? Corridor::Inactive
               : h.total < 50  ? Corridor::Occasional
               : h.total <= 80 ? Corridor::Active
                               : Corridor::Top;
  if (rng.below(3) != 0) h.nickname = "P" + std::to_string(rng.below(1000));
  return h;
}

// A hand-over file written by hand, with the components as given (text), so tests do not depend on the writer.
std::string handover_text(const std::array<std::string, 4>& components, int total, std::string_view corridor,
                          std::string_view nickname = "Anna") {
  return std::string(R"({"type": "ssi-selfcheck/handover", "schemaVersion": 1, "appVersion": "0.6.0",)") +
         R"( "questionnaire": {"id": "ssi-selfcheck", "version": "1.0.0"}, "nickname": ")" + std::string(nickname) +
         R"(", "components": {"brand": )" + components[0] + R"(, "find": )" + components[1] + R"(, "engage": )" +
         components[2] + R"(, "relationships": )" + components[3] + R"(}, "total": )" + std::to_string(total) +
         R"(, "corridor": ")" + std::string(corridor) + R"("})";
}

//-----------------------------------------------------------------------------
// Hand-over file
//-----------------------------------------------------------------------------

TEST(Handover, RoundTripsFromScoredResults) {
  const Questionnaire& q = shipped();
  Rng rng(20261125);
  const char* nicknames[] = {"", "Anna", "  Jörg Müller  ", "李雷", "Zoë 🙂", "O'Brien \"the\" \\ trainer"};
  for (int i = 0; i < 200; ++i) {
    const Result r = score(q, test::random_answers(q, rng), ScoreOptions{.advice = false});
    const Handover h = make_handover(q, r, nicknames[i % 6]);
    EXPECT_EQ(h.questionnaire_id, q.id);
    EXPECT_EQ(h.questionnaire_version, q.version);
    EXPECT_EQ(h.component_centi, r.component_centi);
    EXPECT_EQ(h.total, r.total);
    EXPECT_EQ(h.corridor, r.corridor);
    const std::string text = handover_json(h, kApp);
    const HandoverLoad load = read_handover(text);
    ASSERT_TRUE(load.ok()) << first_code(load.problems) << "\n" << text;
    EXPECT_EQ(*load.handover, h);
    EXPECT_EQ(handover_json(*load.handover, kApp), text);  // byte-stable through a read
  }
}

TEST(Handover, NicknameIsTrimmedAndCutToFortyCodePoints) {
  const Questionnaire& q = shipped();
  const Result r = score(q, {}, ScoreOptions{.advice = false});
  EXPECT_EQ(make_handover(q, r, "  Anna \xC2\xA0").nickname, "Anna");
  EXPECT_EQ(make_handover(q, r, "   ").nickname, "");
  std::string umlauts;
  for (int i = 0; i < 45; ++i) umlauts += "\xC3\xA4";  // ä, two bytes each
  const Handover cut = make_handover(q, r, umlauts);
  EXPECT_EQ(cut.nickname, umlauts.substr(0, 80));  // 40 code points, never half a character
  EXPECT_TRUE(read_handover(handover_json(cut, kApp)).ok());
  // Cut right after a space: trimmed again, so the file still reads back as written.
  const Handover spaced = make_handover(q, r, std::string(39, 'a') + " bcd");
  EXPECT_EQ(spaced.nickname, std::string(39, 'a'));
  EXPECT_EQ(read_handover(handover_json(spaced, kApp)).handover, spaced);
  // Characters check_nickname refuses give an anonymous (but readable) hand-over.
  EXPECT_EQ(make_handover(q, r, "An\x01na").nickname, "");
  EXPECT_EQ(make_handover(q, r, "An\xFFna").nickname, "");
}

TEST(Handover, MakeRecomputesTotalAndCorridorFromTheComponents) {
  Result r;
  r.component_centi = {2500, 2500, 2500, 2450};  // 99.5 → 100
  r.total = 3;                                   // a hand-built result that contradicts itself
  r.corridor = Corridor::Inactive;
  Handover h = make_handover(shipped(), r, "x");
  EXPECT_EQ(h.total, 100);
  EXPECT_EQ(h.corridor, Corridor::Top);
  r.component_centi = {-5, 2600, 0, 0};
  h = make_handover(shipped(), r, "x");
  EXPECT_EQ(h.component_centi, (std::array<int, 4>{0, 2500, 0, 0}));
  EXPECT_TRUE(read_handover(handover_json(h, kApp)).ok());
}

TEST(Handover, OutputIsByteStable) {
  Handover h;
  h.questionnaire_id = "ssi-selfcheck";
  h.questionnaire_version = "1.0.0";
  h.nickname = "Anna";
  h.component_centi = {1250, 1000, 725, 1530};
  h.total = 45;
  h.corridor = Corridor::Occasional;
  const std::string text = handover_json(h, kApp);
  EXPECT_EQ(text, test::read_file("tests/core/workshop/good/handover.json"));
  EXPECT_EQ(text, handover_json(h, kApp));
  // The hand-written sample (same data, "find": 10 as an integer, keys in another order) reads to the same.
  const HandoverLoad load = read_handover(test::read_file("tests/core/workshop/good/handover_hand_written.json"));
  ASSERT_TRUE(load.ok()) << first_code(load.problems);
  EXPECT_EQ(*load.handover, h);
  // No answers, no dates, nothing that identifies a device: the file holds exactly these keys.
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  std::set<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.insert(it.key());
  EXPECT_EQ(keys, (std::set<std::string>{"appVersion", "components", "corridor", "nickname", "questionnaire",
                                         "schemaVersion", "total", "type"}));
}

TEST(Handover, ReadsEveryTwoDecimalValueExactly) {
  // Every value LinkedIn can show, written by hand as "d.dd" and as the shortest decimal ("0.29", "12.5",
  // "7"), read back to exactly that many hundredths (a double multiplied by 100 would give 0.29 → 28).
  for (int centi = 0; centi <= 2500; ++centi) {
    const int total = (centi * 4 + 50) / 100;
    const std::string corridor(corridor_key(corridor_for(total)));
    std::string shortest = points_text(centi);
    while (shortest.back() == '0') shortest.pop_back();
    if (shortest.back() == '.') shortest.pop_back();
    for (const std::string& v : {points_text(centi), shortest}) {
      const HandoverLoad load = read_handover(handover_text({v, v, v, v}, total, corridor));
      ASSERT_TRUE(load.ok()) << v << ": " << first_code(load.problems);
      EXPECT_EQ(load.handover->component_centi, (std::array<int, 4>{centi, centi, centi, centi})) << v;
    }
    // And through the writer: the JSON number written for `centi` reads back as `centi`.
    Handover h;
    h.questionnaire_id = "ssi-selfcheck";
    h.questionnaire_version = "1.0.0";
    h.component_centi = {centi, 0, 0, 0};
    h.total = (centi + 50) / 100;
    h.corridor = corridor_for(h.total);
    const HandoverLoad again = read_handover(handover_json(h, kApp));
    ASSERT_TRUE(again.ok()) << centi << ": " << first_code(again.problems);
    EXPECT_EQ(again.handover->component_centi[0], centi);
  }
}

TEST(Handover, NamedDecimals) {
  struct Case {
    std::string text;
    int centi;
  };
  for (const Case& c : std::vector<Case>{{"0.29", 29},
                                         {"12.35", 1235},
                                         {"7.25", 725},
                                         {"0.07", 7},
                                         {"1.1", 110},
                                         {"12.50", 1250},
                                         {"4.35", 435},
                                         {"0.57", 57},
                                         {"24.99", 2499},
                                         {"25", 2500},
                                         {"25.0", 2500},
                                         {"0", 0},
                                         {"-0", 0},
                                         {"-0.0", 0},
                                         {"1.25e1", 1250},
                                         {"2.9E-1", 29},
                                         {"12.500", 1250}}) {
    const HandoverLoad load = read_handover(
        handover_text({c.text, "0", "0", "0"}, (c.centi + 50) / 100, corridor_key(corridor_for((c.centi + 50) / 100))));
    ASSERT_TRUE(load.ok()) << c.text << ": " << first_code(load.problems);
    EXPECT_EQ(load.handover->component_centi[0], c.centi) << c.text;
  }
  for (const char* text : {"12.345", "0.001", "2.675", "1e-5", "0.295", "24.999"}) {
    const HandoverLoad load = read_handover(handover_text({text, "0", "0", "0"}, 0, "inactive"));
    ASSERT_FALSE(load.problems.empty()) << text;
    EXPECT_EQ(load.problems[0].code, code::kTooManyDecimals) << text;
    EXPECT_EQ(load.problems[0].path, "components.brand") << text;
  }
  for (const char* text : {"-0.01", "25.01", "26", "-1", "1e3", "18446744073709551616", "99999999999999999999"}) {
    const HandoverLoad load = read_handover(handover_text({text, "0", "0", "0"}, 0, "inactive"));
    ASSERT_FALSE(load.problems.empty()) << text;
    EXPECT_EQ(load.problems[0].code, code::kOutOfRange) << text;
  }
}

// Every file in tests/core/workshop/bad/ with the code and path its refusal must carry (first problem).
struct BadFile {
  std::string name;
  std::string_view code;
  std::string path;
};
const std::vector<BadFile>& bad_files() {
  static const std::vector<BadFile> files = {
      {"app_version_not_string.json", code::kNotString, "appVersion"},
      {"component_centi_not_points.json", code::kOutOfRange, "components.brand"},
      {"component_negative.json", code::kOutOfRange, "components.find"},
      {"component_null.json", code::kNotNumber, "components.find"},
      {"component_string.json", code::kNotNumber, "components.find"},
      {"component_three_decimals.json", code::kTooManyDecimals, "components.engage"},
      {"component_tiny.json", code::kTooManyDecimals, "components.find"},
      {"component_too_high.json", code::kOutOfRange, "components.relationships"},
      {"components_not_object.json", code::kNotObjectField, "components"},
      {"control_character.json", code::kControlCharacter, "nickname"},
      {"corridor_mismatch.json", code::kWorkshopCorridorMismatch, "corridor"},
      {"corridor_unknown.json", code::kWorkshopCorridorMismatch, "corridor"},
      {"deep_nesting.json", code::kTooDeep, ""},
      {"empty.json", code::kWorkshopEmpty, ""},
      {"export_file.json", code::kWorkshopExportFile, "type"},
      {"export_full.json", code::kWorkshopExportFile, "type"},
      {"future_version.json", code::kWorkshopFutureVersion, "schemaVersion"},
      {"huge_string.json", code::kStringTooLong, "questionnaire.version"},
      {"invalid_json.json", code::kInvalidJson, ""},
      {"invalid_utf8.json", code::kInvalidUtf8, ""},
      {"missing_component.json", code::kMissingField, "components.engage"},
      {"missing_components.json", code::kMissingField, "components"},
      {"missing_corridor.json", code::kMissingField, "corridor"},
      {"missing_questionnaire.json", code::kMissingField, "questionnaire"},
      {"missing_questionnaire_version.json", code::kMissingField, "questionnaire.version"},
      {"missing_total.json", code::kMissingField, "total"},
      {"missing_type.json", code::kWorkshopWrongType, "type"},
      {"missing_version.json", code::kMissingField, "schemaVersion"},
      {"nan_literal.json", code::kNotFinite, ""},
      {"nickname_not_string.json", code::kNotString, "nickname"},
      {"nickname_too_long.json", code::kNicknameTooLong, "nickname"},
      {"number_overflow.json", code::kNotFinite, ""},
      {"questionnaire_id_not_string.json", code::kNotString, "questionnaire.id"},
      {"questionnaire_not_object.json", code::kNotObjectField, "questionnaire"},
      {"raw_control_character.json", code::kInvalidJson, ""},
      {"stored_document.json", code::kWorkshopWrongType, "type"},
      {"top_level_array.json", code::kNotObject, ""},
      {"total_mismatch.json", code::kWorkshopTotalMismatch, "total"},
      {"total_not_integer.json", code::kNotInteger, "total"},
      {"total_out_of_range.json", code::kOutOfRange, "total"},
      {"total_truncated_not_rounded.json", code::kWorkshopTotalMismatch, "total"},
      {"truncated.json", code::kTruncated, ""},
      {"truncated_in_string.json", code::kTruncated, ""},
      {"type_not_string.json", code::kWorkshopWrongType, "type"},
      {"version_string.json", code::kNotInteger, "schemaVersion"},
      {"version_zero.json", code::kWorkshopUnknownVersion, "schemaVersion"},
      {"whitespace_only.json", code::kWorkshopEmpty, ""},
  };
  return files;
}

// Every problem reads as a sentence in both languages, never as its code, never echoing a huge string.
void expect_described(const std::vector<Problem>& problems, const std::string& name) {
  for (const Problem& problem : problems) {
    EXPECT_TRUE(test::messages().has(problem.code)) << name << ": " << problem.code;
    for (Lang lang : {Lang::De, Lang::En}) {
      const std::string described = describe(test::messages(), problem, lang);
      EXPECT_EQ(described.find(problem.code), std::string::npos) << name << ": " << described;
      EXPECT_TRUE(placeholders(described).empty()) << name << ": " << described;  // every placeholder filled
      EXPECT_LT(described.size(), 1000u) << name;
    }
  }
}

void expect_refused(std::string_view text, const BadFile& bad) {
  const HandoverLoad load = read_handover(text);
  EXPECT_FALSE(load.ok()) << bad.name;
  EXPECT_FALSE(load.handover.has_value()) << bad.name;
  ASSERT_FALSE(load.problems.empty()) << bad.name;
  EXPECT_EQ(load.problems[0].code, bad.code) << bad.name << " (path " << load.problems[0].path << ")";
  EXPECT_EQ(load.problems[0].path, bad.path) << bad.name;
  EXPECT_EQ(load.problems.size(), 1u) << bad.name << ": one rule broken, one problem";
  expect_described(load.problems, bad.name);
  // The group view refuses it the same way, naming the file.
  Group group;
  add_files(group, {{bad.name, std::string(text)}});
  EXPECT_EQ(group.participants(), 0) << bad.name;
  ASSERT_EQ(group.errors.size(), 1u) << bad.name;
  EXPECT_EQ(group.errors[0].name, bad.name);
  ASSERT_FALSE(group.errors[0].problems.empty()) << bad.name;
  EXPECT_EQ(group.errors[0].problems[0].code, bad.code) << bad.name;
}

TEST(Handover, EveryFileOfTheBadCorpusIsRefusedWithItsCodeAndPath) {
  EXPECT_GE(bad_files().size(), 40u);
  for (const BadFile& bad : bad_files()) expect_refused(test::read_file("tests/core/workshop/bad/" + bad.name), bad);
}

TEST(Handover, TheBadCorpusTableListsEveryFile) {
  std::set<std::string> listed;
  for (const BadFile& bad : bad_files()) listed.insert(bad.name);
  EXPECT_EQ(test::file_names("tests/core/workshop/bad"), listed);
}

TEST(Handover, RefusesFilesOverSixtyFourKilobytes) {
  std::string text = test::read_file("tests/core/workshop/good/handover.json");
  text.append(kMaxHandoverBytes - text.size(), ' ');  // still valid JSON: only the size is wrong
  EXPECT_TRUE(read_handover(text).ok());
  text += ' ';
  expect_refused(text, {"64 KiB + 1 byte", code::kWorkshopTooLarge, ""});
  const Problem p = read_handover(text).problems.at(0);
  EXPECT_EQ(describe(test::messages(), p, Lang::En).rfind("The file is larger than 64 KB.", 0), 0u);
}

TEST(Handover, AnExportGetsItsOwnHint) {
  const Problem p = read_handover(test::read_file("tests/core/workshop/bad/export_full.json")).problems.at(0);
  EXPECT_NE(describe(test::messages(), p, Lang::De).find("Export aller Daten"), std::string::npos);
  EXPECT_NE(describe(test::messages(), p, Lang::En).find("export of all"), std::string::npos);
}

TEST(Handover, MissingOrEmptyNicknameIsAnonymous) {
  std::string text = test::read_file("tests/core/workshop/good/handover.json");
  const std::string with = "  \"nickname\": \"Anna\",\n";
  ASSERT_NE(text.find(with), std::string::npos);
  std::string without = text;
  without.erase(without.find(with), with.size());
  HandoverLoad load = read_handover(without);
  ASSERT_TRUE(load.ok()) << first_code(load.problems);
  EXPECT_EQ(load.handover->nickname, "");
  std::string empty = text;
  empty.replace(empty.find("\"Anna\""), 6, "\"\"");
  load = read_handover(empty);
  ASSERT_TRUE(load.ok()) << first_code(load.problems);
  EXPECT_EQ(load.handover->nickname, "");
  std::string padded = text;
  padded.replace(padded.find("\"Anna\""), 6, "\"  Anna \"");
  load = read_handover(padded);
  ASSERT_TRUE(load.ok()) << first_code(load.problems);
  EXPECT_EQ(load.handover->nickname, "Anna");
}

TEST(Handover, CheckNickname) {
  EXPECT_FALSE(check_nickname(""));
  EXPECT_FALSE(check_nickname("Anna"));
  EXPECT_FALSE(check_nickname(std::string(40, 'x')));
  EXPECT_FALSE(check_nickname("  " + std::string(40, 'x') + "  "));  // counted after trimming
  std::string forty_emoji;
  for (int i = 0; i < 40; ++i) forty_emoji += "\xF0\x9F\x99\x82";  // 🙂: 4 bytes, one code point
  EXPECT_FALSE(check_nickname(forty_emoji));
  const auto code_of = [](std::string_view s) {
    std::optional<Problem> p = check_nickname(s);
    return p ? p->code : std::string();
  };
  EXPECT_EQ(code_of(std::string(41, 'x')), code::kNicknameTooLong);
  EXPECT_EQ(code_of(forty_emoji + "x"), code::kNicknameTooLong);
  EXPECT_EQ(check_nickname(std::string(41, 'x'))->args, (Args{{"max", "40"}}));
  for (std::string_view bad :
       {std::string_view("A\tB"), std::string_view("A\nB"), std::string_view("A\x7F"), std::string_view("A\0B", 3),
        std::string_view("\xFF"), std::string_view("\xC3"), std::string_view("\xC0\xAF"),
        std::string_view("\xED\xA0\x80"), std::string_view("\xF4\x90\x80\x80"), std::string_view("\xE2\x82")})
    EXPECT_EQ(code_of(bad), code::kNicknameInvalid) << testing::PrintToString(std::string(bad));
}

//-----------------------------------------------------------------------------
// Statistics
//-----------------------------------------------------------------------------

// The reference: sorting and long double, rounded half away from zero by llroundl (no code shared with stats_of).
Stats reference_stats(std::vector<int> v) {
  Stats s;
  if (v.empty()) return s;
  std::sort(v.begin(), v.end());
  long double sum = 0;
  for (int x : v) sum += x;
  s.count = static_cast<int>(v.size());
  s.mean_centi = static_cast<int>(std::llroundl(sum / v.size()));
  const std::size_t n = v.size();
  s.median_centi =
      n % 2 ? v[n / 2] : static_cast<int>(std::llroundl((static_cast<long double>(v[n / 2 - 1]) + v[n / 2]) / 2));
  s.min_centi = v.front();
  s.max_centi = v.back();
  return s;
}

TEST(Stats, MatchesABruteForceReferenceOnRandomLists) {
  Rng rng(424242);
  for (int round = 0; round < 3000; ++round) {
    const int n = round < 100 ? round % 8 : 1 + rng.below(250);
    const int spread = round % 3 == 0 ? 4 : round % 3 == 1 ? 2501 : 10000;  // many ties, scores, totals×100
    const int offset = round % 5 == 0 ? -spread / 2 : 0;                    // negatives too
    std::vector<int> v;
    for (int i = 0; i < n; ++i) v.push_back(offset + rng.below(spread));
    EXPECT_EQ(stats_of(v), reference_stats(v)) << "round " << round << " n " << n;
  }
}

TEST(Stats, RoundingAtTheHalf) {
  EXPECT_EQ(stats_of({}), Stats{});
  EXPECT_EQ(stats_of({7}), (Stats{1, 7, 7, 7, 7}));
  EXPECT_EQ(stats_of({0, 1}), (Stats{2, 1, 1, 0, 1}));        // 0.5 → 1
  EXPECT_EQ(stats_of({-1, 0}), (Stats{2, -1, -1, -1, 0}));    // −0.5 → −1 (away from zero)
  EXPECT_EQ(stats_of({2, 1, 4, 3}), (Stats{4, 3, 3, 1, 4}));  // 2.5 → 3, unsorted input
  EXPECT_EQ(stats_of({0, 0, 1}), (Stats{3, 0, 0, 0, 1}));     // 0.33 → 0
  EXPECT_EQ(stats_of({0, 1, 1}), (Stats{3, 1, 1, 0, 1}));     // 0.67 → 1
  EXPECT_EQ(stats_of({2500, 2500, 2499, 2500}), (Stats{4, 2500, 2500, 2499, 2500}));  // 2499.75 → 2500
}

//-----------------------------------------------------------------------------
// Group view
//-----------------------------------------------------------------------------

std::vector<GroupFile> files_of(const std::vector<Handover>& handovers, std::string_view prefix = "p") {
  std::vector<GroupFile> files;
  for (std::size_t i = 0; i < handovers.size(); ++i)
    files.push_back({std::string(prefix) + std::to_string(i + 1) + ".json", handover_json(handovers[i], kApp)});
  return files;
}

// What a part must hold, computed straight from the hand-overs (the reference stats above, plain loops).
void expect_part(const GroupPart& part, const std::vector<Handover>& expected) {
  ASSERT_EQ(part.participants.size(), expected.size());
  std::vector<int> totals;
  std::array<std::vector<int>, 4> components;
  std::array<int, 4> corridors{}, top{};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(part.participants[i].handover, expected[i]) << i;
    EXPECT_EQ(part.participants[i].name, expected[i].nickname) << i;
    totals.push_back(expected[i].total * 100);
    for (int c = 0; c < 4; ++c) components[c].push_back(expected[i].component_centi[c]);
    ++corridors[static_cast<int>(expected[i].corridor)];
    int weakest = 0;
    for (int c = 1; c < 4; ++c)
      if (expected[i].component_centi[c] < expected[i].component_centi[weakest]) weakest = c;
    ++top[weakest];
  }
  EXPECT_EQ(part.total, reference_stats(totals));
  std::array<int, 4> means{};
  for (int c = 0; c < 4; ++c) {
    EXPECT_EQ(part.components[c], reference_stats(components[c])) << c;
    means[c] = reference_stats(components[c]).mean_centi;
  }
  EXPECT_EQ(part.corridors, corridors);
  EXPECT_EQ(part.top_advice, top);
  std::vector<Component> weakest, frequent;
  for (int c = 0; c < 4; ++c) {
    if (means[c] == *std::min_element(means.begin(), means.end())) weakest.push_back(kComponents[c]);
    if (top[c] == *std::max_element(top.begin(), top.end())) frequent.push_back(kComponents[c]);
  }
  EXPECT_EQ(part.weakest, weakest);
  EXPECT_EQ(part.most_frequent_advice, frequent);
}

TEST(Group, FiftyFilesGiveTheIndependentlyComputedAggregates) {
  for (std::uint64_t seed : {1u, 2u, 3u, 99u}) {
    Rng rng(seed);
    std::vector<Handover> handovers;
    for (int i = 0; i < 50; ++i) handovers.push_back(random_handover(rng));
    Group group;
    add_files(group, files_of(handovers));
    EXPECT_TRUE(group.errors.empty()) << first_code(group.errors.empty() ? std::vector<Problem>{}
                                                                         : group.errors[0].problems);
    ASSERT_EQ(group.parts.size(), 1u);
    EXPECT_EQ(group.participants(), 50);
    EXPECT_EQ(group.parts[0].questionnaire_id, "ssi-selfcheck");
    EXPECT_EQ(group.parts[0].questionnaire_version, "1.0.0");
    for (int i = 0; i < 50; ++i) EXPECT_EQ(group.parts[0].participants[i].number, i + 1);
    expect_part(group.parts[0], handovers);
  }
}

TEST(Group, WeakestAndTopAdviceOnTies) {
  auto make = [](std::array<int, 4> centi) {
    Handover h;
    h.questionnaire_id = "q";
    h.questionnaire_version = "1";
    h.component_centi = centi;
    int sum = centi[0] + centi[1] + centi[2] + centi[3];
    h.total = (sum + 50) / 100;
    h.corridor = corridor_for(h.total);
    return h;
  };
  // Person 1: find and relationships tie for lowest → top advice find (LinkedIn's order). Person 2: engage.
  // Means 10.00, 6.00, 6.00, 6.00: three weakest.
  const std::vector<Handover> hs = {make({1000, 500, 800, 500}), make({1000, 700, 400, 700})};
  Group group;
  add_files(group, files_of(hs));
  ASSERT_EQ(group.parts.size(), 1u);
  const GroupPart& part = group.parts[0];
  EXPECT_EQ(part.top_advice, (std::array<int, 4>{0, 1, 1, 0}));
  EXPECT_EQ(part.most_frequent_advice, (std::vector<Component>{Component::Find, Component::Engage}));
  EXPECT_EQ(part.weakest, (std::vector<Component>{Component::Find, Component::Engage, Component::Relationships}));
  expect_part(part, hs);
}

TEST(Group, QuestionnaireVersionsAreKeptApart) {
  Rng rng(7);
  std::vector<Handover> hs;
  // Given interleaved: 3 × v1.0.0, 5 × v1.1.0, 5 × another questionnaire, 1 × v2.
  const std::vector<std::pair<std::string, std::string>> keys = {
      {"ssi-selfcheck", "1.0.0"}, {"ssi-selfcheck", "1.1.0"}, {"trainer-x", "1"},         {"ssi-selfcheck", "1.1.0"},
      {"trainer-x", "1"},         {"ssi-selfcheck", "1.0.0"}, {"ssi-selfcheck", "1.1.0"}, {"trainer-x", "1"},
      {"ssi-selfcheck", "2"},     {"ssi-selfcheck", "1.1.0"}, {"trainer-x", "1"},         {"ssi-selfcheck", "1.0.0"},
      {"trainer-x", "1"},         {"ssi-selfcheck", "1.1.0"}};
  for (const auto& [id, version] : keys) hs.push_back(random_handover(rng, id, version));
  Group group;
  add_files(group, files_of(hs));
  EXPECT_TRUE(group.errors.empty());
  EXPECT_EQ(group.participants(), 14);
  ASSERT_EQ(group.parts.size(), 4u);
  // Largest first; the two parts of five by id, then the three, then the one.
  const std::vector<std::pair<std::string, std::string>> order = {
      {"ssi-selfcheck", "1.1.0"}, {"trainer-x", "1"}, {"ssi-selfcheck", "1.0.0"}, {"ssi-selfcheck", "2"}};
  for (std::size_t k = 0; k < order.size(); ++k) {
    const GroupPart& part = group.parts[k];
    EXPECT_EQ(part.questionnaire_id, order[k].first) << k;
    EXPECT_EQ(part.questionnaire_version, order[k].second) << k;
    std::vector<Handover> expected;
    std::vector<int> numbers;
    for (std::size_t i = 0; i < hs.size(); ++i)
      if (keys[i] == order[k]) {
        expected.push_back(hs[i]);
        numbers.push_back(static_cast<int>(i) + 1);
      }
    expect_part(part, expected);
    for (std::size_t i = 0; i < numbers.size(); ++i) EXPECT_EQ(part.participants[i].number, numbers[i]);
  }
}

TEST(Group, BadFilesAreListedWithIndexAndTheGoodOnesCounted) {
  Rng rng(11);
  std::vector<GroupFile> files = files_of({random_handover(rng), random_handover(rng), random_handover(rng)});
  files.insert(files.begin() + 1, {"broken.json", "{\"type\": \"ssi-selfcheck/handover\","});
  files.insert(files.begin() + 3, {"export.json", test::read_file("tests/core/workshop/bad/export_full.json")});
  files.push_back({"decimals.json", test::read_file("tests/core/workshop/bad/component_three_decimals.json")});
  Group group;
  add_files(group, files);
  EXPECT_EQ(group.participants(), 3);
  ASSERT_EQ(group.errors.size(), 3u);
  EXPECT_EQ(group.errors[0].index, 1);
  EXPECT_EQ(group.errors[0].name, "broken.json");
  EXPECT_EQ(first_code(group.errors[0].problems), std::string(code::kTruncated) + " @ ");
  EXPECT_EQ(group.errors[1].index, 3);
  EXPECT_EQ(group.errors[1].name, "export.json");
  EXPECT_EQ(first_code(group.errors[1].problems), std::string(code::kWorkshopExportFile) + " @ type");
  EXPECT_EQ(group.errors[2].index, 5);
  EXPECT_EQ(first_code(group.errors[2].problems), std::string(code::kTooManyDecimals) + " @ components.engage");
  // Participants are numbered over the files that loaded.
  for (int i = 0; i < 3; ++i) EXPECT_EQ(group.parts[0].participants[i].number, i + 1);
}

TEST(Group, IdenticalFilesAreKept) {
  Rng rng(5);
  const Handover h = random_handover(rng);
  Group group;
  add_files(group, files_of({h, h, h}));
  EXPECT_EQ(group.participants(), 3);
  EXPECT_TRUE(group.errors.empty());
}

TEST(Group, AtMostTwoHundredParticipants) {
  Rng rng(201);
  std::vector<Handover> hs;
  for (int i = 0; i < 201; ++i) hs.push_back(random_handover(rng));
  Group group;
  add_files(group, files_of(hs));
  EXPECT_EQ(group.participants(), 200);
  ASSERT_EQ(group.errors.size(), 1u);
  EXPECT_EQ(group.errors[0].index, 200);
  EXPECT_EQ(group.errors[0].name, "p201.json");
  ASSERT_EQ(group.errors[0].problems.size(), 1u);
  EXPECT_EQ(group.errors[0].problems[0].code, code::kWorkshopTooManyFiles);
  EXPECT_EQ(group.errors[0].problems[0].args, (Args{{"max", "200"}}));
  expect_described(group.errors[0].problems, "201st file");
  hs.pop_back();
  expect_part(group.parts[0], hs);
  // A later drop adds nothing more, with a problem per file; a broken one still says what is wrong with it.
  add_files(group, {{"late.json", handover_json(random_handover(rng), kApp)}, {"bad.json", "{"}});
  EXPECT_EQ(group.participants(), 200);
  ASSERT_EQ(group.errors.size(), 3u);
  EXPECT_EQ(group.errors[1].index, 0);
  EXPECT_EQ(group.errors[1].problems[0].code, code::kWorkshopTooManyFiles);
  EXPECT_EQ(group.errors[2].index, 1);
  EXPECT_EQ(group.errors[2].problems[0].code, code::kTruncated);
}

TEST(Group, LaterDropsContinueTheNumbering) {
  Rng rng(3);
  std::vector<Handover> first = {random_handover(rng), random_handover(rng, "other", "1")};
  std::vector<Handover> second = {random_handover(rng, "other", "1"), random_handover(rng), random_handover(rng)};
  Group group;
  add_files(group, files_of(first));
  add_files(group, files_of(second, "q"));
  EXPECT_EQ(group.participants(), 5);
  ASSERT_EQ(group.parts.size(), 2u);
  EXPECT_EQ(group.parts[0].questionnaire_id, "ssi-selfcheck");
  std::vector<int> numbers;
  for (const Participant& p : group.parts[0].participants) numbers.push_back(p.number);
  EXPECT_EQ(numbers, (std::vector<int>{1, 4, 5}));
  expect_part(group.parts[0], {first[0], second[1], second[2]});
  expect_part(group.parts[1], {first[1], second[0]});
}

TEST(Group, SessionFileRoundTrips) {
  Rng rng(77);
  std::vector<Handover> hs;
  for (int i = 0; i < 60; ++i) hs.push_back(random_handover(rng, "ssi-selfcheck", i % 4 == 0 ? "0.9.0" : "1.0.0"));
  Group group;
  add_files(group, files_of(hs));
  const std::string saved = group_json(group, kApp);
  EXPECT_EQ(saved.back(), '\n');
  EXPECT_EQ(saved, group_json(group, kApp));

  Group again;
  add_files(again, {{"session.json", saved}});
  EXPECT_TRUE(again.errors.empty()) << first_code(again.errors.empty() ? std::vector<Problem>{}
                                                                       : again.errors[0].problems);
  ASSERT_EQ(again.parts.size(), group.parts.size());
  for (std::size_t k = 0; k < group.parts.size(); ++k) {
    EXPECT_EQ(again.parts[k].questionnaire_version, group.parts[k].questionnaire_version);
    ASSERT_EQ(again.parts[k].participants.size(), group.parts[k].participants.size());
    for (std::size_t i = 0; i < group.parts[k].participants.size(); ++i) {
      EXPECT_EQ(again.parts[k].participants[i].number, group.parts[k].participants[i].number);
      EXPECT_EQ(again.parts[k].participants[i].name, group.parts[k].participants[i].name);
      EXPECT_EQ(again.parts[k].participants[i].handover, group.parts[k].participants[i].handover);
    }
    EXPECT_EQ(part_json(again.parts[k]), part_json(group.parts[k]));
  }
  EXPECT_EQ(group_json(again, kApp), saved);

  // A session added to a group that already has 150 participants: 50 fit, the rest is reported once.
  Group full;
  std::vector<Handover> many;
  for (int i = 0; i < 150; ++i) many.push_back(random_handover(rng));
  add_files(full, files_of(many));
  add_files(full, {{"session.json", saved}});
  EXPECT_EQ(full.participants(), 200);
  ASSERT_EQ(full.errors.size(), 1u);
  EXPECT_EQ(full.errors[0].name, "session.json");
  ASSERT_EQ(full.errors[0].problems.size(), 1u);
  EXPECT_EQ(full.errors[0].problems[0].code, code::kWorkshopTooManyFiles);
  EXPECT_EQ(full.errors[0].problems[0].path, "participants[50]");
}

TEST(Group, HandWrittenSessionFile) {
  Group group;
  add_files(group, {{"group.json", test::read_file("tests/core/workshop/good/group_hand_written.json")}});
  ASSERT_TRUE(group.errors.empty()) << first_code(group.errors[0].problems);
  ASSERT_EQ(group.parts.size(), 1u);
  const GroupPart& part = group.parts[0];
  ASSERT_EQ(part.participants.size(), 4u);
  EXPECT_EQ(part.participants[0].name, "Anna");
  EXPECT_EQ(part.participants[1].name, "");  // no nickname: anonymous
  EXPECT_EQ(part.participants[2].name, "Ben");
  EXPECT_EQ(part.participants[2].handover.component_centi, (std::array<int, 4>{301, 250, 29, 400}));
  EXPECT_EQ(part.participants[3].handover.component_centi, (std::array<int, 4>{2500, 2500, 2499, 2500}));
  // Totals 45, 75, 10, 100; brand 12.5, 20, 3.01, 25; find 10, 18.4, 2.5, 25; engage 7.25, 17.6, 0.29, 24.99;
  // relationships 15.3, 19, 4, 25. Worked out by hand: mean of the totals 57.5, median (45 + 75) / 2 = 60;
  // engage mean 12.5325 → 12.53, median (7.25 + 17.6) / 2 = 12.425 → 12.43.
  EXPECT_EQ(part_json(part), R"({"components":[{"max":25.0,"mean":15.13,"median":16.25,"min":3.01},)"
                             R"({"max":25.0,"mean":13.98,"median":14.2,"min":2.5},)"
                             R"({"max":24.99,"mean":12.53,"median":12.43,"min":0.29},)"
                             R"({"max":25.0,"mean":15.83,"median":17.15,"min":4.0}],)"
                             R"("corridors":[1,1,1,1],"participants":4,)"
                             R"("questionnaire":{"id":"ssi-selfcheck","version":"1.0.0"},"topAdvice":["engage"],)"
                             R"("total":{"max":100.0,"mean":57.5,"median":60.0,"min":10.0},"weakest":["engage"]})");
}

// Every group file in tests/core/workshop/bad_group/ with the first problem's code and path, and how many of
// its four participants still load.
TEST(Group, BadSessionFiles) {
  struct Case {
    std::string name;
    std::string_view code;
    std::string path;
    int loaded;
  };
  const std::vector<Case> cases = {
      {"control_character.json", code::kControlCharacter, "participants[0].nickname", 0},
      {"future_version.json", code::kWorkshopFutureVersion, "schemaVersion", 0},
      {"participant_nickname_too_long.json", code::kNicknameTooLong, "participants[3].nickname", 3},
      {"participant_not_object.json", code::kNotObjectField, "participants[1]", 3},
      {"participant_three_decimals.json", code::kTooManyDecimals, "participants[2].components.find", 3},
      {"participant_total_mismatch.json", code::kWorkshopTotalMismatch, "participants[0].total", 3},
      {"participants_missing.json", code::kMissingField, "participants", 0},
      {"participants_not_array.json", code::kNotArray, "participants", 0},
      {"version_zero.json", code::kWorkshopUnknownVersion, "schemaVersion", 0},
  };
  std::set<std::string> listed;
  for (const Case& c : cases) {
    listed.insert(c.name);
    Group group;
    add_files(group, {{c.name, test::read_file("tests/core/workshop/bad_group/" + c.name)}});
    EXPECT_EQ(group.participants(), c.loaded) << c.name;
    ASSERT_EQ(group.errors.size(), 1u) << c.name;
    ASSERT_EQ(group.errors[0].problems.size(), 1u) << c.name << ": " << first_code(group.errors[0].problems);
    EXPECT_EQ(group.errors[0].problems[0].code, c.code) << c.name;
    EXPECT_EQ(group.errors[0].problems[0].path, c.path) << c.name;
    expect_described(group.errors[0].problems, c.name);
  }
  EXPECT_EQ(test::file_names("tests/core/workshop/bad_group"), listed);
  // A group file is not a hand-over.
  EXPECT_EQ(first_code(read_handover(test::read_file("tests/core/workshop/good/group_hand_written.json")).problems),
            std::string(code::kWorkshopWrongType) + " @ type");
}

TEST(Group, ProblemsPerFileAreBounded) {
  std::string text = R"({"type": "ssi-selfcheck/group", "schemaVersion": 1, "participants": [)";
  for (int i = 0; i < 1000; ++i) text += std::string(i ? "," : "") + "1";
  text += "]}";
  Group group;
  add_files(group, {{"many.json", text}});
  ASSERT_EQ(group.errors.size(), 1u);
  EXPECT_EQ(group.errors[0].problems.size(), 50u);
}

TEST(Group, EmptyGroup) {
  Group group;
  add_files(group, {});
  EXPECT_EQ(group.participants(), 0);
  EXPECT_TRUE(group.parts.empty());
  EXPECT_TRUE(group.errors.empty());
  EXPECT_EQ(group_json(group, kApp),
            "{\n  \"appVersion\": \"0.6.0\",\n  \"participants\": [],\n  \"schemaVersion\": 1,\n"
            "  \"type\": \"ssi-selfcheck/group\"\n}\n");
}

TEST(Workshop, EveryComponentHasAnAdviceSentence) {
  for (Component c : kComponents) {
    const Text* t = test::messages().find("workshop.advice." + std::string(component_key(c)));
    ASSERT_NE(t, nullptr) << component_key(c);
    EXPECT_FALSE(t->de.empty());
    EXPECT_FALSE(t->en.empty());
  }
}

}  // namespace
}  // namespace ssi::workshop
