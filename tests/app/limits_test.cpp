// Issue 13, "stay fast at the limits": the chart's downsampling; History at the largest stored document drawing as
// many nodes as at a tenth of it (rows through the clipper, the chart's table grouped) and derived once per change;
// the group view's lists (people, comparison, refused files) drawing a screenful.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <ctime>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "app/screen_parts.h"
#include "app/session.h"
#include "core/limits.h"
#include "core/workshop.h"
#include "harness.h"

namespace ssi::test {
namespace {

std::vector<ImVec2> random_points(int n, float width, float height, std::uint32_t seed) {
  std::vector<ImVec2> points;
  for (int i = 0; i < n; ++i) {
    seed = seed * 1664525u + 1013904223u;
    const float x = static_cast<float>(seed >> 8) / static_cast<float>(1 << 24) * width;
    seed = seed * 1664525u + 1013904223u;
    points.push_back({x, static_cast<float>(seed >> 8) / static_cast<float>(1 << 24) * height});
  }
  return points;
}

bool contains(const std::vector<ImVec2>& points, ImVec2 p) {
  return std::any_of(points.begin(), points.end(), [p](const ImVec2& q) { return q.x == p.x && q.y == p.y; });
}

TEST(Limits, ThinLineKeepsTheEndsAndEachColumnsExtremes) {
  const std::vector<ImVec2> points = random_points(20000, 300.0f, 200.0f, 7);
  const std::vector<ImVec2> line = app::thin_line(points, 1.0f);
  ASSERT_FALSE(line.empty());
  EXPECT_LE(line.size(), 4u * 300u);
  EXPECT_TRUE(std::is_sorted(line.begin(), line.end(), [](const ImVec2& a, const ImVec2& b) { return a.x < b.x; }));
  const auto by_x = [](const ImVec2& a, const ImVec2& b) { return a.x < b.x; };
  const ImVec2 first = *std::min_element(points.begin(), points.end(), by_x);
  const ImVec2 last = *std::max_element(points.begin(), points.end(), by_x);
  EXPECT_TRUE(line.front().x == first.x && line.front().y == first.y);
  EXPECT_TRUE(line.back().x == last.x && line.back().y == last.y);
  // Per pixel column, the lowest and the highest point survive (the line's extent there looks the same).
  std::map<int, std::pair<ImVec2, ImVec2>> extremes;
  for (const ImVec2& p : points) {
    const int column = static_cast<int>(p.x);
    auto [it, fresh] = extremes.try_emplace(column, p, p);
    if (p.y < it->second.first.y) it->second.first = p;
    if (p.y > it->second.second.y) it->second.second = p;
  }
  int missing = 0;
  for (const auto& [column, low_high] : extremes)
    missing += !contains(line, low_high.first) + !contains(line, low_high.second);
  EXPECT_EQ(missing, 0) << "columns' lowest or highest points missing";
  // Fewer points than columns: all of them, in order of x.
  std::vector<ImVec2> few = {{5.5f, 1}, {2.5f, 3}, {9.5f, 2}};
  const std::vector<ImVec2> kept = app::thin_line(few, 1.0f);
  ASSERT_EQ(kept.size(), 3u);
  EXPECT_EQ(kept[0].x, 2.5f);
  EXPECT_EQ(kept[1].x, 5.5f);
  EXPECT_EQ(kept[2].x, 9.5f);
}

TEST(Limits, ThinDotsKeepsOneDotPerCell) {
  const std::vector<ImVec2> points = random_points(20000, 300.0f, 200.0f, 11);
  const float cell = 4.0f;
  const std::vector<ImVec2> dots = app::thin_dots(points, cell);
  const auto cell_of = [cell](const ImVec2& p) {
    return std::pair(static_cast<int>(p.x / cell), static_cast<int>(p.y / cell));
  };
  std::set<std::pair<int, int>> input_cells, dot_cells;
  for (const ImVec2& p : points) input_cells.insert(cell_of(p));
  int foreign = 0;
  for (const ImVec2& d : dots) {
    dot_cells.insert(cell_of(d));
    foreign += !contains(points, d);
  }
  EXPECT_EQ(dots.size(), dot_cells.size()) << "two dots in one cell";
  EXPECT_EQ(foreign, 0) << "dots that were not in the input";
  EXPECT_EQ(dot_cells, input_cells);  // every cell with a point still shows one
  EXPECT_LE(dots.size(), 75u * 50u);
}

// A stored document of `n` real entries on consecutive days from 2020-01-01, with 900-character notes.
std::string document(int n) {
  std::string real;
  for (int i = 0; i < n; ++i) {
    char date[16];
    const std::time_t t = 1577836800 + static_cast<std::time_t>(i) * 86400;
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::strftime(date, sizeof date, "%Y-%m-%d", &tm);
    const auto c = [i](int k) { return std::to_string((i * 37 + k * 101) % 2501); };
    real += (i ? "," : "") + std::string("{\"centi\":{\"brand\":") + c(1) + ",\"engage\":" + c(2) +
            ",\"find\":" + c(3) + ",\"relationships\":" + c(4) + "},\"date\":\"" + date + "\",\"id\":\"r-" +
            std::to_string(i) + "\",\"note\":\"Week " + std::to_string(i) + ": " + std::string(900, 'n') + "\"}";
  }
  return "{\"checks\":[],\"progress\":{\"answers\":{}},\"real\":[" + real +
         "],\"schema\":\"ssi-selfcheck/store\",\"schemaVersion\":2,\"settings\":{\"language\":\"en\"}}";
}

struct Drawn {
  std::size_t nodes = 0, rows = 0, table_rows = 0;
  std::vector<std::string> first_group;  // the chart table's first row's cells
};

// History at 1280×800 scrolled through from top to bottom: the most nodes and rows any frame drew.
Drawn history_at(int entries) {
  Harness h(1280, 800, "en-US", {{"ssi-selfcheck.store", document(entries)}});
  EXPECT_TRUE(h.ok) << h.error;
  EXPECT_TRUE(h.app.show("history"));
  h.frames(3);
  h.settle();
  Drawn most;
  for (int step = 0; step < 400; ++step) {
    Drawn d;
    std::vector<std::string> first_group;
    for (const app::WidgetInfo& w : app::widget_log().tree()) {
      ++d.nodes;
      if (w.id.starts_with("history.r-") && w.id.ends_with(".note")) ++d.rows;
      if (w.role == "row" && w.id.starts_with("chart.row")) ++d.table_rows;
      if (w.id.starts_with("chart.rows.0.")) first_group.push_back(w.label);
    }
    most.nodes = std::max(most.nodes, d.nodes);
    most.rows = std::max(most.rows, d.rows);
    most.table_rows = std::max(most.table_rows, d.table_rows);
    if (!first_group.empty()) most.first_group = first_group;
    if (h.widget("history.r-0.delete")) break;  // the oldest entry, at the bottom
    h.app.scroll_by(2400);
    h.frame();
    h.settle();
  }
  EXPECT_TRUE(h.widget("history.r-0.delete")) << "scrolled to the end of " << entries << " entries";
  return most;
}

TEST(Limits, HistoryDrawsAsMuchAtTheLargestDocumentAsAtATenthOfIt) {
  const Drawn large = history_at(static_cast<int>(limits::kMaxEntries));
  const Drawn tenth = history_at(static_cast<int>(limits::kMaxEntries / 10));
  EXPECT_EQ(large.nodes, tenth.nodes);
  EXPECT_EQ(large.rows, tenth.rows);
  EXPECT_GE(large.rows, 3u);
  EXPECT_LE(large.rows, 20u);  // a screenful (800 px) and the three kept either side of it for Tab
  EXPECT_EQ(large.table_rows, 24u);
  // The first of 24 groups of 1,500 entries: entries 0..61 (2020-01-01 to 2020-03-02), their means.
  int total = 0;
  std::array<int, 4> centi{};
  for (int i = 0; i < 62; ++i) {
    std::array<int, 4> c;
    for (int k = 0; k < 4; ++k) c[k] = (i * 37 + (k + 1) * 101) % 2501;
    const int sum = c[0] + c[1] + c[2] + c[3];
    total += (sum + 50) / 100;
    for (int k = 0; k < 4; ++k) centi[k] += c[k];
  }
  ASSERT_EQ(large.first_group.size(), 7u);
  EXPECT_EQ(large.first_group[0], "2020-01-01 to 2020-03-02");
  EXPECT_EQ(large.first_group[1], "62 entries, means");
  EXPECT_EQ(large.first_group[2], std::to_string((total + 31) / 62));
}

// The largest group session the readers accept (limits::kMaxGroupParticipants hand-overs, 40-character nicknames),
// `shift` hundredths better in each component for the same people in a later session.
std::vector<app::PickedFile> session_files(int n, int shift) {
  std::vector<app::PickedFile> files;
  for (int i = 0; i < n; ++i) {
    workshop::Handover ho;
    ho.questionnaire_id = "ssi-selfcheck";
    ho.questionnaire_version = "1.0.0";
    int sum = 0;
    for (int k = 0; k < 4; ++k) sum += ho.component_centi[k] = std::min(2500, (i * 37 + (k + 1) * 101) % 2501 + shift);
    ho.total = (sum + 50) / 100;
    ho.corridor = corridor_for(ho.total);
    ho.nickname = "Person " + std::to_string(i + 1);
    ho.nickname += std::string(limits::kMaxNicknameCharacters - ho.nickname.size(), 'x');
    files.push_back({"p" + std::to_string(i + 1) + ".json", workshop::handover_json(ho, "test"), {}});
  }
  return files;
}

// Scrolls down three quarters of a screen per frame until the widget `last` was drawn (false if it never was):
// `count` sees each drawn widget with that frame's tally (its nodes counted here), `frame_done` each tally.
template <typename Drawn, typename Count, typename FrameDone>
bool scroll_until_drawn(Harness& h, float height, const std::string& last, Count count, FrameDone frame_done) {
  bool end = false;
  for (int step = 0; step < 400 && !end; ++step) {
    Drawn d;
    for (const app::WidgetInfo& w : app::widget_log().tree()) {
      ++d.nodes;
      count(w, d);
      end = end || w.id == last;
    }
    frame_done(d);
    h.app.scroll_by(height * 0.75f);
    h.frame();
    h.settle();
  }
  return end;
}

struct GroupDrawn {
  std::size_t nodes = 0, people = 0, compared = 0, slide_nodes = 0;
};

// The group view with two sessions of `n` participants each, compared, scrolled through from top to bottom: the
// most nodes, people (the open session's list) and compared people any frame drew; and the comparison's slide.
GroupDrawn group_at(int n, float width, float height) {
  Harness h(width, height, "en-US");
  EXPECT_TRUE(h.ok) << h.error;
  app::Session& s = h.app.session();
  s.new_group_session("Before");  // the first session stays empty and unnamed: compare the two named ones
  s.add_group_files(session_files(n, 0));
  s.new_group_session("After");
  s.add_group_files(session_files(n, 150));
  EXPECT_EQ(s.group.sessions[2].group.participants(), n);
  EXPECT_TRUE(h.app.show("group"));
  h.frames(3);
  h.settle();
  GroupDrawn most;
  EXPECT_TRUE(h.click("compare.slide"));
  h.frames(3);
  h.settle();
  most.slide_nodes = app::widget_log().tree().size();
  EXPECT_TRUE(h.app.show("group"));
  h.frames(3);
  h.settle();
  const std::string last = "group.ssi-selfcheck.1.0.0.people." + std::to_string(n);
  const bool end = scroll_until_drawn<GroupDrawn>(
      h, height, last,
      [&](const app::WidgetInfo& w, GroupDrawn& d) {
        if (w.id.starts_with("group.ssi-selfcheck.1.0.0.people.")) ++d.people;
        if (w.id.starts_with("compare.people.")) ++d.compared;
      },
      [&](const GroupDrawn& d) {
        most.nodes = std::max(most.nodes, d.nodes);
        most.people = std::max(most.people, d.people);
        most.compared = std::max(most.compared, d.compared);
      });
  EXPECT_TRUE(end) << "scrolled to the last of " << n << " participants";
  // Compared once, not in every frame; a file added (or another session chosen) compares again.
  EXPECT_EQ(s.comparison_builds(), 1);
  s.add_group_files({session_files(1, 0)});
  h.frame();
  EXPECT_EQ(s.comparison()->after.part.participants.size(),
            static_cast<std::size_t>(std::min(n + 1, limits::kMaxGroupParticipants)));
  s.group.compare_before = 0;
  h.frame();
  EXPECT_TRUE(s.comparison()->before.part.participants.empty());
  EXPECT_EQ(s.comparison_builds(), 3);
  return most;
}

TEST(Limits, GroupViewAtTheLargestSessionDrawsWhatIsOnScreen) {
  for (const auto& [width, height] : {std::pair(1280.0f, 800.0f), std::pair(390.0f, 844.0f)}) {
    const GroupDrawn large = group_at(limits::kMaxGroupParticipants, width, height);
    const GroupDrawn tenth = group_at(limits::kMaxGroupParticipants / 10, width, height);
    std::printf(
        "group view %gx%g: %d participants: %zu nodes, %zu people, %zu compared, slide %zu; %d: %zu, %zu, %zu, %zu\n",
        width, height, limits::kMaxGroupParticipants, large.nodes, large.people, large.compared, large.slide_nodes,
        limits::kMaxGroupParticipants / 10, tenth.nodes, tenth.people, tenth.compared, tenth.slide_nodes);
    EXPECT_EQ(large.slide_nodes, tenth.slide_nodes);
    // A screenful and the three rows kept either side: a phone shows one person a row, a desktop four.
    const std::size_t screenful = width < 600 ? 50 : 4 * 50;
    EXPECT_LT(large.people, 200u);
    EXPECT_LE(large.people, screenful);
    EXPECT_LE(large.compared, 50u);
    EXPECT_LE(large.nodes, tenth.nodes + screenful);
  }
}

struct RefusedDrawn {
  std::size_t nodes = 0, refused = 0;
};

// The group view after a trainer dropped a folder of `n` files that are no hand-overs, scrolled through from top to
// bottom: the most nodes and refused files any frame drew; each line names its file.
RefusedDrawn refused_at(int n, float width, float height) {
  Harness h(width, height, "en-US");
  EXPECT_TRUE(h.ok) << h.error;
  app::Session& s = h.app.session();
  std::vector<app::PickedFile> files;
  for (int i = 0; i < n; ++i)
    files.push_back({"wrong-" + std::to_string(i + 1) + ".txt", "no hand-over " + std::to_string(i), {}});
  s.add_group_files(files);
  EXPECT_EQ(s.group.now().group.errors.size(), static_cast<std::size_t>(n));
  EXPECT_TRUE(h.app.show("group"));
  h.frames(3);
  h.settle();
  const std::string last = "group.errors." + std::to_string(n - 1);
  RefusedDrawn most;
  const bool end = scroll_until_drawn<RefusedDrawn>(
      h, height, last,
      [&](const app::WidgetInfo& w, RefusedDrawn& d) {
        if (!w.id.starts_with("group.errors.")) return;
        ++d.refused;
        const std::string file = "wrong-" + std::to_string(std::stoi(w.id.substr(13)) + 1) + ".txt";
        EXPECT_NE(w.label.find(file), std::string::npos) << w.id << ": " << w.label;
        EXPECT_EQ(w.role, "listitem");
      },
      [&](const RefusedDrawn& d) {
        most.nodes = std::max(most.nodes, d.nodes);
        most.refused = std::max(most.refused, d.refused);
      });
  EXPECT_TRUE(end) << "scrolled to the last of " << n << " refused files";
  return most;
}

TEST(Limits, GroupViewWithHundredsOfRefusedFilesDrawsWhatIsOnScreen) {
  for (const auto& [width, height] : {std::pair(1280.0f, 800.0f), std::pair(390.0f, 844.0f)}) {
    const RefusedDrawn large = refused_at(600, width, height);
    const RefusedDrawn tenth = refused_at(60, width, height);
    std::printf("refused files %gx%g: 600: %zu nodes, %zu refused; 60: %zu, %zu\n", width, height, large.nodes,
                large.refused, tenth.nodes, tenth.refused);
    // A screenful of lines (one small line each, about 20 px) and the three kept either side; the frames sampled
    // fall on other lines of a longer list, so a line more or less.
    EXPECT_GE(large.refused, 10u);
    EXPECT_LE(large.refused, 60u);
    EXPECT_LE(large.refused, tenth.refused + 1);
    EXPECT_LE(large.nodes, tenth.nodes + 1);
  }
}

// Issue 13: History's per-entry work (sorting, copying, parsing dates) is done once per change of the document, not
// per frame, and every change shows: an import, a delete, another tab's data, a language switch.
TEST(Limits, HistoryIsDerivedOncePerChangeOfTheDocumentAndFollowsEveryChange) {
  Harness h(1280, 800, "en-US", {{"ssi-selfcheck.store", document(150)}});
  ASSERT_TRUE(h.ok) << h.error;
  app::Session& s = h.app.session();
  EXPECT_TRUE(h.app.show("history"));
  h.frames(3);
  h.settle();
  auto label = [](std::string_view id) -> std::string {
    for (const app::WidgetInfo& w : app::widget_log().tree())
      if (w.id == id) return w.label;
    return "(missing)";
  };
  const int builds = s.history_index_builds();
  h.frames(20);
  EXPECT_EQ(s.history_index_builds(), builds) << "frames without a change derive nothing again";
  EXPECT_TRUE(h.widget("history.r-149.note")) << "the newest entry first";
  EXPECT_EQ(label("chart.rows.23.0"), "2020-05-23 to 2020-05-29");
  // An import of one newer entry: first in the list, in the chart's table, derived once.
  nlohmann::json file = nlohmann::json::parse(h.app.export_text());
  file["real"] =
      nlohmann::json::array({{{"centi", {{"brand", 100}, {"engage", 100}, {"find", 100}, {"relationships", 100}}},
                              {"date", "2020-06-30"},
                              {"id", "r-new"},
                              {"note", ""}}});
  EXPECT_NE(h.app.import_text(file.dump(), false).find("\"ok\":true"), std::string::npos);
  h.frames(3);
  h.settle();
  EXPECT_EQ(s.history_index_builds(), builds + 1);
  EXPECT_TRUE(h.widget("history.r-new.note"));
  EXPECT_EQ(label("chart.rows.23.0"), "2020-05-24 to 2020-06-30");
  // Deleting it.
  ASSERT_TRUE(h.click("history.r-new.delete"));
  h.frames(3);
  h.settle();
  EXPECT_FALSE(h.widget("history.r-new.note"));
  EXPECT_EQ(label("chart.rows.23.0"), "2020-05-23 to 2020-05-29");
  EXPECT_EQ(s.history_index_builds(), builds + 2);
  // Another tab stored three entries.
  h.app.flush();
  h.host.now += 1000;  // this tab's last write is not a moment ago: theirs is taken over as it is
  h.host.storage["ssi-selfcheck.store"] = document(3);
  h.app.storage_changed_elsewhere();
  h.frames(3);
  h.settle();
  EXPECT_TRUE(h.widget("history.r-2.note"));
  EXPECT_FALSE(h.widget("history.r-149.note"));
  EXPECT_EQ(label("chart.row.r-2.0"), "2020-01-03");
  EXPECT_EQ(label("chart.row.r-2.1"), "Real SSI");
  // The language (stored in the document's settings: derived at most once more): the table's texts follow.
  const int before_switch = s.history_index_builds();
  s.set_language(Lang::De);
  h.frames(3);
  h.settle();
  EXPECT_EQ(label("chart.row.r-2.1"), "Echter SSI");
  EXPECT_LE(s.history_index_builds(), before_switch + 1);
  const int after_switch = s.history_index_builds();
  h.frames(20);
  EXPECT_EQ(s.history_index_builds(), after_switch);
}
}  // namespace
}  // namespace ssi::test
