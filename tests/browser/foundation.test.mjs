// Issue 2's promises about the page itself: it starts, draws, reacts to a click at a widget's rect,
// draws nothing while idle, logs no errors, and talks only to its own origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, startServer, openApp, waitReady, settle, widget, clickWidget, screenshot, canvasStats, largestGroup, DIST } from './lib.mjs';
import { readWasm } from '../../scripts/size.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await startServer(); });
after(async () => { await browser?.close(); await server?.close(); });

for (const [width, height] of [[390, 844], [1440, 900]]) {
  test(`starts and draws at ${width}x${height}`, async () => {
    const app = await openApp(browser, server, { width, height });
    try {
      assert.equal(await app.page.evaluate(() => ssiTest.ready), true);
      await settle(app.page);
      const stats = await canvasStats(app.page);
      assert.equal(stats.width, width);
      assert.ok(stats.colours > 20, `only ${stats.colours} colours: the canvas looks blank`);
      assert.ok(stats.differ > 0.05, `only ${(stats.differ * 100).toFixed(1)}% of pixels differ from the background`);
      await screenshot(app.page, `foundation-${width}x${height}`);
      assert.deepEqual(app.errors, []);
      assert.deepEqual(app.console.filter((m) => m.type === 'error'), []);
    } finally { await app.context.close(); }
  });
}

test('the WebGL2 context web/pre.js makes before the wasm arrives is the one drawn with, with main.cpp\'s attributes', async () => {
  // Notes when the page first asks #canvas for its WebGL2 context.
  const init = `const get = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
      if (this.id === 'canvas' && type === 'webgl2' && window.firstGl === undefined) window.firstGl = performance.now();
      return get.call(this, type, ...rest);
    };`;
  const app = await openApp(browser, server, { width: 390, height: 844, init });
  try {
    const got = await app.page.evaluate(() => {
      const canvas = document.getElementById('canvas');
      const gl = canvas.getContext('webgl2');
      return { webgl2: gl instanceof WebGL2RenderingContext, attributes: gl.getContextAttributes(),
        webgl1: canvas.getContext('webgl') === null, firstGl: window.firstGl,
        main: performance.getEntriesByName('ssi:main')[0]?.startTime };
    });
    assert.ok(got.webgl2);
    assert.ok(got.firstGl < got.main, `the context was first asked for at ${got.firstGl} ms, main() began at ${got.main} ms`);
    assert.ok(got.webgl1, 'the canvas holds a WebGL2 context already, so no WebGL1 one can be made');
    // As main.cpp asks: opaque, no multisampling, depth or stencil, and the last picture kept for idle frames.
    for (const [key, want] of Object.entries({ alpha: false, antialias: false, depth: false, stencil: false,
      preserveDrawingBuffer: true, premultipliedAlpha: true })) {
      assert.equal(got.attributes[key], want, key);
    }
  } finally { await app.context.close(); }
});

test('no function of ssi.wasm is larger than 32 KB: the first frame compiles only the code it runs', () => {
  // V8 compiles a wasm function when it is first called. With every screen inlined into the frame callback (110 KB),
  // the first frame compiled all of them; app_impl.h's SSI_SCREEN and wasm-opt's one-caller limit keep them apart.
  const wasm = readWasm(readFileSync(join(DIST, 'ssi.wasm')));
  const largest = Math.max(...wasm.bodies.map((b) => b.size));
  assert.ok(wasm.bodies.length > 1000, `${wasm.bodies.length} function bodies read`);
  assert.ok(largest <= 32 * 1024, `the largest function body is ${largest} bytes`);
});

// issue 16: the code past the welcome screen (src/platform/web/deferred.txt), named by its content.
const DEFERRED = /\/ssi\.deferred\.[0-9a-f]{16}\.wasm$/;

