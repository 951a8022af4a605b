// Before and after (core/workshop.h): two group sessions compared. Statistics against a computation written
// differently here (doubles, two-pass variance, per-person loops over the hand-overs themselves), the corridor
// moves and nickname pairing, the notes, and the CSV.
#include <algorithm>
#include <cmath>
#include <map>

#include <nlohmann/json.hpp>

#include "core/codes.h"
#include "core/workshop.h"
#include "support.h"

namespace ssi::workshop {
namespace {

using test::Rng;

// A consistent hand-over: the total and corridor worked out here from the documented rules.
Handover person(std::array<int, 4> centi, std::string nickname, std::string version = "1.0.0") {
  Handover h;
  h.questionnaire_id = "ssi-selfcheck";
  h.questionnaire_version = std::move(version);
  h.component_centi = centi;
  const int sum = centi[0] + centi[1] + centi[2] + centi[3];
  h.total = (sum + 50) / 100;
  h.corridor = h.total < 30    ? Corridor::Inactive
               : h.total < 50  ? Corridor::Occasional
               : h.total <= 80 ? Corridor::Active
                               : Corridor::Top;
  h.nickname = std::move(nickname);
  return h;
}

Group group_of(const std::vector<Handover>& people) {
  std::vector<GroupFile> files;
  for (const Handover& h : people) files.push_back({"f.json", handover_json(h, "test")});
  Group g;
  add_files(g, files);
  return g;
}

// Reference statistics with doubles: mean and median rounded half up, the spread as the square root of the
// mean squared deviation from the (unrounded) mean.
struct Reference {
  int mean = 0, median = 0, spread = 0;
};
Reference reference(const std::vector<double>& centi) {
  Reference r;
  const double n = static_cast<double>(centi.size());
  double sum = 0;
  for (double v : centi) sum += v;
  const double mean = sum / n;
  r.mean = static_cast<int>(std::floor(mean + 0.5));
  std::vector<double> sorted = centi;
  std::sort(sorted.begin(), sorted.end());
  const std::size_t k = sorted.size();
  r.median = static_cast<int>(std::floor((k % 2 ? sorted[k / 2] : (sorted[k / 2 - 1] + sorted[k / 2]) / 2.0) + 0.5));
  double squares = 0;
  for (double v : centi) squares += (v - mean) * (v - mean);
  r.spread = k < 2 ? 0 : static_cast<int>(std::floor(std::sqrt(squares / n) + 0.5));
  return r;
}

void expect_side(const ComparedSide& side, const std::vector<Handover>& people, const std::string& label) {
  ASSERT_EQ(side.part.participants.size(), people.size()) << label;
  if (people.empty()) return;
  for (int c = 0; c <= 4; ++c) {
    std::vector<double> values;
    for (const Handover& h : people) values.push_back(c == 4 ? h.total * 100.0 : h.component_centi[c]);
    const Reference r = reference(values);
    const Stats& s = c == 4 ? side.part.total : side.part.components[c];
    const int spread = c == 4 ? side.total_spread_centi : side.component_spread_centi[c];
    EXPECT_EQ(s.mean_centi, r.mean) << label << " value " << c;
    EXPECT_EQ(s.median_centi, r.median) << label << " value " << c;
    EXPECT_EQ(spread, r.spread) << label << " value " << c;
  }
}

TEST(BeforeAfter, FiftyGeneratedPairsMatchAnIndependentComputation) {
  Rng rng(20261129);
  int paired = 0, moved = 0;
  for (int pair = 0; pair < 50; ++pair) {
    // A pool of nicknames, some used twice in a session, some anonymous; the later session mostly improved.
    const int n_before = 1 + rng.below(40), n_after = 1 + rng.below(40);
    std::vector<Handover> before, after;
    const auto draw = [&](std::vector<Handover>& into, int n, int boost) {
      for (int i = 0; i < n; ++i) {
        std::array<int, 4> c{};
        for (int& v : c) v = std::min(2500, rng.below(2001) + boost * rng.below(500));
        const int pick = rng.below(30);
        into.push_back(person(c, pick < 25 ? "N" + std::to_string(pick) : ""));
      }
    };
    draw(before, n_before, 0);
    draw(after, n_after, 1);
    const Comparison cmp = compare_groups(group_of(before), group_of(after));
    EXPECT_TRUE(cmp.problems.empty() || cmp.problems[0].code == code::kCompareNicknameTwice) << pair;
    expect_side(cmp.before, before, "before " + std::to_string(pair));
    expect_side(cmp.after, after, "after " + std::to_string(pair));

    // People: nicknames that occur exactly once in each session, in the later session's order.
    std::map<std::string, int> count_before, count_after;
    for (const Handover& h : before) ++count_before[h.nickname];
    for (const Handover& h : after) ++count_after[h.nickname];
    std::vector<std::string> expected_names;
    int up = 0, down = 0, same = 0;
    for (const Handover& h : after) {
      if (h.nickname.empty() || count_after[h.nickname] != 1 || count_before[h.nickname] != 1) continue;
      expected_names.push_back(h.nickname);
      const Handover& b =
          *std::find_if(before.begin(), before.end(), [&](const Handover& x) { return x.nickname == h.nickname; });
      const int from = b.total < 30 ? 0 : b.total < 50 ? 1 : b.total <= 80 ? 2 : 3;
      const int to = h.total < 30 ? 0 : h.total < 50 ? 1 : h.total <= 80 ? 2 : 3;
      (to > from ? up : to < from ? down : same) += 1;
    }
    std::vector<std::string> names;
    for (const PersonChange& p : cmp.people) names.push_back(p.nickname);
    EXPECT_EQ(names, expected_names) << pair;
    EXPECT_EQ(cmp.moved_up, up) << pair;
    EXPECT_EQ(cmp.moved_down, down) << pair;
    EXPECT_EQ(cmp.stayed, same) << pair;
    paired += static_cast<int>(names.size());
    moved += up + down;
  }
  EXPECT_GT(paired, 100);  // the generator really pairs people,
  EXPECT_GT(moved, 20);    // and some of them change corridor
}

TEST(BeforeAfter, SpreadIsThePopulationStandardDeviationRoundedHalfUp) {
  EXPECT_EQ(spread_of({}), 0);
  EXPECT_EQ(spread_of({700}), 0);
  EXPECT_EQ(spread_of({0, 100}), 50);
  EXPECT_EQ(spread_of({0, 1}), 1);                                      // 0.5 → 1
  EXPECT_EQ(spread_of({0, 0, 0, 1}), 0);                                // 0.433 → 0
  EXPECT_EQ(spread_of({0, 0, 0, 0, 0, 0, 0, 1, 1, 1}), 0);              // 0.458 → 0
  EXPECT_EQ(spread_of({0, 3}), 2);                                      // 1.5 → 2
  EXPECT_EQ(spread_of({200, 400, 400, 400, 500, 500, 700, 900}), 200);  // the textbook example, ×100
  EXPECT_EQ(spread_of({10000, 0, 10000, 0}), 5000);
}

TEST(BeforeAfter, NotesForEmptySessionsOtherQuestionnairesAndNicknamesTwice) {
  const Handover a = person({1000, 1000, 1000, 1000}, "Anna");
  const Handover b = person({2000, 2000, 2000, 2000}, "Anna");
  Comparison c = compare_groups(Group{}, group_of({a}));
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].code, code::kCompareBeforeEmpty);
  EXPECT_EQ(c.after.part.participants.size(), 1u);
  c = compare_groups(group_of({a}), Group{});
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].code, code::kCompareAfterEmpty);
  EXPECT_TRUE(c.questionnaire_id.empty());

  // Another questionnaire version is never mixed in.
  c = compare_groups(group_of({person({1000, 1000, 1000, 1000}, "Anna", "2.0")}), group_of({b}));
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].code, code::kCompareOtherQuestionnaire);
  EXPECT_EQ(c.before.part.participants.size(), 0u);
  EXPECT_TRUE(c.people.empty());

  // Two "Anna"s later: she is not paired, and that is said once.
  c = compare_groups(group_of({a, person({500, 500, 500, 500}, "Ben")}),
                     group_of({b, b, person({2500, 2500, 2500, 2500}, "Ben")}));
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].code, code::kCompareNicknameTwice);
  ASSERT_EQ(c.problems[0].args.size(), 1u);
  EXPECT_EQ(c.problems[0].args[0].second, "Anna");
  ASSERT_EQ(c.people.size(), 1u);
  EXPECT_EQ(c.people[0].nickname, "Ben");
  EXPECT_EQ(c.moved_up, 1);  // inactive (20) → top (100)
  EXPECT_EQ(c.moved_down + c.stayed, 0);
}

