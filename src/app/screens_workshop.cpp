// Workshop mode: the trainer's hub, presenter slides for a projector, the participant's "for my trainer"
// hand-over, the group view, "next participant" on a shared device, and a trainer's own questionnaire.
// Everything stays on the device; data moves only as files people choose to hand over.
#include <imgui.h>
#include <imgui_internal.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <functional>

#include "app/app_impl.h"
#include "app/format.h"
#include "app/glyphs.h"
#include "app/screen_parts.h"
#include "app/theme.h"
#include "app/widgets.h"
#include "assets/assets.h"
#include "core/codes.h"
#include "core/json_util.h"

#ifndef SSI_VERSION
#define SSI_VERSION "dev"
#endif

namespace ssi::app {

inline constexpr int kSlideCount = 6;
// Keys that turn slides (a presenter's clicker sends PageDown/PageUp or the arrows).
inline constexpr ImGuiKey kSlideKeys[] = {ImGuiKey_LeftArrow, ImGuiKey_RightArrow, ImGuiKey_UpArrow, ImGuiKey_DownArrow,
                                          ImGuiKey_PageUp,    ImGuiKey_PageDown,   ImGuiKey_Home,    ImGuiKey_End};

namespace {

// Slide text: one step up from body text, for the back row.
void slide_text(std::string_view text, ImVec4 colour = ImVec4(0, 0, 0, 0)) {
  ImGui::PushFont(theme().font(Font::H2));
  paragraph(text, colour);
  ImGui::PopFont();
}

// Group statistics with two decimals: exactly the hundredths the core computed (and the test hook reports).
std::string points(int centi, Lang lang) { return format_centi(centi, 2, lang); }

// The name a participant appears under: their nickname, else "Participant N".
std::string participant_name(const Model& m, const workshop::Participant& p) {
  return p.name.empty() ? m.t("ui.group.participant", {{"n", std::to_string(p.number)}}) : p.name;
}

// A file name part from a nickname: ASCII letters and digits only (anything else is left out).
std::string file_safe(std::string_view text) {
  std::string out;
  for (char c : text)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) out += c;
  return out.substr(0, 24);
}

// The files of an open_files() call: [{"name", "text"} or {"name", "text": null, "skipped": "size" | "count"}, …]
// (see ssi_js_install_file_reader); anything malformed is left out.
std::vector<PickedFile> parse_files(std::string_view files_json) {
  std::vector<PickedFile> files;
  const nlohmann::json list = nlohmann::json::parse(files_json, nullptr, false);
  if (!list.is_array()) return files;
  for (const auto& item : list) {
    if (!item.is_object()) continue;
    const auto name = item.find("name");
    const auto text = item.find("text");
    const auto skipped = item.find("skipped");
    PickedFile file;
    file.name = name != item.end() && name->is_string() ? name->get<std::string>() : std::string();
    if (text != item.end() && text->is_string()) file.text = text->get<std::string>();
    else if (skipped != item.end() && skipped->is_string()) file.skipped = skipped->get<std::string>();
    else continue;
    files.push_back(std::move(file));
  }
  return files;
}

// What a file says it is ("type" of our JSON files), without validating anything else (depth-bounded parse:
// the file may be anything).
std::string file_type(const std::optional<std::string>& text) {
  if (!text) return {};
  std::vector<Problem> problems;
  const std::optional<nlohmann::json> j = detail::parse_limited(*text, store::kMaxDepth, false, problems);
  if (!j || !j->is_object()) return {};
  const auto type = j->find("type");
  return type != j->end() && type->is_string() ? type->get<std::string>() : std::string();
}

// A horizontal bar row: label on the left, a bar proportional to value/max, the value text on the right.
void bar_row(const std::string& label, float value, float max, const std::string& value_text, ImVec4 colour) {
  const Theme& th = theme();
  const Palette& p = th.palette;
  const float width = ImGui::CalcItemWidth();
  const float label_w = std::min(width * 0.42f, th.em(13.0f));
  const float value_w = th.em(3.2f);
  const float bar_w = std::max(th.em(2.0f), width - label_w - value_w - th.em(1.0f));
  const float h = text_size("X", Font::Body).y;
  const ImVec2 o = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImGui::PushFont(th.font(Font::Body));
  ImGui::RenderTextEllipsis(dl, o, ImVec2(o.x + label_w, o.y + h), o.x + label_w, o.x + label_w, label.c_str(), nullptr,
                            nullptr);
  const ImVec2 bar(o.x + label_w + th.em(0.5f), o.y + h * 0.2f);
  dl->AddRectFilled(bar, bar + ImVec2(bar_w, h * 0.6f), u32(p.track), h * 0.3f);
  if (max > 0 && value > 0)
    dl->AddRectFilled(bar, bar + ImVec2(bar_w * std::min(1.0f, value / max), h * 0.6f), u32(colour), h * 0.3f);
  const float tw = text_size(value_text, Font::Body).x;
  dl->AddText(ImVec2(o.x + width - tw, o.y), u32(p.text), value_text.c_str());
  ImGui::PopFont();
  ImGui::Dummy(ImVec2(width, h));
}

}  // namespace

// --- Questionnaire in use -------------------------------------------------------------------------------

