#include "app/app.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

#include "app/app_impl.h"
#include "app/dashboard.h"
#include "app/gauge.h"
#include "app/glyphs.h"
#include "app/imgui_access.h"
#include "app/model.h"
#include "app/theme.h"
#include "app/widgets.h"
#include "core/ssi_json.h"

namespace ssi::app {

App::App(Host& host) : impl_(std::make_unique<Impl>(host)) {}
App::~App() = default;

Model& App::model() { return impl_->model(); }
Session& App::session() { return impl_->session; }

bool App::init(std::string* error) {
  if (!impl_->session.start(error)) return false;
  // A first visit starts on the welcome screen without gauges; a returning person may see the big numbers at once.
  theme().want_fonts(impl_->model().screen() != Screen::Welcome || impl_->model().result().answered > 0);
  theme().reduced_motion = impl_->host.prefers_reduced_motion();
  impl_->browser_text_scale = impl_->host.text_scale();
  theme().apply(impl_->host.prefers_dark());
  return true;
}

void App::load_fonts(float device_scale) {
  // The type scale changes the fonts and every em-based size of the style together.
  impl_->device_scale = device_scale;
  theme().body_size = Theme::kBodySize * impl_->presenter_state.font_scale;
  // Asked for once: offline without them, such letters show the fallback glyph until the next start.
  if (theme().wide_glyphs() && !impl_->wide_fonts_asked) {
    impl_->wide_fonts_asked = true;
    std::string regular = impl_->host.font_file("fonts/inter-regular-wide.ttf");
    theme().set_wide_fonts(std::move(regular), impl_->host.font_file("fonts/inter-semibold-wide.ttf"));
  }
  theme().load_fonts(device_scale);
  theme().apply(impl_->host.prefers_dark());
}

void App::environment_changed() {
  theme().reduced_motion = impl_->host.prefers_reduced_motion();
  impl_->browser_text_scale = impl_->host.text_scale();
  theme().apply(impl_->host.prefers_dark());
  impl_->drawn_revision = ~0ull;
}

void App::scroll_by(float dy) { impl_->pending_scroll += dy; }

ImVec4 App::background() const { return theme().palette.background; }

bool App::animating() const {
  return impl_->state_changed_in_frame || impl_->person().gauges.animating(impl_->host.now_ms()) ||
         widget_log().busy();  // a focus or activation waits for its widget, or for ImGui to apply it
}

void App::frame() { impl_->frame(); }

std::string App::state_json() const {
  const Session& session = impl_->session;
  nlohmann::json state = parse_json(session.model().state_json());
  const WidgetInfo* focus = widget_log().focused();
  state["focus"] = focus ? nlohmann::json(focus->id) : nlohmann::json(nullptr);
  state["updateReady"] = impl_->update_waiting;
  state["canInstall"] = impl_->can_install;
  state["customQuestionnaire"] = session.questionnaires.custom;
  state["questionnaireErrors"] = session.questionnaires.errors;
  state["slide"] = impl_->presenter_state.slide;
  state["importMessage"] = impl_->person().import_message;
  // The import waiting for confirmation: what it adds, and each entry a repair leaves out (as listed on screen).
  if (const auto& pending = impl_->person().pending_import) {
    nlohmann::json dropped = nlohmann::json::array();
    for (const Problem& problem : pending->dropped)
      dropped.push_back(describe(session.model().strings(), problem, session.model().lang()));
    state["importPreview"] = {{"checks", pending->new_checks.size()},
                              {"real", pending->new_real.size()},
                              {"repair", pending->repair},
                              {"droppedEntries", pending->dropped_entries},
                              {"dropped", std::move(dropped)}};
  } else {
    state["importPreview"] = nullptr;
  }
  return state.dump();
}
std::string App::widgets_json() const { return widget_log().json(); }
const std::string& App::semantics_json() const { return widget_log().semantics_json(); }
std::uint64_t App::semantics_revision() const { return widget_log().revision(); }
double App::semantics_ms() const { return widget_log().serialize_ms(); }
std::string App::focused_widget() const {
  const WidgetInfo* focus = widget_log().focused();
  return focus ? focus->id : std::string();
}
void App::focus_widget(std::string_view id) { widget_log().request_focus(std::string(id)); }
void App::activate_widget(std::string_view id) { widget_log().request_activation(std::string(id)); }

void run_frame(App& app) {
  ImGui::NewFrame();
  begin_gauge_frame();
  app.frame();
  ImGui::Render();
}
std::string App::gauges_json() const { return ssi::app::gauges_json(); }
std::string App::questions_json() const { return impl_->session.model().questions_json(); }

void App::tick() { impl_->session.save_due(); }

void App::flush() { impl_->session.save_now(); }

void App::update_ready() { impl_->update_waiting = true; }
void App::install_available(bool available) { impl_->can_install = available; }

void App::storage_changed_elsewhere() { impl_->session.storage_changed_elsewhere(); }
std::string App::export_text() const { return impl_->session.export_text(); }
std::string App::import_text(std::string_view text, bool preview) { return impl_->session.import_text(text, preview); }
void App::open_files(const std::vector<PickedFile>& files) { impl_->session.open_files(files); }
void App::open_files(std::string_view files_json) { impl_->session.open_files(files_json); }
std::string App::group_import(std::string_view files_json) { return impl_->session.group_import(files_json); }
std::string App::handover_text() const { return impl_->session.handover_text(); }
std::string App::handover_code() const { return impl_->session.handover_code_text(); }
void App::scanned(std::string_view code) {
  if (impl_->session.group.scanner.open) impl_->session.add_scanned(code, impl_->host.now_ms());
}
void App::camera_status(CameraStatus status) {
  Scanner& scan = impl_->session.group.scanner;
  if (scan.open) scan.camera = status;  // a late report after closing changes nothing
}
float App::font_scale() const { return impl_->presenter_state.font_scale; }
bool App::fonts_missing() const { return theme().fonts_missing(); }
bool App::draw_again() const { return theme().fonts_missing() || widget_log().stand_in_seen(); }

bool App::answer(std::string_view question_id, int option_index) {
  return impl_->model().answer(question_id, option_index);
}

bool App::show(std::string_view screen) {
  const auto s = screen_from_key(screen);
  if (!s) return false;
  impl_->model().show(*s);
  return true;
}

// --- Frame ------------------------------------------------------------------------------------------

void App::Impl::frame() {
  Model& m = model();
  PresenterState& ps = presenter_state;
  const std::uint64_t revision_before = m.revision();
  const int slide_before = ps.slide;
  // The rare texts (src/app/rare_texts.txt) join in before a screen of theirs is drawn, or once the last frame drew
  // one's stand-in (a notice, a problem's message): that frame was not shown. Asked for once.
  if (!session.texts_complete() && m.screen() != drawn_screen) session.retry_rare_texts();  // offline is not for ever
  if (!session.texts_complete() && (widget_log().stand_in_seen() || !first_visit_screen(m.screen())))
    session.complete_texts();
  widget_log().look_for_stand_ins(!session.texts_complete() && !session.rare_texts_asked());
  widget_log().begin_frame();
  session.save_due();
  m.set_calibration(session.calibration());
  update_presenter_theme();
  handle_keys();
  const Theme& th = theme();
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::Begin("##root", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse |
                   ImGuiWindowFlags_NoScrollbar);
  if (m.screen() == Screen::Presenter) {
    // Slides fill the window: no header, nothing to scroll.
    presenter();
    ImGui::End();
    widget_log().end_frame();
    scanner_frame_end();
    drawn_screen = m.screen();
    session.sync_document();
    announcer.frame(host, m);
    state_changed_in_frame = m.revision() != revision_before || m.revision() != drawn_revision ||
                             ps.slide != slide_before || std::exchange(ps.relayout, false) ||
                             m.screen() != Screen::Presenter || th.body_size != Theme::kBodySize * ps.font_scale;
    drawn_revision = m.revision();
    return;
  }
  header();

  // The content scrolls under the fixed header; touch drags arrive through scroll_by().
  // NavFlattened: Tab and arrow keys move between the header and the content as one window.
  // While answers are tried out, a bar at the bottom keeps "keep" and "back" in reach wherever one scrolls.
  const float bar_h = m.in_what_if() ? what_if_bar_height() : 0.0f;
  ImGui::BeginChild("##content", ImVec2(0, -bar_h), ImGuiChildFlags_None,
                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NavFlattened);
  // ImGui applies a scroll request in the next frame, so one more frame must follow (scroll_requested).
  bool scroll_requested = false;
  if (scroll_to_top) {
    scroll_requested = ImGui::GetScrollY() != 0;
    ImGui::SetScrollY(0);
    scroll_to_top = false;
  } else if (pending_scroll != 0) {
    ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() + pending_scroll, 0.0f, ImGui::GetScrollMaxY()));
    scroll_requested = true;
  }
  pending_scroll = 0;
  if (menu_open) {  // the menu scrolls with the content: with large text on a phone it is taller than the window
    const float w = ImGui::GetContentRegionAvail().x;
    const float pad = std::max(th.em(1.0f), (w - th.em(64.0f)) * 0.5f);
    menu_row(ImGui::GetCursorScreenPos().x + pad, w - 2 * pad);
  }
  const float avail = ImGui::GetContentRegionAvail().x;
  const float column = std::min(avail - th.em(2.0f), th.em(64.0f));
  const float margin = std::max((avail - column) * 0.5f, th.em(1.0f));
  ImGui::Dummy(ImVec2(0, th.em(1.0f)));
  ImGui::SetCursorPosX(margin);
  ImGui::BeginGroup();
  ImGui::PushItemWidth(column);
  ImGui::PushTextWrapPos(margin + column);  // paragraphs wrap at the column's edge
  notices();
  // The screens a first visit opens after the welcome screen; the rest load their code synchronously if need be.
  const bool waited = waiting_for_code;
  waiting_for_code = (m.screen() == Screen::Questionnaire || m.screen() == Screen::Results) && !host.code_ready();
  // The ring leaves with the control that opened the screen: whether the keyboard was in use is kept for its focus.
  if (waiting_for_code && !waited) keyboard_before_wait = nav_highlight_visible();
  // The screen appears only now: from its top, and a frame more applies the focus it gave its first control.
  if (waited && !waiting_for_code) scroll_to_top = true;
  if (!waiting_for_code && m.screen() != Screen::Questionnaire && m.screen() != Screen::Results)
    keyboard_before_wait = false;  // the person left before it appeared
  if (waiting_for_code) {
    code_pending();
  } else {
    switch (m.screen()) {
      case Screen::Welcome: welcome(); break;
      case Screen::Data: data(); break;
      case Screen::Real: real_form(); break;
      case Screen::History: history(); break;
      case Screen::Questionnaire: questionnaire(); break;
      case Screen::Results: results(); break;
      case Screen::About: about(); break;
      case Screen::Workshop: workshop(); break;
      case Screen::Handover: handover(); break;
      case Screen::Group: group_view(); break;
      case Screen::Presenter: break;  // drawn above
    }
  }
  ImGui::PopTextWrapPos();
  ImGui::PopItemWidth();
  ImGui::EndGroup();
  if (m.screen() != Screen::Welcome) next_done = false;  // the "ready" note is for the first screen only
  ImGui::Dummy(ImVec2(0, th.em(2.5f)));
  ImGui::EndChild();
  if (m.in_what_if()) what_if_bar();
  ImGui::End();
  widget_log().end_frame();
  scanner_frame_end();

  // On a new screen, keyboard and screen-reader users land on its first control (questionnaire() puts them on the
  // first option itself); mouse and touch users see no ring and keep theirs.
  if (focus_request && m.screen() != Screen::Questionnaire && !waiting_for_code) {
    focus_request = false;
    if (keyboard_in_use()) {
      const std::string first = widget_log().first_interactive_outside("nav");
      if (!first.empty()) widget_log().request_focus(first);
    }
  }
  // A new screen or question starts at the top, with keyboard focus moved into it.
  const Question* q = m.screen() == Screen::Questionnaire ? m.current_question() : nullptr;
  const std::string question = q ? q->id : std::string();
  if (!waiting_for_code && (m.screen() != drawn_screen || question != drawn_question)) {
    scroll_to_top = true;
    focus_request = true;
    menu_open = false;
    if (m.screen() != Screen::Results) person().editing = -1;
    drawn_screen = m.screen();
    drawn_question = question;
  }
  session.sync_document();
  if (!waiting_for_code) announcer.frame(host, m);  // the screen is said when it is shown
  state_changed_in_frame = m.revision() != revision_before || m.revision() != drawn_revision || scroll_to_top ||
                           scroll_requested || std::exchange(relayout, false) ||
                           th.body_size != Theme::kBodySize * ps.font_scale;
  drawn_revision = m.revision();
}

