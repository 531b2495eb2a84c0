/** Worker half of the core runner: instantiate (stubbing imports if asked), call, time it. */
import type { WasmValue } from '../../model/values';
import type { GuestContext, RunOutcome } from '../shared/outcome';
import { failure, toValues } from '../shared/outcome';
import { describeGuestError } from '../shared/guestErrors';
import { missingImportsError } from '../shared/imports';
import { buildStubs } from '../shared/stubs';
import type { CoreRunMessage } from './message';

/** Run one export of a core module in a fresh instance (made ahead of time when it can be). Never throws. */
export function runCore(run: CoreRunMessage, ctx: GuestContext): RunOutcome {
  const { func } = run;
  const { module, compileMs, imports } = ctx.prepared;
  if (imports.length > 0 && run.imports === 'fail') return failure(missingImportsError(imports, func, 'module'), { compileMs });

  const log = (text: string) => ctx.console('stub', text);
  let stubs;
  try {
    stubs = buildStubs(imports, { line: log });
  } catch (err) {
    return failure({ code: 'link', func, message: `Could not stub the imports: ${errText(err)}` }, { compileMs });
  }

  let instance: WebAssembly.Instance;
  let instantiateMs: number;
  const ready = imports.length === 0 ? takeReadyInstance(module) : undefined;
  if (ready) ({ instance, instantiateMs } = ready);
  else {
    const t0 = performance.now();
    try {
      instance = new WebAssembly.Instance(module, stubs.imports);
    } catch (err) {
      return failure(describeGuestError(err, func, 'instantiate'), { compileMs, instantiateMs: performance.now() - t0 });
    }
    instantiateMs = performance.now() - t0;
  }

  const exported = instance.exports[func];
  if (typeof exported !== 'function') {
    const message = exported === undefined ? `The module has no export named "${func}".` : `The export "${func}" is not a function.`;
    return failure({ code: 'no-export', func, message }, { compileMs, instantiateMs });
  }
  const fn = exported as (...args: WasmValue[]) => unknown;

  const t1 = performance.now();
  let raw: unknown;
  try {
    raw = callRepeatedly(fn, run.args, run.repeat);
  } catch (err) {
    return failure(describeGuestError(err, func, 'call'), { compileMs, instantiateMs, callMs: performance.now() - t1 });
  }
  const callMs = performance.now() - t1;

  const unlogged = stubs.unlogged();
  if (unlogged > 0) log(`… ${unlogged} more stub calls were not logged.`);
  return { ok: true, values: toValues(raw), timings: { compileMs, instantiateMs, callMs } };
}

/** After a run's result is posted: make the next fresh instance while the page takes it. */
export function afterCoreRun(ctx: Pick<GuestContext, 'prepared'>): void {
  if (ctx.prepared.imports.length === 0) prepareNextInstance(ctx.prepared.module);
}

// Every run gets a fresh instance (no state leaks from one run to the next), but for modules with
// no imports the next one is made right after a run's result is posted, while the page is busy
// taking it: instantiation (~50 µs for a small module) then overlaps the round trip instead of
// adding to it. Only the latest module's, and only when its memory is small.
const SPARE_MAX_MEMORY = 16 * 2 ** 20;
let spare: { module: WebAssembly.Module; instance: WebAssembly.Instance; instantiateMs: number } | null = null;

function takeReadyInstance(module: WebAssembly.Module): { instance: WebAssembly.Instance; instantiateMs: number } | undefined {
  const ready = spare?.module === module ? spare : null;
  spare = null;
  return ready ?? undefined;
}

/** Instantiate `module` (one with no imports) ahead of its next run. Never throws. */
export function prepareNextInstance(module: WebAssembly.Module): void {
  if (spare?.module === module) return;
  try {
    const t0 = performance.now();
    const instance = new WebAssembly.Instance(module, {});
    const instantiateMs = performance.now() - t0;
    spare = memoryBytes(instance) <= SPARE_MAX_MEMORY ? { module, instance, instantiateMs } : null;
  } catch {
    // The run itself reports instantiation errors; a spare that fails is simply not kept.
  }
}

function memoryBytes(instance: WebAssembly.Instance): number {
  let total = 0;
  for (const value of Object.values(instance.exports)) if (value instanceof WebAssembly.Memory) total += value.buffer.byteLength;
  return total;
}

/**
 * Calls `fn` `times` times with `args`; the last result. The common arities get a loop with the
 * arguments in locals: spreading an array per call costs as much as a small wasm call itself.
 */
export function callRepeatedly(fn: (...args: WasmValue[]) => unknown, args: WasmValue[], times: number): unknown {
  let raw: unknown;
  switch (args.length) {
    case 0:
      for (let i = 0; i < times; i++) raw = fn();
      return raw;
    case 1: {
      const a = args[0]!;
      for (let i = 0; i < times; i++) raw = fn(a);
      return raw;
    }
    case 2: {
      const a = args[0]!;
      const b = args[1]!;
      for (let i = 0; i < times; i++) raw = fn(a, b);
      return raw;
    }
    case 3: {
      const a = args[0]!;
      const b = args[1]!;
      const c = args[2]!;
      for (let i = 0; i < times; i++) raw = fn(a, b, c);
      return raw;
    }
    default:
      for (let i = 0; i < times; i++) raw = fn(...args);
      return raw;
  }
}

function errText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
