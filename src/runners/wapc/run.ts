/** Worker half of the waPC runner: our waPC host (src/host/wapc) + WASI, one operation per run. */
import { answerHostCall, describeCall } from '../../host/wapc/responses';
import { createWapcHost, WapcProtocolError, type WapcHost } from '../../host/wapc/host';
import { WasiExit, type WasiHost } from '../../host/wasi/host';
import type { RunError } from '../../model/errors';
import type { VfsChange } from '../../model/files';
import type { ConsoleStream } from '../../model/run';
import type { HostCall } from '../../model/wapc';
import { isMsgpack, MSGPACK_MIME } from '../../output/msgpack';
import { sniffMime } from '../../output/sniff';
import { WAPC_MODULE } from '../../wasm/detect';
import { describeGuestError } from '../shared/guestErrors';
import { createGuestWasi, importsWasi, lineSplitter, mountRoot, wasiKey } from '../shared/guestWasi';
import { mergeImports, missingImportsError, unprovidedImports } from '../shared/imports';
import type { BlockedReport, GuestContext, RunOutcome } from '../shared/outcome';
import { failure } from '../shared/outcome';
import { WAPC_PROVIDES } from '../shared/provides';
import { buildStubs } from '../shared/stubs';
import type { WapcRunMessage } from './message';
import { previewBytes } from './preview';

/** Where the current run's reports go; swapped per run when the instance is kept. */
interface Sink {
  message: WapcRunMessage;
  ctx: GuestContext;
}

interface Live {
  instance: WebAssembly.Instance;
  host: WapcHost;
  wasi: WasiHost | undefined;
  wasiKey: string;
  sink: Sink;
  guestCall: (opLen: number, msgLen: number) => unknown;
  flushStdio(): void;
}

// Instances kept between runs: the guest's init (which registers its operations) runs once each.
const live = new Map<string, Live>();

/** Run one operation. Never rejects: failures come back as a RunFailure. */
export function runWapc(message: WapcRunMessage, ctx: GuestContext): RunOutcome {
  const func = message.func;
  const compileMs = ctx.prepared.compileMs;
  let guest = message.freshInstance ? undefined : live.get(ctx.moduleId);
  if (guest && guest.wasiKey !== wasiKey(message.wasi)) guest = undefined;
  let instantiateMs = 0;
  if (guest) {
    guest.sink.message = message;
    guest.sink.ctx = ctx;
    guest.wasi?.remount(message.wasi.mounts.map(mountRoot));
  } else {
    const t0 = performance.now();
    const made = instantiate(message, ctx);
    instantiateMs = performance.now() - t0;
    if ('error' in made) return failure(made.error, { compileMs, instantiateMs });
    guest = made;
    if (!message.freshInstance) live.set(ctx.moduleId, guest);
  }

  const t1 = performance.now();
  const payload = new Uint8Array(message.payload ?? new ArrayBuffer(0));
  let result;
  try {
    result = guest.host.invoke(guest.guestCall, func, payload);
  } catch (err) {
    live.delete(ctx.moduleId); // a trapped instance is not safe to reuse
    guest.wasi?.flush(true);
    return failure(callError(err, func), { compileMs, instantiateMs, callMs: performance.now() - t1 });
  } finally {
    guest.flushStdio();
  }
  const timings = { compileMs, instantiateMs, callMs: performance.now() - t1 };
  guest.wasi?.flush(false);
  // A guest error is the guest's answer, not a broken instance: it is kept.
  if ('error' in result) return { ok: false, timings, error: { code: 'plugin', func, message: `The guest answered "${func}" with an error: ${result.error}` } };
  const mime = msgpackMime(result.ok);
  return { ok: true, values: [], timings, output: result.ok.slice().buffer, ...(mime ? { outputMime: mime } : {}) };
}

/** Most waPC payloads are MessagePack: binary output that is exactly one MessagePack value is typed so. */
export function msgpackMime(bytes: Uint8Array): string | undefined {
  return sniffMime(bytes) === 'application/octet-stream' && isMsgpack(bytes) ? MSGPACK_MIME : undefined;
}

/** Forget a kept instance (e.g. on "Reset"). */
export function dropWapcInstance(moduleId: string): void {
  live.delete(moduleId);
}

