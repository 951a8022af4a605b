#include "app/session.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <functional>

#include "app/announce.h"
#include "assets/assets.h"
#include "core/codes.h"
#include "core/handover_code.h"
#include "core/sorting.h"
#include "core/ssi_json.h"

#ifndef SSI_VERSION
#define SSI_VERSION "dev"
#endif

namespace ssi::app {

std::vector<PickedFile> parse_files(std::string_view files_json) {
  std::vector<PickedFile> files;
  const nlohmann::json list = parse_json(files_json);
  if (!list.is_array()) return files;
  for (const auto& item : list) {
    if (!item.is_object()) continue;
    const auto name = item.find("name");
    const auto text = item.find("text");
    const auto skipped = item.find("skipped");
    PickedFile file;
    file.name = name != item.end() && name->is_string() ? name->get<std::string>() : std::string();
    if (text != item.end() && text->is_string())
      file.text = text->get<std::string>();
    else if (skipped != item.end() && skipped->is_string())
      file.skipped = skipped->get<std::string>();
    else
      continue;
    files.push_back(std::move(file));
  }
  return files;
}

std::string file_name(double epoch_ms, std::string_view extension) {
  return "ssi-selfcheck-" + iso_date(epoch_ms) + "." + std::string(extension);
}

// --- Start ------------------------------------------------------------------------------------------------

bool Session::start(std::string* error) {
  Lang lang = language_for(host_.preferred_language());
  texts_[static_cast<int>(lang)] = host_.text_file(lang, TextPart::Common);
  // The page fetched the browser's language; should it be missing, the other one is shown (and named) meanwhile.
  if (texts_[static_cast<int>(lang)].empty()) {
    lang = lang == Lang::De ? Lang::En : Lang::De;
    texts_[static_cast<int>(lang)] = host_.text_file(lang, TextPart::Common);
  }
  if (texts_[static_cast<int>(lang)].empty()) {
    // No catalogue without texts: both languages written out. A connection that failed, not a build defect.
    *error =
        "Die Texte ließen sich nicht laden. Prüfen Sie die Verbindung und laden Sie die Seite neu. / "
        "The texts could not be loaded. Check the connection and reload the page.";
    return false;
  }
  if (!join_shipped(error, lang)) return false;
  restore_questionnaire();  // a trainer's own questionnaire first: the saved answers belong to it
  restore_saved();
  return true;
}

bool Session::join_shipped(std::string* error, Lang lang) {
  // The shipped content is built with the app: a failure here is a build defect (or another build's texts), said
  // plainly. Its messages are in the catalogue that failed to load, hence English and German written out.
  auto fail = [&](std::string_view what, const std::vector<Problem>& problems) {
    *error = "Broken embedded content / Fehlerhafte eingebettete Inhalte: " + std::string(what);
    if (!problems.empty())
      *error +=
          " (" + (problems.front().path.empty() ? "" : problems.front().path + ": ") + problems.front().code + ")";
    return false;
  };
  TextsJoin join = join_texts(assets::get("content/texts.skeleton"), texts_[0], texts_[1], rare_[0], rare_[1]);
  if (!join.ok()) return fail("texts.skeleton", join.problems);
  // A file the skeleton lacks is read as empty text, which its loader reports.
  auto file = [&](std::string_view name) {
    const auto found = join.files.find(name);
    return found == join.files.end() ? std::string() : std::move(found->second);
  };
  CatalogLoad messages = Catalog::load(file("content/messages.json"));
  std::string questionnaire_json = file("content/questionnaire.json");
  QuestionnaireLoad questionnaire = load_questionnaire(questionnaire_json);
  CatalogLoad ui = Catalog::load(file("content/ui.json"));
  if (!messages.ok()) return fail("content/messages.json", messages.problems);
  if (!ui.ok()) return fail("content/ui.json", ui.problems);
  Catalog strings = std::move(*ui.catalog);
  std::vector<std::string> duplicates;
  if (!strings.merge(*messages.catalog, &duplicates)) {
    *error = "Duplicate text keys in content/ui.json and content/messages.json: " + duplicates.front();
    return false;
  }
  if (!questionnaire.ok()) return fail("content/questionnaire.json", questionnaire.problems);
  standard_json_ = std::move(questionnaire_json);
  questionnaires.standard = *questionnaire.questionnaire;
  const auto text = [&](std::string_view key) {
    return Text{strings.format(key, Lang::De), strings.format(key, Lang::En)};
  };
  host_.set_crash_texts(text("ui.crash.message"), text("ui.crash.reload"));
  rare_missing_ = join.rare_missing;
  if (!model_) {
    model_.emplace(std::move(*questionnaire.questionnaire), std::move(strings), lang);
    return true;
  }
  if (questionnaires.pending && questionnaires.pending_text.empty()) questionnaires.pending = questionnaires.standard;
  std::optional<Questionnaire> active;
  if (!questionnaires.custom) active = std::move(*questionnaire.questionnaire);
  model_->replace_texts(std::move(active), std::move(strings));
  return true;
}

bool Session::fetch_texts(Lang lang, TextPart part) {
  std::string& texts = (part == TextPart::Rare ? rare_ : texts_)[static_cast<int>(lang)];
  if (!texts.empty()) return true;
  texts = host_.text_file(lang, part);
  std::string error;  // join_shipped() changes nothing when it fails: the texts held so far stay in use
  if (!texts.empty() && join_shipped(&error, model_->lang())) return true;
  texts.clear();
  return false;
}

void Session::complete_texts() {
  if (!rare_missing_ || rare_asked_) return;
  rare_asked_ = true;
  fetch_texts(model_->lang(), TextPart::Rare);  // failed: the notices say so (rare_texts_failed())
}

bool Session::use_language(Lang lang) {
  // Once rare texts are in, a language comes with its own: the other's would stand in for them, unnoticed.
  const bool rare_in = !rare_[0].empty() || !rare_[1].empty();
  if (!fetch_texts(lang, TextPart::Common) || (rare_in && !fetch_texts(lang, TextPart::Rare))) {
    Announcer::say(host_, model_->t("ui.lang.unavailable"), /*error=*/true);
    return false;
  }
  model_->set_lang(lang);
  return true;
}

void Session::restore_questionnaire() {
  const std::optional<std::string> text = host_.storage_get(kQuestionnaireKey);
  if (!text) return;
  QuestionnaireLoad load = load_questionnaire(*text);
  if (!load.ok()) {
    // The stored file stays where it is (nothing the trainer saved is lost); ours is used meanwhile. What is wrong
    // is said in rare texts, kept as written now: they are joined in first.
    complete_texts();
    questionnaires.errors.clear();
    for (const Problem& problem : load.problems)
      questionnaires.errors.push_back(describe(model_->strings(), problem, model_->lang()));
    questionnaires.message = model_->t("ui.workshop.q.stored_broken");
    return;
  }
  model_->set_questionnaire(std::move(*load.questionnaire));
  questionnaires.custom = true;
}

void Session::restore_saved() {
  Model& m = *model_;
  persistence_.emplace(host_, m.questionnaire());
  person.loaded = persistence_->load();
  const store::Document& doc = persistence_->document();
  if (doc.settings.language) {
    person.settings.language = doc.settings.language;
    use_language(*doc.settings.language);
  }
  person.settings.text_size_percent = doc.settings.text_size_percent;
  const Screen screen = screen_from_key(doc.progress.screen).value_or(Screen::Welcome);
  if (!doc.progress.answers.empty() || screen != Screen::Welcome)
    m.restore(doc.progress.answers, screen, doc.progress.question);
  synced_revision_ = m.revision();
}

// --- The document -----------------------------------------------------------------------------------------

void Session::sync_document() {
  Model& m = *model_;
  if (m.revision() == synced_revision_) return;
  synced_revision_ = m.revision();
  store::Document& doc = persistence_->document();
  store::Progress progress{m.committed_answers(), std::string(screen_key(m.screen())), m.current_id()};
  const std::optional<Lang> language = person.settings.language ? person.settings.language : doc.settings.language;
  if (progress == doc.progress && language == doc.settings.language) return;
  doc.progress = std::move(progress);
  doc.settings.language = language;
  persistence_->changed();
}

const Calibration& Session::calibration() {
  if (calibration_revision_ == persistence_->revision()) return calibration_;
  calibration_revision_ = persistence_->revision();
  const store::Document& doc = persistence_->document();
  std::vector<std::pair<int, int>> pairs;
  for (const store::RealEntry& real : doc.real) {
    const store::SelfCheck* latest = nullptr;
    for (const store::SelfCheck& check : doc.checks)
      if (std::string_view(check.date).substr(0, 10) <= real.date && (!latest || check.date >= latest->date))
        latest = &check;
    if (latest) pairs.emplace_back(latest->total, real.total());
  }
  calibration_ = calibrate(pairs);
  return calibration_;
}

const HistoryIndex& Session::history_index() {
  if (history_revision_ == persistence_->revision()) return history_;
  history_revision_ = persistence_->revision();
  ++history_builds_;
  const store::Document& doc = persistence_->document();
  HistoryIndex& h = history_;
  h = {};
  // The list, newest first.
  std::vector<std::pair<std::string_view, HistoryIndex::Row>> by_date;
  for (std::size_t i = 0; i < doc.checks.size(); ++i) by_date.push_back({doc.checks[i].date, {false, i}});
  for (std::size_t i = 0; i < doc.real.size(); ++i) by_date.push_back({doc.real[i].date, {true, i}});
  ssi::stable_sort(by_date.begin(), by_date.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  h.rows.reserve(by_date.size());
  for (const auto& [date, row] : by_date) h.rows.push_back(row);
  // The chart's points.
  for (const store::SelfCheck& c : doc.checks)
    if (auto d = date::day_number(c.date))
      h.points.push_back({*d, false, c.total, c.component_centi, c.date.substr(0, 10)});
  for (const store::RealEntry& r : doc.real)
    if (auto d = date::day_number(r.date)) h.points.push_back({*d, true, r.total(), r.component_centi, r.date});
  for (const HistoryIndex::Point& pt : h.points) {
    const auto at = static_cast<std::size_t>(&pt - h.points.data());
    if (pt.day <= h.points[h.first].day) h.first = at;  // on a tie the later point labels the axis
    if (pt.day >= h.points[h.last].day) h.last = at;
  }
  // The table, oldest first: an entry per row, or equal shares of them.
  struct Entry {
    std::string_view id, date;
    bool real;
    int total;
    const std::array<int, kComponentCount>* centi;
  };
  std::vector<Entry> entries;
  for (const store::SelfCheck& c : doc.checks)
    entries.push_back({c.id, std::string_view(c.date).substr(0, 10), false, c.total, &c.component_centi});
  for (const store::RealEntry& r : doc.real)
    entries.push_back({r.id, std::string_view(r.date).substr(0, 10), true, r.total(), &r.component_centi});
  ssi::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.date < b.date; });
  h.grouped = entries.size() > HistoryIndex::kTableRows;
  const std::size_t rows = h.grouped ? HistoryIndex::kTableRows : entries.size();
  if (rows > 0) h.per_row = (entries.size() + rows - 1) / rows;
  for (std::size_t g = 0; g < rows; ++g) {
    // Row g holds entries [first, last): one entry, or an equal share of them when grouped.
    const std::size_t first = h.grouped ? g * entries.size() / rows : g;
    const std::size_t last = h.grouped ? (g + 1) * entries.size() / rows : g + 1;
    HistoryIndex::TableRow row;
    row.id = h.grouped ? std::string() : std::string(entries[first].id);
    row.first = entries[first].date;
    row.last = entries[last - 1].date;
    row.real = entries[first].real;
    row.count = static_cast<int>(last - first);
    for (std::size_t e = first; e < last; ++e) {
      row.total_sum += entries[e].total;
      for (int i = 0; i < kComponentCount; ++i) row.centi_sum[i] += (*entries[e].centi)[i];
    }
    h.table.push_back(std::move(row));
  }
  h.change_last_week = store::change_since_last_week(doc.real);
  return h;
}

