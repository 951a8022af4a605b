// The person's data read back: the stored document (with migration), repair files and imports, and merging an
// import. Formats: docs/data-format.md. Writing is in store_write.cpp, real SSI input in store_real.cpp.
//
// Hostile input: every text is first scanned once, without recursion, for nesting depth (and, for imports,
// NaN/Infinity literals) before nlohmann parses it, so the parser and everything after it only ever see
// documents at most kMaxDepth levels deep (detail::parse_limited). After parsing, a walk bounded by that depth
// checks every string (length, control characters) and every number (finite) (detail::check_values). Only then
// are the fields read, through the type-checked helpers of json_util.h: nothing here can throw.
#include "core/store.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <set>

#include "core/codes.h"
#include "core/date.h"
#include "core/json_util.h"
#include "core/store_parts.h"

namespace ssi::store {

using detail::blank;
using detail::digits;
using detail::json;
using detail::shorten;
using detail::to_int;
using part::sort_oldest_first;
using part::split_date;
using part::valid_calendar_date;

namespace {

// ---------------------------------------------------------------------------------------------------------
// Field readers shared by the stored document and imports
// ---------------------------------------------------------------------------------------------------------

enum class Mode { Stored, Import };

std::optional<std::array<int, kComponentCount>> centi_field(detail::Reporter& r, const json& object,
                                                            const std::string& path) {
  const json* centi = r.object_field(object, path, "centi");
  if (!centi) return std::nullopt;
  std::array<int, kComponentCount> out{};
  bool ok = true;
  const std::string p = detail::join(path, "centi");
  for (Component c : kComponents) {
    std::optional<int> v = r.int_field(*centi, p, component_key(c), 0, kComponentMax * 100);
    if (!v)
      ok = false;
    else
      out[static_cast<std::size_t>(c)] = *v;
  }
  if (!ok) return std::nullopt;
  return out;
}

// Stable ids: what the app generates and what a merge compares: letters, digits and ._:- (detail::valid_identifier),
// so no invisible or control character can make two ids look alike. An import refuses a bad one; the stored
// document drops the entry (and lists it).
std::optional<std::string> id_field(detail::Reporter& r, const json& object, const std::string& path, Mode mode) {
  const std::string* id = r.string_field(object, path, "id");
  if (!id) return std::nullopt;
  if (!detail::valid_identifier(*id, limits::kMaxIdBytes, /*lower_only=*/false)) {
    r.add(mode == Mode::Import ? code::kImportInvalidId : code::kStoreInvalidId, detail::join(path, "id"),
          {{"id", shorten(*id)}});
    return std::nullopt;
  }
  return *id;
}

// "2026-11-25T14:03:07Z", optionally with fractional seconds ("…07.123Z"), as JavaScript's toISOString writes.
bool valid_timestamp(std::string_view s) {
  if (s.size() < 20 || s.back() != 'Z' || s[10] != 'T' || s[13] != ':' || s[16] != ':') return false;
  int y = 0, m = 0, d = 0;
  if (!split_date(s.substr(0, 10), y, m, d) || !valid_calendar_date(y, m, d)) return false;
  if (!digits(s.substr(11, 2)) || !digits(s.substr(14, 2)) || !digits(s.substr(17, 2))) return false;
  if (to_int(s.substr(11, 2)) > 23 || to_int(s.substr(14, 2)) > 59 || to_int(s.substr(17, 2)) > 60) return false;
  std::string_view rest = s.substr(19, s.size() - 20);  // between the seconds and the Z
  if (rest.empty()) return true;
  return rest.size() >= 2 && rest.size() <= 10 && rest[0] == '.' && digits(rest.substr(1));
}

std::optional<std::string> note_field(detail::Reporter& r, const json& object, const std::string& path) {
  const json* v = detail::member(object, "note");
  if (!v) return std::string();  // optional
  const std::string* s = detail::as_string(*v);
  if (!s) {
    r.add(code::kNotString, detail::join(path, "note"));
    return std::nullopt;
  }
  return *s;
}

// Answers of a finished check or of the progress. Unknown questions are dropped (they can be neither shown
// nor scored). Out-of-range options are dropped from the stored document (the questionnaire may have lost
// an option since) but refuse an import.
// `q` is null for a stored check of another questionnaire (a trainer's own, or ours while a trainer's is
// active): its answers cannot be checked against questions, so every non-negative index is kept as it was.
std::optional<Answers> answers_field(detail::Reporter& r, const json& object, const std::string& path,
                                     const Questionnaire* q, Mode mode, bool required) {
  const json* a = r.object_field(object, path, "answers", required);
  if (!a) {
    if (!required && !detail::member(object, "answers")) return Answers{};
    return std::nullopt;
  }
  const std::string p = detail::join(path, "answers");
  Answers out;
  bool ok = true;
  for (auto it = a->begin(); it != a->end(); ++it) {
    const std::string& id = it.key();
    const std::string ap = detail::join(p, id);
    // An integer beyond int64 is out of every option's range, not "not an integer".
    std::optional<std::int64_t> v =
        detail::huge_integer(it.value()) ? std::numeric_limits<std::int64_t>::max() : detail::as_integer(it.value());
    if (!v) {
      r.add(code::kNotInteger, ap);
      ok = false;
      continue;
    }
    if (!q) {
      if (*v >= 0 && *v < kMaxOptions) out[id] = static_cast<int>(*v);
      continue;
    }
    const Question* question = q->find(id);
    if (!question) continue;
    const auto count = static_cast<std::int64_t>(question->options.size());
    if (*v < 0 || *v >= count) {
      if (mode == Mode::Import) {
        r.add(code::kOptionOutOfRange, ap,
              {{"id", id}, {"option", std::to_string(*v)}, {"count", std::to_string(count)}});
        ok = false;
      }
      continue;
    }
    out[id] = static_cast<int>(*v);
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<SelfCheck> read_check(detail::Reporter& r, const json& v, const std::string& path, const Questionnaire& q,
                                    Mode mode) {
  if (!v.is_object()) {
    r.add(code::kNotObjectField, path);
    return std::nullopt;
  }
  const std::size_t before = r.problems.size();
  SelfCheck c;
  if (auto id = id_field(r, v, path, mode)) c.id = *id;
  if (const std::string* date = r.string_field(v, path, "date")) {
    if (!valid_timestamp(*date))
      r.add(code::kInvalidTimestamp, detail::join(path, "date"), {{"value", shorten(*date)}});
    c.date = *date;
  }
  if (const json* ref = r.object_field(v, path, "questionnaire")) {
    const std::string rp = detail::join(path, "questionnaire");
    const std::string* id = r.string_field(*ref, rp, "id");
    const std::string* version = r.string_field(*ref, rp, "version");
    if (id) c.questionnaire_id = *id;
    if (version) c.questionnaire_version = *version;
  }
  // A check of another questionnaire (a trainer's, loaded for a workshop) keeps its answers unchecked, stored or
  // imported alike: the app exports such checks, so its import must take them back.
  const bool other = !c.questionnaire_id.empty() && c.questionnaire_id != q.id;
  if (auto answers = answers_field(r, v, path, other ? nullptr : &q, mode, true)) c.answers = std::move(*answers);
  const auto centi = centi_field(r, v, path);
  if (centi) c.component_centi = *centi;
  if (auto total = r.int_field(v, path, "total", 0, kComponentCount * kComponentMax)) {
    c.total = *total;
    // Every version of the app wrote the rounded sum, so anything else was edited: an import refuses it and the
    // stored document leaves the check out, so that nothing the app holds exports into a file it would refuse.
    int sum = 0;
    for (int x : c.component_centi) sum += x;
    if (centi && round_total(sum) != *total)
      r.add(mode == Mode::Import ? code::kImportTotalMismatch : code::kStoreTotalMismatch, detail::join(path, "total"),
            {{"found", std::to_string(*total)}, {"expected", std::to_string(round_total(sum))}});
  }
  if (auto note = note_field(r, v, path)) c.note = std::move(*note);
  if (r.problems.size() != before) return std::nullopt;
  return c;
}

std::optional<RealEntry> read_real(detail::Reporter& r, const json& v, const std::string& path, Mode mode) {
  if (!v.is_object()) {
    r.add(code::kNotObjectField, path);
    return std::nullopt;
  }
  const std::size_t before = r.problems.size();
  RealEntry e;
  if (auto id = id_field(r, v, path, mode)) e.id = *id;
  if (const std::string* date = r.string_field(v, path, "date")) {
    if (std::optional<Problem> p = check_date(*date)) {
      p->path = detail::join(path, "date");
      r.problems.push_back(std::move(*p));
    }
    e.date = *date;
  }
  if (auto centi = centi_field(r, v, path)) e.component_centi = *centi;
  for (auto [key, target] : {std::pair{std::string_view("industryTopPercent"), &e.industry_top_percent},
                             std::pair{std::string_view("networkTopPercent"), &e.network_top_percent}}) {
    const json* p = detail::member(v, key);
    if (!p || p->is_null()) continue;  // optional
    if (auto n = r.int_field(v, path, key, 1, 100)) *target = *n;
  }
  if (auto note = note_field(r, v, path)) e.note = std::move(*note);
  if (r.problems.size() != before) return std::nullopt;
  return e;
}

// Where entries that cannot be read go. An import refuses the whole file (problems in the reporter); the stored
// document and a repair leave the entry out and list it (first problem of each, at most kMaxProblems listed).
struct Dropped {
  std::vector<Problem>* list = nullptr;      // null: an import, every problem refuses the file
  const detail::Partial* partial = nullptr;  // a text that broke off: its unfinished entries are cut
  int count = 0;
  void add(Problem p) {
    ++count;
    if (list->size() < detail::kMaxProblems) list->push_back(std::move(p));
  }
};

// Reads one entry with `read`: straight into the reporter for an import, or on its own for a stored document
// (every string checked like an import's, the entry dropped on any problem).
template <typename T, typename Read>
void read_one(detail::Reporter& r, const json& item, const std::string& path, Dropped& dropped, std::vector<T>& out,
              Read read) {
  if (!dropped.list) {
    if (auto entry = read(r, item, path)) out.push_back(std::move(*entry));
    return;
  }
  std::vector<Problem> problems;
  detail::Reporter one{problems};
  if (dropped.partial && dropped.partial->unfinished_contains(&item)) {
    one.add(code::kStoreEntryCut, path);
  } else {
    detail::check_values(item, path, {kMaxStringBytes, "note"}, one);
    if (problems.empty()) {
      std::optional<T> entry = read(one, item, path);
      if (entry && problems.empty()) {
        out.push_back(std::move(*entry));
        return;
      }
    }
  }
  dropped.add(problems.empty() ? Problem{std::string(code::kNotObjectField), path, {}} : std::move(problems[0]));
}

// Reads "checks" and "real" of a stored document or an import file.
void read_entries(detail::Reporter& r, const json& root, const Questionnaire& q, Mode mode, bool required,
                  std::vector<SelfCheck>& checks, std::vector<RealEntry>& real, Dropped& dropped) {
  const auto list_of = [&](std::string_view key) -> const json* {
    if (!dropped.list) return r.array_field(root, "", key, required);
    const json* v = detail::member(root, key);
    if (v && !v->is_array()) dropped.add(Problem{std::string(code::kNotArray), std::string(key), {}});
    return v && v->is_array() ? v : nullptr;
  };
  if (const json* list = list_of("checks")) {
    std::size_t i = 0;
    for (const json& item : *list) {
      if (r.problems.size() >= detail::kMaxProblems) return;
      read_one(
          r, item, detail::index("checks", i++), dropped, checks,
          [&](detail::Reporter& rr, const json& v, const std::string& p) { return read_check(rr, v, p, q, mode); });
    }
  }
  if (const json* list = list_of("real")) {
    std::size_t i = 0;
    for (const json& item : *list) {
      if (r.problems.size() >= detail::kMaxProblems) return;
      read_one(r, item, detail::index("real", i++), dropped, real,
               [&](detail::Reporter& rr, const json& v, const std::string& p) { return read_real(rr, v, p, mode); });
    }
  }
  if (!dropped.list) return;
  // Ids are what a merge compares: a second entry under one id is left out (the first one stays).
  const auto unique = [&](auto& entries, std::string_view kind) {
    std::set<std::string, std::less<>> seen;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (seen.insert(entries[i].id).second) {
        if (kept != i) entries[kept] = std::move(entries[i]);
        ++kept;
      } else {
        dropped.add(Problem{std::string(code::kStoreDuplicateId), std::string(kind), {{"id", entries[i].id}}});
      }
    }
    entries.resize(kept);
  };
  unique(checks, "checks");
  unique(real, "real");
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Reading the stored document
//-----------------------------------------------------------------------------

namespace {

// A stored copy (or a repair file) as far as it can be read: the header is checked by the caller; here every
// entry that reads is kept and every other one listed in `dropped`.
Document read_body(detail::Reporter& r, const json& root, std::int64_t version, const Questionnaire& q,
                   Dropped& dropped) {
  Document d;
  // settings.language in v2, top-level "language" in v1; an unknown language follows the browser.
  auto read_language = [&](const json& object) {
    const json* lang = detail::member(object, "language");
    const std::string* s = lang ? detail::as_string(*lang) : nullptr;
    if (s && *s == "de") d.settings.language = Lang::De;
    if (s && *s == "en") d.settings.language = Lang::En;
  };
  // The answers in progress: when they cannot be read they are left out (and listed), the rest stays.
  auto read_progress_answers = [&](const json& object, const std::string& path) {
    std::vector<Problem> problems;
    detail::Reporter one{problems};
    if (auto answers = answers_field(one, object, path, &q, Mode::Stored, /*required=*/false))
      d.progress.answers = std::move(*answers);
    if (!problems.empty()) dropped.add(std::move(problems[0]));
  };
  if (version == 1) {
    // Version 1: {"schemaVersion":1, "language":"de", "answers":{id: option}} — the answers in progress.
    read_language(root);
    read_progress_answers(root, "");
    return d;
  }
  if (const json* settings = detail::member(root, "settings"); settings && settings->is_object()) {
    read_language(*settings);
    const json* theme = detail::member(*settings, "theme");
    const std::string* t = theme ? detail::as_string(*theme) : nullptr;
    if (t && (*t == "light" || *t == "dark" || *t == "system")) d.settings.theme = *t;
    // An unusable text size stays at 100 %: a setting never makes the person's data unreadable.
    const json* size = detail::member(*settings, "textSize");
    const std::optional<std::int64_t> percent = size ? detail::as_integer(*size) : std::nullopt;
    if (percent && *percent >= 100 && *percent <= 200) d.settings.text_size_percent = static_cast<int>(*percent);
  }
  if (const json* progress = detail::member(root, "progress"); progress && progress->is_object()) {
    read_progress_answers(*progress, "progress");
    for (auto [key, target] : {std::pair{"screen", &d.progress.screen}, std::pair{"question", &d.progress.question}}) {
      const json* v = detail::member(*progress, key);
      const std::string* s = v ? detail::as_string(*v) : nullptr;
      // Only the app's own short names: anything else is a place the app cannot go back to.
      if (s && s->size() <= limits::kMaxIdBytes && !detail::control_character(*s, false)) *target = *s;
    }
  }
  read_entries(r, root, q, Mode::Stored, /*required=*/false, d.checks, d.real, dropped);
  return d;
}

// A repair file: a stored document as the app wrote it (the copy of unreadable data it offered as a download),
// whole or cut. An export says its "type"; a stored document names its "schema" (from version 2) or, when cut
// before that key, at least starts with its lists and has no "appVersion" (which every export has).
bool looks_stored(const json* root) {
  if (!root || !root->is_object()) return false;
  const json* schema = detail::member(*root, "schema");
  const std::string* s = schema ? detail::as_string(*schema) : nullptr;
  if (s) return *s == kDocumentSchema;
  return !detail::member(*root, "type") && !detail::member(*root, "appVersion") &&
         (detail::member(*root, "checks") || detail::member(*root, "real"));
}

}  // namespace

DocumentLoad read_document(std::string_view text, const Questionnaire& q) {
  DocumentLoad out;
  detail::Reporter r{out.problems};
  if (text.size() > limits::kMaxStoredReadBytes) {
    r.add(code::kStoreTooLarge, "", {{"max", std::to_string(limits::kMaxStoredReadBytes / 1024)}});
    return out;
  }
  std::optional<json> doc = detail::parse_limited(text, kMaxDepth, /*look_for_literals=*/false, out.problems);
  if (!doc) return out;
  if (!doc->is_object()) {
    r.add(code::kNotObject, "");
    return out;
  }
  const json& root = *doc;
  const json* version = detail::member(root, "schemaVersion");
  if (!version) {
    r.add(code::kMissingField, "schemaVersion", {{"field", "schemaVersion"}});
    return out;
  }
  std::optional<std::int64_t> v = detail::as_integer(*version);
  if (detail::huge_integer(*version)) v = std::numeric_limits<std::int64_t>::max();  // a future version, not -1
  if (!v) {
    r.add(code::kNotInteger, "schemaVersion");
    return out;
  }
  out.found_version = static_cast<int>(std::clamp<std::int64_t>(*v, -1, 1000000));
  // Version 1 had no "schema" field; from version 2 on it names the format.
  const json* schema = detail::member(root, "schema");
  if (schema || *v != 1) {
    const std::string* s = schema ? detail::as_string(*schema) : nullptr;
    if (!s || *s != kDocumentSchema) {
      r.add(code::kStoreWrongSchema, "schema",
            {{"found", s ? shorten(*s) : std::string()}, {"expected", std::string(kDocumentSchema)}});
      return out;
    }
  }
  if (*v > kDocumentVersion) {
    r.add(code::kStoreFutureVersion, "schemaVersion",
          {{"found", shorten(version->dump())}, {"expected", std::to_string(kDocumentVersion)}});
    return out;
  }
  if (*v < 1) {
    r.add(code::kStoreUnknownVersion, "schemaVersion", {{"found", std::to_string(*v)}});
    return out;
  }
  Dropped dropped{&out.dropped};
  Document d = read_body(r, root, *v, q, dropped);
  out.dropped_entries = dropped.count;
  out.document = std::move(d);
  out.migrated = *v < kDocumentVersion;
  return out;
}

Salvage salvage_document(std::string_view text, const Questionnaire& q) {
  Salvage out;
  std::vector<Problem> problems;
  if (text.size() > limits::kMaxStoredReadBytes) {
    out.reason =
        Problem{std::string(code::kStoreTooLarge), "", {{"max", std::to_string(limits::kMaxStoredReadBytes / 1024)}}};
    return out;
  }
  detail::Partial partial;
  std::optional<json> doc = detail::parse_limited(text, kMaxDepth, /*look_for_literals=*/false, problems, &partial);
  if (!problems.empty()) out.reason = problems[0];
  const json* root = doc ? &*doc : partial.root.get();
  if (!looks_stored(root)) return out;
  out.stored_copy = true;
  // The entries are read with the current rules whatever version the copy names: what reads is kept.
  const json* version = detail::member(*root, "schemaVersion");
  const std::optional<std::int64_t> v = version ? detail::as_integer(*version) : std::nullopt;
  Dropped dropped{&out.dropped, doc ? nullptr : &partial};
  std::vector<Problem> ignored;
  detail::Reporter body{ignored};
  out.document = read_body(body, *root, v == 1 ? 1 : kDocumentVersion, q, dropped);
  out.dropped_entries = dropped.count;
  return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Import
//-----------------------------------------------------------------------------

namespace {

// Splits what a file holds into what is new for `into` and what is already there (by id, per kind), then checks
// that the merged document still fits (entries and bytes): a refusal up front instead of a failed save later.
void sort_new(ImportPreview& out, std::vector<SelfCheck> checks, std::vector<RealEntry> real, const Document& into) {
  std::set<std::string, std::less<>> have_checks, have_real;
  for (const SelfCheck& c : into.checks) have_checks.insert(c.id);
  for (const RealEntry& e : into.real) have_real.insert(e.id);
  for (SelfCheck& c : checks) {
    if (have_checks.count(c.id))
      ++out.duplicate_checks;
    else
      out.new_checks.push_back(std::move(c));
  }
  for (RealEntry& e : real) {
    if (have_real.count(e.id))
      ++out.duplicate_real;
    else
      out.new_real.push_back(std::move(e));
  }
  ImportPreview ok = out;
  ok.problems.clear();
  if (std::optional<Problem> p = check_fits(merge(into, ok))) {
    p->code = p->code == code::kStoreTooManyEntries ? std::string(code::kImportTooManyEntries)
                                                    : std::string(code::kImportWouldNotFit);
    out.problems.push_back(std::move(*p));
    out.new_checks.clear();
    out.new_real.clear();
  }
}

}  // namespace

ImportPreview preview_import(std::string_view text, const Document& into, const Questionnaire& q) {
  ImportPreview out;
  detail::Reporter r{out.problems};
  if (text.size() > kMaxImportBytes) {
    r.add(code::kImportTooLarge, "", {{"max", std::to_string(kMaxImportBytes / (1024 * 1024))}});
    return out;
  }
  if (blank(text)) {
    r.add(code::kImportEmpty, "");
    return out;
  }
  detail::Partial partial;
  std::optional<json> doc = detail::parse_limited(text, kMaxDepth, /*look_for_literals=*/true, out.problems, &partial);
  // A copy of stored data (whole or cut) is a repair: every entry that reads is taken, the others are listed.
  const auto repair = [&] {
    Salvage salvage = salvage_document(text, q);
    out.problems.clear();
    out.repair = true;
    out.dropped = std::move(salvage.dropped);
    out.dropped_entries = salvage.dropped_entries;
    if (salvage.document.checks.empty() && salvage.document.real.empty() && salvage.dropped_entries > 0) {
      r.add(code::kImportNothingSalvaged, "");
      return out;
    }
    sort_new(out, std::move(salvage.document.checks), std::move(salvage.document.real), into);
    return out;
  };
  if (!doc) return looks_stored(partial.root.get()) ? repair() : out;
  if (!doc->is_object()) {
    r.add(code::kNotObject, "");
    return out;
  }
  const json& root = *doc;
  // Say first what kind of file this is: a wrong file gets one clear message, not fifty.
  const json* type = detail::member(root, "type");
  const std::string* type_s = type ? detail::as_string(*type) : nullptr;
  if (!type_s || *type_s != kExportType) {
    if (looks_stored(&root)) return repair();
    r.add(code::kImportWrongType, "type", {{"found", type_s ? shorten(*type_s) : std::string()}});
    return out;
  }
  if (!r.version_field(root, kExportVersion, code::kImportFutureVersion, code::kImportUnknownVersion)) return out;
  detail::check_values(root, "", {kMaxStringBytes, "note"}, r);
  if (!out.problems.empty()) return out;
  r.string_field(root, "", "appVersion", /*required=*/false);
  r.string_field(root, "", "exportedAt", /*required=*/false);

  std::vector<SelfCheck> checks;
  std::vector<RealEntry> real;
  Dropped none;
  read_entries(r, root, q, Mode::Import, /*required=*/true, checks, real, none);
  // Ids are unique within the file (per kind): two different entries with one id cannot both be kept.
  std::set<std::string, std::less<>> seen;
  for (std::size_t i = 0; i < checks.size() && r.problems.size() < detail::kMaxProblems; ++i)
    if (!seen.insert(checks[i].id).second)
      r.add(code::kImportDuplicateId, detail::index("checks", i), {{"id", checks[i].id}});
  seen.clear();
  for (std::size_t i = 0; i < real.size() && r.problems.size() < detail::kMaxProblems; ++i)
    if (!seen.insert(real[i].id).second)
      r.add(code::kImportDuplicateId, detail::index("real", i), {{"id", real[i].id}});
  if (!out.problems.empty()) return out;
  sort_new(out, std::move(checks), std::move(real), into);
  return out;
}

std::optional<Problem> check_fits(const Document& d) {
  const std::size_t entries = d.checks.size() + d.real.size();
  if (entries > limits::kMaxEntries)
    return Problem{std::string(code::kStoreTooManyEntries),
                   "",
                   {{"count", std::to_string(entries)}, {"max", std::to_string(limits::kMaxEntries)}}};
  if (write_document(d).size() > limits::kMaxStoredBytes)
    return Problem{std::string(code::kStoreTooLarge), "", {{"max", std::to_string(limits::kMaxStoredBytes / 1024)}}};
  return std::nullopt;
}

Document merge(const Document& into, const ImportPreview& preview) {
  Document out = into;
  if (!preview.ok()) return out;
  std::set<std::string, std::less<>> have_checks, have_real;
  for (const SelfCheck& c : out.checks) have_checks.insert(c.id);
  for (const RealEntry& e : out.real) have_real.insert(e.id);
  // Ids are checked again: merging one preview twice, or into another document, still adds no duplicate.
  for (const SelfCheck& c : preview.new_checks)
    if (have_checks.insert(c.id).second) out.checks.push_back(c);
  for (const RealEntry& e : preview.new_real)
    if (have_real.insert(e.id).second) out.real.push_back(e);
  sort_oldest_first(out.checks);
  sort_oldest_first(out.real);
  return out;
}

std::string file_type(std::string_view text) {
  std::vector<Problem> problems;
  const std::optional<json> j = detail::parse_limited(text, kMaxDepth, /*look_for_literals=*/false, problems);
  const json* type = j ? detail::member(*j, "type") : nullptr;
  const std::string* s = type ? detail::as_string(*type) : nullptr;
  return s ? *s : std::string();
}

}  // namespace ssi::store
