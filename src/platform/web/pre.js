// Prepended to ssi.js (--pre-js): runs when ssi.js has loaded and ssi.wasm is still arriving, before any of the
// app's code. Three jobs: the CSP, the WebGL2 context, and loading the deferred code.
(() => {
  // The Content-Security-Policy for hosts that cannot send it as a header (docs/deploy.md), in force from here on:
  // before the wasm is compiled. As a <meta> in index.html it held back Chromium's preload scanner: ssi.wasm and
  // ssi.js were requested 300-2000 ms later on the phone profile (scripts/bench).
  const csp = document.createElement('meta');
  csp.httpEquiv = 'Content-Security-Policy';
  csp.content = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; img-src 'self' data: blob:; style-src 'self'; font-src 'self'; manifest-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'";
  document.head.append(csp);
  // Making the WebGL2 context costs tens of milliseconds of the main thread, which is idle now and busy once main()
  // runs. main()'s emscripten_webgl_create_context gets this same context back (getContext returns the canvas's
  // existing one), so these attributes are the ones in force: main.cpp asks for the same, foundation.test.mjs checks.
  const canvas = document.getElementById('canvas');
  if (canvas) {
    canvas.getContext('webgl2', { alpha: false, antialias: false, depth: false, stencil: false, preserveDrawingBuffer: true });
  }
})();

// The code of the rare screens, ssi.deferred.wasm (cmake/split_wasm.py): ssi.wasm calls placeholders in its place
// until it is instantiated into the same table. browser.cpp starts Module.ssiLoadDeferred() after the first frame;
// should a placeholder run before that has finished, loadSplitModule (Emscripten's hook) fetches it synchronously.
(() => {
  let loaded = false;
  const instantiate = (module, imports) => {
    if (loaded) return;
    new WebAssembly.Instance(module, imports);
    loaded = true;
  };
  Module.loadSplitModule = (file, imports) => {
    // A synchronous request may not ask for an ArrayBuffer; bytes arrive as the low bytes of a text's characters.
    const request = new XMLHttpRequest();
    request.open('GET', file, false);
    request.overrideMimeType('text/plain; charset=x-user-defined');
    request.send();
    if (request.status !== 200) throw new Error(`${file}: HTTP ${request.status}`);
    const text = request.responseText;
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; ++i) bytes[i] = text.charCodeAt(i) & 0xff;
    instantiate(new WebAssembly.Module(bytes), imports);
  };
  // Compiled while it streams in, off the main thread; a host that sends it as another type than application/wasm
  // costs a second request and a compile from bytes.
  Module.ssiLoadDeferred = (file) =>
    WebAssembly.compileStreaming(fetch(file))
      .catch(() => fetch(file).then((response) => response.arrayBuffer()).then((bytes) => WebAssembly.compile(bytes)))
      .then((module) => instantiate(module, { primary: Module.asm }));
})();
