#include "platform/web/browser.h"

#include "core/limits.h"
#include "core/ssi_json.h"

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>  // emscripten_set_timeout

#include <cstdlib>

#include <nlohmann/json.hpp>

// Strings cross the boundary as UTF-8 with their length, never as C strings (a NUL inside must not cut data):
// C++ → JS with a TextDecoder over exactly len bytes (UTF8ToString stops at a NUL), JS → C++ as a
// malloc'ed copy (pre.js's ssiNewUTF8) plus its length in an out-parameter, which the C++ side frees (take_string
// below). Short texts of the app's own (keys, titles, file names) still use UTF8ToString(ptr, len).

// EM_JS bodies are JavaScript, which clang-format would break ("===" becomes "== =").
// clang-format off
EM_JS(double, ssi_js_device_pixel_ratio, (), { return window.devicePixelRatio || 1; });

EM_JS(char*, ssi_js_text_file, (int english, int rare), {
  return ssiNewUTF8(Module.ssiTextFile((rare ? "rare." : "texts.") + (english ? "en" : "de")));  // "": not to be had
});

EM_JS(unsigned char*, ssi_js_font_file, (const char* name, int name_len, int* size), {
  var bytes = Module.ssiFontFile(UTF8ToString(name, name_len));  // pre.js: null when the file cannot be had
  if (!bytes) return 0;
  var ptr = _malloc(bytes.length || 1);
  HEAPU8.set(bytes, ptr);
  HEAP32[size >> 2] = bytes.length;
  return ptr;
});

EM_JS(int, ssi_js_code_ready, (), { return Module.ssiDeferredLoading() ? 0 : 1; });

EM_JS(char*, ssi_js_language, (), {
  return ssiNewUTF8((navigator.languages && navigator.languages[0]) || navigator.language || "en");
});

EM_JS(int, ssi_js_media, (int which), {
  var query = which === 0 ? "(prefers-color-scheme: dark)" : "(prefers-reduced-motion: reduce)";
  return window.matchMedia && window.matchMedia(query).matches ? 1 : 0;
});

EM_JS(void, ssi_js_watch_environment, (), {
  var notify = function() { _ssi_on_environment_changed(); };
  if (window.matchMedia) {
    ["(prefers-color-scheme: dark)", "(prefers-reduced-motion: reduce)"].forEach(function(q) {
      var m = window.matchMedia(q);
      if (m.addEventListener) m.addEventListener("change", notify);
    });
    // devicePixelRatio changes (browser zoom, moving to another screen) have no event of their own:
    // a resolution query for the current ratio stops matching when it changes.
    var watchDpr = function() {
      var m = window.matchMedia("(resolution: " + (window.devicePixelRatio || 1) + "dppx)");
      var onChange = function() { m.removeEventListener("change", onChange); notify(); watchDpr(); };
      m.addEventListener("change", onChange);
    };
    watchDpr();
  }
  // The browser's text size has no event of its own: a hidden box 1rem high changes size with it.
  if (window.ResizeObserver) {
    var probe = document.createElement("div");
    probe.id = "rem-probe";
    probe.setAttribute("aria-hidden", "true");
    document.body.appendChild(probe);
    var last = probe.getBoundingClientRect().height;
    new ResizeObserver(function() {
      var now = probe.getBoundingClientRect().height;
      if (now !== last) { last = now; notify(); }
    }).observe(probe);
  }
});

EM_JS(double, ssi_js_root_font_px, (), {
  var px = parseFloat(window.getComputedStyle(document.documentElement).fontSize);
  return px > 0 ? px : 16;
});

// The polite live region says what changed (a new screen, a result, a save); the assertive one only errors.
// The same text twice in a row is still said: the region is emptied first.
EM_JS(void, ssi_js_announce, (const char* text, int len, int assertive), {
  var region = document.getElementById(assertive ? "alert" : "status");
  if (!region) return;
  var message = UTF8ToString(text, len);
  // Said in the same moment (an import, then the screen it leads to): one message, so neither replaces the other.
  if (region.ssiPending) {
    clearTimeout(region.ssiPending);
    message = region.ssiMessage + " " + message;
  }
  region.textContent = "";
  region.ssiMessage = message;
  region.ssiPending = setTimeout(function() { region.ssiPending = 0; region.textContent = message; }, 50);
});

