// Benchmark driver (run by scripts/bench, which builds both pages first; not part of the tests).
// Serves the app (dist/), the baseline page (stock Dear ImGui, build/bench/baseline-site) and, when built, the second
// baseline (the same questionnaire as a SurveyJS page, build/bench/surveyjs-site, bench/surveyjs/make.mjs) with the
// same static server, opens each several times in headless Chromium and measures them identically:
//
//   transfer   every file the page loaded (the server's request log), raw and compressed (gzip -9,
//              brotli q11) as a host with compression would send it
//   first frame  ms from navigation start to the end of the first requestAnimationFrame callback that
//              issued a WebGL draw call (the first frame with something on screen); for the SurveyJS page the end of
//              the first animation frame after SurveyJS rendered the survey; reported by a CDP binding, so none of
//              Playwright's scripts runs in the page before it
//   idle       after the page has settled: frames drawn (animation frames with a draw call) and rAF
//              callbacks per second, main-thread task and script time per second (CDP Performance)
//   memory     JS heap used after a forced GC (CDP) and the size of the wasm linear memory
//   start-up   when the HTML, the script and the wasm arrived (Resource Timing), the wasm was instantiated, the WebGL
//              context created and the first frame drawn; for the app also its own steps in between (content parse,
//              font atlas, texture upload, UI, draw: the "ssi:" performance marks), as a trace table
//   --phone    the start on a phone: 4× CPU slow-down, 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up (CDP; its
//              Network domain keeps no second copy of the bodies), each site served from a copy with brotli/gzip
//              variants next to every file, as a host with compression
//   --limits   the app only, at the largest accepted sizes: History at the largest stored document (1,500 entries with
//              900-character notes) and the group view with two compared sessions of 200 participants while the wheel
//              scrolls through them, each requestAnimationFrame callback timed, and the wasm memory; the exports (JSON
//              and CSV) of that document, timed; each against a tenth of the size in the same run (ratio), and against
//              another build (--against DIR, e.g. main's dist) when given; artifacts/bench-limits.md (issue 13 asks
//              ≤ 50 ms a frame, ≤ 100 MB)
//   mirror     the app only (the baseline has none): the accessibility mirror's cost per changed frame on the
//              results screen, writing the semantics tree plus updating the DOM (ssiTest.a11yCost()); an
//              absolute cost, issue 12 asks for at most 1 ms on a desktop
//
// Usage: node scripts/bench.mjs [--runs N] [--idle-ms MS] [--width W] [--height H] [--dpr R] [--app DIR]
//        [--baseline DIR] [--surveyjs DIR|none] [--out FILE] [--mirror-only] [--phone] [--limits [--against DIR]]
// Prints a Markdown report and writes it to artifacts/bench.md.
import { chromium } from 'playwright-core';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants as zc } from 'node:zlib';
import { serve } from './lib/static-server.mjs';
import { CHROMIUM_ARGS, largestDocument, largestGroup } from '../tests/browser/lib.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const opt = {
    runs: 3, idleMs: 5000, width: 1280, height: 720, dpr: 1,
    app: join(ROOT, 'dist'), baseline: join(ROOT, 'build/bench/baseline-site'), out: join(ROOT, 'artifacts/bench.md'),
    surveyjs: join(ROOT, 'build/bench/surveyjs-site'),
  };
  for (let i = 0; i < argv.length; ++i) {
    const [k, v] = [argv[i], argv[i + 1]];
    const num = () => { const n = Number(v); if (!Number.isFinite(n) || n <= 0) throw new Error(`${k} needs a positive number`); ++i; return n; };
    if (k === '--runs') opt.runs = Math.round(num());
    else if (k === '--idle-ms') opt.idleMs = num();
    else if (k === '--width') opt.width = Math.round(num());
    else if (k === '--height') opt.height = Math.round(num());
    // The device pixel ratio of the first-frame visits (a phone's is 2-3); the bare ImGui page draws at 1 whatever it is.
    else if (k === '--dpr') opt.dpr = num();
    else if (k === '--app') { opt.app = resolve(v); ++i; }
    else if (k === '--baseline') { opt.baseline = resolve(v); ++i; }
    else if (k === '--surveyjs') { opt.surveyjs = v === 'none' ? null : resolve(v); ++i; }
    else if (k === '--out') { opt.out = resolve(v); ++i; }
    else if (k === '--mirror-only') opt.mirrorOnly = true;
    else if (k === '--limits') { opt.limits = true; if (!argv.includes('--out')) opt.out = join(ROOT, 'artifacts/bench-limits.md'); }
    else if (k === '--against') { opt.against = resolve(v); ++i; }
    else if (k === '--phone') { opt.phone = true; if (!argv.includes('--out')) opt.out = join(ROOT, 'artifacts/bench-phone.md'); }
    else throw new Error(`unknown argument ${k}`);
  }
  if (opt.idleMs < 3000) throw new Error('--idle-ms must be at least 3000');
  if (opt.runs < 1) throw new Error('--runs must be at least 1');
  return opt;
}

