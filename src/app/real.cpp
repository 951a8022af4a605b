// The real-SSI form: the values LinkedIn shows, checked as typed.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "app/app_impl.h"
#include "app/format.h"
#include "app/glyphs.h"
#include "app/screen_parts.h"
#include "app/theme.h"
#include "app/widgets.h"

namespace ssi::app {

void App::Impl::real_form() {
  Model& m = model();
  const Theme& th = theme();
  const Palette& p = th.palette;
  heading(m.t("ui.real.title"), Font::H1);
  paragraph(m.t("ui.real.intro"), p.text_muted);
  gap(0.5f);
  RealForm& f = person().real;
  if (f.date.empty()) f.date = iso_date(host.epoch_ms());

  begin_card(1.0f);
  std::array<std::optional<int>, kComponentCount> values;
  for (int i = 0; i < kComponentCount; ++i) {
    const Component c = kComponents[i];
    const store::ValueParse parsed = store::parse_component_value(f.values[i]);
    values[i] = parsed.centi;
    const std::string error =
        f.tried && parsed.problem ? describe(m.strings(), *parsed.problem, m.lang()) : std::string();
    text_field("real." + std::string(component_key(c)), component_name(m, c), f.values[i], "0–25", error, 32);
  }
  const auto date_problem = store::check_date(f.date);
  text_field("real.date", m.t("ui.real.date"), f.date, "2026-01-31",
             f.tried && date_problem ? describe(m.strings(), *date_problem, m.lang()) : std::string(), 32);
  const store::PercentParse industry = store::parse_top_percent(f.industry);
  const store::PercentParse network = store::parse_top_percent(f.network);
  const bool industry_ok = f.industry.empty() || industry.percent.has_value();
  const bool network_ok = f.network.empty() || network.percent.has_value();
  text_field(
      "real.industry", m.t("ui.real.industry"), f.industry, "5",
      f.tried && !industry_ok && industry.problem ? describe(m.strings(), *industry.problem, m.lang()) : std::string(),
      32);
  text_field(
      "real.network", m.t("ui.real.network"), f.network, "10",
      f.tried && !network_ok && network.problem ? describe(m.strings(), *network.problem, m.lang()) : std::string(),
      32);
  if (std::all_of(values.begin(), values.end(), [](const auto& v) { return v.has_value(); })) {
    store::RealEntry preview;
    for (int i = 0; i < kComponentCount; ++i) preview.component_centi[i] = *values[i];
    ImGui::PushFont(th.font(Font::H2));
    paragraph(m.t("ui.real.total", {{"total", std::to_string(preview.total())}}));
    ImGui::PopFont();
  }
  gap(0.3f);
  if (button("real.save", m.t("ui.real.save"), {.style = ButtonStyle::Primary, .icon = SSI_ICON_CHECK}))
    session.save_real();
  if (!f.message.empty()) small_text(f.message, p.component_text[3]);
  end_card(p.accent);
}

}  // namespace ssi::app
