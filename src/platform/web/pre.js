// Prepended to ssi.js (--pre-js): runs when ssi.js has loaded and ssi.wasm is still arriving, before any of the
// app's code. Its jobs: the CSP, loading the texts, wide fonts and deferred code, the WebGL2 context and the first
// read of localStorage; and helpers for browser.cpp's shims.
(() => {
  // The Content-Security-Policy for hosts that cannot send it as a header (docs/deploy.md), in force from here on:
  // before the wasm is compiled. As a <meta> in index.html it held back Chromium's preload scanner: ssi.wasm and
  // ssi.js were requested 300-2000 ms later on the phone profile (scripts/bench).
  const csp = document.createElement('meta');
  csp.httpEquiv = 'Content-Security-Policy';
  csp.content = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; img-src 'self' data: blob:; style-src 'self'; font-src 'self'; manifest-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'";
  document.head.append(csp);
})();

// A string for the C++ side (browser.cpp's shims): a malloc'ed, NUL-ended UTF-8 copy that the receiver frees (ptr 0
// when memory ran out) and its length in bytes. TextEncoder: the glue's stringToUTF8 walks the string in JS twice
// (36 KB of texts at start); a lone surrogate becomes U+FFFD instead of eating the next character.
const ssiEncoder = new TextEncoder();
const ssiUTF8Copy = (text) => {
  const bytes = ssiEncoder.encode(text);
  const ptr = _malloc(bytes.length + 1);
  if (ptr) {
    HEAPU8.set(bytes, ptr);
    HEAPU8[ptr + bytes.length] = 0;
  }
  return { ptr, length: bytes.length };
};
// The copy's pointer; its length goes to the int at lengthOut when one is given.
const ssiNewUTF8 = (text, lengthOut) => {
  const copy = ssiUTF8Copy(text);
  if (copy.ptr && lengthOut) HEAP32[lengthOut >> 2] = copy.length;
  return copy.ptr;
};

// A file fetched synchronously, for what is needed before its background fetch has brought it: the request after
// send(), which throws when the request fails. A synchronous request may not ask for an ArrayBuffer, so a binary file
// arrives as the low bytes of a text's characters (ssiLowBytes).
const ssiFetchNow = (file, binary) => {
  const request = new XMLHttpRequest();
  request.open('GET', file, false);
  request.overrideMimeType(binary ? 'text/plain; charset=x-user-defined' : 'text/plain; charset=utf-8');
  request.send();
  return request;
};
const ssiLowBytes = (text) => {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; ++i) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
};

