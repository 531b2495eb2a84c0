/** Worker half of the WASI preview 1 runner: our WASI host over in-memory mounts. */
import { WasiExit } from '../../host/wasi/host';
import type { WasmValue } from '../../model/values';
import { describeGuestError } from '../shared/guestErrors';
import { createGuestWasi } from '../shared/guestWasi';
import { collector, GuestLimitError, MAX_OUTPUT_BYTES } from '../shared/outputCollector';
import { mergeImports, missingImportsError, unprovidedImports } from '../shared/imports';
import { WASI_P1_PROVIDES } from '../shared/provides';
import type { GuestContext, RunOutcome } from '../shared/outcome';
import { failure, toValues } from '../shared/outcome';
import { buildStubs } from '../shared/stubs';
import type { WasiRunMessage } from './message';

/** Run `_start` (command) or `_initialize` then an export (reactor). Never throws. */
export function runWasi(run: WasiRunMessage, ctx: GuestContext): RunOutcome {
  const { func } = run;
  const { module, compileMs, imports } = ctx.prepared;
  const budget = { left: MAX_OUTPUT_BYTES };
  const out = collector((line) => ctx.console('stdout', line), budget, 'stdout');
  const err = collector((line) => ctx.console('stderr', line), budget, 'stderr');
  const stdin = new Uint8Array(run.stdin ?? new ArrayBuffer(0));
  const host = createGuestWasi(run.wasi, stdin, { stdout: out.push, stderr: err.push, console: ctx.console, blocked: ctx.blocked, fs: ctx.fs, beforeBlock: ctx.flush });

  const missing = unprovidedImports(imports, WASI_P1_PROVIDES);
  if (missing.length > 0 && run.imports === 'fail') return failure(missingImportsError(missing, func, 'program'), { compileMs });
  const stubs = buildStubs(missing, { line: (text) => ctx.console('stub', text) });

  const t0 = performance.now();
  let instance: WebAssembly.Instance;
  try {
    instance = new WebAssembly.Instance(module, mergeImports(stubs.imports, host.imports));
  } catch (e) {
    return failure(describeGuestError(e, func, 'instantiate'), { compileMs, instantiateMs: performance.now() - t0 });
  }
  const instantiateMs = performance.now() - t0;

  const t1 = performance.now();
  let exitCode: number | undefined;
  let values: WasmValue[] = [];
  try {
    if (run.mode === 'command' && func === '_start') {
      exitCode = host.start(instance);
    } else {
      host.initialize(instance);
      const fn = instance.exports[func];
      if (typeof fn !== 'function') throw new TypeError(`The module has no exported function "${func}".`);
      values = toValues((fn as (...a: WasmValue[]) => unknown)(...run.args));
      host.flush();
    }
  } catch (e) {
    const callMs = performance.now() - t1;
    out.end();
    err.end();
    // proc_exit from a reactor export (or _initialize) is an exit, not a crash.
    if (e instanceof WasiExit) {
      host.flush();
      return { ok: true, values: [], exitCode: e.code, timings: { compileMs, instantiateMs, callMs }, output: out.bytes(), stderr: err.bytes() };
    }
    const error = e instanceof GuestLimitError ? { code: 'limit' as const, func, message: e.message } : describeGuestError(e, func, 'call');
    return { ok: false, error, timings: { compileMs, instantiateMs, callMs }, output: out.bytes(), stderr: err.bytes() };
  }
  const callMs = performance.now() - t1;
  out.end();
  err.end();
  return {
    ok: true,
    values,
    timings: { compileMs, instantiateMs, callMs },
    output: out.bytes(),
    stderr: err.bytes(),
    ...(exitCode !== undefined ? { exitCode } : {}),
  };
}

