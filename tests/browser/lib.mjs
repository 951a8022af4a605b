// Shared set-up for the browser tests: serve dist/, start headless Chromium, open the page, and record
// console messages, page errors and every request the page (or its service worker) makes.
import { chromium } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serve } from '../../scripts/lib/static-server.mjs';

export const DIST = resolve(process.env.SSI_DIST || 'dist');
export const ARTIFACTS = resolve(process.env.SSI_ARTIFACTS || 'artifacts');

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic', '--mute-audio',
];

export async function launch() {
  if (!existsSync('/usr/bin/chromium')) throw new Error('Chromium is missing: run scripts/setup (apt-get install chromium)');
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`no build in ${DIST}: run scripts/build`);
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

export async function startServer(root = DIST) {
  return serve(root);
}

// Opens the app and waits for its first frame. Returns { page, context, console, errors, requests }.
// `init`: a script run in the page before its own (CAPTURE_MEMORY).
export async function openApp(browser, server, { width = 390, height = 844, locale = 'de-DE', deviceScaleFactor = 1,
  hasTouch = false, colorScheme = 'light', reducedMotion = 'reduce', path = '', init = '', route = null,
  serviceWorkers = 'allow', waitCode = true } = {}) {
  // serviceWorkers 'block': the page's own requests never go through the worker, so `route` sees every one.
  const context = await browser.newContext({
    viewport: { width, height }, locale, deviceScaleFactor, hasTouch, isMobile: hasTouch, colorScheme, reducedMotion,
    serviceWorkers,
  });
  if (init) await context.addInitScript({ content: init });
  // route: [url pattern, handler(route)], to hold back or fail a file before the page asks for it.
  if (route) await context.route(...route);
  const page = await context.newPage();
  const log = { console: [], errors: [], requests: [] };
  page.on('console', (m) => log.console.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => log.errors.push(String(e)));
  context.on('request', (r) => log.requests.push(r.url()));
  await page.goto(server.url + path);
  await waitReady(page, { code: waitCode });
  return { page, context, ...log };
}

// Ready as a person finds the page: drawn, and (unless `code` is false, for a test that holds it back) with the code
// past the welcome screen in, which the questionnaire and the results wait for (Host::code_ready()).
export async function waitReady(page, { code = true } = {}) {
  const webgl2 = await page.evaluate(() => !!document.createElement('canvas').getContext('webgl2'));
  if (!webgl2) throw new Error('this Chromium has no WebGL2 (SwiftShader missing?): the browser tests cannot run');
  await page.waitForFunction((code) => window.ssiTest && window.ssiTest.ready === true && (!code || ssiTest.codeReady()),
    code, { timeout: 30000 });
}

// Waits until the page has drawn everything it wanted to and gone idle: no frame scheduled (ssiTest.busy())
// and no frame drawn for `quietMs`. Input events schedule their frame synchronously, so after an awaited
// click or key press busy() is true until the page has finished reacting, however slow the machine is.
export async function settle(page, quietMs = 300) {
  const deadline = Date.now() + 20000;
  let last = -1;
  while (Date.now() < deadline) {
    const { busy, frames } = await page.evaluate(() => ({ busy: ssiTest.busy(), frames: ssiTest.frames() }));
    if (!busy && frames === last) return frames;
    last = busy ? -1 : frames;
    await page.waitForTimeout(busy ? 30 : quietMs);
  }
  throw new Error('the page never went idle');
}

export async function widget(page, id) {
  const list = await page.evaluate(() => ssiTest.widgets());
  return list.find((w) => w.id === id);
}

// Clicks a widget's centre as a person would (mouse, or a tap with touch) and waits for the page to settle.
export async function clickWidget(page, id, { tap = false } = {}) {
  const w = await widget(page, id);
  if (!w) throw new Error(`widget ${id} is not on screen`);
  const x = w.x + w.w / 2, y = w.y + w.h / 2;
  if (tap) await page.touchscreen.tap(x, y);
  else await page.mouse.click(x, y);
  await settle(page, 250);  // SwiftShader frames can take over 100 ms: wait for a real quiet spell
  return w;
}

// Scrolls with the mouse wheel until the widget is fully on screen, then clicks it like clickWidget().
export async function clickOnScreen(page, id) {
  const { width, height } = page.viewportSize();
  for (let i = 0; i < 30; ++i) {
    const w = await widget(page, id);
    if (w && w.y >= 0 && w.y + w.h <= height) return clickWidget(page, id);
    await page.mouse.move(width / 2, height / 2);
    await page.mouse.wheel(0, w && w.y < 0 ? -300 : 300);
    await settle(page, 250);
  }
  throw new Error(`${id} never came on screen`);
}

export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

// Reads the WebGL canvas back (the context preserves its drawing buffer) and summarises it:
// how many distinct colours (coarsely quantised) and what share of pixels differ from the top-left one.
export async function canvasStats(page) {
  return page.evaluate(() => {
    const gl = document.getElementById('canvas');
    const c = document.createElement('canvas');
    c.width = gl.width; c.height = gl.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(gl, 0, 0);
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    const colours = new Set();
    let differ = 0;
    const bg = [data[0], data[1], data[2]];
    for (let i = 0; i < data.length; i += 4) {
      colours.add(((data[i] >> 4) << 8) | ((data[i + 1] >> 4) << 4) | (data[i + 2] >> 4));
      if (Math.abs(data[i] - bg[0]) + Math.abs(data[i + 1] - bg[1]) + Math.abs(data[i + 2] - bg[2]) > 24) differ++;
    }
    return { width: c.width, height: c.height, colours: colours.size, differ: differ / (data.length / 4) };
  });
}