// --- In-page instrumentation (an init script: runs before any of the page's own scripts) -------------
// Identical for both pages. It wraps requestAnimationFrame (to count callbacks and frames), the WebGL
// draw calls (to know which frames drew something) and WebAssembly instantiation (to find the memory).
function instrument() {
  const B = (window.__bench = {
    rafCallbacks: 0, animationFrames: 0, drawnFrames: 0, drawCalls: 0, drawsOutsideRaf: 0,
    firstDraw: null, wasmInstantiated: null, webglContext: null, memories: [],
  });
  // Set once, by the code below or the SurveyJS page's script; it tells the driver through visit()'s CDP binding.
  let firstFrame = null;
  Object.defineProperty(B, 'firstFrame', {
    enumerable: true,
    get: () => firstFrame,
    set: (ms) => {
      if (firstFrame !== null) return;
      firstFrame = ms;
      if (typeof window.__benchFirstFrame === 'function') window.__benchFirstFrame(String(ms));
    },
  });
  let lastTs = -1, tsDrew = false, inRaf = false, drewInCallback = false;
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = function requestAnimationFrame(cb) {
    return raf((ts) => {
      B.rafCallbacks++;
      if (ts !== lastTs) { lastTs = ts; tsDrew = false; B.animationFrames++; }
      inRaf = true; drewInCallback = false;
      try {
        return cb(ts);
      } finally {
        inRaf = false;
        if (drewInCallback && B.firstFrame === null) B.firstFrame = performance.now();
      }
    });
  };
  const onDraw = () => {
    B.drawCalls++;
    if (B.firstDraw === null) B.firstDraw = performance.now();
    if (inRaf) {
      drewInCallback = true;
      if (!tsDrew) { tsDrew = true; B.drawnFrames++; }
    } else {
      // Drawing outside an animation frame (e.g. synchronously in main()): one frame per task.
      B.drawsOutsideRaf++;
      if (!B.outsideTask) {
        B.outsideTask = true; B.drawnFrames++;
        queueMicrotask(() => { B.outsideTask = false; if (B.firstFrame === null) B.firstFrame = performance.now(); });
      }
    }
  };
  for (const C of [window.WebGL2RenderingContext, window.WebGLRenderingContext]) {
    if (!C) continue;
    for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced', 'drawRangeElements']) {
      const f = C.prototype[name];
      if (typeof f !== 'function') continue;
      C.prototype[name] = function (a, b, c, d, e) { onDraw(); return f.call(this, a, b, c, d, e); };
    }
  }
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
    const ctx = getContext.call(this, type, ...rest);
    if (ctx && B.webglContext === null && /^(webgl2?|experimental-webgl)$/.test(type)) B.webglContext = performance.now();
    return ctx;
  };
  const W = WebAssembly;
  const note = (instance) => {
    if (B.wasmInstantiated === null) B.wasmInstantiated = performance.now();
    for (const v of Object.values(instance.exports)) if (v instanceof W.Memory && !B.memories.includes(v)) B.memories.push(v);
  };
  const instantiate = W.instantiate, streaming = W.instantiateStreaming;
  W.instantiate = function (...args) {
    return instantiate.apply(this, args).then((r) => { note(r instanceof W.Instance ? r : r.instance); return r; });
  };
  if (streaming) {
    W.instantiateStreaming = function (...args) {
      return streaming.apply(this, args).then((r) => { note(r.instance); return r; });
    };
  }
  // Memory the page creates itself and imports into the module.
  const Memory = W.Memory;
  W.Memory = new Proxy(Memory, {
    construct(target, args) { const m = Reflect.construct(target, args); B.memories.push(m); return m; },
  });
}

function snapshot() {
  const B = window.__bench;
  const nav = performance.getEntriesByType('navigation')[0];
  const res = (re) => {
    const e = performance.getEntriesByType('resource').find((r) => re.test(new URL(r.name).pathname));
    return e ? { start: e.startTime, end: e.responseEnd } : { start: null, end: null };
  };
  return {
    htmlEnd: nav ? nav.responseEnd : null, script: res(/\.js$/), wasm: res(/\.wasm$/),
    now: performance.now(), origin: performance.timeOrigin, rafCallbacks: B.rafCallbacks, animationFrames: B.animationFrames,
    drawnFrames: B.drawnFrames, drawCalls: B.drawCalls, drawsOutsideRaf: B.drawsOutsideRaf,
    firstDraw: B.firstDraw, firstFrame: B.firstFrame, wasmInstantiated: B.wasmInstantiated, webglContext: B.webglContext,
    wasmMemory: B.memories.length ? B.memories.reduce((s, m) => s + m.buffer.byteLength, 0) : null,
    appFrames: window.ssiTest && typeof window.ssiTest.frames === 'function' ? window.ssiTest.frames() : null,
    appReady: window.ssiTest ? window.ssiTest.ready === true : null,
    marks: performance.getEntriesByType('mark').reduce((m, e) => {
      if (e.name.startsWith('ssi:') && !(e.name in m)) m[e.name] = e.startTime;
      return m;
    }, {}),
  };
}

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

// Until fn() is true in the page, polled with page.evaluate (Playwright's small utility script only).
async function until(page, fn, ms, what) {
  for (const end = Date.now() + ms; !(await page.evaluate(fn));) {
    if (Date.now() > end) throw new Error(`${what} not true within ${ms / 1000} s`);
    await sleep(50);
  }
}

// Chromium 156 opens its omnibox popups (chrome://omnibox-popup.top-chrome, WebUI pages) with every new window: they
// load about a hundred modules in a renderer of their own, beside the visited page. On a 2-core machine a trace of
// the app's phone-profile start found that renderer busy 2.7 s and the GPU process 2.4 s (1.4 s without it) within
// the page's 3 s; a phone's browser has loaded its own UI long before a page is opened. Closed before each visit,
// for every page alike (Target.getTargets still lists them; their renderer stops).
async function closeBrowserUi(browser) {
  const session = await browser.newBrowserCDPSession();
  try {
    for (const t of (await session.send('Target.getTargets')).targetInfos) {
      if (t.type === 'browser_ui') await session.send('Target.closeTarget', { targetId: t.targetId }).catch(() => {});
    }
  } finally { await session.detach(); }
}

