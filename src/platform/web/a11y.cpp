#include "platform/web/a11y.h"

#include <emscripten/emscripten.h>

#include <algorithm>
#include <string>

#include "app/app.h"
#include "platform/web/web_backend.h"

// One element per node, keyed by the node's stable id; attributes are written only when they differ, and an
// element moves only when its place in reading order changed (moving a focused element would blur it).
// EM_JS bodies are JavaScript, which clang-format would break ("===" becomes "== =").
// clang-format off
EM_JS(void, ssi_js_a11y_update, (const char* json, int len), {
  var A = window.ssiA11y;
  if (!A) {
    var root = document.getElementById("a11y");
    A = window.ssiA11y = { root: root, els: new Map(), focusing: null };
    var send = function(fn, id) {
      var ptr = ssiNewUTF8(id);
      if (!ptr) return;
      fn(ptr);
      _free(ptr);
    };
    A.interactive = function(el) { return el.tagName === "BUTTON" || el.getAttribute("role") === "textbox"; };
    root.addEventListener("focusin", function(e) {
      var id = e.target.dataset ? e.target.dataset.id : null;
      if (id && id !== A.focusing && A.interactive(e.target)) send(_ssi_on_a11y_focus, id);
    });
    root.addEventListener("click", function(e) {
      var el = e.target.closest ? e.target.closest("[data-id]") : null;
      if (!el || !A.interactive(el) || el.getAttribute("aria-disabled") === "true") return;
      e.preventDefault();
      send(_ssi_on_a11y_activate, el.dataset.id);
    });
    A.focus = function(id) {
      var el = A.els.get(id);
      if (!el || document.activeElement === el) return;
      A.focusing = id;
      el.focus({ preventScroll: true });
      A.focusing = null;
    };
    A.snapshot = function() {
      var implicit = { BUTTON: "button", H1: "heading", H2: "heading", H3: "heading", P: "text",
                       NAV: "navigation", SECTION: "region", UL: "list", OL: "list", LI: "listitem" };
      return Array.prototype.map.call(root.querySelectorAll("[data-id]"), function(el) {
        var r = el.getBoundingClientRect();
        var at = function(name) { return el.getAttribute(name); };
        var parent = el.parentElement && el.parentElement.dataset ? el.parentElement.dataset.id : undefined;
        return {
          id: el.dataset.id, role: at("role") || implicit[el.tagName] || "generic", parent: parent || null,
          name: at("aria-label") || (at("role") === "textbox" ? "" : el.textContent),
          value: at("role") === "textbox" ? el.textContent : (at("aria-valuetext") || ""),
          level: /^H[1-6]$/.test(el.tagName) ? Number(el.tagName[1]) : 0,
          checked: at("aria-checked") === "true", selected: at("aria-selected") === "true",
          pressed: at("aria-pressed") === "true", current: at("aria-current") === "page",
          expanded: at("aria-expanded") === null ? null : at("aria-expanded") === "true",
          disabled: at("aria-disabled") === "true", invalid: at("aria-invalid") === "true",
          focused: document.activeElement === el,
          x: Math.round(r.left * 10) / 10, y: Math.round(r.top * 10) / 10,
          w: Math.round(r.width * 10) / 10, h: Math.round(r.height * 10) / 10,
        };
      });
    };
  }
  var nodes = JSON.parse(UTF8ToString(json, len));
  var tags = {
    button: "button", tab: "button", radio: "button", link: "button", checkbox: "button",
    text: "p", navigation: "nav", region: "section", listitem: "li",
  };
  var roles = {
    tab: "tab", radio: "radio", link: "link", checkbox: "checkbox", textbox: "textbox", list: "list", listitem: "listitem",
    group: "group", radiogroup: "radiogroup", tablist: "tablist", table: "table", row: "row", cell: "cell",
    columnheader: "columnheader", rowheader: "rowheader", meter: "meter", img: "img", note: "note",
    status: "status", alert: "alert",
  };
  var hasChildren = new Array(nodes.length).fill(false);
  var wanted = new Set();
  nodes.forEach(function(n) { if (n.p !== undefined) hasChildren[n.p] = true; wanted.add(n.i); });
  A.els.forEach(function(el, id) { if (!wanted.has(id)) { el.remove(); A.els.delete(id); } });
  var placed = [];   // the element of each node
  var cursor = new Map();  // parent element -> last child placed in it
  var set = function(el, name, value) {
    if (value === null || value === undefined || value === "") { if (el.hasAttribute(name)) el.removeAttribute(name); }
    else if (el.getAttribute(name) !== String(value)) el.setAttribute(name, String(value));
  };
  nodes.forEach(function(n, i) {
    var tag = n.r === "heading" ? "h" + Math.min(Math.max(n.l || 2, 1), 3)
            : n.r === "list" ? (n.o ? "ol" : "ul") : (tags[n.r] || "div");
    var el = A.els.get(n.i);
    if (!el || el.ssiTag !== tag || el.ssiRole !== n.r) {
      if (el) el.remove();
      el = document.createElement(tag);
      el.ssiTag = tag;
      el.ssiRole = n.r;
      el.dataset.id = n.i;
      el.dataset.role = n.r;
      if (tag === "button") el.type = "button";
      // A text field is an ARIA textbox, not an <input>: ImGui edits it, and a real form field would have Chrome
      // ask its autofill service about the page.
      if (n.r === "textbox") el.tabIndex = 0;
      A.els.set(n.i, el);
    }
    var parent = n.p !== undefined ? nodes[n.p] : null;
    var parentEl = parent ? placed[n.p] : A.root;
    var after = cursor.get(parentEl) || null;
    var next = after ? after.nextSibling : parentEl.firstChild;
    if (next !== el) parentEl.insertBefore(el, next);
    cursor.set(parentEl, el);
    placed[i] = el;
    var s = el.style;
    var left = n.x - (parent ? parent.x : 0), top = n.y - (parent ? parent.y : 0);
    if (el.ssiLeft !== left) s.left = (el.ssiLeft = left) + "px";
    if (el.ssiTop !== top) s.top = (el.ssiTop = top) + "px";
    if (el.ssiWidth !== n.w) s.width = (el.ssiWidth = n.w) + "px";
    if (el.ssiHeight !== n.h) s.height = (el.ssiHeight = n.h) + "px";
    var leaf = !hasChildren[i];
    // Most nodes of a changed tree did not change (or only moved): their attributes are left alone.
    var was = el.ssiNode;
    el.ssiNode = n;
    n.leaf = leaf;
    if (was && was.n === n.n && was.v === n.v && was.d === n.d && was.s === n.s && was.off === n.off &&
        was.bad === n.bad && was.l === n.l && was.e === n.e && was.leaf === leaf &&
        String(was.m) === String(n.m)) return;
    set(el, "role", roles[n.r] || null);
    var named = n.r === "textbox" || tag === "nav" || tag === "section" || n.r === "meter" || n.r === "img" || !leaf;
    set(el, "aria-label", named ? n.n : null);
    var text = n.r === "textbox" ? (n.v || "") : (named ? null : n.n);
    if (text !== null && el.textContent !== text) el.textContent = text;
    set(el, "aria-description", n.d || null);
    set(el, "aria-checked", n.r === "radio" || n.r === "checkbox" ? (n.s ? "true" : "false") : null);
    set(el, "aria-selected", n.r === "tab" ? (n.s ? "true" : "false") : null);
    set(el, "aria-current", n.r === "link" && n.s ? "page" : null);
    set(el, "aria-expanded", n.e === undefined ? null : (n.e ? "true" : "false"));
    set(el, "aria-pressed", n.r === "button" && n.e === undefined && n.s ? "true" : null);
    set(el, "aria-disabled", n.off ? "true" : null);
    set(el, "aria-invalid", n.bad ? "true" : null);
    set(el, "aria-valuetext", n.r === "meter" ? n.v : null);
    set(el, "aria-valuenow", n.m ? n.m[0] : null);
    set(el, "aria-valuemin", n.m ? 0 : null);
    set(el, "aria-valuemax", n.m ? n.m[1] : null);
  });
});

