#pragma once
// The app's state by feature (no ImGui). What belongs to the person using the device is all in PersonState,
// so "next participant" and "delete all my data" are `person = {}` plus the storage removal: a field added
// here is reset with the rest.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/dashboard.h"
#include "app/host.h"
#include "app/persistence.h"
#include "core/store.h"
#include "core/workshop.h"

namespace ssi::app {

// The person's choices that are stored with their data.
struct Settings {
  std::optional<Lang> language;  // set when the person picked a language (then it is remembered)
  int text_size_percent = 100;   // the in-app text size, 100..200 %, on top of the browser's
};

// "Enter your real SSI": the fields as typed.
struct RealForm {
  std::array<std::string, kComponentCount> values;
  std::string date, industry, network;
  std::string message;  // "saved"
  bool tried = false;   // show field errors only after the first save attempt
};

// "For my trainer".
struct HandoverForm {
  std::string nickname;          // optional, typed by the participant
  double handed_over_at = -1e9;  // "downloaded" feedback
};

// Everything about the person at the device (their data is in Persistence; this is what screens hold of it).
struct PersonState {
  Settings settings;
  RealForm real;
  HandoverForm handover;
  Dashboard gauges;         // the gauges' animation starts from this person's last scores
  std::string help_open;    // id of the question whose "why this matters" is open
  int editing = -1;         // results screen: component whose answers are open
  int chart_series = 0;     // history chart: 0 = total, 1..4 = a component
  double copied_at = -1e9;  // "copied" feedback
  double saved_at = -1e9;   // "saved to history" feedback
  Persistence::Loaded loaded = Persistence::Loaded::Fresh;  // what the start found in storage
  bool notice_dismissed = false;
  std::optional<store::ImportPreview> pending_import;
  std::string import_message;  // result of the last import, shown on the data screen
  bool confirm_delete = false;
  bool deleted = false;  // "your data was deleted"
  // History: the last deleted entry, for undo.
  std::optional<store::SelfCheck> undo_check;
  std::optional<store::RealEntry> undo_real;
  std::size_t undo_index = 0;
};

// One named session of the group view (e.g. "Before" and "After" a training).
struct GroupSession {
  std::string name;  // as typed; "" shows as "Session N"
  workshop::Group group;
  std::set<std::size_t> seen;  // hashes of the files in the group: identical ones are counted, and said
  int identical = 0;
  std::uint64_t revision = 0;  // moves with every file added (0: none ever was); the comparison is cached by it
};

// The group view's QR scanner (scan_view.cpp): the camera is on only while it is open; no frame is kept.
struct Scanner {
  bool open = false;
  bool front = false;  // the front camera, else the back one
  bool sound = false;  // a tone per code read (Host::scan_tone), off until the trainer turns it on
  CameraStatus camera = CameraStatus::Starting;
  int added = 0, repeats = 0, refused = 0;  // codes read since it opened
  enum class Last : std::uint8_t { None, Added, Repeat, Refused } last = Last::None;
  std::string last_detail;                   // the participant's name (added, repeat) or the reason (refused)
  std::string held;                          // the code in view: one camera read per showing, not per frame
  double held_ms = 0;                        // when it was last read
  std::map<std::size_t, std::string> known;  // hash of each code read → the name it was added under, or the
                                             // reason it was refused (read again, it is said again)
  std::set<std::size_t> refused_codes;       // hashes of the codes refused
};

// The trainer's group view: named sessions, in memory until the trainer saves one (as a group file).
struct GroupView {
  std::vector<GroupSession> sessions = std::vector<GroupSession>(1);  // files go to sessions[current]
  std::size_t current = 0;
  std::string new_name;                               // the name of a new session, as typed
  std::string typed_code;                             // a hand-over code typed off a participant's screen
  std::size_t compare_before = 0, compare_after = 1;  // the sessions compared (when there are two or more)
  Scanner scanner;
  GroupSession& now() { return sessions[current]; }
  const GroupSession& now() const { return sessions[current]; }
};

// Which questionnaire is in use: ours or a trainer's own file (stored on the device, not the person's).
struct QuestionnaireChoice {
  Questionnaire standard;                // the shipped questionnaire, to go back to
  bool custom = false;                   // the active questionnaire is a trainer's file
  std::vector<std::string> errors;       // the last questionnaire file's problems, described
  std::string message;                   // result of the last questionnaire load
  std::optional<Questionnaire> pending;  // loaded, waiting for "discard current answers?"
  std::string pending_text;
};

// Presenter slides.
struct PresenterState {
  int slide = 0;               // slide on screen
  float slide_height = 0;      // height of the slide's content in the last frame
  bool relayout = false;       // the height changed: draw once more to centre it
  int drawn_slide = -1;        // slide of the last frame (a new one starts at its top)
  float font_scale = 1.0f;     // presenter mode enlarges the type; the runner rebuilds the fonts
  bool theme_applied = false;  // the palette currently applied is the presenter one
};

// A file the person chose or dropped. `text` is missing when the page did not read it (`skipped`: "size" or
// "count", see ssi_js_install_file_reader).
struct PickedFile {
  std::string name;
  std::optional<std::string> text;
  std::string skipped;
  bool code = false;  // from the camera or the typing field (workshop::GroupFile::code)
};

}  // namespace ssi::app
