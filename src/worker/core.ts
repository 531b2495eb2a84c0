/** Runner for plain core modules: instantiate (stubbing imports if asked), call, time it. */
import type { ErrorEvent, ImportPolicy, ResultEvent, WasmValue } from '../sandbox/protocol';
import type { ImportEntry } from '../wasm/types';
import { describeGuestError } from './guestErrors';
import { buildStubs } from './stubs';

export interface CoreRun {
  runId: number;
  module: WebAssembly.Module;
  compileMs: number;
  imports: ImportEntry[];
  policy: ImportPolicy;
  func: string;
  args: WasmValue[];
  repeat: number;
  log(line: string): void;
}

/** Run one export of a core module in a fresh instance. */
export function runCore(run: CoreRun): ResultEvent | ErrorEvent {
  const { runId, func, compileMs } = run;
  if (run.imports.length > 0 && run.policy === 'fail') {
    const names = run.imports.map((i) => `${i.module}.${i.name}`).join(', ');
    return {
      type: 'error',
      runId,
      timings: { compileMs },
      error: {
        code: 'link',
        func,
        missing: run.imports,
        message: `The module needs ${run.imports.length} import${run.imports.length === 1 ? '' : 's'} that no host provides: ${names}. Tick "Stub missing imports" to run it with stubs that return zeros.`,
      },
    };
  }

  let stubs;
  try {
    stubs = buildStubs(run.imports, { line: run.log });
  } catch (err) {
    return { type: 'error', runId, timings: { compileMs }, error: { code: 'link', func, message: `Could not stub the imports: ${errText(err)}` } };
  }

  const t0 = performance.now();
  let instance: WebAssembly.Instance;
  try {
    instance = new WebAssembly.Instance(run.module, stubs.imports);
  } catch (err) {
    return { type: 'error', runId, timings: { compileMs, instantiateMs: performance.now() - t0 }, error: describeGuestError(err, func, 'instantiate') };
  }
  const instantiateMs = performance.now() - t0;

  const exported = instance.exports[func];
  if (typeof exported !== 'function') {
    const message = exported === undefined ? `The module has no export named "${func}".` : `The export "${func}" is not a function.`;
    return { type: 'error', runId, timings: { compileMs, instantiateMs }, error: { code: 'no-export', func, message } };
  }
  const fn = exported as (...args: WasmValue[]) => unknown;

  const t1 = performance.now();
  let raw: unknown;
  try {
    for (let i = 0; i < run.repeat; i++) raw = fn(...run.args);
  } catch (err) {
    return { type: 'error', runId, timings: { compileMs, instantiateMs, callMs: performance.now() - t1 }, error: describeGuestError(err, func, 'call') };
  }
  const callMs = performance.now() - t1;

  const unlogged = stubs.unlogged();
  if (unlogged > 0) run.log(`… ${unlogged} more stub calls were not logged.`);
  return { type: 'result', runId, values: toValues(raw), timings: { compileMs, instantiateMs, callMs } };
}

/** Multi-value results come back as an array; none as undefined. */
function toValues(raw: unknown): WasmValue[] {
  if (raw === undefined) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((v): v is WasmValue => typeof v === 'number' || typeof v === 'bigint');
}

function errText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
