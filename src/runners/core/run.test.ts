import { describe, expect, it } from 'vitest';
import type { WasmValue } from '../../model/values';
import { wat } from '../../wasm/testBytes';
import { testContext } from '../shared/testContext';
import { callRepeatedly, prepareNextInstance, runCore } from './run';

describe('callRepeatedly', () => {
  it('passes every argument on every call, for each arity, and returns the last result', () => {
    for (let arity = 0; arity <= 6; arity++) {
      const args: WasmValue[] = Array.from({ length: arity }, (_, i) => (i % 2 ? BigInt(i) : i + 0.5));
      const seen: unknown[][] = [];
      const last = callRepeatedly((...a) => seen.push(a), args, 3);
      expect(seen).toEqual([args, args, args]);
      expect(last).toBe(3);
    }
  });

  it('calls nothing for zero times', () => {
    let calls = 0;
    expect(callRepeatedly(() => ++calls, [1], 0)).toBeUndefined();
    expect(calls).toBe(0);
  });
});

describe('runCore: a fresh instance per run, the next one made while idle', () => {
  const counter = `(module
    (global $n (mut i32) (i32.const 0))
    (memory (export "memory") 1)
    (func (export "inc") (result i32)
      (global.set $n (i32.add (global.get $n) (i32.const 1)))
      (i32.store (i32.const 0) (i32.add (i32.load (i32.const 0)) (i32.const 1)))
      (i32.add (global.get $n) (i32.load (i32.const 0)))))`;

  it('no state leaks from one run to the next, also when the instance was made ahead', async () => {
    const module = new WebAssembly.Module((await wat(counter)) as Uint8Array<ArrayBuffer>);
    const run = (_n: number) => runCore({ kind: 'core', func: 'inc', args: [], imports: 'fail', repeat: 1 }, testContext(module));
    expect(run(1)).toMatchObject({ ok: true, values: [2] });
    prepareNextInstance(module); // as the worker does after posting a result
    expect(run(2)).toMatchObject({ ok: true, values: [2] });
    expect(run(3)).toMatchObject({ ok: true, values: [2] }); // no spare: made on the spot
    const repeated = runCore({ kind: 'core', func: 'inc', args: [], imports: 'fail', repeat: 3 }, testContext(module));
    expect(repeated).toMatchObject({ ok: true, values: [6] }); // one instance within a run
  });
});
