// Issue 12: what a screen reader and a keyboard-only user get. The accessibility tree is read through CDP, as
// assistive technology reads it; axe-core checks the page; activation and focus go through the DOM mirror.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, startServer, openApp, settle, screenshot, waitReady } from './lib.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await startServer(); });
after(async () => { await browser?.close(); await server?.close(); });

// Chrome's accessibility roles for the app's widget roles.
const AX_ROLES = {
  button: ['button', 'toggleButton'], tab: ['tab'], radio: ['radio'], link: ['link'], checkbox: ['checkbox'],
  textbox: ['textbox'],
};

// The unignored nodes of the full accessibility tree, each with the data-id of its mirror element (if any).
async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('Accessibility.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '#a11y [data-id]' });
    const idOf = new Map();
    for (const nodeId of nodeIds) {
      const { node } = await cdp.send('DOM.describeNode', { nodeId });
      const attrs = node.attributes || [];
      idOf.set(node.backendNodeId, attrs[attrs.indexOf('data-id') + 1]);
    }
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    return nodes.filter((n) => !n.ignored).map((n) => ({
      role: n.role?.value, name: (n.name?.value ?? '').trim(), value: n.value?.value,
      props: Object.fromEntries((n.properties || []).map((p) => [p.name, p.value?.value])),
      id: idOf.get(n.backendDOMNodeId),
    }));
  } finally { await cdp.detach(); }
}

async function answerAll(page) {
  await page.evaluate(() => {
    for (let round = 0; round < 3; ++round)
      for (const q of ssiTest.questions()) if (q.visible) ssiTest.answer(q.id, q.points.indexOf(Math.max(...q.points)) > 0 ? 1 : 0);
  });
}

async function show(page, screen) {
  assert.equal(await page.evaluate((s) => ssiTest.show(s), screen), true, screen);
  await settle(page);
}

// Every widget the app lists has exactly one accessibility node with its role, name and state.
async function checkWidgets(page, where) {
  const widgets = await page.evaluate(() => ssiTest.widgets());
  const tree = await axTree(page);
  assert.ok(widgets.length > 0, `${where}: no widgets`);
  for (const w of widgets.filter((w) => AX_ROLES[w.role])) {
    const nodes = tree.filter((n) => n.id === w.id);
    assert.equal(nodes.length, 1, `${where}: ${w.id} has ${nodes.length} accessibility nodes`);
    const [n] = nodes;
    assert.ok(AX_ROLES[w.role].includes(n.role), `${where}: ${w.id} is "${n.role}", not ${w.role}`);
    assert.equal(n.name, w.label.trim(), `${where}: ${w.id} is named "${n.name}"`);
    if (w.role === 'radio' || w.role === 'checkbox')
      assert.equal(n.props.checked, w.selected ? 'true' : 'false', `${where}: ${w.id} checked`);
    if (w.role === 'tab') assert.equal(!!n.props.selected, w.selected, `${where}: ${w.id} selected`);
    assert.equal(!!n.props.disabled, w.disabled, `${where}: ${w.id} disabled`);
  }
  assert.ok(!tree.some((n) => n.role === 'Canvas' || /canvas/i.test(n.role ?? '')), `${where}: the canvas is exposed`);
  return tree;
}

const SCREENS = ['welcome', 'questionnaire', 'results', 'data', 'real', 'history', 'about', 'workshop', 'handover',
  'group'];

for (const locale of ['de-DE', 'en-US']) {
  test(`every screen's widgets, question, scores and advice are in the accessibility tree (${locale})`, async () => {
    const app = await openApp(browser, server, { width: 1280, height: 900, locale });
    try {
      await settle(app.page);
      for (const screen of SCREENS) {
        if (screen === 'results') await answerAll(app.page);
        await show(app.page, screen);
        const tree = await checkWidgets(app.page, `${screen} ${locale}`);
        const names = tree.map((n) => `${n.name} ${n.value ?? ''}`).join('\n');
        const state = await app.page.evaluate(() => ssiTest.state());
        if (screen === 'questionnaire') {
          const q = state.question;
          assert.ok(q, 'a question is on screen');
          assert.ok(tree.some((n) => n.role === 'heading' && n.name.length > 10), 'the question is a heading');
          assert.ok(tree.some((n) => n.role === 'radiogroup' || n.role === 'radio'), 'options are radios');
        }
        if (screen === 'results') {
          const r = state.result;
          const total = tree.find((n) => n.id === 'meter.total');
          assert.ok(total, 'the total is a meter');
          assert.match(`${total.name} ${total.value ?? ''} ${total.props.valuetext ?? ''}`, new RegExp(`\\b${r.total}\\b`),
            'the total is said');
          const lang = locale.slice(0, 2);
          for (const c of r.components) {
            const text = (Math.round(c * 10) / 10).toFixed(1);
            const shown = lang === 'de' ? text.replace('.', ',') : text;
            assert.ok(names.includes(shown), `component value ${shown} is in the tree`);
          }
          assert.ok(tree.filter((n) => n.role === 'paragraph' || n.role === 'StaticText').length > 5, 'advice text');
        }
        await screenshot(app.page, `a11y-${screen}-${locale}`);
      }
    } finally { await app.context.close(); }
  });
}

