#pragma once
// App's private state: the Session (state and the work on it, no ImGui) and what the views keep between
// frames. app.cpp holds the frame, the header and the keys; each screen family is a view in its own file.
#include <string>

#include "app/announce.h"
#include "app/app.h"
#include "app/qr_code.h"
#include "app/session.h"
#include "app/state.h"
#include "app/theme.h"

// Keeps a screen out of its caller when the optimiser would inline it (see "Views" below).
#define SSI_SCREEN [[gnu::noinline]]

namespace ssi::app {

struct App::Impl {
  Host& host;
  Session session;
  PresenterState presenter_state;

  // The environment (not the person's).
  bool update_waiting = false;      // a new version is installed; offer the reload
  bool can_install = false;         // the browser offers installation
  float device_scale = 1.0f;        // devicePixelRatio of the last load_fonts()
  bool wide_fonts_asked = false;    // Host::font_file() for glyphs::kWideRanges: asked for at most once
  float browser_text_scale = 1.0f;  // the browser's text size setting (root font size / 16 px)
  // Workshop screens: "next participant" asks first, then the welcome screen says it is done.
  bool confirm_next = false;
  bool next_done = false;

  // Frame bookkeeping.
  bool scroll_to_top = false;            // after a screen or question change
  bool focus_request = false;            // keyboard users land on the first control of a new screen or question
  bool menu_open = false;                // the header's navigation menu is shown
  bool menu_focus = false;               // it was just opened: its first entry takes the keyboard focus
  Announcer announcer;                   // page title, language and what a screen reader is told
  std::uint64_t drawn_revision = ~0ull;  // model revision the last frame showed
  Screen drawn_screen = Screen::Welcome;
  std::string drawn_question;
  bool state_changed_in_frame = false;
  bool relayout = false;     // a view measured a size that changes its layout: draw once more
  float pending_scroll = 0;  // touch drag to apply on the next frame
  std::string qr_text;       // the hand-over code last drawn as a QR code, and its modules
  QrModules qr;
  bool scanner_drawn = false;  // the group view drew the QR scanner in this frame
  bool camera_on = false;      // ... and in the frame before: the platform's camera is on
  // The history's rows (ImGuiListClipper): one card height per width and text size, and the rows last on screen.
  struct HistoryRows {
    float width = 0, em = 0, card_h = 0;
    int first_shown = -1, last_shown = -1;
  } history_rows;
  static constexpr int kRowsBeyond = 3;
  // The history chart's downsampled line and dots, relative to the plot's corner: made again only when the history
  // index was rebuilt (Session::history_index_builds()) or the series, the plot's size or the text size changed.
  struct ChartShapes {
    struct Key {
      int index_builds = -1, series = 0;
      float width = 0, height = 0, em = 0;
      bool operator==(const Key&) const = default;
    } key;
    std::vector<ImVec2> line, real_dots, check_dots;
  } chart_shapes;

  explicit Impl(Host& h) : host(h), session(h) {}
  Model& model() { return session.model(); }
  PersonState& person() { return session.person; }

  // app.cpp
  void frame();
  void header();
  void menu_row(float x, float width);  // the navigation to every screen, under the header while the menu is open
  void handle_keys();
  void what_if_bar();
  float what_if_bar_height() const;

  // Views, one file per screen family. Each screen stays a function of its own in the wasm (SSI_SCREEN here against
  // LLVM's inliner, src/platform/CMakeLists.txt against wasm-opt's): V8 compiles a function when it is first called,
  // so the first frame compiles only the screen it shows, not all of them inlined into the frame callback (110 KB).
  SSI_SCREEN void welcome();  // welcome.cpp
  SSI_SCREEN void about();
  void more_links();
  SSI_SCREEN void questionnaire();  // questionnaire.cpp
  SSI_SCREEN void results();        // results.cpp
  // In place of a screen whose code has not arrived yet (Host::code_ready(); the web page loads the questionnaire's and
  // the results' code after the first frame): a short note, drawn until the platform asks for the next frame.
  void code_pending();                // welcome.cpp
  bool waiting_for_code = false;      // this frame drew code_pending(): the screen counts as not yet shown
  bool keyboard_before_wait = false;  // the ring showed when the wait began: the screen's first control takes focus
  // Whether a new screen's first control takes the focus: the ring shows, or showed before a wait for the code.
  bool keyboard_in_use();  // app.cpp
  void advice_list();
  void sales_navigator_info();
  void plan_list();
  void edit_component(Component component);
  void comparison();
  void notices();  // data.cpp
  SSI_SCREEN void data();
  SSI_SCREEN void real_form();  // real.cpp
  SSI_SCREEN void history();    // history.cpp
  void trend_chart();
  void chart_table(ImVec2 min, ImVec2 max);  // the chart as a table, for assistive technology
  SSI_SCREEN void workshop();                // workshop.cpp
  void next_participant();
  void questionnaire_label();    // "Questionnaire: title (version)": which questionnaire is active
  SSI_SCREEN void handover();    // handover.cpp
  void handover_qr();            // the hand-over code as a QR code, and as text
  SSI_SCREEN void group_view();  // group_view.cpp
  void group_part(const workshop::GroupPart& part, bool main);
  void group_sessions();  // compare_view.cpp: the named sessions, and two of them compared
  void group_compare();
  void open_scanner();  // scan_view.cpp: the QR scanner, drawn in the group view while open
  void group_scanner();
  void scanner_frame_end();
  // One measure (0 mean, 1 median, 2 spread) of a comparison as a table: total and components, before, after, change.
  void compare_table(std::string_view id, int measure, const workshop::Comparison& c, const std::string& before,
                     const std::string& after, Font font);
  void compare_moves(const workshop::Comparison& c);
  static constexpr int kComparisonSlide =
      6;                        // the presenter's slide after the six fixed ones, while a comparison exists
  SSI_SCREEN void presenter();  // presenter.cpp: draws the whole window (no header): slides for a projector
  void presenter_keys();
  int slide_count() const;
  void update_presenter_theme();
};

}  // namespace ssi::app