test('the rare screens\' code arrives after the first frame and is in place before they open', async () => {
  const files = readdirSync(DIST).filter((f) => DEFERRED.test(`/${f}`));
  assert.equal(files.length, 1, `one deferred module in the site: ${files}`);
  const raw = readFileSync(join(DIST, files[0])).length;
  // Under this, the entries of deferred.txt have become reachable from the first frame's code and stay in ssi.wasm.
  assert.ok(raw > 100 * 1024, `${files[0]} is ${raw} bytes`);
  const app = await openApp(browser, server, { width: 390, height: 844 });
  try {
    await app.page.waitForFunction(() => performance.getEntriesByName('ssi:deferred').length > 0);
    const timing = await app.page.evaluate((source) => ({
      drawn: performance.getEntriesByName('ssi:mirror')[0]?.startTime,
      fetched: performance.getEntriesByType('resource').filter((r) => new RegExp(source).test(r.name)).map((r) => r.startTime),
    }), DEFERRED.source);
    assert.equal(timing.fetched.length, 1, 'the deferred module is fetched once');
    assert.ok(timing.fetched[0] > timing.drawn, `fetched at ${timing.fetched[0]} ms, the first frame ended at ${timing.drawn} ms`);
    for (const screen of ['workshop', 'data', 'history']) {
      assert.equal(await app.page.evaluate((s) => ssiTest.show(s), screen), true);
      await settle(app.page);
      assert.equal((await app.page.evaluate(() => ssiTest.state())).screen, screen);
      if (screen === 'data') assert.ok(await widget(app.page, 'data.export'), 'the data screen is drawn');
    }
    // Each ran the deferred module's code directly: no placeholder had to fetch it.
    assert.deepEqual(app.console.filter((m) => /placeholder/.test(m.text)), []);
    assert.deepEqual(app.errors, []);
  } finally { await app.context.close(); }
});

// Opens the app with the deferred module's requests answered by `handle(route, kind)` (kind: 'fetch' or 'xhr').
// Motion as a person has it by default: a moving gauge must not call into the deferred code either.
const openRouted = (handle) => openApp(browser, server, {
  reducedMotion: 'no-preference', route: [DEFERRED, (route) => handle(route, route.request().resourceType())],
  waitCode: false,
});
const texts = (app) => app.console.map((m) => m.text);

test('a rare screen opened before the deferred code has arrived loads it on the spot', async () => {
  // The page's own fetch after the first frame waits; the placeholder's synchronous request goes through.
  const held = [];
  const app = await openRouted((route, kind) => (kind === 'fetch' ? held.push(route) : route.continue()));
  try {
    for (const end = Date.now() + 10000; !held.length && Date.now() < end;) await app.page.waitForTimeout(50);
    assert.equal(held.length, 1, 'the background fetch is held');
    assert.equal(await app.page.evaluate(() => ssiTest.show('data')), true);
    await settle(app.page);
    assert.equal((await app.page.evaluate(() => ssiTest.state())).screen, 'data');
    assert.ok(await widget(app.page, 'data.export'), 'the data screen is drawn');
    assert.ok(texts(app).some((m) => /placeholder function called/.test(m)), 'a placeholder loaded the code');
    // The background load, let through now, finds the code in place and leaves it.
    await held[0].continue();
    await app.page.waitForTimeout(500);
    assert.equal(await app.page.evaluate(() => ssiTest.show('history')), true);
    await settle(app.page);
    assert.equal((await app.page.evaluate(() => ssiTest.state())).screen, 'history');
    assert.equal(await app.page.evaluate(() => performance.getEntriesByName('ssi:deferred').length), 1);
    assert.deepEqual(app.errors, []);
  } finally { await app.context.close(); }
});

