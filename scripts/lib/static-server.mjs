// A small static file server for dist/: used by scripts/serve, the browser tests and the benchmark.
// It sends the headers a production host should send (see docs/deploy.md), so development matches it.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.ttf': 'font/ttf',
};

export const CSP = [
  "default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "connect-src 'self'", "img-src 'self' data: blob:",
  "style-src 'self'", "font-src 'self'", "manifest-src 'self'", "worker-src 'self'", "base-uri 'none'",
  "form-action 'none'", "object-src 'none'", "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Permissions-Policy':
    'camera=(self), microphone=(), geolocation=(), payment=(), usb=(), serial=(), ' +
    'magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), hid=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

// Cache-Control per file. The service worker fetches the files it precaches with cache: 'reload', and the
// page registers it with updateViaCache: 'all', so:
// - sw.js may be kept for 5 minutes: a reload of a cached page then asks the network for nothing at all, and
//   a new deployment is noticed at the latest 5 minutes after the browser last fetched sw.js;
// - everything else is revalidated (no-cache), so a page that is not (yet) controlled never mixes versions.
export const CACHE_CONTROL = { 'sw.js': 'max-age=300', default: 'no-cache' };
export const cacheControl = (path) => CACHE_CONTROL[path.slice(path.lastIndexOf('/') + 1)] || CACHE_CONTROL.default;

// Precompressed variants, served when they exist next to the file and the browser accepts them (nginx:
// brotli_static / gzip_static). `scripts/build` does not make them; see docs/deploy.md.
const ENCODINGS = [['br', '.br'], ['gzip', '.gz']];

// Returns the body to send: the first variant the browser accepts, else the file itself. `varies` says whether
// any variant exists (then the response depends on Accept-Encoding, whichever body is sent).
async function readVariant(file, acceptEncoding) {
  const accepted = new Set(String(acceptEncoding || '').split(',').map((e) => e.split(';')[0].trim()));
  let varies = false;
  for (const [encoding, suffix] of ENCODINGS) {
    let body;
    try { body = await readFile(file + suffix); } catch { continue; }
    varies = true;
    if (accepted.has(encoding)) return { body, encoding, varies };
  }
  return { body: await readFile(file), encoding: null, varies };
}

// Starts serving `root` on host:port (port 0 = any free port). Resolves to { server, url, port, requests }.
// `requests` records every request that reached the server (method, host, path, status, encoding, time in ms
// since the epoch) for tests that check what the page asked for. `csp: false` leaves out the Content-Security-Policy
// (only for the bench's third-party page, which sets inline styles).
export async function serve(root, { host = '127.0.0.1', port = 0, log = false, csp = true } = {}) {
  const base = resolve(root);
  const security = { ...SECURITY_HEADERS };
  if (!csp) delete security['Content-Security-Policy'];
  const requests = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const entry = {
      method: req.method, host: req.headers.host, path: url.pathname, status: 0, encoding: null, time: Date.now(),
    };
    requests.push(entry);
    // Every response carries the security headers and a Cache-Control, errors too (nginx: add_header … always).
    const finish = (status, headers, body) => {
      entry.status = status;
      res.writeHead(status, { ...headers, 'Cache-Control': cacheControl(url.pathname), ...security });
      res.end(req.method === 'HEAD' ? undefined : body);
      if (log) console.log(`${status} ${req.method} ${url.pathname}`);
    };
    const text = { 'Content-Type': 'text/plain; charset=utf-8' };
    let path;
    try { path = decodeURIComponent(url.pathname); } catch { return finish(400, text, 'bad request'); }
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(base, path));
    if (!(file === base || file.startsWith(base + sep))) return finish(403, text, 'forbidden');
    if (req.method !== 'GET' && req.method !== 'HEAD') return finish(405, { ...text, Allow: 'GET, HEAD' }, 'not allowed');
    try {
      const info = await stat(file);
      if (!info.isFile()) return finish(404, text, 'not found');
      const { body, encoding, varies } = await readVariant(file, req.headers['accept-encoding']);
      entry.encoding = encoding;
      // A validator, as every production host sends one (nginx: ETag and Last-Modified): "no-cache" then costs a
      // 304 instead of the whole file, e.g. when the service worker caches the files the page has just loaded.
      const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 24)}"`;
      const headers = { 'Content-Type': MIME[extname(file)] || 'application/octet-stream', 'Content-Length': body.length, ETag: etag };
      if (encoding) headers['Content-Encoding'] = encoding;
      if (varies) headers.Vary = 'Accept-Encoding';
      const known = String(req.headers['if-none-match'] || '').split(',').map((t) => t.trim().replace(/^W\//, ''));
      if (known.includes(etag)) {
        delete headers['Content-Length'];
        return finish(304, headers, undefined);
      }
      finish(200, headers, body);
    } catch {
      finish(404, text, 'not found');
    }
  });
  await new Promise((ok, fail) => { server.once('error', fail); server.listen(port, host, ok); });
  const actual = server.address().port;
  return { server, port: actual, url: `http://${host}:${actual}/`, requests, close: () => new Promise((ok) => server.close(ok)) };
}
