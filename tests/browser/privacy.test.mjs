// Issue 6, privacy: during a whole flow the page and its service worker ask only the site's own origin and no
// Content-Security-Policy violation fires; once cached, a reload asks the network for nothing; the headers
// docs/deploy.md gives production hosts are the ones the dev server sends.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, chmodSync, copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync,
  writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { launch, startServer, DIST, waitReady, settle, widget, clickWidget, clickOnScreen, watchPrivacy, startProxyRecorder }
  from './lib.mjs';
import { SECURITY_HEADERS, CACHE_CONTROL, MIME, serve } from '../../scripts/lib/static-server.mjs';

let browser, proxy;
before(async () => { browser = await launch(); proxy = await startProxyRecorder(); });
after(async () => { await browser?.close(); await proxy?.close(); });

const state = (page) => page.evaluate(() => ssiTest.state());

// Opens the site in a fresh context whose every request to another address goes to the recording proxy, with the
// recorders on, and waits until the service worker controls the page.
async function openWatched(server, { width = 1440, height = 900 } = {}) {
  const context = await browser.newContext({
    viewport: { width, height }, locale: 'en-US', reducedMotion: 'reduce',
    proxy: { server: proxy.server, bypass: '127.0.0.1' },
  });
  await context.addInitScript(() => { window.print = () => { window.__printed = true; }; });  // no print dialog
  const page = await context.newPage();
  const errors = [], csp = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (/content.security.policy/i.test(m.text())) csp.push(m.text()); });
  const watch = await watchPrivacy(context, page);
  proxy.seen.length = 0;
  try {
    await page.goto(server.url);
    await waitReady(page);
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 30000 });
    await settle(page);
  } catch (e) { await context.close(); throw e; }
  return { context, page, errors, csp, ...watch };
}

// Clicks a widget that makes the page download a file and returns the file's bytes.
async function download(page, id) {
  const started = page.waitForEvent('download');
  await clickOnScreen(page, id);
  return readFileSync(await (await started).path());
}

// Everything the recorders saw that breaks the promise, as readable lines (an empty list is a pass).
function offences(server, watch) {
  const origin = new URL(server.url).origin;
  const ownUrl = (url) => new URL(url).origin === origin;  // blob: URLs have their creator's origin
  return [
    ...watch.violations.map((v) => `CSP violation in the ${v.where}: ${v.directive} ${v.blocked} (${v.source}:${v.line})`),
    ...watch.requests.filter((r) => !ownUrl(r.url)).map((r) => `request${r.worker ? ' by the service worker' : ''} to ${r.url}`),
    ...proxy.seen.map((line) => `request through the proxy: ${line}`),
    ...server.requests.filter((r) => r.host !== new URL(server.url).host).map((r) => `request for host ${r.host}`),
    ...watch.csp.map((text) => `console: ${text}`),
  ];
}

test('a whole flow (questions, results, downloads, export, delete, import) asks only its own origin, no CSP violation', async () => {
  const server = await startServer(DIST);
  const watch = await openWatched(server);
  const { page, context } = watch;
  try {
    await clickOnScreen(page, 'welcome.start');
    for (let step = 0; step < 60 && (await state(page)).screen === 'questionnaire'; ++step) {
      const { question } = await state(page);
      const options = (await page.evaluate(() => ssiTest.questions())).find((q) => q.id === question).points.length;
      await clickOnScreen(page, `q.${question}.option.${step % options}`);
    }
    assert.equal((await state(page)).screen, 'results');
    await clickOnScreen(page, 'results.save');
    assert.equal((await download(page, 'results.png')).subarray(1, 4).toString(), 'PNG', 'the results as a PNG');
    await clickOnScreen(page, 'results.print');
    assert.equal(await page.evaluate(() => window.__printed), true);

    await page.evaluate(() => ssiTest.show('real'));
    await settle(page);
    await clickOnScreen(page, 'real.brand');  // typing goes through the page's hidden text field
    await page.keyboard.type('12,5');
    await settle(page, 250);

    await page.evaluate(() => ssiTest.show('data'));
    await settle(page);
    const exported = (await download(page, 'data.export')).toString('utf8');
    assert.equal(JSON.parse(exported).checks.length, 1);
    await download(page, 'data.csv');
    await clickOnScreen(page, 'data.delete');
    await clickOnScreen(page, 'data.delete_yes');
    assert.equal(JSON.parse(await page.evaluate(() => ssiTest.exportText())).checks.length, 0, 'all deleted');

    const folder = mkdtempSync(join(tmpdir(), 'ssi-export-'));
    const file = join(folder, 'export.json');
    writeFileSync(file, exported);
    const chooser = page.waitForEvent('filechooser');
    await clickOnScreen(page, 'data.import');
    await (await chooser).setFiles(file);
    for (let i = 0; i < 40 && !(await widget(page, 'import.confirm')); ++i) await settle(page, 100);
    await clickOnScreen(page, 'import.confirm');
    const checks = async () => JSON.parse(await page.evaluate(() => ssiTest.exportText())).checks.length;
    assert.equal(await checks(), 1, 'the import brought the check back');
    rmSync(folder, { recursive: true, force: true });

    await page.reload();  // served by the service worker now
    await waitReady(page);
    await settle(page);
    assert.equal(await checks(), 1, 'the import was kept');

    assert.deepEqual(offences(server, watch), []);
    assert.deepEqual(watch.errors, []);
    // The recorders did see the traffic they judge: the page's, the service worker's and the server's.
    assert.ok(watch.requests.some((r) => r.worker), 'the service worker’s requests were recorded');
    const files = new Set(readdirSync(DIST));
    for (const r of server.requests) {
      assert.ok(r.status === 200 || r.status === 304, `${r.path} → ${r.status}`);  // 304: revalidated, not sent again
      assert.ok(r.path === '/' || files.has(r.path.slice(1)), `${r.path} is a file of the build`);
    }
  } finally { await context.close(); await server.close(); }
});

