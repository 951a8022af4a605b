// The scanner's decoder runs as a dedicated Worker (scan.js is both): a 1280×720 frame takes 15–30 ms to decode in
// Chromium here, so off the page's thread, where taps and scrolling never wait for it. Appended to the module by emcc
// (--extern-post-js). Messages: first {ready: true|false} out; then {w, h, rgba: ArrayBuffer of w × h RGBA pixels} in,
// {text} out (the code's text, or null). Grey levels are made here; the scanner ends the Worker (and its last frame)
// when it closes.
ssiScanModule().then(function(module) {
  onmessage = function(e) {
    var d = e.data, text = null;
    var rgba = new Uint8Array(d.rgba), count = d.w * d.h;
    if (d.w > 0 && d.h > 0 && rgba.length === count * 4) {
      var at = module._ssi_scan_frame(d.w, d.h), heap = module.HEAPU8;
      for (var i = 0, k = 0; i < count; ++i, k += 4)
        heap[at + i] = (rgba[k] * 77 + rgba[k + 1] * 150 + rgba[k + 2] * 29) >> 8;
      var found = module._ssi_scan_decode(d.w, d.h);
      text = found ? module.UTF8ToString(found) : null;
    }
    postMessage({ text: text });
  };
  postMessage({ ready: true });
}, function() {
  postMessage({ ready: false });
});
