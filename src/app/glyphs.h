#pragma once
// The glyphs the UI can show. cmake/subset_fonts.py reads kTextRanges and the SSI_ICON_* bytes to subset the fonts,
// and Theme::load_fonts (theme.cpp) hands the same ranges to ImGui, so subsetting and rasterising never disagree.
#include <imgui.h>

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

// Icons (Font Awesome 4.7), UTF-8 encoded for use inside labels.
#define SSI_ICON_CHECK "\xef\x80\x8c"      // U+F00C
#define SSI_ICON_CLOSE "\xef\x80\x8d"      // U+F00D
#define SSI_ICON_HOME "\xef\x80\x95"       // U+F015
#define SSI_ICON_REFRESH "\xef\x80\xa1"    // U+F021
#define SSI_ICON_LOCK "\xef\x80\xa3"       // U+F023
#define SSI_ICON_PRINT "\xef\x80\xaf"      // U+F02F
#define SSI_ICON_EDIT "\xef\x81\x84"       // U+F044
#define SSI_ICON_CHEVRON_L "\xef\x81\x93"  // U+F053
#define SSI_ICON_CHEVRON_R "\xef\x81\x94"  // U+F054
#define SSI_ICON_QUESTION "\xef\x81\x99"   // U+F059
#define SSI_ICON_INFO "\xef\x81\x9a"       // U+F05A
#define SSI_ICON_ARROW_UP "\xef\x81\xa2"   // U+F062
#define SSI_ICON_WARNING "\xef\x81\xb1"    // U+F071
#define SSI_ICON_CHART "\xef\x82\x80"      // U+F080
#define SSI_ICON_UPLOAD "\xef\x82\x93"     // U+F093
#define SSI_ICON_LINKEDIN "\xef\x83\xa1"   // U+F0E1
#define SSI_ICON_UNDO "\xef\x83\xa2"       // U+F0E2
#define SSI_ICON_COPY "\xef\x83\x85"       // U+F0C5
#define SSI_ICON_LIST "\xef\x83\x8a"       // U+F0CA
#define SSI_ICON_DOWNLOAD "\xef\x80\x99"   // U+F019
#define SSI_ICON_TRASH "\xef\x87\xb8"      // U+F1F8
#define SSI_ICON_LANGUAGE "\xef\x86\xab"   // U+F1AB
#define SSI_ICON_BULLHORN "\xef\x82\xa1"   // U+F0A1
#define SSI_ICON_USERS "\xef\x83\x80"      // U+F0C0
#define SSI_ICON_PLAY "\xef\x81\x8b"       // U+F04B
#define SSI_ICON_LIGHTBULB "\xef\x83\xab"  // U+F0EB
#define SSI_ICON_CALENDAR "\xef\x81\xb3"   // U+F073

inline constexpr ImWchar kIconRanges[] = {0xF000, 0xF2E0, 0};

}  // namespace ssi::app::glyphs
