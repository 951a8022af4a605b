// The group view's QR scanner: the camera's picture (placed over the canvas by the platform), which camera, what
// the last code read did, and the count of this round. The camera runs only while this is drawn.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/app_impl.h"
#include "app/glyphs.h"
#include "app/screen_parts.h"
#include "app/theme.h"
#include "app/widgets.h"

namespace ssi::app {

void App::Impl::open_scanner() {
  Scanner& scan = session.group.scanner;
  const bool front = scan.front, sound = scan.sound;
  scan = {};
  scan.open = true;
  scan.front = front;  // the camera and the sound chosen last time
  scan.sound = sound;
}

void App::Impl::group_scanner() {
  Scanner& scan = session.group.scanner;
  if (!scan.open) return;
  Model& m = model();
  const Theme& th = theme();
  const Palette& p = th.palette;
  const std::string title = m.t("ui.scan.title");
  // The camera's first frame (opened, or tried again): scroll the scanner to the top, so the picture and what is
  // read are in view on a phone.
  if (!camera_on && (scan.camera == CameraStatus::Starting || scan.camera == CameraStatus::Running))
    ImGui::SetScrollHereY(0.0f);
  begin_card(1.0f);
  SemanticGroup region("scan", "region", title);
  heading(title, Font::H2);
  const int pick = segmented("scan.camera", {m.t("ui.scan.back"), m.t("ui.scan.front")}, {"scan.back", "scan.front"},
                             scan.front ? 1 : 0);
  if (pick >= 0 && (pick == 1) != scan.front) {
    scan.front = pick == 1;
    scan.camera = CameraStatus::Starting;  // the platform changes cameras when it is asked for the other one
  }
  if (checkbox("scan.sound", m.t("ui.scan.sound"), scan.sound) && scan.sound) host.scan_tone(ScanTone::Armed);
  gap(0.5f);
  const bool live = scan.camera == CameraStatus::Starting || scan.camera == CameraStatus::Running;
  if (live) {
    // The platform shows the camera's picture over this box; what scrolls out of the content area is cut off.
    const float w = ImGui::CalcItemWidth();
    const float h = std::min(w * 0.75f, th.em(20.0f));
    const ImVec2 o = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(o, o + ImVec2(w, h), ImGui::GetColorU32(p.surface_alt), th.em(0.4f));
    const ImVec2 lo = dl->GetClipRectMin(), hi = dl->GetClipRectMax();
    const ImVec2 cmin(std::max(o.x, lo.x), std::max(o.y, lo.y)), cmax(std::min(o.x + w, hi.x), std::min(o.y + h, hi.y));
    semantic_text("scan.preview", m.t("ui.scan.preview"), ImRect(o, o + ImVec2(w, h)), "img");
    ImGui::Dummy(ImVec2(w, h));
    host.scanner(true, scan.front, {o.x, o.y, w, h},
                 {cmin.x, cmin.y, std::max(0.0f, cmax.x - cmin.x), std::max(0.0f, cmax.y - cmin.y)});
    scanner_drawn = true;
    gap(0.5f);
  }
  switch (scan.camera) {
    case CameraStatus::Starting: {
      SemanticGroup status("scan.status", "status", m.t("ui.scan.starting"));
      paragraph(m.t("ui.scan.starting"), p.text_muted);
      break;
    }
    case CameraStatus::Running: {
      SemanticGroup status("scan.status", "status", m.t("ui.scan.running"));
      paragraph(m.t("ui.scan.running"), p.text_muted);
      break;
    }
    default: {
      const char* key = scan.camera == CameraStatus::Denied     ? "ui.scan.denied"
                        : scan.camera == CameraStatus::NoCamera ? "ui.scan.no_camera"
                        : scan.camera == CameraStatus::NoReader ? "ui.scan.no_reader"
                                                                : "ui.scan.failed";
      SemanticGroup alert("scan.status", "alert", m.t(key));
      paragraph(m.t(key), p.danger);
      break;
    }
  }
  if (scan.last != Scanner::Last::None) {
    gap(0.3f);
    std::string said;
    ImVec4 colour = p.text;
    switch (scan.last) {
      case Scanner::Last::Added:
        said = m.t("ui.scan.added", {{"name", scan.last_detail}});
        colour = p.accent;
        break;
      case Scanner::Last::Repeat:
        said = scan.last_detail.empty() ? m.t("ui.scan.repeat.unnamed")
                                        : m.t("ui.scan.repeat", {{"name", scan.last_detail}});
        colour = p.warning;
        break;
      default:
        said = m.t("ui.scan.refused", {{"reason", scan.last_detail}});
        colour = p.danger;
        break;
    }
    SemanticGroup last("scan.last", "status", said);
    paragraph(said, colour);
  }
  gap(0.3f);
  const std::string count = m.t("ui.scan.count", {{"added", std::to_string(scan.added)},
                                                  {"repeats", std::to_string(scan.repeats)},
                                                  {"refused", std::to_string(scan.refused)}});
  {
    SemanticGroup running("scan.count", "status", count);
    small_text(count, p.text_muted);
  }
  gap(0.4f);
  std::vector<RowButton> row;
  if (!live) row.push_back({"scan.retry", m.t("ui.scan.retry"), {.icon = SSI_ICON_REFRESH}});
  row.push_back({"scan.close", m.t("ui.scan.close"), {.style = ButtonStyle::Quiet, .icon = SSI_ICON_CLOSE}});
  const int c = button_row(row);
  end_card(p.accent);
  if (c >= 0 && row[c].id == "scan.retry") scan.camera = CameraStatus::Starting;
  if (c >= 0 && row[c].id == "scan.close") scan.open = false;  // the camera goes off at the end of this frame
}

// Every frame: a camera that the group view did not draw is turned off (scanner closed, another screen, the group
// cleared, the camera refused); leaving the group view closes the scanner.
void App::Impl::scanner_frame_end() {
  if (model().screen() != Screen::Group) session.group.scanner.open = false;
  if (camera_on && !scanner_drawn) host.scanner(false, false, {}, {});
  camera_on = scanner_drawn;
  scanner_drawn = false;
}

}  // namespace ssi::app