// One visit of one page in a fresh browser context (empty cache).
async function visit(browser, site, opt) {
  // The screen is larger than the viewport, as on a desktop. (With screen == viewport, Emscripten's GLFW
  // takes the window for full-screen and calls requestFullscreen() on every resize, which fails without
  // a user gesture and leaves an unhandled rejection in the baseline.)
  const context = await browser.newContext({
    viewport: { width: opt.width, height: opt.height }, screen: { width: opt.width + 640, height: opt.height + 360 },
    deviceScaleFactor: opt.dpr,
  });
  try {
    await context.addInitScript(instrument);
    const page = await context.newPage();
    await closeBrowserUi(browser);
    const errors = [];
    page.on('pageerror', (e) => errors.push(`page error: ${e.message || e}`));
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(`console ${m.type()}: ${m.text()}`); });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    if (opt.phone) {
      // Throttling needs the Network domain, not a second copy of each body for DevTools (ssi.wasm's: 40-50 ms at 4×).
      await cdp.send('Network.enable', { maxTotalBufferSize: 0, maxResourceBufferSize: 0 });
      await cdp.send('Network.emulateNetworkConditions',
        { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    }
    site.server.requests.length = 0;

    // The first frame comes by a CDP binding: waitForFunction would first evaluate Playwright's 330 KB script in the page.
    await cdp.send('Runtime.enable');
    await cdp.send('Runtime.addBinding', { name: '__benchFirstFrame' });
    let timer;
    const framed = new Promise((ok, fail) => {
      cdp.on('Runtime.bindingCalled', (e) => { if (e.name === '__benchFirstFrame') ok(); });
      timer = setTimeout(() => fail(new Error(`${site.name}: no frame was drawn within 60 s${errors.length ? ` (${errors[0]})` : ''}`)), 60000);
    });
    try {
      await Promise.all([page.goto(site.server.url, { waitUntil: 'commit' }), framed]);
    } finally {
      clearTimeout(timer);
    }
    // Polled with evaluate: waitForFunction's injected script would stay in the app's heap only.
    if (site.name === 'app') await until(page, () => window.ssiTest && window.ssiTest.ready === true, 30000, 'ssiTest.ready');
    if (opt.warmup) return null;

    // Settle: at least 2 s after the first frame, then until no frame was drawn for 1 s (at most 10 s more;
    // a page that draws continuously, like the baseline, never settles and is measured as it is).
    await sleep(2000);
    let last = (await page.evaluate(snapshot)).drawnFrames, quietSince = Date.now(), settled = false;
    for (const end = Date.now() + 10000; Date.now() < end;) {
      await sleep(250);
      const now = (await page.evaluate(snapshot)).drawnFrames;
      if (now !== last) { last = now; quietSince = Date.now(); } else if (Date.now() - quietSince >= 1000) { settled = true; break; }
    }

    // Idle window: nothing touches the page between the two metric reads.
    const s0 = await page.evaluate(snapshot);
    const m0 = await metrics(cdp);
    await sleep(opt.idleMs);
    const m1 = await metrics(cdp);
    const s1 = await page.evaluate(snapshot);
    const cdpSeconds = m1.Timestamp - m0.Timestamp;
    const pageSeconds = (s1.now - s0.now) / 1000;

    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const m2 = await metrics(cdp);
    const s2 = await page.evaluate(snapshot);
    // Each request, and whether the server had it before the first frame ended (what a person waits for).
    const requests = site.server.requests.map((r) => ({ ...r, beforeFrame: r.time <= s0.origin + s0.firstFrame }));
    return {
      settled,
      ttff: s0.firstFrame,
      firstDraw: s0.firstDraw,
      wasmInstantiated: s0.wasmInstantiated,
      webglContext: s0.webglContext,
      marks: s0.marks,
      htmlEnd: s0.htmlEnd, scriptStart: s0.script.start, scriptEnd: s0.script.end, wasmStart: s0.wasm.start, wasmEnd: s0.wasm.end,
      idleFrames: (s1.drawnFrames - s0.drawnFrames) / pageSeconds,
      idleRaf: (s1.rafCallbacks - s0.rafCallbacks) / pageSeconds,
      idleAppFrames: s0.appFrames === null ? null : (s1.appFrames - s0.appFrames) / pageSeconds,
      idleTaskMs: ((m1.TaskDuration - m0.TaskDuration) * 1000) / cdpSeconds,
      idleScriptMs: ((m1.ScriptDuration - m0.ScriptDuration) * 1000) / cdpSeconds,
      jsHeapUsed: m2.JSHeapUsedSize,
      jsHeapTotal: m2.JSHeapTotalSize,
      wasmMemory: s2.wasmMemory,
      drawsOutsideRaf: s2.drawsOutsideRaf,
      requests,
      errors,
    };
  } finally {
    await context.close();
  }
}