// The files the page fetches itself (SSI_FILES, from site_files.js, prepended before this file): the content's texts,
// two files per language (cmake/split_texts.py: the common and the rare ones), and the fonts' letters no shipped text
// uses (cmake/subset_fonts.py). The browser's language's common texts arrive beside the wasm and main() waits for
// them; the rest is fetched after the first frame (browser.cpp) or, asked for sooner, synchronously.
(() => {
  const texts = {};
  const fonts = {};
  // A guess only: the app chooses the language (language_for() in app/model.cpp, then the person's saved choice) and
  // asks for another file if this one is not it. The same test, on the tag ssi_js_language() reads.
  const tag = (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
  const first = /^de([-_]|$)/i.test(tag) ? 'de' : 'en';
  const get = (key, read, into) => fetch(SSI_FILES[key])
    .then((r) => (r.ok ? read(r) : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((data) => { into[key] = data; }, (e) => console.warn(`${key} not loaded: ${e}`));
  const getTexts = (key) => get(key, (r) => r.text(), texts);
  // A request that never ends must not hold the start for ever: after 15 s the app asks for the file itself.
  const arrived = Promise.race([getTexts(`texts.${first}`), new Promise((resolve) => { setTimeout(resolve, 15000); })]);
  // Emscripten's start-up counters exist once the glue has run to its end, long before the wasm is in.
  Promise.resolve().then(() => {
    addRunDependency('ssi-texts');
    arrived.then(() => removeRunDependency('ssi-texts'));
  });
  Module.ssiFetchLater = () => Promise.all([
    ...['texts.de', 'texts.en', 'rare.de', 'rare.en'].filter((key) => !(key in texts)).map(getTexts),
    ...Object.keys(SSI_FILES).filter((key) => key.startsWith('fonts/') && !(key in fonts))
      .map((key) => get(key, (r) => r.arrayBuffer().then((b) => new Uint8Array(b)), fonts)),
  ]);
  // Synchronously, for what is needed before ssiFetchLater() has brought it: the response, or null.
  const now = (key, binary) => {
    try {
      const request = ssiFetchNow(SSI_FILES[key], binary);
      return request.status === 200 ? request.responseText : null;
    } catch (e) { return null; }
  };
  // browser.cpp's Host::text_file(): the file's text ("texts.de", "rare.en" ...), or '' when it cannot be had.
  Module.ssiTextFile = (key) => {
    if (!(key in texts)) {
      const text = now(key, false);
      if (text === null) return '';
      texts[key] = text;
    }
    return texts[key];
  };
  // browser.cpp's Host::font_file(): the file's bytes, or null when they cannot be had.
  Module.ssiFontFile = (key) => {
    if (!(key in fonts)) {
      const text = key in SSI_FILES ? now(key, true) : null;
      if (text === null) return null;
      fonts[key] = ssiLowBytes(text);
    }
    return fonts[key];
  };
})();

(() => {
  // Making the WebGL2 context costs tens of milliseconds of the main thread, which is idle now and busy once main()
  // runs; after the texts' request above, which main() waits for and which it held back by 250 ms on the phone
  // profile. main()'s emscripten_webgl_create_context gets this same context back (getContext returns the canvas's
  // existing one), so these attributes are the ones in force: main.cpp asks for the same, foundation.test.mjs checks.
  // Sizing its drawing buffer costs as much again (web_backend.cpp's update_canvas_size, which then finds the size
  // right): the same sum in device pixels. The stylesheet is in: a classic script waits for pending stylesheets.
  const canvas = document.getElementById('canvas');
  if (canvas) {
    const box = canvas.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(box.width * dpr);
    canvas.height = Math.round(box.height * dpr);
    canvas.getContext('webgl2', { alpha: false, antialias: false, depth: false, stencil: false, preserveDrawingBuffer: true });
  }
  // The first use of localStorage loads the origin's storage from the browser process, synchronously: main() then
  // waited for it (about 20 ms on the phone profile). Blocked storage throws; browser.cpp's shims report that.
  try { void window.localStorage.length; } catch (e) { /* said by the shims when main() reads */ }
})();

// The code past the welcome screen (cmake/split_wasm.py): ssi.wasm calls placeholders for it until it is in the same
// table. A first visit loads it after the first frame; a returning person's start may need it (their gauges, the
// results), so their page fetches it beside ssi.wasm and main() waits for it (a run dependency).
(() => {
  // Named by its content (split_wasm.py writes the name here): a page never links another build's code.
  const file = '__SSI_DEFERRED_FILE__';
  let loaded = false;
  let failed = false;
  const done = () => { loaded = true; performance.mark('ssi:deferred'); };
  // Thrown through the app's frame as a trap is, so the page offers its reload box (browser.cpp) instead of freezing.
  const stop = (why) => { throw new WebAssembly.RuntimeError(`${file} not loaded: ${why}`); };
  // Emscripten's hook for a placeholder that runs before the background load below has finished.
  Module.loadSplitModule = (ignored, imports) => {
    if (loaded) return;
    let request;
    try { request = ssiFetchNow(file, true); } catch (e) { stop(e); }
    if (request.status !== 200) stop(`HTTP ${request.status}`);
    const bytes = ssiLowBytes(request.responseText);
    try { new WebAssembly.Instance(new WebAssembly.Module(bytes), imports); } catch (e) { stop(e); }
    done();
  };
  // Compiled while it streams in (a host that sends another type than application/wasm costs a second request).
  const compile = () => {
    const bytes = () => fetch(file).then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`HTTP ${r.status}`))));
    return WebAssembly.compileStreaming(fetch(file)).catch(() => bytes().then((b) => WebAssembly.compile(b)));
  };
  // Instantiated asynchronously, which older Chromium requires above 4 KB; ssi.wasm's exports must be there.
  const instantiate = (module) =>
    (loaded ? null : WebAssembly.instantiate(module, { primary: Module.asm }).then(() => loaded || done()));
  // The app's Host::code_ready(): false while the code is on its way, so a screen that needs it waits for it.
  Module.ssiDeferredLoading = () => !loaded && !failed;
  let returning = false;
  try {
    for (let i = 0; i < localStorage.length && !returning; ++i) returning = localStorage.key(i).startsWith('ssi-selfcheck.');
  } catch (e) { /* blocked storage: nothing saved to return to */ }
  let early = null;
  if (returning) {
    early = compile();
    early.catch(() => {});  // said in preRun, which may come after a quick failure
    // Emscripten runs this once ssi.wasm is instantiated and before main(), which waits while a dependency is open.
    Module.preRun = [() => {
      addRunDependency('ssi-deferred');
      early.then(instantiate)
        .catch((e) => { failed = true; early = null; console.warn(`deferred code not loaded: ${e}`); })
        .then(() => removeRunDependency('ssi-deferred'));
    }];
  }
  // browser.cpp calls this after the first frame; a screen waiting for the code is drawn (or fails) once it settles.
  Module.ssiLoadDeferred = () => {
    if (loaded) return Promise.resolve();
    failed = false;
    return (early || compile()).then(instantiate)
      .catch((e) => { failed = true; throw e; })
      .finally(() => _ssi_on_code_settled());
  };
})();
