// A small static file server for dist/: used by scripts/serve, the browser tests and the benchmark.
// It sends the headers a production host should send (see docs/deploy.md), so development matches it.
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
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), ' +
    'magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), hid=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

// Starts serving `root` on host:port (port 0 = any free port). Resolves to { server, url, port, requests }.
// `requests` records every request (method, path, status) for tests that check what the page asked for.
export async function serve(root, { host = '127.0.0.1', port = 0, log = false } = {}) {
  const base = resolve(root);
  const requests = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(base, path));
    const entry = { method: req.method, path: url.pathname, status: 0 };
    requests.push(entry);
    const finish = (status, headers, body) => {
      entry.status = status;
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
      if (log) console.log(`${status} ${req.method} ${url.pathname}`);
    };
    if (!(file === base || file.startsWith(base + sep))) return finish(403, {}, 'forbidden');
    if (req.method !== 'GET' && req.method !== 'HEAD') return finish(405, { Allow: 'GET, HEAD' }, 'method not allowed');
    try {
      const info = await stat(file);
      if (!info.isFile()) return finish(404, {}, 'not found');
      const body = await readFile(file);
      const type = MIME[extname(file)] || 'application/octet-stream';
      // The service worker decides what is cached; the browser's HTTP cache must not keep stale copies.
      finish(200, { 'Content-Type': type, 'Content-Length': body.length, 'Cache-Control': 'no-cache', ...SECURITY_HEADERS }, body);
    } catch {
      finish(404, { 'Content-Type': 'text/plain; charset=utf-8' }, 'not found');
    }
  });
  await new Promise((ok, fail) => { server.once('error', fail); server.listen(port, host, ok); });
  const actual = server.address().port;
  return { server, port: actual, url: `http://${host}:${actual}/`, requests, close: () => new Promise((ok) => server.close(ok)) };
}