// The colour of one canvas pixel at CSS coordinates (x, y).
export async function pixelAt(page, x, y) {
  return page.evaluate(([x, y]) => {
    const gl = document.getElementById('canvas');
    const scale = gl.width / gl.clientWidth;
    const c = document.createElement('canvas');
    c.width = gl.width; c.height = gl.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(gl, 0, 0);
    const d = ctx.getImageData(Math.round(x * scale), Math.round(y * scale), 1, 1).data;
    return [d[0], d[1], d[2]];
  }, [x, y]);
}

// --- Privacy recorders ----------------------------------------------------------------------------------

// Records, for one context and its first page, what privacy depends on:
// - `violations`: every `securitypolicyviolation` event, in the page (a listener added before any of its
//   scripts runs, on every load) and in its service worker (the worker is held at start through the page's
//   DevTools auto-attach until the listener is in place, on every start of the worker);
// - `requests`: every request the browser reports for the page and its service worker ({ url, worker }).
// Both are reported through bindings as they happen, so reloads and worker restarts lose nothing.
export async function watchPrivacy(context, page) {
  const violations = [], requests = [];
  const listen = (report) => `self.addEventListener('securitypolicyviolation', (e) => ${report}(JSON.stringify({
    directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber })), true);`;
  await context.exposeBinding('__ssiViolation', (_, json) => violations.push({ where: 'page', ...JSON.parse(json) }));
  await context.addInitScript({ content: listen('window.__ssiViolation') });
  context.on('request', (r) => requests.push({ url: r.url(), worker: !!r.serviceWorker() }));

  const cdp = await context.newCDPSession(page);
  let id = 0;
  const send = (sessionId, method, params = {}) =>
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: ++id, method, params }) });
  cdp.on('Target.attachedToTarget', async ({ sessionId, targetInfo }) => {
    try {
      if (targetInfo.type === 'service_worker') {
        await send(sessionId, 'Runtime.addBinding', { name: '__ssiViolation' });
        await send(sessionId, 'Runtime.evaluate', { expression: listen('self.__ssiViolation') });
      }
    } finally { await send(sessionId, 'Runtime.runIfWaitingForDebugger').catch(() => {}); }
  });
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const m = JSON.parse(message);
    if (m.method === 'Runtime.bindingCalled' && m.params.name === '__ssiViolation')
      violations.push({ where: 'service worker', ...JSON.parse(m.params.payload) });
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  return { violations, requests, cdp };
}

// An HTTP proxy that answers nothing and records everything sent to it (`seen`: "GET http://host/path",
// "CONNECT host:443"). A context created with `proxy: { server: proxy.server, bypass: '127.0.0.1' }` sends every
// request not meant for the loopback test server here: ground truth for "nothing went anywhere else".
export async function startProxyRecorder() {
  const seen = [];
  const server = createServer((req, res) => { seen.push(`${req.method} ${req.url}`); res.writeHead(502); res.end(); });
  server.on('connect', (req, socket) => { seen.push(`CONNECT ${req.url}`); socket.destroy(); });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { seen, server: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) };
}

// The module's memory, found where the page instantiates it.
export const CAPTURE_MEMORY = `for (const name of ['instantiate', 'instantiateStreaming']) {
  const original = WebAssembly[name];
  WebAssembly[name] = async (...args) => {
    const result = await original.apply(WebAssembly, args);
    for (const v of Object.values((result.instance || result).exports)) if (v instanceof WebAssembly.Memory) window.__wasmMemory = v;
    return result;
  };
}`;

// The largest stored document the app keeps (limits::kMaxEntries real entries with 900-character notes, on
// consecutive days): the data test's bounds and scripts/bench's --limits frame times use the same one.
export function largestDocument(entries) {
  const day = 24 * 3600 * 1000, start = Date.UTC(2020, 0, 1);
  const real = [];
  for (let i = 0; i < entries; ++i) {
    const c = (k) => (i * 37 + k * 101) % 2501;
    real.push({ centi: { brand: c(1), engage: c(2), find: c(3), relationships: c(4) },
      date: new Date(start + i * day).toISOString().slice(0, 10), id: `r-${i}`, note: `Week ${i}: ` + 'n'.repeat(900) });
  }
  return JSON.stringify({ checks: [], progress: { answers: {} }, real, schema: 'ssi-selfcheck/store', schemaVersion: 2,
    settings: { language: 'en' } });
}

// The largest group session the group view accepts: `n` hand-over files (200 is the limit) with 40-character
// nicknames, written from docs/data-format.md; `shift` hundredths more per component gives the same people later.
// workshop.test.mjs's bounds and scripts/bench's --limits group frames use the same one.
export function largestGroup(n, shift = 0) {
  const texts = [];
  for (let i = 0; i < n; ++i) {
    const centi = [1, 2, 3, 4].map((k) => Math.min(2500, ((i * 37 + k * 101) % 2501) + shift));
    const total = Math.floor((centi.reduce((a, b) => a + b, 0) + 50) / 100);
    const corridor = total < 30 ? 'inactive' : total < 50 ? 'occasional' : total < 80 ? 'active' : 'top';
    const nickname = `Person ${i + 1}`.padEnd(40, 'x');
    texts.push(JSON.stringify({ type: 'ssi-selfcheck/handover', schemaVersion: 1, appVersion: 'test',
      questionnaire: { id: 'ssi-selfcheck', version: '1.0.0' }, nickname, total, corridor,
      components: { brand: centi[0] / 100, find: centi[1] / 100, engage: centi[2] / 100, relationships: centi[3] / 100 } }));
  }
  return texts;
}
