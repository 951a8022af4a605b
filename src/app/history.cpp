// History: the trend chart and the list of self-checks and real values, with notes, export, delete and undo.
#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "app/app_impl.h"
#include "app/format.h"
#include "app/glyphs.h"
#include "app/screen_parts.h"
#include "app/theme.h"
#include "app/widgets.h"
#include "core/keys.h"

#ifndef SSI_VERSION
#define SSI_VERSION "dev"
#endif

namespace ssi::app {

void App::Impl::history() {
  Model& m = model();
  const Theme& th = theme();
  const Palette& p = th.palette;
  store::Document& doc = session.persistence().document();
  PersonState& ps = person();
  heading(m.t("ui.history.title"), Font::H1);
  if (const auto change = store::change_since_last_week(doc.real)) {
    small_text(m.t("ui.history.week", {{"change", (*change > 0 ? "+" : "") + std::to_string(*change)}}));
  }
  gap(0.4f);
  if (ps.undo_check || ps.undo_real) {
    if (button("history.undo", m.t("ui.history.undo"), {.icon = SSI_ICON_UNDO})) session.undo_delete();
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
  // Only the rows on screen are drawn (a history of 1 500 entries costs a screenful). The clipper needs one
  // height for every row: each card is padded to the tallest one measured at this width and text size.
  HistoryRows& hr = history_rows;
  if (hr.width != ImGui::CalcItemWidth() || hr.em != th.em(1.0f)) hr = {ImGui::CalcItemWidth(), th.em(1.0f), 0.0f};
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows.size()));
  // A few rows beyond the screen stay in the page, so Tab reaches the next row (which then scrolls into view).
  if (hr.first_shown >= 0)
    clipper.IncludeItemsByIndex(std::max(0, hr.first_shown - kRowsBeyond),
                                std::min(static_cast<int>(rows.size()), hr.last_shown + 1 + kRowsBeyond));
  hr.first_shown = -1;
  while (clipper.Step())
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const Row& row = rows[static_cast<std::size_t>(r)];
      const auto& centi = row.real ? doc.real[row.index].component_centi : doc.checks[row.index].component_centi;
      const int total = row.real ? doc.real[row.index].total() : doc.checks[row.index].total;
      const std::string& id = row.real ? doc.real[row.index].id : doc.checks[row.index].id;
      const float card_top = ImGui::GetCursorScreenPos().y;
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
        const std::string part = m.t(key::component_short(kComponents[i])) + " " + centi_text(centi[i], m.lang()) +
                                 (i + 1 < kComponentCount ? "  \xc2\xb7" : "");
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
        session.persistence().changed();
      std::vector<RowButton> buttons;
      if (!row.real) buttons.push_back({"history." + id + ".open", m.t("ui.history.open"), {.icon = SSI_ICON_CHART}});
      if (!row.real)
        buttons.push_back({"history." + id + ".export",
                           m.t("ui.history.export"),
                           {.style = ButtonStyle::Quiet, .icon = SSI_ICON_DOWNLOAD}});
      buttons.push_back({"history." + id + ".delete",
                         m.t("ui.history.delete"),
                         {.style = ButtonStyle::Quiet, .icon = SSI_ICON_TRASH}});
      const int c = button_row(buttons);
      const float bottom = ImGui::GetCursorScreenPos().y - ImGui::GetStyle().ItemSpacing.y;
      if (bottom - card_top > hr.card_h) {
        hr.card_h = bottom - card_top;
        relayout = true;  // the rows drawn so far are shorter than the slot the clipper now assumes
      } else if (bottom - card_top < hr.card_h) {
        ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, card_top + hr.card_h));
        ImGui::Dummy(ImVec2(0, 0));
      }
      end_card(row.real ? p.accent : p.component[0]);
      gap(0.2f);
      const float x = ImGui::GetCursorScreenPos().x;
      if (ImGui::IsRectVisible(ImVec2(x, card_top), ImVec2(x + 1, ImGui::GetCursorScreenPos().y))) {
        if (hr.first_shown < 0) hr.first_shown = r;
        hr.last_shown = r;
      }
      if (c >= 0 && buttons[c].id.ends_with(".delete")) remove = row;
      if (c >= 0 && buttons[c].id.ends_with(".open")) open = row.index;
      if (c >= 0 && buttons[c].id.ends_with(".export"))
        host.download(file_name(host.epoch_ms(), "json"), "application/json",
                      store::export_check(doc.checks[row.index], SSI_VERSION, iso_datetime(host.epoch_ms())));
    }
  if (remove) session.delete_entry(remove->real, remove->index);
  if (open) m.restore(doc.checks[*open].answers, Screen::Results, {});
}