void Session::storage_changed_elsewhere() {
  sync_document();  // this tab's latest answers take part in the merge
  if (persistence_->reload_from_storage()) follow_document();
}

void Session::save_due() {
  sync_document();
  persistence_->tick();
  if (persistence_->take_merged()) follow_document();
}

void Session::save_now() {
  sync_document();
  persistence_->flush();
  if (persistence_->take_merged()) follow_document();
}

// Follow the other tab: its answers and language; this tab stays on its screen.
void Session::follow_document() {
  const store::Document& doc = persistence_->document();
  model_->replace_answers(doc.progress.answers);
  person.settings.language = doc.settings.language;
  if (doc.settings.language) use_language(*doc.settings.language);
  person.settings.text_size_percent = doc.settings.text_size_percent;
  synced_revision_ = model_->revision();
}

void Session::set_text_size(int percent) {
  person.settings.text_size_percent = std::clamp(percent, kTextSizeMin, kTextSizeMax);
  store::Document& doc = persistence_->document();
  if (doc.settings.text_size_percent == person.settings.text_size_percent) return;
  doc.settings.text_size_percent = person.settings.text_size_percent;
  persistence_->changed();
}

void Session::set_language(Lang lang) {
  if (use_language(lang)) person.settings.language = lang;
}

std::string Session::new_id() {
  char buffer[20];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(host_.random64()));
  return buffer;
}