// Structure beyond single widgets: each question's options are a radiogroup named by the question, advice and
// plan are lists whose items carry the sentence and its gain, the history chart has a table with the values, and
// a refused import is said assertively (a saved or imported one politely).
test('radiogroup, advice and plan lists, history table, import announcements', async () => {
  const app = await openApp(browser, server, { width: 1280, height: 900, locale: 'en-US' });
  const { page } = app;
  const byId = (tree, id) => tree.filter((n) => n.id === id);
  try {
    await settle(page);
    await show(page, 'questionnaire');
    const { question } = await page.evaluate(() => ssiTest.state());
    let tree = await axTree(page);
    const heading = tree.find((n) => n.role === 'heading' && n.name.length > 10);
    const [group] = byId(tree, `q.${question}.options`);
    assert.ok(group, 'the options have a group node');
    assert.equal(group.role, 'radiogroup');
    assert.equal(group.name, heading.name, 'the radiogroup is named by the question');
    const inside = await page.evaluate((id) => Array.from(document.querySelectorAll(`#a11y [data-id="q.${id}.options"] [role="radio"]`))
      .map((el) => el.dataset.id), question);
    const radios = (await page.evaluate(() => ssiTest.widgets())).filter((w) => w.role === 'radio').map((w) => w.id);
    assert.ok(radios.length >= 2, 'options on screen');
    assert.deepEqual(inside, radios, 'every option is a radio inside the group');

    await answerAll(page);
    await show(page, 'results');
    const { result } = await page.evaluate(() => ssiTest.state());
    tree = await axTree(page);
    const shown = result.advice.slice(0, 5);
    assert.ok(shown.length > 0, 'advice to check');
    assert.equal(byId(tree, 'advice')[0]?.role, 'list', 'the advice is a list');
    for (const a of shown) {
      const [item] = byId(tree, `advice.${a.question}.item`);
      assert.equal(item?.role, 'listitem', `advice for ${a.question} is a list item`);
      const tip = await page.evaluate((q) => document.querySelector(`#a11y [data-id="advice.${q}.item"] p`)?.textContent, a.question);
      assert.ok(tip && tip.length > 15 && item.name.includes(tip), `item ${a.question} is named by its advice: "${item.name}"`);
      const gain = (Math.round(Math.round(a.gain * 100) / 10) / 10).toFixed(1);
      assert.ok(item.name.includes(gain), `item ${a.question} says its gain ${gain}: "${item.name}"`);
    }
    const plan = await page.evaluate(() => {
      const el = document.querySelector('#a11y [data-id="plan"]');
      return { tag: el?.tagName, items: el ? el.querySelectorAll(':scope > li').length : 0 };
    });
    assert.deepEqual(plan, { tag: 'OL', items: result.plan.length }, 'the plan is an ordered list of its steps');

    // Saved (polite), then the history's table holds the saved values.
    await page.evaluate(() => document.querySelector('#a11y [data-id="results.save"]').click());
    await settle(page);
    assert.match(await page.evaluate(() => document.getElementById('status').textContent), new RegExp(`saved: SSI ${result.total}\\b`));
    await show(page, 'history');
    tree = await axTree(page);
    assert.equal(byId(tree, 'chart.table')[0]?.role, 'table', 'the chart has a table');
    assert.equal(tree.filter((n) => n.role === 'columnheader' && n.id?.startsWith('chart.head.')).length, 7, 'seven columns');
    const cells = tree.filter((n) => n.role === 'cell' && n.id?.startsWith('chart.row.'));
    const rows = new Map();
    for (const c of cells) {
      const [, row, col] = c.id.match(/^(.*)\.(\d+)$/);
      if (!rows.has(row)) rows.set(row, []);
      rows.get(row)[Number(col)] = c.name;
    }
    const want = [String(result.total), ...result.components.map((c) => (Math.round(c * 10) / 10).toFixed(1))];
    assert.ok([...rows.values()].some((r) => JSON.stringify(r.slice(2)) === JSON.stringify(want)),
      `a table row holds ${want.join(' ')}: ${JSON.stringify([...rows.values()])}`);

    // A refused file is said assertively with its reason; an import says what it added, politely.
    await show(page, 'data');
    const refused = await page.evaluate(() => ssiTest.importText('{"type": "not ours"'));
    assert.equal(refused.ok, false);
    await page.waitForTimeout(200);
    const alert = await page.evaluate(() => document.getElementById('alert').textContent);
    assert.ok(alert.startsWith('Not imported:') && alert.includes(refused.error), `assertive: "${alert}"`);
    const again = await page.evaluate(() => ssiTest.importText(ssiTest.exportText()));
    assert.equal(again.ok, true);
    await page.waitForTimeout(200);
    assert.match(await page.evaluate(() => document.getElementById('status').textContent), /Imported: 0 self-checks and 0 real/);
  } finally { await app.context.close(); }
});

