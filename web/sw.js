// SSI Self-Check service worker: the whole site in one cache per build, so the app loads offline after the
// first visit and never mixes files of two versions. Written by hand; cmake/make_sw.py fills in the build's
// file list and content hash when the site is assembled.
const CACHE = 'ssi-selfcheck-__SSI_HASH__';
const FILES = __SSI_FILES__;
// The scanner's decoder: not precached (a participant's first visit does not pay for it), cached when first fetched,
// so a trainer who opened the scanner once online can scan offline.
const ON_DEMAND = __SSI_ON_DEMAND__;
// The licence texts ("About"): not precached either, cached when first opened; not carried across an update.
const ON_OPEN = __SSI_ON_OPEN__;

self.addEventListener('install', (event) => {
  // 'no-cache' revalidates every file with the server: the new cache gets this build's bytes, never a stale mix,
  // and files the page has just loaded cost a 304, not a second download (training-room Wi-Fi).
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(FILES.map((f) => new Request(f, { cache: 'no-cache' })));
    // A device that had the decoder keeps it across an update (this build's, fetched now): scanning stays offline.
    for (const key of await caches.keys()) {
      if (key === CACHE || !key.startsWith('ssi-selfcheck-') || !(await (await caches.open(key)).match(ON_DEMAND[0]))) continue;
      await cache.addAll(ON_DEMAND.map((f) => new Request(f, { cache: 'no-cache' }))).catch(() => {});
      break;
    }
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key.startsWith('ssi-selfcheck-') && key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

// The page asks for the waiting version to take over when the person chooses to reload.
self.addEventListener('message', (event) => {
  if (event.data === 'ssi-activate-update') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const scope = new URL(self.registration.scope);
    const path = url.pathname === scope.pathname ? new URL('index.html', scope).href : request.url;
    const cached = await cache.match(path, { ignoreSearch: true });
    if (cached) return cached;
    const response = await fetch(request);
    if (response.ok && ON_DEMAND.concat(ON_OPEN).some((f) => new URL(f, scope).href === url.origin + url.pathname)) {
      await cache.put(url.origin + url.pathname, response.clone());
    }
    return response;
  })());
});
