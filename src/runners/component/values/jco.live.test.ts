/**
 * Proves the jco form against real bindings: a component built here from WAT + WIT (echo functions,
 * results, a resource, a host import returning a result), transpiled by jco and instantiated.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WitType } from '../../../wasm/wit/types';
import { callResult, hostResult } from './call';
import { fromJco, toJco } from './jco';
import { ResourceTable } from './resources';
import { borrow, list, option, own, prim, result, tuple } from './testTypes';
import type { WitValue } from './types';

const IFACE = 'test:vals/api@0.1.0';
const WIT = `package test:vals@0.1.0;
interface host { host-check: func(x: u32) -> result<u32, string>; }
interface api {
  record point { x-coord: s32, y: f64 }
  variant shape { circle(u32), square(u64), none }
  flags perms { read, write-it, HTTP-access }
  enum color { red, dark-green }
  resource counter { constructor(start: u32); get: func() -> u32; }
  echo-record: func(p: point) -> point;
  echo-flags: func(f: perms) -> perms;
  echo-u64: func(x: u64) -> u64;
  echo-s64: func(x: s64) -> s64;
  echo-char: func(c: char) -> char;
  echo-enum: func(c: color) -> color;
  echo-variant: func(s: shape) -> shape;
  echo-oo: func(o: option<option<u32>>) -> option<option<u32>>;
  echo-ooo: func(o: option<option<option<u32>>>) -> option<option<option<u32>>>;
  echo-bytes: func(l: list<u8>) -> list<u8>;
  echo-u16s: func(l: list<u16>) -> list<u16>;
  echo-s64s: func(l: list<s64>) -> list<s64>;
  echo-f32s: func(l: list<f32>) -> list<f32>;
  echo-string: func(s: string) -> string;
  echo-tuple: func(t: tuple<u8, string>) -> tuple<u8, string>;
  check: func(x: u32) -> result<u32, string>;
  check-unit: func(x: u32) -> result;
  call-host: func(x: u32) -> result<u32, string>;
  counter-value: func(c: borrow<counter>) -> u32;
}
world vals { import host; export api; }`;

// Echo functions store their flat parameters where the canonical ABI reads the result from.
const WAT = `(module
  (import "test:vals/host@0.1.0" "host-check" (func $hc (param i32 i32)))
  (import "[export]${IFACE}" "[resource-new]counter" (func $rnew (param i32) (result i32)))
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 4096))
  (data (i32.const 100) "zero")
  (func $realloc (export "cabi_realloc") (param i32 i32 i32 i32) (result i32) (local $p i32)
    global.get $heap local.get 2 i32.add i32.const 1 i32.sub i32.const 0 local.get 2 i32.sub i32.and local.set $p
    local.get $p local.get 3 i32.add global.set $heap local.get $p)
  (func (export "${IFACE}#echo-record") (param i32 f64) (result i32)
    i32.const 16 local.get 0 i32.store i32.const 24 local.get 1 f64.store i32.const 16)
  (func $id32 (param i32) (result i32) local.get 0)
  (func $id64 (param i64) (result i64) local.get 0)
  (export "${IFACE}#echo-flags" (func $id32))
  (export "${IFACE}#echo-char" (func $id32))
  (export "${IFACE}#echo-enum" (func $id32))
  (export "${IFACE}#echo-u64" (func $id64))
  (export "${IFACE}#echo-s64" (func $id64))
  (func (export "${IFACE}#echo-variant") (param i32 i64) (result i32)
    i32.const 32 local.get 0 i32.store8 i32.const 40 local.get 1 i64.store i32.const 32)
  (func (export "${IFACE}#echo-oo") (param i32 i32 i32) (result i32)
    i32.const 48 local.get 0 i32.store8 i32.const 52 local.get 1 i32.store8 i32.const 56 local.get 2 i32.store i32.const 48)
  (func (export "${IFACE}#echo-ooo") (param i32 i32 i32 i32) (result i32)
    i32.const 48 local.get 0 i32.store8 i32.const 52 local.get 1 i32.store8
    i32.const 56 local.get 2 i32.store8 i32.const 60 local.get 3 i32.store i32.const 48)
  (func $echo2 (param i32 i32) (result i32) i32.const 64 local.get 0 i32.store i32.const 68 local.get 1 i32.store i32.const 64)
  (export "${IFACE}#echo-bytes" (func $echo2))
  (export "${IFACE}#echo-u16s" (func $echo2))
  (export "${IFACE}#echo-s64s" (func $echo2))
  (export "${IFACE}#echo-f32s" (func $echo2))
  (export "${IFACE}#echo-string" (func $echo2))
  (func (export "${IFACE}#echo-tuple") (param i32 i32 i32) (result i32)
    i32.const 72 local.get 0 i32.store8 i32.const 76 local.get 1 i32.store i32.const 80 local.get 2 i32.store i32.const 72)
  (func (export "${IFACE}#check") (param i32) (result i32)
    local.get 0 i32.eqz if (result i32)
      i32.const 200 i32.const 1 i32.store8 i32.const 204 i32.const 100 i32.store i32.const 208 i32.const 4 i32.store i32.const 200
    else
      i32.const 200 i32.const 0 i32.store8 i32.const 204 local.get 0 i32.store i32.const 200 end)
  (func (export "${IFACE}#check-unit") (param i32) (result i32) local.get 0 i32.eqz)
  (func (export "${IFACE}#call-host") (param i32) (result i32) local.get 0 i32.const 240 call $hc i32.const 240)
  (func (export "${IFACE}#[constructor]counter") (param i32) (result i32) (local $p i32)
    i32.const 0 i32.const 0 i32.const 4 i32.const 4 call $realloc local.set $p
    local.get $p local.get 0 i32.store local.get $p call $rnew)
  (func (export "${IFACE}#[method]counter.get") (param i32) (result i32) local.get 0 i32.load)
  (func (export "${IFACE}#counter-value") (param i32) (result i32) local.get 0 i32.load)
  (func (export "${IFACE}#[dtor]counter") (param i32)))`;

const pointT: WitType = { name: 'point', kind: 'record', fields: [{ name: 'x-coord', type: prim('s32') }, { name: 'y', type: prim('f64') }] };
const shapeT: WitType = { name: 'shape', kind: 'variant', cases: [{ name: 'circle', type: prim('u32') }, { name: 'square', type: prim('u64') }, { name: 'none', type: null }] };
const permsT: WitType = { name: 'perms', kind: 'flags', flags: ['read', 'write-it', 'HTTP-access'] };
const colorT: WitType = { name: 'color', kind: 'enum', cases: ['red', 'dark-green'] };
const checkT = result(prim('u32'), prim('string'));

type Fn = (...args: unknown[]) => unknown;
type Api = Record<string, Fn> & { Counter: new (start: number) => object };

let dir = '';
let api: Api;
const resources = new ResourceTable();
const hostCalls: number[] = [];
let hostAnswer: (x: number) => WitValue = (x) => ({ tag: 'ok', val: x + 1 });

beforeAll(async () => {
  const { parse, componentEmbed, componentNew } = await import('@bytecodealliance/jco-transpile/wasm-tools');
  const { generate, $init } = await import('@bytecodealliance/jco-transpile/component');
  await $init;
  const core = await parse(WAT);
  const embedded = await componentEmbed({ binary: core, witSource: WIT, world: 'vals', stringEncoding: 'utf8' });
  const component = await componentNew(embedded, []);
  const out = generate(component, { name: 'c', instantiation: { tag: 'async' }, noTypescript: true });
  dir = mkdtempSync(join(tmpdir(), 'wit-values-'));
  for (const [name, bytes] of out.files) writeFileSync(join(dir, name.replace(/\//g, '_')), bytes);
  const mod = (await import(/* @vite-ignore */ pathToFileURL(join(dir, 'c.js')).href)) as {
    instantiate: (get: (name: string) => Promise<WebAssembly.Module>, imports: object) => Promise<Record<string, Api>>;
  };
  const hostCheck = (x: unknown) => {
    const arg = fromJco(prim('u32'), x, resources);
    if (!arg.ok) throw new Error(arg.error);
    hostCalls.push(arg.value as number);
    return hostResult(checkT, hostAnswer(arg.value as number), resources);
  };
  const exports = await mod.instantiate((name) => WebAssembly.compile(readFileSync(join(dir, name))), { 'test:vals/host': { hostCheck } });
  api = exports[IFACE]!;
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Calls an export the way the runner will: API values in, WitValue out. */
async function call(fn: string, params: WitType[], resultType: WitType | null, args: WitValue[]) {
  const js = args.map((a, i) => {
    const lowered = toJco(params[i]!, a, resources, `args[${i}]`);
    if (!lowered.ok) throw new Error(lowered.error);
    return lowered.value;
  });
  return callResult(resultType, () => api[fn]!(...js), resources);
}

