#pragma once
// Keeps the person's document (core/store.h) in the device's storage through the Host.
//
// Why localStorage and not IndexedDB: the document is small (a few KB to a few hundred KB even after years
// of weekly checks), it is read once at start before the first frame, and localStorage is synchronous, so
// the app can start with the person's data in place and write it again on `pagehide` — IndexedDB's writes
// are asynchronous and may not finish while a page is being closed. The storage event also gives other tabs
// the change for free.
//
// Writes are debounced: at most one every 500 ms, plus a flush when the page is hidden. Unreadable data (or a
// document read with entries left out) is never overwritten: it is copied byte-exact under a backup key before
// anything is written; when there is no room for the copy, it stays under the main key and nothing is written
// over it (every write fails, and says so) until the person deletes it.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/host.h"
#include "core/date.h"  // iso_datetime, iso_date
#include "core/store.h"

namespace ssi::app {

inline constexpr std::string_view kStoreKey = "ssi-selfcheck.store";
inline constexpr std::string_view kBackupPrefix = "ssi-selfcheck.backup.";
inline constexpr std::string_view kKeyPrefix = "ssi-selfcheck.";
// Written by the tab that merged a conflict, so every other tab of the person says so too.
inline constexpr std::string_view kConflictKey = "ssi-selfcheck.conflict";
inline constexpr std::string_view kQuestionnaireKey = "ssi-selfcheck.questionnaire";  // a trainer's own questionnaire
inline constexpr double kSaveDelayMs = 500.0;

class Persistence {
 public:
  enum class Loaded { Fresh, Restored, Migrated, Unreadable };

  Persistence(Host& host, const Questionnaire& questionnaire) : host_(host), questionnaire_(questionnaire) {}

  // Reads the stored document. On Unreadable the text is kept (never overwritten) and the app starts with an
  // empty document; problems() says why. A document read with entries left out (dropped()) is kept the same way
  // before the readable part is written back.
  Loaded load();
  const std::vector<Problem>& problems() const { return problems_; }
  const std::vector<Problem>& dropped() const { return dropped_; }  // at most 50 listed
  int dropped_entries() const { return dropped_entries_; }
  // Where the kept original is: a backup key, or the main key itself when there was no room for a copy
  // (then original_in_place() and nothing is written); empty when nothing had to be kept.
  const std::string& backup_key() const { return backup_key_; }
  bool original_in_place() const { return original_in_place_; }
  std::optional<std::string> backup_text() const;

  store::Document& document() { return document_; }
  const store::Document& document() const { return document_; }
  // Moves whenever the document may have changed: changed(), and every time this class replaces it (load, another
  // tab's data, a merge, delete_all). Never repeats, even across instances: views cache what they derive by it.
  std::uint64_t revision() const { return revision_; }

  // The document changed (every change of it outside this class calls this): it is written within kSaveDelayMs
  // (the host is woken for it).
  void changed();
  // Writes now if a write is due (called every frame); write_failed() tells whether the last write failed.
  void tick();
  // Writes now if anything is pending (page hidden or closing).
  void flush();
  bool write_failed() const { return write_failed_; }
  // True once after a write merged what another tab wrote: the document changed under whoever shows it.
  bool take_merged() { return std::exchange(merged_, false); }
  // Whether `document` could be written now (the device's storage has room for it, and no unreadable original
  // sits under the main key): asked before an import changes anything.
  bool has_room_for(const store::Document& document);

  // Another tab wrote the document: take it over; when this tab has unsaved changes too, the two are merged by
  // entry id and per answer (and written by this tab). A write also merges what another tab wrote since this
  // one last read. conflict() tells the person when both changed the same entry or answer differently (the
  // larger version is kept, so both tabs settle on the same), in every tab: the merging tab leaves a mark under
  // kConflictKey that the others see here. Returns true when the document changed.
  bool reload_from_storage();
  bool conflict() const { return conflict_; }
  void clear_conflict() { conflict_ = false; }

  // Removes every key of the app from storage (settings, document, backups) and empties the document.
  // `keep` names one key to leave (the trainer's questionnaire when the next participant takes over).
  void delete_all(std::string_view keep = {});

 private:
  bool write();
  store::Document base() const;
  void replaced();  // the document is another one now: a new revision

  Host& host_;
  const Questionnaire& questionnaire_;
  store::Document document_;
  std::uint64_t revision_ = 0;
  bool keep_original(const std::string& text);

  std::vector<Problem> problems_;
  std::vector<Problem> dropped_;
  int dropped_entries_ = 0;
  std::string backup_key_;
  bool original_in_place_ = false;
  std::string last_written_;
  bool dirty_ = false;
  bool write_failed_ = false;
  bool conflict_ = false;
  bool merged_ = false;
  std::string conflict_seen_;  // the last conflict mark this tab wrote or saw (kConflictKey)
  void note_conflict();
  double written_at_ = -1e18;  // when this tab last wrote the document
  std::string written_over_;   // what that write was based on: the base of a merge while theirs may lack it
  double dirty_since_ = 0;
  double wake_at_ = 0;  // when the host was asked to wake us for the pending write
};

}  // namespace ssi::app
