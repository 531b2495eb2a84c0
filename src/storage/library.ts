/** The module library: every loaded module kept in IndexedDB by SHA-256 (DESIGN.md §2). */
import { createStore, del, get, set, values } from 'idb-keyval';
import type { ModuleKind } from '../wasm/types';
import { uncacheModule } from './compiledCache';

/** One stored module's metadata; the bytes live in a separate store so listing stays cheap. */
export interface LibraryEntry {
  /** SHA-256 of the bytes, hex. */
  id: string;
  name: string;
  size: number;
  kind: ModuleKind;
  sourceUrl?: string;
  addedAt: number;
  lastOpenedAt: number;
}

// idb-keyval opens one object store per database, so metadata and bytes get a database each.
const entries = createStore('wasm-playground-library', 'entries');
const blobs = createStore('wasm-playground-library-bytes', 'bytes');
/** The WAT source a module was compiled from (the WAT editor), by the module's id. */
const sources = createStore('wasm-playground-library-wat', 'sources');

/** A module's WAT source as the user wrote it; `savedAt` orders edits of the same module. */
export interface WatSource {
  text: string;
  savedAt: number;
}

/** Save (or refresh) a module and its bytes. Rejects with the browser's error (e.g. quota). */
export async function saveModule(entry: Omit<LibraryEntry, 'addedAt' | 'lastOpenedAt'>, bytes: Uint8Array): Promise<LibraryEntry> {
  await saveBytesIfNew(entry.id, bytes);
  return saveEntry(entry);
}

/**
 * Store a module's bytes unless its entry exists (an entry is written only after its bytes, so
 * it proves they are there). The analyser worker calls this: cloning megabytes into IndexedDB
 * is work for a worker, not the page.
 */
export async function saveBytesIfNew(id: string, bytes: Uint8Array): Promise<void> {
  if (!(await get<LibraryEntry>(id, entries))) await set(id, bytes, blobs);
}

/** Write or refresh a module's metadata (its bytes must be stored already). */
export async function saveEntry(entry: Omit<LibraryEntry, 'addedAt' | 'lastOpenedAt'>): Promise<LibraryEntry> {
  const now = Date.now();
  const existing = await get<LibraryEntry>(entry.id, entries);
  const record: LibraryEntry = { ...existing, ...entry, addedAt: existing?.addedAt ?? now, lastOpenedAt: now };
  await set(entry.id, record, entries);
  return record;
}

/** The stored bytes of a module, or undefined if it is not in the library. */
export async function loadModuleBytes(id: string): Promise<Uint8Array | undefined> {
  const bytes = await get<unknown>(id, blobs);
  if (bytes instanceof Uint8Array) return bytes;
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  return undefined;
}

/** Metadata of one module. */
export function getEntry(id: string): Promise<LibraryEntry | undefined> {
  return get<LibraryEntry>(id, entries);
}

/** Most recently opened first. */
export async function listRecent(limit = 20): Promise<LibraryEntry[]> {
  const all = await values<LibraryEntry>(entries);
  return all.sort((a, b) => b.lastOpenedAt - a.lastOpenedAt).slice(0, limit);
}

/** Keep the WAT text module `id` was compiled from. Rejects with the browser's error (e.g. quota). */
export async function saveWatSource(id: string, text: string): Promise<void> {
  await set(id, { text, savedAt: Date.now() } satisfies WatSource, sources);
}

/** The WAT text module `id` was compiled from, if it was written in the editor. */
export async function loadWatSource(id: string): Promise<string | undefined> {
  const record = await get<unknown>(id, sources);
  return typeof record === 'object' && record !== null && typeof (record as WatSource).text === 'string' ? (record as WatSource).text : undefined;
}

/** Forget a module, its bytes and its WAT source. */
export async function removeModule(id: string): Promise<void> {
  await del(id, entries);
  await del(id, blobs);
  await del(id, sources).catch(() => undefined);
  await uncacheModule(id).catch(() => undefined);
}
