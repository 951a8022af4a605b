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
  if (const auto change = session.history_index().change_last_week) {
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
  // Newest first: self-checks and real values interleaved by date (asked for after the undo above changed them).
  using Row = HistoryIndex::Row;
  const std::vector<Row>& rows = session.history_index().rows;
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
      const std::string& date = row.real ? doc.real[row.index].date : doc.checks[row.index].date;
      const float card_top = ImGui::GetCursorScreenPos().y;
      begin_card(0.8f);
      ImGui::PushFont(th.font(Font::Strong));
      paragraph(m.t(row.real ? "ui.history.real" : "ui.history.selfcheck") + " \xc2\xb7 " + date.substr(0, 10) +
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
  const HistoryIndex& index = session.history_index();
  if (index.points.empty()) return;
  const auto value_of = [series](const HistoryIndex::Point& pt) {
    return series == 0 ? static_cast<float>(pt.total) : static_cast<float>(pt.centi[series - 1]) / 100.0f;
  };
  long long first = index.points[index.first].day, last = index.points[index.last].day;
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
  // Relative to the plot's corner (scrolling moves the plot, not the shapes in it).
  auto in_plot = [&](long long day, float value) {
    return ImVec2(plot.GetWidth() * static_cast<float>(day - first) / static_cast<float>(last - first),
                  plot.GetHeight() - plot.GetHeight() * value / max_value);
  };
  auto to_screen = [&](long long day, float value) { return plot.Min + in_plot(day, value); };
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
  // Dates: first and last on the axis (none for the week added either side of a single day).
  for (const long long day : {first, last}) {
    const HistoryIndex::Point& pt = index.points[day == first ? index.first : index.last];
    if (pt.day != day) continue;
    const float w = text_size(pt.date, Font::Small).x;
    const float x = std::clamp(to_screen(day, 0).x - w * 0.5f, plot.Min.x, plot.Max.x - w);
    dl->AddText(ImVec2(x, plot.Max.y + th.em(0.3f)), u32(p.text_muted), pt.date.c_str());
  }
  // Real values as a line, self-checks as dots; downsampled to what the pixels can show (see screen_parts.h), once
  // per change of the document, series or plot size.
  ChartShapes& shapes = chart_shapes;
  const ChartShapes::Key key{session.history_index_builds(), series, plot.GetWidth(), plot.GetHeight(), th.em(1.0f)};
  if (!(shapes.key == key)) {
    shapes = {key, {}, {}, {}};
    std::vector<ImVec2> real_dots, check_dots;
    for (const HistoryIndex::Point& pt : index.points)
      (pt.real ? real_dots : check_dots).push_back(in_plot(pt.day, value_of(pt)));
    shapes.line = thin_line(real_dots, 1.0f);
    shapes.real_dots = thin_dots(std::move(real_dots), th.em(0.25f));
    shapes.check_dots = thin_dots(std::move(check_dots), th.em(0.3f));
  }
  if (shapes.line.size() >= 2) {
    std::vector<ImVec2> line(shapes.line);
    for (ImVec2& at : line) at += plot.Min;
    dl->AddPolyline(line.data(), static_cast<int>(line.size()), u32(colour), ImDrawFlags_None, 2.5f);
  }
  for (const ImVec2& at : shapes.real_dots) dl->AddCircleFilled(plot.Min + at, th.em(0.25f), u32(colour));
  for (const ImVec2& at : shapes.check_dots) dl->AddCircle(plot.Min + at, th.em(0.3f), u32(colour), 16, 2.0f);
  // Value on hover: the nearest point within reach of the pointer.
  ImGui::SetCursorScreenPos(o);
  ImGui::InvisibleButton("###chart.area", ImVec2(width, height));
  if (ImGui::IsItemHovered()) {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const HistoryIndex::Point* nearest = nullptr;
    float best = th.em(2.0f);
    for (const HistoryIndex::Point& pt : index.points) {
      const ImVec2 at = to_screen(pt.day, value_of(pt));
      const float d = std::hypot(at.x - mouse.x, at.y - mouse.y);
      if (d < best) {
        best = d;
        nearest = &pt;
      }
    }
    if (nearest) {
      const std::string tip = nearest->date + " \xc2\xb7 " +
                              m.t(nearest->real ? "ui.history.real" : "ui.history.selfcheck") + " \xc2\xb7 " +
                              format_decimal(value_of(*nearest), series == 0 ? 0 : 1, m.lang());
      ImGui::SetTooltip("%s", tip.c_str());
    }
  }
  ImGui::PopFont();
  chart_table(o, o + ImVec2(width, height));
  small_text(m.t("ui.history.legend"));
}

// The chart's equivalent for assistive technology, oldest first, laid over the chart: every entry with its date,
// kind, total and four components; beyond HistoryIndex::kTableRows entries, that many rows of consecutive entries with
// their date range, count and means (a table of 1,500 rows was 12,000 nodes every frame; each entry is in the list
// below). The rows and their sums come from the history index; only their texts are made here (in today's language).
void App::Impl::chart_table(ImVec2 min, ImVec2 max) {
  const ImRect area(min, max);
  Model& m = model();
  const HistoryIndex& index = session.history_index();
  const std::size_t rows = index.table.size();
  constexpr int kColumns = 3 + kComponentCount;
  const float row_h = area.GetHeight() / static_cast<float>(rows + 1);
  const float col_w = area.GetWidth() / kColumns;
  SemanticGroup table("chart.table", "table", m.t("ui.history.chart"));
  if (index.grouped)
    table.node().description = m.t("ui.history.chart_grouped", {{"count", std::to_string(index.per_row)}});
  auto row = [&](const std::string& id, const std::array<std::string, kColumns>& texts, const char* role, int at_row) {
    SemanticGroup r(id, "row");
    for (int c = 0; c < kColumns; ++c) {
      const ImVec2 at = area.Min + ImVec2(col_w * c, row_h * at_row);
      semantic_text(id + "." + std::to_string(c), texts[c], ImRect(at, at + ImVec2(col_w, row_h)), role);
    }
  };
  std::array<std::string, kColumns> head = {m.t("ui.a11y.date"), m.t("ui.a11y.kind"), m.t("ui.history.total")};
  for (int i = 0; i < kComponentCount; ++i) head[3 + i] = component_name(m, kComponents[i]);
  row("chart.head", head, "columnheader", 0);
  for (std::size_t g = 0; g < rows; ++g) {
    const HistoryIndex::TableRow& r = index.table[g];
    const int n = r.count;
    const auto mean = [n](int sum) { return (sum + n / 2) / n; };  // sums of non-negative values: rounds half up
    std::array<std::string, kColumns> cells;
    if (index.grouped) {
      cells[0] = m.t("ui.a11y.period", {{"first", r.first}, {"last", r.last}});
      cells[1] = m.t("ui.a11y.entries", {{"count", std::to_string(n)}});
    } else {
      cells[0] = r.first;
      cells[1] = m.t(r.real ? "ui.history.real" : "ui.history.selfcheck");
    }
    cells[2] = std::to_string(mean(r.total_sum));
    for (int i = 0; i < kComponentCount; ++i) cells[3 + i] = centi_text(mean(r.centi_sum[i]), m.lang());
    row(index.grouped ? "chart.rows." + std::to_string(g) : "chart.row." + r.id, cells, "cell",
        static_cast<int>(g) + 1);
  }
}

}  // namespace ssi::app