void App::Impl::questionnaire_label() {
  const Model& m = *model;
  const Questionnaire& q = m.questionnaire();
  small_text(m.t(custom_questionnaire ? "ui.workshop.q.active_custom" : "ui.workshop.q.active",
                 {{"title", q.title.get(m.lang())}, {"id", q.id}, {"version", q.version}}),
             theme().palette.text_muted);
}

void App::Impl::restore_questionnaire() {
  const std::optional<std::string> text = host.storage_get(kQuestionnaireKey);
  if (!text) return;
  QuestionnaireLoad load = load_questionnaire(*text);
  if (!load.ok()) {
    // The stored file stays where it is (nothing the trainer saved is lost); ours is used meanwhile.
    questionnaire_errors.clear();
    for (const Problem& problem : load.problems) questionnaire_errors.push_back(describe(model->strings(), problem, model->lang()));
    questionnaire_message = model->t("ui.workshop.q.stored_broken");
    return;
  }
  model->set_questionnaire(std::move(*load.questionnaire));
  custom_questionnaire = true;
}

void App::Impl::open_questionnaire(std::string_view text, bool confirmed) {
  Model& m = *model;
  QuestionnaireLoad load = load_questionnaire(text);
  questionnaire_errors.clear();
  pending_questionnaire.reset();
  if (!load.ok()) {
    for (const Problem& problem : load.problems) questionnaire_errors.push_back(describe(m.strings(), problem, m.lang()));
    const std::size_t n = load.problems.size();
    questionnaire_message = m.t(n == 1 ? "ui.workshop.q.refused.one" : "ui.workshop.q.refused", {{"count", std::to_string(n)}});
    return;
  }
  // Results carry id and version, and the group view keeps them apart by those alone: a changed copy of ours
  // under our id and version would mix with real ones.
  if (load.questionnaire->id == standard.id && load.questionnaire->version == standard.version &&
      text != assets::get("content/questionnaire.json")) {
    questionnaire_errors.push_back(m.t("ui.workshop.q.same_id", {{"id", standard.id}, {"version", standard.version}}));
    questionnaire_message = m.t("ui.workshop.q.refused.one", {{"count", "1"}});
    return;
  }
  if (!confirmed && !m.committed_answers().empty()) {
    pending_questionnaire = std::move(*load.questionnaire);
    pending_questionnaire_text = std::string(text);
    questionnaire_message.clear();
    return;
  }
  activate_questionnaire(std::move(*load.questionnaire), std::string(text));
}

void App::Impl::activate_questionnaire(Questionnaire q, std::string text) {
  Model& m = *model;
  pending_questionnaire.reset();
  const bool custom = !text.empty();
  if (custom && !host.storage_set(kQuestionnaireKey, text)) {
    questionnaire_message = m.t("ui.workshop.q.not_stored");
  } else {
    if (!custom) host.storage_remove(kQuestionnaireKey);
    questionnaire_message = m.t(custom ? "ui.workshop.q.loaded" : "ui.workshop.q.standard_back",
                                {{"title", q.title.get(m.lang())}, {"version", q.version}});
  }
  custom_questionnaire = custom;
  const Screen screen = m.screen();
  m.set_questionnaire(std::move(q));
  m.show(screen);
}

void App::Impl::use_standard_questionnaire() {
  questionnaire_errors.clear();
  if (!model->committed_answers().empty()) {
    pending_questionnaire = standard;
    pending_questionnaire_text.clear();
    return;
  }
  activate_questionnaire(standard, {});
}

// --- Workshop hub ---------------------------------------------------------------------------------------

void App::Impl::workshop() {
  Model& m = *model;
  const Palette& p = theme().palette;
  heading(m.t("ui.workshop.title"), Font::H1);
  paragraph(m.t("ui.workshop.intro"), p.text_muted);
  gap(0.6f);

  // One card per task: what it is for, and the button that starts it.
  auto task = [&](const char* title, const char* text, const char* id, const char* label, ButtonOptions options, ImVec4 accent) {
    begin_card(1.0f);
    heading(m.t(title), Font::H2);
    paragraph(m.t(text));
    gap(0.2f);
    const bool clicked = button(id, m.t(label), options);
    end_card(accent);
    gap(0.6f);
    return clicked;
  };
  if (task("ui.workshop.present.title", "ui.workshop.present.text", "workshop.presenter", "ui.workshop.present.start",
           {.style = ButtonStyle::Primary, .icon = SSI_ICON_PLAY}, p.accent)) {
    slide = 0;
    m.show(Screen::Presenter);
  }
  if (task("ui.workshop.group.title", "ui.workshop.group.text", "workshop.group", "ui.workshop.group.open",
           {.icon = SSI_ICON_USERS}, p.component[1]))
    m.show(Screen::Group);
  if (task("ui.workshop.handover.title", "ui.workshop.handover.text", "workshop.handover", "ui.handover.title",
           {.icon = SSI_ICON_UPLOAD}, p.component[3]))
    m.show(Screen::Handover);

  // The questionnaire in use, and a trainer's own.
  begin_card(1.0f);
  heading(m.t("ui.workshop.q.title"), Font::H2);
  questionnaire_label();
  paragraph(m.t("ui.workshop.q.text"));
  gap(0.2f);
  std::vector<RowButton> row = {{"workshop.q.load", m.t("ui.workshop.q.load"), {.icon = SSI_ICON_UPLOAD}}};
  if (custom_questionnaire) row.push_back({"workshop.q.standard", m.t("ui.workshop.q.standard"), {.style = ButtonStyle::Quiet, .icon = SSI_ICON_UNDO}});
  const int q = button_row(row);
  if (q == 0) host.pick_file(false);
  if (q == 1) use_standard_questionnaire();
  if (!questionnaire_message.empty()) {
    gap(0.2f);
    paragraph(questionnaire_message, questionnaire_errors.empty() ? p.text : p.danger);
  }
  // Every problem with its location, so the trainer can fix the file in one go.
  for (const std::string& error : questionnaire_errors) small_text("• " + error, p.text);
  if (pending_questionnaire) {
    gap(0.3f);
    const std::size_t n = m.committed_answers().size();
    paragraph(m.t(n == 1 ? "ui.workshop.q.confirm.one" : "ui.workshop.q.confirm", {{"count", std::to_string(n)}}), p.warning);
    const int c = button_row({{"workshop.q.confirm", m.t("ui.workshop.q.confirm_yes"), {.style = ButtonStyle::Primary}},
                              {"workshop.q.cancel", m.t("ui.data.import_cancel"), {.style = ButtonStyle::Quiet}}});
    if (c == 0) activate_questionnaire(std::move(*pending_questionnaire), pending_questionnaire_text);
    if (c == 1) pending_questionnaire.reset();
  }
  end_card(p.component[0]);
  gap(0.6f);

  begin_card(1.0f);
  heading(m.t("ui.workshop.next.title"), Font::H2);
  paragraph(m.t("ui.workshop.next.text"));
  gap(0.2f);
  next_participant();
  end_card(p.component[2]);
}

