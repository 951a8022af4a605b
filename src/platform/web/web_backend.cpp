// The web runner's input and frame loop: html5.h callbacks feed Dear ImGui's io directly, and a frame is drawn
// only when something changed. An unchanged page draws nothing at all, which keeps phones cool and batteries
// full during a workshop.
#include "platform/web/web_backend.h"

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/imgui_access.h"
#include "app/state.h"
#include "platform/web/a11y.h"
#include "platform/web/browser.h"
#include "platform/web/renderer.h"
#include "platform/web/test_hook.h"

// Where ImGui's default-font fallback lands (see -Wl,--wrap in src/platform/CMakeLists.txt): unreachable, since
// ensure_fonts() adds the app's fonts before the atlas is ever built.
extern "C" ImFont* __wrap__ZN11ImFontAtlas14AddFontDefaultEPK12ImFontConfig(ImFontAtlas*, const ImFontConfig*) {
  __builtin_trap();
}

namespace ssi::platform::web_backend {
namespace {

// --- Runner state ----------------------------------------------------------------------------------
struct Runner {
  app::App* app = nullptr;
  Renderer* renderer = nullptr;
  BrowserHost* host = nullptr;
  EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
  const char* canvas = "#canvas";

  double css_width = 0, css_height = 0, dpr = 1, font_dpr = 0;
  float font_scale = 1;        // the app's type scale the atlas was built for (presenter mode enlarges it)
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
  std::string clipboard;                // what ImGui copies; also what a paste event delivered
  std::vector<app::PickedFile> picked;  // files of one pick or drop, collected until ssi_on_files_done
  bool text_input_active = false;
  bool last_pointer_touch = false;
  ImGuiPlatformImeData ime{};  // where ImGui's text caret is, as io.SetPlatformImeDataFn reports it
};
Runner g;

constexpr float kTapSlop = 10.0f;  // CSS px a finger may move and still tap

void frame_callback_schedule();

void update_canvas_size() {
  emscripten_get_element_css_size(g.canvas, &g.css_width, &g.css_height);
  g.dpr = page::device_pixel_ratio();
  const int w = static_cast<int>(std::lround(g.css_width * g.dpr));
  const int h = static_cast<int>(std::lround(g.css_height * g.dpr));
  // Setting even the same size reallocates the drawing buffer (tens of ms): pre.js sized it before main().
  int current_w = 0, current_h = 0;
  emscripten_get_canvas_element_size(g.canvas, &current_w, &current_h);
  if (w != current_w || h != current_h) emscripten_set_canvas_element_size(g.canvas, w, h);
}

void ensure_fonts() {
  if (g.font_dpr == g.dpr && g.font_scale == g.app->font_scale() && !g.app->fonts_missing()) return;
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  g.app->load_fonts(static_cast<float>(g.dpr));
  io.Fonts->Build();
  if (g.frames == 0) page::mark("ssi:atlas");
  g.renderer->upload_fonts();
  if (g.frames == 0) page::mark("ssi:upload");
  g.font_dpr = g.dpr;
  g.font_scale = g.app->font_scale();
}

bool keep_drawing() {
  const bool busy = app::imgui_has_pending_work();  // always evaluated: it tracks the focus between frames
  if (g.settle_frames > 0 || busy) return true;
  if (g.app->animating()) return true;
  return g.touch.id < 0 && std::fabs(g.touch.velocity) > 0.02f;  // momentum scrolling
}

void draw_frame() {
  ImGuiIO& io = ImGui::GetIO();
  if (g.frames == 0) page::mark("ssi:frame");  // the first frame's steps are marked for scripts/bench
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

  app::run_frame(*g.app);
  // A size shown for the first time stood in by another, or a rare text by its stand-in: add the size to the atlas
  // (the app joins the texts in) and draw again, unseen. Each round adds a size or asks for the texts (once), so this
  // ends.
  while (g.app->draw_again()) {
    ensure_fonts();
    app::run_frame(*g.app);
  }
  if (g.frames == 0) page::mark("ssi:ui");
  const ImVec4 bg = g.app->background();
  float clear[4] = {bg.x, bg.y, bg.z, 1.0f};
  emscripten_webgl_make_context_current(g.gl);
  g.renderer->render(ImGui::GetDrawData(), clear);
  if (g.frames == 0) page::mark("ssi:render");
  a11y::after_frame(*g.app);
  if (g.frames == 0) page::mark("ssi:mirror");

  // On touch devices, keep the on-screen keyboard in step with ImGui's text focus.
  const bool want_text = io.WantTextInput && g.last_pointer_touch;
  if (want_text != g.text_input_active) {
    g.text_input_active = want_text;
    page::text_input(want_text, g.ime.InputPos.x, g.ime.InputPos.y, 1.0f, g.ime.InputLineHeight);
  }

  if (++g.frames == 1) {
    page::ready();
    test_hook::mark_ready();
  }
  if (g.settle_frames > 0) --g.settle_frames;
}

EM_BOOL on_animation_frame(double, void*) {
  g.frame_pending = false;
  draw_frame();
  if (keep_drawing())
    frame_callback_schedule();
  else
    g.last_time = 0;  // idle: next frame starts a fresh time step
  return EM_FALSE;
}

void frame_callback_schedule() {
  if (g.frame_pending) return;
  g.frame_pending = true;
  emscripten_request_animation_frame(on_animation_frame, nullptr);
}

// --- Input -----------------------------------------------------------------------------------------
ImGuiKey key_from_dom(const char* key, const char* code) {
  struct Named {
    const char* name;
    ImGuiKey key;
  };
  static const Named named[] = {
      {"Tab", ImGuiKey_Tab},           {"ArrowLeft", ImGuiKey_LeftArrow}, {"ArrowRight", ImGuiKey_RightArrow},
      {"ArrowUp", ImGuiKey_UpArrow},   {"ArrowDown", ImGuiKey_DownArrow}, {"PageUp", ImGuiKey_PageUp},
      {"PageDown", ImGuiKey_PageDown}, {"Home", ImGuiKey_Home},           {"End", ImGuiKey_End},
      {"Insert", ImGuiKey_Insert},     {"Delete", ImGuiKey_Delete},       {"Backspace", ImGuiKey_Backspace},
      {" ", ImGuiKey_Space},           {"Enter", ImGuiKey_Enter},         {"Escape", ImGuiKey_Escape},
      {"Shift", ImGuiKey_LeftShift},   {"Control", ImGuiKey_LeftCtrl},    {"Alt", ImGuiKey_LeftAlt},
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
  // Tab moves the page's focus through the accessibility mirror (and out of the app); Enter and Space on a
  // mirror button become its click. ImGui's focus follows the page's (a11y.cpp), so neither goes to ImGui.
  if (key == ImGuiKey_Tab || ((key == ImGuiKey_Enter || key == ImGuiKey_Space) && a11y::button_has_focus())) {
    request_frame();
    return EM_FALSE;
  }
  const bool shortcut_key = e->ctrlKey || e->metaKey;
  // Ctrl/Cmd+V is left to the browser: its paste event carries the clipboard text (ssi_on_paste).
  if (key != ImGuiKey_None && !(shortcut_key && key == ImGuiKey_V)) {
    if (down && e->repeat) io.AddKeyEvent(key, false);  // each of the browser's repeats is a press of its own
    io.AddKeyEvent(key, down);
  }
  request_frame();
  const bool shortcut = e->ctrlKey || e->metaKey || e->altKey;
  // Typed text (a single character, possibly multi-byte UTF-8) goes to ImGui when no shortcut is held.
  const bool printable = e->key[0] && (std::strlen(e->key) == 1 ||
                                       (static_cast<unsigned char>(e->key[0]) >= 0xC0 && std::strlen(e->key) <= 4));
  if (down && printable && !shortcut && io.WantTextInput) io.AddInputCharactersUTF8(e->key);
  // Let the browser keep its own shortcuts (reload, zoom, dev tools) and copy/paste events; swallow
  // the keys the app uses for navigation so the page doesn't scroll or move focus.
  if (shortcut) return io.WantTextInput && (key == ImGuiKey_A || key == ImGuiKey_Z || key == ImGuiKey_Y);
  if (key == ImGuiKey_Space || key == ImGuiKey_Enter || key == ImGuiKey_Escape || key == ImGuiKey_Backspace ||
      (key >= ImGuiKey_LeftArrow && key <= ImGuiKey_DownArrow) || key == ImGuiKey_PageUp || key == ImGuiKey_PageDown ||
      key == ImGuiKey_Home || key == ImGuiKey_End)
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
  // Two fingers are the browser's: pinch zoom stays available (touch-action: pinch-zoom on the canvas).
  if (type == EMSCRIPTEN_EVENT_TOUCHSTART && e->numTouches > 1 && !t.scrolling) {
    t.id = -1;
    return EM_FALSE;
  }
  for (int i = 0; i < e->numTouches; ++i) {
    const EmscriptenTouchPoint& p = e->touches[i];
    if (!p.isChanged) continue;
    const float x = static_cast<float>(p.targetX), y = static_cast<float>(p.targetY);
    g.last_pointer_touch = true;
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART) {
      if (t.id >= 0) continue;
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
  return EM_TRUE;  // one finger is the app's: no browser scroll or synthetic mouse events
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
  page::fatal("WebGL context lost / WebGL-Kontext verloren: reload the page / Seite neu laden.");
  return EM_TRUE;
}

const char* get_clipboard(void*) { return g.clipboard.c_str(); }
void set_clipboard(void*, const char* text) {
  g.clipboard = text ? text : "";
  g.host->set_clipboard(g.clipboard);
}

}  // namespace

void request_frame(int settle) {
  if (settle > g.settle_frames) g.settle_frames = settle;
  frame_callback_schedule();
}
long frames_drawn() { return g.frames; }
bool frame_pending() { return g.frame_pending; }

void init(const char* canvas, app::App& app, Renderer& renderer, BrowserHost& host, int webgl_context) {
  g.canvas = canvas;
  g.app = &app;
  g.renderer = &renderer;
  g.host = &host;
  g.gl = webgl_context;
  host.on_wake = [] {
    g.app->tick();
    request_frame(1);
  };
  ImGuiIO& io = ImGui::GetIO();
  io.BackendPlatformName = "ssi_web_html5";
  io.GetClipboardTextFn = get_clipboard;
  io.SetClipboardTextFn = set_clipboard;
  io.SetPlatformImeDataFn = [](ImGuiViewport*, ImGuiPlatformImeData* data) { g.ime = *data; };
  // A held key repeats as the browser repeats it (on_key): ImGui's own timer adds up frame times, so under load it
  // repeated a key that was only tapped, and it ignores the delay a person has set in their system.
  io.KeyRepeatDelay = 1e9f;
  update_canvas_size();
  emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize);
  emscripten_set_mousedown_callback(canvas, nullptr, EM_TRUE, on_mouse);
  emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_TRUE, on_mouse);
  emscripten_set_mousemove_callback(canvas, nullptr, EM_TRUE, on_mouse);
  emscripten_set_mouseleave_callback(canvas, nullptr, EM_TRUE, on_mouse);
  emscripten_set_wheel_callback(canvas, nullptr, EM_TRUE, on_wheel);
  emscripten_set_touchstart_callback(canvas, nullptr, EM_TRUE, on_touch);
  emscripten_set_touchmove_callback(canvas, nullptr, EM_TRUE, on_touch);
  emscripten_set_touchend_callback(canvas, nullptr, EM_TRUE, on_touch);
  emscripten_set_touchcancel_callback(canvas, nullptr, EM_TRUE, on_touch);
  emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_key);
  emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_key);
  emscripten_set_focus_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_focus);
  emscripten_set_blur_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_focus);
  emscripten_set_visibilitychange_callback(nullptr, EM_TRUE, on_visibility);
  emscripten_set_webglcontextlost_callback(canvas, nullptr, EM_TRUE, on_context_lost);
  request_frame();
}

