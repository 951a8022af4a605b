#include "app/app.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <optional>

#include "app/dashboard.h"
#include "app/glyphs.h"
#include "app/model.h"
#include "app/theme.h"
#include "app/widgets.h"
#include "assets/assets.h"

namespace ssi::app {

struct App::Impl {
  Host& host;
  std::optional<Model> model;
  Dashboard dashboard;
  std::uint64_t drawn_revision = ~0ull;  // model revision the last frame showed
  bool state_changed_in_frame = false;
  float pending_scroll = 0;  // touch drag to apply on the next frame

  explicit Impl(Host& h) : host(h) {}

  void header();
  void welcome();
  void frame();
};

App::App(Host& host) : impl_(std::make_unique<Impl>(host)) {}
App::~App() = default;

Model& App::model() { return *impl_->model; }

bool App::init(std::string* error) {
  // Content is embedded at build time and validated here; a failure is a build defect, reported plainly.
  CatalogLoad messages = Catalog::load(assets::get("content/messages.json"));
  CatalogLoad ui = Catalog::load(assets::get("content/ui.json"));
  QuestionnaireLoad questionnaire = load_questionnaire(assets::get("content/questionnaire.json"));
  auto fail = [&](const char* file, const std::vector<Problem>& problems) {
    *error = std::string("Broken embedded content / Fehlerhafte eingebettete Inhalte: ") + file;
    if (!problems.empty()) *error += " (" + problems.front().path + ": " + problems.front().code + ")";
    return false;
  };
  if (!messages.ok()) return fail("content/messages.json", messages.problems);
  if (!ui.ok()) return fail("content/ui.json", ui.problems);
  Catalog strings = std::move(*ui.catalog);
  std::vector<std::string> duplicates;
  if (!strings.merge(*messages.catalog, &duplicates)) {
    *error = "Duplicate text keys in content/ui.json and content/messages.json: " + duplicates.front();
    return false;
  }
  if (!questionnaire.ok()) {
    if (questionnaire.problems.empty()) return fail("content/questionnaire.json", {});
    *error = "content/questionnaire.json: " + describe(strings, questionnaire.problems.front(), Lang::En);
    return false;
  }
  impl_->model.emplace(std::move(*questionnaire.questionnaire), std::move(strings),
                       language_for(impl_->host.preferred_language()));
  theme().reduced_motion = impl_->host.prefers_reduced_motion();
  theme().apply(impl_->host.prefers_dark());
  return true;
}

void App::load_fonts(float device_scale) { theme().load_fonts(device_scale); }

void App::environment_changed() {
  theme().reduced_motion = impl_->host.prefers_reduced_motion();
  theme().apply(impl_->host.prefers_dark());
  impl_->drawn_revision = ~0ull;
}

void App::scroll_by(float dy) { impl_->pending_scroll += dy; }

ImVec4 App::background() const { return theme().palette.background; }

bool App::animating() const {
  return impl_->state_changed_in_frame || impl_->dashboard.animating(impl_->host.now_ms());
}

void App::frame() { impl_->frame(); }

std::string App::state_json() const { return impl_->model->state_json(); }
std::string App::widgets_json() const { return widget_log().json(); }
std::string App::questions_json() const { return impl_->model->questions_json(); }

bool App::answer(std::string_view question_id, int option_index) {
  return impl_->model->answer(question_id, option_index);
}

bool App::show(std::string_view screen) {
  const auto s = screen_from_key(screen);
  if (!s) return false;
  impl_->model->show(*s);
  return true;
}

// --- Frame ------------------------------------------------------------------------------------------

void App::Impl::frame() {
  Model& m = *model;
  const std::uint64_t revision_before = m.revision();
  widget_log().begin_frame();
  const Theme& th = theme();
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::Begin("##root", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse |
                   ImGuiWindowFlags_NoScrollbar);
  header();

  // The content scrolls under the fixed header; touch drags arrive through scroll_by().
  ImGui::BeginChild("##content", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoSavedSettings);
  if (pending_scroll != 0) {
    ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() + pending_scroll, 0.0f, ImGui::GetScrollMaxY()));
    pending_scroll = 0;
  }
  const float avail = ImGui::GetContentRegionAvail().x;
  const float column = std::min(avail - th.em(2.0f), th.em(64.0f));
  const float margin = std::max((avail - column) * 0.5f, th.em(1.0f));
  ImGui::Dummy(ImVec2(0, th.em(1.0f)));
  ImGui::SetCursorPosX(margin);
  ImGui::BeginGroup();
  ImGui::PushItemWidth(column);
  // Wrap text at the column's edge.
  ImGui::PushTextWrapPos(margin + column);
  switch (m.screen()) {
    case Screen::Welcome:
    case Screen::Questionnaire:
    case Screen::Results:
    case Screen::About:
      welcome();
      break;
  }
  ImGui::PopTextWrapPos();
  ImGui::PopItemWidth();
  ImGui::EndGroup();
  ImGui::Dummy(ImVec2(0, th.em(2.0f)));
  ImGui::EndChild();
  ImGui::End();
  widget_log().end_frame();

  state_changed_in_frame = m.revision() != revision_before || m.revision() != drawn_revision;
  drawn_revision = m.revision();
}