// The accessibility mirror on the results screen: one answer flipped back and forth changes the total, the gauges
// and the advice, so every frame it causes carries a changed tree. Counted from the app's own timer (test hook).
const MIRROR_CHANGES = 40;
async function mirrorCost(browser, site, opt) {
  const context = await browser.newContext({ viewport: { width: opt.width, height: opt.height }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await closeBrowserUi(browser);
    await page.goto(site.server.url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.ssiTest && window.ssiTest.ready === true, null, { timeout: 60000 });
    const quiet = async () => {
      let last = -1, since = Date.now();
      for (const end = Date.now() + 20000; Date.now() < end; await sleep(50)) {
        const { frames, busy } = await page.evaluate(() => ({ frames: ssiTest.frames(), busy: ssiTest.busy() }));
        if (busy || frames !== last) { last = frames; since = Date.now(); } else if (Date.now() - since >= 250) return;
      }
    };
    const question = await page.evaluate(() => {
      for (let round = 0; round < 3; ++round)
        for (const q of ssiTest.questions()) if (q.visible) ssiTest.answer(q.id, Math.min(1, q.points.length - 1));
      ssiTest.show('results');
      return ssiTest.questions().find((q) => q.visible && q.points.length > 1 && q.points[0] !== q.points[1]).id;
    });
    await quiet();
    await page.evaluate(() => ssiTest.a11yCost(true));
    for (let i = 0; i < MIRROR_CHANGES; ++i) {
      await page.evaluate(([id, option]) => ssiTest.answer(id, option), [question, i % 2]);
      await quiet();
    }
    const cost = await page.evaluate(() => ssiTest.a11yCost());
    const nodes = await page.evaluate(() => ssiTest.a11y().length);
    return { frames: cost.frames, perFrame: cost.frames ? cost.totalMs / cost.frames : null, max: cost.maxMs, nodes,
      tree: cost.frames ? cost.treeMs / cost.frames : null };
  } finally {
    await context.close();
  }
}

function mirrorReport(runs) {
  const perFrame = median(runs.map((r) => r.perFrame));
  const out = ['## Accessibility mirror (app only)', ''];
  out.push(`Cost per changed frame on the results screen (writing the semantics tree + updating the DOM): median of ` +
    `${runs.length} runs **${perFrame === null ? 'n/a' : perFrame.toFixed(3)} ms** (target ≤ 1 ms), worst frame ` +
    `${Math.max(...runs.map((r) => r.max)).toFixed(3)} ms; ${runs[0].frames} changed frames per run from ${MIRROR_CHANGES} ` +
    `answer changes, ${runs[0].nodes} mirror elements.`, '');
  out.push('| run | changed frames | ms per changed frame | of which writing the tree | worst frame ms |', '|---:|---:|---:|---:|---:|');
  runs.forEach((r, i) => out.push(`| ${i + 1} | ${r.frames} | ${r.perFrame?.toFixed(3)} | ${r.tree?.toFixed(3)} | ${r.max.toFixed(3)} |`));
  return out;
}

// The app's start-up, step by step: Resource Timing and the instrumentation up to instantiation, then the marks the
// app sets on the performance timeline (page::mark: main.cpp and web_backend.cpp's first frame), then the first frame.
const TRACE = [
  ['HTML received', (r) => r.htmlEnd],
  ['wasm received', (r) => r.wasmEnd],
  ['wasm compiled and instantiated', (r) => r.wasmInstantiated],
  ['runtime started, main() entered', (r) => r.marks['ssi:main']],
  ['content parsed and validated, saved state restored (App::init; the shaders compile meanwhile)', (r) => r.marks['ssi:content']],
  ['WebGL renderer ready (what was left of the shaders\' compile)', (r) => r.marks['ssi:renderer']],
  ['input and page watchers installed, main() returned', (r) => r.marks['ssi:main-end']],
  ['first animation frame began', (r) => r.marks['ssi:frame']],
  ['font atlas built (fonts added, glyphs rasterised)', (r) => r.marks['ssi:atlas']],
  ['font texture uploaded', (r) => r.marks['ssi:upload']],
  ['first frame\'s UI built (ImGui)', (r) => r.marks['ssi:ui']],
  ['first frame drawn (WebGL)', (r) => r.marks['ssi:render']],
  ['accessibility mirror updated', (r) => r.marks['ssi:mirror']],
  ['first frame ended', (r) => r.ttff],
];
function startupTrace(list) {
  return TRACE.map(([name, at], i) => ({
    name,
    at: median(list.map((r) => at(r) ?? null)),
    took: i === 0 ? null : median(list.map((r) => (at(r) == null || TRACE[i - 1][1](r) == null ? null : at(r) - TRACE[i - 1][1](r)))),
  }));
}
function traceReport(trace, runs) {
  const out = ['## Start-up trace (app)', '', `Medians of ${runs} runs: when each step ended (ms after navigation start) ` +
    'and how long it took since the step before.', '', '| step | ended at | took |', '|---|---:|---:|'];
  for (const s of trace) out.push(`| ${s.name} | ${fmt.ms(s.at)} | ${s.took === null ? '' : fmt.ms(s.took)} |`);
  return out;
}

// The same steps run by run: a median hides a start that is slow only now and then, and which step makes it slow.
function traceRunsReport(list) {
  const out = ['Each run: when each step ended (ms after navigation start).', '',
    `| step | ${list.map((_, i) => `run ${i + 1}`).join(' | ')} |`, `|---|${list.map(() => '---:').join('|')}|`];
  for (const [name, at] of TRACE) out.push(`| ${name} | ${list.map((r) => (at(r) == null ? '' : fmt.ms(at(r)))).join(' | ')} |`);
  return out;
}

// A copy of a site with a brotli (q11) and a gzip (-9) variant next to every file, as docs/deploy.md's host serves it.
function compressedCopy(from, to) {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
  for (const f of readdirSync(to)) {
    const file = join(to, f);
    if (!statSync(file).isFile()) continue;
    const body = readFileSync(file);
    writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: body.length } }));
    writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
  }
  return to;
}

// --- Transfer sizes ------------------------------------------------------------------------------------
const compressed = new Map();
function sizes(file) {
  if (!compressed.has(file)) {
    const body = readFileSync(file);
    compressed.set(file, {
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, {
        params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: body.length },
      }).length,
    });
  }
  return compressed.get(file);
}

