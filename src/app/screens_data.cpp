// The person's data on screen: restoring and saving the document, notices about it, "My data" (export,
// import, delete), the real-SSI form, the comparison with the estimate, and the history.
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "app/app_impl.h"
#include "app/format.h"
#include "app/glyphs.h"
#include "app/theme.h"
#include "app/screen_parts.h"
#include "app/widgets.h"

#ifndef SSI_VERSION
#define SSI_VERSION "dev"
#endif

namespace ssi::app {
namespace {

std::string centi_text(int centi, Lang lang) { return format_centi(centi, 1, lang); }

// Days since 1970-01-01 for "YYYY-MM-DD..." (the inverse of the civil-date conversion in persistence.cpp).
std::optional<long long> day_number(std::string_view date) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (date.size() < 10 || std::sscanf(std::string(date.substr(0, 10)).c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) return std::nullopt;
  y -= m <= 2 ? 1 : 0;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

std::string file_name(double epoch_ms, std::string_view extension) {
  return "ssi-selfcheck-" + iso_date(epoch_ms) + "." + std::string(extension);
}

}  // namespace

// --- Document <-> model --------------------------------------------------------------------------------

void App::Impl::restore_saved() {
  Model& m = *model;
  persistence.emplace(host, m.questionnaire());
  loaded = persistence->load();
  const store::Document& doc = persistence->document();
  if (doc.settings.language) {
    chosen_lang = doc.settings.language;
    m.set_lang(*doc.settings.language);
  }
  const Screen screen = screen_from_key(doc.progress.screen).value_or(Screen::Welcome);
  if (!doc.progress.answers.empty() || screen != Screen::Welcome)
    m.restore(doc.progress.answers, screen, doc.progress.question);
  synced_revision = m.revision();
}

void App::Impl::sync_document() {
  Model& m = *model;
  if (m.revision() == synced_revision) return;
  synced_revision = m.revision();
  store::Document& doc = persistence->document();
  store::Progress progress{m.committed_answers(), std::string(screen_key(m.screen())), m.current_id()};
  const std::optional<Lang> language = chosen_lang ? chosen_lang : doc.settings.language;
  if (progress == doc.progress && language == doc.settings.language) return;
  doc.progress = std::move(progress);
  doc.settings.language = language;
  persistence->changed();
}

std::string App::Impl::new_id() {
  char buffer[20];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(host.random64()));
  return buffer;
}

void App::Impl::save_check() {
  Model& m = *model;
  const Result& r = m.saved_result();
  store::Document& doc = persistence->document();
  // The same answers saved twice in a row are one self-check.
  if (!doc.checks.empty() && doc.checks.back().answers == m.committed_answers()) {
    saved_at = host.now_ms();
    return;
  }
  store::SelfCheck check;
  check.id = new_id();
  check.date = iso_datetime(host.epoch_ms());
  check.questionnaire_id = m.questionnaire().id;
  check.questionnaire_version = m.questionnaire().version;
  check.answers = m.committed_answers();
  check.component_centi = r.component_centi;
  check.total = r.total;
  doc.checks.push_back(std::move(check));
  persistence->changed();
  saved_at = host.now_ms();
}

// --- Notices -----------------------------------------------------------------------------------------

void App::Impl::notices() {
  Model& m = *model;
  const Theme& th = theme();
  const Palette& p = th.palette;
  auto notice = [&](const std::string& text, ImVec4 accent, bool backup) {
    begin_card(0.9f);
    paragraph(text);
    gap(0.2f);
    std::vector<RowButton> row;
    if (backup) row.push_back({"notice.backup", m.t("ui.notice.download_backup"), {.icon = SSI_ICON_DOWNLOAD}});
    row.push_back({"notice.dismiss", m.t("ui.notice.dismiss"), {.style = ButtonStyle::Quiet, .icon = SSI_ICON_CHECK}});
    const int c = button_row(row);
    end_card(accent, mix(p.surface, accent, th.dark ? 0.14f : 0.07f));
    gap(0.6f);
    if (c >= 0 && row[c].id == "notice.backup") {
      if (auto text = persistence->backup_text()) host.download(file_name(host.epoch_ms(), "backup.txt"), "text/plain", *text);
    } else if (c >= 0) {
      notice_dismissed = true;
      persistence->clear_conflict();
    }
  };
  if (update_waiting) {
    begin_card(0.9f);
    paragraph(m.t("ui.update.ready"));
    gap(0.2f);
    if (button("update.reload", m.t("ui.update.reload"), {.style = ButtonStyle::Primary, .icon = SSI_ICON_REFRESH})) {
      sync_document();
      persistence->flush();
      host.apply_update();
    }
    end_card(p.accent, mix(p.surface, p.accent, th.dark ? 0.14f : 0.07f));
    gap(0.6f);
  }
  if (persistence->write_failed()) {
    notice(m.t("ui.notice.write_failed"), p.danger, false);
  } else if (persistence->conflict()) {
    notice(m.t("ui.notice.conflict"), p.warning, false);
  } else if (!notice_dismissed && loaded == Persistence::Loaded::Unreadable) {
    const std::string reason =
        persistence->problems().empty() ? std::string("?") : describe(m.strings(), persistence->problems().front(), m.lang());
    notice(m.t("ui.notice.unreadable", {{"reason", reason}}), p.warning, !persistence->backup_key().empty());
  }
}

// --- My data -----------------------------------------------------------------------------------------

void App::Impl::data() {
  Model& m = *model;
  const Theme& th = theme();
  const Palette& p = th.palette;
  store::Document& doc = persistence->document();
  heading(m.t("ui.data.title"), Font::H1);
  paragraph(m.t("ui.data.intro"), p.text_muted);
  small_text(m.t("ui.data.summary", {{"checks", std::to_string(doc.checks.size())}, {"real", std::to_string(doc.real.size())}}));
  gap(0.6f);

  const int c = button_row({{"data.export", m.t("ui.data.export_json"), {.icon = SSI_ICON_DOWNLOAD}},
                            {"data.csv", m.t("ui.data.export_csv"), {.icon = SSI_ICON_LIST}},
                            {"data.import", m.t("ui.data.import"), {.icon = SSI_ICON_UPLOAD}}});
  if (c == 0) host.download(file_name(host.epoch_ms(), "json"), "application/json", store::export_all(doc, SSI_VERSION, iso_datetime(host.epoch_ms())));
  if (c == 1) host.download(file_name(host.epoch_ms(), "csv"), "text/csv", store::history_csv(doc));
  if (c == 2) host.pick_file();
  small_text(m.t("ui.data.import_hint"));
  gap(0.5f);

  if (pending_import) {
    begin_card(0.9f);
    const store::ImportPreview& preview = *pending_import;
    paragraph(m.t("ui.data.import_preview", {{"checks", std::to_string(preview.new_checks.size())},
                                             {"real", std::to_string(preview.new_real.size())},
                                             {"duplicates", std::to_string(preview.duplicate_checks + preview.duplicate_real)}}));
    gap(0.2f);
    const int r = button_row({{"import.confirm", m.t("ui.data.import_confirm"), {.style = ButtonStyle::Primary, .icon = SSI_ICON_CHECK}},
                              {"import.cancel", m.t("ui.data.import_cancel"), {.style = ButtonStyle::Quiet}}});
    end_card(p.accent);
    if (r == 0) {
      doc = store::merge(doc, *pending_import);
      persistence->changed();
      import_message = m.t("ui.data.import_done");
    }
    if (r >= 0) pending_import.reset();
    gap(0.5f);
  }
  if (!import_message.empty()) {
    paragraph(import_message);
    gap(0.5f);
  }

  if (deleted) paragraph(m.t("ui.data.deleted"), p.component_text[3]);
  if (!confirm_delete) {
    if (button("data.delete", m.t("ui.data.delete"), {.icon = SSI_ICON_TRASH})) {
      confirm_delete = true;
      deleted = false;
    }
  } else {
    begin_card(0.9f);
    paragraph(m.t("ui.data.delete_confirm"));
    gap(0.2f);
    const int r = button_row({{"data.delete_yes", m.t("ui.data.delete_yes"), {.style = ButtonStyle::Primary, .icon = SSI_ICON_TRASH}},
                              {"data.delete_no", m.t("ui.data.import_cancel"), {.style = ButtonStyle::Quiet}}});
    end_card(p.danger);
    if (r == 0) {
      forget_person(Screen::Data);
      deleted = true;
    }
    if (r >= 0) confirm_delete = false;
  }
}

// Removes the person's data from storage and from the model (a trainer's questionnaire is not the person's and
// stays); storage stays empty until the next change. Used by "delete all my data" and "next participant".
void App::Impl::forget_person(Screen show) {
  persistence->delete_all(kQuestionnaireKey);
  chosen_lang.reset();
  model->restore({}, show, {});
  synced_revision = model->revision();
  undo_check.reset();
  undo_real.reset();
}

// --- Real SSI ----------------------------------------------------------------------------------------

void App::Impl::real_form() {
  Model& m = *model;
  const Theme& th = theme();
  const Palette& p = th.palette;
  heading(m.t("ui.real.title"), Font::H1);
  paragraph(m.t("ui.real.intro"), p.text_muted);
  gap(0.5f);
  if (real_date.empty()) real_date = iso_date(host.epoch_ms());

  begin_card(1.0f);
  std::array<std::optional<int>, kComponentCount> values;
  bool valid = true;
  for (int i = 0; i < kComponentCount; ++i) {
    const Component c = kComponents[i];
    const store::ValueParse parsed = store::parse_component_value(real_values[i]);
    values[i] = parsed.centi;
    valid = valid && parsed.centi.has_value();
    const std::string error = real_tried && parsed.problem ? describe(m.strings(), *parsed.problem, m.lang()) : std::string();
    text_field("real." + std::string(component_key(c)), component_name(m, c), real_values[i], "0–25", error, 32);
  }
  const auto date_problem = store::check_date(real_date);
  valid = valid && !date_problem;
  text_field("real.date", m.t("ui.real.date"), real_date, "2026-01-31",
             real_tried && date_problem ? describe(m.strings(), *date_problem, m.lang()) : std::string(), 32);
  const store::PercentParse industry = store::parse_top_percent(real_industry);
  const store::PercentParse network = store::parse_top_percent(real_network);
  const bool industry_ok = real_industry.empty() || industry.percent.has_value();
  const bool network_ok = real_network.empty() || network.percent.has_value();
  valid = valid && industry_ok && network_ok;
  text_field("real.industry", m.t("ui.real.industry"), real_industry, "5",
             real_tried && !industry_ok && industry.problem ? describe(m.strings(), *industry.problem, m.lang()) : std::string(),
             32);
  text_field("real.network", m.t("ui.real.network"), real_network, "10",
             real_tried && !network_ok && network.problem ? describe(m.strings(), *network.problem, m.lang()) : std::string(),
             32);
  if (std::all_of(values.begin(), values.end(), [](const auto& v) { return v.has_value(); })) {
    store::RealEntry preview;
    for (int i = 0; i < kComponentCount; ++i) preview.component_centi[i] = *values[i];
    ImGui::PushFont(th.font(Font::H2));
    paragraph(m.t("ui.real.total", {{"total", std::to_string(preview.total())}}));
    ImGui::PopFont();
  }
  gap(0.3f);
  if (button("real.save", m.t("ui.real.save"), {.style = ButtonStyle::Primary, .icon = SSI_ICON_CHECK})) {
    real_tried = true;
    real_message.clear();
    if (valid) {
      store::RealEntry entry;
      entry.id = new_id();
      entry.date = real_date;
      for (int i = 0; i < kComponentCount; ++i) entry.component_centi[i] = *values[i];
      if (!real_industry.empty()) entry.industry_top_percent = industry.percent;
      if (!real_network.empty()) entry.network_top_percent = network.percent;
      store::Document& doc = persistence->document();
      doc.real.push_back(std::move(entry));
      std::stable_sort(doc.real.begin(), doc.real.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
      persistence->changed();
      for (auto& v : real_values) v.clear();
      real_industry.clear();
      real_network.clear();
      real_tried = false;
      real_message = m.t("ui.real.saved");
    }
  }
  if (!real_message.empty()) small_text(real_message, p.component_text[3]);
  end_card(p.accent);
}

// --- Estimate versus LinkedIn --------------------------------------------------------------------------

void App::Impl::comparison() {
  Model& m = *model;
  const Theme& th = theme();
  const Palette& p = th.palette;
  const store::Document& doc = persistence->document();
  if (doc.real.empty() || m.result().answered == 0) return;
  const store::RealEntry& real = doc.real.back();
  const store::Comparison cmp = store::compare(m.result(), real, m.lang());
  heading(m.t("ui.results.compare"), Font::H2);
  begin_card(1.0f);
  paragraph(m.t("ui.results.compare_intro", {{"date", real.date}, {"total", std::to_string(real.total())}}), p.text_muted);
  // One row per component: name, estimate, LinkedIn, as text beside two thin bars.
  const float width = ImGui::CalcItemWidth();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (int i = 0; i < kComponentCount; ++i) {
    gap(0.2f);
    ImGui::PushFont(th.font(Font::Strong));
    ImGui::PushStyleColor(ImGuiCol_Text, p.component_text[i]);
    ImGui::TextUnformatted(component_name(m, kComponents[i]).c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    for (int row = 0; row < 2; ++row) {
      const int centi = row == 0 ? cmp.estimate_centi[i] : cmp.real_centi[i];
      const std::string label = m.t(row == 0 ? "ui.results.compare_estimate" : "ui.results.compare_real") + " " +
                                centi_text(centi, m.lang());
      const float label_w = th.em(9.0f);
      const ImVec2 at = ImGui::GetCursorScreenPos();
      const float bar_w = std::max(width - label_w, th.em(4.0f));
      const float h = th.em(0.55f);
      const float y = at.y + (text_size("X", Font::Small).y - h) * 0.5f;
      dl->AddRectFilled(ImVec2(at.x + label_w, y), ImVec2(at.x + label_w + bar_w, y + h), u32(p.track), h * 0.5f);
      dl->AddRectFilled(ImVec2(at.x + label_w, y), ImVec2(at.x + label_w + bar_w * centi / 2500.0f, y + h),
                        u32(row == 0 ? with_alpha(p.component[i], 0.55f) : p.component[i]), h * 0.5f);
      small_text(label, p.text);
    }
  }
  gap(0.3f);
  if (cmp.sentences.empty()) paragraph(m.t("ui.results.compare_close"));
  for (const auto& [key, args] : cmp.sentences) paragraph(m.t(key, args));
  end_card(p.accent);
  gap(0.8f);
}

// --- Trend chart ---------------------------------------------------------------------------------------

void App::Impl::trend_chart() {
  Model& m = *model;
  const Theme& th = theme();
  const Palette& p = th.palette;
  const store::Document& doc = persistence->document();
  heading(m.t("ui.history.chart"), Font::H2);
  std::vector<std::string> labels = {m.t("ui.history.total")}, ids = {"chart.total"};
  for (Component c : kComponents) {
    labels.push_back(m.t("ui.component." + std::string(component_key(c)) + ".short"));
    ids.push_back("chart." + std::string(component_key(c)));
  }
  // Five segments fit a phone only in two rows: the segmented control is replaced by quiet buttons there.
  if (ImGui::CalcItemWidth() >= th.em(30.0f)) {
    const int pick = segmented("chart", labels, ids, chart_series);
    if (pick >= 0) chart_series = pick;
  } else {
    std::vector<RowButton> row;
    for (std::size_t i = 0; i < labels.size(); ++i)
      row.push_back({ids[i], labels[i], {.style = ButtonStyle::Quiet, .role = "tab", .selected = static_cast<int>(i) == chart_series}});
    const int pick = button_row(row, /*wrap=*/true);
    if (pick >= 0) chart_series = pick;
  }
  const int series = chart_series;
  const float max_value = series == 0 ? 100.0f : 25.0f;
  const ImVec4 colour = series == 0 ? p.accent : p.component[series - 1];
  struct Point {
    long long day;
    float value;
    bool real;
    std::string date;
  };
  std::vector<Point> points;
  for (const store::SelfCheck& c : doc.checks)
    if (auto d = day_number(c.date))
      points.push_back({*d, series == 0 ? static_cast<float>(c.total) : c.component_centi[series - 1] / 100.0f, false, c.date.substr(0, 10)});
  for (const store::RealEntry& r : doc.real)
    if (auto d = day_number(r.date))
      points.push_back({*d, series == 0 ? static_cast<float>(r.total()) : r.component_centi[series - 1] / 100.0f, true, r.date});
  if (points.empty()) return;
  long long first = points[0].day, last = points[0].day;
  for (const Point& pt : points) {
    first = std::min(first, pt.day);
    last = std::max(last, pt.day);
  }
  if (last == first) {  // one day: give the axis a week either side
    first -= 7;
    last += 7;
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float width = ImGui::CalcItemWidth();
  const float height = std::min(th.em(14.0f), width * 0.6f);
  const ImVec2 o = ImGui::GetCursorScreenPos();
  const float left = th.em(2.2f), bottom = th.em(1.6f);
  const ImRect plot(o + ImVec2(left, th.em(0.5f)), o + ImVec2(width - th.em(0.5f), height - bottom));
  dl->AddRectFilled(o, o + ImVec2(width, height), u32(p.surface), th.em(0.9f));
  dl->AddRect(o, o + ImVec2(width, height), u32(p.border), th.em(0.9f));
  auto to_screen = [&](long long day, float value) {
    return ImVec2(plot.Min.x + plot.GetWidth() * static_cast<float>(day - first) / static_cast<float>(last - first),
                  plot.Max.y - plot.GetHeight() * value / max_value);
  };
  ImGui::PushFont(th.font(Font::Small));
  for (int i = 0; i <= 4; ++i) {  // horizontal grid with values
    const float v = max_value * i / 4.0f;
    const float y = plot.Max.y - plot.GetHeight() * i / 4.0f;
    dl->AddLine(ImVec2(plot.Min.x, y), ImVec2(plot.Max.x, y), u32(i == 0 ? p.text_muted : p.border), 1.0f);
    char label[8];
    std::snprintf(label, sizeof label, "%d", static_cast<int>(v));
    const float w = text_size(label, Font::Small).x;
    dl->AddText(ImVec2(plot.Min.x - w - th.em(0.4f), y - text_size(label, Font::Small).y * 0.5f), u32(p.text_muted), label);
  }
  if (series == 0) {  // the reach threshold
    const float y = plot.Max.y - plot.GetHeight() * 0.5f;
    dl->AddLine(ImVec2(plot.Min.x, y), ImVec2(plot.Max.x, y), u32(with_alpha(p.text, 0.5f)), 1.5f);
  }
  // Dates: first and last on the axis.
  for (long long day : {first, last}) {
    std::string date;
    for (const Point& pt : points)
      if (pt.day == day) date = pt.date;
    if (date.empty()) continue;
    const float w = text_size(date, Font::Small).x;
    const float x = std::clamp(to_screen(day, 0).x - w * 0.5f, plot.Min.x, plot.Max.x - w);
    dl->AddText(ImVec2(x, plot.Max.y + th.em(0.3f)), u32(p.text_muted), date.c_str());
  }
  // Real values as a line, self-checks as dots.
  std::vector<ImVec2> line;
  for (const Point& pt : points)
    if (pt.real) line.push_back(to_screen(pt.day, pt.value));
  std::sort(line.begin(), line.end(), [](const ImVec2& a, const ImVec2& b) { return a.x < b.x; });
  if (line.size() >= 2) dl->AddPolyline(line.data(), static_cast<int>(line.size()), u32(colour), ImDrawFlags_None, 2.5f);
  for (const Point& pt : points) {
    const ImVec2 at = to_screen(pt.day, pt.value);
    if (pt.real) dl->AddCircleFilled(at, th.em(0.25f), u32(colour));
    else dl->AddCircle(at, th.em(0.3f), u32(colour), 16, 2.0f);
  }
  // Value on hover: the nearest point within reach of the pointer.
  ImGui::SetCursorScreenPos(o);
  ImGui::InvisibleButton("###chart.area", ImVec2(width, height));
  if (ImGui::IsItemHovered()) {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const Point* nearest = nullptr;
    float best = th.em(2.0f);
    for (const Point& pt : points) {
      const ImVec2 at = to_screen(pt.day, pt.value);
      const float d = std::hypot(at.x - mouse.x, at.y - mouse.y);
      if (d < best) {
        best = d;
        nearest = &pt;
      }
    }
    if (nearest) {
      const std::string tip = nearest->date + " \xc2\xb7 " + m.t(nearest->real ? "ui.history.real" : "ui.history.selfcheck") + " \xc2\xb7 " +
                              format_decimal(nearest->value, series == 0 ? 0 : 1, m.lang());
      ImGui::SetTooltip("%s", tip.c_str());
    }
  }
  ImGui::PopFont();
  small_text(m.t("ui.history.legend"));
}

// --- History -----------------------------------------------------------------------------------------

void App::Impl::history() {
  Model& m = *model;
  const Theme& th = theme();
  const Palette& p = th.palette;
  store::Document& doc = persistence->document();
  heading(m.t("ui.history.title"), Font::H1);
  if (const auto change = store::change_since_last_week(doc.real)) {
    small_text(m.t("ui.history.week", {{"change", (*change > 0 ? "+" : "") + std::to_string(*change)}}));
  }
  gap(0.4f);
  if (undo_check || undo_real) {
    if (button("history.undo", m.t("ui.history.undo"), {.icon = SSI_ICON_UNDO})) {
      if (undo_check) doc.checks.insert(doc.checks.begin() + std::min(undo_index, doc.checks.size()), *undo_check);
      if (undo_real) doc.real.insert(doc.real.begin() + std::min(undo_index, doc.real.size()), *undo_real);
      undo_check.reset();
      undo_real.reset();
      persistence->changed();
    }
    gap(0.3f);
  }
  if (doc.checks.empty() && doc.real.empty()) {
    paragraph(m.t("ui.history.empty"), p.text_muted);
    return;
  }
  trend_chart();
  gap(0.6f);
  // Newest first: self-checks and real values interleaved by date.
  struct Row {
    bool real;
    std::size_t index;
    std::string date;
  };
  std::vector<Row> rows;
  for (std::size_t i = 0; i < doc.checks.size(); ++i) rows.push_back({false, i, doc.checks[i].date});
  for (std::size_t i = 0; i < doc.real.size(); ++i) rows.push_back({true, i, doc.real[i].date});
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.date > b.date; });
  std::optional<Row> remove;
  std::optional<std::size_t> open;
  for (const Row& row : rows) {
    const auto& centi = row.real ? doc.real[row.index].component_centi : doc.checks[row.index].component_centi;
    const int total = row.real ? doc.real[row.index].total() : doc.checks[row.index].total;
    const std::string& id = row.real ? doc.real[row.index].id : doc.checks[row.index].id;
    begin_card(0.8f);
    ImGui::PushFont(th.font(Font::Strong));
    paragraph(m.t(row.real ? "ui.history.real" : "ui.history.selfcheck") + " \xc2\xb7 " + row.date.substr(0, 10) +
              " \xc2\xb7 " + std::to_string(total));
    ImGui::PopFont();
    // "Marke 15,0 · Personen 11,5 · …": each name stays with its value; the pairs flow onto new lines.
    ImGui::PushFont(th.font(Font::Small));
    const float avail = ImGui::CalcItemWidth();
    float line = 0;
    for (int i = 0; i < kComponentCount; ++i) {
      const std::string part = m.t("ui.component." + std::string(component_key(kComponents[i])) + ".short") + " " +
                               centi_text(centi[i], m.lang()) + (i + 1 < kComponentCount ? "  \xc2\xb7" : "");
      const float w = text_size(part, Font::Small).x;
      if (i > 0 && line + th.em(0.4f) + w <= avail) {
        ImGui::SameLine(0, th.em(0.4f));
        line += th.em(0.4f);
      } else if (i > 0) {
        line = 0;
      }
      ImGui::TextUnformatted(part.c_str());
      line += w;
    }
    ImGui::PopFont();
    std::string& note = row.real ? doc.real[row.index].note : doc.checks[row.index].note;
    if (text_field("history." + id + ".note", m.t("ui.history.note"), note, "", {}, store::kMaxStringBytes))
      persistence->changed();
    std::vector<RowButton> buttons;
    if (!row.real) buttons.push_back({"history." + id + ".open", m.t("ui.history.open"), {.icon = SSI_ICON_CHART}});
    if (!row.real) buttons.push_back({"history." + id + ".export", m.t("ui.history.export"), {.style = ButtonStyle::Quiet, .icon = SSI_ICON_DOWNLOAD}});
    buttons.push_back({"history." + id + ".delete", m.t("ui.history.delete"), {.style = ButtonStyle::Quiet, .icon = SSI_ICON_TRASH}});
    const int c = button_row(buttons);
    end_card(row.real ? p.accent : p.component[0]);
    gap(0.2f);
    if (c >= 0 && buttons[c].id.ends_with(".delete")) remove = row;
    if (c >= 0 && buttons[c].id.ends_with(".open")) open = row.index;
    if (c >= 0 && buttons[c].id.ends_with(".export"))
      host.download(file_name(host.epoch_ms(), "json"), "application/json",
                    store::export_check(doc.checks[row.index], SSI_VERSION, iso_datetime(host.epoch_ms())));
  }
  if (remove) {
    undo_check.reset();
    undo_real.reset();
    undo_index = remove->index;
    if (remove->real) {
      undo_real = doc.real[remove->index];
      doc.real.erase(doc.real.begin() + static_cast<std::ptrdiff_t>(remove->index));
    } else {
      undo_check = doc.checks[remove->index];
      doc.checks.erase(doc.checks.begin() + static_cast<std::ptrdiff_t>(remove->index));
    }
    persistence->changed();
  }
  if (open) {
    m.restore(doc.checks[*open].answers, Screen::Results, {});
  }
  (void)th;
}

}  // namespace ssi::app
