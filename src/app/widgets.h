#pragma once
// The app's widgets: themed wrappers over ImGui that also record every interactive element of the frame
// (stable id, role, visible label, rectangle) for window.ssiTest.widgets() and for tests.
// ImGui ids come from the stable id ("label###id"), so switching language never changes identity.
#include <imgui.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/theme.h"

namespace ssi::app {

// One node of the frame's semantics tree (Flutter web's semantics, AccessKit's nodes): every interactive widget,
// and the structure around it (headings, text, lists, tables, gauges). The platform mirrors the tree into the
// DOM for screen readers; `widgets()` lists its interactive, visible nodes.
struct WidgetInfo {
  std::string id;         // stable across languages, e.g. "lang.de", "q.brand_photo.option.2"
  std::string role;       // interactive: "button", "tab", "radio", "link", "checkbox", "textbox";
                          // structure: "heading", "text", "list", "listitem", "group", "radiogroup", "tablist",
                          // "table", "row", "cell", "columnheader", "rowheader", "meter", "navigation", "region";
                          // messages: "status" (a notice), "alert" (an error)
  std::string label;      // the text a person sees (the accessible name)
  ImRect rect;            // CSS pixels, unclipped
  bool selected = false;  // checked (radio, checkbox), selected (tab), pressed or current (button, link)
  bool disabled = false;
  ImGuiID imgui_id = 0;                // ImGui's id of the item (to tell which widget has keyboard focus)
  std::string value;                   // a text field's text; a meter's value in words ("13.7 of 25")
  std::string description;             // an error under a field, a hint
  int parent = -1;                     // index of the enclosing group in the frame's node list, -1 at the top
  int level = 0;                       // headings: 1..3
  bool ordered = false;                // lists: numbered (the 30-day plan)
  int expanded = -1;                   // disclosure buttons: 0 collapsed, 1 expanded, -1 not a disclosure
  bool invalid = false;                // a field whose value is refused
  bool visible = true;                 // some part of it is inside the visible area (a widget can be clicked)
  float value_now = 0, value_max = 0;  // meters
  ImRect shown;                        // the part of `rect` inside the visible area

  bool interactive() const;
};

class WidgetLog {
 public:
  void begin_frame();
  void end_frame();
  // Adds a node under the innermost open group; returns its index.
  int add(WidgetInfo info);
  // The widget list of the last frame: interactive nodes on screen (rect clipped to what is visible), and the
  // presenter's slide region. `tree()` is every node, unclipped.
  const std::vector<WidgetInfo>& last() const { return widgets_; }
  const std::vector<WidgetInfo>& tree() const { return last_; }
  WidgetInfo& node(int index) { return current_[index]; }
  std::size_t size() const { return current_.size(); }  // nodes so far in this frame
  // The widget with visible keyboard focus in the last frame, or nullptr.
  const WidgetInfo* focused() const;
  // Interactive, visible nodes (window.ssiTest.widgets()).
  std::string json() const;
  // Every node of the last frame, compact, for the DOM mirror; `revision()` changes only when it does.
  const std::string& semantics_json() const { return semantics_; }
  std::uint64_t revision() const { return revision_; }
  double serialize_ms() const { return serialize_ms_; }  // what writing semantics_json() took in the last frame

  // Groups: nodes added between open_group() and close_group() are its children; its rect spans them.
  int open_group(WidgetInfo info);
  void close_group();

  // Requests from assistive technology (the DOM mirror), taken by the widget with that id when it is drawn:
  // focus moves ImGui's keyboard focus there; activation does what Enter on it does.
  void request_focus(std::string id);
  void request_activation(std::string id);
  bool take_focus(std::string_view id) { return take(focus_request_, id); }
  bool take_activation(std::string_view id) { return take(activation_request_, id); }
  // The first interactive node of the last frame that is not inside the group `group_id` (e.g. the navigation).
  std::string first_interactive_outside(std::string_view group_id) const;
  bool has_requests() const { return !focus_request_.empty() || !activation_request_.empty(); }
  // A request waits, or one was taken in the last frame (ImGui applies a focus change in the frame after).
  bool busy() const { return has_requests() || taken_; }
  // While `on`, end_frame() looks for ssi::kRareStandIn in the frame's texts (rare texts not joined in yet);
  // stand_in_seen(): the last frame showed one, so App draws it again, unseen, with the rare texts.
  void look_for_stand_ins(bool on) { stand_in_scan_ = on; }
  bool stand_in_seen() const { return stand_in_seen_; }

 private:
  bool take(std::string& request, std::string_view id);