bool App::Impl::keyboard_in_use() {
  const bool before_wait = std::exchange(keyboard_before_wait, false);
  return nav_highlight_visible() || before_wait;
}

float App::Impl::what_if_bar_height() const {
  const float width = ImGui::GetContentRegionAvail().x;
  const Theme& th = theme();
  // Two rows on narrow screens (text above the buttons), one row on wide ones.
  return width < th.em(44.0f) ? th.em(7.4f) : th.em(4.4f);
}

void App::Impl::what_if_bar() {
  Model& m = model();
  const Theme& th = theme();
  const Palette& p = th.palette;
  const float h = what_if_bar_height();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(origin, origin + ImVec2(width, h), u32(mix(p.surface, p.warning, th.dark ? 0.18f : 0.10f)));
  dl->AddLine(origin, origin + ImVec2(width, 0), u32(p.warning), 2.0f);
  const float column = std::min(width - th.em(2.0f), th.em(64.0f));
  const float margin = std::max((width - column) * 0.5f, th.em(1.0f));
  const bool narrow = width < th.em(44.0f);
  const std::string text = m.t("ui.whatif.banner", {{"total", std::to_string(m.saved_result().total)}});
  ImGui::SetCursorScreenPos(origin + ImVec2(margin, th.em(0.7f)));
  ImGui::BeginGroup();
  ImGui::PushItemWidth(column);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + (narrow ? column : column * 0.5f));
  ImGui::PushFont(th.font(Font::Strong));
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopFont();
  ImGui::PopTextWrapPos();
  if (!narrow) ImGui::SameLine(column * 0.5f + th.em(1.0f));
  const int c =
      button_row({{"whatif.keep", m.t("ui.whatif.keep"), {.style = ButtonStyle::Primary, .icon = SSI_ICON_CHECK}},
                  {"whatif.discard", m.t("ui.whatif.discard"), {.icon = SSI_ICON_UNDO}}});
  ImGui::PopItemWidth();
  ImGui::EndGroup();
  if (c == 0) m.keep_what_if();
  if (c == 1) m.discard_what_if();
}