// The browser's text size (the root element's font size; 32 px = 200 %) scales the app's text, and at 200 % on a
// phone nothing on any screen reaches past the right edge: the mirror's nodes stay inside the 390 px and the page
// never scrolls sideways.
test('200 % text from the browser at 390 px: larger text, no horizontal overflow on any screen', async () => {
  const headingHeight = async (rootPx) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE', reducedMotion: 'reduce' });
    await context.addInitScript((px) => { document.addEventListener('DOMContentLoaded', () => { document.documentElement.style.fontSize = px + 'px'; }); }, rootPx);
    const page = await context.newPage();
    await page.goto(server.url);
    await waitReady(page);
    await settle(page);
    const heading = (await page.evaluate(() => ssiTest.a11y())).find((n) => n.role === 'heading');
    return { context, page, height: heading.h };
  };
  const normal = await headingHeight(16);
  await normal.context.close();
  const { context, page, height } = await headingHeight(32);
  try {
    assert.ok(height >= normal.height * 1.8, `the heading grew with the browser's text size (${normal.height} -> ${height} px)`);
    await answerAll(page);
    for (const screen of SCREENS) {
      await show(page, screen);
      const nodes = await page.evaluate(() => ssiTest.a11y());
      assert.ok(nodes.length > 3, `${screen}: has content`);
      for (const n of nodes.filter((n) => n.w > 0))
        assert.ok(n.x >= -1 && n.x + n.w <= 391, `${screen}: ${n.role} "${n.name}" at x ${n.x}, width ${n.w} fits 390 px`);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), `${screen}: no sideways scrolling`);
      if (screen === 'results') await screenshot(page, 'a11y-text200-results-390x844');
    }
  } finally { await context.close(); }
});

test('axe-core finds nothing critical or serious on the main screens', async () => {
  const source = await readFile('node_modules/axe-core/axe.min.js', 'utf8');
  const app = await openApp(browser, server, { width: 1280, height: 900, locale: 'en-US' });
  try {
    await settle(app.page);
    await app.page.evaluate(source);
    for (const screen of ['welcome', 'questionnaire', 'results', 'data', 'real', 'workshop']) {
      if (screen === 'results') await answerAll(app.page);
      await show(app.page, screen);
      const violations = await app.page.evaluate(async () => {
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length,
          first: v.nodes[0]?.html }));
      });
      const bad = violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
      assert.deepEqual(bad, [], `${screen}: ${JSON.stringify(bad, null, 1)}`);
    }
  } finally { await app.context.close(); }
});

