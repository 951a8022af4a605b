// Issue 4: the whole flow as a person does it — by clicking and tapping the widgets' rectangles, and once
// with the keyboard only — plus screenshots of every screen and a pixel check of the gauges.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, startServer, openApp, settle, widget, clickWidget, screenshot, pixelAt } from './lib.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await startServer(); });
after(async () => { await browser?.close(); await server?.close(); });

const state = (page) => page.evaluate(() => ssiTest.state());

// Finds a widget, scrolling the content (wheel over its middle) until it is on screen.
async function reach(page, id, { width, height }) {
  for (let i = 0; i < 12; ++i) {
    const w = await widget(page, id);
    if (w && w.y >= 60 && w.y + w.h <= height) return w;
    await page.mouse.move(width / 2, height / 2);
    await page.mouse.wheel(0, w && w.y < 60 ? -200 : 200);
    await settle(page, 250);
  }
  throw new Error(`could not scroll ${id} into view`);
}

async function clickInView(page, id, size, tap) {
  await reach(page, id, size);
  return clickWidget(page, id, { tap });
}

// The same pseudo-random but repeatable choice for every run.
const choose = (id, count) => [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % count;

for (const [width, height, tap] of [[390, 844, true], [1440, 900, false]]) {
  test(`completes the questionnaire by ${tap ? 'tapping' : 'clicking'} at ${width}x${height}`, async () => {
    const size = { width, height };
    const app = await openApp(browser, server, { width, height, locale: 'en-US', hasTouch: tap });
    const page = app.page;
    try {
      await settle(page);
      await clickInView(page, 'welcome.start', size, tap);
      assert.equal((await state(page)).screen, 'questionnaire');
      const chosen = {};
      for (let step = 0; step < 60; ++step) {
        const s = await state(page);
        if (s.screen !== 'questionnaire') break;
        const q = (await page.evaluate(() => ssiTest.questions())).find((x) => x.id === s.question);
        const option = choose(q.id, q.points.length);
        await clickInView(page, `q.${q.id}.option.${option}`, size, tap);
        chosen[q.id] = option;
        const after = await state(page);
        assert.equal(after.answers[q.id], option, `tapping option ${option} of ${q.id} answers it`);
      }
      const s = await state(page);
      assert.equal(s.screen, 'results');
      assert.deepEqual(s.answers, chosen);
      assert.equal(s.result.total, Math.round(s.result.components.reduce((a, b) => a + b, 0)));
      // What the gauges show is the core's result.
      await settle(page);
      const gauges = Object.fromEntries((await page.evaluate(() => ssiTest.gauges())).map((g) => [g.id, g]));
      assert.ok(Math.abs(gauges.total.value - s.result.total / 100) < 1e-4, 'total gauge shows the total');
      ['brand', 'find', 'engage', 'relationships'].forEach((key, i) =>
        assert.ok(Math.abs(gauges[key].value - s.result.components[i] / 25) < 1e-4, `${key} gauge shows its score`));
      await screenshot(page, `flow-results-clicked-${width}x${height}`);

      // What-if: open a component's answers, change one, then go back to the saved answers.
      await clickInView(page, 'gauge.engage', size, tap);
      const engageQuestion = (await page.evaluate(() => ssiTest.questions())).find((q) => q.component === 'engage' && q.visible);
      const other = (s.answers[engageQuestion.id] + 1) % engageQuestion.points.length;
      await clickInView(page, `edit.${engageQuestion.id}.option.${other}`, size, tap);
      const trying = await state(page);
      assert.equal(trying.whatIf, true);
      assert.equal(trying.answers[engageQuestion.id], other);
      await clickInView(page, 'whatif.discard', size, tap);
      const back = await state(page);
      assert.equal(back.whatIf, false);
      assert.deepEqual(back.answers, s.answers);
      assert.equal(back.result.total, s.result.total);
      assert.deepEqual(app.errors, []);
    } finally { await app.context.close(); }
  });
}

// Tabs to "start" (the first focusable after the header's home link and language switch) and presses Enter.
async function startByKeyboard(page) {
  await settle(page);
  for (let i = 0; i < 8 && (await state(page)).screen === 'welcome'; ++i) {
    await page.keyboard.press('Tab');
    await settle(page, 250);
    if ((await state(page)).focus === 'welcome.start') await page.keyboard.press('Enter');
    await settle(page, 250);
  }
  assert.equal((await state(page)).screen, 'questionnaire', 'Tab + Enter starts the questionnaire');
}

test('the whole flow with the keyboard only', async () => {
  const app = await openApp(browser, server, { width: 1440, height: 900, locale: 'de-DE' });
  const page = app.page;
  try {
    await startByKeyboard(page);
    for (let step = 0; step < 60; ++step) {
      const s = await state(page);
      if (s.screen !== 'questionnaire') break;
      // Focus sits on the first option of each new question; Down moves, Space chooses and moves on.
      assert.equal(s.focus, `q.${s.question}.option.0`, `focus starts on the first option of ${s.question}`);
      await page.keyboard.press('ArrowDown');
      await settle(page, 250);
      await page.keyboard.press('Space');
      await settle(page, 250);
      const after = await state(page);
      assert.equal(after.answers[s.question], 1, `${s.question} answered with its second option`);
    }
    const done = await state(page);
    assert.equal(done.screen, 'results');
    assert.equal(done.result.answered, done.result.visible);
    await page.keyboard.press('Escape');
    await settle(page, 250);
    assert.equal((await state(page)).screen, 'welcome', 'Escape steps back');
  } finally { await app.context.close(); }
});

test('a held key moves once per press and once per browser repeat, however many frames it is held for', async () => {
  const app = await openApp(browser, server, { width: 1440, height: 900, locale: 'de-DE' });
  const page = app.page;
  try {
    await startByKeyboard(page);
    const q = (await state(page)).question;
    assert.equal((await state(page)).focus, `q.${q}.option.0`);
    // Held for 800 ms while frames keep coming (each resize asks for one), as on a slow phone: one step. ImGui's
    // own repeat counted those frames' time and went on to the last option.
    const frames = await page.evaluate(() => ssiTest.frames());
    const drawn = async () => (await page.evaluate(() => ssiTest.frames())) - frames;
    await page.keyboard.down('ArrowDown');
    const start = Date.now();
    for (let h = 901; (Date.now() - start < 800 || (await drawn()) < 8) && Date.now() - start < 10000;
      h = h === 900 ? 901 : 900) {
      await page.setViewportSize({ width: 1440, height: h });
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    await page.keyboard.up('ArrowDown');
    await settle(page, 250);
    assert.ok((await drawn()) >= 8, `${await drawn()} frames drawn while the key was held`);
    assert.equal((await state(page)).focus, `q.${q}.option.1`, 'one press, one step');
    await page.keyboard.press('ArrowUp');
    await settle(page, 250);
    assert.equal((await state(page)).focus, `q.${q}.option.0`);
    // The browser repeats a held key at the person's own system delay and rate: each repeat is one step.
    await page.keyboard.down('ArrowDown');
    await settle(page, 250);
    await page.keyboard.down('ArrowDown');  // a second keydown of a held key: the browser's repeat (event.repeat)
    await settle(page, 250);
    await page.keyboard.up('ArrowDown');
    await settle(page, 250);
    assert.equal((await state(page)).focus, `q.${q}.option.2`, 'a press and a repeat, two steps');
    assert.deepEqual(app.errors, []);
  } finally { await app.context.close(); }
});

test('screenshots of welcome, a question and results, both sizes, both languages', async () => {
  for (const [width, height] of [[390, 844], [768, 1024], [1440, 900]]) {
    for (const locale of ['de-DE', 'en-US']) {
      const app = await openApp(browser, server, { width, height, locale });
      const page = app.page;
      const tag = `${width}x${height}-${locale.slice(0, 2)}`;
      try {
        await settle(page);
        await screenshot(page, `screen-welcome-${tag}`);
        await page.evaluate(() => ssiTest.show('questionnaire'));
        await settle(page);
        await screenshot(page, `screen-question-${tag}`);
        const qs = await page.evaluate(() => ssiTest.questions());
        for (const q of qs) await page.evaluate(([id, n]) => ssiTest.answer(id, n), [q.id, choose(q.id, q.points.length)]);
        await page.evaluate(() => ssiTest.show('results'));
        await settle(page);
        await screenshot(page, `screen-results-${tag}`);
        await page.evaluate(() => ssiTest.show('about'));
        await settle(page);
        await screenshot(page, `screen-about-${tag}`);
        // Every widget lies inside the viewport horizontally: nothing cut off at the sides.
        for (const w of await page.evaluate(() => ssiTest.widgets()))
          assert.ok(w.x >= 0 && w.x + w.w <= width + 0.5, `${w.id} sticks out at ${width}px`);
        assert.deepEqual(app.errors, []);
      } finally { await app.context.close(); }
    }
  }
});

// Light theme colours of the component arcs (src/app/theme.cpp) and of the total's value arc.
const COLOURS = { total: [0x0a, 0x66, 0xc2], brand: [0xb0, 0x7f, 0x00], find: [0x8a, 0x4f, 0xbf], engage: [0xdc, 0x3b, 0x3b],
  relationships: [0x3d, 0x9a, 0x50] };
const close = (a, b, tolerance = 40) => a.every((v, i) => Math.abs(v - b[i]) <= tolerance);

test('each gauge draws its colour up to the angle of its score, and track beyond it', async () => {
  const app = await openApp(browser, server, { width: 1440, height: 900, locale: 'en-US' });
  const page = app.page;
  try {
    const qs = await page.evaluate(() => ssiTest.questions());
    // The second answer everywhere, but no conduct deduction (it comes off the total and would empty relationships).
    const second = (q) => (q.points[Math.min(1, q.points.length - 1)] < 0 ? q.points.indexOf(0) : Math.min(1, q.points.length - 1));
    for (const q of qs) await page.evaluate(([id, n]) => ssiTest.answer(id, n), [q.id, second(q)]);
    await page.evaluate(() => ssiTest.show('results'));
    await settle(page);
    const gauges = await page.evaluate(() => ssiTest.gauges());
    for (const id of Object.keys(COLOURS)) {
      const g = gauges.find((x) => x.id === id);
      assert.ok(g, `gauge ${id} drawn`);
      assert.ok(g.value > 0.1 && g.value < 0.9, `${id}: pick answers that give a mid-range value (${g.value})`);
      const at = (fraction) => {
        const a = g.start + fraction * g.sweep;
        return [g.x + g.radius * Math.sin(a), g.y - g.radius * Math.cos(a)];
      };
      for (const f of [0.05, g.value * 0.5, g.value - 0.03]) {
        const rgb = await pixelAt(page, ...at(f));
        assert.ok(close(rgb, COLOURS[id]), `${id} at ${f.toFixed(2)} of the scale is ${rgb}, expected its colour`);
      }
      for (const f of [g.value + 0.05, Math.min(0.97, g.value + 0.25)]) {
        const rgb = await pixelAt(page, ...at(f));
        assert.ok(!close(rgb, COLOURS[id], 60), `${id} beyond its value (${f.toFixed(2)}) must not be filled: ${rgb}`);
      }
    }
    assert.ok(gauges.every((g) => g.gpu), 'gauges are drawn by the shader, not the fallback');
  } finally { await app.context.close(); }
});
