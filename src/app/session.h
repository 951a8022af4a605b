#pragma once
// The app's work between the model and the device, with no ImGui: keeping the person's document in sync with
// the model, restoring it at start, imports, files chosen or dropped, switching questionnaires (and storing a
// trainer's own), the group view, and removing a person's data. Screens (the views) call these; tests drive
// them headless (tests/app/session_test.cpp).
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/host.h"
#include "app/model.h"
#include "app/persistence.h"
#include "app/state.h"

namespace ssi::app {

// What History shows of the person's document, derived from it once per change (Persistence::revision()) instead
// of every frame: at 1,500 entries, sorting, copying and parsing dates per frame made a frame a quarter slower.
struct HistoryIndex {
  struct Row {
    bool real;
    std::size_t index;  // into the document's checks or real
  };
  std::vector<Row> rows;  // the list: newest first, self-checks and real values interleaved by date
  // The chart: every entry with a calendar date (self-checks, then real values, in the document's order), and the
  // points of the first and the last day.
  struct Point {
    long long day;
    bool real;
    int total;
    std::array<int, kComponentCount> centi;
    std::string date;  // as the axis labels it (YYYY-MM-DD)
  };
  std::vector<Point> points;
  std::size_t first = 0, last = 0;
  // The chart's table: every entry oldest first (by date), or consecutive entries grouped into kTableRows rows
  // beyond that many, each with its sums (the view divides them into means).
  static constexpr std::size_t kTableRows = 24;
  struct TableRow {
    std::string id;           // the entry's id when not grouped
    std::string first, last;  // dates of its first and last entry
    bool real = false;        // (not grouped) a real value, else a self-check
    int count = 0, total_sum = 0;
    std::array<int, kComponentCount> centi_sum{};
  };
  std::vector<TableRow> table;
  bool grouped = false;
  std::size_t per_row = 1;              // entries per row when grouped (the largest group)
  std::optional<int> change_last_week;  // store::change_since_last_week
};

class Session {
 public:
  explicit Session(Host& host) : host_(host) {}
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Joins the shipped questionnaire and texts from the embedded skeleton and the browser language's text file
  // (Host::text_file(); the other language stands in until use_language() asks for its own), then restores a
  // trainer's stored questionnaire and the person's saved document (answers, screen, language). False with
  // `error` set when the content is broken: a build defect, said plainly in both languages.
  bool start(std::string* error);

  Host& host() { return host_; }
  Model& model() { return *model_; }
  const Model& model() const { return *model_; }
  Persistence& persistence() { return *persistence_; }
  const Persistence& persistence() const { return *persistence_; }
  store::Document& document() { return persistence_->document(); }
  const store::Document& document() const { return persistence_->document(); }

  PersonState person;
  GroupView group;
  QuestionnaireChoice questionnaires;

  // --- The document ----------------------------------------------------------------------------
  // Copies the model (answers, screen, question, language) into the document when it changed.
  void sync_document();
  // The person's own estimation error: each real SSI paired with the latest self-check on or before its day.
  // Derived once per change of the document (it was O(self-checks × real values) in every frame).
  const Calibration& calibration();
  // History's rows, chart points and table, derived once per change of the document; builds counts the derivations.
  const HistoryIndex& history_index();
  int history_index_builds() const { return history_builds_; }
  // Another tab changed the stored data: follow its answers and language.
  void storage_changed_elsewhere();
  // Writes the document when a write is due (every frame) or now (page hidden, reload); when the write merged
  // another tab's changes, the model follows them as after storage_changed_elsewhere().
  void save_due();
  void save_now();
  void set_language(Lang lang);  // the person's explicit choice: remembered on this device
  // Shows `lang`, asking the host for its texts the first time; false, with the person told in the language on
  // screen, when they cannot be had (offline before the service worker holds them): the language stays.
  bool use_language(Lang lang);
  // The rare texts (src/app/rare_texts.txt: what a first visit does not show) read ssi::kRareStandIn until
  // complete_texts() asks the host for the language's file, once (use_language() then brings each language's own);
  // when it cannot be had the person is told and the stand-ins stay. What can say something on any screen (an import,
  // dropped files, the scanner, a trainer's questionnaire, the real form) calls it first.
  bool texts_complete() const { return !rare_missing_; }
  bool rare_texts_asked() const { return rare_asked_; }
  bool rare_texts_failed() const { return rare_missing_ && rare_asked_; }  // asked for, not to be had: a notice says so
  void complete_texts();
  void retry_rare_texts() { rare_asked_ = false; }  // a new screen: asked for again when needed
  // The in-app text size in percent (kept with the person's settings), clamped to 100..200.
  static constexpr int kTextSizeMin = 100, kTextSizeMax = 200, kTextSizeStep = 25;
  void set_text_size(int percent);
  void save_check();  // the current result into the history (the same answers twice are one)
  std::string new_id();
  std::string export_text() const;