test('a first visit\'s questionnaire waits for its code instead of fetching it at once, then runs to the results', async () => {
  // With ssi.deferred.*.wasm held back, the questionnaire shows a note; no placeholder may fetch the code itself.
  const held = [];
  const app = await openRouted((route, kind) => (kind === 'fetch' ? held.push(route) : route.continue()));
  try {
    const content = JSON.parse(readFileSync(new URL('../../content/questionnaire.json', import.meta.url), 'utf8'));
    const nodes = () => app.page.evaluate(() => ssiTest.a11y());
    assert.ok((await nodes()).length > 3, 'the welcome screen is in the mirror');
    for (const end = Date.now() + 10000; !held.length && Date.now() < end;) await app.page.waitForTimeout(50);
    assert.equal(held.length, 1, 'the background fetch is held');
    assert.equal(await app.page.evaluate(() => ssiTest.codeReady()), false);
    assert.equal(await app.page.evaluate(() => ssiTest.show('questionnaire')), true);
    await settle(app.page);
    const waiting = await nodes();
    assert.ok(waiting.some((n) => n.name === UI['ui.code.pending'].de), 'the note says the part is still loading');
    assert.ok(!waiting.some((n) => n.role === 'radio'), 'no question drawn yet');
    await held[0].continue();
    await app.page.waitForFunction(() => ssiTest.codeReady());
    await settle(app.page);
    assert.ok((await nodes()).some((n) => n.role === 'radio'), 'the question is drawn once the code is in');
    for (const q of content.questions.slice(0, 12)) await app.page.evaluate((id) => ssiTest.answer(id, 1), q.id);
    await settle(app.page);
    assert.equal(await app.page.evaluate(() => ssiTest.show('results')), true);
    await settle(app.page);
    assert.ok((await nodes()).some((n) => (n.id || '').startsWith('gauge.')), 'the results screen is drawn');
    assert.deepEqual(texts(app).filter((m) => /placeholder/.test(m)), []);
    assert.deepEqual(app.errors, []);
  } finally { await app.context.close(); }
});

test('a returning person\'s page loads the code before main(), beside ssi.wasm, and never through a placeholder', async () => {
  const app = await openApp(browser, server);
  try {
    const content = JSON.parse(readFileSync(new URL('../../content/questionnaire.json', import.meta.url), 'utf8'));
    await app.page.evaluate(() => ssiTest.show('questionnaire'));
    for (const q of content.questions.slice(0, 12)) await app.page.evaluate((id) => ssiTest.answer(id, 1), q.id);
    await app.page.evaluate(() => ssiTest.show('results'));
    await settle(app.page);
    const console0 = app.console.length;
    await app.page.reload();
    await waitReady(app.page);
    await settle(app.page);
    const marks = await app.page.evaluate(() => ({
      main: performance.getEntriesByName('ssi:main')[0]?.startTime,
      deferred: performance.getEntriesByName('ssi:deferred')[0]?.startTime,
    }));
    assert.ok(marks.deferred < marks.main, `the code was in at ${marks.deferred} ms, main() began at ${marks.main} ms`);
    assert.ok((await app.page.evaluate(() => ssiTest.a11y())).some((n) => (n.id || '').startsWith('gauge.')),
      'the saved result is drawn');
    assert.deepEqual(app.console.slice(console0).filter((m) => /placeholder|not loaded/.test(m.text)), []);
    assert.deepEqual(app.errors, []);
  } finally { await app.context.close(); }
});

test('when the deferred code cannot be loaded, a rare screen stops the app with the reload box, not a frozen page', async () => {
  const app = await openRouted((route) => route.fulfill({ status: 404, body: 'gone' }));
  try {
    await app.page.evaluate(() => ssiTest.show('data'));
    const crash = app.page.locator('#crash');
    await crash.waitFor({ state: 'visible', timeout: 10000 });
    assert.equal(await crash.getAttribute('role'), 'alert');
    assert.ok(app.errors.some((e) => /not loaded: HTTP 404/.test(e)), app.errors.join('\n'));
  } finally { await app.context.close(); }
});

// issue 16: the content's texts, one file per language (cmake/split_texts.py), named by their content.
const TEXTS = /\/texts\.(de|en)\.[0-9a-f]{16}\.txt$/;
const UI = JSON.parse(readFileSync(new URL('../../content/ui.json', import.meta.url), 'utf8'));
const names = async (page) => (await page.evaluate(() => ssiTest.a11y())).map((n) => n.name || '').join('\n');