// "Next participant": after a confirmation, everything of the current person leaves this device.
void App::Impl::next_participant() {
  Model& m = *model;
  const Palette& p = theme().palette;
  if (!confirm_next) {
    if (button("next.start", m.t("ui.next.button"), {.icon = SSI_ICON_REFRESH})) {
      confirm_next = true;
      next_done = false;
    }
    return;
  }
  paragraph(m.t("ui.next.confirm"), p.warning);
  const int r = button_row({{"next.confirm", m.t("ui.next.confirm_yes"), {.style = ButtonStyle::Primary, .icon = SSI_ICON_TRASH}},
                            {"next.cancel", m.t("ui.data.import_cancel"), {.style = ButtonStyle::Quiet}}});
  if (r == 1) confirm_next = false;
  if (r != 0) return;
  confirm_next = false;
  m.set_lang(language_for(host.preferred_language()));  // the next person starts in the browser's language
  forget_person(Screen::Welcome);
  dashboard = Dashboard();  // no gauge animates down from the previous person's scores
  clear_group();            // the group view holds other people's results: not for the next person's eyes
  nickname.clear();
  handed_over_at = -1e9;
  pending_import.reset();
  import_message.clear();
  for (auto& v : real_values) v.clear();
  real_date.clear();
  real_industry.clear();
  real_network.clear();
  real_message.clear();
  real_tried = false;
  help_open.clear();
  editing = -1;
  deleted = false;
  notice_dismissed = false;
  loaded = Persistence::Loaded::Fresh;
  next_done = true;
}

// --- Hand-over ("for my trainer") -----------------------------------------------------------------------

std::string App::handover_text() const {
  // What the download button would give: nothing while it is disabled (no answers, or a nickname it refuses).
  const Impl& i = *impl_;
  if (i.model->saved_result().answered == 0 || workshop::check_nickname(i.nickname)) return {};
  return i.handover_text_now();
}

void App::Impl::handover() {
  Model& m = *model;
  const Theme& th = theme();
  const Palette& p = th.palette;
  const Result& r = m.saved_result();
  heading(m.t("ui.handover.title"), Font::H1);
  paragraph(m.t("ui.handover.intro"), p.text_muted);
  gap(0.5f);

  // Exactly what the file holds, so nobody has to trust a description.
  begin_card(1.0f);
  small_text(m.t("ui.handover.contains"), p.text_muted);
  gap(0.2f);
  // Full component names where they fit, LinkedIn-style short ones on phones.
  const bool narrow = ImGui::CalcItemWidth() < th.em(30.0f);
  for (Component c : kComponents) {
    const int i = index_of(c);
    bar_row(narrow ? m.t("ui.component." + key_of(c) + ".short") : component_name(m, c), r.components[i], static_cast<float>(kComponentMax), points(r.component_centi[i], m.lang()),
            p.component[i]);
  }
  gap(0.2f);
  ImGui::PushFont(th.font(Font::Strong));
  paragraph(m.t("ui.handover.total", {{"total", std::to_string(r.total)},
                                      {"corridor", m.t("corridor." + std::string(corridor_key(r.corridor)))}}));
  ImGui::PopFont();
  questionnaire_label();
  end_card(p.accent);
  gap(0.6f);

  const std::optional<Problem> problem = workshop::check_nickname(nickname);
  text_field("handover.nickname", m.t("ui.handover.nickname"), nickname, m.t("ui.handover.nickname_hint"),
             problem ? describe(m.strings(), *problem, m.lang()) : std::string(), 160);
  small_text(m.t("ui.handover.nickname_note"), p.text_muted);
  gap(0.4f);
  if (r.answered == 0) {
    paragraph(m.t("ui.handover.nothing"), p.warning);
    if (button("handover.start", m.t("ui.welcome.start"), {.style = ButtonStyle::Primary, .icon = SSI_ICON_PLAY}))
      m.start_questionnaire();
    return;
  }
  if (r.answered < r.visible)
    paragraph(m.t("ui.handover.incomplete", {{"answered", std::to_string(r.answered)}, {"visible", std::to_string(r.visible)}}),
              p.warning);
  const bool done = host.now_ms() - handed_over_at < 2500.0;
  if (button("handover.download", m.t(done ? "ui.handover.downloaded" : "ui.handover.download"),
             {.style = ButtonStyle::Primary, .icon = done ? SSI_ICON_CHECK : SSI_ICON_DOWNLOAD, .disabled = problem.has_value()})) {
    const std::string who = file_safe(nickname);
    host.download("ssi-handover-" + (who.empty() ? std::string() : who + "-") + iso_date(host.epoch_ms()) + ".json",
                  "application/json", handover_text_now());
    handed_over_at = host.now_ms();
  }
  small_text(m.t("ui.handover.how"), p.text_muted);
  gap(0.8f);
  small_text(m.t("ui.handover.shared"), p.text_muted);
  next_participant();
}