EM_JS(void, ssi_js_set_page, (const char* title, int title_len, const char* lang, int lang_len), {
  document.title = UTF8ToString(title, title_len);
  document.documentElement.lang = UTF8ToString(lang, lang_len);
});

EM_JS(char*, ssi_js_storage_get, (const char* key, int key_len, int* out_len), {
  try {
    var value = window.localStorage.getItem(UTF8ToString(key, key_len));
    return value === null ? 0 : ssiNewUTF8(value, out_len);  // with its length: a NUL inside is kept
  } catch (e) {
    return 0;  // storage disabled (privacy mode, blocked cookies): behave as empty
  }
});

EM_JS(int, ssi_js_storage_set, (const char* key, int key_len, const char* value, int value_len), {
  try {
    var text = new TextDecoder().decode(HEAPU8.subarray(value, value + value_len));
    window.localStorage.setItem(UTF8ToString(key, key_len), text);
    return 1;
  } catch (e) {
    return 0;  // quota exceeded or storage disabled
  }
});

// Probes the quota for one write: the growth over the current value, written under a throw-away key and removed
// at once. The probe has the value's kind of characters (browsers may keep Latin-1 text in one byte a character).
EM_JS(int, ssi_js_storage_has_room, (const char* key, int key_len, const char* value, int value_len), {
  var probe = "ssi-selfcheck.probe";
  try {
    var text = new TextDecoder().decode(HEAPU8.subarray(value, value + value_len));
    var old = window.localStorage.getItem(UTF8ToString(key, key_len)) || "";
    var wide = function(t) {
      for (var i = 0; i < t.length; ++i) if (t.charCodeAt(i) > 255) return true;
      return false;
    };
    var grow = wide(text) && !wide(old) ? text.length : text.length - old.length;
    if (grow <= 0) return 1;
    window.localStorage.setItem(probe, String.fromCharCode(wide(text) ? 256 : 120).repeat(grow));
    window.localStorage.removeItem(probe);
    return 1;
  } catch (e) {
    try { window.localStorage.removeItem(probe); } catch (e2) {}
    return 0;  // quota exceeded or storage disabled
  }
});

EM_JS(void, ssi_js_storage_remove, (const char* key, int key_len), {
  try { window.localStorage.removeItem(UTF8ToString(key, key_len)); } catch (e) {}
});

EM_JS(char*, ssi_js_storage_keys, (), {
  var keys = [];
  try {
    for (var i = 0; i < window.localStorage.length; ++i) keys.push(window.localStorage.key(i));
  } catch (e) {}
  return ssiNewUTF8(JSON.stringify(keys));
});

EM_JS(void, ssi_js_watch_storage_and_lifecycle, (), {
  window.addEventListener("storage", function(e) {
    if (e.key === "ssi-selfcheck.probe") return;  // another tab measuring its room (storage_has_room)
    if (e.key === null || String(e.key).indexOf("ssi-selfcheck.") === 0) _ssi_on_storage();
  });
  window.addEventListener("pagehide", function() { _ssi_on_pagehide(); });
  document.addEventListener("visibilitychange", function() {
    if (document.visibilityState === "hidden") _ssi_on_pagehide();
  });
});

EM_JS(double, ssi_js_epoch_ms, (), { return Date.now(); });

EM_JS(void, ssi_js_random, (unsigned* out), {
  var words = new Uint32Array(2);
  crypto.getRandomValues(words);
  HEAPU32[out >> 2] = words[0];
  HEAPU32[(out >> 2) + 1] = words[1];
});

// The Blob copies the bytes as it is made: it gets a view of the heap, not a copy of them first (1.4 MB at the
// largest history, several ms in the download's frame).
EM_JS(void, ssi_js_download, (const char* name, int name_len, const char* mime, int mime_len, const char* bytes, int len), {
  var blob = new Blob([HEAPU8.subarray(bytes, bytes + len)], { type: UTF8ToString(mime, mime_len) });
  var url = URL.createObjectURL(blob);
  var a = document.createElement("a");
  a.href = url;
  a.download = UTF8ToString(name, name_len);
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(function() { URL.revokeObjectURL(url); }, 10000);
});