test('a first visit waits for its own language\'s texts only; the other arrives after the first frame', async () => {
  for (const [locale, first, other] of [['de-DE', 'de', 'en'], ['en-GB', 'en', 'de']]) {
    const app = await openApp(browser, server, { locale });
    try {
      const fetched = () => app.page.evaluate((source) => performance.getEntriesByType('resource')
        .filter((r) => new RegExp(source).test(r.name)).map((r) => [new RegExp(source).exec(r.name)[1], r.startTime]),
      TEXTS.source);
      for (const end = Date.now() + 10000; (await fetched()).length < 2 && Date.now() < end;) await app.page.waitForTimeout(50);
      const drawn = await app.page.evaluate(() => performance.getEntriesByName('ssi:mirror')[0]?.startTime);
      const times = await fetched();
      assert.deepEqual(times.map(([lang]) => lang), [first, other], `${locale}: each file once, its own first`);
      assert.ok(times[0][1] < drawn && times[1][1] > drawn, `${locale}: fetched at ${times} ms, first frame ${drawn} ms`);
      await settle(app.page);
      assert.equal((await app.page.evaluate(() => ssiTest.state())).language, first);
      assert.ok((await names(app.page)).includes(UI['ui.welcome.start'][first]));
      await clickWidget(app.page, `lang.${other}`);
      await settle(app.page);
      assert.equal((await app.page.evaluate(() => ssiTest.state())).language, other);
      assert.ok((await names(app.page)).includes(UI['ui.welcome.start'][other]), `${locale}: the other language is shown`);
      assert.equal((await fetched()).length, 2, 'nothing fetched again');
      assert.deepEqual(app.errors, []);
    } finally { await app.context.close(); }
  }
});

test('the app starts once its language\'s texts are in, however late they come, and asks for them once', async () => {
  const asked = [];
  const app = await openApp(browser, server, {
    locale: 'de-DE',
    route: [/\/texts\.de\./, (route) => {
      // The service worker's precache asks too, once installed: not the page's request.
      if (!route.request().serviceWorker()) asked.push(route.request().resourceType());
      setTimeout(() => route.continue(), 2000);
    }],
  });
  try {
    await settle(app.page);
    assert.deepEqual(asked, ['fetch'], 'pre.js\'s fetch only: main() waited for it');
    assert.ok((await names(app.page)).includes(UI['ui.welcome.start'].de));
    assert.deepEqual(app.errors, []);
  } finally { await app.context.close(); }
});

test('the other language asked for before it has arrived is fetched on the spot; unavailable, it is said', async () => {
  // The page's own fetch after the first frame waits; a switch's synchronous request goes through.
  const held = [];
  const app = await openApp(browser, server, {
    locale: 'de-DE', serviceWorkers: 'block',
    route: [/\/texts\.en\./, (route) => (route.request().resourceType() === 'fetch' ? held.push(route) : route.continue())],
  });
  try {
    for (const end = Date.now() + 10000; !held.length && Date.now() < end;) await app.page.waitForTimeout(50);
    assert.equal(held.length, 1, 'the background fetch is held');
    await clickWidget(app.page, 'lang.en');
    await settle(app.page);
    assert.equal((await app.page.evaluate(() => ssiTest.state())).language, 'en');
    assert.ok((await names(app.page)).includes(UI['ui.welcome.start'].en));
    await held[0].continue();
    assert.deepEqual(app.errors, []);
  } finally { await app.context.close(); }
  const offline = await openApp(browser, server, {
    locale: 'de-DE', route: [/\/texts\.en\./, (route) => route.fulfill({ status: 404, body: 'gone' })],
  });
  try {
    await settle(offline.page);
    await clickWidget(offline.page, 'lang.en');
    await settle(offline.page);
    assert.equal((await offline.page.evaluate(() => ssiTest.state())).language, 'de', 'the language stays');
    assert.equal(await offline.page.locator('#alert').textContent(), UI['ui.lang.unavailable'].de);
    assert.ok((await names(offline.page)).includes(UI['ui.welcome.start'].de));
    assert.deepEqual(offline.errors, []);
  } finally { await offline.context.close(); }
});

