/**
 * What a component instance is given and how its values cross: our WASI 0.2 host, stubs for
 * imports nothing provides, and conversions between WIT values and jco's JS values. One per
 * instance; `attach` points a kept instance at the current run.
 */
import type { RunError } from '../../model/errors';
import type { HttpResponseData } from '../../model/result';
import type { WitValue } from '../../model/values';
import type { WitType } from '../../wasm/wit/types';
import type { GuestContext } from '../shared/outcome';
import type { ComponentRunMessage, IncomingRequestSpec } from './message';
import { callResult, ResourceTable, toJco } from './values';
import { ComponentExit, importsFor, makeIncomingRequest, makeResponseOutparam } from '../../host/wasi2';
import type { GuestIo } from '../shared/guestWasi';
import { collector, GuestLimitError, MAX_OUTPUT_BYTES } from '../shared/outputCollector';
import { createGuestWasi2 } from './guestWasi2';
import { componentStubs } from './stubs';

/** An argument jco can't take (a stale resource handle): the run's input was wrong, not the guest. */
class ArgumentError extends Error {}

export interface ComponentGuest {
  readonly imports: Record<string, unknown>;
  /** jco's core instantiation through the host (it notes the exit code an adapted p1 program gives proc_exit). */
  instantiateCore(module: WebAssembly.Module, imports?: WebAssembly.Imports): Promise<WebAssembly.Instance>;
  attach(message: ComponentRunMessage, ctx: GuestContext): void;
  toJs(type: WitType, value: WitValue): unknown;
  /** Call and convert the result; a result-typed function's thrown err becomes `{ tag: 'err', val }`. */
  callResult(type: WitType | null, invoke: () => unknown): Promise<WitValue | undefined>;
  /** The exit code when `err` is the guest's exit (or, with null, when the run called exit), else null. */
  exitOf(err: unknown): number | null;
  /** A RunError for failures the host knows better than a generic trap (limits, denied capabilities). */
  explain(err: unknown): RunError | null;
  incoming(spec: IncomingRequestSpec): { request: unknown; outparam: unknown; response(): HttpResponseData | { error: string } };
  flush(): void;
  end(): void;
  streams(): { output?: ArrayBuffer; stderr?: ArrayBuffer };
}

export function createComponentGuest(message: ComponentRunMessage, ctx: GuestContext, jspi: boolean): ComponentGuest {
  let run = { message, ctx };
  const table = new ResourceTable();
  // Callbacks go to whichever run the instance serves now (a kept instance outlives its first run).
  const budget = { left: MAX_OUTPUT_BYTES };
  let out = collector((line) => run.ctx.console('stdout', line), budget, 'stdout');
  let err = collector((line) => run.ctx.console('stderr', line), budget, 'stderr');
  const io: GuestIo = {
    stdout: (bytes) => out.push(bytes),
    stderr: (bytes) => err.push(bytes),
    console: (stream, text) => run.ctx.console(stream, text),
    blocked: (report) => run.ctx.blocked(report),
    fs: (changes) => run.ctx.fs(changes),
    beforeBlock: () => run.ctx.flush(),
  };
  const stdin = new Uint8Array(message.stdin ?? new ArrayBuffer(0));
  const host = createGuestWasi2(message, stdin, io, jspi);
  const stubs = message.imports === 'stub' ? componentStubs(message.unprovided, message.unprovidedFunctions, table, { line: (text) => run.ctx.console('stub', text) }) : {};
  const provided = importsFor(host);
  const imports = new Proxy(stubs as Record<string, unknown>, {
    get: (target, key) => (typeof key === 'string' ? (target[key] ?? provided[key]) : undefined),
    has: (target, key) => typeof key === 'string' && (key in target || key in provided),
  });
  let ended = false;
  return {
    imports,
    instantiateCore: (module, imports) => host.instantiateCore(module, imports),
    attach(m, c) {
      run = { message: m, ctx: c };
      budget.left = MAX_OUTPUT_BYTES;
      out = collector((line) => run.ctx.console('stdout', line), budget, 'stdout');
      err = collector((line) => run.ctx.console('stderr', line), budget, 'stderr');
      ended = false;
    },
    toJs(type, value) {
      const js = toJco(type, value, table);
      if (!js.ok) throw new ArgumentError(js.error);
      return js.value;
    },
    async callResult(type, invoke) {
      const result = await callResult(type, invoke, table);
      if (!result.ok) throw new Error(`The component returned a value that does not match its WIT type: ${result.error}`);
      return type ? result.value : undefined;
    },
    exitOf(thrown) {
      if (thrown === null) return host.exitCode();
      return thrown instanceof ComponentExit ? thrown.code : null;
    },
    explain(thrown) {
      if (thrown instanceof ArgumentError) return { code: 'bad-args', func: run.message.func, message: thrown.message };
      if (thrown instanceof GuestLimitError) return { code: 'limit', func: run.message.func, message: thrown.message };
      return null;
    },
    incoming(spec) {
      const request = makeIncomingRequest(spec);
      const { outparam, response } = makeResponseOutparam();
      return { request, outparam, response };
    },
    flush() {
      host.flush();
      run.ctx.flush();
    },
    end() {
      if (ended) return;
      ended = true;
      out.end();
      err.end();
      host.flush();
      run.ctx.flush();
    },
    streams: () => ({ output: out.bytes(), stderr: err.bytes() }),
  };
}