// Reads chosen or dropped files as bytes (never Blob.text(), which would replace invalid bytes and hide
// UTF-16) and hands them to the app: one ssi_on_file() per file, then ssi_on_files_done() (the app decides by
// screen what they are: an import, hand-overs for the group view, a questionnaire; the core checks the
// encoding). A single file is cut just past its limit, so the app can refuse it by size without reading
// megabytes of an unsuitable file. Of several files (a trainer may select a whole folder) each over its limit,
// and every file past the count or the total (limits.h), is not read: it arrives with skipped 1 (size) or 2
// (count), so the app can say so.
EM_JS(void, ssi_js_install_file_reader, (double one_max, double each_max, int max_files, double total_max), {
  if (window.ssiReadFiles) return;
  window.ssiReadFiles = function(list) {
    var files = Array.prototype.slice.call(list || []);
    if (!files.length) return;
    var single = files.length === 1;
    var limit = (single ? one_max : each_max) + 1;
    var budget = total_max;
    Promise.all(files.map(function(file, i) {
      if (i >= max_files) return { name: file.name, bytes: null, skipped: 2 };
      if (!single && file.size > limit) return { name: file.name, bytes: null, skipped: 1 };
      budget -= Math.min(file.size, limit);
      if (budget < 0) return { name: file.name, bytes: null, skipped: 2 };
      return file.slice(0, limit).arrayBuffer().then(function(buffer) {
        return { name: file.name, bytes: new Uint8Array(buffer), skipped: 0 };
      }, function() { return { name: file.name, bytes: new Uint8Array(0), skipped: 0 }; });
    })).then(function(read) {
      for (var i = 0; i < read.length; ++i) {
        var name = read[i].name || "";
        var nameCopy = ssiUTF8Copy(name);
        var namePtr = nameCopy.ptr;
        var bytes = read[i].bytes;
        var ptr = bytes && bytes.length ? _malloc(bytes.length) : 0;
        if (!namePtr || (bytes && bytes.length && !ptr)) {
          console.error("not enough memory to read the files");
          if (namePtr) _free(namePtr);
          return;
        }
        if (ptr) HEAPU8.set(bytes, ptr);
        _ssi_on_file(namePtr, nameCopy.length, ptr, bytes ? bytes.length : 0, read[i].skipped);
        _free(namePtr);
        if (ptr) _free(ptr);
      }
      _ssi_on_files_done();
    });
  };
});

EM_JS(void, ssi_js_pick_file, (int multiple), {
  var input = document.getElementById("file");
  if (!input) {
    input = document.createElement("input");
    input.id = "file";
    input.type = "file";
    input.accept = ".json,application/json";
    input.addEventListener("change", function() {
      window.ssiReadFiles(input.files);
      input.value = "";
    });
    document.body.appendChild(input);
  }
  input.multiple = !!multiple;
  input.click();
});

EM_JS(void, ssi_js_watch_drop, (), {
  window.addEventListener("dragover", function(e) { e.preventDefault(); });
  window.addEventListener("drop", function(e) {
    e.preventDefault();
    window.ssiReadFiles(e.dataTransfer && e.dataTransfer.files);
  });
});

EM_JS(void, ssi_js_save_canvas_png, (const char* name, int name_len), {
  var filename = UTF8ToString(name, name_len);
  document.getElementById("canvas").toBlob(function(blob) {
    if (!blob) return;
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    a.href = url;
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function() { URL.revokeObjectURL(url); }, 10000);
  }, "image/png");
});

// The report is text only: every entry becomes an element whose textContent is set, never markup.
EM_JS(void, ssi_js_print_report, (const char* text, int len), {
  var entries = JSON.parse(UTF8ToString(text, len));
  var report = document.getElementById("report");
  if (!report) {
    report = document.createElement("article");
    report.id = "report";
    document.body.appendChild(report);
  }
  report.textContent = "";
  var list = null;
  entries.forEach(function(entry) {
    var tag = ["h1", "h2", "p", "li"].indexOf(entry[0]) >= 0 ? entry[0] : "p";
    var el = document.createElement(tag);
    el.textContent = String(entry[1]);
    if (tag === "li") {
      if (!list) { list = document.createElement("ul"); report.appendChild(list); }
      list.appendChild(el);
    } else {
      list = null;
      report.appendChild(el);
    }
  });
  window.print();
});

