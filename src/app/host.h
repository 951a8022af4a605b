#pragma once
// What the app needs from the environment it runs in. The web platform layer (src/platform/web)
// implements it with browser APIs; tests implement it in memory. The app never talks to the browser itself.
#include <optional>
#include <string>
#include <string_view>

namespace ssi::app {

class Host {
 public:
  virtual ~Host() = default;

  // Environment, read once at start and again when the platform reports a change.
  virtual std::string preferred_language() const = 0;  // BCP 47 tag such as "de-DE" (navigator.language)
  virtual bool prefers_dark() const = 0;                // prefers-color-scheme: dark
  virtual bool prefers_reduced_motion() const = 0;      // prefers-reduced-motion: reduce

  // Milliseconds on a monotonic clock; drives animations.
  virtual double now_ms() const = 0;

  // Clipboard (write only: reading needs a user gesture and arrives as a paste event instead).
  virtual void set_clipboard(std::string_view text) = 0;

  // Key-value storage on this device (localStorage on the web). set() returns false when the
  // storage is unavailable or full, so the app can tell the person instead of losing data silently.
  virtual std::optional<std::string> storage_get(std::string_view key) const = 0;
  virtual bool storage_set(std::string_view key, std::string_view value) = 0;
  virtual void storage_remove(std::string_view key) = 0;
};

}  // namespace ssi::app
