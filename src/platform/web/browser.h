#pragma once
// The browser as the app's Host, and the page services the runner needs. Every browser API beyond
// emscripten/html5.h is reached through one small, named EM_JS shim in browser.cpp, so the JS surface stays
// reviewable.
//
//   Index:  BrowserHost (app::Host over localStorage, files, clipboard, print, live region, page title)
//           page        (devicePixelRatio, watchers that call back into the runner, ready/fatal, start-up marks, IME
//           field)
#include <functional>
#include <string>
#include <string_view>

#include "app/host.h"

namespace ssi::platform {

// --- BrowserHost ----------------------------------------------------------------------------------
class BrowserHost final : public app::Host {
 public:
  // Called when a wake_after() timer fires (the runner saves and draws a frame then).
  std::function<void()> on_wake;

  std::string preferred_language() const override;
  std::string text_file(Lang lang, app::TextPart part) override;
  std::string font_file(std::string_view name) override;
  bool code_ready() const override;
  void set_crash_texts(const Text& message, const Text& reload) override;
  bool prefers_dark() const override;
  bool prefers_reduced_motion() const override;
  float text_scale() const override;
  double now_ms() const override;
  double epoch_ms() const override;
  std::uint64_t random64() override;
  void wake_after(double ms) override;
  void set_clipboard(std::string_view text) override;
  std::optional<std::string> storage_get(std::string_view key) const override;
  bool storage_set(std::string_view key, std::string_view value) override;
  bool storage_has_room(std::string_view key, std::string_view value) override;
  void storage_remove(std::string_view key) override;
  std::vector<std::string> storage_keys() const override;
  void download(std::string_view filename, std::string_view mime, std::string_view bytes) override;
  void pick_file(bool multiple) override;
  void save_image(std::string_view filename) override;
  void print(std::string_view report_json) override;
  void apply_update() override;
  void install() override;
  void open_document(std::string_view path) override;
  void announce(std::string_view text, bool assertive) override;
  void set_page(std::string_view title, std::string_view lang) override;
  void scanner(bool open, bool front, Rect view, Rect clip) override;
  void scan_tone(app::ScanTone tone) override;
};

// --- page -----------------------------------------------------------------------------------------
namespace page {
double device_pixel_ratio();
// Each watcher calls an exported ssi_on_* entry point (web_backend.cpp) when its event happens:
// colour scheme, motion, DPR or root font size (ssi_on_environment_changed); another tab's storage write
// (ssi_on_storage); hide or leave (ssi_on_pagehide); dropped files (ssi_on_file, ssi_on_files_done); paste
// (ssi_on_paste); install offer (ssi_on_install); a waiting update (ssi_on_update_ready).
void watch_environment();
void watch_storage_and_lifecycle();
void watch_drop();
void watch_paste();
void watch_install();
// After the first frame: loads the rare screens' code (ssi.deferred.wasm), the other language's texts and the wide
// fonts, then registers the service worker.
void after_first_frame();
// Text input on touch devices: a transparent <input> placed over the focused text field, so the
// on-screen keyboard appears; what is typed arrives through ssi_on_text(). Hidden again when inactive.
void text_input(bool active, float x, float y, float w, float h);
// A named point of the start-up on the page's performance timeline ("ssi:..."), read by scripts/bench.
void mark(const char* name);
// Hide the loading message; show a fatal error in the page (when the app cannot start).
void ready();
void fatal(std::string_view message);
// When the WebAssembly stops (an abort, e.g. out of memory, or a trap: a RuntimeError nobody caught), a message with
// a reload button replaces the dead canvas, in the page's language (<html lang>): the texts the app last gave
// through Host::set_crash_texts().
void watch_crash();
}  // namespace page

}  // namespace ssi::platform
