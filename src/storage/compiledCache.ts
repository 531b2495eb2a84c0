/**
 * Library modules kept in Cache Storage as `application/wasm` responses as well, so a reload
 * compiles them with `WebAssembly.compileStreaming` of a cached Response: Chromium then keeps the
 * compiled code with the cache entry (V8's wasm code caching, for modules of 128 KB and more once
 * they are fully optimised) and the next load skips compiling. Only the analyser worker calls this.
 */
const CACHE = 'wasm-playground-compiled-v1';

/** Modules below this size compile in a few ms: caching their code buys nothing. */
export const CODE_CACHE_MIN_BYTES = 128 * 1024;

/** A same-origin key per module; Cache Storage never fetches it. */
function keyOf(id: string): string {
  return new URL(`/__wasm-library__/${id}.wasm`, self.location.origin).href;
}

function available(): boolean {
  return typeof caches !== 'undefined';
}

/** Keep `bytes` for module `id`; failures (quota, private mode) are reported, the library still has the bytes. */
export async function cacheModuleBytes(id: string, bytes: Uint8Array): Promise<void> {
  if (!available() || bytes.length < CODE_CACHE_MIN_BYTES) return;
  const cache = await caches.open(CACHE);
  const body = bytes.slice().buffer;
  await cache.put(keyOf(id), new Response(body, { headers: { 'Content-Type': 'application/wasm', 'Content-Length': String(body.byteLength) } }));
}

/**
 * Module `id` from Cache Storage: its compilation (with the code the browser cached, when it has it)
 * and its bytes, read in parallel; undefined if it is not there. Never rejects: a failure is
 * undefined too, and the IndexedDB copy is used instead.
 */
export async function openCached(id: string): Promise<{ module: Promise<WebAssembly.Module>; bytes: Promise<Uint8Array> } | undefined> {
  if (!available()) return undefined;
  try {
    const cache = await caches.open(CACHE);
    const response = await cache.match(keyOf(id));
    if (!response) return undefined;
    const copy = response.clone();
    const module = WebAssembly.compileStreaming(response);
    const bytes = copy.arrayBuffer().then((b) => new Uint8Array(b));
    module.catch(() => undefined);
    bytes.catch(() => undefined);
    return { module, bytes };
  } catch {
    return undefined;
  }
}

/** Forget module `id`'s cached bytes and code. */
export async function uncacheModule(id: string): Promise<void> {
  if (available()) await (await caches.open(CACHE)).delete(keyOf(id));
}