function transfer(site, requests) {
  const files = [], failed = [];
  for (const r of requests) {
    if (r.status !== 200 || r.method !== 'GET') { failed.push(`${r.method} ${r.path} → ${r.status}`); continue; }
    let p = decodeURIComponent(r.path);
    if (p.endsWith('/')) p += 'index.html';
    files.push({ path: p, ...sizes(join(site.root, p)) });
  }
  const total = (k) => files.reduce((s, f) => s + f[k], 0);
  return { files, failed, raw: total('raw'), gzip: total('gzip'), brotli: total('brotli') };
}

// --- Report --------------------------------------------------------------------------------------------
const median = (xs) => {
  const v = xs.filter((x) => x !== null && x !== undefined && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const group = (n) => Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
const fmt = {
  bytes: (n) => (n === null ? 'n/a' : `${group(n)} B (${(n / 1024).toFixed(1)} KiB)`),
  mib: (n) => (n === null ? 'n/a' : `${(n / 1048576).toFixed(2)} MiB`),
  ms: (n) => (n === null ? 'n/a' : `${n.toFixed(0)} ms`),
  rate: (n) => (n === null ? 'n/a' : `${n.toFixed(1)} /s`),
  msps: (n) => (n === null ? 'n/a' : `${n.toFixed(1)} ms/s`),
};
function ratio(a, b) {
  if (a === null || b === null) return 'n/a';
  if (b === 0) return a === 0 ? '— (both 0)' : '∞';
  const r = a / b;
  return r === 0 ? '0' : r < 0.1 ? r.toPrecision(2) : r.toFixed(2);
}

async function main() {
  const opt = parseArgs(process.argv.slice(2));
  if (opt.mirrorOnly) return mirrorOnly(opt);
  if (opt.limits) return limits(opt);
  for (const [name, dir] of [['app', opt.app], ['baseline', opt.baseline]]) {
    if (!existsSync(join(dir, 'index.html'))) throw new Error(`no ${name} page in ${dir}: run scripts/bench (it builds both)`);
  }
  if (opt.surveyjs && !existsSync(join(opt.surveyjs, 'index.html'))) {
    console.error(`[bench] no SurveyJS page in ${opt.surveyjs} (node bench/surveyjs/make.mjs builds it): measured without it`);
    opt.surveyjs = null;
  }
  if (!existsSync('/usr/bin/chromium')) throw new Error('Chromium is missing: run scripts/setup');

  // The phone profile serves copies with compressed variants (the server picks what the browser accepts).
  const root = (name, dir) => (opt.phone ? compressedCopy(dir, join(ROOT, 'build/bench/phone', name)) : dir);
  const sites = [
    { name: 'app', root: opt.app, server: await serve(root('app', opt.app)) },
    { name: 'baseline', root: opt.baseline, server: await serve(root('baseline', opt.baseline)) },
  ];
  // SurveyJS sets inline styles, which our Content-Security-Policy forbids: served without it, as its users would.
  if (opt.surveyjs) sites.push({ name: 'surveyjs', root: opt.surveyjs, server: await serve(root('surveyjs', opt.surveyjs), { csp: false }) });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const runs = { app: [], baseline: [], surveyjs: [], mirror: [] };
  let version = "?";
  try {
    const webgl2 = await (async () => {
      const page = await browser.newPage();
      try { return await page.evaluate(() => !!document.createElement('canvas').getContext('webgl2')); } finally { await page.close(); }
    })();
    if (!webgl2) throw new Error('this Chromium has no WebGL2 (SwiftShader missing?)');
    // One uncounted visit per page first (starts the GPU process, warms the browser), then the runs,
    // alternating the pages so that drift on the machine affects both alike.
    for (const site of sites) await visit(browser, site, { ...opt, warmup: true });
    for (let i = 0; i < opt.runs; ++i) {
      for (const site of sites) {
        await sleep(1500);  // the last visit's renderer, closed with its context, has ended before the next starts
        const r = await visit(browser, site, opt);
        runs[site.name].push(r);
        console.error(`[bench] ${site.name} run ${i + 1}/${opt.runs}: first frame ${r.ttff.toFixed(0)} ms, ` +
          `idle ${r.idleFrames.toFixed(1)} frames/s, ${r.idleTaskMs.toFixed(1)} ms task/s` +
          (r.settled ? '' : ' (never idle)'));
      }
    }
    // The mirror's cost is a desktop figure (issue 12): not measured again under the phone profile.
    if (!opt.phone) for (let i = 0; i < opt.runs; ++i) runs.mirror.push(await mirrorCost(browser, sites[0], opt));
    version = browser.version();
  } finally {
    await browser.close();
    for (const s of sites) await s.server.close();
  }

  const t = {};
  for (const site of sites) {
    const list = runs[site.name];
    const transfers = list.map((r) => transfer(site, r.requests));
    const key = (x) => x.files.map((f) => f.path).join(',');
    t[site.name] = { transfer: transfers[0], transferStable: transfers.every((x) => key(x) === key(transfers[0])),
      waited: median(list.map((r) => transfer(site, r.requests.filter((q) => q.beforeFrame)).brotli)) };
    for (const k of ['ttff', 'firstDraw', 'wasmInstantiated', 'webglContext', 'htmlEnd', 'scriptStart', 'scriptEnd', 'wasmStart', 'wasmEnd', 'idleFrames', 'idleRaf', 'idleAppFrames', 'idleTaskMs',
      'idleScriptMs', 'jsHeapUsed', 'jsHeapTotal', 'wasmMemory', 'drawsOutsideRaf']) {
      t[site.name][k] = median(list.map((r) => r[k]));
    }
    t[site.name].settled = list.filter((r) => r.settled).length;
  }
  const trace = startupTrace(runs.app);
  const a = t.app, b = t.baseline, c = t.surveyjs || null;
  // Each row: its name, how to read it from a site's medians, how to print it.
  const rows = [
    ['transfer, raw', (x) => x.transfer.raw, fmt.bytes],
    ['transfer, gzip -9', (x) => x.transfer.gzip, fmt.bytes],
    ['transfer, brotli q11', (x) => x.transfer.brotli, fmt.bytes],
    ['  of which before the first frame, brotli q11', (x) => x.waited, fmt.bytes],
    ['requests', (x) => x.transfer.files.length, (n) => String(n)],
    ['time to first frame', (x) => x.ttff, fmt.ms],
    ['  HTML received at', (x) => x.htmlEnd, fmt.ms],
    ['  script requested at', (x) => x.scriptStart, fmt.ms],
    ['  script received at', (x) => x.scriptEnd, fmt.ms],
    ['  wasm requested at', (x) => x.wasmStart, fmt.ms],
    ['  wasm received at', (x) => x.wasmEnd, fmt.ms],
    ['  wasm instantiated at', (x) => x.wasmInstantiated, fmt.ms],
    ['  WebGL context created at', (x) => x.webglContext, fmt.ms],
    ['idle: frames drawn per second', (x) => x.idleFrames, fmt.rate],
    ['idle: rAF callbacks per second', (x) => x.idleRaf, fmt.rate],
    ['idle: main-thread task time per second', (x) => x.idleTaskMs, fmt.msps],
    ['idle: of which script', (x) => x.idleScriptMs, fmt.msps],
    ['JS heap used (after GC)', (x) => x.jsHeapUsed, fmt.mib],
    ['JS heap total', (x) => x.jsHeapTotal, fmt.mib],
    ['wasm memory', (x) => x.wasmMemory, fmt.mib],
  ];
  const out = [];
  out.push(`# Bench: SSI Self-Check vs. stock Dear ImGui${c ? ' and SurveyJS' : ''}${opt.phone ? ' — phone profile' : ''}`, '');
  if (opt.phone) {
    out.push('Phone profile: CPU slowed down 4×, 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up (CDP emulation); both ' +
      `sites served with precompressed variants (encodings served: ${[...new Set(sites.flatMap((s) => runs[s.name]
        .flatMap((r) => r.requests.map((q) => q.encoding || 'identity'))))].join(', ')}).`, '');
  }
  out.push(`${new Date().toISOString()} · Chromium ${version} (headless, SwiftShader WebGL2) · viewport ` +
    `${opt.width}×${opt.height} @${opt.dpr}x · median of ${opt.runs} runs per page, each in a fresh context, after one uncounted warm-up visit · ` +
    `idle window ${(opt.idleMs / 1000).toFixed(1)} s after the page settled`, '');
  if (c) {
    out.push('Baseline = stock Dear ImGui (one window). SurveyJS = the same questionnaire as a SurveyJS page ' +
      '(bench/surveyjs/make.mjs). The goals of issue 16: first frame ≤ 1.2× baseline and ≤ 0.6× SurveyJS.', '');
    out.push('| metric | app | baseline | app/baseline | SurveyJS | app/SurveyJS |', '|---|---:|---:|---:|---:|---:|');
    for (const [name, get, f] of rows) out.push(`| ${name} | ${f(get(a))} | ${f(get(b))} | ${ratio(get(a), get(b))} | ${f(get(c))} | ${ratio(get(a), get(c))} |`);
  } else {
    out.push('| metric | app | baseline | ratio (app/baseline) |', '|---|---:|---:|---:|');
    for (const [name, get, f] of rows) out.push(`| ${name} | ${f(get(a))} | ${f(get(b))} | ${ratio(get(a), get(b))} |`);
  }
  out.push('');
  out.push(`Cross-check: the app's own counter (ssiTest.frames()) says ${fmt.rate(a.idleAppFrames)} while idle. ` +
    `Pages that went idle (no frame for 1 s) before the window: app ${a.settled}/${opt.runs}, baseline ${b.settled}/${opt.runs}. ` +
    `Draw calls outside requestAnimationFrame: app ${a.drawsOutsideRaf}, baseline ${b.drawsOutsideRaf}.`, '');
  for (const site of sites) {
    const seen = [...new Set(runs[site.name].flatMap((r) => r.errors))];
    out.push(`Console errors and warnings, ${site.name}: ${seen.length ? seen.map((e) => `\`${e}\``).join('; ') : 'none'}.`);
  }
  out.push('');
  out.push(...traceReport(trace, opt.runs), '', ...traceRunsReport(runs.app), '');
  if (runs.mirror.length) out.push(...mirrorReport(runs.mirror), '');
  out.push('## Files loaded', '', '| page | file | raw | gzip -9 | brotli q11 |', '|---|---|---:|---:|---:|');
  for (const site of sites) {
    for (const f of t[site.name].transfer.files) out.push(`| ${site.name} | ${f.path} | ${group(f.raw)} | ${group(f.gzip)} | ${group(f.brotli)} |`);
    for (const f of t[site.name].transfer.failed) out.push(`| ${site.name} | ${f} (not counted) | | | |`);
    if (!t[site.name].transferStable) out.push(`| ${site.name} | (the set of files differed between runs; run 1 shown) | | | |`);
  }
  out.push('');
  out.push('## Per run', '', '| page | run | first frame | idle frames/s | idle rAF/s | idle task ms/s | JS heap used | wasm memory |',
    '|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const site of sites) {
    runs[site.name].forEach((r, i) => out.push(`| ${site.name} | ${i + 1} | ${fmt.ms(r.ttff)} | ${r.idleFrames.toFixed(1)} | ` +
      `${r.idleRaf.toFixed(1)} | ${r.idleTaskMs.toFixed(1)} | ${fmt.mib(r.jsHeapUsed)} | ${fmt.mib(r.wasmMemory)} |`));
  }
  out.push('');
  out.push('How: transfer = every file the page fetched (the static server\'s request log), as stored (raw) and ' +
    'compressed the way a host would (gzip -9, brotli quality 11). First frame = ms from navigation start to the ' +
    'end of the first requestAnimationFrame callback that issued a WebGL draw call. Frames drawn = animation ' +
    'frames with at least one draw call; task/script time = CDP Performance TaskDuration/ScriptDuration deltas ' +
    'over the idle window (main thread). JS heap = CDP JSHeapUsedSize after HeapProfiler.collectGarbage. Wasm ' +
    'memory = byteLength of the module\'s memory, captured by wrapping WebAssembly.instantiate(Streaming). ' +
    'The same init script instruments every page; the SurveyJS page has no WebGL: its first frame is the end of the ' +
    'first animation frame after SurveyJS rendered the survey. Before each visit the browser\'s own omnibox popup ' +
    'pages, which Chromium loads with every new window, are closed, and the last visit\'s renderer has had 1.5 s to ' +
    'end: neither shares the CPU with the visited page.');
  const text = out.join('\n') + '\n';
  process.stdout.write(text);
  await mkdir(dirname(opt.out), { recursive: true });
  await writeFile(opt.out, text);
  console.error(`[bench] written to ${opt.out}`);
}

// Only the mirror's cost (no baseline page needed): node scripts/bench.mjs --mirror-only
async function mirrorOnly(opt) {
  if (!existsSync(join(opt.app, 'index.html'))) throw new Error(`no app page in ${opt.app}: build the dist target`);
  const site = { name: 'app', root: opt.app, server: await serve(opt.app) };
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const runs = [];
  try {
    for (let i = 0; i < opt.runs; ++i) runs.push(await mirrorCost(browser, site, opt));
  } finally {
    await browser.close();
    await site.server.close();
  }
  const text = [`# Bench: accessibility mirror`, '', `${new Date().toISOString()} · viewport ${opt.width}×${opt.height} @1x`, '',
    ...mirrorReport(runs)].join('\n') + '\n';
  process.stdout.write(text);
  await mkdir(dirname(opt.out), { recursive: true });
  await writeFile(opt.out, text);
}

// --- History at the limits (node scripts/bench.mjs --limits [--against DIR]) ------------------------------
// The document is lib.mjs's largestDocument, the one tests/browser/data.test.mjs bounds.
function timeFrames([store, text]) {
  if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); localStorage.setItem(store, text); }
  window.__frameMs = [];
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((t) => { const s = performance.now(); cb(t); window.__frameMs.push(performance.now() - s); });
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = async (...args) => {
      const result = await original.apply(WebAssembly, args);
      for (const v of Object.values((result.instance || result).exports)) if (v instanceof WebAssembly.Memory) window.__wasmMemory = v;
      return result;
    };
  }
}

