// The person's data: the stored document (with migration), export and import, CSV, real SSI input and
// the comparison of estimate and reality. Formats: docs/data-format.md.
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
#include <set>

#include "core/codes.h"
#include "core/json_util.h"

namespace ssi::store {

using detail::blank;
using detail::digits;
using detail::json;
using detail::shorten;
using detail::to_int;
using detail::trim;

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
        if (!v) ok = false;
        else out[static_cast<std::size_t>(c)] = *v;
    }
    if (!ok) return std::nullopt;
    return out;
}

// Stable ids: what the app generates and what a merge compares. Imports allow letters, digits and ._:-
bool valid_id(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                        c == '_' || c == '.' || c == ':';
        if (!ok) return false;
    }
    return true;
}

std::optional<std::string> id_field(detail::Reporter& r, const json& object, const std::string& path, Mode mode) {
    const std::string* id = r.string_field(object, path, "id");
    if (!id) return std::nullopt;
    // The stored document takes the app's ids as they are; an import holds them to the documented characters.
    if (mode == Mode::Import && !valid_id(*id)) {
        r.add(code::kImportInvalidId, detail::join(path, "id"), {{"id", shorten(*id)}});
        return std::nullopt;
    }
    return *id;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

// "YYYY-MM-DD" → year, month, day when the shape is right (no range check).
bool split_date(std::string_view s, int& y, int& m, int& d) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    if (!digits(s.substr(0, 4)) || !digits(s.substr(5, 2)) || !digits(s.substr(8, 2))) return false;
    y = to_int(s.substr(0, 4));
    m = to_int(s.substr(5, 2));
    d = to_int(s.substr(8, 2));
    return true;
}

