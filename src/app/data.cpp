// Notices about the stored data (write failed, conflict, unreadable, update ready) and "My data": export,
// import, delete.
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

#ifndef SSI_VERSION
#define SSI_VERSION "dev"
#endif

namespace ssi::app {

void App::Impl::notices() {
  Model& m = model();
  const Theme& th = theme();
  const Palette& p = th.palette;
  // A status card: a message node holding its text and what `below` draws under it, tinted in its accent.
  auto card = [&](const char* id, const char* role, const std::string& text, const ImVec4& accent, auto&& below) {
    SemanticGroup message(id, role, text);
    begin_card(0.9f);
    paragraph(text);
    below();
    end_card(accent, mix(p.surface, accent, th.dark ? 0.14f : 0.07f));
    gap(0.6f);
  };
  // A notice about saved data: an alert when data is at risk (the danger colour), else a status.
  auto notice = [&](const std::string& text, bool danger, bool backup) {
    std::vector<RowButton> row;
    int c = -1;
    card("notice", danger ? "alert" : "status", text, danger ? p.danger : p.warning, [&] {
      gap(0.2f);
      if (backup) row.push_back({"notice.backup", m.t("ui.notice.download_backup"), {.icon = SSI_ICON_DOWNLOAD}});
      row.push_back(
          {"notice.dismiss", m.t("ui.notice.dismiss"), {.style = ButtonStyle::Quiet, .icon = SSI_ICON_CHECK}});
      c = button_row(row);
    });
    if (c >= 0 && row[c].id == "notice.backup") {
      if (auto text = session.persistence().backup_text())
        host.download(file_name(host.epoch_ms(), "backup.txt"), "text/plain", *text);
    } else if (c >= 0) {
      person().notice_dismissed = true;
      session.persistence().clear_conflict();
    }
  };
  if (update_waiting) {
    card("update", "status", m.t("ui.update.ready"), p.accent, [&] {
      gap(0.2f);
      if (button("update.reload", m.t("ui.update.reload"), {.style = ButtonStyle::Primary, .icon = SSI_ICON_REFRESH})) {
        session.save_now();
        host.apply_update();
      }
    });
  }
  if (session.rare_texts_failed())  // its rare texts show as "?" meanwhile
    card("texts", "status", m.t("ui.texts.unavailable"), p.warning, [] {});
  const Persistence& store = session.persistence();
  const auto first_reason = [&](const std::vector<Problem>& problems) {
    return problems.empty() ? std::string("?") : describe(m.strings(), problems.front(), m.lang());
  };
  if (store.original_in_place()) {
    // No room for a copy: said as it is, with the original offered (nothing is written over it).
    const std::string reason = first_reason(store.problems().empty() ? store.dropped() : store.problems());
    notice(m.t("ui.notice.kept_in_place", {{"reason", reason}}), true, true);
  } else if (store.write_failed()) {
    notice(m.t("ui.notice.write_failed"), true, false);
  } else if (session.persistence().conflict()) {
    notice(m.t("ui.notice.conflict"), false, false);
  } else if (!person().notice_dismissed && person().loaded == Persistence::Loaded::Unreadable) {
    const std::string reason = session.persistence().problems().empty()
                                   ? std::string("?")
                                   : describe(m.strings(), session.persistence().problems().front(), m.lang());
    notice(m.t("ui.notice.unreadable", {{"reason", reason}}), false, !session.persistence().backup_key().empty());
  } else if (!person().notice_dismissed && !store.dropped().empty()) {
    notice(m.t("ui.notice.dropped",
               {{"count", std::to_string(store.dropped_entries())}, {"reason", first_reason(store.dropped())}}),
           false, !store.backup_key().empty());
  }
}

void App::Impl::data() {
  Model& m = model();
  const Theme& th = theme();
  const Palette& p = th.palette;
  store::Document& doc = session.persistence().document();
  PersonState& ps = person();
  heading(m.t("ui.data.title"), Font::H1);
  paragraph(m.t("ui.data.intro"), p.text_muted);
  small_text(m.t("ui.data.summary",
                 {{"checks", std::to_string(doc.checks.size())}, {"real", std::to_string(doc.real.size())}}));
  gap(0.6f);

  const int c = button_row({{"data.export", m.t("ui.data.export_json"), {.icon = SSI_ICON_DOWNLOAD}},
                            {"data.csv", m.t("ui.data.export_csv"), {.icon = SSI_ICON_LIST}},
                            {"data.import", m.t("ui.data.import"), {.icon = SSI_ICON_UPLOAD}}});
  if (c == 0) host.download(file_name(host.epoch_ms(), "json"), "application/json", session.export_text());
  if (c == 1) host.download(file_name(host.epoch_ms(), "csv"), "text/csv", store::history_csv(doc));
  if (c == 2) host.pick_file();
  small_text(m.t("ui.data.import_hint"));
  gap(0.5f);

  if (ps.pending_import) {
    begin_card(0.9f);
    const store::ImportPreview& preview = *ps.pending_import;
    paragraph(m.t("ui.data.import_preview",
                  {{"checks", std::to_string(preview.new_checks.size())},
                   {"real", std::to_string(preview.new_real.size())},
                   {"duplicates", std::to_string(preview.duplicate_checks + preview.duplicate_real)}}));
    if (preview.repair && preview.dropped_entries > 0) {
      // Everything left out, each with its path, so the person knows what the repair does not bring back.
      paragraph(m.t("ui.data.repair_dropped", {{"count", std::to_string(preview.dropped_entries)}}), p.text_muted);
      for (const Problem& problem : preview.dropped) small_text("• " + describe(m.strings(), problem, m.lang()));
      const int unlisted = preview.dropped_entries - static_cast<int>(preview.dropped.size());
      if (unlisted > 0) small_text(m.t("ui.data.repair_unlisted", {{"count", std::to_string(unlisted)}}), p.text_muted);
    }
    gap(0.2f);
    const int r = button_row(
        {{"import.confirm", m.t("ui.data.import_confirm"), {.style = ButtonStyle::Primary, .icon = SSI_ICON_CHECK}},
         {"import.cancel", m.t("ui.data.import_cancel"), {.style = ButtonStyle::Quiet}}});
    end_card(p.accent);
    if (r == 0) session.confirm_import();
    if (r == 1) session.cancel_import();
    gap(0.5f);
  }
  if (!ps.import_message.empty()) {
    paragraph(ps.import_message);
    gap(0.5f);
  }

  if (ps.deleted) paragraph(m.t("ui.data.deleted"), p.component_text[3]);
  if (!ps.confirm_delete) {
    if (button("data.delete", m.t("ui.data.delete"), {.icon = SSI_ICON_TRASH})) {
      ps.confirm_delete = true;
      ps.deleted = false;
    }
  } else {
    begin_card(0.9f);
    paragraph(m.t("ui.data.delete_confirm"));
    gap(0.2f);
    const int r = button_row(
        {{"data.delete_yes", m.t("ui.data.delete_yes"), {.style = ButtonStyle::Primary, .icon = SSI_ICON_TRASH}},
         {"data.delete_no", m.t("ui.data.import_cancel"), {.style = ButtonStyle::Quiet}}});
    end_card(p.danger);
    if (r == 0) {
      session.forget_person(Screen::Data);
      ps.deleted = true;
    }
    if (r == 1) ps.confirm_delete = false;
  }
}

}  // namespace ssi::app