std::string App::Impl::handover_text_now() const {
  return workshop::handover_json(workshop::make_handover(model->questionnaire(), model->saved_result(), nickname), SSI_VERSION);
}

// --- Group view -------------------------------------------------------------------------------------------

void App::Impl::add_group_files(const std::vector<PickedFile>& picked) {
  // The readable files go to the core; files the page did not read (too large, too many) are listed too.
  std::vector<workshop::GroupFile> files;
  std::vector<int> index_of_file;  // position in `picked` of each file given to the core
  for (int i = 0; i < static_cast<int>(picked.size()); ++i) {
    if (!picked[i].text) continue;
    if (!group_seen.insert(std::hash<std::string>{}(*picked[i].text)).second) ++group_identical;
    files.push_back({picked[i].name, *picked[i].text});
    index_of_file.push_back(i);
  }
  const std::size_t first_new = group.errors.size();
  workshop::add_files(group, files);
  for (std::size_t e = first_new; e < group.errors.size(); ++e) group.errors[e].index = index_of_file[group.errors[e].index];
  for (int i = 0; i < static_cast<int>(picked.size()); ++i) {
    if (picked[i].text) continue;
    Problem problem = picked[i].skipped == "size"
                          ? Problem{std::string(code::kWorkshopTooLarge), "", {{"max", std::to_string(workshop::kMaxGroupBytes / 1024)}}}
                          : Problem{std::string(code::kWorkshopTooManyFiles), "", {{"max", std::to_string(workshop::kMaxGroupFiles)}}};
    group.errors.push_back({i, picked[i].name, {std::move(problem)}});
  }
  std::stable_sort(group.errors.begin() + static_cast<std::ptrdiff_t>(first_new), group.errors.end(),
                   [](const workshop::FileError& a, const workshop::FileError& b) { return a.index < b.index; });
}

void App::Impl::clear_group() {
  group = {};
  group_seen.clear();
  group_identical = 0;
}

std::string App::Impl::group_json() const {
  nlohmann::json out = nlohmann::json::object();
  if (!group.parts.empty()) out = nlohmann::json::parse(workshop::part_json(group.parts.front()), nullptr, false);
  else {
    nlohmann::json empty = {{"mean", 0}, {"median", 0}, {"min", 0}, {"max", 0}};
    out = {{"participants", 0}, {"total", empty}, {"components", nlohmann::json::array({empty, empty, empty, empty})},
           {"corridors", {0, 0, 0, 0}}};
  }
  nlohmann::json parts = nlohmann::json::array();
  for (const auto& part : group.parts) parts.push_back(nlohmann::json::parse(workshop::part_json(part), nullptr, false));
  out["parts"] = std::move(parts);
  out["allParticipants"] = group.participants();
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& e : group.errors)
    errors.push_back({{"index", e.index}, {"name", e.name},
                      {"message", e.problems.empty() ? std::string() : describe(model->strings(), e.problems.front(), model->lang())}});
  out["errors"] = std::move(errors);
  return out.dump();
}

std::string App::group_import(std::string_view files_json) {
  impl_->add_group_files(parse_files(files_json));
  impl_->model->show(Screen::Group);
  return impl_->group_json();
}

