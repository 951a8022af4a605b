#pragma once
// What the app needs from the environment it runs in. The web platform layer (src/platform/web)
// implements it with browser APIs; tests implement it in memory. The app never talks to the browser itself.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ssi.h"

namespace ssi::app {

// How the QR scanner's camera fares (Host::scanner()): asked for, showing its picture, refused by the person or
// the browser, absent, no QR reader (neither the browser's nor our decoder could be loaded; then the camera is not
// even asked for), or another failure.
enum class CameraStatus : std::uint8_t { Starting, Running, Denied, NoCamera, NoReader, Failed };

// The scanner's tones (Host::scan_tone()): Armed when the trainer turns sound on (no tone), then one per code read.
enum class ScanTone : std::uint8_t { Armed, Added, Repeat, Refused };

// The two files of a language's shipped texts (Host::text_file()).
enum class TextPart : std::uint8_t { Common, Rare };

class Host {
 public:
  virtual ~Host() = default;

  // Environment, read once at start and again when the platform reports a change.
  virtual std::string preferred_language() const = 0;  // BCP 47 tag such as "de-DE" (navigator.language)
  virtual bool prefers_dark() const = 0;               // prefers-color-scheme: dark
  virtual bool prefers_reduced_motion() const = 0;     // prefers-reduced-motion: reduce
  // The browser's text size relative to its default (root font size / 16 px): 1.25 when set to 20 px.
  virtual float text_scale() const = 0;

  // The shipped texts of one language as cmake/split_texts.py wrote them, or "" when they cannot be had (offline
  // before the service worker holds them): the common ones (texts.LANG.txt) or the rare ones (rare.LANG.txt, what a
  // first visit does not show). The page fetches the browser's language's common texts beside the wasm and the rest
  // after the first frame; asked for before that has arrived, a file is fetched at once.
  virtual std::string text_file(Lang lang, TextPart part) = 0;
  // A font file the page does not embed ("fonts/inter-regular-wide.ttf": glyphs.h's kWideRanges), fetched like the
  // other language's texts; "" when it cannot be had.
  virtual std::string font_file(std::string_view name) = 0;
  // Whether the code of the screens past the welcome screen is in (the web page loads it after the first frame, or
  // before main() for a returning person: src/platform/web/deferred.txt). False only while it is on its way: the app
  // then shows a short note on such a screen and draws it when the platform asks for the next frame.
  virtual bool code_ready() const = 0;
  // The box the page shows if the app stops (the app can no longer be asked then): its message and button.
  virtual void set_crash_texts(const Text& message, const Text& reload) = 0;

  // Milliseconds on a monotonic clock; drives animations.
  virtual double now_ms() const = 0;
  // Wall-clock time, milliseconds since 1970-01-01 UTC: dates of self-checks and exports.
  virtual double epoch_ms() const = 0;
  // Random bits for ids of saved entries (crypto.getRandomValues on the web).
  virtual std::uint64_t random64() = 0;
  // Ask for a frame after `ms` even if nothing else happens (a debounced save is due then).
  virtual void wake_after(double ms) = 0;

  // Clipboard (write only: reading needs a user gesture and arrives as a paste event instead).
  virtual void set_clipboard(std::string_view text) = 0;

  // Key-value storage on this device (localStorage on the web). set() returns false when the
  // storage is unavailable or full, so the app can tell the person instead of losing data silently.
  virtual std::optional<std::string> storage_get(std::string_view key) const = 0;
  virtual bool storage_set(std::string_view key, std::string_view value) = 0;
  virtual void storage_remove(std::string_view key) = 0;
  // Every key in this origin's storage (the app only touches keys starting with "ssi-selfcheck.").
  virtual std::vector<std::string> storage_keys() const = 0;
  // Whether storage_set(key, value) would find room now, asked before anything changes (the quota is the
  // browser's, shared with other keys of the origin; on the web it is probed with a throw-away key).
  virtual bool storage_has_room(std::string_view key, std::string_view value) = 0;

  // Files: offer bytes as a download, and open the file picker (several files at once when `multiple`);
  // the chosen files arrive through App::open_files().
  virtual void download(std::string_view filename, std::string_view mime, std::string_view bytes) = 0;
  virtual void pick_file(bool multiple = false) = 0;
  // The picture on screen as a PNG download.
  virtual void save_image(std::string_view filename) = 0;
  // Opens the browser's print dialog for a plain-text report: a JSON array of [tag, text] pairs, tag one of
  // "h1", "h2", "p", "li" (rendered as text into a print-only part of the page, never as HTML).
  virtual void print(std::string_view report_json) = 0;
  // A new version of the app is installed and waiting: let it take over and reload (data is written first).
  virtual void apply_update() = 0;
  // The browser offered installation (beforeinstallprompt): show its install dialog.
  virtual void install() = 0;
  // Opens a file of the site (a path relative to the page, e.g. "licences.txt") in a new browser tab.
  virtual void open_document(std::string_view path) = 0;

  // Accessibility: says `text` through the page's live region (assertive only for errors), and names the
  // page (document.title) and its language (<html lang>) after the screen or language changed.
  virtual void announce(std::string_view text, bool assertive) = 0;
  virtual void set_page(std::string_view title, std::string_view lang) = 0;

  // The group view's QR scanner. Called every frame while it is open: the first call asks the browser for the
  // front or back camera (the permission prompt comes only then); its picture is shown over `view` cut to
  // `clip` (CSS pixels; an empty clip hides it), and a few frames a second are read for QR codes. Each code read
  // arrives through App::scanned(), how the camera fares through App::camera_status(). open=false turns the
  // camera off. No frame is kept.
  struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
  };
  virtual void scanner(bool open, bool front, Rect view, Rect clip) = 0;
  // A short tone that confirms a code read, a distinct one per outcome, only when the trainer turned sound on.
  // Armed comes in the tap that turns sound on: browsers let a page start audio only after a person's gesture.
  virtual void scan_tone(ScanTone tone) = 0;
};

}  // namespace ssi::app