// issue 16: the texts a first visit does not show (src/app/rare_texts.txt), in a file of their own per language.
const RARE = /\/rare\.(de|en)\.[0-9a-f]{16}\.txt$/;

test('the rare texts arrive after the first frame; a screen that shows them sooner fetches its language\'s at once', async () => {
  const app = await openApp(browser, server, { locale: 'de-DE' });
  try {
    const fetched = () => app.page.evaluate((source) => performance.getEntriesByType('resource')
      .filter((r) => new RegExp(source).test(r.name)).map((r) => r.startTime), RARE.source);
    for (const end = Date.now() + 10000; (await fetched()).length < 2 && Date.now() < end;) await app.page.waitForTimeout(50);
    const drawn = await app.page.evaluate(() => performance.getEntriesByName('ssi:mirror')[0]?.startTime);
    const times = await fetched();
    assert.equal(times.length, 2, 'both languages, once each');
    assert.ok(times.every((t) => t > drawn), `fetched at ${times} ms, the first frame ended at ${drawn} ms`);
    assert.equal(await app.page.evaluate(() => ssiTest.show('about')), true);
    await settle(app.page);
    assert.ok((await names(app.page)).includes(UI['ui.about.title'].de), 'the about screen speaks German');
    assert.equal((await fetched()).length, 2, 'nothing fetched again');
    assert.deepEqual(app.errors, []);
  } finally { await app.context.close(); }
  // Held back: a first visit's path asks for none of them; the about screen asks for its language's, synchronously.
  const held = [], now = [];
  const early = await openApp(browser, server, {
    locale: 'en-GB', serviceWorkers: 'block', reducedMotion: 'no-preference',
    route: [RARE, (route) => {
      if (route.request().resourceType() === 'fetch') held.push(route);
      else { now.push(RARE.exec(new URL(route.request().url()).pathname)[1]); route.continue(); }
    }],
  });
  try {
    for (const end = Date.now() + 10000; held.length < 2 && Date.now() < end;) await early.page.waitForTimeout(50);
    assert.equal(held.length, 2, 'the background fetches are held');
    const content = JSON.parse(readFileSync(new URL('../../content/questionnaire.json', import.meta.url), 'utf8'));
    assert.equal(await early.page.evaluate(() => ssiTest.show('questionnaire')), true);
    await settle(early.page);
    for (const q of content.questions.slice(0, 12)) await early.page.evaluate((id) => ssiTest.answer(id, 1), q.id);
    assert.equal(await early.page.evaluate(() => ssiTest.show('results')), true);
    await settle(early.page);
    assert.deepEqual(now, [], 'a first visit\'s path needs no rare text');
    assert.equal(await early.page.evaluate(() => ssiTest.show('about')), true);
    await settle(early.page);
    assert.deepEqual(now, ['en'], 'its language\'s, once');
    assert.ok((await names(early.page)).includes(UI['ui.about.title'].en), 'the about screen speaks English');
    for (const route of held) await route.continue();
    assert.deepEqual(early.errors, []);
  } finally { await early.context.close(); }
});

// issue 16: the letters no shipped text uses (accents beyond German's, Latin Extended-A) are in fonts of their own
// (cmake/subset_fonts.py, glyphs.h), which only names and notes need.
const WIDE = /\/inter-(regular|semibold)-wide\.[0-9a-f]{16}\.ttf$/;

