#pragma once
// Drives the real App headless: an ImGui context with a built font atlas, a fake host, synthetic input.
#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/model.h"
#include "app/widgets.h"
#include "assets/assets.h"

namespace ssi::test {

// A rare text's stand-in (ssi::kRareStandIn) must never reach the person: a test fails when one is handed to the host
// or left in a shown frame (harness.cpp).
void expect_no_stand_in(std::string_view where, std::string_view text);

class FakeHost final : public app::Host {
 public:
  std::string language = "de-DE";
  bool dark = false;
  bool reduced_motion = true;
  double now = 1000.0;
  std::map<std::string, std::string, std::less<>> storage;
  std::string clipboard;
  bool storage_works = true;
  std::optional<std::size_t> quota_bytes;  // storage_set fails beyond it (keys and values together)
  double epoch = 1764000000000.0;          // 2025-11-24T16:00:00Z
  std::uint64_t next_random = 0x1234;
  std::vector<double> wakes;
  struct Download {
    std::string name, mime, bytes;
  };
  std::vector<Download> downloads;
  int file_picks = 0;
  bool picked_multiple = false;

  std::string preferred_language() const override { return language; }
  // The shipped texts as the page fetches them; a language in texts_missing cannot be had (offline), one in
  // texts_given comes with that text instead (another build's).
  std::vector<Lang> texts_missing;
  std::map<Lang, std::string> texts_given;
  std::vector<Lang> text_requests;
  // The rare texts likewise (asked for only when a screen or a drawn text needs them).
  std::vector<Lang> rare_missing;
  std::vector<Lang> rare_requests;
  std::string text_file(Lang lang, app::TextPart part) override {
    const auto in = [&](const std::vector<Lang>& langs) {
      return std::find(langs.begin(), langs.end(), lang) != langs.end();
    };
    if (part == app::TextPart::Rare) {
      rare_requests.push_back(lang);
      if (in(rare_missing)) return {};
      return std::string(assets::get(lang == Lang::De ? "content/rare.de.txt" : "content/rare.en.txt"));
    }
    text_requests.push_back(lang);
    if (in(texts_missing)) return {};
    if (texts_given.count(lang)) return texts_given.at(lang);
    return std::string(assets::get(lang == Lang::De ? "content/texts.de.txt" : "content/texts.en.txt"));
  }
  // The wide fonts as the page fetches them; fonts_missing: not to be had (offline); font_bodies: what a host
  // answers instead.
  bool fonts_missing = false;
  std::map<std::string, std::string, std::less<>> font_bodies;
  std::vector<std::string> font_requests;
  std::string font_file(std::string_view name) override {
    font_requests.emplace_back(name);
    if (const auto body = font_bodies.find(name); body != font_bodies.end()) return body->second;
    return fonts_missing ? std::string() : std::string(assets::get(name));
  }
  // The web page's code past the welcome screen: false while it is still loading.
  bool code_arrived = true;
  bool code_ready() const override { return code_arrived; }
  Text crash_message, crash_reload;
  void set_crash_texts(const Text& message, const Text& reload) override {
    for (const Text* t : {&message, &reload}) {
      expect_no_stand_in("crash texts", t->de);
      expect_no_stand_in("crash texts", t->en);
    }
    crash_message = message;
    crash_reload = reload;
  }
  bool prefers_dark() const override { return dark; }
  bool prefers_reduced_motion() const override { return reduced_motion; }
  double now_ms() const override { return now; }
  double epoch_ms() const override { return epoch + now; }
  std::uint64_t random64() override { return next_random++; }
  void wake_after(double ms) override { wakes.push_back(ms); }
  std::vector<std::string> storage_keys() const override {
    std::vector<std::string> keys;
    for (const auto& [k, v] : storage) keys.push_back(k);
    return keys;
  }
  void download(std::string_view name, std::string_view mime, std::string_view bytes) override {
    expect_no_stand_in("download", name);
    expect_no_stand_in("download", bytes);
    downloads.push_back({std::string(name), std::string(mime), std::string(bytes)});
  }
  void pick_file(bool multiple) override {
    ++file_picks;
    picked_multiple = multiple;
  }
  void save_image(std::string_view name) override {
    expect_no_stand_in("image", name);
    images.emplace_back(name);
  }
  void print(std::string_view report) override {
    expect_no_stand_in("print", report);
    reports.emplace_back(report);
  }
  void apply_update() override { ++updates_applied; }
  void install() override { ++installs; }
  void open_document(std::string_view path) override { documents.emplace_back(path); }
  float text_scale() const override { return text_scale_factor; }
  void announce(std::string_view text, bool assertive) override {
    expect_no_stand_in("announcement", text);
    announcements.push_back({std::string(text), assertive});
  }
  void set_page(std::string_view title, std::string_view lang) override {
    expect_no_stand_in("page title", title);
    page_title = title;
    page_lang = lang;
  }
  float text_scale_factor = 1.0f;
  struct Announcement {
    std::string text;
    bool assertive = false;
  };
  std::vector<Announcement> announcements;
  std::string page_title, page_lang;
  // The QR scanner's camera as the platform would hold it: on or off, which one, and how often it was asked for.
  bool camera_on = false, camera_front = false;
  int camera_starts = 0;
  Rect camera_view;
  void scanner(bool open, bool front, Rect view, Rect) override {
    if (open && (!camera_on || front != camera_front)) ++camera_starts;
    camera_on = open;
    camera_front = front;
    camera_view = view;
  }
  std::vector<app::ScanTone> scan_tones;  // in the order asked for, Armed included
  void scan_tone(app::ScanTone tone) override { scan_tones.push_back(tone); }
  int installs = 0;
  int updates_applied = 0;
  std::vector<std::string> images, reports, documents;  // documents: paths open_document() was asked for
  void set_clipboard(std::string_view text) override {
    expect_no_stand_in("clipboard", text);
    clipboard = text;
  }
  std::optional<std::string> storage_get(std::string_view key) const override {
    auto it = storage.find(key);
    if (it == storage.end()) return std::nullopt;
    return it->second;
  }
  bool storage_has_room(std::string_view key, std::string_view value) override {
    if (!storage_works) return false;
    if (!quota_bytes) return true;
    std::size_t used = 0;
    for (const auto& [k, v] : storage)
      if (k != key) used += k.size() + v.size();
    return used + key.size() + value.size() <= *quota_bytes;
  }
  bool storage_set(std::string_view key, std::string_view value) override {
    if (!storage_works || !storage_has_room(key, value)) return false;
    storage[std::string(key)] = value;
    return true;
  }
  void storage_remove(std::string_view key) override {
    auto it = storage.find(key);
    if (it != storage.end()) storage.erase(it);
  }
};

class Harness {
 public:
  explicit Harness(float width = 390, float height = 844, std::string language = "de-DE",
                   std::map<std::string, std::string, std::less<>> storage = {});
  ~Harness();

