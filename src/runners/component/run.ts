/**
 * Worker half of the component runner: jco's bindings instantiated with our WASI 0.2 host (and
 * stubs), a function called with WIT values converted for jco, the result converted back.
 * Instances are kept between calls (a reactor's state persists) unless the run asks otherwise.
 */
import type { HttpResponseData } from '../../model/result';
import type { WitValue } from '../../model/values';
import type { WitFunction } from '../../wasm/wit/types';
import { describeGuestError } from '../shared/guestErrors';
import { wasiKey } from '../shared/guestWasi';
import type { GuestContext, PreparedComponent, RunOutcome } from '../shared/outcome';
import { failure } from '../shared/outcome';
import { bindingsFor } from './bindings';
import { versionless } from './callables';
import { createComponentGuest, type ComponentGuest } from './guest';
import { lowerCamel, upperCamel } from './jcoNames';
import type { ComponentRunMessage } from './message';
import { isTagged, resultOutput } from './resultOutput';

interface Live {
  root: Record<string, unknown>;
  guest: ComponentGuest;
  key: string;
}

// One kept instance per component (state persists across calls, as with Extism plugins).
const live = new Map<string, Live>();

function keyOf(message: ComponentRunMessage): string {
  return JSON.stringify([wasiKey(message.wasi), message.grants.hosts, message.imports]);
}

/** Run one component function. Never rejects: failures come back as a RunFailure. */
export async function runComponent(message: ComponentRunMessage, ctx: GuestContext, prepared: PreparedComponent): Promise<RunOutcome> {
  const { func } = message;
  const compileMs = prepared.compileMs;
  let instantiate;
  try {
    instantiate = await bindingsFor(ctx.moduleId, prepared.js);
  } catch (err) {
    return failure({ code: 'internal', func, message: `jco's bindings for this component could not be loaded: ${err instanceof Error ? err.message : String(err)}` }, { compileMs });
  }

  const key = keyOf(message);
  if (message.instance === 'reset') live.delete(ctx.moduleId);
  let current = message.instance === 'fresh' ? undefined : live.get(ctx.moduleId);
  if (current && current.key !== key) current = undefined; // settings changed: start afresh
  let instantiateMs = 0;
  if (current) {
    current.guest.attach(message, ctx);
  } else {
    const guest = createComponentGuest(message, ctx, prepared.jspi);
    const t0 = performance.now();
    try {
      const cores = new Map(prepared.cores);
      const root = await instantiate((name) => {
        const core = cores.get(name);
        if (!core) throw new Error(`jco asked for a core module "${name}" the transpiler did not produce`);
        return core;
      }, guest.imports, guest.instantiateCore);
      current = { root, guest, key };
    } catch (err) {
      guest.end();
      return failure(guest.explain(err) ?? describeGuestError(err, func, 'instantiate'), { compileMs, instantiateMs: performance.now() - t0 });
    }
    instantiateMs = performance.now() - t0;
    if (message.instance !== 'fresh' && !message.command) live.set(ctx.moduleId, current);
  }

  const { root, guest } = current;
  const t1 = performance.now();
  try {
    if (message.command) {
      const exitCode = await callCommand(root, message, guest);
      guest.end();
      return { ok: true, values: [], exitCode, timings: { compileMs, instantiateMs, callMs: performance.now() - t1 }, ...guest.streams() };
    }
    if (message.request) {
      const response = callHandler(root, message, guest);
      guest.end();
      const callMs = performance.now() - t1;
      if ('error' in response) return { ok: false, error: { code: 'trap', func, message: response.error }, timings: { compileMs, instantiateMs, callMs } };
      return { ok: true, values: [], response, output: response.body.slice().buffer, ...mimeOf(response), timings: { compileMs, instantiateMs, callMs } };
    }
    const value = await callFunction(root, message, guest);
    guest.flush();
    const callMs = performance.now() - t1;
    const out = resultOutput(message.fn.result, value);
    if (out.err) return { ok: false, error: { code: 'err', func, message: out.err, payload: value }, timings: { compileMs, instantiateMs, callMs }, output: out.bytes, outputMime: out.mime };
    return { ok: true, values: [], ...(value !== undefined ? { value } : {}), output: out.bytes, outputMime: out.mime, timings: { compileMs, instantiateMs, callMs } };
  } catch (err) {
    const callMs = performance.now() - t1;
    const exit = guest.exitOf(err);
    if (exit !== null) {
      guest.end();
      return { ok: true, values: [], exitCode: exit, timings: { compileMs, instantiateMs, callMs }, ...guest.streams() };
    }
    guest.end();
    const error = guest.explain(err) ?? describeGuestError(err, describeCall(message), 'call');
    // A trap poisons the instance (the component model forbids entering it again); a bad argument does not.
    const kept = live.get(ctx.moduleId) === current;
    if (error.code !== 'bad-args') live.delete(ctx.moduleId);
    const note = kept && error.code !== 'bad-args' ? `${/[.!?]$/.test(error.message) ? '' : '.'} The trap poisoned this instance: the next run gets a fresh one (state kept in it is gone).` : '';
    return { ok: false, error: { ...error, message: error.message + note }, timings: { compileMs, instantiateMs, callMs }, ...guest.streams() };
  }
}