EM_JS(void, ssi_js_after_first_frame, (), {
  var hadController = "serviceWorker" in navigator && !!navigator.serviceWorker.controller;
  // After the first frame (this rAF runs after the app's): the rare screens' code (pre.js), then the service worker,
  // whose precache then revalidates ssi.deferred.*.wasm (a 304) instead of downloading it a second time.
  var register = function() {
    if (!("serviceWorker" in navigator)) return;
    return navigator.serviceWorker.register("sw.js", { scope: "./", updateViaCache: "all" }).then(function(registration) {
      var announce = function(worker) {
        // A waiting worker while a page is controlled is an update; the very first install is not.
        if (worker && navigator.serviceWorker.controller) _ssi_on_update_ready();
      };
      announce(registration.waiting);
      registration.addEventListener("updatefound", function() {
        var worker = registration.installing;
        if (!worker) return;
        worker.addEventListener("statechange", function() {
          if (worker.state === "installed") announce(worker);
        });
      });
      window.ssiRegistration = registration;
    }).catch(function(e) { console.warn("service worker not registered: " + e); });
  };
  new Promise(function(resolve) { requestAnimationFrame(function() { setTimeout(resolve, 0); }); }).then(function() {
    var loaded = Promise.all([
      Module.ssiLoadDeferred().catch(function(e) { console.warn("deferred code not loaded: " + e); }),
      Module.ssiFetchLater(),
    ]);
    // A stalled download must not keep the service worker, and with it offline use, away for long.
    return Promise.race([loaded, new Promise(function(resolve) { setTimeout(resolve, 5000); })]);
  }).then(register);
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.addEventListener("controllerchange", function() {
    if (hadController && window.ssiUpdating) window.location.reload();
    hadController = true;
  });
});

EM_JS(void, ssi_js_apply_update, (), {
  var registration = window.ssiRegistration;
  if (!registration || !registration.waiting) { window.location.reload(); return; }
  window.ssiUpdating = true;
  registration.waiting.postMessage("ssi-activate-update");
});

EM_JS(void, ssi_js_watch_install, (), {
  window.addEventListener("beforeinstallprompt", function(e) {
    e.preventDefault();  // the app shows its own button instead of the browser's mini-infobar
    window.ssiInstallPrompt = e;
    _ssi_on_install(1);
  });
  window.addEventListener("appinstalled", function() {
    window.ssiInstallPrompt = null;
    _ssi_on_install(0);
  });
});

EM_JS(void, ssi_js_prompt_install, (), {
  var e = window.ssiInstallPrompt;
  if (!e) return;
  window.ssiInstallPrompt = null;
  _ssi_on_install(0);  // a prompt can be shown once
  e.prompt();
});

// "noopener": the new tab gets no handle on this page.
EM_JS(void, ssi_js_open_document, (const char* path, int len), {
  window.open(UTF8ToString(path, len), "_blank", "noopener");
});

EM_JS(void, ssi_js_clipboard_write, (const char* text, int len), {
  var value = UTF8ToString(text, len);
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(value).catch(function() {});
  }
});

EM_JS(void, ssi_js_text_input, (int active, float x, float y, float w, float h), {
  var input = document.getElementById("ime");
  if (!input) {
    input = document.createElement("input");
    input.id = "ime";
    input.type = "text";
    input.setAttribute("autocomplete", "off");
    input.setAttribute("autocapitalize", "off");
    input.setAttribute("spellcheck", "false");
    input.setAttribute("aria-hidden", "true");
    input.addEventListener("input", function() {
      var text = input.value;
      input.value = "";
      var ptr = text ? ssiNewUTF8(text) : 0;
      if (!ptr) return;
      _ssi_on_text(ptr);
      _free(ptr);
    });
    document.body.appendChild(input);
  }
  if (active) {
    input.style.left = x + "px";
    input.style.top = y + "px";
    input.style.width = Math.max(w, 1) + "px";
    input.style.height = Math.max(h, 1) + "px";
    input.classList.add("active");
    if (document.activeElement !== input) input.focus({ preventScroll: true });
  } else {
    input.classList.remove("active");
    if (document.activeElement === input) input.blur();
  }
});