async function historyFrames(browser, url, entries, opt) {
  const { context, page } = await openTimed(browser, url, opt, ['ssi-selfcheck.store', largestDocument(entries)]);
  try {
    await page.evaluate(() => ssiTest.show('history'));
    await sleep(2000);
    return await wheelThrough(page, opt);
  } finally {
    await context.close();
  }
}

// Opens the page (frames timed, wasm memory captured) with `store` seeded, and waits for its first frame.
async function openTimed(browser, url, opt, seed) {
  const context = await browser.newContext({ viewport: { width: opt.width, height: opt.height }, deviceScaleFactor: 1, reducedMotion: 'reduce', acceptDownloads: true });
  await context.addInitScript(timeFrames, seed);
  const page = await context.newPage();
  await closeBrowserUi(browser);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.ssiTest && window.ssiTest.ready === true, null, { timeout: 60000 });
  return { context, page };
}

async function wheelThrough(page, opt) {
  await page.evaluate(() => { window.__frameMs = []; });
  await page.mouse.move(opt.width / 2, opt.height / 2);
  for (let i = 0; i < 40; ++i) { await page.mouse.wheel(0, 600); await sleep(30); }
  await sleep(1500);
  const frames = (await page.evaluate(() => window.__frameMs)).sort((a, b) => a - b);
  return { frames: frames.length, median: median(frames), worst: frames.length ? frames[frames.length - 1] : null,
    memory: await page.evaluate(() => window.__wasmMemory.buffer.byteLength) };
}

