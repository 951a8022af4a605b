// The UI driven headless as a person would: by clicking the rectangles the widget log reports.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <imgui.h>

#include "app/glyphs.h"
#include "app/imgui_access.h"
#include "app/session.h"
#include "app/theme.h"
#include "harness.h"

namespace ssi::test {
namespace {

TEST(Ui, StartsInTheBrowserLanguage) {
  Harness de(390, 844, "de-AT");
  ASSERT_TRUE(de.ok) << de.error;
  EXPECT_EQ(de.model().lang(), Lang::De);
  Harness en(390, 844, "fr-FR");
  ASSERT_TRUE(en.ok) << en.error;
  EXPECT_EQ(en.model().lang(), Lang::En);
}

TEST(Ui, LanguageSwitchByClickKeepsWidgetIds) {
  Harness h(390, 844, "de-DE");
  ASSERT_TRUE(h.ok) << h.error;
  std::set<std::string> ids_de;
  for (const auto& w : app::widget_log().last()) ids_de.insert(w.id);
  const auto start_de = h.widget("welcome.start");
  ASSERT_TRUE(start_de);

  ASSERT_TRUE(h.click("lang.en"));
  EXPECT_EQ(h.model().lang(), Lang::En);
  std::set<std::string> ids_en;
  for (const auto& w : app::widget_log().last()) ids_en.insert(w.id);
  EXPECT_EQ(ids_de, ids_en);
  const auto start_en = h.widget("welcome.start");
  ASSERT_TRUE(start_en);
  EXPECT_NE(start_de->label, start_en->label);

  ASSERT_TRUE(h.click("lang.de"));
  EXPECT_EQ(h.model().lang(), Lang::De);
}

TEST(Ui, AboutOpensTheLicenceTextsInANewTab) {
  Harness h(390, 844, "de-DE");
  ASSERT_TRUE(h.ok) << h.error;
  ASSERT_TRUE(h.click("welcome.about"));
  h.settle();
  ASSERT_EQ(h.model().screen(), app::Screen::About);
  const auto link = h.widget("about.licences");
  ASSERT_TRUE(link);
  EXPECT_EQ(link->label, "Lizenztexte");
  EXPECT_TRUE(h.host.documents.empty());
  ASSERT_TRUE(h.click("about.licences"));
  EXPECT_EQ(h.host.documents, std::vector<std::string>{"licences.txt"});
  EXPECT_EQ(h.model().screen(), app::Screen::About);  // the page stays where it was; the texts open beside it
}

TEST(Ui, EveryWidgetFitsOnScreenAtPhoneTabletAndDesktopSizes) {
  for (const ImVec2 size : {ImVec2(390, 844), ImVec2(768, 1024), ImVec2(1440, 900)}) {
    for (const char* lang : {"de-DE", "en-US"}) {
      Harness h(size.x, size.y, lang);
      ASSERT_TRUE(h.ok) << h.error;
      ASSERT_FALSE(app::widget_log().last().empty());
      for (const auto& w : app::widget_log().last()) {
        EXPECT_GE(w.rect.Min.x, 0.0f) << w.id << " at " << size.x;
        EXPECT_LE(w.rect.Max.x, size.x) << w.id << " at " << size.x;
      }
      for (const auto& w : app::widget_log().tree()) {  // whole rects: a widget cut by the window edge is whole
        if (!w.interactive() || !w.visible) continue;
        EXPECT_GE(w.rect.GetHeight(), 44.0f) << w.id << " is too small a touch target";
        EXPECT_GE(w.rect.GetWidth(), 44.0f) << w.id << " is too narrow a touch target";
      }
    }
  }
}

TEST(Ui, IdleAfterSettling) {
  Harness h;
  ASSERT_TRUE(h.ok) << h.error;
  h.frames(3);
  EXPECT_FALSE(h.app.animating());
}

}  // namespace
}  // namespace ssi::test

