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

}  // namespace ssi::platform::a11y
