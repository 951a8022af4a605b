// The group view: hand-overs of a training group, aggregated per questionnaire version, and the files refused.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "app/app_impl.h"
#include "app/format.h"
#include "app/glyphs.h"
#include "app/imgui_access.h"
#include "app/screen_parts.h"
#include "app/theme.h"
#include "app/widgets.h"
#include "core/keys.h"

#ifndef SSI_VERSION
#define SSI_VERSION "dev"
#endif

namespace ssi::app {
namespace {

// The name a participant appears under: their nickname, else "Participant N".
std::string participant_name(const Model& m, const workshop::Participant& p) {
  return p.name.empty() ? m.t("ui.group.participant", {{"n", std::to_string(p.number)}}) : p.name;
}

}  // namespace

void App::Impl::group_view() {
  Model& m = model();
  const Palette& p = theme().palette;
  heading(m.t("ui.group.title"), Font::H1);
  paragraph(m.t("ui.group.intro", {{"max", std::to_string(workshop::kMaxGroupFiles)}}), p.text_muted);
  gap(0.4f);
  group_sessions();
  gap(0.4f);
  // The open session (after group_sessions(): a new session may have moved them).
  const workshop::Group* group = &session.group.now().group;
  bool any = !group->parts.empty() || !group->errors.empty();
  std::vector<RowButton> row = {
      {"group.pick", m.t("ui.group.pick"), {.style = ButtonStyle::Primary, .icon = SSI_ICON_UPLOAD}}};
  if (!session.group.scanner.open) row.push_back({"group.scan", m.t("ui.scan.open"), {}});
  if (group->participants() > 0) row.push_back({"group.save", m.t("ui.group.save"), {.icon = SSI_ICON_DOWNLOAD}});
  if (any) row.push_back({"group.clear", m.t("ui.group.clear"), {.style = ButtonStyle::Quiet, .icon = SSI_ICON_TRASH}});
  const int c = button_row(row, true);
  if (c >= 0) {
    const std::string& id = row[c].id;
    if (id == "group.pick") host.pick_file(true);
    if (id == "group.scan") open_scanner();
    if (id == "group.save")
      host.download("ssi-group-" + iso_date(host.epoch_ms()) + ".json", "application/json",
                    workshop::group_json(*group, SSI_VERSION));
    if (id == "group.clear") {
      session.clear_group();  // the sessions are new: `group` points at the empty one
      group = &session.group.now().group;
      any = false;
    }
  }
  group_scanner();
  // A hand-over code typed off a participant's screen (when no file and no camera can bring it).
  text_field("group.code", m.t("ui.group.code"), session.group.typed_code, m.t("ui.group.code.hint"), {}, 600);
  const bool typed = session.group.typed_code.find_first_not_of(" \t\r\n") != std::string::npos;
  if (button("group.code.add", m.t("ui.group.code.add"), {.disabled = !typed})) {
    session.add_group_files({{m.t("ui.group.code.name"), session.group.typed_code, {}, /*code=*/true}});
    session.group.typed_code.clear();
    group = &session.group.now().group;
    any = !group->parts.empty() || !group->errors.empty();
  }
  small_text(m.t("ui.group.not_stored"), p.text_muted);
  if (session.group.now().identical > 0)
    small_text(m.t("ui.group.identical", {{"count", std::to_string(session.group.now().identical)}}), p.warning);
  gap(0.6f);
  if (session.group.sessions.size() > 1) {
    group_compare();
    gap(0.6f);
  }
  if (!any) {
    paragraph(m.t("ui.group.empty"), p.text_muted);
    return;
  }
  if (!group->parts.empty()) group_part(group->parts.front(), true);
  if (group->parts.size() > 1) {
    gap(0.8f);
    heading(m.t("ui.group.other_title"), Font::H2);
    paragraph(m.t("ui.group.other_note"), p.warning);
    for (std::size_t i = 1; i < group->parts.size(); ++i) {
      gap(0.4f);
      group_part(group->parts[i], false);
    }
  }
  if (!group->errors.empty()) {
    gap(0.8f);
    begin_card(1.0f);
    const std::size_t bad = group->errors.size();
    const std::string title =
        m.t(bad == 1 ? "ui.group.errors.one" : "ui.group.errors", {{"count", std::to_string(bad)}});
    heading(title, Font::H2);
    // The refused files are a list, each item one file and its first reason. Only the lines on screen (and a few
    // either side) are drawn, as History's rows: a folder of hundreds of wrong files costs a screenful.
    SemanticGroup list("group.errors", "list", title);
    const float width = ImGui::CalcItemWidth();
    const float h = text_size("X", Font::Small).y;
    const float pitch = h + ImGui::GetStyle().ItemSpacing.y;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const int count = static_cast<int>(bad);
    const auto [first, end] = rows_on_screen(top.y, pitch, count, kRowsBeyond);
    list.node().rect = ImRect(top, top + ImVec2(width, pitch * static_cast<float>(count - 1) + h));  // with none drawn
    ImGui::PushFont(theme().font(Font::Small));
    for (int i = first; i < end; ++i) {
      const workshop::FileError& e = group->errors[static_cast<std::size_t>(i)];
      const ImVec2 o = top + ImVec2(0, pitch * static_cast<float>(i));
      const std::string reason =
          e.problems.empty() ? std::string() : describe(m.strings(), e.problems.front(), m.lang());
      const std::string line =
          m.t("ui.group.error", {{"name", e.name.empty() ? std::to_string(e.index + 1) : e.name}, {"reason", reason}});
      // One line each (a fixed pitch), cut with "..." at the card's edge; the node holds the whole line.
      text_ellipsis(ImGui::GetWindowDrawList(), o, o + ImVec2(width, h), o.x + width, o.x + width, "• " + line);
      semantic_text("group.errors." + std::to_string(e.index), line, ImRect(o, o + ImVec2(width, h)), "listitem");
    }
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(width, pitch * static_cast<float>(count) - ImGui::GetStyle().ItemSpacing.y));
    end_card(p.danger);
  }
}

