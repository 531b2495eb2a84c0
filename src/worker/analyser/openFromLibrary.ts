/** A library module's bytes, from the faster store that has them (analyser worker only). */
import type { LoadError } from '../../model/errors';
import type { Outcome } from './analyseBytes';
import { readCachedBytes } from '../../storage/compiledCache';
import { loadModuleBytes } from '../../storage/library';

/** Cache Storage first (faster to read), else the IndexedDB copy; `cached` says which. Never throws. */
export async function openFromLibrary(id: string): Promise<Outcome<{ bytes: Uint8Array<ArrayBuffer>; cached: boolean }>> {
  const cached = await readCachedBytes(id);
  if (cached) return { ok: true, value: { bytes: cached, cached: true } };
  let stored: Uint8Array | undefined;
  try {
    stored = await loadModuleBytes(id);
  } catch (err) {
    return { ok: false, error: unreadable(err) };
  }
  if (!stored) return { ok: false, error: missing(id) };
  // Our own buffer, whole, can go to the page without a copy.
  const own = stored.buffer instanceof ArrayBuffer && stored.byteOffset === 0 && stored.byteLength === stored.buffer.byteLength;
  return { ok: true, value: { bytes: own ? (stored as Uint8Array<ArrayBuffer>) : stored.slice(), cached: false } };
}

function unreadable(err: unknown): LoadError {
  return { code: 'not-found', title: 'The module could not be read from the library.', detail: `${err instanceof Error ? err.message : String(err)}. Load it again from its file or URL.` };
}

function missing(id: string): LoadError {
  return { code: 'not-found', title: `The library has no bytes for module ${id.slice(0, 12)}….`, detail: 'Load it again from its file or URL.' };
}
