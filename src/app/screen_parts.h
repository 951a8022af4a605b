#pragma once
// Small view helpers the screens share (screens.cpp, screens_data.cpp, screens_workshop.cpp).
#include <imgui.h>

#include <functional>
#include <string>

#include "app/model.h"
#include "app/theme.h"

namespace ssi::app {

inline std::string key_of(Component c) { return std::string(component_key(c)); }
inline int index_of(Component c) { return static_cast<int>(c); }

// Vertical space in em.
inline void gap(float em) { ImGui::Dummy(ImVec2(0, theme().em(em))); }

// A small coloured square, aligned with the text line that follows it (on the same line).
void colour_dot(ImVec4 colour, Font font);

// The four components as cards in their colours (two columns from `two_columns_from_em` of width on): the name
// in `title`, then whatever `body` draws for the component.
void component_cards(const Model& m, float two_columns_from_em, Font title, const std::function<void(Component)>& body);

// The corridor scale 0–30–50–80–100 as a labelled bar with the reach threshold marked, and a legend.
void corridor_bar(const Model& m);

}  // namespace ssi::app
