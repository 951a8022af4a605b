// WCAG 2.1 contrast of the palettes (1.4.3 text 4.5:1, 1.4.11 graphics and control edges 3:1), light, dark and
// presenter, computed from the colours the app draws with.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "app/theme.h"

namespace ssi::test {
namespace {

double luminance(const ImVec4& c) {
  auto channel = [](float v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * channel(c.x) + 0.7152 * channel(c.y) + 0.0722 * channel(c.z);
}

double contrast(const ImVec4& a, const ImVec4& b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

TEST(Contrast, TextGraphicsAndControlEdgesMeetWcagAA) {
  struct Case {
    const char* name;
    bool dark, presenter;
  };
  for (const Case c : {Case{"light", false, false}, Case{"dark", true, false}, Case{"presenter", true, true}}) {
    const app::Palette p = app::palette_for(c.dark, c.presenter);
    for (const ImVec4& ground : {p.surface, p.background}) {
      EXPECT_GE(contrast(p.text, ground), 4.5) << c.name;
      EXPECT_GE(contrast(p.text_muted, ground), 4.5) << c.name;
      EXPECT_GE(contrast(p.accent, ground), 4.5) << c.name << ": links and quiet buttons are accent text";
      EXPECT_GE(contrast(p.danger, ground), 4.5) << c.name;
      EXPECT_GE(contrast(p.focus, ground), 3.0) << c.name << ": focus ring";
      for (int i = 0; i < kComponentCount; ++i) {
        EXPECT_GE(contrast(p.component_text[i], ground), 4.5) << c.name << " component text " << i;
        EXPECT_GE(contrast(p.component[i], ground), 3.0) << c.name << " component graphic " << i;
      }
    }
    EXPECT_GE(contrast(p.control_border, p.surface), 3.0) << c.name << ": option and field edges";
    EXPECT_GE(contrast(p.accent_text, p.accent), 4.5) << c.name << ": primary button label";
    for (int i = 0; i < 4; ++i) EXPECT_GE(contrast(p.corridor[i], p.surface), 3.0) << c.name << " corridor band " << i;
  }
}

}  // namespace
}  // namespace ssi::test
