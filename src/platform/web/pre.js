// Prepended to ssi.js (--pre-js). It runs when ssi.js has loaded and ssi.wasm is still arriving: making the WebGL2
// context costs tens of milliseconds of the main thread, which is idle now and busy once main() runs. main()'s
// emscripten_webgl_create_context then gets this same context back (getContext returns the canvas's existing one),
// so these attributes are the ones in force; main.cpp asks for the same, and foundation.test.mjs checks them.
(() => {
  const canvas = document.getElementById('canvas');
  if (canvas) {
    canvas.getContext('webgl2', { alpha: false, antialias: false, depth: false, stencil: false, preserveDrawingBuffer: true });
  }
})();
