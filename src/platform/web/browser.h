#pragma once
// The small, named JavaScript shims the app needs (EM_JS in browser.cpp). Everything that touches a
// browser API beyond emscripten/html5.h goes through one of these, so the JS surface stays reviewable.
#include <optional>
#include <string>
#include <string_view>

namespace ssi::platform::browser {

// Environment
double device_pixel_ratio();
std::string language();          // navigator.language, e.g. "de-DE"
bool prefers_dark();             // matchMedia('(prefers-color-scheme: dark)')
bool prefers_reduced_motion();   // matchMedia('(prefers-reduced-motion: reduce)')
// Calls back into the runner (ssi_on_environment_changed) when colour scheme, motion or DPR change.
void watch_environment();

// Storage (localStorage). get() is empty when the key is absent or storage is unavailable.
std::optional<std::string> storage_get(std::string_view key);
bool storage_set(std::string_view key, std::string_view value);
void storage_remove(std::string_view key);

// Every localStorage key (JSON array text), for "delete all my data".
std::string storage_keys_json();
// Calls ssi_on_storage() when another tab changes one of the app's keys, and ssi_on_pagehide() when the
// page is hidden or left, so pending data is written in time.
void watch_storage_and_lifecycle();

// Wall clock and randomness.
double epoch_ms();
unsigned long long random64();

// Files: a download of bytes, the file picker, and files dropped on the page (both arrive via ssi_on_files).
void download(std::string_view filename, std::string_view mime, std::string_view bytes);
void pick_file(bool multiple);
void watch_drop();
void save_canvas_png(std::string_view filename);
// Registers sw.js (offline use); calls ssi_on_update_ready() when a new version has been downloaded and
// waits, and apply_update() lets it take over and reloads the page once it has.
void register_service_worker();
void apply_update();
// Keeps the browser's install offer (beforeinstallprompt) and reports it through ssi_on_install(available);
// prompt_install() shows the browser's install dialog.
void watch_install();
void prompt_install();
void print_report(std::string_view report_json);

// Clipboard: writes through navigator.clipboard (needs a secure context and a user gesture).
void clipboard_write(std::string_view text);

// Text input on touch devices: a transparent <input> placed over the focused text field, so the
// on-screen keyboard appears; what is typed arrives through ssi_on_text(). Hidden again when inactive.
void text_input(bool active, float x, float y, float w, float h);
// Paste events deliver the clipboard's text through ssi_on_paste() (reading it needs the user's gesture).
void watch_paste();

// Page: hide the loading message, show a fatal error in the page (when the app cannot start).
void page_ready();
void page_fatal(std::string_view message);

// Test hook: installs window.ssiTest (documented in the README) around the exported ssi_test_* functions.
void install_test_hook();
void mark_ready();

}  // namespace ssi::platform::browser
