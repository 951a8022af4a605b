#include "app/widgets.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "app/format.h"
#include "app/glyphs.h"
#include "app/imgui_access.h"

namespace ssi::app {

WidgetLog& widget_log() {
  static WidgetLog log;
  return log;
}

bool WidgetInfo::interactive() const {
  return role == "button" || role == "tab" || role == "radio" || role == "link" || role == "checkbox" ||
         role == "textbox";
}

void WidgetLog::begin_frame() {
  taking_ = false;
  current_.clear();
  groups_.clear();
}

int WidgetLog::add(WidgetInfo info) {
  info.parent = groups_.empty() ? -1 : groups_.back();
  current_.push_back(std::move(info));
  return static_cast<int>(current_.size()) - 1;
}

int WidgetLog::open_group(WidgetInfo info) {
  const int index = add(std::move(info));
  groups_.push_back(index);
  return index;
}

void WidgetLog::request_focus(std::string id) {
  focus_request_ = std::move(id);
  request_age_ = 0;
}

void WidgetLog::request_activation(std::string id) {
  activation_request_ = std::move(id);
  request_age_ = 0;
}

void WidgetLog::close_group() {
  if (groups_.empty()) return;
  const int index = groups_.back();
  groups_.pop_back();
  // A group spans its descendants (they follow it in the list, their parent chain leads back to it).
  ImRect span(FLT_MAX, FLT_MAX, -FLT_MAX, -FLT_MAX);
  std::vector<bool> inside(current_.size() - index, false);
  inside[0] = true;
  for (std::size_t i = index + 1; i < current_.size(); ++i) {
    const int parent = current_[i].parent;
    if (parent < index || !inside[parent - index]) continue;
    inside[i - index] = true;
    if (current_[i].rect.GetWidth() > 0 || current_[i].rect.GetHeight() > 0) span.Add(current_[i].rect);
  }
  WidgetInfo& group = current_[index];
  if (span.Min.x <= span.Max.x) group.rect = span;
  group.visible = false;
  for (std::size_t i = index + 1; i < current_.size(); ++i)
    if (inside[i - index] && current_[i].visible) group.visible = true;
}

void WidgetLog::end_frame() {
  while (!groups_.empty()) close_group();
  // Every shown text is a node's, read in one pass while anything is looked for: a letter the embedded fonts lack
  // (glyphs::is_wide) makes the atlas add the wide fonts before the frame is seen (Theme::want_wide_glyphs; once it
  // has them, no more), and a rare text's stand-in makes App draw the frame again (stand_in_seen()).
  stand_in_seen_ = false;
  for (std::size_t i = 0; i < current_.size() && (!theme().wide_glyphs() || (stand_in_scan_ && !stand_in_seen_)); ++i)
    for (const std::string* s : {&current_[i].label, &current_[i].value, &current_[i].description}) {
      if (!theme().wide_glyphs() && glyphs::has_wide(*s)) theme().want_wide_glyphs();
      if (stand_in_scan_ && s->find(kRareStandIn) != std::string::npos) stand_in_seen_ = true;
    }
  last_ = std::move(current_);
  taken_ = taking_;
  widgets_.clear();
  for (const WidgetInfo& w : last_) {
    if (!((w.interactive() && w.visible) || w.role == "region")) continue;
    widgets_.push_back(w);
    if (w.interactive()) widgets_.back().rect = w.shown;
  }
  // A request whose widget is not drawn any more (another screen) is dropped after a few frames.
  if (has_requests() && ++request_age_ > 3) {
    focus_request_.clear();
    activation_request_.clear();
  }
  const auto serialize_start = std::chrono::steady_clock::now();
  // Written by hand, not through nlohmann::json: this runs every frame, and a tree of objects took 4 times longer.
  std::string text;
  text.reserve(semantics_.size() + 256);
  auto string = [&text](std::string_view v) {
    text += '"';
    for (const char c : v) {
      if (c == '"' || c == '\\') {
        text += '\\';
        text += c;
      } else if (static_cast<unsigned char>(c) < 0x20) {
        char escaped[8];
        std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
        text += escaped;
      } else {
        text += c;
      }
    }
    text += '"';
  };
  auto number = [&text](double v) { text += json_thousandths(v); };  // in integers: no printf %g on this path
  auto round1 = [](float v) { return std::round(v * 10.0f) / 10.0f; };
  auto field = [&](const char* key) {
    text += ",\"";
    text += key;
    text += "\":";
  };
  text += '[';
  for (const WidgetInfo& w : last_) {
    if (text.size() > 1) text += ',';
    text += "{\"i\":";
    string(w.id);
    field("r");
    string(w.role);
    field("n");
    string(w.label);
    field("x");
    number(round1(w.rect.Min.x));
    field("y");
    number(round1(w.rect.Min.y));
    field("w");
    number(round1(w.rect.GetWidth()));
    field("h");
    number(round1(w.rect.GetHeight()));
    if (w.parent >= 0) {
      field("p");
      number(w.parent);
    }
    if (!w.value.empty()) {
      field("v");
      string(w.value);
    }
    if (!w.description.empty()) {
      field("d");
      string(w.description);
    }
    if (w.selected) {
      field("s");
      text += '1';
    }
    if (w.disabled) {
      field("off");
      text += '1';
    }
    if (w.invalid) {
      field("bad");
      text += '1';
    }
    if (w.level > 0) {
      field("l");
      number(w.level);
    }
    if (w.ordered) {
      field("o");
      text += '1';
    }
    if (w.expanded >= 0) {
      field("e");
      number(w.expanded);
    }
    if (w.role == "meter") {
      field("m");
      text += '[';
      number(round1(w.value_now * 100) / 100);
      text += ',';
      number(w.value_max);
      text += ']';
    }
    text += '}';
  }
  text += ']';
  if (text != semantics_) {
    semantics_ = std::move(text);
    ++revision_;
  }
  serialize_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - serialize_start).count();
}

