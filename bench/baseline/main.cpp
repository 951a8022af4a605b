// Benchmark baseline: what a page made with stock Dear ImGui costs. ImGui's own GLFW and OpenGL3
// backends on Emscripten's built-in GLFW, the default Emscripten main loop (a frame on every
// requestAnimationFrame, whether or not anything changed), ImGui's default dark style and font, and one
// window. Nothing here is tuned; scripts/bench compares the app against it.
#include <GLFW/glfw3.h>
#include <emscripten/emscripten.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cstdio>

namespace {

GLFWwindow* window = nullptr;

struct State {
  float value = 0.5f;
  bool checked = false;
  int clicks = 0;
  ImVec4 clear_color{0.45f, 0.55f, 0.60f, 1.00f};
} state;

void frame() {
  glfwPollEvents();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();

  // The one window.
  ImGui::Begin("Baseline");
  ImGui::TextUnformatted("Stock Dear ImGui " IMGUI_VERSION ", one window.");
  ImGui::Checkbox("Checkbox", &state.checked);
  ImGui::SliderFloat("Slider", &state.value, 0.0f, 1.0f);
  ImGui::ColorEdit3("Clear colour", &state.clear_color.x);
  if (ImGui::Button("Click me")) ++state.clicks;
  ImGui::SameLine();
  ImGui::Text("clicks: %d", state.clicks);
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::Text("%.1f FPS (%.2f ms per frame)", io.Framerate, 1000.0f / io.Framerate);
  ImGui::End();

  ImGui::Render();
  int width = 0, height = 0;
  glfwGetFramebufferSize(window, &width, &height);
  glViewport(0, 0, width, height);
  const ImVec4& c = state.clear_color;
  glClearColor(c.x, c.y, c.z, c.w);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  glfwSwapBuffers(window);
}

}  // namespace

int main() {
  glfwSetErrorCallback([](int code, const char* text) { std::fprintf(stderr, "GLFW error %d: %s\n", code, text); });
  if (!glfwInit()) return 1;
  window = glfwCreateWindow(1280, 720, "Baseline", nullptr, nullptr);
  if (!window) return 1;
  glfwMakeContextCurrent(window);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no file system in this build
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ImGui::StyleColorsDark();

  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplGlfw_InstallEmscriptenCanvasResizeCallback("#canvas");
  ImGui_ImplOpenGL3_Init(nullptr);  // the backend's default GLSL version for Emscripten

  // The default Emscripten main loop: requestAnimationFrame-driven, never returns.
  emscripten_set_main_loop(frame, 0, true);
  return 0;
}
