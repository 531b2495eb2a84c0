/*
 * Wasm Playground's service worker (issue 10, "Offline"): keeps one build of the app (the shell,
 * every lazily loaded chunk and wasm asset, the examples) so it opens and runs with no network.
 *
 * The build (offlinePlugin in vite.config.ts) replaces the PRECACHE line below with this build's
 * files and a version made from their contents, so every deploy changes this script: the browser
 * installs the new one beside the old, and the page offers "Reload" (it never mixes builds: each
 * worker answers only from its own build's cache). Nothing else is ever cached: module URLs the
 * user loads go to the network as if there were no worker (the library keeps what was loaded).
 * The dev server serves this file unchanged; the app registers it only in a build.
 */
const PRECACHE = { version: 'dev', bytes: 0, files: [] };

const PREFIX = 'wasm-playground-offline-';
const CACHE = PREFIX + PRECACHE.version;
const scope = new URL(self.registration.scope);
const urlOf = (file) => new URL(file, scope).href;
const PRECACHED = new Set(PRECACHE.files.map(urlOf));
const INDEX = urlOf('index.html');

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

/**
 * Fetch every file of this build, then store them: all or nothing, so a half-filled cache never
 * becomes the offline copy. A host that redirects (index.html to ./, say) gets its answer stored
 * without the redirect flag, which a navigation would refuse.
 */
async function precache() {
  const responses = await Promise.all(
    PRECACHE.files.map(async (file) => {
      const response = await fetch(new Request(urlOf(file), { cache: 'reload' }));
      if (!response.ok) throw new Error(`${file}: ${response.status}`);
      const clean = response.redirected ? new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers }) : response;
      return [urlOf(file), clean];
    }),
  );
  try {
    const cache = await caches.open(CACHE);
    await Promise.all(responses.map(([url, response]) => cache.put(url, response)));
  } catch (err) {
    await caches.delete(CACHE);
    throw err;
  }
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

// "Reload" in the page: the waiting worker takes over, then the page reloads onto it.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
  else if (event.data === 'version') event.source?.postMessage({ version: PRECACHE.version, bytes: PRECACHE.bytes, files: PRECACHE.files.length });
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin) return;
  let key = url.origin + url.pathname;
  // Any navigation to the app (share links, ?embed=1) is the app's page.
  if (request.mode === 'navigate' && (url.pathname === scope.pathname || key === INDEX)) key = INDEX;
  if (!PRECACHED.has(key)) return;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key))
      .then((cached) => cached ?? fetch(request)),
  );
});