void Session::save_check() {
  Model& m = *model_;
  const Result& r = m.saved_result();
  store::Document& doc = persistence_->document();
  // The same answers saved twice in a row are one self-check.
  const std::string said = m.t("ui.a11y.saved", {{"total", std::to_string(r.total)}});
  if (!doc.checks.empty() && doc.checks.back().answers == m.committed_answers()) {
    person.saved_at = host_.now_ms();
    Announcer::say(host_, said);
    return;
  }
  store::SelfCheck check;
  check.id = new_id();
  check.date = iso_datetime(host_.epoch_ms());
  check.questionnaire_id = m.questionnaire().id;
  check.questionnaire_version = m.questionnaire().version;
  check.answers = m.committed_answers();
  check.component_centi = r.component_centi;
  check.total = r.total;
  doc.checks.push_back(std::move(check));
  persistence_->changed();
  person.saved_at = host_.now_ms();
  Announcer::say(host_, said);
}

std::string Session::export_text() const {
  return store::export_all(persistence_->document(), SSI_VERSION, iso_datetime(host_.epoch_ms()));
}

// --- Import -----------------------------------------------------------------------------------------------

std::string Session::import_text(std::string_view text, bool preview) {
  complete_texts();
  Model& m = *model_;
  store::ImportPreview p = store::preview_import(text, persistence_->document(), m.questionnaire());
  std::string reason;
  if (!p.ok())
    reason = describe(m.strings(), p.problems.front(), m.lang());
  else if (!persistence_->has_room_for(store::merge(persistence_->document(), p)))
    reason = m.t("ui.data.import_no_room");  // refused up front: never "imported" and then "could not be saved"
  nlohmann::json reply = {{"ok", reason.empty()}, {"error", nullptr}};
  if (!reason.empty()) {
    person.import_message = m.t("ui.data.import_failed", {{"reason", reason}});
    Announcer::say(host_, person.import_message, /*error=*/true);
    reply["error"] = reason;
  } else if (preview) {
    person.pending_import = std::move(p);
    person.import_message.clear();
  } else {
    persistence_->document() = store::merge(persistence_->document(), p);
    persistence_->changed();
    person.import_message = m.t("ui.data.import_done");
    say_imported(p);
  }
  if (preview) m.show(Screen::Data);
  return reply.dump();
}

