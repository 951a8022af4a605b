#pragma once
// Message keys built from data, once: every catalog key that names a component or a corridor comes from here,
// so a call site never concatenates one and a renamed key changes in one place.
#include <string>

#include "core/ssi.h"

namespace ssi::key {

// messages.json
std::string component(Component c);              // "component.brand"
std::string component_description(Component c);  // "component.brand.description"
std::string corridor(Corridor c);                // "corridor.active"
std::string corridor_description(Corridor c);    // "corridor.active.description"
std::string compare(Component c, bool higher);   // "compare.brand.higher" / "compare.brand.lower"
std::string workshop_advice(Component c);        // "workshop.advice.brand"
// ui.json
std::string component_short(Component c);  // "ui.component.brand.short"

}  // namespace ssi::key
