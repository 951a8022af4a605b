#pragma once
// App's private state, shared by app.cpp (frame, header, test hook) and screens.cpp (one function per screen).
#include <optional>
#include <set>
#include <string>

#include "app/app.h"
#include "app/dashboard.h"
#include "app/model.h"
#include "app/persistence.h"
#include "core/workshop.h"

namespace ssi::app {

// A file the person chose or dropped. `text` is missing when the page did not read it (`skipped`: "size" or
// "count", see ssi_js_install_file_reader).
struct PickedFile {
  std::string name;
  std::optional<std::string> text;
  std::string skipped;
};

struct App::Impl {
  Host& host;
  std::optional<Model> model;
  Dashboard dashboard;

  // View state that is not the person's data (not saved, not part of the model).
  std::string help_open;            // id of the question whose "why this matters" is open
  int editing = -1;                 // results screen: component whose answers are open
  double copied_at = -1e9;          // when "copied" feedback started
  bool scroll_to_top = false;       // after a screen or question change
  bool focus_request = false;
  // The person's data on this device, and what the screens show about it.
  std::optional<Persistence> persistence;
  Persistence::Loaded loaded = Persistence::Loaded::Fresh;
  bool notice_dismissed = false;
  bool update_waiting = false;            // a new version is installed; offer the reload
  bool can_install = false;               // the browser offers installation
  std::uint64_t synced_revision = ~0ull;  // model revision last copied into the document
  std::optional<Lang> chosen_lang;        // set when the person picked a language (then it is remembered)
  std::optional<store::ImportPreview> pending_import;
  std::string import_message;             // result of the last import, shown on the data screen
  bool confirm_delete = false;
  bool deleted = false;
  double saved_at = -1e9;                 // "saved to history" feedback
  // Real SSI form
  std::string real_values[kComponentCount], real_date, real_industry, real_network;
  std::string real_message;
  bool real_tried = false;                // show field errors only after the first save attempt
  // History: the last deleted entry, for undo
  std::optional<store::SelfCheck> undo_check;
  std::optional<store::RealEntry> undo_real;
  std::size_t undo_index = 0;
  int chart_series = 0;                   // 0 = total, 1..4 = a component       // keyboard users land on the first option of a new question

  // Workshop mode (screens_workshop.cpp). Nothing here is stored, except the trainer's own questionnaire.
  int slide = 0;                          // presenter: slide on screen
  float slide_height = 0;                 // presenter: height of the slide's content in the last frame
  bool slide_relayout = false;            // presenter: the height changed, draw once more to centre it
  int drawn_slide = -1;                   // presenter: slide of the last frame (a new one starts at its top)
  float font_scale_wanted = 1.0f;         // presenter mode enlarges the type; the runner rebuilds the fonts
  float device_scale = 1.0f;              // devicePixelRatio of the last load_fonts()
  bool presenter_applied = false;         // the palette currently applied is the presenter one
  std::string nickname;                   // "for my trainer": optional, typed by the participant
  double handed_over_at = -1e9;           // "downloaded" feedback
  workshop::Group group;                  // the group view (in memory until the trainer saves it)
  std::set<std::size_t> group_seen;       // hashes of the files in the group: identical ones are counted, and said
  int group_identical = 0;
  bool confirm_next = false;              // "Next participant" asks first
  bool next_done = false;
  Questionnaire standard;                 // the embedded questionnaire, to go back to
  bool custom_questionnaire = false;      // the active questionnaire is a trainer's file
  std::vector<std::string> questionnaire_errors;  // the last questionnaire file's problems, described
  std::string questionnaire_message;      // result of the last questionnaire load
  std::optional<Questionnaire> pending_questionnaire;  // loaded, waiting for "discard current answers?"
  std::string pending_questionnaire_text;

  std::uint64_t drawn_revision = ~0ull;  // model revision the last frame showed
  Screen drawn_screen = Screen::Welcome;
  std::string drawn_question;
  bool state_changed_in_frame = false;
  float pending_scroll = 0;  // touch drag to apply on the next frame

  explicit Impl(Host& h) : host(h) {}

  void frame();
  void header();
  void handle_keys();
  void what_if_bar();
  float what_if_bar_height() const;

  // Screens (screens.cpp)
  void welcome();
  void questionnaire();
  void results();
  void about();
  void data();
  void real_form();
  void history();
  void trend_chart();
  void notices();
  void comparison();
  void save_check();
  void sync_document();
  void restore_saved();
  void more_links();
  std::string new_id();
  void advice_list();
  void plan_list();
  void edit_component(Component component);

  // Workshop mode (screens_workshop.cpp)
  void workshop();
  void presenter();  // draws the whole window (no header): slides for a projector
  void handover();
  void group_view();
  void group_part(const workshop::GroupPart& part, bool main);
  void next_participant();
  void forget_person(Screen show);  // the person's data off the device (screens_data.cpp)
  void presenter_keys();
  void update_presenter_theme();
  void questionnaire_label();  // "Questionnaire: title (version)": which questionnaire is active
  void restore_questionnaire();  // at start: the trainer's questionnaire stored on this device, if any
  // Reads a questionnaire file; with answers in progress it waits for confirmation unless `confirmed`.
  void open_questionnaire(std::string_view text, bool confirmed);
  void activate_questionnaire(Questionnaire questionnaire, std::string text);
  void use_standard_questionnaire();
  void add_group_files(const std::vector<PickedFile>& files);
  void clear_group();
  std::string group_json() const;
  std::string handover_text_now() const;
};

}  // namespace ssi::app
