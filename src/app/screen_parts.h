#pragma once
// Small view helpers the screens share (screen_parts.cpp).
#include <imgui.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "app/format.h"
#include "app/model.h"
#include "app/theme.h"

namespace ssi::app {

inline int index_of(Component c) { return static_cast<int>(c); }

// A component's points with one decimal ("13,7"), and group statistics with two: exactly the hundredths the
// core computed (and the test hook reports).
inline std::string centi_text(int centi, Lang lang) { return format_centi(centi, 1, lang); }
inline std::string points(int centi, Lang lang) { return format_centi(centi, 2, lang); }

// Vertical space in em.
inline void gap(float em) { ImGui::Dummy(ImVec2(0, theme().em(em))); }

// A small coloured square, aligned with the text line that follows it (on the same line).
void colour_dot(ImVec4 colour, Font font);

// The four components as cards in their colours (two columns from `two_columns_from_em` of width on): the name
// in `title`, then whatever `body` draws for the component.
void component_cards(const Model& m, float two_columns_from_em, Font title, const std::function<void(Component)>& body);

// A horizontal bar row: label on the left (`label_w` wide; 0: 42 % of the row, at most 13 em), a bar proportional
// to value/max, the value text on the right; a meter node `id` for assistive technology.
void bar_row(std::string_view id, const std::string& label, float value, float max, const std::string& value_text,
             ImVec4 colour, float label_w = 0.0f);

// A table row's name cell at `o`, `name_w` wide and `h` high, in the current font: a colour swatch (when `colour`
// is not transparent) and the name, cut with "..." where it does not fit.
void swatch_name_cell(ImDrawList* dl, ImVec2 o, float name_w, float h, ImVec4 colour, const std::string& name);

// A long list of `count` rows `pitch` apart from screen y `top`: the rows [first, last) the window shows, and `beyond`
// more either side. Drawing only these keeps a list of hundreds at the cost of a screenful.
std::pair<int, int> rows_on_screen(float top, float pitch, int count, int beyond);

// Chart downsampling, so a chart costs its width and not its number of entries. thin_line: the points as one
// line sorted by x, at most the first, lowest, highest and last point per `column` of width (the line looks
// the same at that resolution). thin_dots: one dot per cell of `cell` × `cell` (dots overlapping that much look
// like one).
std::vector<ImVec2> thin_line(std::vector<ImVec2> points, float column);
std::vector<ImVec2> thin_dots(std::vector<ImVec2> points, float cell);

// The corridor scale 0–30–50–80–100 as a labelled bar with the reach threshold marked, and a legend.
void corridor_bar(const Model& m);

}  // namespace ssi::app