TEST(BeforeAfter, CsvHasEveryMeasureAndNeutralisesNames) {
  const Comparison c =
      compare_groups(group_of({person({1000, 1000, 1000, 1000}, "=cmd"), person({1250, 750, 0, 2500}, "")}),
                     group_of({person({1500, 1000, 1000, 1000}, "=cmd"), person({2000, 2000, 2000, 2000}, "")}));
  const std::string csv = comparison_csv(c, "Before, day 1", "+After");
  const std::string expected =
      "row,name,session,brand,find,engage,relationships,total,corridor,count\r\n"
      "mean,,\"Before, day 1\",11.25,8.75,5.00,17.50,42.50,,2\r\n"
      "mean,,'+After,17.50,15.00,15.00,15.00,62.50,,2\r\n"
      "mean,,change,6.25,6.25,10.00,-2.50,20.00,,\r\n"
      "median,,\"Before, day 1\",11.25,8.75,5.00,17.50,42.50,,2\r\n"
      "median,,'+After,17.50,15.00,15.00,15.00,62.50,,2\r\n"
      "median,,change,6.25,6.25,10.00,-2.50,20.00,,\r\n"
      "spread,,\"Before, day 1\",1.25,1.25,5.00,7.50,2.50,,2\r\n"
      "spread,,'+After,2.50,5.00,5.00,5.00,17.50,,2\r\n"
      "spread,,change,1.25,3.75,0.00,-2.50,15.00,,\r\n"
      "corridor,inactive,\"Before, day 1\",,,,,,,0\r\n"
      "corridor,occasional,\"Before, day 1\",,,,,,,2\r\n"
      "corridor,active,\"Before, day 1\",,,,,,,0\r\n"
      "corridor,top,\"Before, day 1\",,,,,,,0\r\n"
      "corridor,inactive,'+After,,,,,,,0\r\n"
      "corridor,occasional,'+After,,,,,,,1\r\n"
      "corridor,active,'+After,,,,,,,1\r\n"
      "corridor,top,'+After,,,,,,,0\r\n"
      "moved,up,,,,,,,,0\r\n"
      "moved,down,,,,,,,,0\r\n"
      "moved,same,,,,,,,,1\r\n"
      "person,'=cmd,\"Before, day 1\",10.00,10.00,10.00,10.00,40.00,occasional,\r\n"
      "person,'=cmd,'+After,15.00,10.00,10.00,10.00,45.00,occasional,\r\n"
      "person,'=cmd,change,5.00,0.00,0.00,0.00,5.00,same,\r\n";
  EXPECT_EQ(csv, expected);
}

TEST(BeforeAfter, JsonForTheTestHook) {
  const Comparison c = compare_groups(group_of({person({1000, 1000, 1000, 1000}, "Anna")}),
                                      group_of({person({1500, 1500, 1500, 1500}, "Anna")}));
  const nlohmann::json j = nlohmann::json::parse(comparison_json(c));
  EXPECT_EQ(j["before"]["total"]["mean"], 40.0);
  EXPECT_EQ(j["after"]["total"]["mean"], 60.0);
  EXPECT_EQ(j["after"]["components"][2]["spread"], 0.0);
  EXPECT_EQ(j["movedUp"], 1);
  EXPECT_EQ(j["people"][0]["nickname"], "Anna");
  EXPECT_EQ(j["people"][0]["after"], 60);
  EXPECT_EQ(j["questionnaire"]["version"], "1.0.0");
}

}  // namespace
}  // namespace ssi::workshop