  std::vector<WidgetInfo> current_, last_, widgets_;
  std::vector<int> groups_;
  std::string semantics_;
  std::uint64_t revision_ = 0;
  double serialize_ms_ = 0;
  std::string focus_request_, activation_request_;
  int request_age_ = 0;
  bool taken_ = false, taking_ = false;
  bool stand_in_scan_ = false, stand_in_seen_ = false;
};

WidgetLog& widget_log();

// RAII for WidgetLog::open_group/close_group.
class SemanticGroup {
 public:
  SemanticGroup(std::string_view id, std::string_view role, std::string_view label = {});
  ~SemanticGroup();
  SemanticGroup(const SemanticGroup&) = delete;
  SemanticGroup& operator=(const SemanticGroup&) = delete;
  WidgetInfo& node() { return widget_log().node(index_); }

 private:
  int index_;
};

// A hand-drawn interactive item: call right after submitting it (ImGui::InvisibleButton). Records it, moves ImGui's
// focus there when the page's focus arrives, and returns true when assistive technology activated it.
bool custom_item(std::string_view id, const char* role, std::string_view label, const ImRect& rect,
                 bool selected = false);

// Non-interactive nodes for what is drawn by hand (gauges, numbers, cards): `rect` in CSS pixels.
void semantic_text(std::string_view id, std::string_view text, const ImRect& rect, std::string_view role = "text");
void semantic_meter(std::string_view id, std::string_view label, std::string_view value_text, float value, float max,
                    const ImRect& rect);

enum class ButtonStyle { Primary, Secondary, Quiet };

struct ButtonOptions {
  ButtonStyle style = ButtonStyle::Secondary;
  const char* icon = nullptr;  // SSI_ICON_* drawn before the label
  float width = 0;             // 0 = fit the label; < 0 = fill the available width
  bool disabled = false;
  const char* role = "button";
  bool selected = false;
  int expanded = -1;                   // a disclosure button: 1 open, 0 closed
  std::string_view name = {};          // the accessible name when there is no label (an icon-only button)
  ImVec4 accent = ImVec4(0, 0, 0, 0);  // a component colour for the left edge (optional)
};

// A rounded button with keyboard focus ring. Returns true when activated (click, tap, Enter, Space).
bool button(std::string_view id, std::string_view label, const ButtonOptions& options = {});

// Segmented control (e.g. DE | EN). Returns the index clicked this frame, or -1.
int segmented(std::string_view id, const std::vector<std::string>& labels, const std::vector<std::string>& ids,
              int selected);

// Selectable answer card: a full-width row with a radio mark. Returns true when chosen.
bool option_card(std::string_view id, std::string_view label, bool selected, ImVec4 accent);

// A checkbox row: a box with a check mark and its label, the whole row a touch target. Flips `value` and returns
// true when activated.
bool checkbox(std::string_view id, std::string_view label, bool& value);

// A card: a rounded surface sized to its content. Everything between begin_card() and end_card() is
// laid out inside with `padding` (em units); cards do not nest.
void begin_card(float padding_em = 1.0f);
void end_card(ImVec4 accent = ImVec4(0, 0, 0, 0), ImVec4 background = ImVec4(0, 0, 0, 0));

// Buttons side by side when they fit the column, else stacked full width (phones).
struct RowButton {
  std::string id, label;
  ButtonOptions options;
  bool right = false;  // in a single row, push this (last) button to the column's right edge
};
// With `wrap`, buttons that do not fit flow onto the next line at their own width instead of stacking.
int button_row(const std::vector<RowButton>& buttons, bool wrap = false);  // index activated, or -1

// A labelled single-line text field. `error` (if not empty) is shown under it in the danger colour.
// Returns true when the text changed this frame.
// `max_bytes` (> 0) cuts longer input at a UTF-8 character boundary, so what is stored can be imported again.
bool text_field(std::string_view id, std::string_view label, std::string& value, std::string_view hint = {},
                std::string_view error = {}, std::size_t max_bytes = 0);

// Text helpers in the theme's type scale (each is also a node of the semantics tree: H1 and H2 are headings
// of level 1 and 2, H3 and Strong of level 3 when given as headings).
void heading(std::string_view text, Font font = Font::H1);
void paragraph(std::string_view text, ImVec4 color = ImVec4(0, 0, 0, 0));
void small_text(std::string_view text, ImVec4 color = ImVec4(0, 0, 0, 0));
ImVec2 text_size(std::string_view text, Font font, float wrap_width = -1.0f);
// Draws text centred on x = cx; with wrap > 0 each wrapped line is centred on its own.
void centered_text(ImDrawList* dl, Font font, float cx, float y, ImU32 color, const std::string& text, float wrap = -1);
// Height of `text` wrapped at `wrap` as centered_text() lays it out.
float wrapped_height(const std::string& text, Font font, float wrap);

}  // namespace ssi::app
