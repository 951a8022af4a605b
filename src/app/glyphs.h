#pragma once
// The glyphs the UI can show. cmake/subset_fonts.py reads kTextRanges, kIconSources and the SSI_ICON_* bytes to subset
// the fonts, and Theme::load_fonts (theme.cpp) hands the same ranges to ImGui, so subsetting and rasterising never
// disagree.
#include <imgui.h>

#include <array>
#include <iterator>

namespace ssi::app::glyphs {

// Text (Inter): Basic Latin, Latin-1 (German umlauts, ß, «», ·), Latin Extended-A (participants' nicknames),
// general punctuation and symbols.
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

// Latin Extended-A comes only with names and notes people type or import: the atlas adds it when a node of the
// widget log shows one (Theme::want_wide_glyphs), so a first visit rasterises a third fewer glyphs; its outlines are
// in fonts of their own (inter-*-wide.otf), which the page fetches after the first frame (issue 16).
inline constexpr ImWchar kWideFirst = 0x0100, kWideLast = 0x017F;
inline constexpr ImWchar kWideRanges[] = {kWideFirst, kWideLast, 0};

// kTextRanges without Latin Extended-A.
inline constexpr auto kNarrowTextRanges = [] {
  ImWchar out[std::size(kTextRanges)] = {};
  std::size_t n = 0;
  for (std::size_t i = 0; kTextRanges[i] != 0; i += 2) {
    if (kTextRanges[i] == kWideFirst && kTextRanges[i + 1] == kWideLast) continue;
    out[n++] = kTextRanges[i];
    out[n++] = kTextRanges[i + 1];
  }
  return std::to_array(out);
}();
static_assert(kNarrowTextRanges[std::size(kTextRanges) - 3] == 0, "kTextRanges must hold Latin Extended-A as one pair");

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
