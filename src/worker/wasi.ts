/** Runner for WASI preview 1 commands and reactors: our WASI host over in-memory mounts. */
import type { VfsChange } from '../host/fs/types';
import { WasiExit } from '../host/wasi/host';
import type { BlockedEvent, ConsoleStream, ErrorEvent, ImportPolicy, ResultEvent, WasiRunOptions, WasmValue } from '../sandbox/protocol';
import { unprovidedImports } from '../sandbox/provided';
import type { ImportEntry } from '../wasm/types';
import { describeGuestError } from './guestErrors';
import { createGuestWasi, lineSplitter } from './guestWasi';
import { buildStubs } from './stubs';

export interface WasiRun {
  runId: number;
  kind: 'wasi-command' | 'wasi-reactor';
  module: WebAssembly.Module;
  compileMs: number;
  imports: ImportEntry[];
  policy: ImportPolicy;
  func: string;
  args: WasmValue[];
  stdin: Uint8Array;
  options: WasiRunOptions;
  console(stream: ConsoleStream, text: string): void;
  blocked(event: Omit<BlockedEvent, 'type' | 'runId'>): void;
  fs(changes: VfsChange[]): void;
}

/** Run `_start` (command) or `_initialize` then an export (reactor). Never throws. */
export function runWasi(run: WasiRun): ResultEvent | ErrorEvent {
  const { runId, func, compileMs, options } = run;
  const out = collector((line) => run.console('stdout', line));
  const err = collector((line) => run.console('stderr', line));
  const host = createGuestWasi(options, run.stdin, { stdout: out.push, stderr: err.push, console: run.console, blocked: run.blocked, fs: run.fs });

  const missing = unprovidedImports(run.imports, run.kind);
  if (missing.length > 0 && run.policy === 'fail') {
    return {
      type: 'error',
      runId,
      timings: { compileMs },
      error: { code: 'link', func, missing, message: `The program imports ${missing.length} function${missing.length === 1 ? '' : 's'} no host provides: ${missing.map((i) => `${i.module}.${i.name}`).join(', ')}. Tick "Stub missing imports" to run it with stubs.` },
    };
  }
  const stubs = buildStubs(missing, { line: (text) => run.console('stub', text) });

  const t0 = performance.now();
  let instance: WebAssembly.Instance;
  try {
    instance = new WebAssembly.Instance(run.module, { ...stubs.imports, ...host.imports });
  } catch (e) {
    return { type: 'error', runId, timings: { compileMs, instantiateMs: performance.now() - t0 }, error: describeGuestError(e, func, 'instantiate') };
  }
  const instantiateMs = performance.now() - t0;

  const t1 = performance.now();
  let exitCode: number | undefined;
  let values: WasmValue[] = [];
  try {
    if (run.kind === 'wasi-command' && func === '_start') {
      exitCode = host.start(instance);
    } else {
      host.initialize(instance);
      const fn = instance.exports[func];
      if (typeof fn !== 'function') throw new TypeError(`The module has no exported function "${func}".`);
      const raw = (fn as (...a: WasmValue[]) => unknown)(...run.args);
      values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v): v is WasmValue => typeof v === 'number' || typeof v === 'bigint');
      host.flush();
    }
  } catch (e) {
    const callMs = performance.now() - t1;
    out.end();
    err.end();
    // proc_exit from a reactor export (or _initialize) is an exit, not a crash.
    if (e instanceof WasiExit) {
      host.flush();
      return { type: 'result', runId, values: [], exitCode: e.code, timings: { compileMs, instantiateMs, callMs }, output: out.bytes(), stderr: err.bytes() };
    }
    return { type: 'error', runId, timings: { compileMs, instantiateMs, callMs }, error: describeGuestError(e, func, 'call'), output: out.bytes(), stderr: err.bytes() };
  }
  const callMs = performance.now() - t1;
  out.end();
  err.end();
  return {
    type: 'result',
    runId,
    values,
    timings: { compileMs, instantiateMs, callMs },
    output: out.bytes(),
    stderr: err.bytes(),
    ...(exitCode !== undefined ? { exitCode } : {}),
  };
}

/** Keeps every byte (for the output pane) and streams complete lines to the console. */
function collector(line: (text: string) => void) {
  const lines = lineSplitter(line);
  const chunks: Uint8Array[] = [];
  let size = 0;
  return {
    push(bytes: Uint8Array) {
      chunks.push(bytes);
      size += bytes.length;
      lines.push(bytes);
    },
    end: () => lines.end(),
    bytes(): ArrayBuffer {
      const all = new Uint8Array(size);
      let o = 0;
      for (const c of chunks) {
        all.set(c, o);
        o += c.length;
      }
      return all.buffer;
    },
  };
}
