// The web runner: owns the WebGL2 canvas, feeds Dear ImGui from emscripten/html5.h callbacks and draws a
// frame only when something changed (input, resize, an animation, a test-hook action). An unchanged
// page draws nothing at all, which keeps phones cool and batteries full during a workshop.
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_internal.h>  // InputEventsQueue: keep drawing until ImGui has consumed queued input

#include <cmath>
#include <cstring>
#include <string>

#include <nlohmann/json.hpp>

#include "app/app.h"
#include "app/gauge.h"
#include "platform/web/browser.h"
#include "platform/web/renderer.h"

namespace {

using namespace ssi;

// --- Host: the app's view of the browser ---------------------------------------------------------
class WebHost final : public app::Host {
 public:
  std::string preferred_language() const override { return platform::browser::language(); }
  bool prefers_dark() const override { return platform::browser::prefers_dark(); }
  bool prefers_reduced_motion() const override { return platform::browser::prefers_reduced_motion(); }
  double now_ms() const override { return emscripten_get_now(); }
  void set_clipboard(std::string_view text) override { platform::browser::clipboard_write(text); }
  std::optional<std::string> storage_get(std::string_view key) const override {
    return platform::browser::storage_get(key);
  }
  bool storage_set(std::string_view key, std::string_view value) override {
    return platform::browser::storage_set(key, value);
  }
  void storage_remove(std::string_view key) override { platform::browser::storage_remove(key); }
  std::vector<std::string> storage_keys() const override {
    std::vector<std::string> keys;
    const auto list = nlohmann::json::parse(platform::browser::storage_keys_json(), nullptr, false);
    if (list.is_array())
      for (const auto& k : list)
        if (k.is_string()) keys.push_back(k.get<std::string>());
    return keys;
  }
  double epoch_ms() const override { return platform::browser::epoch_ms(); }
  std::uint64_t random64() override { return platform::browser::random64(); }
  void wake_after(double ms) override;
  void download(std::string_view filename, std::string_view mime, std::string_view bytes) override {
    platform::browser::download(filename, mime, bytes);
  }
  void pick_file(bool multiple) override { platform::browser::pick_file(multiple); }
  void save_image(std::string_view filename) override { platform::browser::save_canvas_png(filename); }
  void print(std::string_view report_json) override { platform::browser::print_report(report_json); }
  void apply_update() override { platform::browser::apply_update(); }  // the app has written its data
  void install() override { platform::browser::prompt_install(); }
};

// --- Runner state ----------------------------------------------------------------------------------
struct Runner {
  WebHost host;
  app::App* app = nullptr;
  platform::Renderer renderer;
  EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;

  double css_width = 0, css_height = 0, dpr = 1, font_dpr = 0;
  float font_scale = 1;  // the app's type scale the atlas was built for (presenter mode enlarges it)
  bool frame_pending = false;  // a requestAnimationFrame is scheduled
  int settle_frames = 0;       // frames still to draw after the last input, so ImGui's state settles
  long frames = 0;             // frames drawn since start (test hook)
  double last_time = 0;

