// Issue 15 in the browser: the trainer scans participants' hand-over QR codes with the camera. Chromium's fake camera
// plays a Y4M made here from three participants' hand-over screens (their QR codes, as drawn by the app); the scan
// adds exactly those three, and a repeat adds none. Camera refused, no camera, and a browser without a QR reader: the
// message, and the field for typing the code. This Chromium has no BarcodeDetector (Linux): the scan goes through the
// app's own decoder (scan.js, a Worker over scan.wasm), fetched only when the scanner opens; a short case gives the page
// a BarcodeDetector and checks that one is used instead.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ARTIFACTS, CHROMIUM_ARGS, launch, startServer, openApp, settle, waitReady, clickOnScreen, screenshot }
  from './lib.mjs';

const W = 640, H = 480, FPS = 5;  // the fake camera's picture: 4:3 like most webcams, 5 frames a second
let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

// The three participants: answers (option per question, cycled) and nicknames.
const PARTICIPANTS = [{ nickname: 'Anna', pick: 0 }, { nickname: 'Ben', pick: 2 }, { nickname: 'Zoë', pick: 4 }];

// One participant's hand-over screen on a phone: their code (ssiTest.handoverQR()) and the QR code as drawn, as a
// camera frame (grey levels, W × H, the code in the middle at whole pixels per screen pixel).
async function participantFrame(page, { nickname, pick }) {
  await page.evaluate((p) => { ssiTest.questions().forEach((q) => ssiTest.answer(q.id, p % q.points.length)); }, pick);
  await page.evaluate(() => ssiTest.show('handover'));
  await settle(page);
  await clickOnScreen(page, 'handover.nickname');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(nickname);
  await settle(page);
  const inView = () => page.evaluate(() => ssiTest.a11y().some((n) => n.id === 'handover.qr' && n.y > 0 && n.y + n.h < innerHeight));
  for (let i = 0; i < 30 && !(await inView()); ++i) {
    await page.mouse.wheel(0, 200);
    await settle(page, 150);
  }
  const qr = (await page.evaluate(() => ssiTest.a11y())).find((n) => n.id === 'handover.qr');
  assert.ok(qr, `no QR code on ${nickname}'s hand-over screen`);
  const code = await page.evaluate(() => ssiTest.handoverQR());
  const frame = await page.evaluate(({ x, y, w, W, H }) => {
    const gl = document.getElementById('canvas');  // the context preserves its drawing buffer
    const scale = gl.width / gl.clientWidth;
    const c = document.createElement('canvas');
    c.width = W; c.height = H;
    const ctx = c.getContext('2d');
    ctx.fillStyle = '#c8c8c8';  // a grey room around a white phone screen
    ctx.fillRect(0, 0, W, H);
    ctx.imageSmoothingEnabled = false;
    const side = Math.round(w * scale), zoom = Math.max(1, Math.floor((H - 40) / side));
    ctx.drawImage(gl, Math.round(x * scale), Math.round(y * scale), side, side,
      Math.round((W - side * zoom) / 2), Math.round((H - side * zoom) / 2), side * zoom, side * zoom);
    const d = ctx.getImageData(0, 0, W, H).data;
    let s = '';
    for (let i = 0; i < d.length; i += 4) s += String.fromCharCode(Math.round(0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2]));
    return btoa(s);
  }, { ...qr, W, H });
  return { code, luma: Buffer.from(frame, 'base64') };
}

// A Y4M (4:2:0, grey: chroma 128) of `frames` grey-level pictures, each shown `each[i]` frames.
function y4m(frames, each) {
  const chroma = Buffer.alloc((W / 2) * (H / 2) * 2, 128);
  const parts = [Buffer.from(`YUV4MPEG2 W${W} H${H} F${FPS}:1 Ip A1:1 C420jpeg\n`)];
  frames.forEach((luma, i) => {
    for (let k = 0; k < each[i]; ++k) parts.push(Buffer.from('FRAME\n'), luma, chroma);
  });
  return Buffer.concat(parts);
}

// A BarcodeDetector for the page (this Chromium has none) that "reads" `code` in every frame with a dark pixel: the
// browser's reader path, without a second QR decoder in the tests.
function detectorScript(code) {
  return `(() => {
    window.__detected = 0;
    window.BarcodeDetector = class {
      static async getSupportedFormats() { return ['qr_code']; }
      constructor(options) { if (!options.formats.includes('qr_code')) throw new TypeError('qr_code expected'); }
      async detect(canvas) {
        const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
        for (let i = 0; i < data.length; i += 4) if (data[i] < 100) { ++window.__detected; return [{ rawValue: ${JSON.stringify(code)}, format: 'qr_code' }]; }
        return [];
      }
    };
  })();`;
}

