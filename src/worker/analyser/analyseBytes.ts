/** Turns module bytes into an analysis + compiled module, or a specific LoadError. */
import type { LoadError } from '../../model/errors';
import type { AnalysedEvent } from './protocol';
import { detectKind } from '../../runners/registry';
import { analyseModule } from '../../wasm/analyse';
import { sha256Hex } from './sha256';
import { engineRejected, notWasm, parseFailed, EMPTY_FILE } from './loadErrors';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: LoadError };
export type Analysed = Omit<AnalysedEvent, 'type' | 'jobId'>;

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

interface Options {
  /** Skip hashing when the caller knows the hash (library loads). */
  sha256?: string | undefined;
  /** A compilation already under way (streaming compile of a download). */
  compiling?: Promise<WebAssembly.Module>;
}

/** Hash, parse and compile `bytes`; compile runs on the engine's threads while we parse. */
export async function analyseBytes(bytes: Uint8Array, options: Options = {}): Promise<Outcome<Analysed>> {
  if (bytes.length === 0) return { ok: false, error: EMPTY_FILE };
  if (bytes.length < 4 || WASM_MAGIC.some((b, i) => bytes[i] !== b)) return { ok: false, error: notWasm(bytes) };

  const isCore = bytes.length >= 8 && bytes[4] === 1 && bytes[5] === 0 && bytes[6] === 0 && bytes[7] === 0;
  const compileStart = performance.now();
  let compileMs = 0;
  // Components are compiled after transpiling (later); only core modules go to the engine here.
  const compiling = isCore
    ? (options.compiling ?? WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>)).then((m) => {
        compileMs = performance.now() - compileStart;
        return m;
      })
    : undefined;
  // Don't let an early return leave an unhandled rejection behind.
  compiling?.catch(() => undefined);

  const parseStart = performance.now();
  const parsed = analyseModule(bytes, detectKind);
  const parseMs = performance.now() - parseStart;
  if (!parsed.ok) return { ok: false, error: parseFailed(parsed.error, bytes.length) };

  const sha256 = options.sha256 ?? (await sha256Hex(bytes as Uint8Array<ArrayBuffer>));
  let module: WebAssembly.Module | undefined;
  if (compiling) {
    try {
      module = await compiling;
    } catch (err) {
      return { ok: false, error: engineRejected(err) };
    }
  }
  return { ok: true, value: { sha256, analysis: parsed.analysis, module, compileMs, parseMs } };
}
