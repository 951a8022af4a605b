// Issue 6 (first part): installable, and fully usable offline after the first visit with the saved data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, DIST, startServer, settle, waitReady, widget, clickWidget, clickOnScreen } from './lib.mjs';
import { serve } from '../../scripts/lib/static-server.mjs';

let profile;
before(async () => { profile = await mkdtemp(join(tmpdir(), 'ssi-pwa-')); });
after(async () => { await rm(profile, { recursive: true, force: true }); });

async function persistent(dir) {
  return chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS,
    viewport: { width: 390, height: 844 }, locale: 'en-US', reducedMotion: 'reduce',
  });
}

// Waits until the service worker controls the page and has its cache filled.
async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
  });
}

// Opens the app in a persistent context's first tab and waits until the service worker controls it.
async function openControlled(context, server) {
  const page = context.pages()[0] || (await context.newPage());
  await page.goto(server.url);
  await waitReady(page);
  await controlled(page);
  return page;
}

// Answers the first question and waits for the debounced save; returns the question's id.
async function answerFirstAndSave(page) {
  const id = await page.evaluate(() => ssiTest.questions()[0].id);
  await page.evaluate((id) => ssiTest.answer(id, 2), id);
  await settle(page);
  await page.waitForTimeout(700);
  return id;
}

test('installable: Chrome reports no installability errors', async () => {
  const server = await startServer(DIST);
  const context = await persistent(join(profile, 'install'));
  try {
    const page = await openControlled(context, server);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    const manifest = await (await page.request.get(server.url + 'manifest.webmanifest')).json();
    for (const icon of manifest.icons.filter((i) => i.src.endsWith('.png'))) {
      const res = await page.request.get(server.url + icon.src);
      assert.equal(res.status(), 200, icon.src);
      assert.equal(res.headers()['content-type'], 'image/png');
      // Indexed colour (cmake/icons.py): half the bytes of the RGBA files rsvg-convert writes.
      const png = await res.body();
      assert.equal(png[25], 3, `${icon.src}: PNG colour type ${png[25]}, indexed (3) expected`);
      // It decodes at its declared size, with the yellow square (the brand component's colour) in its exact colour.
      const drawn = await page.evaluate(async (src) => {
        const bitmap = await createImageBitmap(await (await fetch(src)).blob());
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d');
        ctx.drawImage(bitmap, 0, 0);
        const at = (fx, fy) => [...ctx.getImageData(Math.floor(fx * bitmap.width), Math.floor(fy * bitmap.height), 1, 1).data];
        return { size: `${bitmap.width}x${bitmap.height}`, yellow: at(0.35, 0.35), corner: at(0.005, 0.005) };
      }, icon.src);
      assert.equal(drawn.size, icon.sizes, icon.src);
      assert.deepEqual(drawn.yellow, [0xf2, 0xb5, 0x1e, 255], `${icon.src}: the yellow square`);
      if (icon.purpose === 'maskable') assert.deepEqual(drawn.corner, [0x0a, 0x66, 0xc2, 255], 'full-bleed background');
      else assert.equal(drawn.corner[3], 0, `${icon.src}: the rounded corner is transparent`);
    }
    assert.ok(manifest.icons.some((i) => i.purpose === 'maskable'));
  } finally { await context.close(); await server.close(); }
});

test('offline: after one visit the app starts without the server, with the saved answers', async () => {
  const server = await startServer(DIST);
  const context = await persistent(join(profile, 'offline'));
  try {
    const page = await openControlled(context, server);
    const id = await answerFirstAndSave(page);
    await server.close();
    await page.reload();
    await waitReady(page);
    assert.equal((await page.evaluate(() => ssiTest.state())).answers[id], 2);
    // The rare screens' code (ssi.deferred.wasm) comes from the cache too.
    assert.equal(await page.evaluate(() => ssiTest.show('data')), true);
    await settle(page);
    assert.ok(await widget(page, 'data.export'), 'the data screen is drawn offline');
    const caches = await page.evaluate(() => caches.keys());
    assert.equal(caches.length, 1);
    assert.match(caches[0], /^ssi-selfcheck-[0-9a-f]{16}$/);
  } finally { await context.close(); await server.close().catch(() => {}); }
});