test('after caching, a reload asks the network for nothing, the service worker update check included', async () => {
  const server = await startServer(DIST);
  const watch = await openWatched(server, { width: 390, height: 844 });
  const { page, context, cdp } = watch;
  const paths = () => server.requests.map((r) => r.path);
  try {
    // Control: without sw.js in the HTTP cache (as once its max-age has passed) the browser's update check after
    // a navigation reaches the server, and only it. How long it took tells how long to watch below.
    await cdp.send('Network.clearBrowserCache');
    server.requests.length = 0;
    let start = Date.now();
    await page.reload();
    await waitReady(page);
    for (let i = 0; i < 300 && !paths().includes('/sw.js'); ++i) await page.waitForTimeout(100);
    const check = server.requests.find((r) => r.path === '/sw.js');
    assert.ok(check, 'the update check after a navigation reached the server');
    const lag = check.time - start;
    await page.waitForTimeout(1000);
    assert.deepEqual(paths(), ['/sw.js'], 'everything else came from the service worker');

    // The measurement: sw.js is fresh in the HTTP cache (max-age=300), everything else is in the SW's cache.
    server.requests.length = 0;
    watch.requests.length = 0;
    start = Date.now();
    await page.reload();
    await waitReady(page);
    await settle(page);
    await page.waitForTimeout(Math.max(2 * lag + 1000, 6000) - (Date.now() - start));
    assert.deepEqual(server.requests, [], `nothing reached the server (its update check came ${lag} ms after a reload)`);
    assert.ok(watch.requests.length >= 4, 'the page did ask for its files…');
    assert.deepEqual(watch.requests.filter((r) => r.worker), [], '…and the service worker did not fetch them');
    assert.deepEqual(offences(server, watch), []);
  } finally { await context.close(); await server.close(); }
});