void Session::say_imported(const store::ImportPreview& added) {
  Announcer::say(host_, model_->t("ui.a11y.import_done", {{"checks", std::to_string(added.new_checks.size())},
                                                          {"real", std::to_string(added.new_real.size())}}));
}

void Session::confirm_import() {
  if (!person.pending_import) return;
  store::Document merged = store::merge(persistence_->document(), *person.pending_import);
  if (!persistence_->has_room_for(merged)) {  // the storage filled up since the preview: nothing changes
    person.import_message = model_->t("ui.data.import_failed", {{"reason", model_->t("ui.data.import_no_room")}});
    person.pending_import.reset();
    return;
  }
  persistence_->document() = std::move(merged);
  persistence_->changed();
  person.import_message = model_->t("ui.data.import_done");
  say_imported(*person.pending_import);
  person.pending_import.reset();
}

// --- Files ------------------------------------------------------------------------------------------------

void Session::open_files(std::string_view files_json) { open_files(parse_files(files_json)); }

void Session::open_files(const std::vector<PickedFile>& files) {
  complete_texts();
  Model& m = *model_;
  if (files.empty()) return;
  // Hand-overs and saved group sessions go to the group view from anywhere; several files only go there.
  const std::string type = files.front().text ? store::file_type(*files.front().text) : std::string();
  if (m.screen() == Screen::Group || type == workshop::kHandoverType || type == workshop::kGroupType ||
      files.size() > 1) {
    add_group_files(files);
    m.show(Screen::Group);
    return;
  }
  if (!files.front().text) return;  // a single file is always read
  if (m.screen() == Screen::Workshop && type != store::kExportType) {
    open_questionnaire(*files.front().text, false);
    return;
  }
  import_text(*files.front().text, /*preview=*/true);
}