void App::Impl::trend_chart() {
  Model& m = model();
  const Theme& th = theme();
  const Palette& p = th.palette;
  const store::Document& doc = session.persistence().document();
  heading(m.t("ui.history.chart"), Font::H2);
  std::vector<std::string> labels = {m.t("ui.history.total")}, ids = {"chart.total"};
  for (Component c : kComponents) {
    labels.push_back(m.t(key::component_short(c)));
    ids.push_back("chart." + std::string(component_key(c)));
  }
  // Five segments fit a phone only in two rows: the segmented control is replaced by quiet buttons there.
  if (ImGui::CalcItemWidth() >= th.em(30.0f)) {
    const int pick = segmented("chart", labels, ids, person().chart_series);
    if (pick >= 0) person().chart_series = pick;
  } else {
    SemanticGroup tabs("chart", "tablist");  // as segmented() groups its tabs
    std::vector<RowButton> row;
    for (std::size_t i = 0; i < labels.size(); ++i)
      row.push_back(
          {ids[i],
           labels[i],
           {.style = ButtonStyle::Quiet, .role = "tab", .selected = static_cast<int>(i) == person().chart_series}});
    const int pick = button_row(row, /*wrap=*/true);
    if (pick >= 0) person().chart_series = pick;
  }
  const int series = person().chart_series;
  const float max_value = static_cast<float>(series == 0 ? kTotalMax : kComponentMax);
  const ImVec4 colour = series == 0 ? p.accent : p.component[series - 1];
  struct Point {
    long long day;
    float value;
    bool real;
    std::string date;
  };
  std::vector<Point> points;
  for (const store::SelfCheck& c : doc.checks)
    if (auto d = date::day_number(c.date))
      points.push_back({*d, series == 0 ? static_cast<float>(c.total) : c.component_centi[series - 1] / 100.0f, false,
                        c.date.substr(0, 10)});
  for (const store::RealEntry& r : doc.real)
    if (auto d = date::day_number(r.date))
      points.push_back(
          {*d, series == 0 ? static_cast<float>(r.total()) : r.component_centi[series - 1] / 100.0f, true, r.date});
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
    dl->AddText(ImVec2(plot.Min.x - w - th.em(0.4f), y - text_size(label, Font::Small).y * 0.5f), u32(p.text_muted),
                label);
  }
  if (series == 0) {  // the reach threshold
    const float y = plot.Max.y - plot.GetHeight() * kReachThreshold / kTotalMax;
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
  // Real values as a line, self-checks as dots; downsampled to what the pixels can show (see screen_parts.h).
  std::vector<ImVec2> line, real_dots, check_dots;
  for (const Point& pt : points) (pt.real ? real_dots : check_dots).push_back(to_screen(pt.day, pt.value));
  line = thin_line(real_dots, 1.0f);
  if (line.size() >= 2)
    dl->AddPolyline(line.data(), static_cast<int>(line.size()), u32(colour), ImDrawFlags_None, 2.5f);
  for (const ImVec2& at : thin_dots(std::move(real_dots), th.em(0.25f)))
    dl->AddCircleFilled(at, th.em(0.25f), u32(colour));
  for (const ImVec2& at : thin_dots(std::move(check_dots), th.em(0.3f)))
    dl->AddCircle(at, th.em(0.3f), u32(colour), 16, 2.0f);
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
      const std::string tip = nearest->date + " \xc2\xb7 " +
                              m.t(nearest->real ? "ui.history.real" : "ui.history.selfcheck") + " \xc2\xb7 " +
                              format_decimal(nearest->value, series == 0 ? 0 : 1, m.lang());
      ImGui::SetTooltip("%s", tip.c_str());
    }
  }
  ImGui::PopFont();
  chart_table(o, o + ImVec2(width, height));
  small_text(m.t("ui.history.legend"));
}