EM_JS(void, ssi_js_a11y_focus, (const char* id, int len), {
  if (window.ssiA11y) window.ssiA11y.focus(UTF8ToString(id, len));
});

EM_JS(int, ssi_js_a11y_button_focused, (), {
  var el = document.activeElement;
  return el && el.tagName === "BUTTON" && el.closest("#a11y") ? 1 : 0;
});
// clang-format on

namespace ssi::platform::a11y {
namespace {
unsigned long long g_revision = ~0ull;
std::string g_focus;
std::string g_arriving;  // the page moved its focus here; ImGui's follows within a few frames
int g_arriving_frames = 0;
app::App* g_app = nullptr;
Cost g_cost;
}  // namespace

Cost cost() { return g_cost; }
void reset_cost() { g_cost = {}; }

void after_frame(app::App& app) {
  g_app = &app;
  if (app.semantics_revision() != g_revision) {
    g_revision = app.semantics_revision();
    const double start = emscripten_get_now();
    const std::string& json = app.semantics_json();
    ssi_js_a11y_update(json.data(), static_cast<int>(json.size()));
    const double ms = app.semantics_ms() + emscripten_get_now() - start;
    g_cost.frames += 1;
    g_cost.tree_ms += app.semantics_ms();
    g_cost.total_ms += ms;
    g_cost.max_ms = std::max(g_cost.max_ms, ms);
  }
  // Keyboard focus moved inside ImGui (arrow keys, a new screen): the page's focus follows. While ImGui is still
  // taking over a focus the page gave it (that takes a frame or two), its old focus must not pull the page's back.
  std::string focus = app.focused_widget();
  if (!g_arriving.empty()) {
    if (focus != g_arriving && ++g_arriving_frames < 6) return;
    g_arriving.clear();
  }
  if (focus != g_focus) {
    g_focus = std::move(focus);
    if (!g_focus.empty()) ssi_js_a11y_focus(g_focus.data(), static_cast<int>(g_focus.size()));
  }
}

bool button_has_focus() { return ssi_js_a11y_button_focused() != 0; }

extern "C" {
EMSCRIPTEN_KEEPALIVE void ssi_on_a11y_focus(const char* id) {
  if (!g_app || !id) return;
  g_focus = id;  // already where the page's focus is: don't echo it back
  g_arriving = id;
  g_arriving_frames = 0;
  g_app->focus_widget(id);
  web_backend::request_frame();
}
EMSCRIPTEN_KEEPALIVE void ssi_on_a11y_activate(const char* id) {
  if (!g_app || !id) return;
  g_app->activate_widget(id);
  web_backend::request_frame();
}
}

}  // namespace ssi::platform::a11y