std::string Session::group_import(std::string_view files_json) {
  add_group_files(parse_files(files_json));
  model_->show(Screen::Group);
  return group_json();
}

void Session::add_group_files(const std::vector<PickedFile>& picked) {
  complete_texts();
  GroupSession& now = group.now();
  workshop::Group& g = now.group;
  // The readable files go to the core; files the page did not read (too large, too many) are listed too.
  std::vector<workshop::GroupFile> files;
  std::vector<int> index_of_file;  // position in `picked` of each file given to the core
  for (int i = 0; i < static_cast<int>(picked.size()); ++i) {
    if (!picked[i].text) continue;
    if (!now.seen.insert(std::hash<std::string>{}(*picked[i].text)).second) ++now.identical;
    files.push_back({picked[i].name, *picked[i].text, picked[i].code});
    index_of_file.push_back(i);
  }
  const std::size_t first_new = g.errors.size();
  now.revision = ++group_revisions_;
  workshop::add_files(g, files);
  for (std::size_t e = first_new; e < g.errors.size(); ++e) g.errors[e].index = index_of_file[g.errors[e].index];
  for (int i = 0; i < static_cast<int>(picked.size()); ++i) {
    if (picked[i].text) continue;
    Problem problem = picked[i].skipped == "size" ? Problem{std::string(code::kWorkshopTooLarge),
                                                            "",
                                                            {{"max", std::to_string(workshop::kMaxGroupBytes / 1024)}}}
                                                  : Problem{std::string(code::kWorkshopTooManyFiles),
                                                            "",
                                                            {{"max", std::to_string(workshop::kMaxGroupFiles)}}};
    g.errors.push_back({i, picked[i].name, {std::move(problem)}});
  }
  ssi::stable_sort(g.errors.begin() + static_cast<std::ptrdiff_t>(first_new), g.errors.end(),
                   [](const workshop::FileError& a, const workshop::FileError& b) { return a.index < b.index; });
  const Model& m = *model_;
  Announcer::say(host_, m.t("ui.a11y.group_added", {{"count", std::to_string(g.participants())}}));
  if (const std::size_t refused = g.errors.size() - first_new; refused > 0)
    Announcer::say(host_,
                   m.t(refused == 1 ? "ui.group.errors.one" : "ui.group.errors", {{"count", std::to_string(refused)}}),
                   /*error=*/true);
}