namespace ssi::test {
namespace {

TEST(Ui, RemembersTheChosenLanguage) {
  std::map<std::string, std::string, std::less<>> storage;
  {
    Harness h(390, 844, "de-DE");
    ASSERT_TRUE(h.ok) << h.error;
    ASSERT_TRUE(h.click("lang.en"));
    h.app.flush();
    storage = h.host.storage;
  }
  ASSERT_TRUE(storage.count("ssi-selfcheck.store"));
  // A new start on the same device: the stored choice wins over the browser's German.
  Harness again(390, 844, "de-DE", storage);
  ASSERT_TRUE(again.ok) << again.error;
  EXPECT_EQ(again.model().lang(), Lang::En);
}

}  // namespace
}  // namespace ssi::test

namespace ssi::test {
namespace {

TEST(Ui, KeepsDrawingUntilAScrollRequestHasBeenApplied) {
  Harness h(390, 844, "en-US");
  ASSERT_TRUE(h.ok) << h.error;
  h.app.scroll_by(300);
  h.frame();  // the frame that asks ImGui to scroll; ImGui moves the content only in the next one
  EXPECT_TRUE(h.app.animating()) << "the runner would stop before the scroll shows";
  h.frames(2);
  EXPECT_FALSE(h.app.animating());
}

}  // namespace
}  // namespace ssi::test

namespace ssi::test {
namespace {

TEST(Ui, FocusAndActivationFromThePageReachTheWidget) {
  Harness h(1280, 900, "en-US");
  ASSERT_TRUE(h.ok) << h.error;
  for (const char* id : {"lang.de", "nav.menu", "welcome.start", "lang.en"}) {
    h.app.focus_widget(id);
    h.settle();
    ASSERT_NE(app::widget_log().focused(), nullptr) << id;
    EXPECT_EQ(app::widget_log().focused()->id, id);
  }
  h.app.activate_widget("nav.menu");
  h.settle();
  EXPECT_TRUE(h.widget("menu.data")) << "the menu opened";
  ASSERT_NE(app::widget_log().focused(), nullptr);
  EXPECT_EQ(app::widget_log().focused()->id, "menu.questionnaire") << "its first entry took the focus";
  h.app.activate_widget("menu.data");
  h.settle();
  EXPECT_EQ(h.model().screen(), app::Screen::Data);
  EXPECT_FALSE(h.widget("menu.data")) << "the menu closed";
}

// The questionnaire's and the results' code arrives after the first frame on the web (Host::code_ready()): started
// earlier, the screen says it is loading, draws nothing of its own, keeps the keyboard focus for its first option and
// appears with the next frame after the code is in.
TEST(Ui, AScreenWhoseCodeIsOnItsWayWaitsWithANoteAndAppearsWhenItArrives) {
  Harness h(1280, 900, "de-DE");
  ASSERT_TRUE(h.ok) << h.error;
  h.host.code_arrived = false;
  h.settle();
  h.app.focus_widget("welcome.start");  // by keyboard: the new screen's first control takes the focus
  h.settle();
  h.key(ImGuiKey_Enter);
  h.settle();
  EXPECT_EQ(h.model().screen(), app::Screen::Questionnaire);
  const auto has = [](std::string_view role, std::string_view label) {
    for (const auto& w : app::widget_log().tree())
      if (w.role == role && (label.empty() || w.label == label)) return true;
    return false;
  };
  const std::string note = h.model().t("ui.code.pending");
  EXPECT_TRUE(has("text", note));
  EXPECT_FALSE(has("radio", "")) << "no option drawn without the code";
  EXPECT_FALSE(h.app.animating()) << "the app waits idle for the platform's next frame";
  h.host.code_arrived = true;
  h.frame();  // the frame the web page asks for when the code has arrived (ssi_on_code_settled)
  h.settle();
  EXPECT_FALSE(has("text", note));
  EXPECT_TRUE(has("radio", ""));
  ASSERT_NE(app::widget_log().focused(), nullptr);
  EXPECT_EQ(app::widget_log().focused()->role, "radio") << "the first option took the focus once it was drawn";
}

// A text's node keeps its id when another text appears above it (ids come from the text, not the order), so the
// page's mirror changes one node, not every one after it; a text shown twice gets two ids.
TEST(Ui, TextNodesKeepTheirIdsWhenATextAppearsAbove) {
  Harness h;
  h.frame();
  auto text_ids = [](bool notice_above) {
    ImGui::NewFrame();
    app::widget_log().begin_frame();
    ImGui::Begin("texts");
    if (notice_above) app::paragraph("A notice that just appeared");
    app::paragraph("First");
    app::paragraph("Second");
    app::paragraph("First");
    ImGui::End();
    app::widget_log().end_frame();
    ImGui::Render();
    std::vector<std::pair<std::string, std::string>> ids;  // label, id
    for (const auto& w : app::widget_log().tree())
      if (w.role == "text") ids.emplace_back(w.label, w.id);
    return ids;
  };
  auto without = text_ids(false);
  auto with = text_ids(true);
  ASSERT_EQ(without.size(), 3u);
  ASSERT_EQ(with.size(), 4u);
  with.erase(with.begin());
  EXPECT_EQ(with, without);
  EXPECT_NE(without[0].second, without[2].second) << "the same text twice has two ids";
}

TEST(Ui, EveryNodeIdIsUniqueOnEveryScreen) {
  Harness h(1280, 900, "de-DE");
  ASSERT_TRUE(h.ok) << h.error;
  h.app.activate_widget("nav.menu");
  h.settle();
  for (int s = 0; s < app::kScreenCount; ++s) {
    const auto screen = static_cast<app::Screen>(s);
    if (screen == app::Screen::Presenter) continue;
    h.model().show(screen);
    h.settle();
    std::set<std::string> ids;
    for (const auto& w : app::widget_log().tree())
      EXPECT_TRUE(ids.insert(w.id).second) << w.id << " twice on " << app::screen_key(screen);
  }
}

}  // namespace
}  // namespace ssi::test