std::string WidgetLog::first_interactive_outside(std::string_view group_id) const {
  for (const WidgetInfo& w : last_) {
    if (!w.interactive() || w.disabled) continue;
    bool inside = false;
    for (int p = w.parent; p >= 0 && !inside; p = last_[p].parent) inside = last_[p].id == group_id;
    if (!inside) return w.id;
  }
  return {};
}

bool WidgetLog::take(std::string& request, std::string_view id) {
  if (request.empty() || request != id) return false;
  request.clear();
  request_age_ = 0;
  taking_ = true;
  return true;
}

std::string WidgetLog::json() const {
  nlohmann::json list = nlohmann::json::array();
  auto round1 = [](float v) { return std::round(v * 10.0f) / 10.0f; };
  for (const WidgetInfo& w : widgets_) {
    list.push_back({{"id", w.id},
                    {"role", w.role},
                    {"label", w.label},
                    {"x", round1(w.rect.Min.x)},
                    {"y", round1(w.rect.Min.y)},
                    {"w", round1(w.rect.GetWidth())},
                    {"h", round1(w.rect.GetHeight())},
                    {"selected", w.selected},
                    {"disabled", w.disabled}});
  }
  return list.dump();
}

const WidgetInfo* WidgetLog::focused() const {
  const ImGuiID focus = nav_focus_id();
  if (!nav_highlight_visible() || focus == 0) return nullptr;
  for (const WidgetInfo& w : widgets_)
    if (w.interactive() && w.imgui_id == focus) return &w;
  return nullptr;
}

SemanticGroup::SemanticGroup(std::string_view id, std::string_view role, std::string_view label) {
  WidgetInfo info;
  info.id = id;
  info.role = role;
  info.label = label;
  index_ = widget_log().open_group(std::move(info));
}
SemanticGroup::~SemanticGroup() { widget_log().close_group(); }