test('a click on a mirror element without a pointer answers the question; title and lang follow', async () => {
  const app = await openApp(browser, server, { locale: 'en-US' });
  try {
    await settle(app.page);
    assert.equal(await app.page.evaluate(() => document.documentElement.lang), 'en');
    await show(app.page, 'questionnaire');
    const { question } = await app.page.evaluate(() => ssiTest.state());
    assert.match(await app.page.title(), /Questionnaire/);
    await app.page.evaluate((id) => document.querySelector(`#a11y [data-id="q.${id}.option.1"]`).click(), question);
    await settle(app.page);
    const state = await app.page.evaluate(() => ssiTest.state());
    assert.equal(state.answers[question], 1, 'the activation answered the question');
    await app.page.evaluate(() => document.querySelector('#a11y [data-id="lang.de"]').click());
    await settle(app.page);
    assert.equal(await app.page.evaluate(() => document.documentElement.lang), 'de');
    assert.match(await app.page.title(), /Fragebogen/);
    const status = await app.page.evaluate(() => document.getElementById('status').textContent);
    assert.match(status, /Frage \d+ von \d+/, 'the new question was announced');
  } finally { await app.context.close(); }
});

test('an idle page draws no frame and changes no DOM in 3 s', async () => {
  const app = await openApp(browser, server, { width: 1280, height: 900 });
  try {
    await answerAll(app.page);
    await show(app.page, 'results');
    await settle(app.page);
    await app.page.evaluate(() => {
      window.__mutations = 0;
      new MutationObserver((list) => { window.__mutations += list.length; })
        .observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    const before = await app.page.evaluate(() => ssiTest.frames());
    await app.page.waitForTimeout(3000);
    const after = await app.page.evaluate(() => ({ frames: ssiTest.frames(), mutations: window.__mutations }));
    assert.equal(after.frames - before, 0, 'frames while idle');
    assert.equal(after.mutations, 0, 'DOM mutations while idle');
  } finally { await app.context.close(); }
});

test('keyboard only: load, every question, results, My data, export in at most 60 keys, none dead', async () => {
  const app = await openApp(browser, server, { width: 1280, height: 900, locale: 'en-US' });
  const { page } = app;
  try {
    await settle(page);
    const downloads = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    const look = () => page.evaluate(() => {
      const s = ssiTest.state();
      return { focus: document.activeElement?.dataset?.id ?? document.activeElement?.tagName, screen: s.screen,
        question: s.question, answers: Object.keys(s.answers).length };
    });
    let keys = 0;
    const dead = [];
    const press = async (key) => {
      const before = JSON.stringify(await look());
      await page.keyboard.press(key);
      await settle(page, 150);
      ++keys;
      const now = await look();
      if (JSON.stringify(now) === before && !(key === 'Enter' && downloads.length)) dead.push(`${key} at ${before}`);
      return now;
    };
    let now = await look();
    for (let i = 0; i < 10 && now.focus !== 'welcome.start'; ++i) now = await press('Tab');
    assert.equal(now.focus, 'welcome.start', 'Tab reaches the start button');
    now = await press('Enter');
    assert.equal(now.screen, 'questionnaire');
    for (let i = 0; i < 45 && now.screen === 'questionnaire'; ++i) {
      assert.match(now.focus ?? '', /^q\..*\.option\.\d+$/, `focus on an option (${JSON.stringify(now)})`);
      now = await press('Enter');
    }
    assert.equal(now.screen, 'results', 'every question answered by Enter');
    for (let i = 0; i < 8 && now.focus !== 'nav.menu'; ++i) now = await press('Shift+Tab');
    assert.equal(now.focus, 'nav.menu');
    now = await press('Enter');
    assert.equal(now.focus, 'menu.questionnaire', 'the open menu takes the focus');
    for (let i = 0; i < 8 && now.focus !== 'menu.data'; ++i) now = await press('Tab');
    now = await press('Enter');
    assert.equal(now.screen, 'data');
    for (let i = 0; i < 8 && now.focus !== 'data.export'; ++i) now = await press('Tab');
    assert.equal(now.focus, 'data.export');
    await press('Enter');
    await page.waitForTimeout(300);
    assert.equal(downloads.length, 1, 'the export was downloaded');
    assert.deepEqual(dead, [], 'dead key presses');
    assert.ok(keys <= 60, `${keys} keys`);
    console.log(`keyboard flow: ${keys} keys, ${dead.length} dead`);
    // Tab past the last element leaves the app for the browser.
    await page.evaluate(() => { const all = document.querySelectorAll('#a11y button, #a11y [tabindex]'); all[all.length - 1].focus(); });
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => !!document.activeElement?.closest?.('#a11y')), false, 'Tab leaves the app');
  } finally { await app.context.close(); }
});
