#include "harness.h"

#ifdef SSI_HARNESS_GTEST
#include <gtest/gtest.h>
#endif

#include "app/gauge.h"

namespace ssi::test {

void expect_no_stand_in(std::string_view where, std::string_view text) {
#ifdef SSI_HARNESS_GTEST  // visibility_bench, no test, links the harness without GoogleTest
  if (text.find(kRareStandIn) != std::string_view::npos) ADD_FAILURE() << where << ": " << text;
#else
  (void)where, (void)text;
#endif
}

Harness::Harness(float width, float height, std::string language,
                 std::map<std::string, std::string, std::less<>> storage) {
  host.language = std::move(language);
  host.storage = std::move(storage);
  context_ = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.DisplaySize = ImVec2(width, height);
  ok = app.init(&error);
  if (!ok) return;
  app.load_fonts(1.0f);
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
  frames(3);
}

Harness::~Harness() { ImGui::DestroyContext(context_); }

void Harness::frame() {
  ImGuiIO& io = ImGui::GetIO();
  io.DeltaTime = 1.0f / 60.0f;
  // Like the web runner: the atlas follows the app's type scale (presenter mode) and gains each size the UI asks
  // for, and a frame drawn with a stand-in size is drawn again.
  auto rebuild = [&] {
    io.Fonts->Clear();
    app.load_fonts(1.0f);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
    font_scale_ = app.font_scale();
  };
  if (app.font_scale() != font_scale_) rebuild();
  app::run_frame(app);
  while (app.draw_again()) {
    if (app.fonts_missing()) {
      ++font_rebuilds;
      rebuild();
    }
    app::run_frame(app);
  }
  if (host.rare_missing.empty())
    for (const app::WidgetInfo& w : app::widget_log().tree())
      for (const std::string* s : {&w.label, &w.value, &w.description}) expect_no_stand_in("frame, " + w.id, *s);
  host.now += 1000.0 / 60.0;
}

void Harness::resize(float width, float height) {
  ImGui::GetIO().DisplaySize = ImVec2(width, height);
  frames(3);
}

std::optional<app::WidgetInfo> Harness::widget(std::string_view id) const {
  for (const app::WidgetInfo& w : app::widget_log().last())
    if (w.id == id) return w;
  return std::nullopt;
}

bool Harness::reveal(std::string_view id) {
  // Scrolls the content down like a person would, until the widget is on screen (or the end is reached).
  for (int i = 0; i < 40 && !widget(id); ++i) {
    app.scroll_by(ImGui::GetIO().DisplaySize.y * 0.5f);
    frame();
    settle();
  }
  return widget(id).has_value();
}

void Harness::settle() {
  // Like the web runner: draw until the app has nothing more to show (a scroll request, a new screen).
  for (int i = 0; i < 20 && app.animating(); ++i) frame();
}

bool Harness::click(std::string_view id) {
  settle();
  if (!widget(id)) reveal(id);
  const auto w = widget(id);
  if (!w) return false;
  ImGuiIO& io = ImGui::GetIO();
  io.AddMousePosEvent(w->rect.GetCenter().x, w->rect.GetCenter().y);
  io.AddMouseButtonEvent(0, true);
  frame();
  io.AddMouseButtonEvent(0, false);
  frame();
  io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
  frames(2);
  return true;
}

void Harness::key(ImGuiKey key, bool shift) {
  ImGuiIO& io = ImGui::GetIO();
  if (shift) io.AddKeyEvent(ImGuiMod_Shift, true);
  io.AddKeyEvent(key, true);
  frame();
  io.AddKeyEvent(key, false);
  if (shift) io.AddKeyEvent(ImGuiMod_Shift, false);
  frames(2);
}

void Harness::type(std::string_view text) {
  ImGui::GetIO().AddInputCharactersUTF8(std::string(text).c_str());
  frames(2);
}

}  // namespace ssi::test