void App::Impl::group_view() {
  Model& m = *model;
  const Palette& p = theme().palette;
  heading(m.t("ui.group.title"), Font::H1);
  paragraph(m.t("ui.group.intro", {{"max", std::to_string(workshop::kMaxGroupFiles)}}), p.text_muted);
  gap(0.4f);
  const bool any = !group.parts.empty() || !group.errors.empty();
  std::vector<RowButton> row = {{"group.pick", m.t("ui.group.pick"), {.style = ButtonStyle::Primary, .icon = SSI_ICON_UPLOAD}}};
  if (group.participants() > 0) row.push_back({"group.save", m.t("ui.group.save"), {.icon = SSI_ICON_DOWNLOAD}});
  if (any) row.push_back({"group.clear", m.t("ui.group.clear"), {.style = ButtonStyle::Quiet, .icon = SSI_ICON_TRASH}});
  const int c = button_row(row, true);
  if (c >= 0) {
    const std::string& id = row[c].id;
    if (id == "group.pick") host.pick_file(true);
    if (id == "group.save")
      host.download("ssi-group-" + iso_date(host.epoch_ms()) + ".json", "application/json", workshop::group_json(group, SSI_VERSION));
    if (id == "group.clear") clear_group();
  }
  small_text(m.t("ui.group.not_stored"), p.text_muted);
  if (group_identical > 0) small_text(m.t("ui.group.identical", {{"count", std::to_string(group_identical)}}), p.warning);
  gap(0.6f);
  if (!any) {
    paragraph(m.t("ui.group.empty"), p.text_muted);
    return;
  }
  if (!group.parts.empty()) group_part(group.parts.front(), true);
  if (group.parts.size() > 1) {
    gap(0.8f);
    heading(m.t("ui.group.other_title"), Font::H2);
    paragraph(m.t("ui.group.other_note"), p.warning);
    for (std::size_t i = 1; i < group.parts.size(); ++i) {
      gap(0.4f);
      group_part(group.parts[i], false);
    }
  }
  if (!group.errors.empty()) {
    gap(0.8f);
    begin_card(1.0f);
    const std::size_t bad = group.errors.size();
    heading(m.t(bad == 1 ? "ui.group.errors.one" : "ui.group.errors", {{"count", std::to_string(bad)}}), Font::H2);
    for (const workshop::FileError& e : group.errors) {
      const std::string reason = e.problems.empty() ? std::string() : describe(m.strings(), e.problems.front(), m.lang());
      small_text("• " + m.t("ui.group.error", {{"name", e.name.empty() ? std::to_string(e.index + 1) : e.name}, {"reason", reason}}), p.text);
    }
    end_card(p.danger);
  }
}

void App::Impl::group_part(const workshop::GroupPart& part, bool main) {
  Model& m = *model;
  const Theme& th = theme();
  const Palette& p = th.palette;
  const Lang lang = m.lang();
  const int n = static_cast<int>(part.participants.size());
  begin_card(1.0f);
  ImGui::PushFont(th.font(main ? Font::H1 : Font::H2));
  paragraph(m.t(n == 1 ? "ui.group.participants.one" : "ui.group.participants", {{"count", std::to_string(n)}}));
  ImGui::PopFont();
  small_text(m.t("ui.group.questionnaire", {{"id", part.questionnaire_id}, {"version", part.questionnaire_version}}), p.text_muted);
  gap(0.5f);

  // Mean, median, minimum and maximum: a table that stays readable on a phone (five short columns).
  const float width = ImGui::CalcItemWidth();
  const float name_w = std::max(width - th.em(15.0f), th.em(7.5f));
  const float col_w = (width - name_w) / 4.0f;
  auto cells = [&](const std::string& name, const std::array<std::string, 4>& values, ImVec4 colour, Font font) {
    const ImVec2 o = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float h = text_size("X", font).y;
    ImGui::PushFont(th.font(font));
    if (colour.w > 0) dl->AddRectFilled(o + ImVec2(0, h * 0.25f), o + ImVec2(h * 0.5f, h * 0.75f), u32(colour), h * 0.12f);
    const float text_x = o.x + (colour.w > 0 ? h * 0.8f : 0);
    ImGui::RenderTextEllipsis(dl, ImVec2(text_x, o.y), ImVec2(o.x + name_w - th.em(0.3f), o.y + h), o.x + name_w - th.em(0.3f),
                              o.x + name_w, name.c_str(), nullptr, nullptr);
    for (int i = 0; i < 4; ++i) {
      const float tw = text_size(values[i], font).x;
      dl->AddText(ImVec2(o.x + name_w + col_w * (i + 1) - tw, o.y), u32(p.text), values[i].c_str());
    }
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(width, h + th.em(0.25f)));
  };
  cells("", {m.t("ui.group.mean"), m.t("ui.group.median"), m.t("ui.group.min"), m.t("ui.group.max")}, ImVec4(0, 0, 0, 0), Font::Small);
  auto row = [&](const std::string& name, const workshop::Stats& s, ImVec4 colour, Font font) {
    cells(name, {points(s.mean_centi, lang), points(s.median_centi, lang), points(s.min_centi, lang), points(s.max_centi, lang)},
          colour, font);
  };
  row(m.t("ui.group.total"), part.total, ImVec4(0, 0, 0, 0), Font::Strong);
  const bool narrow = name_w < th.em(14.0f);  // phones: LinkedIn-style short names instead of cut-off long ones
  for (Component c : kComponents)
    row(narrow ? m.t("ui.component." + key_of(c) + ".short") : component_name(m, c), part.components[index_of(c)],
        p.component[index_of(c)], Font::Body);
  gap(0.6f);

  // How many fall in each corridor.
  heading(m.t("ui.group.corridors"), Font::H2);
  int most = 1;
  for (int count : part.corridors) most = std::max(most, count);
  for (int i = 0; i < 4; ++i)
    bar_row(m.t("corridor." + std::string(corridor_key(static_cast<Corridor>(i)))), static_cast<float>(part.corridors[i]),
            static_cast<float>(most), std::to_string(part.corridors[i]), p.corridor[i]);
  gap(0.6f);

  // Where the group stands, and the first step most of them got.
  if (!part.weakest.empty()) {
    const Component w = part.weakest.front();
    paragraph(m.t("ui.group.weakest", {{"name", component_name(m, w)},
                                       {"mean", points(part.components[index_of(w)].mean_centi, lang)}}));
  }
  if (!part.most_frequent_advice.empty()) {
    const Component a = part.most_frequent_advice.front();
    ImGui::PushFont(th.font(Font::Strong));
    paragraph(m.t("ui.group.top_advice", {{"count", std::to_string(part.top_advice[index_of(a)])}, {"n", std::to_string(n)},
                                          {"name", component_name(m, a)}}));
    ImGui::PopFont();
    paragraph(m.t("workshop.advice." + key_of(a)));
  }
  gap(0.4f);
  // Individuals only by nickname or number.
  small_text(m.t("ui.group.people"), p.text_muted);
  // A grid of "name  total": names ellipsised in their cell, totals right-aligned, as many columns as fit.
  {
    const float cell_w = th.em(12.0f);
    const int columns = std::max(1, static_cast<int>((width + th.em(1.0f)) / (cell_w + th.em(1.0f))));
    const float w = (width - (columns - 1) * th.em(1.0f)) / columns;
    const float h = text_size("X", Font::Small).y;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImGui::PushFont(th.font(Font::Small));
    const ImVec2 o = ImGui::GetCursorScreenPos();
    int i = 0;
    for (const workshop::Participant& person : part.participants) {
      const ImVec2 at = o + ImVec2((i % columns) * (w + th.em(1.0f)), (i / columns) * (h + th.em(0.3f)));
      const std::string total = std::to_string(person.handover.total);
      const float tw = text_size(total, Font::Small).x;
      ImGui::RenderTextEllipsis(dl, at, at + ImVec2(w - tw - th.em(0.6f), h), at.x + w - tw - th.em(0.6f), at.x + w - tw,
                                participant_name(m, person).c_str(), nullptr, nullptr);
      dl->AddText(ImVec2(at.x + w - tw, at.y), u32(p.text), total.c_str());
      ++i;
    }
    ImGui::PopFont();
    const int rows = (i + columns - 1) / columns;
    ImGui::Dummy(ImVec2(width, rows * (h + th.em(0.3f))));
  }
  end_card(main ? p.accent : p.warning);
}

