/* global self, caches */
// Web mode's offline shell: the built UI is cached as it is fetched, so that a reload without a
// connection still opens the app (the data is in IndexedDB already). The page itself is fetched
// network-first (a new deployment wins); hashed assets are cache-first (they never change).
// The service API (/v1/...) is outside this worker's scope and never cached.
const CACHE = 'partner-desk-app-v1';

// Precache the page and the files it names, so that the first visit is enough to work offline.
self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const page = await fetch('./', { cache: 'no-cache' });
      if (!page.ok) return;
      const html = await page.clone().text();
      const assets = [...html.matchAll(/(?:src|href)="(\.\/[^"]+)"/g)].map((m) => m[1]);
      await cache.put('./', page);
      await cache.addAll(assets);
    })().then(() => self.skipWaiting()),
  );
});
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const hashed = url.pathname.includes('/assets/');
  event.respondWith(hashed ? cacheFirst(request) : networkFirst(request));
});

async function cacheFirst(request) {
  const hit = await caches.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) (await caches.open(CACHE)).put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok) (await caches.open(CACHE)).put(request, response.clone());
    return response;
  } catch (error) {
    const hit = await caches.match(request, { ignoreSearch: true });
    if (hit) return hit;
    throw error;
  }
}