namespace {

std::string imgui_id(std::string_view id) { return "###" + std::string(id); }

// Records the item just submitted; `visible` tells whether any part of it is on screen (clipped items can't be
// clicked, but a screen reader still reads them).
WidgetInfo& record(std::string_view id, const char* role, std::string_view label, const ImRect& rect, bool selected,
                   bool disabled) {
  WidgetInfo info;
  info.id = id;
  info.role = role;
  info.label = label;
  info.rect = info.shown = rect;
  info.selected = selected;
  info.disabled = disabled;
  info.imgui_id = ImGui::GetItemID();
  info.shown.ClipWithFull(current_clip_rect());
  info.visible = info.shown.GetWidth() >= 1.0f && info.shown.GetHeight() >= 1.0f;
  WidgetLog& log = widget_log();
  return log.node(log.add(std::move(info)));
}

// DOM focus moved to this widget (assistive technology, or Tab in the page): ImGui's keyboard focus follows,
// with its ring, as if the keyboard had moved there.
void follow_dom_focus(std::string_view id) {
  if (widget_log().take_focus(id)) focus_item(ImGui::GetItemID());
}

void focus_ring(const ImRect& rect, float rounding) {
  // ImGui shows navigation focus only after keyboard use; mirror that, drawn thicker and outside.
  if (last_item_has_visible_focus()) {
    const float pad = theme().em(0.18f);
    ImGui::GetWindowDrawList()->AddRect(rect.Min - ImVec2(pad, pad), rect.Max + ImVec2(pad, pad),
                                        u32(theme().palette.focus), rounding + pad, 0,
                                        std::max(2.0f, theme().em(0.14f)));
  }
}

// A node for the text item just drawn (heading, paragraph).
void record_text(std::string_view text, const char* role, int level) {
  // Ids from the text and the window's id stack, not the order on screen: a text that appears above leaves the
  // other texts' nodes alone, so the mirror updates one node instead of renumbering every one after it.
  static std::unordered_map<ImGuiID, int> seen;
  static int frame = -1;
  if (frame != ImGui::GetFrameCount()) {
    frame = ImGui::GetFrameCount();
    seen.clear();
  }
  const ImGuiID hash = ImGui::GetID(text.data(), text.data() + text.size());
  const int repeat = seen[hash]++;
  char id[32];
  if (repeat == 0)
    std::snprintf(id, sizeof id, "txt.%08x", hash);
  else
    std::snprintf(id, sizeof id, "txt.%08x.%d", hash, repeat);
  WidgetInfo& node = record(id, role, text, ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()), false, false);
  node.level = level;
  node.imgui_id = 0;
}

}  // namespace

bool custom_item(std::string_view id, const char* role, std::string_view label, const ImRect& rect, bool selected) {
  const bool activated = widget_log().take_activation(id);
  follow_dom_focus(id);
  record(id, role, label, rect, selected, false);
  return activated;
}

void semantic_text(std::string_view id, std::string_view text, const ImRect& rect, std::string_view role) {
  WidgetInfo info;
  info.id = id;
  info.role = role;
  info.label = text;
  info.rect = info.shown = rect;
  info.shown.ClipWithFull(current_clip_rect());
  info.visible = info.shown.GetWidth() >= 1.0f && info.shown.GetHeight() >= 1.0f;
  widget_log().add(std::move(info));
}

void semantic_meter(std::string_view id, std::string_view label, std::string_view value_text, float value, float max,
                    const ImRect& rect) {
  semantic_text(id, label, rect, "meter");
  WidgetLog& log = widget_log();
  WidgetInfo& node = log.node(static_cast<int>(log.size()) - 1);
  node.value = value_text;
  node.value_now = value;
  node.value_max = max;
}

ImVec2 text_size(std::string_view text, Font font, float wrap_width) {
  ImFont* f = theme().font(font);
  const float size = f->FontSize * ImGui::GetIO().FontGlobalScale;
  return f->CalcTextSizeA(size, FLT_MAX, wrap_width, text.data(), text.data() + text.size());
}

