#pragma once
// SSI Self-Check's user interface, as callbacks a runner drives (hello_imgui's model): the web runner in
// src/platform/web calls these between ImGui::NewFrame() and rendering; tests call them headless.
//
//   App app(host);                    // host: storage, clipboard, preferences
//   app.init(&error);                 // loads and validates the shipped content
//   app.load_fonts(device_scale);     // (re)builds ImGui's font atlas, crisp at this devicePixelRatio
//                                     // (again whenever app.font_scale() changes)
//   each frame: run_frame(app);      // ImGui::NewFrame(); app.frame(); ImGui::Render();
//               while (app.draw_again()) {                                   // that frame is not shown
//                 if (app.fonts_missing()) load_fonts(...);
//                 run_frame(app);
//               }
//   app.animating()                   // true while something moves: the runner keeps drawing
#include <imgui.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/host.h"
#include "core/ssi.h"

namespace ssi::app {

class Model;
class Session;
struct PickedFile;

class App {
 public:
  explicit App(Host& host);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // Loads the questionnaire and the UI strings and restores what the person had. Returns false with a
  // human message when the shipped content is broken (a build error, never the person's data) or its texts could
  // not be had at all (Session::start()).
  bool init(std::string* error);

  // Adds the fonts to ImGui's atlas, rasterised at `device_scale` (devicePixelRatio) and drawn at
  // 1/device_scale, so text is crisp on HiDPI screens while layout stays in CSS pixels.
  void load_fonts(float device_scale);

  // Builds one frame of UI. Call between ImGui::NewFrame() and ImGui::Render().
  void frame();

  // True while an animation runs or state changed during the last frame (the next frame differs).
  bool animating() const;

  // The colour behind everything (the theme's background).
  ImVec4 background() const;

  // Preferences changed (colour scheme, reduced motion).
  void environment_changed();

  // The page is being hidden or closed: write pending data now.
  void flush();
  // A save may be due (the host's wake-up timer): copies the model into the document and writes it when
  // due. Works without a frame, so a hidden tab (no animation frames) still saves.
  void tick();
  // Another tab changed the stored data.
  void storage_changed_elsewhere();
  // A file's text to import (file picker or drop: shows a preview to confirm; preview=false imports at once).
  // Returns {"ok": bool, "error": message in the person's language} as JSON text.
  std::string import_text(std::string_view text, bool preview);
  // A new version is installed and waits: the app offers a reload.
  void update_ready();
  // The browser can install the app: the app offers an install button.
  void install_available(bool available);
  // What "export everything" downloads.
  std::string export_text() const;
  // Files the person chose or dropped, as bytes (app/state.h). What they are depends on the screen:
  // hand-overs for the group view, a questionnaire on the workshop screen, else a data import. The JSON form
  // takes an array of {"name", "text"} (tests).
  void open_files(const std::vector<PickedFile>& files);
  void open_files(std::string_view files_json);

  // Workshop mode. The current person's "for my trainer" file, and hand-over files added to the group view
  // like a drop; returns the aggregate shown (README "Test hook" gives its fields) as JSON text.
  std::string handover_text() const;
  std::string handover_code() const;  // what the hand-over screen's QR code carries
  std::string group_import(std::string_view files_json);
  // The group view's QR scanner (Host::scanner()): a code read from the camera, and how the camera fares.
  void scanned(std::string_view code);
  void camera_status(CameraStatus status);

  // The type scale the fonts must be built for: 1, or larger in presenter mode. When it differs from the
  // scale of the last load_fonts(), the runner rebuilds the atlas (load_fonts) before the next frame.
  float font_scale() const;
  // The last frame drew a text size the atlas lacks with a stand-in size (the atlas holds only the sizes shown so
  // far: theme.h): the runner rebuilds the atlas (load_fonts) and draws the frame again before showing it.
  bool fonts_missing() const;
  // The last frame must not be shown: it drew a stand-in size (fonts_missing()) or a rare text before its file was
  // joined in (the next frame joins it: Session::complete_texts()). The runner draws it again.
  bool draw_again() const;

  // Touch drag-scrolling: the platform turns a vertical finger drag into this, in CSS pixels.
  void scroll_by(float dy);

  // Accessibility (the platform's DOM mirror): the last frame's semantics tree as JSON text and a revision that
  // changes only when the tree does; the widget with keyboard focus ("" for none); and what assistive technology
  // asks: focus a widget (ImGui's keyboard focus follows), activate it (what Enter on it does).
  const std::string& semantics_json() const;
  std::uint64_t semantics_revision() const;
  double semantics_ms() const;  // what writing the tree took in the last frame (the bench's mirror cost)
  std::string focused_widget() const;
  void focus_widget(std::string_view id);
  void activate_widget(std::string_view id);

  // Test hook views (JSON text) and actions; see README "Test hook".
  std::string state_json() const;
  std::string widgets_json() const;
  std::string gauges_json() const;
  std::string questions_json() const;
  bool answer(std::string_view question_id, int option_index);
  bool show(std::string_view screen);

  Model& model();
  Session& session();  // the state and the work on it, without ImGui (session.h)

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// One frame: ImGui::NewFrame(), the app's UI, ImGui::Render(). The web runner and the test harness both call it.
void run_frame(App& app);

}  // namespace ssi::app