void Session::add_scanned(std::string_view code, double now_ms) {
  complete_texts();
  Scanner& scan = group.scanner;
  // The camera reads a code in every frame it is in view: it counts again only after 2 s out of view.
  const bool still_in_view = code == scan.held && now_ms - scan.held_ms < 2000.0;
  scan.held = code;
  scan.held_ms = now_ms;
  if (still_in_view) return;
  const std::size_t hash = std::hash<std::string_view>{}(code);
  const auto known = scan.known.find(hash);
  const Model& m = *model_;
  if (scan.refused_codes.count(hash) > 0) {  // refused before: said again, listed once
    scan.last = Scanner::Last::Refused;
    scan.last_detail = known->second;
    Announcer::say(host_, m.t("ui.scan.refused", {{"reason", known->second}}), /*error=*/true);
    if (scan.sound) host_.scan_tone(ScanTone::Refused);
    return;
  }
  if (group.now().seen.count(hash) > 0) {  // in this session already (scanned, typed or in a file)
    ++scan.repeats;
    scan.last = Scanner::Last::Repeat;
    scan.last_detail = known != scan.known.end() ? known->second : std::string();
    Announcer::say(host_, m.t("ui.scan.repeat.said"));
    if (scan.sound) host_.scan_tone(ScanTone::Repeat);
    return;
  }
  const workshop::Group& g = group.now().group;
  const std::size_t errors_before = g.errors.size();
  add_group_files({{m.t("ui.scan.file_name"), std::string(code), {}, /*code=*/true}});
  if (g.errors.size() > errors_before) {
    const workshop::FileError& e = g.errors.back();
    scan.last_detail = e.problems.empty() ? std::string() : describe(m.strings(), e.problems.front(), m.lang());
    scan.last = Scanner::Last::Refused;
    scan.refused_codes.insert(hash);
    ++scan.refused;
  } else {
    // The participant just added is the one with the highest number.
    const workshop::Participant* added = nullptr;
    for (const workshop::GroupPart& part : g.parts)
      for (const workshop::Participant& p : part.participants)
        if (!added || p.number > added->number) added = &p;
    scan.last_detail = !added                ? std::string()
                       : added->name.empty() ? m.t("ui.group.participant", {{"n", std::to_string(added->number)}})
                                             : added->name;
    scan.last = Scanner::Last::Added;
    ++scan.added;
  }
  scan.known[hash] = scan.last_detail;
  if (scan.sound) host_.scan_tone(scan.last == Scanner::Last::Added ? ScanTone::Added : ScanTone::Refused);
}

std::string Session::group_json() const {
  const workshop::Group& g = group.now().group;
  nlohmann::json out = nlohmann::json::object();
  if (!g.parts.empty())
    out = parse_json(workshop::part_json(g.parts.front()));
  else {
    nlohmann::json empty = {{"mean", 0}, {"median", 0}, {"min", 0}, {"max", 0}};
    out = {{"participants", 0},
           {"total", empty},
           {"components", nlohmann::json::array({empty, empty, empty, empty})},
           {"corridors", {0, 0, 0, 0}}};
  }
  nlohmann::json parts = nlohmann::json::array();
  for (const auto& part : g.parts) parts.push_back(parse_json(workshop::part_json(part)));
  out["parts"] = std::move(parts);
  out["allParticipants"] = g.participants();
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& e : g.errors)
    errors.push_back(
        {{"index", e.index},
         {"name", e.name},
         {"code", e.problems.empty() ? std::string() : e.problems.front().code},
         {"message",
          e.problems.empty() ? std::string() : describe(model_->strings(), e.problems.front(), model_->lang())}});
  out["errors"] = std::move(errors);
  nlohmann::json sessions = nlohmann::json::array();
  for (std::size_t i = 0; i < group.sessions.size(); ++i)
    sessions.push_back({{"name", group_session_name(i)}, {"participants", group.sessions[i].group.participants()}});
  out["sessions"] = std::move(sessions);
  out["session"] = group.current;
  const std::optional<workshop::Comparison>& c = comparison();
  out["comparison"] = c ? parse_json(workshop::comparison_json(*c)) : nlohmann::json();
  return out.dump();
}

void Session::new_group_session(std::string_view name) {
  GroupSession next;
  // A typed session name loses surrounding blanks; an empty one is numbered when shown.
  const std::size_t first = name.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos) next.name = name.substr(first, name.find_last_not_of(" \t\r\n") - first + 1);
  group.compare_before = group.current;
  group.sessions.push_back(std::move(next));
  group.current = group.compare_after = group.sessions.size() - 1;
  group.new_name.clear();
}

