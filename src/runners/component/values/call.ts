/**
 * jco unwraps a function's top-level `result`: an export returns the ok value and throws a
 * ComponentError whose own `payload` is the err value; for an import, the generated wrapper reads
 * a thrown error's own `payload` as the err value (`getErrorPayload`), and an Error without one
 * traps. These two helpers translate between that and `{ tag: 'ok' | 'err', val }`.
 */
import type { WitType } from '../../../wasm/wit/types';
import { fromJco, toJco } from './jco';
import type { ResourceTable } from './resources';
import type { Checked, WitValue } from './types';

const hasPayload = (error: unknown): error is { payload: unknown } =>
  typeof error === 'object' && error !== null && Object.prototype.hasOwnProperty.call(error, 'payload');

/**
 * Calls an export through `run` and reads what it gives as a WitValue (null when it has no result).
 * For a `result` function a ComponentError becomes `{ tag: 'err', val }`; any other throw (a trap,
 * a bad argument jco refused) is rethrown. `run` may return a promise (JSPI-suspending exports).
 */
export async function callResult(resultType: WitType | null, run: () => unknown, resources: ResourceTable): Promise<Checked<WitValue>> {
  if (!resultType) {
    await run();
    return { ok: true, value: null };
  }
  if (resultType.kind !== 'result') return fromJco(resultType, await run(), resources, 'result');
  let returned: unknown;
  try {
    returned = await run();
  } catch (error) {
    if (!hasPayload(error)) throw error;
    return tagged('err', resultType.err, error.payload, resources);
  }
  return tagged('ok', resultType.ok, returned, resources);
}

function tagged(tag: 'ok' | 'err', type: WitType | null, js: unknown, resources: ResourceTable): Checked<WitValue> {
  if (!type) return { ok: true, value: { tag } };
  const val = fromJco(type, js, resources, `result.val`);
  return val.ok ? { ok: true, value: { tag, val: val.value } } : val;
}

/** The error a host import throws to return `err`: jco reads its own `payload`. */
export class HostResultError extends Error {
  readonly payload: unknown;
  constructor(payload: unknown, description: string) {
    super(description);
    this.name = 'ComponentError';
    this.payload = payload;
  }
}

/** Thrown when a host value cannot be given to the guest (a stale handle): jco treats it as a trap. */
export class HostValueError extends Error {
  override name = 'HostValueError';
}

/**
 * What a host-implemented import (a stub) gives back to jco for `value` of its result type: the jco
 * value, or for a `result` the ok value, throwing a HostResultError carrying the err payload.
 */
export function hostResult(resultType: WitType | null, value: WitValue, resources: ResourceTable): unknown {
  if (!resultType) return undefined;
  const lowered = (type: WitType | null, v: WitValue | undefined): unknown => {
    if (!type) return undefined;
    const js = toJco(type, v ?? null, resources, 'result');
    if (!js.ok) throw new HostValueError(js.error);
    return js.value;
  };
  if (resultType.kind !== 'result') return lowered(resultType, value);
  const { tag, val } = value as { tag: string; val?: WitValue };
  if (tag === 'ok') {
    const js = lowered(resultType.ok, val);
    // jco takes a returned { tag: 'ok' | 'err' } as the whole result; wrap an ok value of that shape.
    const looksTagged = typeof js === 'object' && js !== null && ((js as { tag?: unknown }).tag === 'ok' || (js as { tag?: unknown }).tag === 'err');
    return looksTagged ? { tag: 'ok', val: js } : js;
  }
  throw new HostResultError(lowered(resultType.err, val), `the import returned err`);
}