test("the scanner's decoder: not in a first visit, cached when first loaded, then offline and after an update", async () => {
  const { cpSync, readFileSync, writeFileSync } = await import('node:fs');
  const { execFileSync } = await import('node:child_process');
  const site = await mkdtemp(join(tmpdir(), 'ssi-site-'));
  cpSync(DIST, site, { recursive: true });
  let server = await startServer(site);
  const context = await persistent(join(profile, 'decoder'));
  try {
    const page = await openControlled(context, server);
    const cached = (index = 0) => page.evaluate(async (index) => {
      const cache = await caches.open((await caches.keys())[index]);
      return (await cache.keys()).map((r) => new URL(r.url).pathname).filter((p) => /\/scan\./.test(p)).sort();
    }, index);
    assert.deepEqual(await cached(), [], 'not precached');
    assert.deepEqual(server.requests.filter((r) => /\/scan\./.test(r.path)), [], 'not downloaded');
    // Started as the scanner starts it: scan.js as a Worker, which loads scan.wasm and says whether it is ready.
    const start = () => page.evaluate(() => new Promise((ready) => {
      const worker = new Worker('scan.js');
      worker.onmessage = (e) => { worker.terminate(); ready(e.data.ready); };
      worker.onerror = () => ready(false);
    }));
    assert.equal(await start(), true);
    assert.deepEqual(await cached(), ['/scan.js', '/scan.wasm'], 'cached when first loaded');
    await server.close();
    await page.reload();
    await waitReady(page);
    assert.equal(await start(), true, 'offline, the decoder starts from the cache');
    // Build B (as in the update test below): its cache gets B's decoder when installed, so scanning stays offline.
    server = await serve(site, { port: server.port });
    writeFileSync(join(site, 'style.css'), readFileSync(join(site, 'style.css'), 'utf8') + '\n/* build B */\n');
    execFileSync('/usr/bin/python3', [join('cmake', 'make_sw.py'), join('web', 'sw.js'), site]);
    await (await context.newCDPSession(page)).send('Network.clearBrowserCache');
    await page.waitForFunction(() => window.ssiRegistration);  // registered after the page's first frame
    await page.evaluate(() => window.ssiRegistration.update());
    for (let i = 0; i < 50 && !(await page.evaluate(() => ssiTest.state().updateReady)); ++i) await page.waitForTimeout(100);
    assert.equal(await page.evaluate(() => caches.keys()).then((k) => k.length), 2, 'B is installed beside A');
    assert.deepEqual([await cached(0), await cached(1)], [['/scan.js', '/scan.wasm'], ['/scan.js', '/scan.wasm']]);
  } finally { await context.close(); await server.close().catch(() => {}); await rm(site, { recursive: true, force: true }); }
});

test('licence texts: every component and licence, as text/plain, not in a first visit, opened from "About"', async () => {
  const server = await startServer(DIST);
  const context = await persistent(join(profile, 'licences'));
  try {
    const page = await openControlled(context, server);
    const sw = await (await page.request.get(server.url + 'sw.js')).text();
    const list = (name) => JSON.parse(sw.match(new RegExp(`const ${name} = (\\[.*\\]);`))[1]);
    assert.ok(list('FILES').includes('./ssi.wasm') && !list('FILES').includes('./licences.txt'), 'not precached');
    assert.deepEqual(list('ON_OPEN'), ['./licences.txt']);
    assert.deepEqual(server.requests.filter((r) => r.path.includes('licences')), [], 'not downloaded by a first visit');
    const res = await page.request.get(server.url + 'licences.txt');
    assert.equal(res.status(), 200);
    assert.equal(res.headers()['content-type'], 'text/plain; charset=utf-8');
    const text = await res.text();
    const parts = text.split(/^={78}$/m);  // title, summary, then each component's heading and its texts
    for (const [name, licence] of [['Dear ImGui', 'MIT License'], ['nlohmann/json', 'Permission is hereby granted'],
      ['QR Code generator by Project Nayuki', 'MIT License'], ['ZXing', 'Apache License'],
      ['Emscripten', 'University of Illinois/NCSA'], ['Inter typeface', 'Open Font License (OFL)'],
      ['Font Awesome', 'Open Font License (OFL)']]) {
      const section = parts.findIndex((part) => part.trim().match(/^\d+\. (.*)$/)?.[1].startsWith(name));
      assert.ok(section > 0, `${name} has a section of its own`);
      assert.ok(parts[section + 1].includes(licence), `${name}: ${licence}`);
    }
    assert.match(text, /musl[\s\S]*libcxx[\s\S]*compiler-rt/, "Emscripten's libraries");
    // The link on "About" opens it in a new tab (window.open), which the service worker caches for offline use.
    await page.evaluate(() => ssiTest.show('about'));
    await settle(page);
    const opened = context.waitForEvent('page');
    await clickOnScreen(page, 'about.licences');
    const tab = await opened;
    await tab.waitForLoadState();
    assert.equal(new URL(tab.url()).pathname, '/licences.txt');
    assert.match(await tab.textContent('body'), /Apache License/);
    const cached = await page.evaluate(async () =>
      (await (await caches.open((await caches.keys())[0])).keys()).map((r) => new URL(r.url).pathname));
    assert.ok(cached.includes('/licences.txt'), 'cached when first opened');
  } finally { await context.close(); await server.close(); }
});

