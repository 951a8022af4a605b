#pragma once
// Dear ImGui's platform backend for the browser, shaped like imgui_impl_*: emscripten/html5.h events go straight
// into io.Add*Event (as Tracy's web backend does), and frames are drawn on demand: input, a resize, an animation
// or a test-hook action asks for one; an unchanged page draws nothing at all.
//
//   web_backend::init(canvas, app, renderer, host)   after the WebGL2 context and the app exist
//   web_backend::request_frame()                     something changed: draw (coalesced into one rAF)
namespace ssi::app {
class App;
}
namespace ssi::platform {
class Renderer;
class BrowserHost;
}  // namespace ssi::platform

namespace ssi::platform::web_backend {

void init(const char* canvas, app::App& app, Renderer& renderer, BrowserHost& host, int webgl_context);
// Ask for a frame, and `settle` more after it so ImGui's state settles (coalesced: one pending rAF at most).
void request_frame(int settle = 3);
long frames_drawn();
bool frame_pending();

}  // namespace ssi::platform::web_backend
