// "For my trainer": exactly what the hand-over file holds, an optional nickname, and the download.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "app/app_impl.h"
#include "app/format.h"
#include "app/glyphs.h"
#include "app/qr_code.h"
#include "app/screen_parts.h"
#include "app/theme.h"
#include "app/widgets.h"
#include "core/keys.h"

namespace ssi::app {
namespace {

// A file name part from a nickname: ASCII letters and digits only (anything else is left out).
std::string file_safe(std::string_view text) {
  std::string out;
  for (char c : text)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) out += c;
  return out.substr(0, 24);
}

}  // namespace

void App::Impl::handover() {
  Model& m = model();
  const Theme& th = theme();
  const Palette& p = th.palette;
  const Result& r = m.saved_result();
  heading(m.t("ui.handover.title"), Font::H1);
  paragraph(m.t("ui.handover.intro"), p.text_muted);
  gap(0.5f);

  // Exactly what the file holds, so nobody has to trust a description.
  begin_card(1.0f);
  small_text(m.t("ui.handover.contains"), p.text_muted);
  gap(0.2f);
  // Full component names where the longest fits in half the card, LinkedIn-style short ones otherwise (phones).
  float names_w = 0.0f;
  for (Component c : kComponents) names_w = std::max(names_w, text_size(component_name(m, c), Font::Body).x);
  const float names_label_w = names_w + th.em(0.3f);
  const bool narrow = names_label_w > ImGui::CalcItemWidth() * 0.5f;
  for (Component c : kComponents) {
    const int i = index_of(c);
    bar_row("handover.component." + std::to_string(i), narrow ? m.t(key::component_short(c)) : component_name(m, c),
            r.components[i], static_cast<float>(kComponentMax), points(r.component_centi[i], m.lang()), p.component[i],
            narrow ? 0.0f : names_label_w);
  }
  gap(0.2f);
  ImGui::PushFont(th.font(Font::Strong));
  paragraph(
      m.t("ui.handover.total", {{"total", std::to_string(r.total)}, {"corridor", m.t(key::corridor(r.corridor))}}));
  ImGui::PopFont();
  questionnaire_label();
  end_card(p.accent);
  gap(0.6f);

  HandoverForm& form = person().handover;
  const std::optional<Problem> problem = workshop::check_nickname(form.nickname);
  text_field("handover.nickname", m.t("ui.handover.nickname"), form.nickname, m.t("ui.handover.nickname_hint"),
             problem ? describe(m.strings(), *problem, m.lang()) : std::string(), 160);
  small_text(m.t("ui.handover.nickname_note"), p.text_muted);
  gap(0.4f);
  if (r.answered == 0) {
    paragraph(m.t("ui.handover.nothing"), p.warning);
    if (button("handover.start", m.t("ui.welcome.start"), {.style = ButtonStyle::Primary, .icon = SSI_ICON_PLAY}))
      m.start_questionnaire();
    return;
  }
  if (r.answered < r.visible)
    paragraph(m.t("ui.handover.incomplete",
                  {{"answered", std::to_string(r.answered)}, {"visible", std::to_string(r.visible)}}),
              p.warning);
  handover_qr();
  gap(0.6f);
  const bool done = host.now_ms() - form.handed_over_at < 2500.0;
  if (button("handover.download", m.t(done ? "ui.handover.downloaded" : "ui.handover.download"),
             {.style = ButtonStyle::Primary,
              .icon = done ? SSI_ICON_CHECK : SSI_ICON_DOWNLOAD,
              .disabled = problem.has_value()})) {
    const std::string who = file_safe(form.nickname);
    host.download("ssi-handover-" + (who.empty() ? std::string() : who + "-") + iso_date(host.epoch_ms()) + ".json",
                  "application/json", session.handover_file_text());
    form.handed_over_at = host.now_ms();
  }
  small_text(m.t("ui.handover.how"), p.text_muted);
  gap(0.8f);
  small_text(m.t("ui.handover.shared"), p.text_muted);
  next_participant();
}

void App::Impl::handover_qr() {
  Model& m = model();
  const Theme& th = theme();
  const Palette& p = th.palette;
  const std::string code = session.handover_code_text();
  if (code.empty()) return;  // a nickname the code would refuse: the field says why
  if (code != qr_text) {
    qr = qr_modules(code);
    qr_text = code;
  }
  heading(m.t("ui.handover.qr.title"), Font::H2);
  small_text(m.t("ui.handover.qr.how"), p.text_muted);
  gap(0.3f);
  // Whole device pixels per module keep every edge sharp for the camera; four modules of quiet zone around it,
  // and dark on white in every theme (scanners expect that contrast). As large as the column allows, up to
  // about 12 cm on a laptop: a phone held up is read from a metre away.
  const int modules = qr.size + 8;
  const float avail = ImGui::CalcItemWidth();
  const float ds = std::max(device_scale, 1.0f);
  const float module = std::max(1.0f, std::floor(std::min(avail, th.em(26.0f)) * ds / modules)) / ds;
  const float side = module * modules;
  ImVec2 o = ImGui::GetCursorScreenPos() + ImVec2(std::floor((avail - side) * 0.5f), 0);
  o = ImVec2(std::round(o.x * ds) / ds, std::round(o.y * ds) / ds);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(o, o + ImVec2(side, side), IM_COL32(255, 255, 255, 255));
  for (int y = 0; y < qr.size; ++y)
    for (int x = 0; x < qr.size; ++x)
      if (qr.at(x, y)) {
        const ImVec2 a = o + ImVec2((x + 4) * module, (y + 4) * module);
        dl->AddRectFilled(a, a + ImVec2(module, module), IM_COL32(0, 0, 0, 255));
      }
  semantic_text("handover.qr", m.t("ui.handover.qr.label"), ImRect(o, o + ImVec2(side, side)), "img");
  ImGui::Dummy(ImVec2(avail, side));
  gap(0.3f);
  // The same as text, for typing by hand when no camera can read it.
  small_text(m.t("ui.handover.qr.text"), p.text_muted);
  paragraph(code);
}

}  // namespace ssi::app