function describeCall(message: ComponentRunMessage): string {
  return message.iface ? `${message.iface}#${message.fn.binaryName}` : message.fn.binaryName;
}

function mimeOf(response: HttpResponseData): { outputMime?: string } {
  const type = response.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1];
  return type ? { outputMime: type.split(';')[0]!.trim() } : {};
}

/** The object holding an interface's exports (jco names it by full name and by short name). */
function exportsOf(root: Record<string, unknown>, iface: string | null): Record<string, unknown> {
  if (iface === null) return root;
  const direct = root[iface] ?? root[versionless(iface)] ?? Object.entries(root).find(([k]) => versionless(k) === versionless(iface))?.[1];
  if (!direct || typeof direct !== 'object') throw new TypeError(`jco's bindings have no export named ${iface}`);
  return direct as Record<string, unknown>;
}

type Fn = (...args: unknown[]) => unknown;

function callFunction(root: Record<string, unknown>, message: ComponentRunMessage, guest: ComponentGuest): Promise<WitValue | undefined> {
  const { fn } = message;
  const obj = exportsOf(root, message.iface);
  const params = fn.params.map((p) => p.type);
  const jsArgs = message.args.map((v, i) => guest.toJs(params[i]!, v));
  const invoke = (): unknown => {
    switch (fn.kind) {
      case 'freestanding':
        return callable(obj[lowerCamel(fn.name)], fn)(...jsArgs);
      case 'constructor': {
        const Cls = obj[upperCamel(fn.resource ?? '')] as (new (...a: unknown[]) => unknown) | undefined;
        if (typeof Cls !== 'function') throw new TypeError(`jco's bindings have no class for resource ${fn.resource}`);
        return new Cls(...jsArgs);
      }
      case 'method': {
        const [self, ...rest] = jsArgs;
        const method = (self as Record<string, unknown> | null)?.[lowerCamel(fn.name)];
        return callable(method, fn).apply(self, rest);
      }
      case 'static': {
        const Cls = obj[upperCamel(fn.resource ?? '')] as Record<string, unknown> | undefined;
        return callable(Cls?.[lowerCamel(fn.name)], fn).apply(Cls, jsArgs);
      }
    }
  };
  return guest.callResult(fn.result, invoke);
}

function callable(f: unknown, fn: WitFunction): Fn {
  if (typeof f !== 'function') throw new TypeError(`jco's bindings have no function for ${fn.binaryName}`);
  return f as Fn;
}

/** wasi:cli/run#run: the exit code (an `err` result is exit code 1, as wasmtime reports it). */
async function callCommand(root: Record<string, unknown>, message: ComponentRunMessage, guest: ComponentGuest): Promise<number> {
  const run = callable(exportsOf(root, message.iface)['run'], message.fn);
  const result = await guest.callResult(message.fn.result, () => run());
  return result !== undefined && isTagged(result) && result.tag === 'err' ? 1 : (guest.exitOf(null) ?? 0);
}


function callHandler(root: Record<string, unknown>, message: ComponentRunMessage, guest: ComponentGuest): HttpResponseData | { error: string } {
  const handle = callable(exportsOf(root, message.iface)['handle'], message.fn);
  const exchange = guest.incoming(message.request!);
  handle(exchange.request, exchange.outparam);
  return exchange.response();
}

