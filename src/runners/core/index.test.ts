import { describe, expect, it } from 'vitest';
import { fakeServices, moduleFromWat, specFor } from '../testModule';
import { coreRunner } from './index';

const WAT = `(module
  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (export "big") (param i64) (result i64) (local.get 0))
  (func (export "vec") (param v128))
  (func (export "__wasm_call_ctors"))
  (memory (export "memory") 1))`;

describe('core runner', () => {
  it('labels every function export with its signature; internals marked, v128 disabled, memories left out', async () => {
    const module = await moduleFromWat(WAT);
    expect(coreRunner.callables(module.analysis)).toEqual([
      { name: 'add', signature: '(i32, i32) -> i32', params: ['i32', 'i32'] },
      { name: 'big', signature: '(i64) -> i64', params: ['i64'] },
      { name: 'vec', signature: '(v128)', params: ['v128'], disabled: expect.stringMatching(/v128/) },
      { name: '__wasm_call_ctors', signature: '()', params: [], internal: true },
    ]);
    expect(coreRunner.defaultFunc(module.analysis)).toBe('add');
  });

  it('builds a core message with typed args (i64 as BigInt) and the request defaults', async () => {
    const module = await moduleFromWat(WAT);
    const built = await coreRunner.build(specFor({ func: 'big', args: ['9007199254740993'] }, module), module, fakeServices());
    expect(built).toEqual({ moduleId: module.id, mounts: [], message: { kind: 'core', func: 'big', args: [9007199254740993n], imports: 'fail', repeat: 1 } });
  });

  it('refuses bad arguments and unknown functions with specific errors', async () => {
    const module = await moduleFromWat(WAT);
    await expect(coreRunner.build(specFor({ func: 'add', args: ['1', 'x'] }, module), module, fakeServices())).resolves.toMatchObject({ code: 'bad-args', message: expect.stringMatching(/^Argument 2 \(i32\)/) });
    await expect(coreRunner.build(specFor({ func: 'ad', args: [] }, module), module, fakeServices())).resolves.toMatchObject({ code: 'no-export', message: expect.stringMatching(/Did you mean "add"\?/) });
  });
});