void App::Impl::group_part(const workshop::GroupPart& part, bool main) {
  Model& m = model();
  const Theme& th = theme();
  const Palette& p = th.palette;
  const Lang lang = m.lang();
  const int n = static_cast<int>(part.participants.size());
  begin_card(1.0f);
  ImGui::PushFont(th.font(main ? Font::H1 : Font::H2));
  paragraph(m.t(n == 1 ? "ui.group.participants.one" : "ui.group.participants", {{"count", std::to_string(n)}}));
  ImGui::PopFont();
  small_text(m.t("ui.group.questionnaire", {{"id", part.questionnaire_id}, {"version", part.questionnaire_version}}),
             p.text_muted);
  gap(0.5f);

  // Mean, median, minimum and maximum: a table that stays readable on a phone (five short columns).
  const float width = ImGui::CalcItemWidth();
  const float name_w = std::max(width - th.em(15.0f), th.em(7.5f));
  const float col_w = (width - name_w) / 4.0f;
  // Each row is also a row of a table node: the header row names the columns, every other row its measure.
  const std::string part_id = "group." + part.questionnaire_id + "." + part.questionnaire_version;
  const std::string table_id = part_id + ".stats";
  std::optional<SemanticGroup> table(std::in_place, table_id, "table", m.t("ui.a11y.group_stats"));
  int row_index = 0;
  auto cells = [&](const std::string& name, const std::array<std::string, 4>& values, ImVec4 colour, Font font) {
    const ImVec2 o = ImGui::GetCursorScreenPos();
    {
      const std::string row_id = table_id + "." + std::to_string(row_index);
      const float row_h = text_size("X", font).y;
      SemanticGroup semantic_row(row_id, "row");
      semantic_text(row_id + ".name", name, ImRect(o, o + ImVec2(name_w, row_h)),
                    row_index == 0 ? "cell" : "rowheader");
      for (int i = 0; i < 4; ++i) {
        const ImVec2 at = o + ImVec2(name_w + col_w * i, 0);
        semantic_text(row_id + "." + std::to_string(i), values[i], ImRect(at, at + ImVec2(col_w, row_h)),
                      row_index == 0 ? "columnheader" : "cell");
      }
      ++row_index;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float h = text_size("X", font).y;
    ImGui::PushFont(th.font(font));
    swatch_name_cell(dl, o, name_w, h, colour, name);
    for (int i = 0; i < 4; ++i) {
      const float tw = text_size(values[i], font).x;
      dl->AddText(ImVec2(o.x + name_w + col_w * (i + 1) - tw, o.y), u32(p.text), values[i].c_str());
    }
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(width, h + th.em(0.25f)));
  };
  cells("", {m.t("ui.group.mean"), m.t("ui.group.median"), m.t("ui.group.min"), m.t("ui.group.max")},
        ImVec4(0, 0, 0, 0), Font::Small);
  auto row = [&](const std::string& name, const workshop::Stats& s, ImVec4 colour, Font font) {
    cells(name,
          {points(s.mean_centi, lang), points(s.median_centi, lang), points(s.min_centi, lang),
           points(s.max_centi, lang)},
          colour, font);
  };
  row(m.t("ui.group.total"), part.total, ImVec4(0, 0, 0, 0), Font::Strong);
  const bool narrow = name_w < th.em(14.0f);  // phones: LinkedIn-style short names instead of cut-off long ones
  for (Component c : kComponents)
    row(narrow ? m.t(key::component_short(c)) : component_name(m, c), part.components[index_of(c)],
        p.component[index_of(c)], Font::Body);
  table.reset();
  gap(0.6f);

  // How many fall in each corridor.
  heading(m.t("ui.group.corridors"), Font::H2);
  int most = 1;
  for (int count : part.corridors) most = std::max(most, count);
  for (int i = 0; i < 4; ++i)
    bar_row(part_id + ".corridor." + std::to_string(i), m.t(key::corridor(static_cast<Corridor>(i))),
            static_cast<float>(part.corridors[i]), static_cast<float>(most), std::to_string(part.corridors[i]),
            p.corridor[i]);
  gap(0.6f);

  // Where the group stands, and the first step most of them got.
  if (!part.weakest.empty()) {
    const Component w = part.weakest.front();
    paragraph(m.t("ui.group.weakest",
                  {{"name", component_name(m, w)}, {"mean", points(part.components[index_of(w)].mean_centi, lang)}}));
  }
  if (!part.most_frequent_advice.empty()) {
    const Component a = part.most_frequent_advice.front();
    ImGui::PushFont(th.font(Font::Strong));
    paragraph(m.t("ui.group.top_advice", {{"count", std::to_string(part.top_advice[index_of(a)])},
                                          {"n", std::to_string(n)},
                                          {"name", component_name(m, a)}}));
    ImGui::PopFont();
    paragraph(m.t(key::workshop_advice(a)));
  }
  gap(0.4f);
  // Individuals only by person().handover.nickname or number.
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
    // A list for assistive technology: one item per person, "name: total", where it is painted. Only the rows on
    // screen (and a few either side) are drawn, as History's: 200 people cost a screenful.
    SemanticGroup people(part_id + ".people", "list", m.t("ui.group.people"));
    const int count = static_cast<int>(part.participants.size());
    const int rows = (count + columns - 1) / columns;
    const auto [first_row, end_row] = rows_on_screen(o.y, h + th.em(0.3f), rows, kRowsBeyond);
    people.node().rect = ImRect(o, o + ImVec2(width, rows * (h + th.em(0.3f)) - th.em(0.3f)));  // with none drawn
    for (int i = first_row * columns; i < std::min(count, end_row * columns); ++i) {
      const workshop::Participant& person = part.participants[static_cast<std::size_t>(i)];
      const ImVec2 at = o + ImVec2((i % columns) * (w + th.em(1.0f)), (i / columns) * (h + th.em(0.3f)));
      const std::string total = std::to_string(person.handover.total);
      const std::string name = participant_name(m, person);
      const float tw = text_size(total, Font::Small).x;
      text_ellipsis(dl, at, at + ImVec2(w - tw - th.em(0.6f), h), at.x + w - tw - th.em(0.6f), at.x + w - tw, name);
      dl->AddText(ImVec2(at.x + w - tw, at.y), u32(p.text), total.c_str());
      semantic_text(part_id + ".people." + std::to_string(person.number),
                    m.t("ui.a11y.named_value", {{"name", name}, {"value", total}}), ImRect(at, at + ImVec2(w, h)),
                    "listitem");
    }
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(width, rows * (h + th.em(0.3f))));
  }
  end_card(main ? p.accent : p.warning);
}

}  // namespace ssi::app
