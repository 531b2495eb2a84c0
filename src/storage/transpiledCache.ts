/**
 * jco's output per component, kept in IndexedDB by SHA-256 (DESIGN.md §3): a component from the
 * library is ready without transpiling again. Keyed with the transpiler's version and our options,
 * so an upgrade never serves stale bindings. Only the analyser worker calls this.
 */
import { createStore, del, get, set } from 'idb-keyval';

/** What jco generated for one component: the bindings module and the core modules it compiles. */
export interface TranspiledRecord {
  /** The generated ES module (instantiation: async). */
  js: string;
  /** Core modules by the name the bindings ask `getCoreModule` for. */
  cores: [string, Uint8Array][];
  /** How long jco took when it was made, for the Inspector. */
  transpileMs: number;
}

const store = createStore('wasm-playground-transpiled', 'components');

function keyOf(id: string, flavour: string): string {
  return `${id}:${flavour}`;
}

/** The cached output, or undefined (also when IndexedDB is unavailable: transpiling still works). */
export async function readTranspiled(id: string, flavour: string): Promise<TranspiledRecord | undefined> {
  try {
    const record = await get<TranspiledRecord>(keyOf(id, flavour), store);
    return record && typeof record.js === 'string' && Array.isArray(record.cores) ? record : undefined;
  } catch {
    return undefined;
  }
}

/** Keep jco's output; a failure (quota, private mode) only costs a transpile next time. */
export async function saveTranspiled(id: string, flavour: string, record: TranspiledRecord): Promise<void> {
  try {
    await set(keyOf(id, flavour), record, store);
  } catch {
    // not fatal: the component runs from memory this time
  }
}

export async function forgetTranspiled(id: string, flavour: string): Promise<void> {
  await del(keyOf(id, flavour), store).catch(() => undefined);
}