// --- Entry points called from JavaScript (browser.cpp's and a11y.cpp's shims) ----------------------
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
// pre.js: the deferred code has arrived or failed to (a screen waiting for it draws itself, or tries and says why).
EMSCRIPTEN_KEEPALIVE void ssi_on_code_settled() { request_frame(); }
EMSCRIPTEN_KEEPALIVE void ssi_on_update_ready() {
  g.app->update_ready();
  request_frame();
}
// The QR scanner (browser.cpp): a code read from the camera, and how the camera fares (app::CameraStatus).
EMSCRIPTEN_KEEPALIVE void ssi_on_scanned(const char* code) {
  g.app->scanned(code ? code : "");
  request_frame();
}
EMSCRIPTEN_KEEPALIVE void ssi_on_camera_status(int status) {
  if (status < 0 || status > static_cast<int>(app::CameraStatus::Failed)) return;
  g.app->camera_status(static_cast<app::CameraStatus>(status));
  request_frame();
}
// Files chosen in the picker or dropped: a JSON array of {name, text}.
// One call per chosen or dropped file (bytes with their length; skipped 1: too large, 2: too many), then done.
EMSCRIPTEN_KEEPALIVE void ssi_on_file(const char* name, int name_len, const char* bytes, int len, int skipped) {
  app::PickedFile file;
  file.name.assign(name, static_cast<std::size_t>(name_len));
  if (skipped == 0)
    file.text = std::string(bytes ? bytes : "", static_cast<std::size_t>(bytes ? len : 0));
  else
    file.skipped = skipped == 1 ? "size" : "count";
  g.picked.push_back(std::move(file));
}
EMSCRIPTEN_KEEPALIVE void ssi_on_files_done() {
  std::vector<app::PickedFile> files = std::move(g.picked);
  g.picked.clear();
  g.app->open_files(files);
  request_frame();
}
}

}  // namespace ssi::platform::web_backend
