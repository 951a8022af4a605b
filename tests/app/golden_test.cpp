// The semantics tree of every screen (what the DOM mirror gives a screen reader), drawn headless and compared
// with golden files in tests/app/golden/. SSI_UPDATE_GOLDEN=1 rewrites them; a difference names the first node
// that differs. Rects are whole CSS pixels and meter values whole hundredths, so no float noise gets in.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/session.h"
#include "harness.h"

namespace ssi::test {
namespace {

using nlohmann::json;

const std::filesystem::path kGoldenDir = std::filesystem::path(SSI_SOURCE_DIR) / "tests" / "app" / "golden";

json node_json(const std::vector<app::WidgetInfo>& tree, const app::WidgetInfo& w) {
  const auto px = [](float v) { return static_cast<long>(std::lround(v)); };
  json node = {{"id", w.id},
               {"role", w.role},
               {"name", w.label},
               {"rect", {px(w.rect.Min.x), px(w.rect.Min.y), px(w.rect.GetWidth()), px(w.rect.GetHeight())}}};
  if (w.parent >= 0) node["parent"] = tree[w.parent].id;
  if (!w.value.empty()) node["value"] = w.value;
  if (!w.description.empty()) node["description"] = w.description;
  if (w.selected) node["selected"] = true;
  if (w.disabled) node["disabled"] = true;
  if (w.invalid) node["invalid"] = true;
  if (w.level > 0) node["level"] = w.level;
  if (w.ordered) node["ordered"] = true;
  if (w.expanded >= 0) node["expanded"] = w.expanded == 1;
  if (w.role == "meter") node["range_centi"] = {std::lround(w.value_now * 100), std::lround(w.value_max * 100)};
  return node;
}

// One node per line: a changed node is one changed line in a diff.
std::string tree_text() {
  const std::vector<app::WidgetInfo>& tree = app::widget_log().tree();
  std::string text = "[\n";
  for (std::size_t i = 0; i < tree.size(); ++i)
    text += node_json(tree, tree[i]).dump() + (i + 1 < tree.size() ? ",\n" : "\n");
  return text + "]\n";
}

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Empty when the screen's tree is the golden one, else what differs first.
std::string compare_with_golden(const std::string& name) {
  const std::filesystem::path path = kGoldenDir / (name + ".json");
  const std::string actual = tree_text();
  // What the DOM mirror gets (written by hand) is valid JSON with every node and its name.
  const json mirror = json::parse(app::widget_log().semantics_json(), nullptr, false);
  if (!mirror.is_array() || mirror.size() != app::widget_log().tree().size()) return "semantics_json() is broken";
  for (std::size_t i = 0; i < mirror.size(); ++i)
    if (mirror[i].value("n", std::string("?")) != app::widget_log().tree()[i].label)
      return "semantics_json() node " + std::to_string(i);
  const char* update = std::getenv("SSI_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::filesystem::create_directories(kGoldenDir);
    std::ofstream(path) << actual;
    return {};
  }
  if (!std::filesystem::exists(path)) return path.string() + " is missing (SSI_UPDATE_GOLDEN=1 writes it)";
  const json want = json::parse(read(path), nullptr, false), got = json::parse(actual);
  if (!want.is_array()) return path.string() + " is not a JSON array";
  for (std::size_t i = 0; i < std::max(want.size(), got.size()); ++i) {
    const std::string w = i < want.size() ? want[i].dump() : "(none)", g = i < got.size() ? got[i].dump() : "(none)";
    if (w != g) {
      return "node " + std::to_string(i) + " differs from " + path.filename().string() + "\n  golden: " + w +
             "\n  now:    " + g + "\n(if the change is intended: SSI_UPDATE_GOLDEN=1 ctest -R ssi_app_tests)";
    }
  }
  return {};
}

void show(Harness& h, app::Screen screen) {
  h.model().show(screen);
  h.frames(3);
  h.settle();
}

TEST(Golden, TheSemanticsTreeOfEveryScreen) {
  Harness h(390, 844, "de-DE");
  ASSERT_TRUE(h.ok) << h.error;
  h.settle();
  EXPECT_EQ(compare_with_golden("welcome"), "");
  show(h, app::Screen::Questionnaire);
  EXPECT_EQ(compare_with_golden("question"), "");
  answer_all(h);
  show(h, app::Screen::Results);
  EXPECT_EQ(compare_with_golden("results"), "");
  // A self-check and a real SSI a few days before it: the history has a chart, its table and two entries.
  h.app.session().save_check();
  store::RealEntry real;
  real.id = "real-1";
  real.date = "2025-11-20";
  real.component_centi = {1210, 980, 1105, 1320};
  h.app.session().document().real.push_back(real);
  h.app.session().persistence().changed();
  show(h, app::Screen::History);
  EXPECT_EQ(compare_with_golden("history"), "");
  show(h, app::Screen::Real);
  EXPECT_EQ(compare_with_golden("real"), "");
  show(h, app::Screen::Data);
  EXPECT_EQ(compare_with_golden("data"), "");
  show(h, app::Screen::Workshop);
  EXPECT_EQ(compare_with_golden("workshop"), "");
  show(h, app::Screen::Handover);
  EXPECT_EQ(compare_with_golden("handover"), "");
  const json files = json::array({{{"name", "anna.json"}, {"text", h.app.handover_text()}}});
  h.app.group_import(files.dump());
  show(h, app::Screen::Group);
  EXPECT_EQ(compare_with_golden("group"), "");
  show(h, app::Screen::Presenter);
  EXPECT_EQ(compare_with_golden("presenter"), "");
  show(h, app::Screen::About);
  EXPECT_EQ(compare_with_golden("about"), "");
}

}  // namespace
}  // namespace ssi::test