bool button(std::string_view id, std::string_view label, const ButtonOptions& o) {
  const Theme& th = theme();
  const Palette& p = th.palette;
  const Font font = o.style == ButtonStyle::Quiet ? Font::Body : Font::Strong;
  const ImVec2 pad(th.em(o.style == ButtonStyle::Quiet ? 0.6f : 1.1f), th.em(0.65f));
  const float icon_w = o.icon ? text_size(o.icon, font).x + th.em(0.5f) : 0.0f;
  ImVec2 label_size = text_size(label, font);
  const float column = std::max(ImGui::CalcItemWidth(), th.em(2.6f));
  float width = o.width;
  if (width < 0) width = column;
  if (width == 0) width = std::min(label_size.x + icon_w + pad.x * 2, column);
  // A label wider than the button wraps onto more lines (large text on a phone) instead of being cut.
  const float text_w = width - icon_w - pad.x * 2;
  const float wrap = label_size.x > text_w + 0.5f ? std::max(text_w, 1.0f) : -1.0f;
  if (wrap > 0) label_size = text_size(label, font, wrap);
  const ImVec2 size(width, std::max(label_size.y + pad.y * 2, th.em(2.6f)));  // >= 44 px touch target

  ImGui::BeginDisabled(o.disabled);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const bool clicked = ImGui::InvisibleButton(imgui_id(id).c_str(), size) || widget_log().take_activation(id);
  follow_dom_focus(id);
  const bool hovered = ImGui::IsItemHovered(), held = ImGui::IsItemActive();
  const ImRect rect(pos, pos + size);
  ImDrawList* dl = ImGui::GetWindowDrawList();

  ImVec4 bg, fg, border(0, 0, 0, 0);
  switch (o.style) {
    case ButtonStyle::Primary:
      bg = p.accent;
      fg = p.accent_text;
      if (hovered) bg = mix(bg, th.dark ? ImVec4(1, 1, 1, 1) : ImVec4(0, 0, 0, 1), 0.12f);
      break;
    case ButtonStyle::Secondary:
      bg = o.selected ? with_alpha(p.accent, 0.14f) : p.surface;
      fg = o.selected ? p.accent : p.text;
      border = o.selected ? p.accent : p.border;
      if (hovered) bg = mix(bg, p.surface_alt, 0.7f);
      break;
    case ButtonStyle::Quiet:
      bg = o.selected ? with_alpha(p.accent, 0.14f) : (hovered ? p.surface_alt : ImVec4(0, 0, 0, 0));
      fg = p.accent;
      break;
  }
  if (held) bg = mix(bg, p.text, 0.08f);
  if (o.disabled) {
    bg = with_alpha(bg, bg.w * 0.5f);
    fg = p.text_muted;
  }
  const float rounding = th.em(0.6f);
  dl->AddRectFilled(rect.Min, rect.Max, u32(bg), rounding);
  if (border.w > 0) dl->AddRect(rect.Min, rect.Max, u32(border), rounding, 0, 1.0f);
  if (o.accent.w > 0)
    dl->AddRectFilled(rect.Min, ImVec2(rect.Min.x + th.em(0.3f), rect.Max.y), u32(o.accent), rounding,
                      ImDrawFlags_RoundCornersLeft);
  const float content_w = label_size.x + icon_w;
  float x = o.width == 0 || wrap > 0 ? rect.Min.x + pad.x : rect.Min.x + std::max(pad.x, (size.x - content_w) * 0.5f);
  const float y = rect.Min.y + (size.y - label_size.y) * 0.5f;
  ImGui::PushFont(th.font(font));
  if (o.icon) {
    dl->AddText(ImVec2(x, y), u32(fg), o.icon);
    x += icon_w;
  }
  dl->PushClipRect(rect.Min, rect.Max, true);
  dl->AddText(nullptr, 0.0f, ImVec2(x, y), u32(fg), label.data(), label.data() + label.size(), wrap);
  dl->PopClipRect();
  ImGui::PopFont();
  focus_ring(rect, rounding);
  ImGui::EndDisabled();
  record(id, o.role, label.empty() ? o.name : label, rect, o.selected, o.disabled).expanded = o.expanded;
  return clicked && !o.disabled;
}

int segmented(std::string_view id, const std::vector<std::string>& labels, const std::vector<std::string>& ids,
              int selected) {
  const Theme& th = theme();
  const Palette& p = th.palette;
  int clicked = -1;
  float seg_w = 0;
  for (const std::string& l : labels) seg_w = std::max(seg_w, text_size(l, Font::Strong).x + th.em(1.4f));
  const float h = th.em(2.6f);  // 44 CSS px: a comfortable touch target
  seg_w = std::max(seg_w, h);   // ...in both directions
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImRect all(origin, origin + ImVec2(seg_w * labels.size(), h));
  dl->AddRectFilled(all.Min, all.Max, u32(p.surface_alt), h * 0.5f);
  ImGui::PushID(std::string(id).c_str());
  SemanticGroup group(id, "tablist");
  for (size_t i = 0; i < labels.size(); ++i) {
    const ImVec2 pos = origin + ImVec2(seg_w * i, 0);
    ImGui::SetCursorScreenPos(pos);
    if (ImGui::InvisibleButton(imgui_id(ids[i]).c_str(), ImVec2(seg_w, h)) || widget_log().take_activation(ids[i]))
      clicked = static_cast<int>(i);
    follow_dom_focus(ids[i]);
    const ImRect r(pos, pos + ImVec2(seg_w, h));
    const bool on = static_cast<int>(i) == selected;
    if (on)
      dl->AddRectFilled(r.Min + ImVec2(3, 3), r.Max - ImVec2(3, 3), u32(p.surface), h * 0.5f);
    else if (ImGui::IsItemHovered())
      dl->AddRectFilled(r.Min + ImVec2(3, 3), r.Max - ImVec2(3, 3), u32(with_alpha(p.surface, 0.5f)), h * 0.5f);
    const ImVec2 ts = text_size(labels[i], Font::Strong);
    ImGui::PushFont(th.font(Font::Strong));
    dl->AddText(r.Min + (r.GetSize() - ts) * 0.5f, u32(on ? p.text : p.text_muted), labels[i].c_str());
    ImGui::PopFont();
    focus_ring(r, h * 0.5f);
    record(ids[i], "tab", labels[i], r, on, false);
  }
  ImGui::PopID();
  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + h + ImGui::GetStyle().ItemSpacing.y));
  ImGui::Dummy(ImVec2(0, 0));
  return clicked;
}

