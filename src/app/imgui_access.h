#pragma once
// The few places where the app reaches into Dear ImGui's internal state, behind functions: imgui_internal.h
// changes between versions (1.91 renamed NavDisableHighlight to NavCursorVisible), and then only
// imgui_access.cpp changes.
#include <imgui.h>

#include <span>
#include <string_view>

struct ImRect;

namespace ssi::app {

// ImGui still has work that shows only in a later frame: queued input, a keyboard-navigation move or focus request
// being resolved, or a focus change since the last call (the runner keeps drawing then; call once per frame).
bool imgui_has_pending_work();
// The item with keyboard focus (ImGui's NavId), 0 when none.
ImGuiID nav_focus_id();
// The focus ring shows: the person moved the focus with the keyboard (not hidden since a mouse or touch use).
bool nav_highlight_visible();
// Hides the ring, so the next Tab starts at the first item (ImGui's Escape cleared the focus but left the ring
// "on", and Tab would look for the item after none).
void hide_nav_highlight();
// The last item submitted has the keyboard focus, in the current window, with the ring showing.
bool last_item_has_visible_focus();
// Moves keyboard focus (with the ring) to the item just submitted in the current window (`id` of that item), and
// scrolls it into view. Immediate: ImGui's FocusItem() resolves a frame later and loses to a focus in another window.
void focus_item(ImGuiID id);
// Starts editing the text field just submitted, as a click or Tab into it would.
void edit_last_item();
// Activates the item like Enter on it would; queued and done when the item is submitted in the next frame.
void activate_item(ImGuiID id);
// The current window's clip rectangle (what of an item is on screen).
ImRect current_clip_rect();
// Claims keys for `owner`: keyboard navigation then leaves them alone. release_keys gives them back.
void claim_keys(std::span<const ImGuiKey> keys, std::string_view owner);
void release_keys(std::span<const ImGuiKey> keys);
// Draws `text` in [min, max], cut with "..." at `ellipsis_x` when it does not fit before `clip_x`.
void text_ellipsis(ImDrawList* dl, ImVec2 min, ImVec2 max, float clip_x, float ellipsis_x, std::string_view text);
// How many texts text_ellipsis has cut since the program started (tests: a name with room is drawn whole).
long texts_cut();

}  // namespace ssi::app