void App::Impl::handle_keys() {
  Model& m = model();
  if (ImGui::GetIO().WantTextInput) return;
  if (m.screen() == Screen::Presenter) {
    presenter_keys();
    return;
  }
  // Escape steps back: close what is open, else go to the previous question or screen.
  if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
    // ImGui's own Escape handling clears the keyboard focus (NavId); with the highlight still "on", the next Tab
    // would look for the item after no item and find none. Marked off, Tab starts at the first item again.
    hide_nav_highlight();
    PersonState& p = person();
    if (menu_open)
      menu_open = false;
    else if (!p.help_open.empty())
      p.help_open.clear();
    else if (p.editing >= 0)
      p.editing = -1;
    else if (m.in_what_if())
      m.discard_what_if();
    else if (m.screen() == Screen::Questionnaire) {
      if (!m.back()) m.show(Screen::Welcome);
    } else if (m.screen() == Screen::Group)
      m.show(Screen::Workshop);
    else if (m.screen() != Screen::Welcome)
      m.show(Screen::Welcome);
  }
}

void App::Impl::header() {
  Model& m = model();
  const Theme& th = theme();
  const Palette& p = th.palette;
  const float h = th.em(3.6f);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  SemanticGroup nav("nav", "navigation", m.t("ui.nav.label"));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(origin, origin + ImVec2(width, h), u32(p.surface));
  dl->AddLine(origin + ImVec2(0, h - 1), origin + ImVec2(width, h - 1), u32(p.border));
  const float pad = std::max(th.em(1.0f), (width - th.em(64.0f)) * 0.5f);

  // Logo mark (four squares in the component colours) and the product name: a link to the start.
  const float sq = th.em(0.55f), gap = th.em(0.12f);
  const std::string name = m.t("ui.app.name");
  // The name is left out where it would not fit beside the menu and language buttons (large text on a phone).
  const bool show_name = width - 2 * pad >= text_size(name, Font::H2).x + th.em(15.0f);
  const ImVec2 ts = show_name ? text_size(name, Font::H2) : ImVec2(0, 0);
  const ImVec2 home_pos(origin.x + pad - th.em(0.4f), origin.y + (h - th.em(2.6f)) * 0.5f);
  const ImVec2 home_size(std::max(2 * sq + gap + (show_name ? th.em(0.6f) + ts.x : 0.0f) + th.em(0.8f), th.em(2.6f)),
                         th.em(2.6f));
  ImGui::SetCursorScreenPos(home_pos);
  bool home = ImGui::InvisibleButton("###nav.home", home_size);
  if (ImGui::IsItemHovered()) dl->AddRectFilled(home_pos, home_pos + home_size, u32(p.surface_alt), th.em(0.6f));
  home |= custom_item("nav.home", "link", name, ImRect(home_pos, home_pos + home_size), m.screen() == Screen::Welcome);
  if (home) m.show(Screen::Welcome);
  const ImVec2 logo(origin.x + pad, origin.y + (h - 2 * sq - gap) * 0.5f);
  for (int i = 0; i < kComponentCount; ++i) {
    const ImVec2 at = logo + ImVec2((i % 2) * (sq + gap), (i / 2) * (sq + gap));
    dl->AddRectFilled(at, at + ImVec2(sq, sq), u32(p.component[i]), th.em(0.12f));
  }
  if (show_name) {
    ImGui::PushFont(th.font(Font::H2));
    dl->AddText(ImVec2(logo.x + 2 * sq + gap + th.em(0.6f), origin.y + (h - ts.y) * 0.5f), u32(p.text), name.c_str());
    ImGui::PopFont();
  }

  // Language switch on the right, the menu button left of it (its label only where there is room).
  const std::vector<std::string> labels = {m.t("ui.lang.de"), m.t("ui.lang.en")};
  const std::vector<std::string> ids = {"lang.de", "lang.en"};
  float seg_w = 0;
  for (const auto& l : labels) seg_w = std::max(seg_w, text_size(l, Font::Strong).x + th.em(1.4f));
  seg_w = std::max(seg_w, th.em(2.6f));  // as segmented() lays it out
  const float lang_x = origin.x + width - pad - seg_w * 2;
  const std::string menu = m.t("ui.nav.menu");
  const bool menu_label = width >= th.em(30.0f);
  const float menu_w =
      menu_label ? text_size(menu, Font::Body).x + text_size(SSI_ICON_LIST, Font::Body).x + th.em(1.7f) : th.em(2.6f);
  ImGui::SetCursorScreenPos(ImVec2(lang_x - th.em(0.5f) - menu_w, origin.y + (h - th.em(2.6f)) * 0.5f));
  if (button("nav.menu", menu_label ? menu : std::string(),
             {.style = ButtonStyle::Quiet,
              .icon = SSI_ICON_LIST,
              .width = menu_w,
              .selected = menu_open,
              .expanded = menu_open ? 1 : 0,
              .name = menu})) {
    menu_open = !menu_open;
    menu_focus = menu_open;
  }
  ImGui::SetCursorScreenPos(ImVec2(lang_x, origin.y + (h - th.em(2.6f)) * 0.5f));
  const int clicked = segmented("lang", labels, ids, m.lang() == Lang::De ? 0 : 1);
  if (clicked >= 0) session.set_language(clicked == 0 ? Lang::De : Lang::En);  // remembered on this device
  ImGui::SetCursorScreenPos(origin + ImVec2(0, h));
}