  // Touch: a tap is a click; a drag scrolls (with momentum) and never clicks or drags a widget.
  struct Touch {
    int id = -1;
    float start_x = 0, start_y = 0, last_y = 0;
    double last_time = 0;
    bool scrolling = false;
    float velocity = 0;  // CSS px per ms, for momentum after release
  } touch;
  std::string clipboard;  // what ImGui copies; also what a paste event delivered
  bool text_input_active = false;
  bool last_pointer_touch = false;
};
Runner g;

constexpr const char* kCanvas = "#canvas";
constexpr float kTapSlop = 10.0f;  // CSS px a finger may move and still tap

void frame_callback_schedule();

// Ask for a frame (coalesced: at most one pending requestAnimationFrame).
void request_frame(int settle = 3) {
  if (settle > g.settle_frames) g.settle_frames = settle;
  frame_callback_schedule();
}

void update_canvas_size() {
  emscripten_get_element_css_size(kCanvas, &g.css_width, &g.css_height);
  g.dpr = platform::browser::device_pixel_ratio();
  const int w = static_cast<int>(std::lround(g.css_width * g.dpr));
  const int h = static_cast<int>(std::lround(g.css_height * g.dpr));
  emscripten_set_canvas_element_size(kCanvas, w, h);
}

void ensure_fonts() {
  if (g.font_dpr == g.dpr && g.font_scale == g.app->font_scale()) return;
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  g.app->load_fonts(static_cast<float>(g.dpr));
  io.Fonts->Build();
  g.renderer.upload_fonts();
  g.font_dpr = g.dpr;
  g.font_scale = g.app->font_scale();
}

// ImGui still has work that shows only in a later frame: queued input, a keyboard-navigation move or
// focus request being resolved, or a focus change the last frame made.
bool imgui_busy() {
  static ImGuiID last_nav_id = 0;
  const ImGuiContext& c = *GImGui;
  const bool nav_changed = c.NavId != last_nav_id;
  last_nav_id = c.NavId;
  return c.InputEventsQueue.Size > 0 || c.NavMoveSubmitted || c.NavMoveScoringItems || c.NavInitRequest ||
         c.NavNextActivateId != 0 || nav_changed;
}

bool keep_drawing() {
  const bool busy = imgui_busy();  // always evaluated: it tracks the focus between frames
  if (g.settle_frames > 0 || busy) return true;
  if (g.app->animating()) return true;
  return g.touch.id < 0 && std::fabs(g.touch.velocity) > 0.02f;  // momentum scrolling
}

void draw_frame() {
  ImGuiIO& io = ImGui::GetIO();
  ensure_fonts();
  const double now = emscripten_get_now();
  io.DeltaTime = g.last_time > 0 ? static_cast<float>(std::fmax(now - g.last_time, 1.0) / 1000.0) : 1.0f / 60.0f;
  if (io.DeltaTime > 0.25f) io.DeltaTime = 0.25f;  // after idle: don't let animations jump
  g.last_time = now;
  io.DisplaySize = ImVec2(static_cast<float>(g.css_width), static_cast<float>(g.css_height));
  io.DisplayFramebufferScale = ImVec2(static_cast<float>(g.dpr), static_cast<float>(g.dpr));

  // Momentum after a touch drag: decays exponentially (about 325 ms time constant, as iOS lists feel).
  if (g.touch.id < 0 && std::fabs(g.touch.velocity) > 0.02f) {
    const float dt_ms = io.DeltaTime * 1000.0f;
    g.app->scroll_by(g.touch.velocity * dt_ms);
    g.touch.velocity *= std::exp(-dt_ms / 325.0f);
  }

  ImGui::NewFrame();
  app::begin_gauge_frame();
  g.app->frame();
  ImGui::Render();
  const ImVec4 bg = g.app->background();
  float clear[4] = {bg.x, bg.y, bg.z, 1.0f};
  emscripten_webgl_make_context_current(g.gl);
  g.renderer.render(ImGui::GetDrawData(), clear);

  // On touch devices, keep the on-screen keyboard in step with ImGui's text focus.
  const bool want_text = io.WantTextInput && g.last_pointer_touch;
  if (want_text != g.text_input_active) {
    g.text_input_active = want_text;
    const ImGuiPlatformImeData& ime = GImGui->PlatformImeData;  // where ImGui's text caret is
    platform::browser::text_input(want_text, ime.InputPos.x, ime.InputPos.y, 1.0f, ime.InputLineHeight);
  }

  if (++g.frames == 1) {
    platform::browser::page_ready();
    platform::browser::mark_ready();
  }
  if (g.settle_frames > 0) --g.settle_frames;
}

EM_BOOL on_animation_frame(double, void*) {
  g.frame_pending = false;
  draw_frame();
  if (keep_drawing()) frame_callback_schedule();
  else g.last_time = 0;  // idle: next frame starts a fresh time step
  return EM_FALSE;
}

void frame_callback_schedule() {
  if (g.frame_pending) return;
  g.frame_pending = true;
  emscripten_request_animation_frame(on_animation_frame, nullptr);
}

void WebHost::wake_after(double ms) {
  // Save directly from the timer: hidden tabs get no animation frames, but their timers still run.
  emscripten_set_timeout(
      [](void*) {
        g.app->tick();
        request_frame(1);
      },
      ms, nullptr);
}

// --- Input -----------------------------------------------------------------------------------------
ImGuiKey key_from_dom(const char* key, const char* code) {
  struct Named { const char* name; ImGuiKey key; };
  static const Named named[] = {
      {"Tab", ImGuiKey_Tab}, {"ArrowLeft", ImGuiKey_LeftArrow}, {"ArrowRight", ImGuiKey_RightArrow},
      {"ArrowUp", ImGuiKey_UpArrow}, {"ArrowDown", ImGuiKey_DownArrow}, {"PageUp", ImGuiKey_PageUp},
      {"PageDown", ImGuiKey_PageDown}, {"Home", ImGuiKey_Home}, {"End", ImGuiKey_End},
      {"Insert", ImGuiKey_Insert}, {"Delete", ImGuiKey_Delete}, {"Backspace", ImGuiKey_Backspace},
      {" ", ImGuiKey_Space}, {"Enter", ImGuiKey_Enter}, {"Escape", ImGuiKey_Escape},
      {"Shift", ImGuiKey_LeftShift}, {"Control", ImGuiKey_LeftCtrl}, {"Alt", ImGuiKey_LeftAlt},
      {"Meta", ImGuiKey_LeftSuper},
  };
  for (const Named& n : named)
    if (std::strcmp(key, n.name) == 0) return n.key;
  if (std::strcmp(code, "NumpadEnter") == 0) return ImGuiKey_KeypadEnter;
  // Letters and digits by the character they type (ImGui wants "translated" keys: Ctrl+Z on AZERTY).
  if (key[0] && !key[1]) {
    const char c = key[0];
    if (c >= 'a' && c <= 'z') return static_cast<ImGuiKey>(ImGuiKey_A + (c - 'a'));
    if (c >= 'A' && c <= 'Z') return static_cast<ImGuiKey>(ImGuiKey_A + (c - 'A'));
    if (c >= '0' && c <= '9') return static_cast<ImGuiKey>(ImGuiKey_0 + (c - '0'));
  }
  if (key[0] == 'F' && key[1] >= '1' && key[1] <= '9') {
    const int n = key[2] ? (key[1] - '0') * 10 + (key[2] - '0') : key[1] - '0';
    if (n >= 1 && n <= 12) return static_cast<ImGuiKey>(ImGuiKey_F1 + n - 1);
  }
  return ImGuiKey_None;
}

void submit_modifiers(const EmscriptenKeyboardEvent* e) {
  ImGuiIO& io = ImGui::GetIO();
  io.AddKeyEvent(ImGuiMod_Ctrl, e->ctrlKey);
  io.AddKeyEvent(ImGuiMod_Shift, e->shiftKey);
  io.AddKeyEvent(ImGuiMod_Alt, e->altKey);
  io.AddKeyEvent(ImGuiMod_Super, e->metaKey);
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
  ImGuiIO& io = ImGui::GetIO();
  const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
  submit_modifiers(e);
  const ImGuiKey key = key_from_dom(e->key, e->code);
  const bool shortcut_key = e->ctrlKey || e->metaKey;
  // Ctrl/Cmd+V is left to the browser: its paste event carries the clipboard text (ssi_on_paste).
  if (key != ImGuiKey_None && !(shortcut_key && key == ImGuiKey_V)) io.AddKeyEvent(key, down);
  request_frame();
  const bool shortcut = e->ctrlKey || e->metaKey || e->altKey;
  // Typed text (a single character, possibly multi-byte UTF-8) goes to ImGui when no shortcut is held.
  const bool printable = e->key[0] && (std::strlen(e->key) == 1 || (static_cast<unsigned char>(e->key[0]) >= 0xC0 &&
                                                                    std::strlen(e->key) <= 4));
  if (down && printable && !shortcut && io.WantTextInput) io.AddInputCharactersUTF8(e->key);
  // Let the browser keep its own shortcuts (reload, zoom, dev tools) and copy/paste events; swallow
  // the keys the app uses for navigation so the page doesn't scroll or move focus.
  if (shortcut) return io.WantTextInput && (key == ImGuiKey_A || key == ImGuiKey_Z || key == ImGuiKey_Y);
  if (key == ImGuiKey_Tab || key == ImGuiKey_Space || key == ImGuiKey_Enter || key == ImGuiKey_Escape ||
      key == ImGuiKey_Backspace || (key >= ImGuiKey_LeftArrow && key <= ImGuiKey_DownArrow) ||
      key == ImGuiKey_PageUp || key == ImGuiKey_PageDown || key == ImGuiKey_Home || key == ImGuiKey_End)
    return EM_TRUE;
  return printable && io.WantTextInput;
}

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
  ImGuiIO& io = ImGui::GetIO();
  g.last_pointer_touch = false;
  io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
  io.AddMousePosEvent(static_cast<float>(e->targetX), static_cast<float>(e->targetY));
  if (type == EMSCRIPTEN_EVENT_MOUSEDOWN || type == EMSCRIPTEN_EVENT_MOUSEUP) {
    const int button = e->button == 0 ? 0 : (e->button == 2 ? 1 : (e->button == 1 ? 2 : -1));
    if (button >= 0) io.AddMouseButtonEvent(button, type == EMSCRIPTEN_EVENT_MOUSEDOWN);
  }
  if (type == EMSCRIPTEN_EVENT_MOUSELEAVE) io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
  request_frame();
  return type != EMSCRIPTEN_EVENT_MOUSEMOVE;
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
  // DOM deltas are in pixels (mode 0), lines (1) or pages (2); ImGui's unit is about 5 lines.
  float scale = e->deltaMode == DOM_DELTA_PIXEL ? 1.0f / 100.0f : (e->deltaMode == DOM_DELTA_LINE ? 1.0f / 3.0f : 1.0f);
  ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(-e->deltaX) * scale, static_cast<float>(-e->deltaY) * scale);
  request_frame();
  return EM_TRUE;
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
  ImGuiIO& io = ImGui::GetIO();
  Runner::Touch& t = g.touch;
  const double now = emscripten_get_now();
  for (int i = 0; i < e->numTouches; ++i) {
    const EmscriptenTouchPoint& p = e->touches[i];
    if (!p.isChanged) continue;
    const float x = static_cast<float>(p.targetX), y = static_cast<float>(p.targetY);
    g.last_pointer_touch = true;
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART) {
      if (t.id >= 0) continue;  // a second finger is ignored: no pinch or multi-touch gestures in this app
      t = Runner::Touch{p.identifier, x, y, y, now, false, 0.0f};
      io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    } else if (p.identifier == t.id && type == EMSCRIPTEN_EVENT_TOUCHMOVE) {
      if (!t.scrolling && std::hypot(x - t.start_x, y - t.start_y) > kTapSlop) {
        t.scrolling = true;
        io.AddMousePosEvent(t.start_x, t.start_y);  // so the app knows which region is scrolled
      }
      if (t.scrolling) {
        const float dy = y - t.last_y;
        const double dt = std::fmax(now - t.last_time, 1.0);
        g.app->scroll_by(-dy);
        t.velocity = 0.8f * static_cast<float>(-dy / dt) + 0.2f * t.velocity;
      }
      t.last_y = y;
      t.last_time = now;
    } else if (p.identifier == t.id) {  // touchend / touchcancel
      if (!t.scrolling && type == EMSCRIPTEN_EVENT_TOUCHEND) {
        // A tap: press and release at the finger's position (ImGui trickles them over two frames),
        // then move the pointer away so nothing stays hovered under a lifted finger.
        io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
        io.AddMousePosEvent(x, y);
        io.AddMouseButtonEvent(0, true);
        io.AddMouseButtonEvent(0, false);
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
        t.velocity = 0;
      } else if (now - t.last_time > 80.0) {
        t.velocity = 0;  // the finger rested before lifting: no fling
      }
      t.id = -1;
    }
  }
  request_frame();
  return EM_TRUE;  // the canvas handles every touch: no browser scroll, zoom or synthetic mouse events
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
  update_canvas_size();
  request_frame();
  return EM_FALSE;
}

