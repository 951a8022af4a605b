#pragma once
// App's private state, shared by app.cpp (frame, header, test hook) and screens.cpp (one function per screen).
#include <optional>
#include <string>

#include "app/app.h"
#include "app/dashboard.h"
#include "app/model.h"

namespace ssi::app {

struct App::Impl {
  Host& host;
  std::optional<Model> model;
  Dashboard dashboard;

  // View state that is not the person's data (not saved, not part of the model).
  std::string help_open;            // id of the question whose "why this matters" is open
  int editing = -1;                 // results screen: component whose answers are open
  double copied_at = -1e9;          // when "copied" feedback started
  bool scroll_to_top = false;       // after a screen or question change
  bool focus_request = false;
  Lang saved_lang = Lang::En;       // the language last written to storage       // keyboard users land on the first option of a new question

  std::uint64_t drawn_revision = ~0ull;  // model revision the last frame showed
  Screen drawn_screen = Screen::Welcome;
  std::string drawn_question;
  bool state_changed_in_frame = false;
  float pending_scroll = 0;  // touch drag to apply on the next frame

  explicit Impl(Host& h) : host(h) {}

  void frame();
  void header();
  void handle_keys();
  void what_if_bar();
  float what_if_bar_height() const;

  // Screens (screens.cpp)
  void welcome();
  void questionnaire();
  void results();
  void about();
  void advice_list();
  void plan_list();
  void edit_component(Component component);
};

}  // namespace ssi::app
