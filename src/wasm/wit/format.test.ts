import { describe, expect, it } from 'vitest';
import type { WitFunction, WitType, WitWorld } from './types';
import { formatSignature, formatType } from './format';
import { printWit } from './printWit';

const u32: WitType = { kind: 'u32' };
const str: WitType = { kind: 'string' };
const counter = { iface: 'test:c/api', name: 'counter' };

describe('formatType', () => {
  it('writes generic types as WIT does', () => {
    expect(formatType({ kind: 'list', element: { kind: 'u8' } })).toBe('list<u8>');
    expect(formatType({ kind: 'list', element: u32, length: 4 })).toBe('list<u32, 4>');
    expect(formatType({ kind: 'result', ok: u32, err: str })).toBe('result<u32, string>');
    expect(formatType({ kind: 'result', ok: null, err: str })).toBe('result<_, string>');
    expect(formatType({ kind: 'result', ok: u32, err: null })).toBe('result<u32>');
    expect(formatType({ kind: 'result', ok: null, err: null })).toBe('result');
    expect(formatType({ kind: 'option', type: { kind: 'tuple', types: [{ kind: 's32' }, str] } })).toBe('option<tuple<s32, string>>');
    expect(formatType({ kind: 'future', type: null })).toBe('future');
    expect(formatType({ kind: 'stream', type: { kind: 'u8' } })).toBe('stream<u8>');
  });
  it('writes named types by name and handles by their resource', () => {
    expect(formatType({ kind: 'record', name: 'point', fields: [{ name: 'x', type: u32 }] })).toBe('point');
    expect(formatType({ kind: 'own', resource: counter })).toBe('counter');
    expect(formatType({ kind: 'borrow', resource: counter })).toBe('borrow<counter>');
    expect(formatType({ kind: 'enum', name: 'type', cases: ['a'] })).toBe('%type');
  });
  it('shows the shape of an unnamed definition', () => {
    expect(formatType({ kind: 'record', fields: [{ name: 'x', type: u32 }] })).toBe('record { x: u32 }');
    expect(formatType({ kind: 'variant', cases: [{ name: 'a', type: u32 }, { name: 'b', type: null }] })).toBe('variant { a(u32), b }');
  });
  it('cuts a huge type short instead of growing without bound', () => {
    let t: WitType = u32;
    for (let i = 0; i < 40; i++) t = { kind: 'tuple', types: [t, t] };
    const text = formatType(t);
    expect(text.length).toBeLessThan(5000);
    expect(text).toContain('…');
  });
});

describe('formatSignature', () => {
  it('writes parameters and the result; no result, no arrow', () => {
    const add: WitFunction = { name: 'add', binaryName: 'add', kind: 'freestanding', params: [{ name: 'x', type: u32 }, { name: 'y', type: u32 }], result: u32 };
    expect(formatSignature(add)).toBe('(x: u32, y: u32) -> u32');
    expect(formatSignature({ ...add, params: [], result: null })).toBe('()');
  });
  it("leaves out a method's self and a constructor's own result", () => {
    const self = { name: 'self', type: { kind: 'borrow', resource: counter } as WitType };
    const method: WitFunction = { name: 'add', binaryName: '[method]counter.add', kind: 'method', resource: 'counter', params: [self, { name: 'n', type: u32 }], result: null };
    expect(formatSignature(method)).toBe('(n: u32)');
    const ctor: WitFunction = { name: 'constructor', binaryName: '[constructor]counter', kind: 'constructor', resource: 'counter', params: [], result: { kind: 'own', resource: counter } };
    expect(formatSignature(ctor)).toBe('()');
    const fallible = { ...ctor, result: { kind: 'result', ok: { kind: 'own', resource: counter }, err: str } as WitType };
    expect(formatSignature(fallible)).toBe('() -> result<counter, string>');
  });
});

describe('printWit', () => {
  it('prints world-level resources with their functions, and custom root names', () => {
    const world: WitWorld = {
      imports: [
        { kind: 'type', name: 'r', type: { kind: 'resource', name: 'r', iface: '', resource: { iface: '', name: 'r' } } },
        { kind: 'function', fn: { name: 'constructor', binaryName: '[constructor]r', kind: 'constructor', resource: 'r', params: [], result: { kind: 'own', resource: { iface: '', name: 'r' } } } },
        { kind: 'function', fn: { name: 'test', binaryName: 'test', kind: 'freestanding', params: [{ name: 'r', type: { kind: 'borrow', resource: { iface: '', name: 'r' } } }], result: null } },
      ],
      exports: [{ kind: 'function', fn: { name: 'run', binaryName: 'run', kind: 'freestanding', params: [], result: null, async: true } }],
      warnings: [],
      unsupported: [],
    };
    expect(printWit(world, 'my:thing')).toBe(`package my:thing;

world root {
  resource r {
    constructor();
  }
  import test: func(r: borrow<r>);

  export run: async func();
}
`);
  });
});
