import { describe, expect, it } from 'vitest';
import { callResult, hostResult, HostResultError, HostValueError } from './call';
import { ResourceTable } from './resources';
import { own, point, prim, result, shape } from './testTypes';

/** What jco's generated getErrorPayload does with a thrown error. */
function jcoErrorPayload(e: unknown): unknown {
  if (e && Object.prototype.hasOwnProperty.call(e, 'payload')) return (e as { payload: unknown }).payload;
  if (e instanceof Error) throw e;
  return e;
}

describe('callResult', () => {
  const table = new ResourceTable();
  it('reads plain results, no result, and async returns', async () => {
    expect(await callResult(point, () => ({ xCoord: 1, y: 2 }), table)).toEqual({ ok: true, value: { 'x-coord': 1, y: 2 } });
    expect(await callResult(null, () => undefined, table)).toEqual({ ok: true, value: null });
    expect(await callResult(prim('u64'), async () => 5n, table)).toEqual({ ok: true, value: 5n });
  });

  it('turns a payload-carrying error into err and rethrows traps', async () => {
    const err = Object.assign(new Error('x'), { payload: 'bad' });
    expect(await callResult(result(prim('u8'), prim('string')), () => { throw err; }, table)).toEqual({ ok: true, value: { tag: 'err', val: 'bad' } });
    const trap = new WebAssembly.RuntimeError('unreachable');
    await expect(callResult(result(prim('u8'), prim('string')), () => { throw trap; }, table)).rejects.toBe(trap);
    await expect(callResult(prim('u8'), () => { throw err; }, table)).rejects.toBe(err);
  });

  it('reports a returned value of the wrong type', async () => {
    expect(await callResult(result(prim('u8'), null), () => 'x', table)).toEqual({ ok: false, error: 'result.val: expected an integer (u8), got "x"' });
  });
});

describe('hostResult', () => {
  const table = new ResourceTable();
  it('returns the jco value for ok and throws a payload-carrying error for err', () => {
    expect(hostResult(result(point, prim('string')), { tag: 'ok', val: { 'x-coord': 1, y: 2 } }, table)).toEqual({ xCoord: 1, y: 2 });
    let thrown: unknown;
    try {
      hostResult(result(null, shape), { tag: 'err', val: { tag: 'circle', val: 2 } }, table);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(HostResultError);
    expect(jcoErrorPayload(thrown)).toEqual({ tag: 'circle', val: 2 });
  });

  it('gives undefined payloads for missing sides and for no result', () => {
    expect(hostResult(result(null, null), { tag: 'ok' }, table)).toBeUndefined();
    expect(() => hostResult(result(null, null), { tag: 'err' }, table)).toThrow(HostResultError);
    expect(hostResult(null, null, table)).toBeUndefined();
    expect(hostResult(prim('u64'), 3n, table)).toBe(3n);
  });

  it('wraps an ok value that jco would mistake for a whole result', () => {
    const nested = result(result(prim('u8'), null), null);
    expect(hostResult(nested, { tag: 'ok', val: { tag: 'err' } }, table)).toEqual({ tag: 'ok', val: { tag: 'err' } });
  });

  it('throws a trap-like error (no payload) for a stale handle', () => {
    expect(() => hostResult(own('counter'), { resource: 'counter', handle: 5 }, table)).toThrow(HostValueError);
    try {
      hostResult(own('counter'), { resource: 'counter', handle: 5 }, table);
    } catch (e) {
      expect(() => jcoErrorPayload(e)).toThrow('result: no resource with handle 5 in this instance');
    }
  });
});