// --- Files ------------------------------------------------------------------------------------------------

void App::open_files(std::string_view files_json) {
  Impl& i = *impl_;
  Model& m = *i.model;
  std::vector<PickedFile> files = parse_files(files_json);
  if (files.empty()) return;
  // Hand-overs and saved group sessions go to the group view from anywhere; several files only go there.
  const std::string type = file_type(files.front().text);
  if (m.screen() == Screen::Group || type == workshop::kHandoverType || type == workshop::kGroupType || files.size() > 1) {
    i.add_group_files(files);
    m.show(Screen::Group);
    return;
  }
  if (!files.front().text) return;  // a single file is always read
  if (m.screen() == Screen::Workshop && type != store::kExportType) {
    i.open_questionnaire(*files.front().text, false);
    return;
  }
  import_text(*files.front().text, /*preview=*/true);
}

// --- Presenter ----------------------------------------------------------------------------------------------

float App::font_scale() const { return impl_->font_scale_wanted; }

// Palette, type scale and keyboard handling follow the screen: presenter mode or not.
void App::Impl::update_presenter_theme() {
  const bool on = model->screen() == Screen::Presenter;
  ImGuiIO& io = ImGui::GetIO();
  if (on) {
    // Type for the back row: scaled to the window (a 1920×1080 projector gets about twice the size).
    const ImVec2 size = io.DisplaySize;
    const float fit = std::min(size.x / 960.0f, size.y / 600.0f);
    font_scale_wanted = std::clamp(std::floor(fit * 4.0f) / 4.0f, 1.0f, 3.0f);
    // The atlas grows with the square of the rasterised size: at most 64 device pixels of body text.
    font_scale_wanted = std::max(1.0f, std::min(font_scale_wanted, 64.0f / (Theme::kBodySize * device_scale)));
  } else {
    font_scale_wanted = 1.0f;
  }
  if (on != presenter_applied) {
    presenter_applied = on;
    theme().presenter = on;
    theme().apply(host.prefers_dark());
    // Leaving: the slide keys move the keyboard focus again (presenter_keys() claimed them).
    if (!on)
      for (ImGuiKey key : kSlideKeys) ImGui::SetKeyOwner(key, ImGuiKeyOwner_None);
  }
}

void App::Impl::presenter_keys() {
  Model& m = *model;
  // The slide keys belong to the slides: claimed, keyboard navigation no longer moves the focus with them
  // (it asks for unowned keys), while Tab still reaches the bar's buttons and Enter or Space presses them.
  for (ImGuiKey key : kSlideKeys) ImGui::SetKeyOwner(key, ImHashStr("presenter.slides"));
  auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(key, true); };
  if (pressed(ImGuiKey_RightArrow) || pressed(ImGuiKey_DownArrow) || pressed(ImGuiKey_PageDown))
    slide = std::min(slide + 1, kSlideCount - 1);
  if (pressed(ImGuiKey_LeftArrow) || pressed(ImGuiKey_UpArrow) || pressed(ImGuiKey_PageUp)) slide = std::max(slide - 1, 0);
  if (pressed(ImGuiKey_Home)) slide = 0;
  if (pressed(ImGuiKey_End)) slide = kSlideCount - 1;
  if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
    GImGui->NavDisableHighlight = true;  // Tab starts at the first item of the hub (see App::Impl::handle_keys)
    m.show(Screen::Workshop);
  }
}