// The group view with two sessions of `n` participants each (lib.mjs's largestGroup), compared, scrolled through.
async function groupFrames(browser, url, n, opt) {
  const { context, page } = await openTimed(browser, url, opt, ['ssi-bench.none', '']);
  try {
    await page.evaluate((t) => ssiTest.groupImport(t), largestGroup(n));
    await sleep(500);
    const w = (await page.evaluate(() => ssiTest.widgets())).find((x) => x.id === 'group.session.new');
    await page.mouse.click(w.x + w.w / 2, w.y + w.h / 2);
    await sleep(500);
    const agg = await page.evaluate((t) => ssiTest.groupImport(t), largestGroup(n, 150));
    if (!agg.comparison || agg.comparison.people.length !== n) throw new Error(`group of ${n}: not compared`);
    await sleep(2000);
    return await wheelThrough(page, opt);
  } finally {
    await context.close();
  }
}

// The exports of the document of `entries` entries: "export everything" (JSON, through the test hook, timed around
// the call) and the CSV download (the frame of the click, timed by requestAnimationFrame), and the wasm memory after.
async function exportCosts(browser, url, entries, opt) {
  const { context, page } = await openTimed(browser, url, opt, ['ssi-selfcheck.store', largestDocument(entries)]);
  try {
    await page.evaluate(() => ssiTest.show('data'));
    await sleep(1500);
    const json = [];
    for (let i = 0; i < 3; ++i)
      json.push(await page.evaluate(() => { const s = performance.now(); const n = ssiTest.exportText().length; return [performance.now() - s, n]; }));
    const w = (await page.evaluate(() => ssiTest.widgets())).find((x) => x.id === 'data.csv');
    await page.evaluate(() => { window.__frameMs = []; });
    const download = page.waitForEvent('download');
    await page.mouse.click(w.x + w.w / 2, w.y + w.h / 2);
    const csvBytes = (await readFileSync(await (await download).path())).length;
    await sleep(1000);
    const frames = await page.evaluate(() => window.__frameMs);
    return { json: median(json.map(([ms]) => ms)), jsonBytes: json[0][1], csv: Math.max(...frames), csvBytes,
      memory: await page.evaluate(() => window.__wasmMemory.buffer.byteLength) };
  } finally {
    await context.close();
  }
}