test('the recorders see a foreign image, a foreign fetch in the service worker and a foreign navigation', async () => {
  // A copy of the build, broken on purpose in two places.
  const site = mkdtempSync(join(tmpdir(), 'ssi-broken-'));
  cpSync(DIST, site, { recursive: true });
  const html = readFileSync(join(site, 'index.html'), 'utf8');
  writeFileSync(join(site, 'index.html'), html.replace('</body>', '<img src="http://elsewhere.invalid/pixel.png">\n</body>'));
  // When the worker starts and on each request it serves: its first start may come before the recorder has attached.
  appendFileSync(join(site, 'sw.js'), "\nconst beacon = () => fetch('http://elsewhere.invalid/beacon').catch(() => {});\n" +
    "beacon();\nself.addEventListener('fetch', beacon);\n");
  const server = await startServer(site);
  const watch = await openWatched(server, { width: 390, height: 844 });
  const { page, context } = watch;
  try {
    await page.reload();  // served by the controlling worker, whose recorder is on by now
    await waitReady(page);
    // The worker's report comes through the CDP session, after the violation.
    const seen = (pattern) => offences(server, watch).some((line) => pattern.test(line));
    for (const end = Date.now() + 10000; !seen(/in the service worker/) && Date.now() < end;) await page.waitForTimeout(100);
    await page.goto('http://elsewhere.invalid/').catch(() => {});  // not covered by any CSP: it reaches the proxy
    const found = offences(server, watch).join('\n');
    assert.match(found, /CSP violation in the page: img-src http:\/\/elsewhere\.invalid\/pixel\.png/);
    assert.match(found, /CSP violation in the service worker: connect-src http:\/\/elsewhere\.invalid\/beacon/);
    assert.match(found, /request through the proxy: GET http:\/\/elsewhere\.invalid\//);
    assert.match(found, /request to http:\/\/elsewhere\.invalid\//);
  } finally { await context.close(); await server.close(); rmSync(site, { recursive: true, force: true }); }
});

test('on a host that sends no CSP header, the policy ssi.js adds is the header\'s and holds before main() runs', async () => {
  const server = await serve(DIST, { csp: false });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US',
    proxy: { server: proxy.server, bypass: '127.0.0.1' } });
  // Notes when a CSP <meta> enters the page.
  await context.addInitScript(() => {
    new MutationObserver(() => {
      if (window.cspAt === undefined && document.querySelector('meta[http-equiv="Content-Security-Policy"]')) {
        window.cspAt = performance.now();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  try {
    const page = await context.newPage();
    proxy.seen.length = 0;
    const response = await page.goto(server.url);
    assert.equal(response.headers()['content-security-policy'], undefined, 'the server sends no policy');
    await waitReady(page);
    const got = await page.evaluate(async () => {
      const metas = [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map((m) => m.content);
      const blocked = new Promise((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(`${e.violatedDirective} ${e.blockedURI}`));
        setTimeout(() => resolve('no violation'), 5000);
      });
      const img = document.createElement('img');
      img.src = 'http://elsewhere.invalid/pixel.png';
      document.body.append(img);
      return { metas, blocked: await blocked, cspAt: window.cspAt,
        main: performance.getEntriesByName('ssi:main')[0]?.startTime };
    });
    // The header's policy but frame-ancestors, which a <meta> cannot carry.
    assert.deepEqual(got.metas, [SECURITY_HEADERS['Content-Security-Policy'].replace("; frame-ancestors 'none'", '')]);
    assert.match(got.blocked, /^img-src http:\/\/elsewhere\.invalid\/pixel\.png/);
    assert.ok(got.cspAt < got.main, `the policy came at ${got.cspAt} ms, main() began at ${got.main} ms`);
    assert.deepEqual(proxy.seen, []);
  } finally { await context.close(); await server.close(); }
});

// --- Headers: the dev server, docs/deploy.md and nginx with its configuration say the same -----------------

// A copy of the build with precompressed variants of style.css, as docs/deploy.md has them made.
function siteWithVariants() {
  const site = mkdtempSync(join(tmpdir(), 'ssi-headers-'));
  chmodSync(site, 0o755);  // nginx's workers read it as another user
  cpSync(DIST, site, { recursive: true });
  const css = readFileSync(join(site, 'style.css'));
  writeFileSync(join(site, 'style.css.br'), brotliCompressSync(css));
  writeFileSync(join(site, 'style.css.gz'), gzipSync(css));
  return site;
}

// What a response says that docs/deploy.md promises: status, security headers, Cache-Control, encoding and the
// media type (without parameters; JavaScript is left out, as nginx and the dev server name it differently).
const PROBES = [['', 'br'], ['index.html', 'br'], ['sw.js', 'br'], ['ssi.wasm', 'br'], ['manifest.webmanifest', 'br'],
  ['icon-192.png', 'br'], ['style.css', 'br'], ['style.css', 'gzip'], ['style.css', 'identity'], ['missing.js', 'br']];
async function promised(base, path, encoding) {
  const res = await fetch(base + path, { headers: { 'Accept-Encoding': encoding } });
  const got = { status: res.status };
  for (const name of [...Object.keys(SECURITY_HEADERS), 'Cache-Control', 'Content-Encoding', 'Vary'])
    got[name] = res.headers.get(name);
  if (res.ok && !path.endsWith('.js')) got['Content-Type'] = res.headers.get('content-type').split(';')[0];
  if (res.ok) got.body = createHash('sha256').update(Buffer.from(await res.arrayBuffer())).digest('hex').slice(0, 12);
  return got;
}

test('the dev server sends the security headers on every response, Cache-Control per file, precompressed files', async () => {
  const site = siteWithVariants();
  const server = await startServer(site);
  try {
    const css = createHash('sha256').update(readFileSync(join(site, 'style.css'))).digest('hex').slice(0, 12);
    for (const [path, encoding] of PROBES) {
      const got = await promised(server.url, path, encoding);
      assert.equal(got.status, path === 'missing.js' ? 404 : 200, path);
      assert.equal(got['Cache-Control'], path === 'sw.js' ? 'max-age=300' : 'no-cache', path);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) assert.equal(got[name], value, `${path}: ${name}`);
      if (path === 'ssi.wasm') assert.equal(got['Content-Type'], 'application/wasm');
      if (path === 'style.css') {
        assert.equal(got['Content-Encoding'], encoding === 'identity' ? null : encoding);
        assert.equal(got.Vary, 'Accept-Encoding');
        assert.equal(got.body, css, `${encoding}: the browser gets the same stylesheet`);
      }
    }
  } finally { await server.close(); rmSync(site, { recursive: true, force: true }); }
});

const DEPLOY = readFileSync(join('docs', 'deploy.md'), 'utf8');
const NGINX = DEPLOY.match(/```nginx\n([\s\S]*?)```/)?.[1] ?? '';

test('docs/deploy.md names exactly the dev server’s headers, in its list and in the nginx configuration', () => {
  const unquote = (v) => v.replace(/^"(.*)"$/, '$1');
  // The list: "Name: value", Cache-Control once per kind of file.
  const list = DEPLOY.match(/## Headers[\s\S]*?```\n([\s\S]*?)```/)?.[1] ?? '';
  const listed = [...list.matchAll(/^([\w-]+): (.*?)(?:\s{2,}\((.*)\))?$/gm)].map(([, name, value, files]) => [name, value, files]);
  assert.deepEqual(listed.filter(([name]) => name !== 'Cache-Control').map(([name, value]) => [name, value]),
    Object.entries(SECURITY_HEADERS));
  assert.deepEqual(listed.filter(([name]) => name === 'Cache-Control').map(([, value, files]) => [value, files]),
    [[CACHE_CONTROL['sw.js'], 'sw.js only'], [CACHE_CONTROL.default, 'every other file']]);

  // nginx: one set of add_header lines, Cache-Control through a map on the path.
  const text = NGINX.replace(/#.*$/gm, '');
  const headers = Object.fromEntries([...text.matchAll(/^\s*add_header\s+(\S+)\s+("[^"]*"|\S+)\s+always;/gm)]
    .map(([, name, value]) => [name, unquote(value)]));
  assert.deepEqual(headers, { ...SECURITY_HEADERS, 'Cache-Control': '$ssi_cache_control' });
  const map = text.match(/map\s+\$uri\s+\$ssi_cache_control\s*\{([^}]*)\}/)?.[1] ?? '';
  assert.deepEqual(Object.fromEntries([...map.matchAll(/^\s*(\S+)\s+("[^"]*"|\S+);/gm)].map(([, k, v]) => [k, unquote(v)])),
    { default: CACHE_CONTROL.default, '~/sw\\.js$': CACHE_CONTROL['sw.js'] });
  for (const [, type, ext] of (text.match(/types\s*\{([^}]*)\}/)?.[1] ?? '').matchAll(/(\S+)\s+(\S+);/g))
    assert.equal(MIME[`.${ext}`].split(';')[0], type, `.${ext}`);
  for (const line of ['brotli_static on;', 'gzip_static on;', 'gzip_vary on;', 'include mime.types;'])
    assert.ok(text.includes(line), line);
  assert.match(DEPLOY, /GitHub Pages sends `Cache-Control: max-age=600`/);
});

const NGINX_BIN = '/usr/sbin/nginx';
test('nginx with the configuration of docs/deploy.md answers as the dev server does', {
  skip: !existsSync(NGINX_BIN) && 'nginx is not installed (apt-get install nginx libnginx-mod-http-brotli-static)',
}, async (t) => {
  const site = siteWithVariants();
  const server = await startServer(site);
  const dir = mkdtempSync(join(tmpdir(), 'ssi-nginx-'));
  let nginx;
  try {
    const port = await new Promise((ok) => {
      const probe = createNetServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address();
        probe.close(() => ok(port));
      });
    });
    const block = NGINX.replace(/^(\s*)listen [^;]*;/m, `$1listen 127.0.0.1:${port};`)
      .replace(/^\s*ssl_certificate.*$/gm, '').replace(/^(\s*)root [^;]*;/m, `$1root ${site};`);
    const modules = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
    if (!existsSync(modules)) return t.skip('the brotli_static module is not installed');
    copyFileSync('/etc/nginx/mime.types', join(dir, 'mime.types'));
    writeFileSync(join(dir, 'nginx.conf'), `load_module ${modules};\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\n` +
      `events {}\nhttp {\naccess_log off;\n${block}\n}\n`);
    nginx = spawn(NGINX_BIN, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
    const base = `http://127.0.0.1:${port}/`;
    const up = () => fetch(base).then(() => true, () => false);
    for (let i = 0; i < 100 && !(await up()); ++i) await new Promise((ok) => setTimeout(ok, 50));
    const log = () => (existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '');
    assert.ok(await up(), `nginx did not start:\n${log()}`);
    for (const [path, encoding] of PROBES)
      assert.deepEqual(await promised(base, path, encoding), await promised(server.url, path, encoding), `${path} ${encoding}\n${log()}`);
  } finally {
    nginx?.kill();
    await server.close();
    rmSync(site, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
});
