// The person's data written out: the stored document, exports and the history as CSV (docs/data-format.md).
#include "core/sorting.h"
#include "core/store.h"

#include <algorithm>
#include <cstdint>

#include "core/json_util.h"
#include "core/store_parts.h"

namespace ssi::store {

using detail::json;
using part::decimal;
using part::sort_oldest_first;

namespace {

json centi_json(const std::array<int, kComponentCount>& centi) {
  json j = json::object();
  for (Component c : kComponents) j[std::string(component_key(c))] = centi[static_cast<std::size_t>(c)];
  return j;
}

json answers_json(const Answers& answers) {
  json j = json::object();
  for (const auto& [id, option] : answers) j[id] = option;
  return j;
}

json check_json(const SelfCheck& c) {
  json j = json::object();
  j["id"] = c.id;
  j["date"] = c.date;
  j["questionnaire"] = json{{"id", c.questionnaire_id}, {"version", c.questionnaire_version}};
  j["answers"] = answers_json(c.answers);
  j["centi"] = centi_json(c.component_centi);
  j["total"] = c.total;
  j["note"] = c.note;
  return j;
}

json real_json(const RealEntry& e) {
  json j = json::object();
  j["id"] = e.id;
  j["date"] = e.date;
  j["centi"] = centi_json(e.component_centi);
  if (e.industry_top_percent) j["industryTopPercent"] = *e.industry_top_percent;
  if (e.network_top_percent) j["networkTopPercent"] = *e.network_top_percent;
  j["note"] = e.note;
  return j;
}

std::string export_text(std::vector<SelfCheck> checks, std::vector<RealEntry> real, std::string_view app_version,
                        std::string_view exported_at) {
  sort_oldest_first(checks);
  sort_oldest_first(real);
  json j = json::object();
  j["type"] = std::string(kExportType);
  j["schemaVersion"] = kExportVersion;
  j["appVersion"] = std::string(app_version);
  j["exportedAt"] = std::string(exported_at);
  json c = json::array();
  for (const SelfCheck& x : checks) c.push_back(check_json(x));
  j["checks"] = std::move(c);
  json r = json::array();
  for (const RealEntry& x : real) r.push_back(real_json(x));
  j["real"] = std::move(r);
  return detail::dump_pretty(j);
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
  json j = json::object();
  j["schema"] = std::string(kDocumentSchema);
  j["schemaVersion"] = kDocumentVersion;
  json settings = json::object();
  if (d.settings.language) settings["language"] = std::string(lang_key(*d.settings.language));
  settings["theme"] = d.settings.theme;
  settings["textSize"] = d.settings.text_size_percent;
  j["settings"] = std::move(settings);
  j["progress"] = json{
      {"answers", answers_json(d.progress.answers)}, {"screen", d.progress.screen}, {"question", d.progress.question}};
  json checks = json::array();
  for (const SelfCheck& c : d.checks) checks.push_back(check_json(c));
  j["checks"] = std::move(checks);
  json real = json::array();
  for (const RealEntry& e : d.real) real.push_back(real_json(e));
  j["real"] = std::move(real);
  return detail::dump_compact(j);
}

//-----------------------------------------------------------------------------
// [SECTION] Export and import
//-----------------------------------------------------------------------------

std::string export_all(const Document& d, std::string_view app_version, std::string_view exported_at) {
  return export_text(d.checks, d.real, app_version, exported_at);
}

std::string export_check(const SelfCheck& check, std::string_view app_version, std::string_view exported_at) {
  return export_text({check}, {}, app_version, exported_at);
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