function callError(err: unknown, func: string): RunError {
  if (err instanceof WasiExit) return { code: 'trap', func, message: `The guest called proc_exit(${err.code}) during "${func}": a waPC operation must return through __guest_call.` };
  if (err instanceof WapcProtocolError) return { code: 'trap', func, message: `${func} failed: ${err.message}` };
  return describeGuestError(err, func, 'call');
}

/** One console line per host call: all four parts, and what it was answered. */
function hostCallLine(call: HostCall, answer: ReturnType<typeof answerHostCall>): string {
  const head = `host call: ${describeCall(call)}, payload ${previewBytes(call.payload)}`;
  return 'ok' in answer ? `${head} → ${previewBytes(answer.ok)}` : `${head} → error ${JSON.stringify(answer.error)}`;
}

function instantiate(message: WapcRunMessage, ctx: GuestContext): Live | { error: RunError } {
  const func = message.func;
  const sink: Sink = { message, ctx };
  const report = (stream: ConsoleStream, text: string, level?: 'info' | 'error') => sink.ctx.console(stream, text, level);
  const host = createWapcHost({
    hostCall(call) {
      const answer = answerHostCall(sink.message.hostResponses, call);
      report('log', hostCallLine(call, answer), 'info');
      if ('unanswered' in answer) report('stderr', `Unanswered host call: ${answer.error}`);
      return answer;
    },
    consoleLog: (text) => report('log', text, 'info'),
  });

  const stdout = lineSplitter((line) => report('stdout', line));
  const stderr = lineSplitter((line) => report('stderr', line));
  const io = {
    stdout: stdout.push,
    stderr: stderr.push,
    console: (stream: ConsoleStream, text: string) => report(stream, text),
    blocked: (r: BlockedReport) => sink.ctx.blocked(r),
    fs: (changes: VfsChange[]) => sink.ctx.fs(changes),
    beforeBlock: () => sink.ctx.flush(),
  };
  const module = ctx.prepared.module;
  const wasi = importsWasi(module) ? createGuestWasi(message.wasi, new Uint8Array(0), io) : undefined;
  const missing = unprovidedImports(ctx.prepared.imports, WAPC_PROVIDES);
  if (missing.length > 0 && message.imports === 'fail') return { error: missingImportsError(missing, func, 'module') };
  const stubs = buildStubs(missing, { line: (text) => report('stub', text) });
  const flushStdio = () => {
    stdout.end();
    stderr.end();
  };

  let instance: WebAssembly.Instance;
  try {
    instance = new WebAssembly.Instance(module, mergeImports(stubs.imports, wasi?.imports ?? {}, { [WAPC_MODULE]: host.imports as unknown as WebAssembly.ModuleImports }));
  } catch (err) {
    return { error: describeGuestError(err, func, 'instantiate') };
  }
  const memory = instance.exports.memory;
  if (!(memory instanceof WebAssembly.Memory)) return { error: { code: 'link', func, message: 'A waPC guest must export its memory as "memory": the host copies operations and payloads into it.' } };
  host.bind(memory);
  const guestCall = instance.exports.__guest_call;
  if (typeof guestCall !== 'function') return { error: { code: 'no-export', func, message: 'This module exports no __guest_call function, so it is not a waPC guest.' } };

  // Init once per instance, as the wapc hosts do: WASI's _initialize, a command's _start, then wapc_init.
  let step = '_initialize';
  try {
    if (wasi) wasi.initialize(instance);
    else if (typeof instance.exports._initialize === 'function') (instance.exports._initialize as () => void)();
    for (const name of ['_start', 'wapc_init']) {
      step = name;
      const init = instance.exports[name];
      if (typeof init !== 'function') continue;
      try {
        (init as () => void)();
      } catch (err) {
        // TinyGo's _start may end with proc_exit(0) once main has registered the functions.
        if (!(err instanceof WasiExit && err.code === 0)) throw err;
      }
    }
  } catch (err) {
    flushStdio();
    const error = err instanceof WasiExit ? { code: 'trap' as const, func: step, message: `${step} exited with code ${err.code} while the guest was starting.` } : callError(err, step);
    return { error: { ...error, message: `The guest's ${step} failed, so no operation can run: ${error.message}` } };
  }
  flushStdio();
  return { instance, host, wasi, wasiKey: wasiKey(message.wasi), sink, guestCall: guestCall as (opLen: number, msgLen: number) => unknown, flushStdio };
}