// The group view's QR scanner (Host::scanner). The camera is asked for only when the scanner opens, and only once a
// QR reader is there: the browser's BarcodeDetector with 'qr_code', else our decoder (scan.js, a Worker over
// scan.wasm, fetched only now); without either the app says so and offers typing. A few frames a second go through
// one reused canvas to the reader; nothing is kept. Hidden page: camera and decoder off until visible again. Status
// codes are app::CameraStatus: 1 running, 2 denied, 3 no camera, 4 no reader, 5 failed.
EM_JS(void, ssi_js_scanner, (int open, int front, float x, float y, float w, float h, float cx, float cy, float cw,
                             float ch), {
  var s = window.ssiScanner;
  if (!s) {
    s = window.ssiScanner = { open: false, front: false, token: 0, stream: null, timer: 0, busy: false };
    s.box = document.createElement("div");
    s.box.id = "scan";
    s.box.setAttribute("aria-hidden", "true");  // the app's semantics tree has the picture's node
    s.video = document.createElement("video");
    s.video.muted = true;
    s.video.setAttribute("playsinline", "");
    s.box.appendChild(s.video);
    document.body.appendChild(s.box);
    s.canvas = document.createElement("canvas");
    s.report = function(code) { _ssi_on_camera_status(code); };
    s.stop = function() {
      ++s.token;
      clearInterval(s.timer);
      s.timer = 0;
      s.busy = false;  // a frame still with the decoder is dropped with it
      if (s.worker) s.worker.terminate();
      s.worker = null;
      s.read = null;
      if (s.stream) s.stream.getTracks().forEach(function(t) { t.stop(); });
      s.stream = null;
      s.video.srcObject = null;
      s.canvas.width = 0;  // the last frame goes with it
    };
    s.grab = function() {
      var v = s.video;
      if (s.busy || v.readyState < 2 || !v.videoWidth) return;
      var scale = Math.min(1, 1280 / Math.max(v.videoWidth, v.videoHeight));
      s.canvas.width = Math.round(v.videoWidth * scale);
      s.canvas.height = Math.round(v.videoHeight * scale);
      s.canvas.getContext("2d", { willReadFrequently: true }).drawImage(v, 0, 0, s.canvas.width, s.canvas.height);
      var token = s.token;
      s.busy = true;
      s.read().then(function(texts) {
        if (token !== s.token) return;
        s.busy = false;
        texts.forEach(function(text) {
          var ptr = text ? ssiNewUTF8(text) : 0;
          if (!ptr) return;
          _ssi_on_scanned(ptr);
          _free(ptr);
        });
      }, function() { if (token === s.token) s.busy = false; });
    };
    // The readers, as functions from the canvas's current frame to the texts found in it.
    s.detector = function() {
      var detector = new BarcodeDetector({ formats: ["qr_code"] });
      return function() {
        return detector.detect(s.canvas).then(function(codes) {
          return codes.map(function(code) { return code.rawValue; });
        });
      };
    };
    // Resolves to the decoder's reader once scan.wasm runs in its Worker, or to null when it cannot be loaded.
    s.decoder = function(token) {
      return new Promise(function(resolve) {
        var worker;
        try {
          worker = new Worker("scan.js");
        } catch (e) {
          return resolve(null);
        }
        var done = function(ok) {
          worker.onerror = worker.onmessage = null;
          if (!ok || token !== s.token) worker.terminate();
          resolve(ok && token === s.token ? worker : null);
        };
        worker.onerror = function(e) { e.preventDefault(); done(false); };
        worker.onmessage = function(e) { done(e.data && e.data.ready === true); };
      }).then(function(worker) {
        if (!worker) return null;
        s.worker = worker;
        return function() {
          var frame = s.canvas.getContext("2d", { willReadFrequently: true })
                        .getImageData(0, 0, s.canvas.width, s.canvas.height);
          return new Promise(function(resolve) {
            worker.onmessage = function(e) { resolve(e.data.text ? [e.data.text] : []); };
            worker.onerror = function(e) { e.preventDefault(); resolve([]); };
            worker.postMessage({ w: frame.width, h: frame.height, rgba: frame.data.buffer }, [frame.data.buffer]);
          });
        };
      });
    };
    s.start = function() {
      s.stop();
      var token = s.token;
      var media = navigator.mediaDevices;
      var fail = function(code) {
        if (token !== s.token) return;
        s.stop();
        s.open = false;  // asked again when the person tries again
        s.report(code);
      };
      if (!media || !media.getUserMedia) return fail(3);
      var formats = window.BarcodeDetector ? BarcodeDetector.getSupportedFormats() : Promise.resolve([]);
      formats.then(function(list) {
        if (token !== s.token) return null;
        return list.indexOf("qr_code") >= 0 ? s.detector() : s.decoder(token);
      }, function() {
        return s.decoder(token);
      }).then(function(read) {
        if (token !== s.token) return;
        if (!read) return fail(4);
        s.read = read;
        return media.getUserMedia({ audio: false, video: { facingMode: s.front ? "user" : "environment",
                                                           width: { ideal: 1280 }, height: { ideal: 720 } } })
          .then(function(stream) {
            if (token !== s.token) { stream.getTracks().forEach(function(t) { t.stop(); }); return; }
            s.stream = stream;
            s.video.srcObject = stream;
            s.video.play().catch(function() {});
            s.timer = setInterval(s.grab, 150);
            s.report(1);
          });
      }).catch(function(e) {
        var name = e && e.name;
        fail(name === "NotAllowedError" || name === "SecurityError" ? 2
             : name === "NotFoundError" || name === "OverconstrainedError" ? 3 : 5);
      });
    };
    document.addEventListener("visibilitychange", function() {
      if (!s.open) return;
      if (document.hidden) s.stop();
      else s.start();
    });
  }
  if (!open) {
    if (s.open) s.stop();
    s.open = false;
    s.box.classList.remove("active");
    return;
  }
  if (!s.open || s.front !== !!front) {
    s.open = true;
    s.front = !!front;
    s.start();
  }
  s.box.style.left = cx + "px";
  s.box.style.top = cy + "px";
  s.box.style.width = cw + "px";
  s.box.style.height = ch + "px";
  s.video.style.left = (x - cx) + "px";
  s.video.style.top = (y - cy) + "px";
  s.video.style.width = w + "px";
  s.video.style.height = h + "px";
  s.video.classList.toggle("mirror", !!front);  // the front camera's picture as a mirror, as people expect
  s.box.classList.toggle("active", cw > 0 && ch > 0);
});