test('the shipped scripts use no eval, no beacons, no sockets; the page has no inline script or style', async () => {
  const { readFileSync, readdirSync } = await import('node:fs');
  for (const file of readdirSync(DIST).filter((f) => f.endsWith('.js'))) {
    const text = readFileSync(join(DIST, file), 'utf8');
    for (const banned of ['eval(', 'new Function', 'sendBeacon', 'WebSocket', 'RTCPeerConnection'])
      assert.ok(!text.includes(banned), `${file} contains ${banned}`);
  }
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  assert.ok(!/<script(?![^>]*\bsrc=)[^>]*>/i.test(html), 'inline <script>');
  assert.ok(!/\sstyle\s*=/i.test(html), 'style attribute');
  assert.ok(!/<style/i.test(html), '<style> element');
  // The policy for header-less hosts is added by ssi.js (src/platform/web/pre.js; privacy.test.mjs checks it): as a
  // <meta> here it held back the preload scanner.
  assert.ok(!/http-equiv="Content-Security-Policy"/i.test(html), 'a CSP <meta> in index.html');
  assert.match(html, /<meta name="referrer" content="no-referrer">/);
});

test('when the browser offers installation, an install button shows its dialog', async () => {
  const server = await startServer(DIST);
  const context = await persistent(join(profile, 'prompt'));
  try {
    const page = context.pages()[0] || (await context.newPage());
    await page.goto(server.url);
    await waitReady(page);
    await settle(page);
    // The event Chrome fires when the site is installable (it may already have fired by itself: this one,
    // with a prompt() we can observe, replaces it).
    await page.evaluate(() => {
      const offer = new Event('beforeinstallprompt', { cancelable: true });
      offer.prompt = () => { window.__prompted = (window.__prompted || 0) + 1; return Promise.resolve(); };
      offer.userChoice = Promise.resolve({ outcome: 'accepted' });
      window.dispatchEvent(offer);
    });
    await settle(page);
    assert.equal((await page.evaluate(() => ssiTest.state())).canInstall, true);
    await clickWidget(page, 'welcome.install');
    assert.equal(await page.evaluate(() => window.__prompted), 1);
    assert.equal(await widget(page, 'welcome.install'), undefined, 'a prompt is offered once');
  } finally { await context.close(); await server.close(); }
});

test('update: a new build is announced; after the reload only its files and its cache are used', async () => {
  const { cpSync, readFileSync, writeFileSync } = await import('node:fs');
  const { execFileSync } = await import('node:child_process');
  const site = await mkdtemp(join(tmpdir(), 'ssi-site-'));
  cpSync(DIST, site, { recursive: true });  // build A
  const server = await startServer(site);
  const context = await persistent(join(profile, 'update'));
  try {
    const page = await openControlled(context, server);
    const id = await answerFirstAndSave(page);
    const cacheA = (await page.evaluate(() => caches.keys()))[0];

    // Build B: a visible difference in the stylesheet, and a service worker made for B's files.
    writeFileSync(join(site, 'style.css'), readFileSync(join(site, 'style.css'), 'utf8') + '\n/* build B */\n');
    execFileSync('/usr/bin/python3', [join('cmake', 'make_sw.py'), join('web', 'sw.js'), site]);
    // sw.js may be kept for 5 minutes (max-age=300, updateViaCache 'all'): clearing the HTTP cache stands in for
    // those minutes passing, so the update check below reaches the server.
    await (await context.newCDPSession(page)).send('Network.clearBrowserCache');
    await page.waitForFunction(() => window.ssiRegistration);  // registered after the page's first frame
    await page.evaluate(() => window.ssiRegistration.update());
    for (let i = 0; i < 50 && !(await page.evaluate(() => ssiTest.state().updateReady)); ++i) await page.waitForTimeout(100);
    assert.equal(await page.evaluate(() => ssiTest.state().updateReady), true, 'the page announces the update');
    await settle(page);
    const reloaded = page.waitForEvent('load');
    await clickWidget(page, 'update.reload').catch(() => {});  // the page reloads while the click settles
    await reloaded;
    await waitReady(page);
    const keys = await page.evaluate(() => caches.keys());
    assert.equal(keys.length, 1, 'only one cache remains');
    assert.notEqual(keys[0], cacheA, "it is B's cache");
    const css = await page.evaluate(async () => (await fetch('style.css')).text());
    assert.match(css, /build B/, "files come from B's cache");
    assert.equal((await page.evaluate(() => ssiTest.state())).answers[id], 2, 'no answer lost across the update');
  } finally { await context.close(); await server.close(); await rm(site, { recursive: true, force: true }); }
});
