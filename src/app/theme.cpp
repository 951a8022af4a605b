#include "app/theme.h"

#include <cmath>
#include <iterator>
#include <string_view>

#include "app/glyphs.h"
#include "assets/assets.h"

namespace ssi::app {
namespace {

constexpr ImVec4 rgb(unsigned hex, float a = 1.0f) {
  return ImVec4(((hex >> 16) & 0xFF) / 255.0f, ((hex >> 8) & 0xFF) / 255.0f, (hex & 0xFF) / 255.0f, a);
}

Palette light_palette() {
  Palette p{};
  p.background = rgb(0xF4F2EE);
  p.surface = rgb(0xFFFFFF);
  p.surface_alt = rgb(0xEEF3F8);
  p.border = rgb(0xD5D9DF);
  p.control_border = rgb(0x858D96);  // 3.4:1 on white: option cards and text fields are seen by their edge
  p.text = rgb(0x1D2226);
  p.text_muted = rgb(0x56606B);
  p.accent = rgb(0x0A66C2);  // LinkedIn blue
  p.accent_text = rgb(0xFFFFFF);
  p.focus = rgb(0x0A66C2);
  p.danger = rgb(0xB3261E);
  p.warning = rgb(0x8A5A00);
  p.component[0] = rgb(0xB07F00);  // brand: yellow, deepened to 3.2:1 on the page (LinkedIn's #F2B51E has 1.7:1)
  p.component[1] = rgb(0x8A4FBF);  // find: violet
  p.component[2] = rgb(0xDC3B3B);  // engage: red
  p.component[3] = rgb(0x3D9A50);  // relationships: green
  p.component_text[0] = rgb(0x7A5600);
  p.component_text[1] = rgb(0x6E3AA3);
  p.component_text[2] = rgb(0xB42828);
  p.component_text[3] = rgb(0x2B7A3C);
  p.corridor[0] = rgb(0x858D96);  // every band at least 3:1 on white, a step darker each
  p.corridor[1] = rgb(0x5B7FA6);
  p.corridor[2] = rgb(0x2F6DB0);
  p.corridor[3] = rgb(0x0A3D73);
  p.track = rgb(0xE4E7EB);
  return p;
}

Palette dark_palette() {
  Palette p{};
  p.background = rgb(0x14181D);
  p.surface = rgb(0x1E242B);
  p.surface_alt = rgb(0x26303A);
  p.border = rgb(0x3A4450);
  p.control_border = rgb(0x6B7785);  // 3.4:1 on the dark surface
  p.text = rgb(0xE9ECEF);
  p.text_muted = rgb(0xA6AFBA);
  p.accent = rgb(0x71B7FB);
  p.accent_text = rgb(0x0B1D2E);
  p.focus = rgb(0x71B7FB);
  p.danger = rgb(0xF2867E);
  p.warning = rgb(0xF0C36A);
  p.component[0] = rgb(0xF5C542);
  p.component[1] = rgb(0xB286E0);
  p.component[2] = rgb(0xF06A6A);
  p.component[3] = rgb(0x5DBB6F);
  p.component_text[0] = rgb(0xF5C542);
  p.component_text[1] = rgb(0xC4A0EA);
  p.component_text[2] = rgb(0xF48B8B);
  p.component_text[3] = rgb(0x7ACC8A);
  p.corridor[0] = rgb(0x6B7785);  // every band at least 3:1 on the dark surface
  p.corridor[1] = rgb(0x7A97B3);
  p.corridor[2] = rgb(0x4E93D1);
  p.corridor[3] = rgb(0x8CC5FF);
  p.track = rgb(0x303943);
  return p;
}

// Presenter mode: projectors wash out light greys and thin colours, so pure white on near-black, text at
// full contrast, and the component colours at their strongest (all pass 4.5:1 on the background).
Palette presenter_palette() {
  Palette p = dark_palette();
  p.background = rgb(0x000000);
  p.surface = rgb(0x111418);
  p.surface_alt = rgb(0x1F252C);
  p.border = rgb(0x8A96A3);
  p.control_border = p.border;
  p.text = rgb(0xFFFFFF);
  p.text_muted = rgb(0xD7DDE3);
  p.accent = rgb(0x8CC8FF);
  p.accent_text = rgb(0x000000);
  p.focus = rgb(0xFFE066);
  p.component[0] = rgb(0xFFC933);
  p.component[1] = rgb(0xC59BFF);
  p.component[2] = rgb(0xFF6B6B);
  p.component[3] = rgb(0x5EE07A);
  for (int i = 0; i < kComponentCount; ++i) p.component_text[i] = p.component[i];
  p.corridor[0] = rgb(0x6B7683);
  p.corridor[1] = rgb(0x7FA6CC);
  p.corridor[2] = rgb(0x3D9BFF);
  p.corridor[3] = rgb(0xB5DCFF);
  p.track = rgb(0x2A3138);
  return p;
}

// The type scale, in Font's order: face, size in body sizes, and whether the welcome screen shows it.
struct FontSpec {
  bool semibold;
  float scale;
  bool first_screen;
};
constexpr FontSpec kFontSpecs[] = {
    {false, 1.0f, true},   // Body
    {false, 0.82f, true},  // Small
    {true, 1.0f, true},    // Strong
    {true, 1.65f, true},   // H1
    {true, 1.25f, true},   // H2
    {true, 2.6f, false},   // Display: the results' big numbers and the presenter's titles, half the atlas alone
};
static_assert(std::size(kFontSpecs) == static_cast<int>(Font::Count));

}  // namespace

Palette palette_for(bool dark, bool presenter) {
  return presenter ? presenter_palette() : dark ? dark_palette() : light_palette();
}

Theme& theme() {
  static Theme t;
  return t;
}

ImU32 u32(const ImVec4& c) { return ImGui::ColorConvertFloat4ToU32(c); }
ImVec4 with_alpha(ImVec4 c, float a) { return ImVec4(c.x, c.y, c.z, a); }
ImVec4 mix(const ImVec4& a, const ImVec4& b, float t) {
  return ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t, a.w + (b.w - a.w) * t);
}

