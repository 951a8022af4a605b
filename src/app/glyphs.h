#pragma once
// The glyphs the UI can show. cmake/subset_fonts.py reads kTextRanges, kBaseRanges, kIconSources and the SSI_ICON_*
// bytes to subset the fonts, and Theme::load_fonts (theme.cpp) hands the same ranges to ImGui, so subsetting and
// rasterising never disagree.
#include <imgui.h>

#include <array>
#include <iterator>
#include <string_view>

namespace ssi::app::glyphs {

// Text (Inter): Basic Latin, Latin-1, Latin Extended-A (participants' nicknames), general punctuation and symbols.
inline constexpr ImWchar kTextRanges[] = {
    0x0020, 0x007E,  // U+0020-007E Basic Latin
    0x00A0, 0x00FF,  // U+00A0-00FF Latin-1 Supplement
    0x0100, 0x017F,  // U+0100-017F Latin Extended-A (names: Ł, ğ, Š, ő, Œ …)
    0x2010, 0x2027,  // U+2010-2027 dashes, quotes „“ ‚‘, bullet, ellipsis
    0x2030, 0x203A,  // U+2030-203A per mille, guillemets ‹›
    0x20AC, 0x20AC,  // U+20AC euro sign
    0x2190, 0x2193,  // U+2190-2193 arrows
    0x2212, 0x2212,  // U+2212 minus sign
    0x2248, 0x2248,  // U+2248 almost equal
    0x2264, 0x2265,  // U+2264-2265 ≤ ≥
    0,
};

// What the shipped texts and the app's own labels draw: embedded in the page (inter-*.ttf) and in a first visit's
// atlas. The rest of kTextRanges (accents beyond German's, Latin Extended-A) comes only with names and notes people
// type or import; its outlines are in inter-*-wide.ttf, which the page fetches after the first frame (issue 16), and
// the atlas adds them when a node of the widget log shows one (Theme::want_wide_glyphs). Tests keep every shipped text
// inside.
inline constexpr ImWchar kBaseRanges[] = {
    0x0020, 0x007E,                                                  // Basic Latin
    0x00A0, 0x00A0,                                                  // no-break space
    0x00B7, 0x00B7,                                                  // middle dot
    0x00C4, 0x00C4, 0x00D6, 0x00D6, 0x00DC, 0x00DC, 0x00DF, 0x00DF,  // Ä Ö Ü ß
    0x00E4, 0x00E4, 0x00F6, 0x00F6, 0x00FC, 0x00FC,                  // ä ö ü
    0x2013, 0x2014,                                                  // en and em dash
    0x2018, 0x201E,                                                  // quotes ‘ ’ ‚ “ ” „
    0x2022, 0x2022,                                                  // bullet
    0x2026, 0x2026,                                                  // ellipsis
    0x2190, 0x2193,                                                  // arrows
    0x2212, 0x2212,                                                  // minus sign
    0,
};

constexpr bool in_ranges(const ImWchar* ranges, unsigned c) {
  for (; *ranges != 0; ranges += 2)
    if (c >= ranges[0] && c <= ranges[1]) return true;
  return false;
}

// kTextRanges without kBaseRanges: the glyphs of inter-*-wide.ttf.
inline constexpr auto kWideRanges = [] {
  std::array<ImWchar, std::size(kTextRanges) + std::size(kBaseRanges) - 1> out = {};
  std::size_t n = 0;
  for (std::size_t i = 0; kTextRanges[i] != 0; i += 2) {
    for (unsigned c = kTextRanges[i]; c <= kTextRanges[i + 1]; ++c) {
      if (in_ranges(kBaseRanges, c)) continue;
      if (n >= 2 && out[n - 1] + 1u == c) {
        out[n - 1] = static_cast<ImWchar>(c);
      } else {
        out[n++] = static_cast<ImWchar>(c);
        out[n++] = static_cast<ImWchar>(c);
      }
    }
  }
  return out;
}();

// A character the embedded fonts lack but the wide ones draw.
constexpr bool is_wide(unsigned c) { return in_ranges(kWideRanges.data(), c); }

// UTF-8 text holds one (ASCII, most of every text, is skipped byte by byte; a cut sequence ends the scan).
constexpr bool has_wide(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const unsigned lead = static_cast<unsigned char>(s[i]);
    const std::size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (len == 1) {
      ++i;
      continue;
    }
    if (i + len > s.size()) return false;
    unsigned c = lead & (0x7Fu >> len);
    for (std::size_t k = 1; k < len; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    if (is_wide(c)) return true;
    i += len;
  }
  return false;
}

constexpr bool base_within_text() {
  for (std::size_t i = 0; kBaseRanges[i] != 0; i += 2)
    for (unsigned c = kBaseRanges[i]; c <= kBaseRanges[i + 1]; ++c)
      if (!in_ranges(kTextRanges, c)) return false;
  return true;
}
static_assert(base_within_text(), "every embedded glyph is one of kTextRanges");
static_assert(!has_wide("Bl\xC3\xA4tter \xE2\x80\x9E\xE2\x80\xA6\xE2\x80\x9C") && has_wide("Jos\xC3\xA9") &&
                  has_wide("\xC5\x81ukasz") && !has_wide("\xC2\x80"),
              "ä, „…“ embedded; é, Ł wide; an icon slot neither");

// Icons (Font Awesome 4.7), UTF-8 encoded for use inside labels. Each is drawn at a C1 control code point
// (U+0080-U+009F), which no text the app shows can hold (every reader refuses them): ImGui sizes each font's glyph
// tables by its highest code point, and Font Awesome's own (up to U+F2E0) made building the atlas 60 % slower.
#define SSI_ICON_CHECK "\xc2\x80"      // U+0080: Font Awesome U+F00C
#define SSI_ICON_CLOSE "\xc2\x81"      // U+0081: Font Awesome U+F00D
#define SSI_ICON_HOME "\xc2\x82"       // U+0082: Font Awesome U+F015
#define SSI_ICON_REFRESH "\xc2\x83"    // U+0083: Font Awesome U+F021
#define SSI_ICON_LOCK "\xc2\x84"       // U+0084: Font Awesome U+F023
#define SSI_ICON_PRINT "\xc2\x85"      // U+0085: Font Awesome U+F02F
#define SSI_ICON_EDIT "\xc2\x86"       // U+0086: Font Awesome U+F044
#define SSI_ICON_CHEVRON_L "\xc2\x87"  // U+0087: Font Awesome U+F053
#define SSI_ICON_CHEVRON_R "\xc2\x88"  // U+0088: Font Awesome U+F054
#define SSI_ICON_QUESTION "\xc2\x89"   // U+0089: Font Awesome U+F059
#define SSI_ICON_INFO "\xc2\x8a"       // U+008A: Font Awesome U+F05A
#define SSI_ICON_ARROW_UP "\xc2\x8b"   // U+008B: Font Awesome U+F062
#define SSI_ICON_WARNING "\xc2\x8c"    // U+008C: Font Awesome U+F071
#define SSI_ICON_CHART "\xc2\x8d"      // U+008D: Font Awesome U+F080
#define SSI_ICON_UPLOAD "\xc2\x8e"     // U+008E: Font Awesome U+F093
#define SSI_ICON_LINKEDIN "\xc2\x8f"   // U+008F: Font Awesome U+F0E1
#define SSI_ICON_UNDO "\xc2\x90"       // U+0090: Font Awesome U+F0E2
#define SSI_ICON_COPY "\xc2\x91"       // U+0091: Font Awesome U+F0C5
#define SSI_ICON_LIST "\xc2\x92"       // U+0092: Font Awesome U+F0CA
#define SSI_ICON_DOWNLOAD "\xc2\x93"   // U+0093: Font Awesome U+F019
#define SSI_ICON_TRASH "\xc2\x94"      // U+0094: Font Awesome U+F1F8
#define SSI_ICON_LANGUAGE "\xc2\x95"   // U+0095: Font Awesome U+F1AB
#define SSI_ICON_BULLHORN "\xc2\x96"   // U+0096: Font Awesome U+F0A1
#define SSI_ICON_USERS "\xc2\x97"      // U+0097: Font Awesome U+F0C0
#define SSI_ICON_PLAY "\xc2\x98"       // U+0098: Font Awesome U+F04B
#define SSI_ICON_LIGHTBULB "\xc2\x99"  // U+0099: Font Awesome U+F0EB
#define SSI_ICON_CALENDAR "\xc2\x9a"   // U+009A: Font Awesome U+F073

// The Font Awesome glyph at each icon slot, U+0080 upwards (cmake/subset_fonts.py moves them there).
inline constexpr char32_t kIconSources[] = {
    0xF00C, 0xF00D, 0xF015, 0xF021, 0xF023, 0xF02F, 0xF044, 0xF053, 0xF054, 0xF059, 0xF05A, 0xF062, 0xF071, 0xF080,
    0xF093, 0xF0E1, 0xF0E2, 0xF0C5, 0xF0CA, 0xF019, 0xF1F8, 0xF1AB, 0xF0A1, 0xF0C0, 0xF04B, 0xF0EB, 0xF073,
};
inline constexpr ImWchar kIconRanges[] = {0x0080, 0x0080 + std::size(kIconSources) - 1, 0};
static_assert(std::size(kIconSources) <= 0x20, "the icon slots are U+0080-U+009F");

}  // namespace ssi::app::glyphs
