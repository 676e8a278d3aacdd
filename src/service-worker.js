// adaptive-practice-sw.js: a service worker that keeps pages with widgets working offline after
// the first visit. The host writes a two-line worker beside its pages and registers it:
//   // sw.js
//   self.adaptivePracticeOffline = { packageFolder: 'adaptive-practice/', pages: ['./'], banks: ['fractions.json'] };
//   importScripts('adaptive-practice/adaptive-practice-sw.js');
//   // in the page: navigator.serviceWorker?.register('sw.js');
// On install it stores the package's files, the pages and the banks; afterwards every request of
// the site goes to the network first (so banks stay fresh) and falls back to the stored copy (for a
// page opened with a query, `?lesson=3`, or as `index.html`, the stored page).
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
      .catch(async () => (await stored(request)) ?? Response.error()),
  );
});

// The stored copy of a request. A page is its stored copy whatever its query (`?lesson=3`) and
// fragment (`#part-2`), and `folder/` and `folder/index.html` are one page.
async function stored(request) {
  const found = await caches.match(request);
  if (found || request.mode !== 'navigate') return found;
  const options = { ignoreSearch: true };
  const page = request.url.replace(/[?#].*/, '');
  const other = page.endsWith('/') ? `${page}index.html` : page.replace(/\/index\.html$/, '/');
  return (await caches.match(request, options)) ?? caches.match(other, options);
}