bool valid_calendar_date(int y, int m, int d) {
    return y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

// Days since 1970-01-01 (Howard Hinnant's days_from_civil), for differences between dates.
std::int64_t days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(d) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
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
        std::optional<std::int64_t> v = detail::as_integer(it.value());
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

std::optional<SelfCheck> read_check(detail::Reporter& r, const json& v, const std::string& path,
                                    const Questionnaire& q, Mode mode) {
    if (!v.is_object()) {
        r.add(code::kNotObjectField, path);
        return std::nullopt;
    }
    const std::size_t before = r.problems.size();
    SelfCheck c;
    if (auto id = id_field(r, v, path, mode)) c.id = *id;
    if (const std::string* date = r.string_field(v, path, "date")) {
        if (mode == Mode::Import && !valid_timestamp(*date))
            r.add(code::kInvalidTimestamp, detail::join(path, "date"), {{"value", shorten(*date)}});
        c.date = *date;
    }
    if (const json* ref = r.object_field(v, path, "questionnaire")) {
        const std::string rp = detail::join(path, "questionnaire");
        const std::string* id = r.string_field(*ref, rp, "id");
        const std::string* version = r.string_field(*ref, rp, "version");
        if (id && mode == Mode::Import && *id != q.id)
            r.add(code::kImportUnknownQuestionnaire, detail::join(rp, "id"), {{"found", shorten(*id)}, {"expected", q.id}});
        if (id) c.questionnaire_id = *id;
        if (version) c.questionnaire_version = *version;
    }
    // A stored check keeps its answers even when another questionnaire is active now (imports are checked).
    const bool other = mode == Mode::Stored && !c.questionnaire_id.empty() && c.questionnaire_id != q.id;
    if (auto answers = answers_field(r, v, path, other ? nullptr : &q, mode, true)) c.answers = std::move(*answers);
    if (auto centi = centi_field(r, v, path)) c.component_centi = *centi;
    if (auto total = r.int_field(v, path, "total", 0, kComponentCount * kComponentMax)) c.total = *total;
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

// Reads "checks" and "real" of a stored document or an import file.
void read_entries(detail::Reporter& r, const json& root, const Questionnaire& q, Mode mode, bool required,
                  std::vector<SelfCheck>& checks, std::vector<RealEntry>& real) {
    if (const json* list = r.array_field(root, "", "checks", required)) {
        std::size_t i = 0;
        for (const json& item : *list) {
            if (r.problems.size() >= detail::kMaxProblems) return;
            if (auto c = read_check(r, item, detail::index("checks", i), q, mode)) checks.push_back(std::move(*c));
            ++i;
        }
    }
    if (const json* list = r.array_field(root, "", "real", required)) {
        std::size_t i = 0;
        for (const json& item : *list) {
            if (r.problems.size() >= detail::kMaxProblems) return;
            if (auto e = read_real(r, item, detail::index("real", i), mode)) real.push_back(std::move(*e));
            ++i;
        }
    }
}

// ---------------------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------------------

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

// Oldest first; the id breaks ties so every order of the same entries sorts the same way.
template <typename T>
void sort_oldest_first(std::vector<T>& items) {
    std::stable_sort(items.begin(), items.end(),
                     [](const T& a, const T& b) { return a.date != b.date ? a.date < b.date : a.id < b.id; });
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

// "2.34" / "2,34" style numbers from centi (non-negative), with the given decimals (1 or 2).
std::string decimal(int centi, int decimals, char separator) {
    if (decimals == 1) {
        const int tenths = (centi + 5) / 10;  // half up
        return std::to_string(tenths / 10) + separator + std::to_string(tenths % 10);
    }
    const int frac = centi % 100;
    return std::to_string(centi / 100) + separator + (frac < 10 ? "0" : "") + std::to_string(frac);
}

// RFC 4180: quoted when the field holds a comma, a quote or a line break; quotes doubled. A note starting
// with = + - @ would be run as a formula by spreadsheet programs: it gets a leading apostrophe (OWASP).
std::string csv_field(std::string_view s, bool free_text) {
    std::string v(s);
    if (free_text && !v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' ||
                                     v[0] == '\r'))
        v.insert(v.begin(), '\'');
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

Problem input_problem(std::string_view code, std::string_view text) {
    return Problem{std::string(code), "", {{"value", shorten(text)}}};
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] The document
//-----------------------------------------------------------------------------

int RealEntry::total() const {
    int sum = 0;
    for (int c : component_centi) sum += c;
    return round_total(sum);
}

//-----------------------------------------------------------------------------
// [SECTION] Reading and writing the stored document
//-----------------------------------------------------------------------------

DocumentLoad read_document(std::string_view text, const Questionnaire& q) {
    DocumentLoad out;
    detail::Reporter r{out.problems};
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
              {{"found", std::to_string(*v)}, {"expected", std::to_string(kDocumentVersion)}});
        return out;
    }
    if (*v < 1) {
        r.add(code::kStoreUnknownVersion, "schemaVersion", {{"found", std::to_string(*v)}});
        return out;
    }

    Document d;
    // settings.language in v2, top-level "language" in v1; an unknown language follows the browser.
    auto read_language = [&](const json& object, std::string_view path) {
        if (const std::string* lang = r.string_field(object, path, "language", /*required=*/false)) {
            if (*lang == "de") d.settings.language = Lang::De;
            if (*lang == "en") d.settings.language = Lang::En;
        }
    };
    if (*v == 1) {
        // Version 1: {"schemaVersion":1, "language":"de", "answers":{id: option}} — the answers in progress.
        read_language(root, "");
        if (auto answers = answers_field(r, root, "", &q, Mode::Stored, /*required=*/false))
            d.progress.answers = std::move(*answers);
    } else {
        if (const json* settings = r.object_field(root, "", "settings", /*required=*/false)) {
            read_language(*settings, "settings");
            if (const std::string* theme = r.string_field(*settings, "settings", "theme", /*required=*/false)) {
                if (*theme == "light" || *theme == "dark" || *theme == "system") d.settings.theme = *theme;
            }
        }
        if (const json* progress = r.object_field(root, "", "progress", /*required=*/false)) {
            if (auto answers = answers_field(r, *progress, "progress", &q, Mode::Stored, /*required=*/false))
                d.progress.answers = std::move(*answers);
            if (const std::string* s = r.string_field(*progress, "progress", "screen", false)) d.progress.screen = *s;
            if (const std::string* s = r.string_field(*progress, "progress", "question", false))
                d.progress.question = *s;
        }
        read_entries(r, root, q, Mode::Stored, /*required=*/false, d.checks, d.real);
    }
    if (out.problems.empty()) {
        out.document = std::move(d);
        out.migrated = *v < kDocumentVersion;
    }
    return out;
}

std::string write_document(const Document& d) {
    json j = json::object();
    j["schema"] = std::string(kDocumentSchema);
    j["schemaVersion"] = kDocumentVersion;
    json settings = json::object();
    if (d.settings.language) settings["language"] = std::string(lang_key(*d.settings.language));
    settings["theme"] = d.settings.theme;
    j["settings"] = std::move(settings);
    j["progress"] = json{{"answers", answers_json(d.progress.answers)},
                         {"screen", d.progress.screen},
                         {"question", d.progress.question}};
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
    std::optional<json> doc = detail::parse_limited(text, kMaxDepth, /*look_for_literals=*/true, out.problems);
    if (!doc) return out;
    if (!doc->is_object()) {
        r.add(code::kNotObject, "");
        return out;
    }
    const json& root = *doc;
    // Say first what kind of file this is: a wrong file gets one clear message, not fifty.
    const json* type = detail::member(root, "type");
    const std::string* type_s = type ? detail::as_string(*type) : nullptr;
    if (!type_s || *type_s != kExportType) {
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
    read_entries(r, root, q, Mode::Import, /*required=*/true, checks, real);
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
    return out;
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

//-----------------------------------------------------------------------------
// [SECTION] History as CSV
//-----------------------------------------------------------------------------

std::string history_csv(const Document& d) {
    struct Row {
        std::string_view date, id;
        int kind;  // 0 self-check, 1 real: a self-check comes first on the same date
        std::string line;
    };
    std::vector<Row> rows;
    auto line = [](std::string_view kind, const std::string& id, const std::string& date,
                   const std::array<int, kComponentCount>& centi, int total, const std::string& note) {
        std::string s = std::string(kind) + "," + csv_field(id, false) + "," + csv_field(date, false);
        for (int c : centi) s += "," + (c < 0 ? "-" + decimal(-c, 2, '.') : decimal(c, 2, '.'));
        s += "," + std::to_string(total) + "," + csv_field(note, true) + "\r\n";
        return s;
    };
    for (const SelfCheck& c : d.checks)
        rows.push_back({c.date, c.id, 0, line("selfcheck", c.id, c.date, c.component_centi, c.total, c.note)});
    for (const RealEntry& e : d.real)
        rows.push_back({e.date, e.id, 1, line("real", e.id, e.date, e.component_centi, e.total(), e.note)});
    // One history, oldest first ("2026-11-25" sorts before "2026-11-25T…": a real entry of a day comes first).
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        if (a.date != b.date) return a.date < b.date;
        if (a.kind != b.kind) return a.kind < b.kind;
        return a.id < b.id;
    });
    std::string out = std::string(kCsvHeader) + "\r\n";
    for (const Row& row : rows) out += row.line;
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Real SSI input
//-----------------------------------------------------------------------------

ValueParse parse_component_value(std::string_view raw) {
    ValueParse out;
    const std::string_view text = trim(raw);
    if (text.empty()) {
        out.problem = Problem{std::string(code::kInputEmpty), "", {}};
        return out;
    }
    const detail::CentiParse p = detail::parse_centi(text, kComponentMax * 100);
    switch (p.error) {
        case detail::CentiError::None: out.centi = p.centi; break;
        case detail::CentiError::NotANumber: out.problem = input_problem(code::kInputNotANumber, text); break;
        case detail::CentiError::TooManyDecimals: out.problem = input_problem(code::kInputTooManyDecimals, text); break;
        case detail::CentiError::OutOfRange: out.problem = input_problem(code::kInputOutOfRange, text); break;
    }
    return out;
}

PercentParse parse_top_percent(std::string_view raw) {
    PercentParse out;
    const std::string_view text = trim(raw);
    if (text.empty()) {
        out.problem = Problem{std::string(code::kInputEmpty), "", {}};
        return out;
    }
    std::string_view s = text;
    if (s.size() >= 3 && (s[0] == 'T' || s[0] == 't') && (s[1] == 'O' || s[1] == 'o') && (s[2] == 'P' || s[2] == 'p')) {
        s.remove_prefix(3);
        s = trim(s);
    }
    if (!s.empty() && s.back() == '%') {
        s.remove_suffix(1);
        s = trim(s);
    }
    if (!digits(s)) {
        out.problem = input_problem(code::kInputPercentMalformed, text);
        return out;
    }
    while (s.size() > 1 && s.front() == '0') s.remove_prefix(1);
    const int n = s.size() > 3 ? 1000 : to_int(s);
    if (n < 1 || n > 100) {
        out.problem = input_problem(code::kInputPercentOutOfRange, text);
        return out;
    }
    out.percent = n;
    return out;
}

std::optional<Problem> check_date(std::string_view text) {
    int y = 0, m = 0, d = 0;
    if (!split_date(text, y, m, d)) return input_problem(code::kDateMalformed, text);
    if (!valid_calendar_date(y, m, d)) return input_problem(code::kDateInvalid, text);
    return std::nullopt;
}

//-----------------------------------------------------------------------------
// [SECTION] Estimate versus reality
//-----------------------------------------------------------------------------

Comparison compare(const Result& estimate, const RealEntry& real, Lang lang) {
    Comparison out;
    out.estimate_centi = estimate.component_centi;
    out.real_centi = real.component_centi;
    const char separator = lang == Lang::De ? ',' : '.';
    for (Component c : kComponents) {
        const auto i = static_cast<std::size_t>(c);
        const int diff = out.estimate_centi[i] - out.real_centi[i];
        out.difference_centi[i] = diff;
        if (diff > -50 && diff < 50) continue;
        const std::string key =
            "compare." + std::string(component_key(c)) + (diff > 0 ? ".higher" : ".lower");
        out.sentences.emplace_back(key, Args{{"points", decimal(diff > 0 ? diff : -diff, 1, separator)}});
    }
    return out;
}

std::vector<Advice> rerank_advice(const std::vector<Advice>& advice, const RealEntry& real) {
    std::vector<Advice> out = advice;
    std::stable_sort(out.begin(), out.end(), [&](const Advice& a, const Advice& b) {
        return real.component_centi[static_cast<std::size_t>(a.component)] <
               real.component_centi[static_cast<std::size_t>(b.component)];
    });
    return out;
}

std::optional<int> change_since_last_week(const std::vector<RealEntry>& real) {
    // Entries with a date that is not a calendar date cannot be placed in time and are skipped.
    auto day = [](const RealEntry& e) -> std::optional<std::int64_t> {
        int y = 0, m = 0, d = 0;
        if (!split_date(e.date, y, m, d) || !valid_calendar_date(y, m, d)) return std::nullopt;
        return days_from_civil(y, m, d);
    };
    const RealEntry* newest = nullptr;
    std::int64_t newest_day = 0;
    for (const RealEntry& e : real) {
        std::optional<std::int64_t> d = day(e);
        if (d && (!newest || *d >= newest_day)) {  // on the same day the later entry wins
            newest = &e;
            newest_day = *d;
        }
    }
    if (!newest) return std::nullopt;
    const RealEntry* before = nullptr;
    std::int64_t before_day = 0;
    for (const RealEntry& e : real) {
        std::optional<std::int64_t> d = day(e);
        if (d && *d <= newest_day - 7 && (!before || *d >= before_day)) {
            before = &e;
            before_day = *d;
        }
    }
    if (!before) return std::nullopt;
    return newest->total() - before->total();
}

}  // namespace ssi::store
