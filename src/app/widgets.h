#pragma once
// The app's widgets: themed wrappers over ImGui that also record every interactive element of the frame
// (stable id, role, visible label, rectangle) for window.ssiTest.widgets() and for tests.
// ImGui ids come from the stable id ("label###id"), so switching language never changes identity.
#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

#include "app/theme.h"

namespace ssi::app {

struct WidgetInfo {
  std::string id;     // stable across languages, e.g. "lang.de", "q.brand_photo.option.2"
  std::string role;   // "button", "tab", "option", "link", "checkbox"
  std::string label;  // the text a person sees
  ImRect rect;        // CSS pixels
  bool selected = false;
  bool disabled = false;
  ImGuiID imgui_id = 0;  // ImGui's id of the item (to tell which widget has keyboard focus)
};

class WidgetLog {
 public:
  void begin_frame() { current_.clear(); }
  void end_frame() { last_ = std::move(current_); }
  void add(WidgetInfo info) { current_.push_back(std::move(info)); }
  const std::vector<WidgetInfo>& last() const { return last_; }
  // The widget with visible keyboard focus in the last frame, or nullptr.
  const WidgetInfo* focused() const;
  std::string json() const;

 private:
  std::vector<WidgetInfo> current_, last_;
};

WidgetLog& widget_log();

enum class ButtonStyle { Primary, Secondary, Quiet };

struct ButtonOptions {
  ButtonStyle style = ButtonStyle::Secondary;
  const char* icon = nullptr;  // SSI_ICON_* drawn before the label
  float width = 0;             // 0 = fit the label; < 0 = fill the available width
  bool disabled = false;
  const char* role = "button";
  bool selected = false;
  ImVec4 accent = ImVec4(0, 0, 0, 0);  // a component colour for the left edge (optional)
};

// A rounded button with keyboard focus ring. Returns true when activated (click, tap, Enter, Space).
bool button(std::string_view id, std::string_view label, const ButtonOptions& options = {});

// Segmented control (e.g. DE | EN). Returns the index clicked this frame, or -1.
int segmented(std::string_view id, const std::vector<std::string>& labels, const std::vector<std::string>& ids,
              int selected);

// Selectable answer card: a full-width row with a radio mark. Returns true when chosen.
bool option_card(std::string_view id, std::string_view label, bool selected, ImVec4 accent);

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

// Text helpers in the theme's type scale.
void heading(std::string_view text, Font font = Font::H1);
void paragraph(std::string_view text, ImVec4 color = ImVec4(0, 0, 0, 0));
void small_text(std::string_view text, ImVec4 color = ImVec4(0, 0, 0, 0));
ImVec2 text_size(std::string_view text, Font font, float wrap_width = -1.0f);
// Draws text centred on x = cx; with wrap > 0 each wrapped line is centred on its own.
void centered_text(ImDrawList* dl, Font font, float cx, float y, ImU32 color, const std::string& text, float wrap = -1);
// Height of `text` wrapped at `wrap` as centered_text() lays it out.
float wrapped_height(const std::string& text, Font font, float wrap);

}  // namespace ssi::app
