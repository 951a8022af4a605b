// The hand-over code (core/handover_code.h): round trips of random hand-overs, a checksum computed here on its own,
// the same refusals as a hand-over file (the corpus of tests/core/hostile/code/ is checked by hostile_test.cpp),
// and the group view taking codes like files.
#include <string>

#include "core/codes.h"
#include "core/handover_code.h"
#include "support.h"

namespace ssi::workshop {
namespace {

using test::Rng;

Handover random_handover(Rng& rng) {
  Handover h;
  h.questionnaire_id = "ssi-selfcheck";
  h.questionnaire_version = rng.below(2) ? "1.0.0" : "2026-Q1:b";
  int sum = 0;
  for (int& c : h.component_centi) sum += (c = rng.below(2501));
  h.total = (sum + 50) / 100;
  h.corridor = corridor_for(h.total);
  static const char* const kNames[] = {"",       "Anna", "Jürgen Groß", "A;B;C", "👨‍👩‍👧‍👦 Familie",
                                       "Zoë 🇩🇪", "x"};
  h.nickname = kNames[rng.below(7)];
  return h;
}

// CRC-32 written differently: with the usual 256-entry table.
std::string reference_crc(const std::string& bytes) {
  std::uint32_t table[256];
  for (std::uint32_t i = 0; i < 256; ++i) {
    std::uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[i] = c;
  }
  std::uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char b : bytes) crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
  char out[9];
  std::snprintf(out, sizeof out, "%08X", crc ^ 0xFFFFFFFFu);
  return out;
}

TEST(HandoverCode, FiveHundredRandomHandOversRoundTrip) {
  Rng rng(15);
  for (int i = 0; i < 500; ++i) {
    const Handover h = random_handover(rng);
    const std::string code = handover_code(h, "2026-11-29");
    EXPECT_TRUE(looks_like_code(code)) << code;
    const CodeLoad load = read_handover_code(code);
    ASSERT_TRUE(load.ok()) << code << ": " << (load.problems.empty() ? "" : load.problems[0].code);
    EXPECT_EQ(*load.handover, h) << code;
    EXPECT_EQ(load.date, "2026-11-29");
    // With the blanks a scanner or a copy adds.
    EXPECT_TRUE(read_handover_code("  " + code + "\r\n").ok()) << code;
  }
}

TEST(HandoverCode, TheDocumentedExample) {
  Handover h;
  h.questionnaire_id = "ssi-selfcheck";
  h.questionnaire_version = "1.0.0";
  h.component_centi = {1250, 1000, 725, 1530};
  h.nickname = "Anna";
  const std::string body = "SSIH;1;ssi-selfcheck;1.0.0;1250;1000;725;1530;2026-11-29;Anna";
  EXPECT_EQ(handover_code(h, "2026-11-29"), body + ";" + reference_crc(body));
  EXPECT_EQ(reference_crc(body), "0B3A9175");  // as docs/data-format.md shows it (zlib's crc32 agrees)
  const CodeLoad load = read_handover_code(body + ";0B3A9175");
  ASSERT_TRUE(load.ok());
  EXPECT_EQ(load.handover->total, 45);  // 45.05 rounded
  EXPECT_EQ(load.handover->corridor, Corridor::Occasional);
}

TEST(HandoverCode, EveryChangedCharacterIsCaught) {
  const std::string code = "SSIH;1;ssi-selfcheck;1.0.0;1250;1000;725;1530;2026-11-29;Anna;0B3A9175";
  for (std::size_t i = 0; i < code.size(); ++i) {
    std::string changed = code;
    changed[i] = changed[i] == '7' ? '8' : '7';
    EXPECT_FALSE(read_handover_code(changed).ok()) << changed;
  }
}

TEST(HandoverCode, TheGroupViewTakesCodesLikeFilesAndRefusesBadOnesWithTheirReason) {
  Rng rng(7);
  const Handover a = random_handover(rng), b = random_handover(rng);
  Group g;
  add_files(g, {{"scan 1", handover_code(a, "2026-11-29")},
                {"scan 2", "SSIH;1;ssi-selfcheck;1.0.0;9999;0;0;0;2026-11-29;X;00000000"},
                {"file", handover_json(b, "test")}});
  EXPECT_EQ(g.participants(), 2);
  ASSERT_EQ(g.errors.size(), 1u);
  EXPECT_EQ(g.errors[0].index, 1);
  ASSERT_FALSE(g.errors[0].problems.empty());
  EXPECT_EQ(g.errors[0].problems[0].code, code::kCodeChecksum);
}

}  // namespace
}  // namespace ssi::workshop