  void frame();
  void frames(int n) {
    for (int i = 0; i < n; ++i) frame();
  }
  void resize(float width, float height);
  // Draws frames until the app is idle (what a browser would show after the page settled).
  void settle();
  // Scrolls down until the widget with this id is on screen; false when it is nowhere.
  bool reveal(std::string_view id);
  // Clicks the centre of the widget with this id as a mouse would (scrolling to it first); false when it is
  // nowhere.
  bool click(std::string_view id);
  void key(ImGuiKey key, bool shift = false);
  // Types text into the focused field.
  void type(std::string_view text);
  std::optional<app::WidgetInfo> widget(std::string_view id) const;

  FakeHost host;
  app::App app{host};
  app::Model& model() { return app.model(); }
  bool ok = false;
  std::string error;
  int font_rebuilds = 0;  // atlas rebuilds because a frame asked for a size the atlas lacked

 private:
  ImGuiContext* context_ = nullptr;
  float font_scale_ = 1.0f;
};

// Answers every visible question with option `option` (at most the question's last), until answers make no more
// questions visible.
inline void answer_all(Harness& h, int option = 1) {
  for (bool more = true; more;) {
    more = false;
    for (const Question* q : h.model().visible_questions())
      if (!h.model().answers().count(q->id)) {
        h.model().answer(q->id, std::min(option, static_cast<int>(q->options.size()) - 1));
        more = true;
      }
  }
}

}  // namespace ssi::test