bool option_card(std::string_view id, std::string_view label, bool selected, ImVec4 accent) {
  const Theme& th = theme();
  const Palette& p = th.palette;
  const float width = ImGui::CalcItemWidth();
  const float mark = th.em(1.25f);
  const float pad = th.em(0.9f);
  const float wrap = width - pad * 3 - mark;
  const ImVec2 ts = text_size(label, Font::Body, wrap);
  const ImVec2 size(width, std::max(ts.y + pad * 1.5f, th.em(2.9f)));
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const bool clicked = ImGui::InvisibleButton(imgui_id(id).c_str(), size) || widget_log().take_activation(id);
  follow_dom_focus(id);
  const bool hovered = ImGui::IsItemHovered();
  const ImRect rect(pos, pos + size);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float rounding = th.em(0.6f);
  ImVec4 bg = selected ? mix(p.surface, accent, th.dark ? 0.22f : 0.14f) : p.surface;
  if (hovered && !selected) bg = mix(bg, p.surface_alt, 0.8f);
  dl->AddRectFilled(rect.Min, rect.Max, u32(bg), rounding);
  dl->AddRect(rect.Min, rect.Max, u32(selected ? accent : p.control_border), rounding, 0, selected ? 2.0f : 1.0f);
  const ImVec2 c(rect.Min.x + pad + mark * 0.5f, rect.Min.y + size.y * 0.5f);
  dl->AddCircle(c, mark * 0.5f, u32(selected ? accent : p.text_muted), 32, 1.6f);
  if (selected) dl->AddCircleFilled(c, mark * 0.28f, u32(accent), 32);
  ImGui::PushFont(th.font(Font::Body));
  dl->AddText(nullptr, 0.0f, ImVec2(rect.Min.x + pad * 2 + mark, rect.Min.y + (size.y - ts.y) * 0.5f), u32(p.text),
              label.data(), label.data() + label.size(), wrap);
  ImGui::PopFont();
  focus_ring(rect, rounding);
  record(id, "radio", label, rect, selected, false);
  return clicked;
}

bool checkbox(std::string_view id, std::string_view label, bool& value) {
  const Theme& th = theme();
  const Palette& p = th.palette;
  const float box = th.em(1.25f);
  const float gap = th.em(0.6f);
  const float wrap = std::max(ImGui::CalcItemWidth() - box - gap, 1.0f);
  const ImVec2 ts = text_size(label, Font::Body, wrap);
  const ImVec2 size(box + gap + ts.x, std::max(ts.y, th.em(2.6f)));  // >= 44 px touch target
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const bool clicked = ImGui::InvisibleButton(imgui_id(id).c_str(), size) || widget_log().take_activation(id);
  follow_dom_focus(id);
  if (clicked) value = !value;
  const bool hovered = ImGui::IsItemHovered();
  const ImRect rect(pos, pos + size);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float rounding = th.em(0.25f);
  const ImVec2 b0(pos.x, pos.y + (size.y - box) * 0.5f), b1 = b0 + ImVec2(box, box);
  if (value) {
    dl->AddRectFilled(b0, b1, u32(p.accent), rounding);
    const ImVec2 ics = text_size(SSI_ICON_CHECK, Font::Body);
    ImGui::PushFont(th.font(Font::Body));
    dl->AddText(b0 + (ImVec2(box, box) - ics) * 0.5f, u32(p.accent_text), SSI_ICON_CHECK);
    ImGui::PopFont();
  } else {
    if (hovered) dl->AddRectFilled(b0, b1, u32(p.surface_alt), rounding);
    dl->AddRect(b0, b1, u32(p.control_border), rounding, 0, 1.6f);
  }
  ImGui::PushFont(th.font(Font::Body));
  dl->AddText(nullptr, 0.0f, ImVec2(b1.x + gap, pos.y + (size.y - ts.y) * 0.5f), u32(p.text), label.data(),
              label.data() + label.size(), wrap);
  ImGui::PopFont();
  focus_ring(rect, rounding);
  record(id, "checkbox", label, rect, value, false);
  return clicked;
}

