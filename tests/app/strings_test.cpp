// Every UI text key the code uses exists in the catalogues (a typo would show the raw key on screen),
// and every key in content/ui.json is used somewhere (no dead texts to translate).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/glyphs.h"
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

// The page embeds only the glyphs of glyphs::kBaseRanges (issue 16): a shipped text or a label of the code with any
// other letter would make every first visit fetch the wide fonts and build its atlas twice.
void expect_embedded(const nlohmann::json& node, const std::string& where) {
  if (node.is_string()) {
    EXPECT_FALSE(app::glyphs::has_wide(node.get_ref<const std::string&>()))
        << where << ": " << node.get_ref<const std::string&>() << " (add the letter to glyphs::kBaseRanges)";
  } else if (node.is_object()) {
    for (const auto& [key, value] : node.items()) expect_embedded(value, where + "/" + key);
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) expect_embedded(node[i], where + "/" + std::to_string(i));
  }
}

TEST(Strings, EveryShippedTextAndLabelDrawsWithTheEmbeddedGlyphs) {
  for (const char* file : {"content/ui.json", "content/messages.json", "content/questionnaire.json"}) {
    const nlohmann::json content = nlohmann::json::parse(assets::get(file), nullptr, false);
    ASSERT_FALSE(content.is_discarded()) << file;
    expect_embedded(content, file);
  }
  // String literals of the code, raw UTF-8 or \x escapes.
  const std::regex literal("\"((?:[^\"\\\\\n]|\\\\.)*)\"");
  int non_ascii = 0;
  for (const char* folder : {"app", "core", "platform/web"})
    for (const auto& entry :
         std::filesystem::directory_iterator(std::filesystem::path(SSI_SOURCE_DIR) / "src" / folder)) {
      if (entry.path().extension() != ".cpp" && entry.path().extension() != ".h") continue;
      if (entry.path().filename() == "glyphs.h") continue;  // its static_asserts hold wide letters on purpose
      const std::string code = read(entry.path());
      for (std::sregex_iterator it(code.begin(), code.end(), literal), end; it != end; ++it) {
        const std::string raw = (*it)[1];
        std::string bytes;
        for (std::size_t i = 0; i < raw.size(); ++i) {
          if (raw[i] == '\\' && i + 3 < raw.size() && (raw[i + 1] == 'x' || raw[i + 1] == 'X')) {
            bytes += static_cast<char>(std::stoi(raw.substr(i + 2, 2), nullptr, 16));
            i += 3;
          } else {
            bytes += raw[i];
          }
        }
        non_ascii += std::any_of(bytes.begin(), bytes.end(), [](char c) { return c & 0x80; });
        EXPECT_FALSE(app::glyphs::has_wide(bytes)) << entry.path() << ": " << raw;
      }
    }
  EXPECT_GT(non_ascii, 10) << "the scan sees the code's labels (\"\xE2\x80\xA6\", \"\xC2\xB7\")";
}

}  // namespace
}  // namespace ssi::test