void App::Impl::presenter() {
  Model& m = *model;
  const Theme& th = theme();
  const Palette& p = th.palette;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 size = ImGui::GetContentRegionAvail();
  const float column = std::min(size.x - th.em(2.0f), th.em(52.0f));
  const float margin = std::max((size.x - column) * 0.5f, th.em(1.0f));
  // Literal keys (tests/app/strings_test.cpp checks each exists and is used).
  static constexpr const char* kTitles[kSlideCount] = {"ui.slide.1.title", "ui.slide.2.title", "ui.slide.3.title",
                                                       "ui.slide.4.title", "ui.slide.5.title", "ui.slide.6.title"};
  static constexpr const char* kBodies[kSlideCount] = {"ui.slide.1.body", nullptr, "ui.slide.3.body",
                                                       "ui.slide.4.body", "ui.slide.5.body", "ui.slide.6.body"};
  static constexpr const char* kComponentTexts[kComponentCount] = {"ui.slide.2.brand", "ui.slide.2.find", "ui.slide.2.engage",
                                                                   "ui.slide.2.relationships"};
  static constexpr const char* kSteps[3] = {"ui.slide.6.step1", "ui.slide.6.step2", "ui.slide.6.step3"};
  const char* body = kBodies[slide];

  // Bottom bar: back, position, next, and leaving.
  const float bar_h = th.em(3.6f);
  const float content_h = size.y - bar_h;

  // The slide: a title, its picture, and a few words.
  ImGui::SetCursorScreenPos(origin + ImVec2(margin, th.em(1.4f)));
  ImGui::BeginChild("##slide", ImVec2(column, content_h - th.em(1.4f)), ImGuiChildFlags_None,
                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground);
  // A slide taller than the window (phones) scrolls: touch drags arrive through scroll_by(); a new slide starts
  // at its top.
  if (slide != drawn_slide) {
    ImGui::SetScrollY(0);
    drawn_slide = slide;
  } else if (pending_scroll != 0) {
    ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() + pending_scroll, 0.0f, ImGui::GetScrollMaxY()));
    slide_relayout = true;  // the scroll shows in the next frame
  }
  pending_scroll = 0;
  // Centred vertically by the height the slide had in the last frame (the frame after a change settles it).
  const float room = content_h - th.em(1.4f);
  const float top = ImGui::GetCursorPosY();
  if (slide_height > 0 && slide_height < room) ImGui::SetCursorPosY(top + std::floor((room - slide_height) * 0.4f));
  ImGui::BeginGroup();
  ImGui::PushItemWidth(column);
  ImGui::PushTextWrapPos(column);
  ImGui::PushStyleColor(ImGuiCol_Text, p.accent);
  small_text(m.t("ui.presenter.kicker"), p.accent);
  ImGui::PopStyleColor();
  heading(m.t(kTitles[slide]), Font::Display);
  gap(0.6f);
  const float width = column;
  switch (slide) {
    case 0: {  // 0–100 in four parts of 25
      const ImVec2 o = ImGui::GetCursorScreenPos();
      const float h = th.em(3.0f), gapx = th.em(0.4f);
      const float w = (width - 3 * gapx) / 4.0f;
      for (int i = 0; i < kComponentCount; ++i) {
        const ImVec2 a = o + ImVec2(i * (w + gapx), 0);
        dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(a, a + ImVec2(w, h), u32(p.component[i]), th.em(0.4f));
        centered_text(dl, Font::H1, a.x + w * 0.5f, a.y + (h - text_size("25", Font::H1).y) * 0.5f, u32(ImVec4(0, 0, 0, 1)), "25");
      }
      ImGui::Dummy(ImVec2(width, h));
      gap(0.8f);
      slide_text(m.t(body));
      break;
    }
    case 1: {  // the four components and what moves each
      component_cards(m, 30.0f, Font::H2, [&](Component c) { paragraph(m.t(kComponentTexts[index_of(c)])); });
      break;
    }
    case 2: {  // corridors
      corridor_bar(m);
      gap(0.6f);
      slide_text(m.t(body));
      break;
    }
    case 3: {  // the reach threshold at 50
      const ImVec2 o = ImGui::GetCursorScreenPos();
      const float h = th.em(1.4f);
      dl = ImGui::GetWindowDrawList();
      dl->AddRectFilled(o, o + ImVec2(width * 0.5f, h), u32(p.track), h * 0.5f, ImDrawFlags_RoundCornersLeft);
      dl->AddRectFilled(o + ImVec2(width * 0.5f, 0), o + ImVec2(width, h), u32(p.accent), h * 0.5f, ImDrawFlags_RoundCornersRight);
      dl->AddLine(o + ImVec2(width * 0.5f, -th.em(0.5f)), o + ImVec2(width * 0.5f, h + th.em(0.5f)), u32(p.text), th.em(0.15f));
      const std::string fifty = "50";
      centered_text(dl, Font::H1, o.x + width * 0.5f, o.y + h + th.em(0.6f), u32(p.text), fifty);
      const std::string more = m.t("ui.slide.4.more");
      const float mw = text_size(more, Font::Strong).x;
      ImGui::PushFont(th.font(Font::Strong));
      dl->AddText(ImVec2(o.x + width - mw, o.y + h + th.em(0.6f)), u32(p.accent), more.c_str());
      ImGui::PopFont();
      ImGui::Dummy(ImVec2(width, h + th.em(0.6f) + text_size("50", Font::H1).y));
      gap(0.8f);
      slide_text(m.t(body));
      break;
    }
    case 4: {  // Sales Navigator: the last 5 of each 25
      const float label_w = std::min(width * 0.4f, th.em(14.0f));
      const float bar_w = width - label_w - th.em(0.5f);
      for (int i = 0; i < kComponentCount; ++i) {
        const ImVec2 o = ImGui::GetCursorScreenPos();
        const float h = text_size("X", Font::Body).y;
        dl = ImGui::GetWindowDrawList();
        ImGui::PushFont(th.font(Font::Body));
        ImGui::RenderTextEllipsis(dl, o, o + ImVec2(label_w, h), o.x + label_w, o.x + label_w,
                                  component_name(m, kComponents[i]).c_str(), nullptr, nullptr);
        ImGui::PopFont();
        const ImVec2 b = o + ImVec2(label_w + th.em(0.5f), h * 0.1f);
        const float base = bar_w * kBaseMax / kComponentMax;
        dl->AddRectFilled(b, b + ImVec2(base - 2, h * 0.8f), u32(p.component[i]), h * 0.2f, ImDrawFlags_RoundCornersLeft);
        dl->AddRect(b + ImVec2(base + 2, 0), b + ImVec2(bar_w, h * 0.8f), u32(p.component[i]), h * 0.2f,
                    ImDrawFlags_RoundCornersRight, th.em(0.12f));
        ImGui::Dummy(ImVec2(width, h));
        gap(0.2f);
      }
      const std::string sn = m.t("ui.slide.5.label");
      const float outlined = bar_w * kSalesNavigatorMax / kComponentMax;
      ImGui::SetCursorPosX(ImGui::GetCursorPosX() + label_w + th.em(0.5f) + bar_w - outlined * 0.5f -
                           std::min(text_size(sn, Font::Strong).x * 0.5f, outlined * 0.5f + label_w));
      ImGui::PushFont(th.font(Font::Strong));
      paragraph(sn, p.text);
      ImGui::PopFont();
      gap(0.6f);
      slide_text(m.t(body));
      break;
    }
    default: {  // your turn
      for (int i = 1; i <= 3; ++i) {
        colour_dot(p.component[i], Font::H2);
        ImGui::PushFont(th.font(Font::H2));
        paragraph(m.t(kSteps[i - 1]));
        ImGui::PopFont();
        gap(0.3f);
      }
      gap(0.4f);
      slide_text(m.t(body), p.text_muted);
      break;
    }
  }
  ImGui::PopTextWrapPos();
  ImGui::PopItemWidth();
  ImGui::EndGroup();
  const float measured = ImGui::GetItemRectSize().y;
  const ImRect slide_rect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  if (std::abs(measured - slide_height) > 2.0f) {  // sub-pixel rounding of a new offset is no change
    slide_height = measured;
    slide_relayout = true;  // one more frame, centred with the new height
  }
  ImGui::EndChild();

  // The bar: large targets for a clicker-less trainer at a laptop.
  dl = ImGui::GetWindowDrawList();
  const ImVec2 bar(origin.x, origin.y + content_h);
  dl->AddLine(bar, bar + ImVec2(size.x, 0), u32(p.border));
  ImGui::SetCursorScreenPos(bar + ImVec2(margin, th.em(0.6f)));
  ImGui::BeginGroup();
  ImGui::PushItemWidth(column);
  const std::string position = m.t("ui.presenter.position", {{"n", std::to_string(slide + 1)}, {"count", std::to_string(kSlideCount)}});
  const int c = button_row({{"presenter.prev", m.t("ui.presenter.prev"), {.icon = SSI_ICON_CHEVRON_L, .disabled = slide == 0}},
                            {"presenter.next", m.t("ui.presenter.next"),
                             {.style = ButtonStyle::Primary, .icon = SSI_ICON_CHEVRON_R, .disabled = slide == kSlideCount - 1}},
                            {"presenter.exit", m.t("ui.presenter.exit"), {.style = ButtonStyle::Quiet, .icon = SSI_ICON_CLOSE}, true}});
  ImGui::PopItemWidth();
  ImGui::EndGroup();
  if (c == 0) slide = std::max(slide - 1, 0);
  if (c == 1) slide = std::min(slide + 1, kSlideCount - 1);
  if (c == 2) m.show(Screen::Workshop);
  // Position and the keys, centred in the bar (left out when the bar is too narrow for it).
  std::string hint = position + "   ·   " + m.t("ui.presenter.keys");
  if (text_size(hint, Font::Small).x >= column - th.em(26.0f)) hint = position;  // narrow: the position only
  const float hw = text_size(hint, Font::Small).x;
  if (hw < column - th.em(24.0f)) {
    ImGui::PushFont(th.font(Font::Small));
    dl->AddText(ImVec2(bar.x + (size.x - hw) * 0.5f, bar.y + (bar_h - text_size(hint, Font::Small).y) * 0.5f), u32(p.text_muted), hint.c_str());
    ImGui::PopFont();
  }
  // The slide's content as drawn (tests check it fits above the bar).
  widget_log().add({"presenter.slide", "text", m.t(kTitles[slide]), slide_rect, false, false, 0});
}

}  // namespace ssi::app
