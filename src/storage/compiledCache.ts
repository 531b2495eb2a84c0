/**
 * Library modules also kept in Cache Storage as `application/wasm` responses: reading 10 MB back
 * from here takes about 18 ms in a worker against 25-45 ms from IndexedDB (measured in Chromium),
 * so library loads read here first. Only the analyser worker calls this.
 *
 * Measured, not assumed: compiling with `WebAssembly.compileStreaming` of the cached response
 * gives no compiled-code cache hit in Chromium. A constructed Response stored in Cache Storage
 * comes back with an empty `url`, so Blink has nowhere to attach V8's code to, and V8 only offers
 * code for caching once it has about 1 KB of optimised code (functions that have run hot). The
 * streaming compile was also slower than reading the bytes and compiling them (it reads in small
 * chunks while the bytes are read a second time), so the bytes are read and compiled directly.
 */
const CACHE = 'wasm-playground-compiled-v1';

/** Modules below this size are read from IndexedDB just as fast: no second copy for them. */
export const CACHED_COPY_MIN_BYTES = 128 * 1024;

/** A same-origin key per module; Cache Storage never fetches it. */
function keyOf(id: string): string {
  return new URL(`/__wasm-library__/${id}.wasm`, self.location.origin).href;
}

function available(): boolean {
  return typeof caches !== 'undefined';
}

/** Keep `bytes` for module `id`; failures (quota, private mode) are reported, the library still has the bytes. */
export async function cacheModuleBytes(id: string, bytes: Uint8Array): Promise<void> {
  if (!available() || bytes.length < CACHED_COPY_MIN_BYTES) return;
  const cache = await caches.open(CACHE);
  const body = bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
  await cache.put(keyOf(id), new Response(body, { headers: { 'Content-Type': 'application/wasm', 'Content-Length': String(body.byteLength) } }));
}

/** Module `id`'s bytes from Cache Storage, or undefined when they are not there. Never rejects. */
export async function readCachedBytes(id: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (!available()) return undefined;
  try {
    const response = await (await caches.open(CACHE)).match(keyOf(id));
    return response ? new Uint8Array(await response.arrayBuffer()) : undefined;
  } catch {
    return undefined;
  }
}

/** Forget module `id`'s cached bytes. */
export async function uncacheModule(id: string): Promise<void> {
  if (available()) await (await caches.open(CACHE)).delete(keyOf(id));
}