namespace ssi::test {
namespace {

// Issue 12: at the largest text size (200 %) on a phone, nothing needs horizontal scrolling, on any screen.
TEST(Ui, TwiceTheTextOnAPhoneFitsTheWidthOfEveryScreen) {
  for (const char* lang : {"de-DE", "en-US"}) {
    Harness h(390, 844, lang);
    ASSERT_TRUE(h.ok) << h.error;
    ASSERT_TRUE(h.click("nav.menu"));
    while (h.widget("text.larger") && !h.widget("text.larger")->disabled) ASSERT_TRUE(h.click("text.larger"));
    EXPECT_EQ(h.app.font_scale(), 2.0f);
    for (int s = 0; s < app::kScreenCount; ++s) {
      const auto screen = static_cast<app::Screen>(s);
      if (screen == app::Screen::Presenter) continue;  // slides scale to the window on their own
      h.model().show(screen);
      h.settle();
      for (const auto& w : app::widget_log().tree()) {
        if (w.rect.GetWidth() <= 0) continue;
        EXPECT_GE(w.rect.Min.x, -0.5f) << w.id << " on " << app::screen_key(screen) << " (" << lang << ")";
        EXPECT_LE(w.rect.Max.x, 390.5f) << w.id << " on " << app::screen_key(screen) << " (" << lang << ")";
      }
    }
  }
}

TEST(Ui, TheTextSizeIsKeptWithThePersonsSettingsAndFollowsTheBrowsers) {
  Harness h(1280, 900, "en-US");
  ASSERT_TRUE(h.ok) << h.error;
  ASSERT_TRUE(h.click("nav.menu"));
  ASSERT_TRUE(h.click("text.larger"));
  ASSERT_TRUE(h.click("text.larger"));
  EXPECT_EQ(h.app.font_scale(), 1.5f);
  h.app.flush();
  Harness again(1280, 900, "en-US", h.host.storage);
  ASSERT_TRUE(again.ok) << again.error;
  again.frames(2);
  EXPECT_EQ(again.app.font_scale(), 1.5f) << "restored from the stored settings";
  again.host.text_scale_factor = 1.25f;  // the browser's text size went from 16 px to 20 px
  again.app.environment_changed();
  again.frames(2);
  EXPECT_FLOAT_EQ(again.app.font_scale(), 1.875f);
}

// A first visit's atlas holds the welcome screen's sizes only; the results' big numbers are added when first shown,
// and the frame that asked for them is drawn again: what it shows equals a start with every size in the atlas.
TEST(Ui, TheFontAtlasGainsASizeWhenFirstShownAndNoStandInIsSeen) {
  const auto first_results_frame = [](bool every_size, int* atlas_fonts, int* results_fonts, int* rebuilds) {
    Harness h(390, 844, "en-US");
    EXPECT_TRUE(h.ok) << h.error;
    h.settle();
    ImGuiIO& io = ImGui::GetIO();
    if (every_size) {
      app::theme().want_fonts(true);
      io.Fonts->Clear();
      h.app.load_fonts(1.0f);
      unsigned char* pixels = nullptr;
      int w = 0, height = 0;
      io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &height);
    }
    *atlas_fonts = io.Fonts->Fonts.Size;
    answer_all(h);
    h.model().show(app::Screen::Results);
    // The lazy atlas draws the first results frame twice (with a stand-in, then with the new size): two ImGui
    // frames at the same time, as a full atlas does here.
    if (every_size) app::run_frame(h.app);
    h.frame();
    *results_fonts = io.Fonts->Fonts.Size;
    *rebuilds = h.font_rebuilds;
    EXPECT_FALSE(h.app.fonts_missing());
    // What is drawn: every vertex's position and colour (not its atlas coordinates, which depend on the packing).
    std::string drawn = h.app.semantics_json();
    const ImDrawData* data = ImGui::GetDrawData();
    for (int l = 0; l < data->CmdListsCount; ++l)
      for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer)
        drawn += std::to_string(std::lround(v.pos.x * 64)) + "," + std::to_string(std::lround(v.pos.y * 64)) + "," +
                 std::to_string(v.col) + ";";
    return drawn;
  };
  int welcome_fonts = 0, results_fonts = 0, rebuilds = 0;
  const std::string lazy = first_results_frame(false, &welcome_fonts, &results_fonts, &rebuilds);
  EXPECT_EQ(welcome_fonts, 5) << "the welcome screen's five sizes, without the display size";
  EXPECT_EQ(results_fonts, 6);
  EXPECT_EQ(rebuilds, 1);
  const std::string eager = first_results_frame(true, &welcome_fonts, &results_fonts, &rebuilds);
  EXPECT_EQ(welcome_fonts, 6);
  EXPECT_EQ(rebuilds, 0);
  EXPECT_EQ(lazy, eager);
}

