import { describe, expect, it } from 'vitest';
import { wat } from '../../wasm/testBytes';
import { instantiateLinked, PluginLinkError } from './pluginLinks';

const compile = async (source: string) => new WebAssembly.Module((await wat(source)) as Uint8Array<ArrayBuffer>);

describe('instantiateLinked', () => {
  it('links a cycle of functions (lhs ↔ rhs) through trampolines, main calling both', async () => {
    // lhs.count_down(n) calls rhs.count_down(n - 1) and back, adding 1 per hop: a ping-pong to 0.
    const lhs = await compile(`(module
      (import "rhs" "count_down" (func $rhs (param i32) (result i32)))
      (func (export "count_down") (param $n i32) (result i32)
        (if (result i32) (i32.eqz (local.get $n)) (then (i32.const 0))
          (else (i32.add (i32.const 1) (call $rhs (i32.sub (local.get $n) (i32.const 1))))))))`);
    const rhs = await compile(`(module
      (import "lhs" "count_down" (func $lhs (param i32) (result i32)))
      (func (export "count_down") (param $n i32) (result i32)
        (if (result i32) (i32.eqz (local.get $n)) (then (i32.const 0))
          (else (i32.add (i32.const 100) (call $lhs (i32.sub (local.get $n) (i32.const 1))))))))`);
    const main = await compile(`(module
      (import "lhs" "count_down" (func $lhs (param i32) (result i32)))
      (func (export "run") (result i32) (call $lhs (i32.const 4))))`);
    const linked = instantiateLinked(main, [{ name: 'lhs', module: lhs }, { name: 'rhs', module: rhs }], () => ({}));
    // 4 → lhs +1 → rhs +100 → lhs +1 → rhs +100 → 0
    expect((linked.main.exports.run as () => number)()).toBe(202);
    expect(linked.links.map((l) => l.name)).toEqual(['lhs', 'rhs']);
  });

  it('names the module and import when a linked module lacks the export', async () => {
    const math = await compile(`(module (func (export "double") (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2))))`);
    const main = await compile(`(module (import "math" "triple" (func (param i32) (result i32))))`);
    expect(() => instantiateLinked(main, [{ name: 'math', module: math }], () => ({}))).toThrow(new PluginLinkError('"main" imports math.triple, but the module "math" has no export of that name.'));
    // The same through a trampoline (the import comes before the module is made).
    const early = await compile(`(module (import "math" "triple" (func (param i32) (result i32))) (func (export "f")))`);
    const plain = await compile('(module)');
    expect(() => instantiateLinked(plain, [{ name: 'early', module: early }, { name: 'math', module: math }], () => ({}))).toThrow(/"early" imports math\.triple, but the module "math" has no function of that name/);
  });

  it('refuses a memory from a module made later, saying what order would work', async () => {
    const user = await compile(`(module (import "store" "memory" (memory 1)))`);
    const store = await compile(`(module (memory (export "memory") 1))`);
    const main = await compile(`(module)`);
    expect(() => instantiateLinked(main, [{ name: 'user', module: user }, { name: 'store', module: store }], () => ({}))).toThrow(/list "store" before "user"/);
    expect(() => instantiateLinked(main, [{ name: 'store', module: store }, { name: 'user', module: user }], () => ({}))).not.toThrow();
  });
});