async function limits(opt) {
  const builds = [['this build', opt.app], ...(opt.against ? [['--against', opt.against]] : [])];
  for (const [name, dir] of builds) if (!existsSync(join(dir, 'index.html'))) throw new Error(`no page for ${name} in ${dir}`);
  const servers = await Promise.all(builds.map(([, dir]) => serve(dir)));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  // What is measured, each at the largest accepted size and a tenth of it.
  const kinds = [['history', historyFrames, 1500, 150], ['group', groupFrames, 200, 20], ['exports', exportCosts, 1500, 150]];
  const history = [], group = [], exports = [];
  try {
    // Runs alternate between the builds, kinds and sizes, so drift on the machine affects all alike.
    const runs = new Map();
    for (let run = 0; run < opt.runs; ++run)
      for (const [b, server] of servers.entries())
        for (const [kind, measure, large, tenth] of kinds)
          for (const size of [large, tenth]) {
            const r = await measure(browser, server.url, size, opt);
            const key = `${b}/${kind}/${size}`;
            runs.set(key, [...(runs.get(key) || []), r]);
            console.error(`[bench] ${builds[b][0]}, ${kind} ${size}, run ${run + 1}: ${JSON.stringify(r)}`);
          }
    for (const [b, [name, dir]] of builds.entries()) {
      const at = (kind, size, k) => median(runs.get(`${b}/${kind}/${size}`).map((r) => r[k]));
      const frames = (kind, large, tenth) => `| ${name} (${dir}) | ${at(kind, large, 'median')?.toFixed(1)} ms | ` +
        `${at(kind, large, 'worst')?.toFixed(1)} ms | ${fmt.mib(at(kind, large, 'memory'))} | ${at(kind, tenth, 'median')?.toFixed(1)} ms | ` +
        `${ratio(at(kind, large, 'median'), at(kind, tenth, 'median'))} | ${fmt.mib(at(kind, tenth, 'memory'))} |`;
      history.push(frames('history', 1500, 150));
      group.push(frames('group', 200, 20));
      exports.push(`| ${name} (${dir}) | ${at('exports', 1500, 'json').toFixed(1)} ms (${fmt.mib(at('exports', 1500, 'jsonBytes'))}) | ` +
        `${at('exports', 1500, 'csv').toFixed(1)} ms (${fmt.mib(at('exports', 1500, 'csvBytes'))}) | ${fmt.mib(at('exports', 1500, 'memory'))} | ` +
        `${at('exports', 150, 'json').toFixed(1)} ms | ${at('exports', 150, 'csv').toFixed(1)} ms | ` +
        `${ratio(at('exports', 1500, 'json'), at('exports', 150, 'json'))} / ${ratio(at('exports', 1500, 'csv'), at('exports', 150, 'csv'))} | ` +
        `${fmt.mib(at('exports', 150, 'memory'))} |`);
    }
  } finally {
    await browser.close();
    for (const s of servers) await s.close();
  }
  const framesHead = (large, tenth) => [`| build | ${large}: median frame | worst frame | wasm memory | ${tenth}: median frame | ratio | wasm memory |`,
    '|---|---:|---:|---:|---:|---:|---:|'];
  const text = ['# Bench: at the largest accepted sizes', '',
    `${new Date().toISOString()} · viewport ${opt.width}×${opt.height} @1x · median of ${opt.runs} runs; a frame = one ` +
    'requestAnimationFrame callback (the app\'s whole frame, mirror included); issue 13 asks ≤ 50 ms a frame, ≤ 100 MB', '',
    '## History at the largest stored document (1,500 entries with 900-character notes vs 150): 40 wheel steps of 600 px', '',
    ...framesHead('1,500 entries', '150 entries'), ...history, '',
    '## Group view: two sessions of 200 participants (40-character nicknames, all paired) compared, vs 20: 40 wheel steps of 600 px', '',
    ...framesHead('200 participants', '20 participants'), ...group, '',
    '## Exports of the largest stored document vs 150 entries: "export everything" (JSON, the test hook\'s call) and the CSV download (its frame)', '',
    '| build | 1,500: JSON | CSV | wasm memory after | 150: JSON | CSV | ratio JSON / CSV | wasm memory after |',
    '|---|---:|---:|---:|---:|---:|---:|---:|', ...exports, ''].join('\n');
  process.stdout.write(text);
  await mkdir(dirname(opt.out), { recursive: true });
  await writeFile(opt.out, text);
}

main().catch((e) => { console.error(`[bench] error: ${e.message}`); process.exit(1); });
