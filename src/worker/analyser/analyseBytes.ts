/** Turns module bytes into an analysis + compiled module, or a specific LoadError. */
import type { LoadError } from '../../model/errors';
import type { AnalysedEvent } from './protocol';
import { detectKind } from '../../runners/registry';
import { analyseModule } from '../../wasm/analyse';
import { sha256Hex } from '../../util/sha256';
import { engineRejected, notWasm, parseFailed, EMPTY_FILE } from './loadErrors';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: LoadError };
export type Analysed = Omit<AnalysedEvent, 'type' | 'jobId'>;

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

/** A compilation started elsewhere (a streaming compile of a download or of Cache Storage). */
export interface Compiling {
  module: Promise<WebAssembly.Module>;
  /** `performance.now()` when it started, so compileMs counts all of it. */
  startedAt: number;
}

interface Options {
  /** Skip hashing when the caller knows the hash (library loads). */
  sha256?: string | undefined;
  compiling?: Compiling | undefined;
}

/** True for a core module's preamble (`\0asm` version 1); components and others are not compiled here. */
export function isCoreModule(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && WASM_MAGIC.every((b, i) => bytes[i] === b) && bytes[4] === 1 && bytes[5] === 0 && bytes[6] === 0 && bytes[7] === 0;
}

/** Compile `bytes` now, timed from here. */
export function startCompile(bytes: Uint8Array): Compiling {
  const startedAt = performance.now();
  const module = WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>);
  module.catch(() => undefined); // an early return must not leave an unhandled rejection
  return { module, startedAt };
}

/**
 * Hash, parse and compile `bytes`, all at once: the engine compiles on its threads and WebCrypto
 * hashes on its own while this thread parses. The engine and WebCrypto copy the bytes when they
 * start, so the caller may copy or transfer them as soon as this returns its promise.
 */
export function analyseBytes(bytes: Uint8Array, options: Options = {}): Promise<Outcome<Analysed>> {
  if (bytes.length === 0) return Promise.resolve({ ok: false, error: EMPTY_FILE });
  if (bytes.length < 4 || WASM_MAGIC.some((b, i) => bytes[i] !== b)) return Promise.resolve({ ok: false, error: notWasm(bytes) });

  // Components are compiled after transpiling (later); only core modules go to the engine here.
  const compiling = isCoreModule(bytes) ? (options.compiling ?? startCompile(bytes)) : undefined;
  // Timed as it settles, not when we get round to awaiting it.
  const compiled = compiling?.module.then((module) => ({ module, compileMs: performance.now() - compiling.startedAt }));
  compiled?.catch(() => undefined);
  const hashing = options.sha256 !== undefined ? Promise.resolve(options.sha256) : sha256Hex(bytes as Uint8Array<ArrayBuffer>);
  hashing.catch(() => undefined);

  const parseStart = performance.now();
  const parsed = analyseModule(bytes, detectKind);
  const parseMs = performance.now() - parseStart;
  if (!parsed.ok) return Promise.resolve({ ok: false, error: parseFailed(parsed.error, bytes.length) });
  return finish(parsed.analysis, parseMs, hashing, compiled);
}

type Compiled = Promise<{ module: WebAssembly.Module; compileMs: number }>;

async function finish(analysis: Analysed['analysis'], parseMs: number, hashing: Promise<string>, compiled: Compiled | undefined): Promise<Outcome<Analysed>> {
  let module: WebAssembly.Module | undefined;
  let compileMs = 0;
  if (compiled) {
    try {
      ({ module, compileMs } = await compiled);
    } catch (err) {
      return { ok: false, error: engineRejected(err) };
    }
  }
  const sha256 = await hashing;
  return { ok: true, value: { sha256, analysis, module, compileMs, parseMs } };
}