  // --- Import ------------------------------------------------------------------------------------
  // A data file: previewed on the data screen (preview) or merged at once. Returns {"ok", "error"} as JSON.
  std::string import_text(std::string_view text, bool preview);
  void confirm_import();
  void cancel_import() { person.pending_import.reset(); }

  // --- Files chosen or dropped ------------------------------------------------------------------
  // Routes files by what they are and the screen: hand-overs and group sessions (or several files) to the
  // group view, a questionnaire on the workshop screen, else a data import. Texts are the files' bytes: the
  // readers check their encoding.
  void open_files(const std::vector<PickedFile>& files);
  void open_files(std::string_view files_json);
  // Adds hand-over files to the group view and shows it; returns the aggregate (README "Test hook").
  std::string group_import(std::string_view files_json);
  void add_group_files(const std::vector<PickedFile>& files);
  // A code the scanner read at `now_ms`, taken like a typed one into the open session: added once (a code
  // already in the session is a repeat, said and not added), refused with its reason, or ignored while the same
  // code stays in view. group.scanner says what happened.
  void add_scanned(std::string_view code, double now_ms);
  void clear_group() { group = {}; }
  std::string group_json() const;
  // Named sessions: a new one (named as typed, or "Session N") becomes the one files go to, and is compared
  // with the one open before it.
  void new_group_session(std::string_view name);
  void open_group_session(std::size_t index);
  std::string group_session_name(std::size_t index) const;
  // The two sessions chosen for before and after; none while there is only one session. Compared once per change
  // of the choice or of either session (not in every frame: at 200 participants a frame took three times as long).
  const std::optional<workshop::Comparison>& comparison() const;
  int comparison_builds() const { return comparison_builds_; }
  std::string comparison_csv() const;

  // --- Questionnaires ------------------------------------------------------------------------------
  // Reads a questionnaire file; with answers in progress it waits for confirmation unless `confirmed`.
  void open_questionnaire(std::string_view text, bool confirmed);
  void confirm_questionnaire();
  void use_standard_questionnaire();

  // --- The person --------------------------------------------------------------------------------------
  // The real SSI form: saves when every field is valid (else marks the form tried, to show the errors).
  void save_real();
  void delete_entry(bool real, std::size_t index);  // from the history, kept for undo
  void undo_delete();
  // What "for my trainer" downloads (empty while the download is disabled).
  std::string handover_text() const;
  std::string handover_file_text() const;  // the file for the current result, nickname as typed
  // The hand-over code the QR code carries (core/handover_code.h), dated today; empty like handover_text().
  std::string handover_code_text() const;
  // Removes the person's data from storage and memory (a trainer's questionnaire is not the person's and
  // stays): "delete all my data", shown on `show`.
  void forget_person(Screen show);
  // The next person at a shared device: forget_person, the browser's language, and the group view cleared
  // (it holds other people's results).
  void next_participant();

 private:
  void restore_questionnaire();
  void restore_saved();
  void follow_document();  // the model takes the document's answers and language (another tab's changes)
  void say_imported(const store::ImportPreview& added);  // what an import added, politely
  void activate_questionnaire(Questionnaire questionnaire, std::string text);
  // Joins the shipped content from the texts held so far; replaces the model's texts when it already has some.
  bool join_shipped(std::string* error, Lang lang);  // lang: the new model's, when there is none yet
  bool fetch_texts(Lang lang, TextPart part);        // asks the host for a language's texts once, and joins them in

  Host& host_;
  std::array<std::string, 2> texts_;  // the shipped text files by Lang, as far as the host gave them
  std::array<std::string, 2> rare_;   // the rare ones, as far as the host gave them
  bool rare_missing_ = true, rare_asked_ = false;
  std::string standard_json_;  // the shipped questionnaire as joined: a trainer's copy of ours is compared
  std::optional<Model> model_;
  std::optional<Persistence> persistence_;
  std::uint64_t synced_revision_ = ~0ull;  // model revision last copied into the document
  // Derived from the document at these revisions of it (Persistence::revision(), never ~0).
  std::uint64_t calibration_revision_ = ~0ull, history_revision_ = ~0ull;
  Calibration calibration_;
  HistoryIndex history_;
  int history_builds_ = 0;
  std::uint64_t group_revisions_ = 0;  // the last GroupSession::revision given
  struct ComparisonKey {
    std::size_t before = 0, after = 0;
    std::uint64_t before_revision = 0, after_revision = 0;
    bool operator==(const ComparisonKey&) const = default;
  };
  mutable std::optional<ComparisonKey> comparison_key_;
  mutable std::optional<workshop::Comparison> comparison_;
  mutable int comparison_builds_ = 0;
};

// The files of an open_files() call: [{"name", "text"} or {"name", "text": null, "skipped": "size" | "count"}, …];
// anything malformed is left out.
std::vector<PickedFile> parse_files(std::string_view files_json);

// "ssi-selfcheck-2026-11-25.json": the name of a download made now.
std::string file_name(double epoch_ms, std::string_view extension);

}  // namespace ssi::app