void Session::open_group_session(std::size_t index) {
  if (index < group.sessions.size()) group.current = index;
}

std::string Session::group_session_name(std::size_t index) const {
  const std::string& name = group.sessions[index].name;
  return name.empty() ? model_->t("ui.group.session.n", {{"n", std::to_string(index + 1)}}) : name;
}

const std::optional<workshop::Comparison>& Session::comparison() const {
  const std::size_t n = group.sessions.size();
  if (n < 2 || group.compare_before >= n || group.compare_after >= n || group.compare_before == group.compare_after) {
    comparison_key_.reset();
    comparison_.reset();
    return comparison_;
  }
  const GroupSession &before = group.sessions[group.compare_before], &after = group.sessions[group.compare_after];
  const ComparisonKey key{group.compare_before, group.compare_after, before.revision, after.revision};
  if (comparison_key_ == key) return comparison_;
  comparison_key_ = key;
  comparison_ = workshop::compare_groups(before.group, after.group);
  ++comparison_builds_;
  return comparison_;
}

std::string Session::comparison_csv() const {
  const std::optional<workshop::Comparison>& c = comparison();
  return c ? workshop::comparison_csv(*c, group_session_name(group.compare_before),
                                      group_session_name(group.compare_after))
           : std::string();
}

// --- Questionnaires ---------------------------------------------------------------------------------------

void Session::open_questionnaire(std::string_view text, bool confirmed) {
  complete_texts();
  Model& m = *model_;
  QuestionnaireChoice& q = questionnaires;
  QuestionnaireLoad load = load_questionnaire(text);
  q.errors.clear();
  q.pending.reset();
  if (!load.ok()) {
    for (const Problem& problem : load.problems) q.errors.push_back(describe(m.strings(), problem, m.lang()));
    const std::size_t n = load.problems.size();
    q.message = m.t(n == 1 ? "ui.workshop.q.refused.one" : "ui.workshop.q.refused", {{"count", std::to_string(n)}});
    Announcer::say(host_, q.message, /*error=*/true);
    return;
  }
  // Results carry id and version, and the group view keeps them apart by those alone: a changed copy of ours
  // under our id and version would mix with real ones. Compared as values: the shipped copy is minified.
  const bool ours = load.questionnaire->id == q.standard.id && load.questionnaire->version == q.standard.version;
  // Compared with ours in both languages, rare texts (the reasons) included: offline without them, that cannot be told.
  if (ours && !(fetch_texts(Lang::De, TextPart::Common) && fetch_texts(Lang::En, TextPart::Common) &&
                fetch_texts(Lang::De, TextPart::Rare) && fetch_texts(Lang::En, TextPart::Rare))) {
    q.message = m.t("ui.workshop.q.compare_offline");
    Announcer::say(host_, q.message, /*error=*/true);
    return;
  }
  if (ours && parse_json(text) != parse_json(standard_json_)) {
    q.errors.push_back(m.t("ui.workshop.q.same_id", {{"id", q.standard.id}, {"version", q.standard.version}}));
    q.message = m.t("ui.workshop.q.refused.one", {{"count", "1"}});
    Announcer::say(host_, q.message, /*error=*/true);
    return;
  }
  if (!confirmed && !m.committed_answers().empty()) {
    q.pending = std::move(*load.questionnaire);
    q.pending_text = std::string(text);
    q.message.clear();
    return;
  }
  activate_questionnaire(std::move(*load.questionnaire), std::string(text));
}

void Session::confirm_questionnaire() {
  if (!questionnaires.pending) return;
  activate_questionnaire(std::move(*questionnaires.pending), questionnaires.pending_text);
}

void Session::activate_questionnaire(Questionnaire q, std::string text) {
  Model& m = *model_;
  questionnaires.pending.reset();
  const bool custom = !text.empty();
  if (custom && !host_.storage_set(kQuestionnaireKey, text)) {
    questionnaires.message = m.t("ui.workshop.q.not_stored");
  } else {
    if (!custom) host_.storage_remove(kQuestionnaireKey);
    questionnaires.message = m.t(custom ? "ui.workshop.q.loaded" : "ui.workshop.q.standard_back",
                                 {{"title", q.title.get(m.lang())}, {"version", q.version}});
  }
  questionnaires.custom = custom;
  const Screen screen = m.screen();
  m.set_questionnaire(std::move(q));
  m.show(screen);
}