void centered_text(ImDrawList* dl, Font font, float cx, float y, ImU32 color, const std::string& text, float wrap) {
  const ImVec2 size = text_size(text, font, wrap);
  ImFont* f = theme().font(font);
  const float px = f->FontSize * ImGui::GetIO().FontGlobalScale;
  if (wrap > 0) {
    // Centre each wrapped line on its own.
    const char* s = text.c_str();
    const char* end = s + text.size();
    float line_y = y;
    while (s < end) {
      const char* line_end = f->CalcWordWrapPositionA(px / f->FontSize, s, end, wrap);
      if (line_end == s) line_end = s + 1;
      const ImVec2 ls = f->CalcTextSizeA(px, FLT_MAX, -1, s, line_end);
      dl->AddText(f, px, ImVec2(cx - ls.x * 0.5f, line_y), color, s, line_end);
      line_y += px * 1.0f + 2;
      s = line_end;
      while (s < end && (*s == ' ' || *s == '\n')) ++s;
    }
    return;
  }
  dl->AddText(f, px, ImVec2(cx - size.x * 0.5f, y), color, text.c_str());
}

float wrapped_height(const std::string& text, Font font, float wrap) {
  ImFont* f = theme().font(font);
  const float px = f->FontSize * ImGui::GetIO().FontGlobalScale;
  const char* s = text.c_str();
  const char* end = s + text.size();
  float h = 0;
  while (s < end) {
    const char* line_end = f->CalcWordWrapPositionA(px / f->FontSize, s, end, wrap);
    if (line_end == s) line_end = s + 1;
    h += px + 2;
    s = line_end;
    while (s < end && (*s == ' ' || *s == '\n')) ++s;
  }
  return h;
}

namespace {
int resize_string(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    auto* text = static_cast<std::string*>(data->UserData);
    text->resize(static_cast<size_t>(data->BufTextLen));
    data->Buf = text->data();
  }
  return 0;
}
}  // namespace

bool text_field(std::string_view id, std::string_view label, std::string& value, std::string_view hint,
                std::string_view error, std::size_t max_bytes) {
  const Theme& th = theme();
  const Palette& p = th.palette;
  ImGui::PushFont(th.font(Font::Strong));
  ImGui::TextUnformatted(label.data(), label.data() + label.size());
  ImGui::PopFont();
  const float w = ImGui::CalcItemWidth();
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(th.em(0.7f), th.em(0.8f)));  // 2.6 em high: 44 px to touch
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
  ImGui::PushStyleColor(ImGuiCol_Border, error.empty() ? p.control_border : p.danger);
  ImGui::SetNextItemWidth(w);
  const std::string imgui_label = "###" + std::string(id);
  const std::string hint_text(hint);
  const bool changed =
      ImGui::InputTextWithHint(imgui_label.c_str(), hint_text.c_str(), value.data(), value.capacity() + 1,
                               ImGuiInputTextFlags_CallbackResize, resize_string, &value);
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(2);
  // Focus from the page (Tab, a screen reader) or an activation starts editing, as a click would.
  if (widget_log().take_focus(id) || widget_log().take_activation(id)) edit_last_item();
  if (max_bytes > 0 && value.size() > max_bytes) {
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    value.resize(cut);
  }
  const ImRect rect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  focus_ring(rect, ImGui::GetStyle().FrameRounding);
  WidgetInfo& node = record(id, "textbox", label, rect, false, false);
  node.value = value;
  node.description = error.empty() ? std::string(hint) : std::string(error);
  node.invalid = !error.empty();
  if (!error.empty()) small_text(error, p.danger);
  return changed;
}