// The chart's equivalent for assistive technology, oldest first, laid over the chart: every entry with its date,
// kind, total and four components; beyond kChartTableRows entries, that many rows of consecutive entries with their
// date range, count and means (a table of 1,500 rows was 12,000 nodes every frame; each entry is in the list below).
void App::Impl::chart_table(ImVec2 min, ImVec2 max) {
  const ImRect area(min, max);
  Model& m = model();
  const store::Document& doc = session.persistence().document();
  struct Entry {
    std::string id, date;
    bool real;
    int total;
    std::array<int, kComponentCount> centi;
  };
  std::vector<Entry> entries;
  for (const store::SelfCheck& c : doc.checks)
    entries.push_back({c.id, c.date.substr(0, 10), false, c.total, c.component_centi});
  for (const store::RealEntry& r : doc.real)
    entries.push_back({r.id, r.date.substr(0, 10), true, r.total(), r.component_centi});
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.date < b.date; });
  const bool grouped = entries.size() > kChartTableRows;
  const std::size_t rows = grouped ? kChartTableRows : entries.size();
  constexpr int kColumns = 3 + kComponentCount;
  const float row_h = area.GetHeight() / static_cast<float>(rows + 1);
  const float col_w = area.GetWidth() / kColumns;
  SemanticGroup table("chart.table", "table", m.t("ui.history.chart"));
  if (grouped)
    table.node().description =
        m.t("ui.history.chart_grouped", {{"count", std::to_string((entries.size() + rows - 1) / rows)}});
  auto row = [&](const std::string& id, const std::array<std::string, kColumns>& texts, const char* role, int index) {
    SemanticGroup r(id, "row");
    for (int c = 0; c < kColumns; ++c) {
      const ImVec2 at = area.Min + ImVec2(col_w * c, row_h * index);
      semantic_text(id + "." + std::to_string(c), texts[c], ImRect(at, at + ImVec2(col_w, row_h)), role);
    }
  };
  std::array<std::string, kColumns> head = {m.t("ui.a11y.date"), m.t("ui.a11y.kind"), m.t("ui.history.total")};
  for (int i = 0; i < kComponentCount; ++i) head[3 + i] = component_name(m, kComponents[i]);
  row("chart.head", head, "columnheader", 0);
  for (std::size_t g = 0; g < rows; ++g) {
    // Row g holds entries [first, last): one entry, or an equal share of them when grouped.
    const std::size_t first = grouped ? g * entries.size() / rows : g;
    const std::size_t last = grouped ? (g + 1) * entries.size() / rows : g + 1;
    const int n = static_cast<int>(last - first);
    int total = 0;
    std::array<int, kComponentCount> centi{};
    for (std::size_t e = first; e < last; ++e) {
      total += entries[e].total;
      for (int i = 0; i < kComponentCount; ++i) centi[i] += entries[e].centi[i];
    }
    const auto mean = [n](int sum) { return (sum + n / 2) / n; };  // sums of non-negative values: rounds half up
    std::array<std::string, kColumns> cells;
    if (grouped) {
      cells[0] = m.t("ui.a11y.period", {{"first", entries[first].date}, {"last", entries[last - 1].date}});
      cells[1] = m.t("ui.a11y.entries", {{"count", std::to_string(n)}});
    } else {
      cells[0] = entries[first].date;
      cells[1] = m.t(entries[first].real ? "ui.history.real" : "ui.history.selfcheck");
    }
    cells[2] = std::to_string(mean(total));
    for (int i = 0; i < kComponentCount; ++i) cells[3 + i] = centi_text(mean(centi[i]), m.lang());
    row(grouped ? "chart.rows." + std::to_string(g) : "chart.row." + entries[first].id, cells, "cell",
        static_cast<int>(g) + 1);
  }
}

}  // namespace ssi::app