test('the fonts\' letters beyond the shipped texts arrive after the first frame, or at once for a name that needs them', async () => {
  const app = await openApp(browser, server);
  try {
    const fetched = () => app.page.evaluate((source) => performance.getEntriesByType('resource')
      .filter((r) => new RegExp(source).test(r.name)).map((r) => r.startTime), WIDE.source);
    for (const end = Date.now() + 10000; (await fetched()).length < 2 && Date.now() < end;) await app.page.waitForTimeout(50);
    const drawn = await app.page.evaluate(() => performance.getEntriesByName('ssi:mirror')[0]?.startTime);
    await app.page.waitForTimeout(300);
    const times = await fetched();
    assert.equal(times.length, 2, 'both wide fonts, once each');
    assert.ok(times.every((t) => t > drawn), `fetched at ${times} ms, the first frame ended at ${drawn} ms`);
    for (const code of [0x0141, 0x00E9])  // Ł é: in the atlas only once shown
      assert.equal(await app.page.evaluate((c) => ssiTest.glyph(c), code), false, `U+${code.toString(16)} not yet`);
    assert.equal(await app.page.evaluate(() => ssiTest.glyph(0x00E4)), true, 'ä is embedded');
  } finally { await app.context.close(); }
  // Held back, a name with Ł shown first fetches them on the spot (the page's own requests, not the service worker's).
  const held = [], now = [];
  const early = await openApp(browser, server, {
    width: 1280, height: 2400, serviceWorkers: 'block',  // the group's list of people on screen; every request routed
    route: [WIDE, (route) => {
      const kind = route.request().serviceWorker() ? 'sw' : route.request().resourceType();
      if (kind === 'fetch') held.push(route);
      else { if (kind === 'xhr') now.push(route.request().url()); route.continue(); }
    }],
  });
  try {
    for (const end = Date.now() + 10000; held.length < 2 && Date.now() < end;) await early.page.waitForTimeout(50);
    assert.equal(held.length, 2, 'the background fetches are held');
    // A participant's name in the group view (typing cannot give the canvas an Ł: it takes key presses).
    const file = largestGroup(1)[0].replace(/"nickname":"[^"]*"/, '"nickname":"Łukasz Żółć"');
    assert.deepEqual((await early.page.evaluate((texts) => ssiTest.groupImport(texts), [file])).errors, []);
    await settle(early.page);
    assert.deepEqual(now.map((url) => WIDE.exec(new URL(url).pathname)[1]).sort(), ['regular', 'semibold'],
      'both fetched synchronously, once each');
    assert.ok((await names(early.page)).includes('Łukasz Żółć'), 'the name is in the mirror');
    for (const code of [0x0141, 0x017B, 0x0142, 0x0107])  // Ł Ż ł ć: drawn from the merged fonts, every size
      assert.equal(await early.page.evaluate((c) => ssiTest.glyph(c), code), true, `U+${code.toString(16)} in the atlas`);
    for (const route of held) await route.continue();
    assert.deepEqual(early.errors, []);
  } finally { await early.context.close(); }
});

test('a person who left on a rare screen comes back to it', async () => {
  const app = await openApp(browser, server, { width: 390, height: 844 });
  try {
    assert.equal(await app.page.evaluate(() => ssiTest.show('data')), true);
    await settle(app.page);
    await app.page.waitForTimeout(800);  // the debounced save
    await app.page.reload();
    await waitReady(app.page);
    await settle(app.page);
    assert.equal((await app.page.evaluate(() => ssiTest.state())).screen, 'data');
    assert.ok(await widget(app.page, 'data.export'), 'the data screen is drawn');
    assert.deepEqual(app.errors, []);
  } finally { await app.context.close(); }
});

test('the canvas\'s drawing buffer is sized once, before main(), in device pixels', async () => {
  // Notes every size set on #canvas: each reallocates the drawing buffer, tens of ms of the phone's start.
  const init = `window.canvasSizes = [];
    for (const key of ['width', 'height']) {
      const own = Object.getOwnPropertyDescriptor(HTMLCanvasElement.prototype, key);
      Object.defineProperty(HTMLCanvasElement.prototype, key, { configurable: true, get: own.get,
        set(value) { if (this.id === 'canvas') window.canvasSizes.push([key, value, performance.now()]); own.set.call(this, value); } });
    }`;
  for (const [width, height, deviceScaleFactor] of [[390, 844, 1], [390, 844, 2], [1280, 719, 1.5]]) {
    const app = await openApp(browser, server, { width, height, deviceScaleFactor, init });
    try {
      await settle(app.page);
      const got = await app.page.evaluate(() => ({ sizes: window.canvasSizes,
        main: performance.getEntriesByName('ssi:main')[0]?.startTime }));
      const at = `${width}x${height}@${deviceScaleFactor}`;
      assert.deepEqual(got.sizes.map(([key, value]) => [key, value]),
        [['width', Math.round(width * deviceScaleFactor)], ['height', Math.round(height * deviceScaleFactor)]], at);
      assert.ok(got.sizes.every(([, , when]) => when < got.main), `${at}: sized at ${got.sizes.map((s) => s[2])} ms, main() began at ${got.main} ms`);
      const stats = await canvasStats(app.page);
      assert.deepEqual([stats.width, stats.height], [Math.round(width * deviceScaleFactor), Math.round(height * deviceScaleFactor)], at);
    } finally { await app.context.close(); }
  }
  // A window that changes size afterwards still gets a buffer of its new size.
  const app = await openApp(browser, server, { width: 390, height: 844, init });
  try {
    await settle(app.page);
    await app.page.setViewportSize({ width: 800, height: 600 });
    await settle(app.page);
    const stats = await canvasStats(app.page);
    assert.deepEqual([stats.width, stats.height], [800, 600]);
  } finally { await app.context.close(); }
});

