// Prepended to ssi.js (--pre-js): runs when ssi.js has loaded and ssi.wasm is still arriving, before any of the
// app's code.
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