void App::Impl::header() {
  Model& m = *model;
  const Theme& th = theme();
  const Palette& p = th.palette;
  const float h = th.em(3.6f);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(origin, origin + ImVec2(width, h), u32(p.surface));
  dl->AddLine(origin + ImVec2(0, h - 1), origin + ImVec2(width, h - 1), u32(p.border));
  const float pad = std::max(th.em(1.0f), (width - th.em(64.0f)) * 0.5f);

  // Logo mark: four small squares in the component colours, then the product name.
  const float sq = th.em(0.55f), gap = th.em(0.12f);
  const ImVec2 logo(origin.x + pad, origin.y + (h - 2 * sq - gap) * 0.5f);
  for (int i = 0; i < kComponentCount; ++i) {
    const ImVec2 at = logo + ImVec2((i % 2) * (sq + gap), (i / 2) * (sq + gap));
    dl->AddRectFilled(at, at + ImVec2(sq, sq), u32(p.component[i]), th.em(0.12f));
  }
  const std::string name = m.t("ui.app.name");
  ImGui::PushFont(th.font(Font::H2));
  const ImVec2 ts = text_size(name, Font::H2);
  dl->AddText(ImVec2(logo.x + 2 * sq + gap + th.em(0.6f), origin.y + (h - ts.y) * 0.5f), u32(p.text), name.c_str());
  ImGui::PopFont();

  // Language switch on the right.
  const std::vector<std::string> labels = {m.t("ui.lang.de"), m.t("ui.lang.en")};
  const std::vector<std::string> ids = {"lang.de", "lang.en"};
  float seg_w = 0;
  for (const auto& l : labels) seg_w = std::max(seg_w, text_size(l, Font::Strong).x + th.em(1.4f));
  ImGui::SetCursorScreenPos(ImVec2(origin.x + width - pad - seg_w * 2, origin.y + (h - th.em(2.6f)) * 0.5f));
  const int clicked = segmented("lang", labels, ids, m.lang() == Lang::De ? 0 : 1);
  if (clicked == 0) m.set_lang(Lang::De);
  if (clicked == 1) m.set_lang(Lang::En);
  ImGui::SetCursorScreenPos(origin + ImVec2(0, h));
}

void App::Impl::welcome() {
  Model& m = *model;
  const Theme& th = theme();
  heading(m.t("ui.app.tagline"), Font::H2);
  ImGui::Dummy(ImVec2(0, th.em(0.3f)));
  const bool any = !m.answers().empty();
  if (button("welcome.start", m.t(any ? "ui.welcome.continue" : "ui.welcome.start"),
             {.style = ButtonStyle::Primary, .icon = SSI_ICON_PLAY}))
    m.start_questionnaire();
  ImGui::Dummy(ImVec2(0, th.em(0.5f)));
  dashboard.draw(m, host.now_ms());
}

}  // namespace ssi::app