test('renders crisp at devicePixelRatio 2 (backing store in device pixels)', async () => {
  const app = await openApp(browser, server, { width: 390, height: 844, deviceScaleFactor: 2 });
  try {
    const stats = await canvasStats(app.page);
    assert.equal(stats.width, 780);
    assert.equal(stats.height, 1688);
    await screenshot(app.page, 'foundation-390x844@2x');
  } finally { await app.context.close(); }
});

test('a click at a widget rect switches the language; a tap does too', async () => {
  const app = await openApp(browser, server, { locale: 'de-DE' });
  try {
    await settle(app.page);
    assert.equal((await app.page.evaluate(() => ssiTest.state())).language, 'de');
    await clickWidget(app.page, 'lang.en');
    assert.equal((await app.page.evaluate(() => ssiTest.state())).language, 'en');
  } finally { await app.context.close(); }
  const touch = await openApp(browser, server, { locale: 'en-US', hasTouch: true });
  try {
    await settle(touch.page);
    assert.equal((await touch.page.evaluate(() => ssiTest.state())).language, 'en');
    await clickWidget(touch.page, 'lang.de', { tap: true });
    assert.equal((await touch.page.evaluate(() => ssiTest.state())).language, 'de', 'one tap must be one click');
  } finally { await touch.context.close(); }
});

test('draws fewer than 2 frames in 3 s while idle', async () => {
  const app = await openApp(browser, server);
  try {
    await settle(app.page);
    const before = await app.page.evaluate(() => ssiTest.frames());
    await app.page.waitForTimeout(3000);
    const after = await app.page.evaluate(() => ssiTest.frames());
    assert.ok(after - before < 2, `${after - before} frames drawn while idle`);
    // ...and it does draw when something happens.
    await app.page.mouse.move(100, 100);
    await app.page.mouse.move(120, 140);
    await settle(app.page, 200);
    assert.ok((await app.page.evaluate(() => ssiTest.frames())) > after, 'input must cause a frame');
  } finally { await app.context.close(); }
});

test('every request goes to the page origin; wasm is served as application/wasm', async () => {
  const app = await openApp(browser, server);
  try {
    await settle(app.page);
    await clickWidget(app.page, 'lang.en');
    const origin = new URL(server.url).origin;
    assert.ok(app.requests.length >= 3, 'the page loads at least html, js and wasm');
    for (const url of app.requests) assert.equal(new URL(url).origin, origin, `request to ${url}`);
    const wasm = server.requests.find((r) => r.path.endsWith('.wasm'));
    assert.ok(wasm, 'the wasm file was requested');
    const type = await app.page.evaluate(async () => (await fetch('ssi.wasm', { method: 'HEAD' })).headers.get('content-type'));
    assert.equal(type, 'application/wasm');
    const fallback = app.console.find((m) => /falling back to ArrayBuffer|wasm streaming compile failed/i.test(m.text));
    assert.equal(fallback, undefined, fallback && fallback.text);
  } finally { await app.context.close(); }
});
