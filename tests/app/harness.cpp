#include "harness.h"

#include "app/gauge.h"

namespace ssi::test {

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
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  frames(3);
}

Harness::~Harness() { ImGui::DestroyContext(context_); }

void Harness::frame() {
  ImGuiIO& io = ImGui::GetIO();
  io.DeltaTime = 1.0f / 60.0f;
  ImGui::NewFrame();
  app::begin_gauge_frame();
  app.frame();
  ImGui::Render();
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

bool Harness::click(std::string_view id) {
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

}  // namespace ssi::test
