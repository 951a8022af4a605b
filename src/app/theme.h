#pragma once
// The look: palette (light and dark, following prefers-color-scheme), LinkedIn's SSI component colours,
// the type scale, and ImGui's style. Sizes are in CSS pixels; layout code uses em() (multiples of the
// body font's height) so everything scales together.
#include <imgui.h>
#include <imgui_internal.h>  // ImRect (a plain type; internal state is reached through imgui_access.h)

#include "core/ssi.h"

namespace ssi::app {

enum class Font : int { Body = 0, Small, Strong, H1, H2, Display, Count };

struct Palette {
  ImVec4 background, surface, surface_alt, border, text, text_muted, accent, accent_text, focus, danger, warning;
  ImVec4 control_border;                   // edges of option cards and text fields: at least 3:1 against the surface
  ImVec4 component[kComponentCount];       // yellow, violet, red, green
  ImVec4 component_text[kComponentCount];  // readable on `background` (the yellow is darkened)
  ImVec4 corridor[4];                      // inactive, occasional, active, top bands of the total gauge
  ImVec4 track;
};

struct Theme {
  bool dark = false;
  bool reduced_motion = false;
  bool presenter = false;  // high-contrast palette for projection (set before apply())
  static constexpr float kBodySize = 17.0f;
  float body_size = kBodySize;  // CSS px; larger in presenter mode (set before load_fonts() and apply())
  Palette palette;

  void apply(bool dark_mode);  // palette + ImGui style
  // The font atlas is built lazily: rasterising every size before the first frame is most of a phone's start-up.
  // want_fonts() starts over with the sizes the welcome screen shows (or all of them), with the embedded glyphs only;
  // load_fonts() adds the sizes wanted so far to ImGui's atlas; font() of a size the atlas lacks wants it, reports
  // fonts_missing() and returns the nearest loaded size as a stand-in, so the runner rebuilds the atlas and draws
  // that frame again before anyone sees it.
  void want_fonts(bool all);
  void load_fonts(float device_scale);
  ImFont* font(Font f) const;
  bool fonts_missing() const { return missing_; }
  // A text with a letter beyond the embedded ones (glyphs::is_wide) is about to be shown: the atlas gains the wide ones
  // (the same redrawn-unseen frame).
  void want_wide_glyphs() const {
    if (!wide_) wide_ = missing_ = true;
  }
  bool wide_glyphs() const { return wide_; }
  // Its glyphs come from files the page does not embed (Host::font_file(), cmake/subset_fonts.py), given before
  // load_fonts() while no atlas uses the old ones; a face without its file (or with anything but a font, such as a
  // host's HTML page) draws the fallback glyph for those letters.
  void set_wide_fonts(std::string regular, std::string semibold);
  float em(float n = 1.0f) const { return body_size * n; }

 private:
  ImFont* fonts_[static_cast<int>(Font::Count)] = {};
  mutable bool wanted_[static_cast<int>(Font::Count)] = {};
  mutable bool missing_ = false;
  mutable bool wide_ = false;                 // glyphs::kWideRanges wanted
  std::string wide_regular_, wide_semibold_;  // the atlas reads them while it exists
};

Theme& theme();
// The palettes, for contrast checks: light, dark, presenter.
Palette palette_for(bool dark, bool presenter);

// Colour helpers.
ImU32 u32(const ImVec4& c);
ImVec4 with_alpha(ImVec4 c, float a);
ImVec4 mix(const ImVec4& a, const ImVec4& b, float t);

}  // namespace ssi::app
