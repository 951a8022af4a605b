// SSI Self-Check in the browser: creates the WebGL2 context, Dear ImGui and the app, then hands over to the web
// backend (input and on-demand frames), the accessibility mirror and the page's watchers. Frames are driven by
// events from here on; main() returns and the runtime stays alive (EXIT_RUNTIME=0).
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include <string>

#include "app/app.h"
#include "platform/web/browser.h"
#include "platform/web/renderer.h"
#include "platform/web/test_hook.h"
#include "platform/web/web_backend.h"

namespace {
constexpr const char* kCanvas = "#canvas";
}  // namespace

int main() {
  using namespace ssi;
  platform::page::mark("ssi:main");
  static platform::BrowserHost host;
  static platform::Renderer renderer;
  static app::App application(host);
  platform::test_hook::install(application);

  // pre.js (beside this file) made the context while the wasm downloaded, with these attributes: this gets it back.
  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.minorVersion = 0;
  attrs.alpha = EM_FALSE;
  attrs.antialias = EM_FALSE;  // the UI is anti-aliased by ImGui and the gauge shader themselves
  attrs.depth = EM_FALSE;
  attrs.stencil = EM_FALSE;
  attrs.preserveDrawingBuffer = EM_TRUE;  // idle frames are not redrawn: keep the last picture (and screenshots)
  const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = emscripten_webgl_create_context(kCanvas, &attrs);
  if (gl <= 0) {
    platform::page::fatal("Dieser Browser unterstützt kein WebGL2. / This browser does not support WebGL2.");
    return 1;
  }
  emscripten_webgl_make_context_current(gl);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.ConfigInputTextCursorBlink = false;  // a blinking caret would force a frame twice a second
  io.BackendRendererName = "ssi_webgl2";
  io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;

  // The GPU compiles the shaders while the app parses its content: asking for the link first waited 60 ms on the
  // phone profile (scripts/bench).
  renderer.start();
  std::string error;
  if (!application.init(&error)) {
    platform::page::fatal(error);
    return 1;
  }
  platform::page::mark("ssi:content");
  if (std::string link_error; !renderer.init(&link_error)) {
    platform::page::fatal(link_error);
    return 1;
  }
  platform::page::mark("ssi:renderer");

  platform::page::watch_crash();
  platform::web_backend::init(kCanvas, application, renderer, host, gl);
  platform::page::watch_environment();
  platform::page::watch_paste();
  platform::page::watch_storage_and_lifecycle();
  platform::page::watch_drop();
  platform::page::after_first_frame();
  platform::page::watch_install();
  platform::page::mark("ssi:main-end");
  return 0;
}