// The scanner's tones (Host::scan_tone): kind is app::ScanTone, 0 armed (the tap that turns sound on creates the one
// AudioContext: browsers start audio only after a gesture), 1 added (high), 2 repeat (middle), 3 refused (low, longer).
// A sine of about 0.1 s at a gentle volume, faded in and out so it does not click; no file is fetched.
EM_JS(void, ssi_js_scan_tone, (int kind), {
  var Context = window.AudioContext || window.webkitAudioContext;
  if (!Context) return;
  var audio = window.ssiScanAudio;
  try {
    if (!audio) audio = window.ssiScanAudio = new Context();
    if (audio.state === "suspended") audio.resume().catch(function() {});
    var tone = [null, { hz: 880, s: 0.09 }, { hz: 587, s: 0.09 }, { hz: 220, s: 0.12 }][kind];
    if (!tone) return;
    var t = audio.currentTime, osc = audio.createOscillator(), gain = audio.createGain();
    osc.type = "sine";
    osc.frequency.value = tone.hz;
    gain.gain.setValueAtTime(0, t);
    gain.gain.linearRampToValueAtTime(0.15, t + 0.01);
    gain.gain.linearRampToValueAtTime(0, t + tone.s);
    osc.connect(gain).connect(audio.destination);
    osc.start(t);
    osc.stop(t + tone.s);
  } catch (e) {}  // no audio on this device: the scan is still shown and said
});

EM_JS(void, ssi_js_watch_paste, (), {
  window.addEventListener("paste", function(e) {
    var ptr = ssiNewUTF8(e.clipboardData ? e.clipboardData.getData("text") : "");
    if (ptr) {
      _ssi_on_paste(ptr);
      _free(ptr);
    }
    e.preventDefault();
  });
});

EM_JS(void, ssi_js_mark, (const char* name), {
  if (self.performance && performance.mark) performance.mark(UTF8ToString(name));
});

EM_JS(void, ssi_js_page_ready, (), {
  document.body.classList.add("ready");
});

