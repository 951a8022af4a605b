#pragma once
// The accessibility mirror (Flutter web's semantics tree): after each frame the app's semantics tree becomes
// real DOM elements (buttons, radios, inputs, headings, lists, tables, meters) in a transparent layer over the
// canvas, at the painted positions, updated by a keyed diff only when the tree changed. Focus and activation
// go both ways: DOM focus moves ImGui's, ImGui's moves the DOM's, a click on an element (a screen reader's
// activation, Enter or Space on it) does what Enter on the widget does.
namespace ssi::app {
class App;
}

namespace ssi::platform::a11y {

// Mirrors the last frame's tree (when it changed) and the keyboard focus (when ImGui moved it).
void after_frame(app::App& app);
// The page's focus is on a mirror button: Enter and Space are its (they click it natively).
bool button_has_focus();
// The mirror's cost so far (scripts/bench): frames whose tree changed, and the ms spent on them writing the tree
// and updating the DOM, in total and at most.
struct Cost {
  double frames = 0, total_ms = 0, max_ms = 0;
  double tree_ms = 0;  // of total_ms: writing the tree (the rest is the DOM update)
};
Cost cost();
void reset_cost();

}  // namespace ssi::platform::a11y
