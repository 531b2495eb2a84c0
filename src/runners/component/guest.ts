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

/** An argument jco can't take (a stale resource handle): the run's input was wrong, not the guest. */
class ArgumentError extends Error {}

export interface ComponentGuest {
  readonly imports: Record<string, unknown>;
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

export function createComponentGuest(message: ComponentRunMessage, ctx: GuestContext): ComponentGuest {
  let run = { message, ctx };
  const table = new ResourceTable();
  const missing = (name: string) =>
    new Proxy(
      {},
      {
        get: (_t, prop) => () => {
          throw new Error(`${name}#${String(prop)} is not provided`);
        },
      },
    );
  const imports = new Proxy({} as Record<string, unknown>, { get: (_t, prop) => missing(String(prop)) });
  return {
    imports,
    attach: (m, c) => {
      run = { message: m, ctx: c };
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
    exitOf: () => null,
    explain: (err) => (err instanceof ArgumentError ? { code: 'bad-args', func: run.message.func, message: err.message } : null),
    incoming: () => {
      throw new Error(`incoming requests are not supported yet (${run.message.func})`);
    },
    flush: () => run.ctx.flush(),
    end: () => run.ctx.flush(),
    streams: () => ({}),
  };
}
