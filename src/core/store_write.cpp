// The person's data written out: the stored document, exports and the history as CSV (docs/data-format.md).
#include "core/sorting.h"
#include "core/store.h"

#include <algorithm>
#include <cstdint>

#include "core/json_util.h"
#include "core/store_parts.h"

namespace ssi::store {

using detail::JsonWriter;
using part::decimal;

namespace {

// Written directly, not built as a JSON value first (the largest document holds 1.4 MB of notes): each object's members
// in the order of their keys, as dump_compact and dump_pretty write them.

void write_centi(JsonWriter& w, const std::array<int, kComponentCount>& centi) {
  static const std::array<Component, kComponentCount> by_key = [] {
    std::array<Component, kComponentCount> order = kComponents;
    std::sort(order.begin(), order.end(), [](Component a, Component b) { return component_key(a) < component_key(b); });
    return order;
  }();
  w.begin_object();
  for (Component c : by_key) w.key(component_key(c)).value(centi[static_cast<std::size_t>(c)]);
  w.end_object();
}

void write_answers(JsonWriter& w, const Answers& answers) {
  w.begin_object();
  for (const auto& [id, option] : answers) w.key(id).value(option);
  w.end_object();
}

void write_check(JsonWriter& w, const SelfCheck& c) {
  w.begin_object().key("answers");
  write_answers(w, c.answers);
  w.key("centi");
  write_centi(w, c.component_centi);
  w.key("date").value(c.date).key("id").value(c.id).key("note").value(c.note);
  w.key("questionnaire").begin_object();
  w.key("id").value(c.questionnaire_id).key("version").value(c.questionnaire_version).end_object();
  w.key("total").value(c.total).end_object();
}

void write_real(JsonWriter& w, const RealEntry& e) {
  w.begin_object().key("centi");
  write_centi(w, e.component_centi);
  w.key("date").value(e.date).key("id").value(e.id);
  if (e.industry_top_percent) w.key("industryTopPercent").value(*e.industry_top_percent);
  if (e.network_top_percent) w.key("networkTopPercent").value(*e.network_top_percent);
  w.key("note").value(e.note).end_object();
}

// Room for the entries' texts and their fields, so the text is not copied as it grows.
std::size_t estimate(const std::vector<const SelfCheck*>& checks, const std::vector<const RealEntry*>& real) {
  std::size_t bytes = 512;
  for (const SelfCheck* c : checks) bytes += c->note.size() + 40 * c->answers.size() + 400;
  for (const RealEntry* e : real) bytes += e->note.size() + 300;
  return bytes;
}

// The entries in part::older's order, without copying them.
template <typename T>
std::vector<const T*> oldest_first(const std::vector<T>& items) {
  std::vector<const T*> order;
  order.reserve(items.size());
  for (const T& item : items) order.push_back(&item);
  ssi::stable_sort(order.begin(), order.end(), [](const T* a, const T* b) { return part::older(*a, *b); });
  return order;
}

std::string export_text(const std::vector<const SelfCheck*>& checks, const std::vector<const RealEntry*>& real,
                        std::string_view app_version, std::string_view exported_at) {
  JsonWriter w(/*pretty=*/true, estimate(checks, real));
  w.begin_object().key("appVersion").value(app_version).key("checks").begin_array();
  for (const SelfCheck* c : checks) write_check(w, *c);
  w.end_array().key("exportedAt").value(exported_at).key("real").begin_array();
  for (const RealEntry* e : real) write_real(w, *e);
  w.end_array().key("schemaVersion").value(kExportVersion).key("type").value(kExportType).end_object();
  return w.take();
}

}  // namespace

// RFC 4180: quoted when the field holds a comma, a quote or a line break; quotes doubled. A cell starting with
// = + - @ tab or CR (also after spaces) would be run as a formula by spreadsheet programs: it gets a leading
// apostrophe, as OWASP advises for every text cell (ids and dates too: a tampered store may hold anything).
// Appended to `out` (a history's notes are written without a copy each).
namespace {
void append_csv_field(std::string& out, std::string_view s) {
  const std::size_t first = s.find_first_not_of(' ');
  const bool formula =
      first != std::string_view::npos && std::string_view("=+-@\t\r").find(s[first]) != std::string_view::npos;
  bool quoted = false;
  for (std::size_t i = detail::find_special(s, 0, ',', '"'); i < s.size() && !quoted;
       i = detail::find_special(s, i + 1, ',', '"'))
    quoted = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
  if (quoted) out += '"';
  if (formula) out += '\'';
  if (!quoted) {
    out += s;
  } else {
    for (std::size_t at = 0, quote; at < s.size(); at = quote + 1) {
      quote = std::min(s.find('"', at), s.size());
      out.append(s, at, quote - at);
      if (quote < s.size()) out += "\"\"";
    }
    out += '"';
  }
}
}  // namespace

std::string csv_field(std::string_view s) {
  std::string out;
  append_csv_field(out, s);
  return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Writing the stored document
//-----------------------------------------------------------------------------

std::string write_document(const Document& d) {
  std::vector<const SelfCheck*> checks;
  std::vector<const RealEntry*> real;
  for (const SelfCheck& c : d.checks) checks.push_back(&c);
  for (const RealEntry& e : d.real) real.push_back(&e);
  JsonWriter w(/*pretty=*/false, estimate(checks, real));
  w.begin_object().key("checks").begin_array();
  for (const SelfCheck* c : checks) write_check(w, *c);
  w.end_array().key("progress").begin_object().key("answers");
  write_answers(w, d.progress.answers);
  w.key("question").value(d.progress.question).key("screen").value(d.progress.screen).end_object();
  w.key("real").begin_array();
  for (const RealEntry* e : real) write_real(w, *e);
  w.end_array().key("schema").value(kDocumentSchema).key("schemaVersion").value(kDocumentVersion);
  w.key("settings").begin_object();
  if (d.settings.language) w.key("language").value(lang_key(*d.settings.language));
  w.key("textSize").value(d.settings.text_size_percent).key("theme").value(d.settings.theme).end_object();
  w.end_object();
  return w.take();
}

//-----------------------------------------------------------------------------
// [SECTION] Export and import
//-----------------------------------------------------------------------------

std::string export_all(const Document& d, std::string_view app_version, std::string_view exported_at) {
  return export_text(oldest_first(d.checks), oldest_first(d.real), app_version, exported_at);
}

std::string export_check(const SelfCheck& check, std::string_view app_version, std::string_view exported_at) {
  return export_text({&check}, {}, app_version, exported_at);
}

//-----------------------------------------------------------------------------
// [SECTION] History as CSV
//-----------------------------------------------------------------------------

std::string history_csv(const Document& d) {
  struct Row {
    std::string_view date, id;
    int kind;  // 0 self-check, 1 real: a self-check comes first on the same date
    std::size_t index;
  };
  std::vector<Row> rows;
  rows.reserve(d.checks.size() + d.real.size());
  std::size_t notes = 0;
  for (std::size_t i = 0; i < d.checks.size(); ++i) {
    rows.push_back({d.checks[i].date, d.checks[i].id, 0, i});
    notes += d.checks[i].note.size();
  }
  for (std::size_t i = 0; i < d.real.size(); ++i) {
    rows.push_back({d.real[i].date, d.real[i].id, 1, i});
    notes += d.real[i].note.size();
  }
  // One history, oldest first ("2026-11-25" sorts before "2026-11-25T…": a real entry of a day comes first).
  ssi::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.date != b.date) return a.date < b.date;
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.id < b.id;
  });
  // Written in place, one reservation for all (the largest history is 1.4 MB of notes).
  std::string out;
  out.reserve(kCsvHeader.size() + 2 + notes + rows.size() * 96);
  out += kCsvHeader;
  out += "\r\n";
  const auto line = [&out](std::string_view kind, const std::string& id, const std::string& date,
                           const std::array<int, kComponentCount>& centi, int total, const std::string& note) {
    out += kind;
    out += ',';
    append_csv_field(out, id);
    out += ',';
    append_csv_field(out, date);
    for (int c : centi) {
      out += ',';
      if (c < 0) out += '-';
      out += decimal(c < 0 ? -c : c, 2, '.');
    }
    out += ',';
    out += std::to_string(total);
    out += ',';
    append_csv_field(out, note);
    out += "\r\n";
  };
  for (const Row& row : rows) {
    if (row.kind == 0) {
      const SelfCheck& c = d.checks[row.index];
      line("selfcheck", c.id, c.date, c.component_centi, c.total, c.note);
    } else {
      const RealEntry& e = d.real[row.index];
      line("real", e.id, e.date, e.component_centi, e.total(), e.note);
    }
  }
  return out;
}

// "2.34" / "2,34" style numbers (store_parts.h).
std::string part::decimal(int centi, int decimals, char separator) {
  if (decimals == 1) {
    const int tenths = (centi + 5) / 10;  // half up
    return std::to_string(tenths / 10) + separator + std::to_string(tenths % 10);
  }
  const int frac = centi % 100;
  return std::to_string(centi / 100) + separator + (frac < 10 ? "0" : "") + std::to_string(frac);
}

}  // namespace ssi::store