EM_JS(void, ssi_js_set_crash_texts, (const char* de_message, int de_message_len, const char* de_reload,
                                     int de_reload_len, const char* en_message, int en_message_len,
                                     const char* en_reload, int en_reload_len), {
  // Copied now: after an abort the runtime may not be asked for anything.
  Module.ssiCrashTexts = {
    de: [UTF8ToString(de_message, de_message_len), UTF8ToString(de_reload, de_reload_len)],
    en: [UTF8ToString(en_message, en_message_len), UTF8ToString(en_reload, en_reload_len)],
  };
});

EM_JS(void, ssi_js_watch_crash, (), {
  var show = function() {
    if (document.getElementById("crash") || !Module.ssiCrashTexts) return;
    var texts = Module.ssiCrashTexts;
    var t = (document.documentElement.lang || "").slice(0, 2) === "en" ? texts.en : texts.de;
    var box = document.createElement("div");
    box.id = "crash";
    box.setAttribute("role", "alert");
    var message = document.createElement("p");
    message.textContent = t[0];
    var reload = document.createElement("button");
    reload.type = "button";
    reload.textContent = t[1];
    reload.addEventListener("click", function() { location.reload(); });
    box.appendChild(message);
    box.appendChild(reload);
    var mirror = document.getElementById("a11y");
    if (mirror) mirror.hidden = true;  // the dead app's elements would only mislead
    document.body.appendChild(box);
    reload.focus();
  };
  var stopped = function(e) { return e instanceof WebAssembly.RuntimeError; };
  window.addEventListener("error", function(e) { if (stopped(e.error)) show(); });
  window.addEventListener("unhandledrejection", function(e) { if (stopped(e.reason)) show(); });
});

EM_JS(void, ssi_js_page_fatal, (const char* text, int len), {
  var box = document.getElementById("loading");
  if (box) {
    box.textContent = UTF8ToString(text, len);
    box.classList.add("error");
    box.setAttribute("role", "alert");
  }
  console.error(UTF8ToString(text, len));
});
// clang-format on