EM_BOOL on_focus(int type, const EmscriptenFocusEvent*, void*) {
  ImGui::GetIO().AddFocusEvent(type == EMSCRIPTEN_EVENT_FOCUS);
  request_frame();
  return EM_FALSE;
}

EM_BOOL on_visibility(int, const EmscriptenVisibilityChangeEvent* e, void*) {
  if (!e->hidden) request_frame();
  return EM_FALSE;
}

EM_BOOL on_context_lost(int, const void*, void*) {
  platform::browser::page_fatal("WebGL context lost / WebGL-Kontext verloren: reload the page / Seite neu laden.");
  return EM_TRUE;
}

const char* get_clipboard(void*) { return g.clipboard.c_str(); }
void set_clipboard(void*, const char* text) {
  g.clipboard = text ? text : "";
  g.host.set_clipboard(g.clipboard);
}

}  // namespace

// --- Entry points called from JavaScript (browser.cpp's shims and window.ssiTest) --------------------
extern "C" {
EMSCRIPTEN_KEEPALIVE void ssi_on_environment_changed() {
  g.app->environment_changed();
  update_canvas_size();
  request_frame();
}
EMSCRIPTEN_KEEPALIVE void ssi_on_text(const char* text) {
  ImGui::GetIO().AddInputCharactersUTF8(text);
  request_frame();
}
EMSCRIPTEN_KEEPALIVE void ssi_on_paste(const char* text) {
  g.clipboard = text ? text : "";
  ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) {  // replay Ctrl+V now that ImGui's clipboard getter has the pasted text
    io.AddKeyEvent(ImGuiMod_Ctrl, true);
    io.AddKeyEvent(ImGuiKey_V, true);
    io.AddKeyEvent(ImGuiKey_V, false);
    io.AddKeyEvent(ImGuiMod_Ctrl, false);
  }
  request_frame();
}
EMSCRIPTEN_KEEPALIVE void ssi_on_storage() {
  g.app->storage_changed_elsewhere();
  request_frame();
}
EMSCRIPTEN_KEEPALIVE void ssi_on_pagehide() { g.app->flush(); }
EMSCRIPTEN_KEEPALIVE void ssi_on_install(int available) {
  g.app->install_available(available != 0);
  request_frame();
}
EMSCRIPTEN_KEEPALIVE void ssi_on_update_ready() {
  g.app->update_ready();
  request_frame();
}
// Files chosen in the picker or dropped: a JSON array of {name, text}.
EMSCRIPTEN_KEEPALIVE void ssi_on_files(const char* files_json) {
  g.app->open_files(files_json ? files_json : "[]");
  request_frame();
}
EMSCRIPTEN_KEEPALIVE const char* ssi_test_handover() {
  static std::string s;
  s = g.app->handover_text();
  return s.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* ssi_test_group_import(const char* files_json) {
  static std::string s;
  s = g.app->group_import(files_json ? files_json : "[]");
  request_frame();
  return s.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* ssi_test_export() {
  static std::string s;
  s = g.app->export_text();
  return s.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* ssi_test_import(const char* text) {
  static std::string s;
  s = g.app->import_text(text ? text : "", /*preview=*/false);
  request_frame();
  return s.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* ssi_test_state() {
  static std::string s;
  s = g.app->state_json();
  return s.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* ssi_test_widgets() {
  static std::string s;
  s = g.app->widgets_json();
  return s.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* ssi_test_gauges() {
  static std::string s;
  s = g.app->gauges_json();
  return s.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* ssi_test_questions() {
  static std::string s;
  s = g.app->questions_json();
  return s.c_str();
}
EMSCRIPTEN_KEEPALIVE double ssi_test_frames() { return static_cast<double>(g.frames); }
EMSCRIPTEN_KEEPALIVE int ssi_test_busy() { return g.frame_pending ? 1 : 0; }
EMSCRIPTEN_KEEPALIVE int ssi_test_answer(const char* id, int option) {
  const bool ok = g.app->answer(id, option);
  g.app->tick();  // like a frame would: the change is scheduled for saving even in a hidden tab
  request_frame();
  return ok;
}
EMSCRIPTEN_KEEPALIVE int ssi_test_show(const char* screen) {
  const bool ok = g.app->show(screen);
  request_frame();
  return ok;
}
}

int main() {
  platform::browser::install_test_hook();

  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.minorVersion = 0;
  attrs.alpha = EM_FALSE;
  attrs.antialias = EM_FALSE;  // the UI is anti-aliased by ImGui and the gauge shader themselves
  attrs.depth = EM_FALSE;
  attrs.stencil = EM_FALSE;
  attrs.preserveDrawingBuffer = EM_TRUE;  // idle frames are not redrawn: keep the last picture (and screenshots)
  g.gl = emscripten_webgl_create_context(kCanvas, &attrs);
  if (g.gl <= 0) {
    platform::browser::page_fatal(
        "Dieser Browser unterstützt kein WebGL2. / This browser does not support WebGL2.");
    return 1;
  }
  emscripten_webgl_make_context_current(g.gl);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.ConfigInputTextCursorBlink = false;  // a blinking caret would force a frame twice a second
  io.BackendPlatformName = "ssi_web_html5";
  io.BackendRendererName = "ssi_webgl2";
  io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
  io.GetClipboardTextFn = get_clipboard;
  io.SetClipboardTextFn = set_clipboard;

  static app::App application(g.host);
  g.app = &application;
  std::string error;
  if (!g.renderer.init(&error)) {
    platform::browser::page_fatal(error);
    return 1;
  }
  if (!g.renderer.gauges_available()) emscripten_log(EM_LOG_WARN, "%s", g.renderer.gauge_error().c_str());
  if (!application.init(&error)) {
    platform::browser::page_fatal(error);
    return 1;
  }

  update_canvas_size();
  emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize);
  emscripten_set_mousedown_callback(kCanvas, nullptr, EM_TRUE, on_mouse);
  emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_TRUE, on_mouse);
  emscripten_set_mousemove_callback(kCanvas, nullptr, EM_TRUE, on_mouse);
  emscripten_set_mouseleave_callback(kCanvas, nullptr, EM_TRUE, on_mouse);
  emscripten_set_wheel_callback(kCanvas, nullptr, EM_TRUE, on_wheel);
  emscripten_set_touchstart_callback(kCanvas, nullptr, EM_TRUE, on_touch);
  emscripten_set_touchmove_callback(kCanvas, nullptr, EM_TRUE, on_touch);
  emscripten_set_touchend_callback(kCanvas, nullptr, EM_TRUE, on_touch);
  emscripten_set_touchcancel_callback(kCanvas, nullptr, EM_TRUE, on_touch);
  emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_key);
  emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_key);
  emscripten_set_focus_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_focus);
  emscripten_set_blur_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_focus);
  emscripten_set_visibilitychange_callback(nullptr, EM_TRUE, on_visibility);
  emscripten_set_webglcontextlost_callback(kCanvas, nullptr, EM_TRUE, on_context_lost);
  platform::browser::watch_environment();
  platform::browser::watch_paste();
  platform::browser::watch_storage_and_lifecycle();
  platform::browser::watch_drop();
  platform::browser::register_service_worker();
  platform::browser::watch_install();

  request_frame();
  return 0;  // the runtime stays alive (EXIT_RUNTIME=0); frames are driven by events
}