void Theme::apply(bool dark_mode) {
  dark = dark_mode || presenter;
  palette = palette_for(dark, presenter);
  const Palette& p = palette;
  ImGuiStyle& s = ImGui::GetStyle();
  s = ImGuiStyle();
  s.WindowPadding = ImVec2(0, 0);
  s.WindowRounding = 0;
  s.WindowBorderSize = 0;
  s.ChildRounding = em(0.75f);
  s.ChildBorderSize = 0;
  s.PopupRounding = em(0.6f);
  s.FramePadding = ImVec2(em(0.9f), em(0.55f));
  s.FrameRounding = em(0.6f);
  s.ItemSpacing = ImVec2(em(0.6f), em(0.6f));
  s.ItemInnerSpacing = ImVec2(em(0.5f), em(0.4f));
  s.ScrollbarSize = em(0.55f);
  s.ScrollbarRounding = em(0.3f);
  s.GrabRounding = em(0.3f);
  s.TouchExtraPadding = ImVec2(0, 0);
  s.AntiAliasedLines = s.AntiAliasedFill = true;
  s.Colors[ImGuiCol_Text] = p.text;
  s.Colors[ImGuiCol_TextDisabled] = p.text_muted;
  s.Colors[ImGuiCol_WindowBg] = p.background;
  s.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  s.Colors[ImGuiCol_PopupBg] = p.surface;
  s.Colors[ImGuiCol_Border] = p.border;
  s.Colors[ImGuiCol_FrameBg] = p.surface;
  s.Colors[ImGuiCol_FrameBgHovered] = p.surface_alt;
  s.Colors[ImGuiCol_FrameBgActive] = p.surface_alt;
  s.Colors[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  s.Colors[ImGuiCol_ScrollbarGrab] = with_alpha(p.text_muted, 0.35f);
  s.Colors[ImGuiCol_ScrollbarGrabHovered] = with_alpha(p.text_muted, 0.55f);
  s.Colors[ImGuiCol_ScrollbarGrabActive] = with_alpha(p.text_muted, 0.7f);
  s.Colors[ImGuiCol_Button] = p.surface;
  s.Colors[ImGuiCol_ButtonHovered] = p.surface_alt;
  s.Colors[ImGuiCol_ButtonActive] = p.surface_alt;
  s.Colors[ImGuiCol_Header] = p.surface_alt;
  s.Colors[ImGuiCol_HeaderHovered] = p.surface_alt;
  s.Colors[ImGuiCol_HeaderActive] = p.surface_alt;
  s.Colors[ImGuiCol_Separator] = p.border;
  s.Colors[ImGuiCol_NavHighlight] = p.focus;
  s.Colors[ImGuiCol_TextSelectedBg] = with_alpha(p.accent, 0.3f);
  s.Colors[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.45f);
}

void Theme::want_fonts(bool all) {
  for (int i = 0; i < static_cast<int>(Font::Count); ++i) wanted_[i] = all || kFontSpecs[i].first_screen;
  wide_ = false;  // until a text shows a letter beyond the embedded ones (want_wide_glyphs)
}

ImFont* Theme::font(Font f) const {
  const int i = static_cast<int>(f);
  if (fonts_[i] || !fonts_[static_cast<int>(Font::Body)]) return fonts_[i];  // before load_fonts(): no stand-in
  wanted_[i] = missing_ = true;
  ImFont* nearest = nullptr;
  float distance = 0;
  for (int j = 0; j < static_cast<int>(Font::Count); ++j) {
    const float d = std::fabs(kFontSpecs[j].scale - kFontSpecs[i].scale);
    if (fonts_[j] && (!nearest || d < distance)) nearest = fonts_[j], distance = d;
  }
  return nearest;
}

void Theme::set_wide_fonts(std::string regular, std::string semibold) {
  // stb_truetype reads anything it is given: only an OpenType or TrueType file may reach it.
  auto font = [](std::string data) {
    const std::string_view head = std::string_view(data).substr(0, 4);
    return head == "OTTO" || head == std::string_view("\0\1\0\0", 4) || head == "true" ? data : std::string();
  };
  wide_regular_ = font(std::move(regular));
  wide_semibold_ = font(std::move(semibold));
}

void Theme::load_fonts(float device_scale) {
  ImGuiIO& io = ImGui::GetIO();
  const std::string_view regular = assets::get("fonts/inter-regular.ttf");
  const std::string_view semibold = assets::get("fonts/inter-semibold.ttf");
  const std::string_view icons = assets::get("fonts/icons.ttf");
  wanted_[static_cast<int>(Font::Body)] = true;  // the default font
  missing_ = false;
  for (int i = 0; i < static_cast<int>(Font::Count); ++i) {
    fonts_[i] = nullptr;
    if (!wanted_[i]) continue;
    const FontSpec& spec = kFontSpecs[i];
    const std::string_view data = spec.semibold ? semibold : regular;
    const float size = body_size * spec.scale;
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the bytes are embedded in the binary
    // Sub-pixel positioning pays only for small text on a low-density screen; elsewhere it doubles the atlas work.
    const bool fine = device_scale < 1.5f && spec.scale < 1.2f;
    cfg.OversampleH = fine ? 2 : 1;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = !fine;
    ImFont* f = io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(data.data()), static_cast<int>(data.size()),
                                               size * device_scale, &cfg, glyphs::kBaseRanges);
    std::string& wide = spec.semibold ? wide_semibold_ : wide_regular_;
    if (wide_ && !wide.empty()) {
      ImFontConfig wide_cfg = cfg;  // not owned by the atlas either: the bytes are the theme's
      wide_cfg.MergeMode = true;
      io.Fonts->AddFontFromMemoryTTF(wide.data(), static_cast<int>(wide.size()), size * device_scale, &wide_cfg,
                                     glyphs::kWideRanges.data());
    }
    ImFontConfig icon_cfg;
    icon_cfg.FontDataOwnedByAtlas = false;
    icon_cfg.MergeMode = true;
    icon_cfg.PixelSnapH = true;
    icon_cfg.GlyphMinAdvanceX = size * 1.1f * device_scale;  // icons line up in lists
    icon_cfg.GlyphOffset = ImVec2(0, size * 0.02f * device_scale);
    io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(icons.data()), static_cast<int>(icons.size()),
                                   size * 0.9f * device_scale, &icon_cfg, glyphs::kIconRanges);
    fonts_[i] = f;
  }
  io.FontGlobalScale = 1.0f / device_scale;
  io.FontDefault = font(Font::Body);
}

}  // namespace ssi::app
