// Before and after: the group view's named sessions, two of them compared (tables, corridor moves, people), the
// comparison's CSV, and the same comparison as a presenter slide.
#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "app/app_impl.h"
#include "app/format.h"
#include "app/glyphs.h"
#include "app/imgui_access.h"
#include "app/screen_parts.h"
#include "app/theme.h"
#include "app/widgets.h"
#include "core/keys.h"

namespace ssi::app {
namespace {

// A change with its sign ("+1,25", "−0,50", "0,00"): the minus is U+2212, as typeset numbers write it.
std::string signed_points(int centi, Lang lang) {
  const std::string magnitude = points(std::abs(centi), lang);
  return centi > 0 ? "+" + magnitude : centi < 0 ? "\xE2\x88\x92" + magnitude : magnitude;
}

// Row r of a measure: 0 the total, 1–4 the components; measure 0 mean, 1 median, 2 spread.
int value_of(const workshop::ComparedSide& side, int row, int measure) {
  if (measure == 2) return row == 0 ? side.total_spread_centi : side.component_spread_centi[row - 1];
  const workshop::Stats& s = row == 0 ? side.part.total : side.part.components[row - 1];
  return measure == 0 ? s.mean_centi : s.median_centi;
}

constexpr const char* kMeasureKeys[3] = {"ui.group.mean", "ui.group.median", "ui.compare.spread"};
constexpr const char* kMeasureIds[3] = {"compare.mean", "compare.median", "compare.spread"};  // table ids

}  // namespace

void App::Impl::compare_table(std::string_view id, int measure, const workshop::Comparison& c,
                              const std::string& before, const std::string& after, Font font) {
  Model& m = model();
  const Theme& th = theme();
  const Palette& p = th.palette;
  const Lang lang = m.lang();
  const float width = ImGui::CalcItemWidth();
  const float name_w = std::max(width * 0.4f, std::min(width - th.em(15.0f), th.em(14.0f)));
  const float col_w = (width - name_w) / 3.0f;
  const bool narrow = name_w < th.em(12.0f);
  const std::string title = m.t(kMeasureKeys[measure]);
  SemanticGroup table(id, "table", title);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  // One row: a name cell and three right-aligned value cells, each also a node of the table.
  auto row = [&](int r, const std::string& name, const std::array<std::string, 3>& values, ImVec4 colour, Font f,
                 bool header) {
    const std::string row_id = std::string(id) + ".r" + std::to_string(r);
    SemanticGroup tr(row_id, "row");
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const float h = text_size("X", f).y;
    ImGui::PushFont(th.font(f));
    swatch_name_cell(dl, o, name_w, h, colour, name);
    semantic_text(row_id + ".name", name, ImRect(o, o + ImVec2(name_w, h)), header ? "columnheader" : "rowheader");
    for (int i = 0; i < 3; ++i) {
      const float right = o.x + name_w + col_w * (i + 1);
      const float room = col_w - th.em(0.3f);
      const float tw = text_size(values[i], f).x;
      if (tw <= room)  // right-aligned; a session name too long for its column ends in "…"
        dl->AddText(ImVec2(right - tw, o.y), u32(p.text), values[i].c_str());
      else
        text_ellipsis(dl, ImVec2(right - room, o.y), ImVec2(right, o.y + h), right, right, values[i]);
      semantic_text(row_id + ".c" + std::to_string(i), values[i],
                    ImRect(ImVec2(right - col_w, o.y), ImVec2(right, o.y + h)), header ? "columnheader" : "cell");
    }
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(width, h + th.em(0.25f)));
  };
  const ImVec4 none(0, 0, 0, 0);
  row(0, title, {before, after, m.t("ui.compare.change")}, none, Font::Small, true);
  for (int r = 0; r <= kComponentCount; ++r) {
    const int a = value_of(c.before, r, measure), b = value_of(c.after, r, measure);
    const std::string name = r == 0   ? m.t("ui.group.total")
                             : narrow ? m.t(key::component_short(kComponents[r - 1]))
                                      : component_name(m, kComponents[r - 1]);
    row(r + 1, name, {points(a, lang), points(b, lang), signed_points(b - a, lang)}, r == 0 ? none : p.component[r - 1],
        r == 0 && font == Font::Body ? Font::Strong : font, false);  // the slide's rows are large enough
  }
}

void App::Impl::compare_moves(const workshop::Comparison& c) {
  Model& m = model();
  const int paired = static_cast<int>(c.people.size());
  paragraph(m.t("ui.compare.moved", {{"paired", std::to_string(paired)},
                                     {"up", std::to_string(c.moved_up)},
                                     {"down", std::to_string(c.moved_down)},
                                     {"same", std::to_string(c.stayed)}}));
}

void App::Impl::group_sessions() {
  Model& m = model();
  const Palette& p = theme().palette;
  GroupView& g = session.group;
  heading(m.t("ui.group.sessions"), Font::H2);
  small_text(m.t("ui.group.sessions.note"), p.text_muted);
  std::vector<RowButton> tabs;
  for (std::size_t i = 0; i < g.sessions.size(); ++i) {
    const int n = g.sessions[i].group.participants();
    tabs.push_back(
        {"group.session." + std::to_string(i),
         m.t("ui.group.session.tab", {{"name", session.group_session_name(i)}, {"count", std::to_string(n)}}),
         {.style = ButtonStyle::Quiet, .role = "tab", .selected = i == g.current}});
  }
  {
    SemanticGroup list("group.sessions", "tablist", m.t("ui.group.sessions"));
    const int t = button_row(tabs, true);
    if (t >= 0) session.open_group_session(static_cast<std::size_t>(t));
  }
  text_field("group.session.name", m.t("ui.group.session.name"), g.new_name, m.t("ui.group.session.hint"), {}, 120);
  if (button("group.session.new", m.t("ui.group.session.new"), {})) session.new_group_session(g.new_name);
}