// Records what the page asks of the camera, the scanner's tones (frequency of each oscillator started) and every CSP
// violation, from before its first script.
const RECORDER = `window.__cameraAsks = 0;
  window.__audioContexts = 0;
  window.__tones = [];
  if (window.AudioContext) window.AudioContext = class extends AudioContext {
    constructor(...a) { super(...a); ++window.__audioContexts; }
    createOscillator() {
      const o = super.createOscillator(), start = o.start.bind(o);
      o.start = (...a) => { __tones.push(o.frequency.value); return start(...a); };
      return o;
    }
  };
  window.__violations = [];
  addEventListener('securitypolicyviolation', (e) => __violations.push(e.effectiveDirective + ' ' + e.blockedURI), true);
  if (navigator.mediaDevices) {
    const ask = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = (c) => { ++window.__cameraAsks; return ask(c); };
  }`;

// The decoder's files as the server saw them asked for.
const decoderRequests = () => server.requests.map((r) => r.path).filter((p) => /^\/scan\.(js|wasm)$/.test(p)).sort();

// Opens the group view's scanner. `detector`: a code for the page's BarcodeDetector to read, else none is there;
// `noDecoder`: the decoder cannot be loaded either; `hold`: the decoder loads only once this promise resolves.
async function openScanner(browser, { grant, detector, noDecoder, hold }) {
  server.requests.length = 0;
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE', reducedMotion: 'reduce' });
  if (grant) await context.grantPermissions(['camera'], { origin: server.url });
  await context.addInitScript({ content: RECORDER });
  if (detector) await context.addInitScript({ content: detectorScript(detector) });
  if (noDecoder) await context.route(/\/scan\.(js|wasm)$/, (route) => route.abort());
  if (hold) await context.route(/\/scan\.js$/, (route) => hold.then(() => route.continue()));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url);
  await waitReady(page);
  await page.evaluate(() => ssiTest.show('group'));
  await settle(page);
  assert.equal(await page.evaluate(() => window.__cameraAsks), 0, 'the camera is not asked for before the scanner opens');
  assert.deepEqual(decoderRequests(), [], 'the decoder is not loaded before the scanner opens');
  await clickOnScreen(page, 'group.scan');
  return { context, page, errors };
}

const node = (page, id) => page.evaluate((i) => ssiTest.a11y().find((n) => n.id === i) || null, id);
async function waitForNode(page, id, pattern, ms = 20000) {
  const end = Date.now() + ms;
  let last = null;
  while (Date.now() < end) {
    last = await node(page, id);
    if (last && pattern.test(last.name)) return last;
    await page.waitForTimeout(200);
  }
  throw new Error(`${id} never said ${pattern}; last: ${JSON.stringify(last)}`);
}