void Session::use_standard_questionnaire() {
  questionnaires.errors.clear();
  if (!model_->committed_answers().empty()) {
    questionnaires.pending = questionnaires.standard;
    questionnaires.pending_text.clear();
    return;
  }
  activate_questionnaire(questionnaires.standard, {});
}

// --- The person -------------------------------------------------------------------------------------------

void Session::save_real() {
  complete_texts();
  RealForm& f = person.real;
  f.tried = true;
  f.message.clear();
  store::RealEntry entry;
  for (int i = 0; i < kComponentCount; ++i) {
    const std::optional<int> centi = store::parse_component_value(f.values[i]).centi;
    if (!centi) return;
    entry.component_centi[i] = *centi;
  }
  if (store::check_date(f.date)) return;
  const store::PercentParse industry = store::parse_top_percent(f.industry);
  const store::PercentParse network = store::parse_top_percent(f.network);
  if ((!f.industry.empty() && !industry.percent) || (!f.network.empty() && !network.percent)) return;
  entry.id = new_id();
  entry.date = f.date;
  if (!f.industry.empty()) entry.industry_top_percent = industry.percent;
  if (!f.network.empty()) entry.network_top_percent = network.percent;
  store::Document& doc = persistence_->document();
  doc.real.push_back(std::move(entry));
  ssi::stable_sort(doc.real.begin(), doc.real.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
  persistence_->changed();
  for (auto& v : f.values) v.clear();
  f.industry.clear();
  f.network.clear();
  f.tried = false;
  f.message = model_->t("ui.real.saved");
  Announcer::say(host_, f.message);
}

void Session::delete_entry(bool real, std::size_t index) {
  store::Document& doc = persistence_->document();
  person.undo_check.reset();
  person.undo_real.reset();
  person.undo_index = index;
  if (real) {
    person.undo_real = doc.real[index];
    doc.real.erase(doc.real.begin() + static_cast<std::ptrdiff_t>(index));
  } else {
    person.undo_check = doc.checks[index];
    doc.checks.erase(doc.checks.begin() + static_cast<std::ptrdiff_t>(index));
  }
  persistence_->changed();
}

void Session::undo_delete() {
  store::Document& doc = persistence_->document();
  if (person.undo_check)
    doc.checks.insert(doc.checks.begin() + std::min(person.undo_index, doc.checks.size()), *person.undo_check);
  if (person.undo_real)
    doc.real.insert(doc.real.begin() + std::min(person.undo_index, doc.real.size()), *person.undo_real);
  person.undo_check.reset();
  person.undo_real.reset();
  persistence_->changed();
}

std::string Session::handover_text() const {
  // What the download button would give: nothing while it is disabled (no answers, or a nickname it refuses).
  if (model_->saved_result().answered == 0 || workshop::check_nickname(person.handover.nickname)) return {};
  return handover_file_text();
}

std::string Session::handover_file_text() const {
  return workshop::handover_json(
      workshop::make_handover(model_->questionnaire(), model_->saved_result(), person.handover.nickname), SSI_VERSION);
}

std::string Session::handover_code_text() const {
  if (model_->saved_result().answered == 0 || workshop::check_nickname(person.handover.nickname)) return {};
  return workshop::handover_code(
      workshop::make_handover(model_->questionnaire(), model_->saved_result(), person.handover.nickname),
      iso_date(host_.epoch_ms()));
}

void Session::forget_person(Screen show) {
  persistence_->delete_all(kQuestionnaireKey);
  person = {};  // everything the screens held of this person, with no field left behind
  model_->restore({}, show, {});
  synced_revision_ = model_->revision();
}

void Session::next_participant() {
  use_language(language_for(host_.preferred_language()));  // the next person starts in the browser's language
  forget_person(Screen::Welcome);
  clear_group();  // the group view holds other people's results: not for the next person's eyes
}

}  // namespace ssi::app
