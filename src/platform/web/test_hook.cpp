// window.ssiTest (README "Test hook"): read-only views of what the page shows, and actions a person could take.
#include "platform/web/test_hook.h"

#include <emscripten/emscripten.h>
#include <imgui.h>

#include <cstdlib>
#include <string>

#include "app/app.h"
#include "app/session.h"
#include "platform/web/a11y.h"
#include "platform/web/web_backend.h"

// window.ssiTest: read-only views of what the page shows, and actions a person could take.
// Every function calls an exported ssi_test_* entry point below; a11y() reads the mirror (a11y.cpp).
// EM_JS bodies are JavaScript, which clang-format would break ("===" becomes "== =").
// clang-format off
EM_JS(void, ssi_js_install_test_hook, (), {
  var json = function(ptr) { return JSON.parse(UTF8ToString(ptr)); };
  var withString = function(text, fn) {
    var ptr = ssiNewUTF8(text);
    if (!ptr) throw new Error("ssiTest: no memory for the text");
    try { return fn(ptr); } finally { _free(ptr); }
  };
  // Text as the page hands data to the app: with its length, so a NUL inside arrives too.
  var withText = function(text, fn) {
    var copy = ssiUTF8Copy(text);
    if (!copy.ptr) throw new Error("ssiTest: no memory for the text");
    try { return fn(copy.ptr, copy.length); } finally { _free(copy.ptr); }
  };
  window.ssiTest = {
    ready: false,
    // The code past the welcome screen has arrived, or failed to (pre.js): screens no longer wait for it.
    codeReady: function() { return !Module.ssiDeferredLoading(); },
    state: function() { return json(_ssi_test_state()); },
    widgets: function() { return json(_ssi_test_widgets()); },
    frames: function() { return _ssi_test_frames(); },
    busy: function() { return _ssi_test_busy() !== 0; },
    glyph: function(code) { return Number.isInteger(code) && _ssi_test_glyph(code) !== 0; },
    gauges: function() { return json(_ssi_test_gauges()); },
    questions: function() { return json(_ssi_test_questions()); },
    answer: function(id, optionIndex) {
      if (typeof id !== "string" || !Number.isInteger(optionIndex)) return false;
      return withString(id, function(ptr) { return _ssi_test_answer(ptr, optionIndex) !== 0; });
    },
    exportText: function() { return UTF8ToString(_ssi_test_export()); },
    importText: function(text) {
      if (typeof text !== "string") return { ok: false, error: "not a string" };
      return withText(text, function(ptr, len) { return json(_ssi_test_import(ptr, len)); });
    },
    show: function(screen) {
      if (typeof screen !== "string") return false;
      return withString(screen, function(ptr) { return _ssi_test_show(ptr) !== 0; });
    },
    handoverText: function() { return UTF8ToString(_ssi_test_handover()); },
    handoverQR: function() { return UTF8ToString(_ssi_test_handover_qr()); },
    handoverNickname: function(text) {
      if (typeof text !== "string") return false;
      return withString(text, function(ptr) { _ssi_test_handover_nickname(ptr); return true; });
    },
    // The WebAssembly aborts in the next animation frame, as running out of memory in a frame would.
    forceAbort: function() { requestAnimationFrame(function() { _ssi_test_abort(); }); },
    a11y: function() { return window.ssiA11y ? window.ssiA11y.snapshot() : []; },
    a11yCost: function(reset) { return json(_ssi_test_a11y_cost(reset ? 1 : 0)); },
    groupImport: function(texts) {
      if (!Array.isArray(texts) || !texts.every(function(t) { return typeof t === "string"; }))
        return { error: "not an array of strings" };
      var files = texts.map(function(text, i) { return { name: "file " + (i + 1), text: text }; });
      return withString(JSON.stringify(files), function(ptr) { return json(_ssi_test_group_import(ptr)); });
    },
  };
});

EM_JS(void, ssi_js_mark_ready, (), { window.ssiTest.ready = true; });
// clang-format on

namespace ssi::platform::test_hook {
namespace {
app::App* g_app = nullptr;
app::App& app() { return *g_app; }
// Text handed to JS lives until the next call: every caller copies it at once (UTF8ToString).
const char* held(std::string text) {
  static std::string kept;
  kept = std::move(text);
  return kept.c_str();
}
}  // namespace

void install(app::App& application) {
  g_app = &application;
  ssi_js_install_test_hook();
}
void mark_ready() { ssi_js_mark_ready(); }

extern "C" {
EMSCRIPTEN_KEEPALIVE const char* ssi_test_handover() { return held(app().handover_text()); }
EMSCRIPTEN_KEEPALIVE const char* ssi_test_handover_qr() { return held(app().handover_code()); }
EMSCRIPTEN_KEEPALIVE void ssi_test_handover_nickname(const char* text) {
  app().session().person.handover.nickname = text;
  web_backend::request_frame();
}
EMSCRIPTEN_KEEPALIVE const char* ssi_test_group_import(const char* files_json) {
  std::string reply = app().group_import(files_json ? files_json : "[]");
  web_backend::request_frame();
  return held(std::move(reply));
}
EMSCRIPTEN_KEEPALIVE const char* ssi_test_export() { return held(app().export_text()); }
EMSCRIPTEN_KEEPALIVE const char* ssi_test_import(const char* text, int len) {
  std::string reply = app().import_text(std::string_view(text, static_cast<std::size_t>(len)), /*preview=*/false);
  web_backend::request_frame();
  return held(std::move(reply));
}
EMSCRIPTEN_KEEPALIVE const char* ssi_test_state() { return held(app().state_json()); }
EMSCRIPTEN_KEEPALIVE const char* ssi_test_widgets() { return held(app().widgets_json()); }
EMSCRIPTEN_KEEPALIVE const char* ssi_test_gauges() { return held(app().gauges_json()); }
EMSCRIPTEN_KEEPALIVE const char* ssi_test_questions() { return held(app().questions_json()); }
EMSCRIPTEN_KEEPALIVE const char* ssi_test_a11y_cost(int reset) {
  const a11y::Cost c = a11y::cost();
  if (reset) a11y::reset_cost();
  return held("{\"frames\":" + std::to_string(c.frames) + ",\"totalMs\":" + std::to_string(c.total_ms) +
              ",\"maxMs\":" + std::to_string(c.max_ms) + ",\"treeMs\":" + std::to_string(c.tree_ms) + "}");
}
EMSCRIPTEN_KEEPALIVE double ssi_test_frames() { return static_cast<double>(web_backend::frames_drawn()); }
EMSCRIPTEN_KEEPALIVE void ssi_test_abort() { std::abort(); }
EMSCRIPTEN_KEEPALIVE int ssi_test_busy() { return web_backend::frame_pending() ? 1 : 0; }
// Whether every font of the atlas draws this code point itself, not its fallback (the wide fonts merged in).
EMSCRIPTEN_KEEPALIVE int ssi_test_glyph(int code) {
  const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  for (ImFont* font : atlas->Fonts)
    if (!font->FindGlyphNoFallback(static_cast<ImWchar>(code))) return 0;
  return atlas->Fonts.empty() ? 0 : 1;
}
EMSCRIPTEN_KEEPALIVE int ssi_test_answer(const char* id, int option) {
  const bool ok = app().answer(id, option);
  app().tick();  // like a frame would: the change is scheduled for saving even in a hidden tab
  web_backend::request_frame();
  return ok;
}
EMSCRIPTEN_KEEPALIVE int ssi_test_show(const char* screen) {
  const bool ok = app().show(screen);
  web_backend::request_frame();
  return ok;
}
}

}  // namespace ssi::platform::test_hook