test('three participants scanned with the camera are added once each; a repeat adds none', async () => {
  // The participants' hand-over screens, on their phones.
  const phones = await launch();
  let shown;
  try {
    const app = await openApp(phones, server, { width: 390, height: 844, locale: 'de-DE' });
    shown = [];
    for (const p of PARTICIPANTS) shown.push(await participantFrame(app.page, p));
    assert.equal(new Set(shown.map((s) => s.code)).size, 3);
  } finally { await phones.close(); }
  // The camera sees: nothing, Anna, nothing, Ben, nothing, Zoë, nothing, Anna again (and then from the start).
  const blank = Buffer.alloc(W * H, 200);
  const dir = join(ARTIFACTS, 'scan');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'participants.y4m');
  const each = [3, 8, 3, 8, 3, 8, 3, 8];
  writeFileSync(file, y4m([blank, shown[0].luma, blank, shown[1].luma, blank, shown[2].luma, blank, shown[0].luma], each));

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${file}`] });
  try {
    // Sound turned on before the decoder can read anything (it waits for `release`): a tone for every scan.
    let release;
    const { page, errors } = await openScanner(browser, { grant: true, hold: new Promise((r) => { release = r; }) });
    assert.equal(await page.evaluate(() => typeof window.BarcodeDetector), 'undefined', 'this Chromium reads through the decoder');
    await clickOnScreen(page, 'scan.sound');
    assert.equal((await node(page, 'scan.sound')).checked, true);
    release();
    // A repeat is said once Anna is shown the second time (the file plays in a loop: later showings are repeats too).
    await waitForNode(page, 'scan.count', /3 hinzugefügt, [1-9]\d* bereits erfasst, 0 abgelehnt/, 40000);
    const last = await node(page, 'scan.last');
    assert.match(last.name, /^Bereits erfasst: (Anna|Ben|Zoë) – nicht noch einmal hinzugefügt\.$/);
    assert.ok(last.y >= 0 && last.y + last.h <= 844, `the confirmation is in view: ${JSON.stringify(last)}`);
    assert.equal(await page.evaluate(() => window.__cameraAsks), 1, 'the camera is asked for when the scanner opens');
    assert.deepEqual(decoderRequests(), ['/scan.js', '/scan.wasm'], 'the decoder is loaded when the scanner opens');
    const group = await page.evaluate(() => ssiTest.groupImport([]));
    assert.equal(group.allParticipants, 3);
    assert.deepEqual(group.errors, []);
    await screenshot(page, 'scan-390x844');
    // One AudioContext; tones 880 Hz (added) for Anna, Ben and Zoë, then only 587 Hz (repeat): one per scan, since a
    // code in view for 8 frames is read about 10 times.
    const { contexts, tones } = await page.evaluate(() => ({ contexts: window.__audioContexts, tones: window.__tones }));
    assert.equal(contexts, 1);
    assert.deepEqual(tones.slice(0, 3), [880, 880, 880], `tones: ${tones}`);
    assert.ok(tones.length >= 4 && tones.slice(3).every((hz) => hz === 587), `tones: ${tones}`);
    assert.ok(await node(page, 'scan.preview'), 'the camera picture has a node for screen readers');
    // Closing the scanner turns the camera off and keeps no frame.
    await clickOnScreen(page, 'scan.close');
    assert.deepEqual(await page.evaluate(() => ({ stream: !!ssiScanner.stream, video: !!ssiScanner.video.srcObject,
      frame: ssiScanner.canvas.width, decoder: !!ssiScanner.worker, shown: getComputedStyle(document.getElementById('scan')).display })),
    { stream: false, video: false, frame: 0, decoder: false, shown: 'none' });
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(errors, []);

    // Refused: a camera is there, but the page may not use it (nothing granted; headless Chromium asks no one).
    // A browser with its own QR reader uses it: Anna's code is read and the decoder is not fetched.
    const native = await openScanner(browser, { grant: true, detector: shown[0].code });
    await waitForNode(native.page, 'scan.count', /: 1 hinzugefügt, 0 bereits erfasst, 0 abgelehnt$/);
    assert.ok(await native.page.evaluate(() => window.__detected) > 0);
    assert.deepEqual(await native.page.evaluate(() => [window.__audioContexts, window.__tones.length]), [0, 0],
      'sound is off by default: no audio at all');
    assert.deepEqual(decoderRequests(), []);
    assert.deepEqual(native.errors, []);
    await native.context.close();

    const refused = await openScanner(browser, { grant: false, detector: shown[0].code });
    const alert = await waitForNode(refused.page, 'scan.status', /^Diese Seite darf die Kamera nicht verwenden/);
    assert.equal(alert.role, 'alert');
    assert.equal(await node(refused.page, 'scan.preview'), null);
    assert.ok(await node(refused.page, 'group.code'), 'the field for typing a code is there');
    assert.ok(await node(refused.page, 'scan.retry'));
    await screenshot(refused.page, 'scan-refused-390x844');
    assert.deepEqual(refused.errors, []);
  } finally { await browser.close(); }
});

test('no camera, or no QR reader in the browser: the message and the field for typing the code', async () => {
  const browser = await launch();
  try {
    const none = await openScanner(browser, { grant: true });
    await waitForNode(none.page, 'scan.status', /^Es wurde keine Kamera gefunden/);
    assert.ok(await node(none.page, 'group.code'));
    assert.deepEqual(none.errors, []);
    await none.context.close();
    // No reader (no BarcodeDetector, and the decoder does not load): the camera is not even asked for.
    const plain = await openScanner(browser, { grant: true, noDecoder: true });
    await waitForNode(plain.page, 'scan.status', /^Der QR-Leser konnte nicht geladen werden/);
    assert.equal(await plain.page.evaluate(() => window.__cameraAsks), 0);
    assert.ok(await node(plain.page, 'group.code'));
    assert.deepEqual(plain.errors, []);
    await plain.context.close();
  } finally { await browser.close(); }
});