namespace {
struct CardState {
  ImVec2 start;
  float width = 0, pad = 0;
  bool open = false;
};
CardState g_card;
}  // namespace

void begin_card(float padding_em) {
  IM_ASSERT(!g_card.open && "cards do not nest");
  const float pad = theme().em(padding_em);
  g_card = {ImGui::GetCursorScreenPos(), ImGui::CalcItemWidth(), pad, true};
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  ImGui::SetCursorScreenPos(g_card.start + ImVec2(pad, pad));
  ImGui::BeginGroup();
  const float inner = g_card.width - 2 * pad;
  ImGui::PushItemWidth(inner);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
}

void end_card(ImVec4 accent, ImVec4 background) {
  IM_ASSERT(g_card.open);
  const Theme& th = theme();
  ImGui::PopTextWrapPos();
  ImGui::PopItemWidth();
  ImGui::EndGroup();
  const float bottom = ImGui::GetItemRectMax().y + g_card.pad;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSetCurrent(0);
  const ImVec2 min = g_card.start, max(g_card.start.x + g_card.width, bottom);
  const float rounding = th.em(0.9f);
  dl->AddRectFilled(min, max, u32(background.w > 0 ? background : th.palette.surface), rounding);
  dl->AddRect(min, max, u32(th.palette.border), rounding);
  if (accent.w > 0)
    dl->AddRectFilled(min, ImVec2(min.x + th.em(0.35f), max.y), u32(accent), rounding, ImDrawFlags_RoundCornersLeft);
  dl->ChannelsMerge();
  ImGui::SetCursorScreenPos(min);
  ImGui::Dummy(ImVec2(g_card.width, max.y - min.y));
  g_card.open = false;
}

int button_row(const std::vector<RowButton>& buttons, bool wrap) {
  const Theme& th = theme();
  const float avail = ImGui::CalcItemWidth();
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  float total = 0;
  std::vector<float> widths;
  for (const RowButton& b : buttons) {
    const Font font = b.options.style == ButtonStyle::Quiet ? Font::Body : Font::Strong;
    const float pad = th.em(b.options.style == ButtonStyle::Quiet ? 0.6f : 1.1f);
    widths.push_back(text_size(b.label, font).x +
                     (b.options.icon ? text_size(b.options.icon, font).x + th.em(0.5f) : 0) + 2 * pad);
    total += widths.back();
  }
  total += spacing * (buttons.size() - 1);
  const bool stack = total > avail && !wrap;
  int activated = -1;
  if (wrap) {
    float line = 0;
    for (size_t i = 0; i < buttons.size(); ++i) {
      if (i > 0) {
        if (line + spacing + widths[i] <= avail) {
          ImGui::SameLine(0, spacing);
          line += spacing;
        } else {
          line = 0;
        }
      }
      if (button(buttons[i].id, buttons[i].label, buttons[i].options)) activated = static_cast<int>(i);
      line += widths[i];
    }
    return activated;
  }
  for (size_t i = 0; i < buttons.size(); ++i) {
    ButtonOptions o = buttons[i].options;
    if (stack) o.width = -1;
    if (button(buttons[i].id, buttons[i].label, o)) activated = static_cast<int>(i);
    if (!stack && i + 1 < buttons.size()) {
      // SameLine() offsets count from the enclosing group's start, which is the column's left edge.
      if (buttons[i + 1].right)
        ImGui::SameLine(avail - widths[i + 1]);
      else
        ImGui::SameLine();
    }
  }
  return activated;
}

void heading(std::string_view text, Font font) {
  // Wraps at the enclosing column or card edge (the frame and begin_card() push it).
  ImGui::PushFont(theme().font(font));
  ImGui::TextWrapped("%.*s", static_cast<int>(text.size()), text.data());
  ImGui::PopFont();
  record_text(text, "heading", font == Font::H1 || font == Font::Display ? 1 : font == Font::H2 ? 2 : 3);
}

void paragraph(std::string_view text, ImVec4 color) {
  if (color.w > 0) ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  if (color.w > 0) ImGui::PopStyleColor();
  record_text(text, "text", 0);
}

void small_text(std::string_view text, ImVec4 color) {
  ImGui::PushFont(theme().font(Font::Small));
  paragraph(text, color.w > 0 ? color : theme().palette.text_muted);
  ImGui::PopFont();
}

}  // namespace ssi::app