void App::Impl::menu_row(float x, float width) {
  Model& m = model();
  const Theme& th = theme();
  struct Entry {
    const char* id;
    const char* key;
    Screen screen;
  };
  static constexpr Entry kEntries[] = {{"menu.questionnaire", "ui.nav.questionnaire", Screen::Questionnaire},
                                       {"menu.results", "ui.nav.results", Screen::Results},
                                       {"menu.history", "ui.nav.history", Screen::History},
                                       {"menu.real", "ui.nav.real", Screen::Real},
                                       {"menu.data", "ui.nav.data", Screen::Data},
                                       {"menu.workshop", "ui.nav.workshop", Screen::Workshop},
                                       {"menu.about", "ui.nav.about", Screen::About}};
  const ImVec2 top = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  ImGui::SetCursorScreenPos(ImVec2(x, top.y + th.em(0.4f)));
  ImGui::BeginGroup();
  ImGui::PushItemWidth(width);
  std::vector<RowButton> row;
  for (const Entry& e : kEntries)
    row.push_back(
        {e.id, m.t(e.key), {.style = ButtonStyle::Quiet, .role = "link", .selected = m.screen() == e.screen}});
  SemanticGroup nav("menu", "navigation", m.t("ui.nav.menu"));
  if (menu_focus) widget_log().request_focus(kEntries[0].id);  // keyboard users land on the first entry
  menu_focus = false;
  const int chosen = button_row(row, /*wrap=*/true);
  // Text size, reachable from every screen: on top of the browser's own setting, kept with the person's settings.
  const int size = person().settings.text_size_percent;
  paragraph(m.t("ui.textsize.label", {{"percent", std::to_string(size)}}), th.palette.text_muted);
  const int step = button_row({{"text.smaller",
                                m.t("ui.textsize.smaller"),
                                {.style = ButtonStyle::Quiet, .disabled = size <= Session::kTextSizeMin}},
                               {"text.larger",
                                m.t("ui.textsize.larger"),
                                {.style = ButtonStyle::Quiet, .disabled = size >= Session::kTextSizeMax}}},
                              /*wrap=*/true);
  if (step >= 0) session.set_text_size(size + (step == 0 ? -Session::kTextSizeStep : Session::kTextSizeStep));
  ImGui::PopItemWidth();
  ImGui::EndGroup();
  const float bottom = ImGui::GetItemRectMax().y + th.em(0.4f);
  dl->ChannelsSetCurrent(0);
  const float full = ImGui::GetContentRegionAvail().x;
  dl->AddRectFilled(ImVec2(top.x, top.y), ImVec2(top.x + full, bottom), u32(th.palette.surface));
  dl->AddLine(ImVec2(top.x, bottom - 1), ImVec2(top.x + full, bottom - 1), u32(th.palette.border));
  dl->ChannelsMerge();
  ImGui::SetCursorScreenPos(ImVec2(top.x, bottom));
  if (chosen < 0) return;
  menu_open = false;
  m.show(kEntries[chosen].screen);
}

}  // namespace ssi::app
