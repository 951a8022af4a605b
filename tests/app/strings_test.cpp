// Every UI text key the code uses exists in the catalogues (a typo would show the raw key on screen),
// and every key in content/ui.json is used somewhere (no dead texts to translate).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "assets/assets.h"
#include "core/keys.h"
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
  // Literal keys: "ui.something.more". Keys built from data (core/keys.h) are checked below.
  const std::regex literal("\"(ui\\.[a-z0-9_.]+[a-z0-9_])\"");
  std::set<std::string> used;
  for (std::sregex_iterator it(code.begin(), code.end(), literal), end; it != end; ++it) used.insert((*it)[1]);
  ASSERT_GT(used.size(), 30u);
  for (const std::string& key : used) EXPECT_TRUE(ui.catalog->has(key)) << key << " is used but not in content/ui.json";
  for (Component c : kComponents) {
    EXPECT_TRUE(ui.catalog->has(key::component_short(c))) << key::component_short(c);
    EXPECT_TRUE(messages.catalog->has(key::component(c))) << key::component(c);
    EXPECT_TRUE(messages.catalog->has(key::component_description(c))) << key::component_description(c);
    EXPECT_TRUE(messages.catalog->has(key::workshop_advice(c))) << key::workshop_advice(c);
  }
  for (Corridor c : {Corridor::Inactive, Corridor::Occasional, Corridor::Active, Corridor::Top}) {
    EXPECT_TRUE(messages.catalog->has(key::corridor(c))) << key::corridor(c);
    EXPECT_TRUE(messages.catalog->has(key::corridor_description(c))) << key::corridor_description(c);
  }
  for (const std::string& key : ui.catalog->keys()) {
    const bool built = key.rfind("ui.component.", 0) == 0;  // key::component_short()
    if (!built) {
      EXPECT_TRUE(used.count(key)) << key << " is in content/ui.json but no code uses it";
    }
  }
}

// Message keys come from core/keys.h: a key prefix ("corridor.") followed by `+` builds one by hand.
TEST(Strings, NoMessageKeyIsConcatenatedAtACallSite) {
  const std::regex concatenated("\"(ui|component|corridor|compare|workshop)[a-z0-9_.]*\\.\"\\)? *\\+");
  for (const char* folder : {"app", "core"})
    for (const auto& entry :
         std::filesystem::directory_iterator(std::filesystem::path(SSI_SOURCE_DIR) / "src" / folder)) {
      if (entry.path().extension() != ".cpp" || entry.path().filename() == "keys.cpp") continue;
      const std::string code = read(entry.path());
      std::smatch found;
      EXPECT_FALSE(std::regex_search(code, found, concatenated)) << entry.path() << ": " << found.str();
    }
}

}  // namespace
}  // namespace ssi::test