void App::Impl::group_compare() {
  Model& m = model();
  const Theme& th = theme();
  const Palette& p = th.palette;
  GroupView& g = session.group;
  const std::optional<workshop::Comparison>& c = session.comparison();
  begin_card(1.0f);
  heading(m.t("ui.compare.title"), Font::H2);
  // Which two sessions: one choice row each.
  auto choose = [&](const char* which, const char* label_key, std::size_t& chosen) {
    small_text(m.t(label_key), p.text_muted);
    std::vector<RowButton> row;
    for (std::size_t i = 0; i < g.sessions.size(); ++i)
      row.push_back({std::string(which) + "." + std::to_string(i),
                     session.group_session_name(i),
                     {.style = ButtonStyle::Quiet, .role = "radio", .selected = i == chosen}});
    SemanticGroup group(which, "radiogroup", m.t(label_key));
    const int picked = button_row(row, true);
    if (picked >= 0) chosen = static_cast<std::size_t>(picked);
  };
  choose("compare.before", "ui.compare.before", g.compare_before);
  choose("compare.after", "ui.compare.after", g.compare_after);
  gap(0.4f);
  if (!c) {
    paragraph(m.t("ui.compare.same"), p.warning);
    end_card(p.component[0]);
    return;
  }
  for (const Problem& problem : c->problems) paragraph(describe(m.strings(), problem, m.lang()), p.warning);
  if (c->questionnaire_id.empty() || c->before.part.participants.empty()) {
    end_card(p.component[0]);
    return;
  }
  small_text(m.t("ui.group.questionnaire", {{"id", c->questionnaire_id}, {"version", c->questionnaire_version}}),
             p.text_muted);
  const std::string before = session.group_session_name(g.compare_before);
  const std::string after = session.group_session_name(g.compare_after);
  paragraph(m.t("ui.compare.counts", {{"before", before},
                                      {"n_before", std::to_string(c->before.part.participants.size())},
                                      {"after", after},
                                      {"n_after", std::to_string(c->after.part.participants.size())}}));
  gap(0.3f);
  for (int measure = 0; measure < 3; ++measure) {
    compare_table(kMeasureIds[measure], measure, *c, before, after, Font::Body);
    gap(0.4f);
  }
  small_text(m.t("ui.compare.spread_note"), p.text_muted);
  gap(0.4f);
  compare_moves(*c);
  if (!c->people.empty()) {
    small_text(m.t("ui.compare.people"), p.text_muted);
    const std::string list_id = "compare.people";  // each person's line is a list item under it
    SemanticGroup list(list_id, "list", m.t("ui.compare.people"));
    // Only the lines on screen (and a few either side) are drawn, as History's rows: 200 people cost a screenful.
    const float h = text_size("X", Font::Small).y;
    const float pitch = h + th.em(0.2f) + ImGui::GetStyle().ItemSpacing.y;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const int count = static_cast<int>(c->people.size());
    const auto [first, end] = rows_on_screen(top.y, pitch, count, kRowsBeyond);
    list.node().rect = ImRect(top, top + ImVec2(ImGui::CalcItemWidth(), pitch * static_cast<float>(count - 1) + h));
    for (int i = first; i < end; ++i) {
      const workshop::PersonChange& person = c->people[static_cast<std::size_t>(i)];
      const ImVec2 o = top + ImVec2(0, pitch * static_cast<float>(i));
      const int change = person.after.total - person.before.total;
      const std::string line =
          m.t("ui.compare.person", {{"name", person.nickname},
                                    {"before", std::to_string(person.before.total)},
                                    {"after", std::to_string(person.after.total)},
                                    {"change", change > 0   ? "+" + std::to_string(change)
                                               : change < 0 ? "\xE2\x88\x92" + std::to_string(-change)
                                                            : "0"}});
      ImGui::PushFont(th.font(Font::Small));
      text_ellipsis(ImGui::GetWindowDrawList(), o, o + ImVec2(ImGui::CalcItemWidth(), h), o.x + ImGui::CalcItemWidth(),
                    o.x + ImGui::CalcItemWidth(), line);
      ImGui::PopFont();
      semantic_text(list_id + "." + std::to_string(i), line, ImRect(o, o + ImVec2(ImGui::CalcItemWidth(), h)),
                    "listitem");
    }
    ImGui::Dummy(ImVec2(ImGui::CalcItemWidth(), pitch * static_cast<float>(count) - ImGui::GetStyle().ItemSpacing.y));
  }
  gap(0.4f);
  const int b = button_row({{"compare.csv", m.t("ui.compare.csv"), {.icon = SSI_ICON_DOWNLOAD}},
                            {"compare.slide", m.t("ui.compare.slide"), {.icon = SSI_ICON_PLAY}}},
                           true);
  if (b == 0)
    host.download("ssi-comparison-" + iso_date(host.epoch_ms()) + ".csv", "text/csv", session.comparison_csv());
  if (b == 1) {
    presenter_state.slide = kComparisonSlide;
    m.show(Screen::Presenter);
  }
  end_card(p.component[0]);
}

}  // namespace ssi::app