// Inter's files hold TrueType outlines (cmake/subset_fonts.py): stb_truetype reads CFF through an interpreter, twice
// per glyph, and the first frame's atlas took twice as long.
TEST(Ui, TheTextFontsHaveTrueTypeOutlines) {
  const auto table = [](std::string_view font, std::string_view tag) {
    if (font.size() < 12) return false;
    const auto u16 = [&](std::size_t at) {
      return static_cast<unsigned>(static_cast<unsigned char>(font[at]) << 8 |
                                   static_cast<unsigned char>(font[at + 1]));
    };
    for (std::size_t i = 0, n = u16(4); i < n && 12 + 16 * i + 4 <= font.size(); ++i)
      if (font.substr(12 + 16 * i, 4) == tag) return true;
    return false;
  };
  for (const char* name : {"fonts/inter-regular.ttf", "fonts/inter-semibold.ttf", "fonts/inter-regular-wide.ttf",
                           "fonts/inter-semibold-wide.ttf"}) {
    const std::string_view font = assets::get(name);
    ASSERT_FALSE(font.empty()) << name;
    EXPECT_EQ(font.substr(0, 4), std::string_view("\0\1\0\0", 4)) << name;
    EXPECT_TRUE(table(font, "glyf")) << name;
    EXPECT_FALSE(table(font, "CFF ")) << name;
  }
}