describe('jco form against real bindings', () => {
  const echoes: [string, WitType, WitValue][] = [
    ['echoRecord', pointT, { 'x-coord': -7, y: 2.5 }],
    ['echoFlags', permsT, ['write-it']],
    ['echoFlags', permsT, ['read', 'write-it']],
    ['echoFlags', permsT, []],
    ['echoFlags', permsT, ['HTTP-access']],
    ['echoU64', prim('u64'), 18446744073709551615n],
    ['echoS64', prim('s64'), -9223372036854775808n],
    ['echoChar', prim('char'), '😀'],
    ['echoEnum', colorT, 'dark-green'],
    ['echoVariant', shapeT, { tag: 'circle', val: 4294967295 }],
    ['echoVariant', shapeT, { tag: 'square', val: 18446744073709551615n }],
    ['echoVariant', shapeT, { tag: 'none' }],
    ['echoOo', option(option(prim('u32'))), { tag: 'none' }],
    ['echoOo', option(option(prim('u32'))), { tag: 'some', val: null }],
    ['echoOo', option(option(prim('u32'))), { tag: 'some', val: 5 }],
    ['echoOoo', option(option(option(prim('u32')))), { tag: 'none' }],
    ['echoOoo', option(option(option(prim('u32')))), { tag: 'some', val: { tag: 'none' } }],
    ['echoOoo', option(option(option(prim('u32')))), { tag: 'some', val: { tag: 'some', val: null } }],
    ['echoOoo', option(option(option(prim('u32')))), { tag: 'some', val: { tag: 'some', val: 9 } }],
    ['echoBytes', list(prim('u8')), new Uint8Array([0, 1, 255])],
    ['echoU16s', list(prim('u16')), [0, 65535]],
    ['echoS64s', list(prim('s64')), [-1n, 9223372036854775807n]],
    ['echoF32s', list(prim('f32')), [1.5, -0, Infinity]],
    ['echoString', prim('string'), 'héllo wörld 😀 中文'],
    ['echoTuple', tuple(prim('u8'), prim('string')), [255, 'é']],
  ];
  it.each(echoes)('%s echoes case %#', async (fn, type, value) => {
    expect(await call(fn, [type], type, [value])).toEqual({ ok: true, value });
  });

  it('reads jco shapes as documented', () => {
    expect(api.echoFlags!({ writeIt: true, httpAccess: true })).toEqual({ read: false, writeIt: true, httpAccess: true });
    // jco's parity rule: a triple option is nullable outside, tagged in the middle.
    expect(api.echoOoo!(undefined)).toBeUndefined();
    expect(api.echoOoo!({ tag: 'none' })).toEqual({ tag: 'none' });
    expect(api.echoOoo!({ tag: 'some', val: 3 })).toEqual({ tag: 'some', val: 3 });
    expect(api.echoOo!({ tag: 'some', val: undefined })).toEqual({ tag: 'some', val: undefined });
    expect(api.echoU16s!(new Uint16Array([3]))).toBeInstanceOf(Uint16Array);
    expect(api.echoRecord!({ xCoord: 1, y: 2 })).toEqual({ xCoord: 1, y: 2 });
  });

  it('turns a returned value or a thrown ComponentError into ok/err', async () => {
    expect(await call('check', [prim('u32')], checkT, [5])).toEqual({ ok: true, value: { tag: 'ok', val: 5 } });
    expect(await call('check', [prim('u32')], checkT, [0])).toEqual({ ok: true, value: { tag: 'err', val: 'zero' } });
    expect(await call('checkUnit', [prim('u32')], result(null, null), [1])).toEqual({ ok: true, value: { tag: 'ok' } });
    expect(await call('checkUnit', [prim('u32')], result(null, null), [0])).toEqual({ ok: true, value: { tag: 'err' } });
  });

  it('passes a resource made by one call to later calls by handle', async () => {
    const made = await callResult(own('counter'), () => new api.Counter(41), resources);
    expect(made).toEqual({ ok: true, value: { resource: 'counter', handle: expect.any(Number) } });
    const handle = made.ok ? (made.value as { handle: number }).handle : 0;
    expect(await call('counterValue', [borrow('counter')], prim('u32'), [{ resource: 'counter', handle }])).toEqual({ ok: true, value: 41 });
    const self = resources.get(handle, 'counter');
    expect(self.ok && (self.value as { get(): number }).get()).toBe(41);
    await expect(call('counterValue', [borrow('counter')], prim('u32'), [{ resource: 'counter', handle: handle + 100 }])).rejects.toThrow(
      `args[0]: no resource with handle ${handle + 100} in this instance (live counter handles: ${handle})`,
    );
  });

  it('host imports return ok values and throw err payloads that jco reads', async () => {
    hostAnswer = (x) => (x === 0 ? { tag: 'err', val: 'host says zero' } : { tag: 'ok', val: x + 1 });
    expect(await call('callHost', [prim('u32')], checkT, [4])).toEqual({ ok: true, value: { tag: 'ok', val: 5 } });
    expect(await call('callHost', [prim('u32')], checkT, [0])).toEqual({ ok: true, value: { tag: 'err', val: 'host says zero' } });
    expect(hostCalls).toEqual([4, 0]);
  });

  // Last: a host failure without a payload escapes the guest as an error (callResult rethrows it).
  it('rethrows a host failure that is not an err payload', async () => {
    hostAnswer = () => {
      throw new Error('host broke');
    };
    await expect(call('callHost', [prim('u32')], checkT, [1])).rejects.toThrow('host broke');
  });
});
