#include "app/imgui_access.h"

#include <imgui_internal.h>

namespace ssi::app {

bool imgui_has_pending_work() {
  static ImGuiID last_nav_id = 0;
  const ImGuiContext& c = *GImGui;
  const bool nav_changed = c.NavId != last_nav_id;
  last_nav_id = c.NavId;
  return c.InputEventsQueue.Size > 0 || c.NavMoveSubmitted || c.NavMoveScoringItems || c.NavInitRequest ||
         c.NavNextActivateId != 0 || nav_changed;
}

ImGuiID nav_focus_id() { return GImGui ? GImGui->NavId : 0; }

bool nav_highlight_visible() { return GImGui && !GImGui->NavDisableHighlight; }

void hide_nav_highlight() { GImGui->NavDisableHighlight = true; }

bool last_item_has_visible_focus() {
  const ImGuiContext& g = *GImGui;
  return g.NavId != 0 && g.NavId == g.LastItemData.ID && !g.NavDisableHighlight && g.NavWindow == g.CurrentWindow;
}

void focus_item(ImGuiID id) {
  ImGuiContext& g = *GImGui;
  ImGui::SetFocusID(id, g.CurrentWindow);
  if (g.LastItemData.ID == id) ImGui::ScrollToItem(ImGuiScrollFlags_KeepVisibleEdgeY);
  g.NavDisableHighlight = false;
  g.NavDisableMouseHover = true;
}

void edit_last_item() {
  ImGui::SetKeyboardFocusHere(-1);
  GImGui->NavDisableHighlight = false;
}

void activate_item(ImGuiID id) { ImGui::ActivateItemByID(id); }

ImRect current_clip_rect() { return GImGui->CurrentWindow->ClipRect; }

void claim_keys(std::span<const ImGuiKey> keys, std::string_view owner) {
  const ImGuiID id = ImHashStr(owner.data(), owner.size());
  for (ImGuiKey key : keys) ImGui::SetKeyOwner(key, id);
}

void release_keys(std::span<const ImGuiKey> keys) {
  for (ImGuiKey key : keys) ImGui::SetKeyOwner(key, ImGuiKeyOwner_None);
}

namespace {
long g_texts_cut = 0;
}  // namespace

void text_ellipsis(ImDrawList* dl, ImVec2 min, ImVec2 max, float clip_x, float ellipsis_x, std::string_view text) {
  const ImVec2 size = ImGui::CalcTextSize(text.data(), text.data() + text.size(), false);
  if (size.x > max.x - min.x) ++g_texts_cut;  // RenderTextEllipsis's own test
  ImGui::RenderTextEllipsis(dl, min, max, clip_x, ellipsis_x, text.data(), text.data() + text.size(), &size);
}

long texts_cut() { return g_texts_cut; }

}  // namespace ssi::app
