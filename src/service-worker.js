// adaptive-practice-sw.js: a service worker that keeps pages with widgets working offline after
// the first visit. The host writes a two-line worker beside its pages and registers it:
//   // sw.js
//   self.adaptivePracticeOffline = { packageFolder: 'adaptive-practice/', pages: ['./'], banks: ['fractions.json'] };
//   importScripts('adaptive-practice/adaptive-practice-sw.js');
//   // in the page: navigator.serviceWorker?.register('sw.js');
// On install it stores the package's files, the pages and the banks; afterwards every request of
// the site goes to the network first (so banks stay fresh) and falls back to the stored copy.
// The build (scripts/build.sh) fills in the package's file names.
const PACKAGE_FILES = ['adaptive-practice.js', 'adaptive_practice.js', 'adaptive_practice_bg.wasm'];
const PACKAGE_VERSION = '0';
const CACHE = `adaptive-practice-offline-${PACKAGE_VERSION}`;

const config = self.adaptivePracticeOffline ?? {};
const scope = self.registration.scope;
const packageFolder = new URL(config.packageFolder ?? './', scope);
const precache = [
  ...PACKAGE_FILES.map((file) => new URL(file, packageFolder).href),
  ...(config.pages ?? ['./']).map((page) => new URL(page, scope).href),
  ...(config.banks ?? []).map((bank) => new URL(bank, scope).href),
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(precache))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  const stale = (name) => name.startsWith('adaptive-practice-offline-') && name !== CACHE;
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter(stale).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const known = precache.includes(request.url);
  if (request.method !== 'GET' || (new URL(request.url).origin !== self.location.origin && !known)) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
        }
        return response;
      })
      .catch(async () => (await caches.match(request)) ?? Response.error()),
  );
});
