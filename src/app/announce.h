#pragma once
// What a screen reader is told without asking, and the page's identity: the title names the screen, <html lang>
// follows the app's language, and a polite announcement says a new screen or question and a new result. Each is
// said when it changes, never every frame.
#include <optional>
#include <string>

#include "app/host.h"
#include "app/model.h"

namespace ssi::app {

// The UI-string key naming a screen ("ui.page.results", ...).
const char* page_name_key(Screen screen);

class Announcer {
 public:
  // After a frame: tells the host what changed since the last call.
  void frame(Host& host, const Model& model);
  // Says `text` now (a save, an import, an error: assertive only for errors).
  static void say(Host& host, const std::string& text, bool error = false) { host.announce(text, error); }

 private:
  std::optional<Screen> screen_;
  std::optional<Lang> lang_;
  std::string question_;
  int total_ = -1;
};

}  // namespace ssi::app
