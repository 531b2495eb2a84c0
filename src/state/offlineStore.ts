/**
 * The offline copy (public/sw.js): registering the service worker, "a new version is ready",
 * and the cache's size and clearing for the settings.
 *
 * Registered only in a build (the dev server's modules are not a build), only in the top-level
 * app (an embed inherits the worker of the origin if the app was opened there, and never starts
 * one: a course page should not fill a reader's disk), and not under automation
 * (`navigator.webdriver`: every e2e test would download the whole app again) unless the URL
 * asks for it with `?sw=1` (the offline tests do).
 */
import { create } from 'zustand';

/** Cache names of our worker; public/sw.js uses the same prefix. */
export const CACHE_PREFIX = 'wasm-playground-offline-';

export interface OfflineState {
  /** 'unsupported': no service workers here (http on another host, private modes). */
  status: 'off' | 'unsupported' | 'installing' | 'ready' | 'error';
  error: string | null;
  /** A newer build is installed and waits for "Reload". */
  updateReady: boolean;
  /** Bytes in the offline cache, once measured. */
  cacheBytes: number | null;
  /** Take the new build: the waiting worker takes over and the page reloads. */
  reloadToUpdate(): void;
  measure(): Promise<void>;
  /** Delete the offline copy and unregister the worker (the next visit makes a new one). */
  clear(): Promise<void>;
}

let registration: ServiceWorkerRegistration | null = null;

export const useOffline = create<OfflineState>()((set, get) => ({
  status: 'off',
  error: null,
  updateReady: false,
  cacheBytes: null,

  reloadToUpdate() {
    const waiting = registration?.waiting;
    if (!waiting) return location.reload();
    // Reload once the new worker controls the page, so the page and its chunks come from one build.
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    waiting.postMessage('skip-waiting');
  },

  async measure() {
    if (typeof caches === 'undefined') return set({ cacheBytes: 0 });
    try {
      let total = 0;
      for (const name of (await caches.keys()).filter((n) => n.startsWith(CACHE_PREFIX))) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          const response = await cache.match(request);
          total += response ? (await response.blob()).size : 0;
        }
      }
      set({ cacheBytes: total });
    } catch (err) {
      set({ error: `The offline cache could not be measured: ${message(err)}` });
    }
  },

  async clear() {
    try {
      await registration?.unregister();
      registration = null;
      if (typeof caches !== 'undefined') for (const name of await caches.keys()) if (name.startsWith(CACHE_PREFIX)) await caches.delete(name);
      set({ status: 'off', updateReady: false, error: null });
      await get().measure();
    } catch (err) {
      set({ error: `The offline cache could not be cleared: ${message(err)}` });
    }
  },
}));

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Whether this page should register the worker (see the header comment). */
export function shouldRegister(options: { prod: boolean; embedded: boolean; webdriver: boolean; search: string }): boolean {
  if (!options.prod || options.embedded) return false;
  return !options.webdriver || new URLSearchParams(options.search).get('sw') === '1';
}

/** Register public/sw.js (relative to the app, so a sub-path works) and follow its updates. */
export async function registerOffline(embedded: boolean): Promise<void> {
  const wanted = shouldRegister({ prod: import.meta.env.PROD, embedded, webdriver: navigator.webdriver, search: location.search });
  if (!wanted) return;
  if (!('serviceWorker' in navigator)) return void useOffline.setState({ status: 'unsupported' });
  const set = useOffline.setState;
  try {
    // updateViaCache 'none': a new deploy's sw.js is seen at once, not after the HTTP cache expires.
    const reg = await navigator.serviceWorker.register(new URL('sw.js', document.baseURI), { scope: './', updateViaCache: 'none' });
    registration = reg;
    const hadController = navigator.serviceWorker.controller !== null;
    const watch = (worker: ServiceWorker | null) => {
      if (!worker) return;
      const settle = () => {
        // With a controller already, an installed worker is a new build waiting; without, the first copy.
        if (worker.state === 'installed' && navigator.serviceWorker.controller) set({ updateReady: true });
        if (worker.state === 'activated' && !hadController) set({ status: 'ready' });
        if (worker.state === 'redundant' && !reg.active) set({ status: 'error', error: 'The offline copy could not be saved (the download failed or the disk is full).' });
      };
      settle();
      worker.addEventListener('statechange', settle);
    };
    if (reg.waiting && navigator.serviceWorker.controller) set({ updateReady: true });
    set({ status: reg.active ? 'ready' : 'installing' });
    watch(reg.installing);
    reg.addEventListener('updatefound', () => watch(reg.installing));
    // A tab left open learns of a deploy when it is looked at again.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') void reg.update().catch(() => undefined);
    });
  } catch (err) {
    set({ status: 'error', error: `Offline use could not be set up: ${message(err)}` });
  }
}