// Every icon slot holds its glyph in every size (cmake/subset_fonts.py moved Font Awesome's glyphs there), and no
// font's tables reach Font Awesome's own code points (the cost the slots avoid).
TEST(Ui, EveryIconIsInEveryFontAtItsSlot) {
  Harness h(390, 844, "en-US");
  ASSERT_TRUE(h.ok) << h.error;
  app::theme().want_fonts(true);
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  h.app.load_fonts(1.0f);
  ASSERT_TRUE(io.Fonts->Build());
  ASSERT_EQ(io.Fonts->Fonts.Size, static_cast<int>(app::Font::Count));
  for (const ImFont* font : io.Fonts->Fonts) {
    for (ImWchar c = app::glyphs::kIconRanges[0]; c <= app::glyphs::kIconRanges[1]; ++c)
      EXPECT_NE(font->FindGlyphNoFallback(c), nullptr) << "icon U+" << std::hex << c << " at " << font->FontSize;
    EXPECT_NE(font->FindGlyphNoFallback(u'\u00df'), nullptr) << "ß";
    EXPECT_LT(font->IndexLookup.Size, 0x2300) << "the glyph tables end after the text's ≥ sign";
  }
}

}  // namespace
}  // namespace ssi::test

namespace ssi::test {
namespace {

// Every font of the atlas (each size, regular and semibold) draws it; none does.
bool atlas_has(ImWchar c) {
  for (ImFont* f : ImGui::GetIO().Fonts->Fonts)
    if (!f->FindGlyphNoFallback(c)) return false;
  return true;
}
bool atlas_lacks(ImWchar c) {
  for (ImFont* f : ImGui::GetIO().Fonts->Fonts)
    if (f->FindGlyphNoFallback(c)) return false;
  return true;
}

// Latin Extended-A is rasterised only once a text shows it (glyphs.h): a first visit's atlas has a third of the glyphs.
TEST(Ui, LatinExtendedAJoinsTheAtlasBeforeANameWithItIsShown) {
  Harness h(390, 844, "de");
  ASSERT_TRUE(h.ok) << h.error;
  EXPECT_TRUE(atlas_has(0x00E4));  // ä
  EXPECT_TRUE(atlas_lacks(0x0141)) << "a first visit shows no Ł";
  h.model().show(app::Screen::Handover);
  h.frame();
  h.settle();
  EXPECT_TRUE(atlas_lacks(0x0141));
  const int rebuilds = h.font_rebuilds;
  EXPECT_TRUE(h.host.font_requests.empty()) << "the page does not embed them: fetched only when needed";
  h.app.session().person.handover.nickname = "Łukasz";
  h.frame();
  EXPECT_TRUE(atlas_has(0x0141));
  EXPECT_EQ(h.host.font_requests,
            (std::vector<std::string>{"fonts/inter-regular-wide.ttf", "fonts/inter-semibold-wide.ttf"}));
  EXPECT_EQ(h.font_rebuilds, rebuilds + 1) << "the frame that first showed it was drawn again, with the glyph";
  EXPECT_FALSE(h.app.fonts_missing());
  h.frame();
  EXPECT_EQ(h.font_rebuilds, rebuilds + 1) << "once in the atlas, it stays";
}

// The embedded fonts hold only what the shipped texts use (glyphs::kBaseRanges): every screen, filled, in either
// language draws without the wide fonts, and a name with any other accent (é) brings them in.
TEST(Ui, EveryScreenDrawsWithTheEmbeddedGlyphsAndAnAccentBeyondThemJoins) {
  for (const char* language : {"de-DE", "en-US"}) {
    Harness h(390, 844, language);
    ASSERT_TRUE(h.ok) << h.error;
    answer_all(h);
    h.app.session().save_check();
    for (int i = 0; i < app::kScreenCount; ++i) {
      h.model().show(static_cast<app::Screen>(i));
      h.frames(2);
      h.settle();
      EXPECT_TRUE(h.host.font_requests.empty()) << language << " " << app::screen_key(static_cast<app::Screen>(i));
    }
    EXPECT_TRUE(atlas_lacks(0x00E9)) << language;
    h.model().show(app::Screen::Handover);
    h.app.session().person.handover.nickname = "Jos\u00e9";
    h.frame();
    EXPECT_TRUE(atlas_has(0x00E9)) << language;
    EXPECT_EQ(h.host.font_requests.size(), 2u) << language;
  }
}

TEST(Ui, WithoutTheWideFontsANameWithLatinExtendedAStillShows) {
  Harness h(390, 844, "de");
  ASSERT_TRUE(h.ok) << h.error;
  h.host.fonts_missing = true;  // offline before the service worker held them
  h.model().show(app::Screen::Handover);
  h.frame();
  h.settle();
  const int rebuilds = h.font_rebuilds;
  h.app.session().person.handover.nickname = "Łukasz";
  h.frame();
  EXPECT_EQ(h.font_rebuilds, rebuilds + 1) << "rebuilt once for the name";
  EXPECT_TRUE(atlas_lacks(0x0141));
  EXPECT_TRUE(atlas_has(0x00E4));
  const auto& nodes = app::widget_log().tree();
  EXPECT_TRUE(std::any_of(nodes.begin(), nodes.end(), [](const auto& w) { return w.value == "Łukasz"; }))
      << "the name is drawn (its Ł as the fallback glyph)";
  h.frames(3);
  EXPECT_EQ(h.font_rebuilds, rebuilds + 1) << "not again and again";
  EXPECT_EQ(h.host.font_requests.size(), 2u) << "asked for once";
}

TEST(Ui, AWideFontFileThatIsNoFontIsLeftOut) {
  Harness h(390, 844, "de");
  ASSERT_TRUE(h.ok) << h.error;
  h.host.font_bodies["fonts/inter-semibold-wide.ttf"] = "<!doctype html><title>Not found</title>";  // a host's page
  h.model().show(app::Screen::Handover);
  h.app.session().person.handover.nickname = "Łukasz";
  h.frame();
  h.settle();
  const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  int with = 0;
  for (ImFont* f : atlas->Fonts) with += f->FindGlyphNoFallback(0x0141) != nullptr;
  EXPECT_GT(with, 0) << "the regular face has it";
  EXPECT_LT(with, atlas->Fonts.Size) << "the semibold face went without";
  EXPECT_TRUE(atlas_has(0x00E4)) << "every other glyph is there";
}

TEST(Ui, HandoverShowsEveryComponentNameWholeWhereItHasRoom) {
  // Full names on a desktop, drawn uncut; short ones on a phone, also uncut.
  for (const auto& [width, height, language, full] : {std::tuple{1280.0f, 800.0f, "en-US", true},
                                                      {1024.0f, 768.0f, "de-DE", true},
                                                      {390.0f, 844.0f, "en-US", false},
                                                      {390.0f, 844.0f, "de-DE", false}}) {
    Harness h(width, height, language);
    ASSERT_TRUE(h.ok) << h.error;
    h.model().show(app::Screen::Handover);
    h.settle();
    const long cut = app::texts_cut();
    h.frame();
    EXPECT_EQ(app::texts_cut(), cut) << width << " " << language << ": a component name is cut";
    const auto& nodes = app::widget_log().tree();
    const auto brand =
        std::find_if(nodes.begin(), nodes.end(), [](const auto& w) { return w.id == "handover.component.0"; });
    ASSERT_NE(brand, nodes.end());
    EXPECT_EQ(brand->label.size() > 12, full) << width << " " << language << ": " << brand->label;
  }
}

TEST(Ui, TheQuestionCounterStaysOnOneLineBesideTheComponent) {
  // At 1280 px it wrapped ("Frage 1 von" / "34") in exactly the width it was measured to need.
  for (const auto& [width, language] : {std::pair{1280.0f, "de-DE"}, {1024.0f, "en-US"}, {390.0f, "de-DE"}}) {
    Harness h(width, 800.0f, language);
    ASSERT_TRUE(h.ok) << h.error;
    h.settle();
    ASSERT_TRUE(h.click("welcome.start"));
    h.settle();
    const std::string counter =
        h.model().t("ui.q.progress", {{"index", "1"}, {"count", std::to_string(h.model().visible_count())}});
    const auto& nodes = app::widget_log().tree();
    const auto found = std::find_if(nodes.begin(), nodes.end(), [&](const auto& w) { return w.label == counter; });
    ASSERT_NE(found, nodes.end()) << counter;
    EXPECT_LT(found->rect.GetHeight(), 1.5f * app::text_size(counter, app::Font::Small).y) << width << " " << language;
  }
}

}  // namespace
}  // namespace ssi::test
