// parse_plain, the fast path of the JSON readers: whatever it accepts, nlohmann accepts and reads to the same
// document, value types included; the shipped content takes it; anything unusual is left to nlohmann.
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "core/json_util.h"
#include "support.h"

namespace ssi {
namespace {

using detail::json;

// Equal as documents and in every value's type (nlohmann's == calls 1 and 1u equal).
bool same(const json& a, const json& b) {
  if (a.type() != b.type()) return false;
  if (a.is_object()) {
    if (a.size() != b.size()) return false;
    for (auto it = a.begin(), jt = b.begin(); it != a.end(); ++it, ++jt)
      if (it.key() != jt.key() || !same(it.value(), jt.value())) return false;
    return true;
  }
  if (a.is_array()) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (!same(a[i], b[i])) return false;
    return true;
  }
  return a == b;
}

// The verdict on one text: accepted only where nlohmann accepts, and then read alike. True when accepted.
bool check(std::string_view text) {
  const std::optional<json> plain = detail::parse_plain(text);
  if (!plain) return false;
  const json reference = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(reference.is_discarded()) << "accepted what nlohmann refuses: " << text.substr(0, 200);
  EXPECT_TRUE(reference.is_discarded() || same(*plain, reference)) << "read otherwise: " << text.substr(0, 200);
  return true;
}

std::vector<std::string> corpus() {
  std::vector<std::string> out;
  for (const char* name : {"content/questionnaire.json", "content/ui.json", "content/messages.json"})
    out.push_back(test::read_file(name));
  for (const char* dir : {"tests/core/fixtures", "tests/core/golden", "tests/core/personas", "tests/core/broken"})
    for (const std::string& file : test::file_names(dir))
      if (file.size() > 5 && file.substr(file.size() - 5) == ".json")
        out.push_back(test::read_file(std::string(dir) + "/" + file));
  for (const char* reader : {"answers", "group", "handover", "import", "questionnaire", "store"})
    for (const std::string& file : test::file_names(std::string("tests/core/hostile/") + reader))
      out.push_back(test::read_file(std::string("tests/core/hostile/") + reader + "/" + file));
  return out;
}

TEST(JsonPlain, TheShippedContentTakesTheFastPath) {
  for (const char* name : {"content/questionnaire.json", "content/ui.json", "content/messages.json"}) {
    const std::string text = test::read_file(name);
    EXPECT_TRUE(check(text)) << name << " fell back to nlohmann";
  }
}

TEST(JsonPlain, ReadsWhatNlohmannReadsAndNothingElse) {
  const std::vector<std::string> texts = corpus();
  ASSERT_GT(texts.size(), 50u);
  int accepted = 0;
  for (const std::string& text : texts) accepted += check(text);
  EXPECT_GT(accepted, 30);
}

TEST(JsonPlain, MutatedTextsAreReadAlikeOrLeftToNlohmann) {
  // Each corpus text cut, with a byte changed, and with a byte inserted, at random places: every variant that the
  // fast path accepts must be one nlohmann accepts and reads alike.
  const std::vector<std::string> texts = corpus();
  const std::string bytes = "{}[]\":,\\/ -+.0123456789eEtrufalsn\x01\x1f\x7f\xc3\xa4\xed\xa0\x80\xf0\x9f\x98\x80u";
  test::Rng rng(16);
  int accepted = 0, refused = 0;
  for (const std::string& text : texts) {
    if (text.empty()) continue;
    for (int round = 0; round < 40; ++round) {
      std::string variant = text;
      const auto at = static_cast<std::size_t>(rng.below(static_cast<int>(text.size())));
      const char byte = bytes[static_cast<std::size_t>(rng.below(static_cast<int>(bytes.size())))];
      switch (round % 3) {
        case 0: variant.resize(at); break;
        case 1: variant[at] = byte; break;
        default: variant.insert(at, 1, byte); break;
      }
      (check(variant) ? accepted : refused) += 1;
    }
  }
  // Both outcomes occur, so the comparison above was exercised.
  EXPECT_GT(accepted, 100);
  EXPECT_GT(refused, 100);
}

TEST(JsonPlain, NumbersKeepNlohmannsTypes) {
  for (const char* text : {"0", "-0", "7", "-7", "-9223372036854775808", "18446744073709551615", "[0,-1,2]"})
    EXPECT_TRUE(check(text)) << text;
  EXPECT_TRUE(detail::parse_plain("0")->is_number_unsigned());
  EXPECT_TRUE(detail::parse_plain("-0")->is_number_integer());
  EXPECT_EQ(*detail::parse_plain("-9223372036854775808")->get_ptr<const json::number_integer_t*>(), INT64_MIN);
  EXPECT_EQ(*detail::parse_plain("18446744073709551615")->get_ptr<const json::number_unsigned_t*>(), UINT64_MAX);
  for (const char* text :
       {"18446744073709551616", "-9223372036854775809", "1.5", "1e3", "1E3", "01", "-", "+1", "-a"}) {
    EXPECT_FALSE(detail::parse_plain(text)) << text;
    EXPECT_FALSE(check(text));
  }
}

TEST(JsonPlain, StringsAndEscapes) {
  for (const char* text : {R"("\ud83d\ude00 \u00e4 \n\t\"\\\/")", R"("a\u0000b")", R"("\uD83D\uDE00\u00C4\b\f\r")",
                           "\"\x7f \xc3\xa4 \xe2\x82\xac \xf0\x9f\x98\x80\""})
    EXPECT_TRUE(check(text)) << text;
  EXPECT_EQ(*detail::parse_plain(R"("\ud83d\ude00 \u00e4 \n\t\"\\\/")")->get_ptr<const std::string*>(),
            "\xf0\x9f\x98\x80 \xc3\xa4 \n\t\"\\/");
  EXPECT_EQ(*detail::parse_plain(R"("a\u0000b")")->get_ptr<const std::string*>(), std::string("a\0b", 3));
  for (const char* text : {R"("\ud83d")", R"("\ude00")", R"("\ud83dx")", R"("\x")", "\"a\nb\"", "\"\xed\xa0\x80\"",
                           "\"\xc3\"", "\"open", "'single'"})
    EXPECT_FALSE(detail::parse_plain(text)) << text;
}

TEST(JsonPlain, StructureDepthAndDuplicates) {
  EXPECT_TRUE(check(R"( { "a" : [ 1 , -2 , true , false , null , { } , [ ] ] , "b" : "c" } )"));
  for (const char* text :
       {"{\"a\":1,\"a\":2}", "[1,]", "{\"a\":1,}", "{a:1}", "[1 2]", "", " ", "truex", "nul", "[1]x", "\xef\xbb\xbf{}"})
    EXPECT_FALSE(detail::parse_plain(text)) << text;
  const auto nested = [](int depth) {
    return std::string(static_cast<std::size_t>(depth), '[') + std::string(static_cast<std::size_t>(depth), ']');
  };
  EXPECT_TRUE(check(nested(detail::kPlainMaxDepth)));
  EXPECT_FALSE(detail::parse_plain(nested(detail::kPlainMaxDepth + 1)));
}

}  // namespace
}  // namespace ssi