namespace ssi::platform {
namespace {
std::optional<std::string> take_string(char* ptr) {
  if (!ptr) return std::nullopt;
  std::string result(ptr);
  std::free(ptr);
  return result;
}
// A copy JS made with its length: every byte, a NUL inside too.
std::optional<std::string> take_text(char* ptr, int size) {
  if (!ptr) return std::nullopt;
  std::string result(ptr, static_cast<std::size_t>(size));
  std::free(ptr);
  return result;
}
int len(std::string_view s) { return static_cast<int>(s.size()); }

void install_file_reader() {
  ssi_js_install_file_reader(limits::kMaxImportBytes, limits::kMaxGroupBytes, static_cast<int>(limits::kMaxPickedFiles),
                             limits::kMaxPickedTotalBytes);
}

}  // namespace

// --- BrowserHost ----------------------------------------------------------------------------------
std::string BrowserHost::preferred_language() const { return take_string(ssi_js_language()).value_or("en"); }
std::string BrowserHost::text_file(Lang lang, app::TextPart part) {
  return take_string(ssi_js_text_file(lang == Lang::En ? 1 : 0, part == app::TextPart::Rare ? 1 : 0))
      .value_or(std::string());
}
std::string BrowserHost::font_file(std::string_view name) {
  int size = 0;
  unsigned char* bytes = ssi_js_font_file(name.data(), len(name), &size);
  if (!bytes) return {};
  std::string result(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size));
  std::free(bytes);
  return result;
}
bool BrowserHost::code_ready() const { return ssi_js_code_ready() != 0; }
void BrowserHost::set_crash_texts(const Text& message, const Text& reload) {
  ssi_js_set_crash_texts(message.de.data(), len(message.de), reload.de.data(), len(reload.de), message.en.data(),
                         len(message.en), reload.en.data(), len(reload.en));
}
bool BrowserHost::prefers_dark() const { return ssi_js_media(0) != 0; }
bool BrowserHost::prefers_reduced_motion() const { return ssi_js_media(1) != 0; }
float BrowserHost::text_scale() const { return static_cast<float>(ssi_js_root_font_px() / 16.0); }
double BrowserHost::now_ms() const { return emscripten_get_now(); }
double BrowserHost::epoch_ms() const { return ssi_js_epoch_ms(); }
std::uint64_t BrowserHost::random64() {
  unsigned words[2] = {0, 0};
  ssi_js_random(words);
  return (static_cast<std::uint64_t>(words[0]) << 32) | words[1];
}
void BrowserHost::wake_after(double ms) {
  // A timer, not an animation frame: hidden tabs get no frames, but their timers still run (saves are due).
  emscripten_set_timeout(
      [](void* self) {
        auto* host = static_cast<BrowserHost*>(self);
        if (host->on_wake) host->on_wake();
      },
      ms, this);
}
void BrowserHost::set_clipboard(std::string_view text) { ssi_js_clipboard_write(text.data(), len(text)); }
std::optional<std::string> BrowserHost::storage_get(std::string_view key) const {
  int size = 0;
  char* ptr = ssi_js_storage_get(key.data(), len(key), &size);
  return take_text(ptr, size);
}
bool BrowserHost::storage_set(std::string_view key, std::string_view value) {
  return ssi_js_storage_set(key.data(), len(key), value.data(), len(value)) != 0;
}
bool BrowserHost::storage_has_room(std::string_view key, std::string_view value) {
  return ssi_js_storage_has_room(key.data(), len(key), value.data(), len(value)) != 0;
}
void BrowserHost::storage_remove(std::string_view key) { ssi_js_storage_remove(key.data(), len(key)); }
std::vector<std::string> BrowserHost::storage_keys() const {
  std::vector<std::string> keys;
  const auto list = parse_json(take_string(ssi_js_storage_keys()).value_or("[]"));
  if (list.is_array())
    for (const auto& k : list)
      if (k.is_string()) keys.push_back(k.get<std::string>());
  return keys;
}
void BrowserHost::download(std::string_view filename, std::string_view mime, std::string_view bytes) {
  ssi_js_download(filename.data(), len(filename), mime.data(), len(mime), bytes.data(), len(bytes));
}
void BrowserHost::pick_file(bool multiple) {
  install_file_reader();
  ssi_js_pick_file(multiple ? 1 : 0);
}
void BrowserHost::save_image(std::string_view filename) { ssi_js_save_canvas_png(filename.data(), len(filename)); }
void BrowserHost::print(std::string_view report_json) { ssi_js_print_report(report_json.data(), len(report_json)); }
void BrowserHost::apply_update() { ssi_js_apply_update(); }  // the app has written its data first
void BrowserHost::install() { ssi_js_prompt_install(); }
void BrowserHost::open_document(std::string_view path) { ssi_js_open_document(path.data(), len(path)); }
void BrowserHost::announce(std::string_view text, bool assertive) {
  ssi_js_announce(text.data(), len(text), assertive ? 1 : 0);
}
void BrowserHost::set_page(std::string_view title, std::string_view lang) {
  ssi_js_set_page(title.data(), len(title), lang.data(), len(lang));
}
void BrowserHost::scanner(bool open, bool front, Rect view, Rect clip) {
  ssi_js_scanner(open, front, view.x, view.y, view.w, view.h, clip.x, clip.y, clip.w, clip.h);
}
void BrowserHost::scan_tone(app::ScanTone tone) { ssi_js_scan_tone(static_cast<int>(tone)); }

// --- page -----------------------------------------------------------------------------------------
namespace page {
double device_pixel_ratio() { return ssi_js_device_pixel_ratio(); }
void watch_environment() { ssi_js_watch_environment(); }
void watch_storage_and_lifecycle() { ssi_js_watch_storage_and_lifecycle(); }
void watch_drop() {
  install_file_reader();
  ssi_js_watch_drop();
}
void watch_paste() { ssi_js_watch_paste(); }
void watch_install() { ssi_js_watch_install(); }
void after_first_frame() { ssi_js_after_first_frame(); }
void text_input(bool active, float x, float y, float w, float h) { ssi_js_text_input(active, x, y, w, h); }
void mark(const char* name) { ssi_js_mark(name); }
void ready() { ssi_js_page_ready(); }
void fatal(std::string_view message) { ssi_js_page_fatal(message.data(), len(message)); }
void watch_crash() { ssi_js_watch_crash(); }
}  // namespace page

}  // namespace ssi::platform
