#include "app/persistence.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <tuple>
#include <type_traits>

#include "core/sorting.h"

namespace ssi::app {

namespace {
// The first version kept only the language, under its own key; it is folded into the document.
constexpr std::string_view kLegacyLanguageKey = "ssi-selfcheck.language";

// Three-way merge of the document two tabs changed from the same `base`: entries by id (added on either side
// kept, removed on either side removed unless changed on the other), answers in progress and settings per answer
// and per field (the side that changed it wins). Where both sides changed the same thing differently, the larger
// version is kept and true returned (a conflict the person is told about): both tabs merge alike, whichever of
// them merges, so two tabs writing at the same moment settle on one document instead of overwriting each other.
template <typename T>
std::string canonical(const T& entry) {
  store::Document one;
  if constexpr (std::is_same_v<T, store::SelfCheck>)
    one.checks.push_back(entry);
  else
    one.real.push_back(entry);
  return store::write_document(one);
}

template <typename T>
bool merge_entries(const std::vector<T>& base, const std::vector<T>& mine, const std::vector<T>& theirs,
                   std::vector<T>& out) {
  const auto find = [](const std::vector<T>& list, const std::string& id) -> const T* {
    for (const T& x : list)
      if (x.id == id) return &x;
    return nullptr;
  };
  bool conflict = false;
  out.clear();
  for (const T& m : mine) {
    const T* b = find(base, m.id);
    const T* t = find(theirs, m.id);
    if (!t) {
      if (!b || !(*b == m)) out.push_back(m);  // added here, or changed here while removed there: kept
      continue;
    }
    if (b && *b == m) {
      out.push_back(*t);  // unchanged here: theirs
    } else if (*t == m || (b && *b == *t)) {
      out.push_back(m);  // the same on both sides, or changed only here
    } else {
      out.push_back(canonical(m) > canonical(*t) ? m : *t);
      conflict = true;
    }
  }
  for (const T& t : theirs) {
    const T* b = find(base, t.id);
    if (!find(mine, t.id) && (!b || !(*b == t))) out.push_back(t);  // added there, or changed there, removed here
  }
  ssi::stable_sort(out.begin(), out.end(),
                   [](const T& a, const T& b) { return a.date != b.date ? a.date < b.date : a.id < b.id; });
  return conflict;
}

// One field: the side that changed it; both changed it differently: the larger value, and a conflict.
template <typename T>
T merge_field(const T& base, const T& mine, const T& theirs, bool& conflict) {
  if (mine == base || mine == theirs) return theirs;
  if (theirs == base) return mine;
  conflict = true;
  return std::max(mine, theirs);
}

bool merge3(const store::Document& base, const store::Document& mine, const store::Document& theirs,
            store::Document& out) {
  bool conflict = merge_entries(base.checks, mine.checks, theirs.checks, out.checks);
  conflict = merge_entries(base.real, mine.real, theirs.real, out.real) || conflict;
  // Settings the person chose are no conflict worth a notice: the larger value is kept quietly.
  bool quiet = false;
  out.settings.language = merge_field(base.settings.language, mine.settings.language, theirs.settings.language, quiet);
  out.settings.theme = merge_field(base.settings.theme, mine.settings.theme, theirs.settings.theme, quiet);
  out.settings.text_size_percent = merge_field(base.settings.text_size_percent, mine.settings.text_size_percent,
                                               theirs.settings.text_size_percent, quiet);
  // Where each tab is (screen and question) is no conflict either: each tab stays on its own screen.
  const auto place = [](const store::Progress& p) { return std::pair(p.screen, p.question); };
  std::tie(out.progress.screen, out.progress.question) =
      merge_field(place(base.progress), place(mine.progress), place(theirs.progress), quiet);
  Answers answers;
  std::set<std::string> ids;
  for (const Answers* list : {&base.progress.answers, &mine.progress.answers, &theirs.progress.answers})
    for (const auto& [id, option] : *list) ids.insert(id);
  for (const std::string& id : ids) {
    const auto get = [&id](const Answers& a) { return a.count(id) ? std::optional<int>(a.at(id)) : std::nullopt; };
    if (const std::optional<int> option =
            merge_field(get(base.progress.answers), get(mine.progress.answers), get(theirs.progress.answers), conflict))
      answers[id] = *option;
  }
  out.progress.answers = std::move(answers);
  return conflict;
}
}  // namespace

Persistence::Loaded Persistence::load() {
  problems_.clear();
  conflict_seen_ = host_.storage_get(kConflictKey).value_or("");  // an earlier session's conflict is not news
  const std::optional<std::string> text = host_.storage_get(kStoreKey);
  const std::optional<std::string> legacy_language = host_.storage_get(kLegacyLanguageKey);
  replaced();
  if (!text) {
    document_ = {};
    if (legacy_language == "de" || legacy_language == "en") {
      document_.settings.language = *legacy_language == "de" ? Lang::De : Lang::En;
      host_.storage_remove(kLegacyLanguageKey);
      changed();
      return Loaded::Migrated;
    }
    return Loaded::Fresh;
  }
  store::DocumentLoad read = store::read_document(*text, questionnaire_);
  if (!read.document) {
    // Keep the unreadable text where nothing will overwrite it, then start afresh.
    problems_ = read.problems;
    if (keep_original(*text)) host_.storage_remove(kStoreKey);
    document_ = {};
    return Loaded::Unreadable;
  }
  dropped_ = read.dropped;
  dropped_entries_ = read.dropped_entries;
  // Entries were left out: what is written back would lose them, so the text is kept first.
  if (!dropped_.empty()) keep_original(*text);
  document_ = std::move(*read.document);
  last_written_ = *text;
  if (read.migrated) {
    changed();
    return Loaded::Migrated;
  }
  return Loaded::Restored;
}

bool Persistence::keep_original(const std::string& text) {
  backup_key_ = std::string(kBackupPrefix) + iso_datetime(host_.epoch_ms());
  if (host_.storage_set(backup_key_, text)) return true;
  // No room for a copy: the original stays where it is, and nothing may be written over it.
  backup_key_ = std::string(kStoreKey);
  original_in_place_ = true;
  return false;
}

std::optional<std::string> Persistence::backup_text() const {
  if (backup_key_.empty()) return std::nullopt;
  return host_.storage_get(backup_key_);
}

void Persistence::replaced() {
  static std::uint64_t last = 0;  // over every Persistence, so a new one never repeats a revision
  revision_ = ++last;
}

void Persistence::changed() {
  replaced();
  if (!dirty_) {
    dirty_ = true;
    dirty_since_ = host_.now_ms();
    wake_at_ = dirty_since_ + kSaveDelayMs;
    host_.wake_after(kSaveDelayMs);
  }
}

void Persistence::tick() {
  if (!dirty_) return;
  const double now = host_.now_ms();
  if (now - dirty_since_ >= kSaveDelayMs) {
    write();
  } else if (now >= wake_at_) {
    // Woken a little early (timers are not exact): ask again for the rest, or the write waits for input.
    const double rest = kSaveDelayMs - (now - dirty_since_) + 1.0;
    wake_at_ = now + rest;
    host_.wake_after(rest);
  }
}

bool Persistence::has_room_for(const store::Document& document) {
  return !original_in_place_ && host_.storage_has_room(kStoreKey, store::write_document(document));
}

void Persistence::flush() {
  if (dirty_) write();
}

// The base of a merge with another tab's write: the document this tab last read or wrote; just after a write
// of its own, the one that write was based on (a browser may apply two tabs' writes of the same moment in
// either order, so what arrives then may lack this tab's write).
store::Document Persistence::base() const {
  const std::string& text = host_.now_ms() - written_at_ < kSaveDelayMs ? written_over_ : last_written_;
  if (text.empty()) return {};
  store::DocumentLoad read = store::read_document(text, questionnaire_);
  return read.document ? std::move(*read.document) : store::Document{};
}

bool Persistence::write() {
  dirty_ = false;
  // Another tab may have written since this one last read (its storage event not yet here): merge, never overwrite.
  if (!original_in_place_) {
    const std::optional<std::string> stored = host_.storage_get(kStoreKey);
    if (stored && *stored != last_written_) {
      store::DocumentLoad theirs = store::read_document(*stored, questionnaire_);
      if (theirs.document && theirs.dropped.empty()) {
        store::Document merged;
        if (merge3(base(), document_, *theirs.document, merged)) note_conflict();
        document_ = std::move(merged);
        replaced();
        last_written_ = *stored;
        merged_ = true;
      }
    }
  }
  std::string text = store::write_document(document_);
  if (text == last_written_) return true;
  if (original_in_place_) {  // the only copy of data the app could not read: never overwritten
    write_failed_ = true;
    return false;
  }
  write_failed_ = !host_.storage_set(kStoreKey, text);
  if (!write_failed_) {
    if (host_.now_ms() - written_at_ >= kSaveDelayMs) written_over_ = last_written_;
    written_at_ = host_.now_ms();
    last_written_ = std::move(text);
  }
  return !write_failed_;
}

void Persistence::note_conflict() {
  conflict_ = true;
  conflict_seen_ = std::to_string(host_.random64());
  host_.storage_set(kConflictKey, conflict_seen_);  // best effort: without room only this tab says so
}

bool Persistence::reload_from_storage() {
  // Another tab merged a conflict: this one says so too (its document follows below).
  if (const std::optional<std::string> mark = host_.storage_get(kConflictKey); mark && *mark != conflict_seen_) {
    conflict_seen_ = *mark;
    conflict_ = true;
  }
  const std::optional<std::string> text = host_.storage_get(kStoreKey);
  // Another key changed (an import's room probe) while nothing was ever stored: nothing to follow.
  if (!text && last_written_.empty()) return false;
  if (!text) {  // everything was deleted in the other tab
    document_ = {};
    replaced();
    last_written_.clear();
    return true;
  }
  if (*text == last_written_) return false;
  store::DocumentLoad read = store::read_document(*text, questionnaire_);
  // The other tab keeps its own unreadable (or partly readable) data; taking it over here would lose entries.
  if (!read.document || !read.dropped.empty()) return false;
  // Both tabs changed the data (or this tab's write of a moment ago may be missing from theirs): merged by entry
  // id and per answer; this tab writes the result unless theirs already is it.
  if (dirty_ || host_.now_ms() - written_at_ < kSaveDelayMs) {
    store::Document merged;
    if (merge3(base(), document_, *read.document, merged)) note_conflict();
    document_ = std::move(merged);
    replaced();
    last_written_ = *text;
    if (store::write_document(document_) != *text) changed();
    return true;
  }
  document_ = std::move(*read.document);
  replaced();
  last_written_ = *text;
  return true;
}

void Persistence::delete_all(std::string_view keep) {
  for (const std::string& key : host_.storage_keys())
    if (key.rfind(kKeyPrefix, 0) == 0 && key != keep) host_.storage_remove(key);
  document_ = {};
  replaced();
  last_written_.clear();
  backup_key_.clear();
  original_in_place_ = false;
  problems_.clear();
  dropped_.clear();
  dropped_entries_ = 0;
  dirty_ = false;
}

}  // namespace ssi::app
