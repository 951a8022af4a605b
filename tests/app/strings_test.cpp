// Every UI text key the code uses exists in the catalogues (a typo would show the raw key on screen),
// and every key in content/ui.json is used somewhere (no dead texts to translate).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "assets/assets.h"
#include "core/ssi.h"

namespace ssi::test {
namespace {

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(Strings, EveryKeyTheUiUsesExistsAndEveryUiKeyIsUsed) {
  const CatalogLoad ui = Catalog::load(assets::get("content/ui.json"));
  ASSERT_TRUE(ui.ok());
  const CatalogLoad messages = Catalog::load(assets::get("content/messages.json"));
  ASSERT_TRUE(messages.ok());
  std::string code;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(SSI_SOURCE_DIR) / "src" / "app"))
    if (entry.path().extension() == ".cpp") code += read(entry.path());
  ASSERT_FALSE(code.empty());
  // Literal keys: "ui.something.more". Keys built at run time ("component." + key) are checked below.
  const std::regex literal("\"(ui\\.[a-z0-9_.]+[a-z0-9_])\"");
  std::set<std::string> used;
  for (std::sregex_iterator it(code.begin(), code.end(), literal), end; it != end; ++it) used.insert((*it)[1]);
  ASSERT_GT(used.size(), 30u);
  for (const std::string& key : used) EXPECT_TRUE(ui.catalog->has(key)) << key << " is used but not in content/ui.json";
  for (Component c : kComponents) {
    const std::string k(component_key(c));
    EXPECT_TRUE(ui.catalog->has("ui.component." + k + ".short")) << k;
    EXPECT_TRUE(messages.catalog->has("component." + k)) << k;
    EXPECT_TRUE(messages.catalog->has("component." + k + ".description")) << k;
  }
  for (Corridor c : {Corridor::Inactive, Corridor::Occasional, Corridor::Active, Corridor::Top}) {
    EXPECT_TRUE(messages.catalog->has("corridor." + std::string(corridor_key(c))));
    EXPECT_TRUE(messages.catalog->has("corridor." + std::string(corridor_key(c)) + ".description"));
  }
  for (const std::string& key : ui.catalog->keys()) {
    const bool built = key.rfind("ui.component.", 0) == 0;  // "ui.component." + key + ".short"
    if (!built) {
      EXPECT_TRUE(used.count(key)) << key << " is in content/ui.json but no code uses it";
    }
  }
}

}  // namespace
}  // namespace ssi::test
