import { describe, expect, it } from 'vitest';
import type { WitType } from '../../../wasm/wit/types';
import { CASES } from './cases';
import { fromJco, toJco } from './jco';
import { ResourceTable } from './resources';
import { color, list, option, own, perms, point, prim, result, shape, tuple } from './testTypes';
import type { WitValue } from './types';

/** A table where counters 1, 2 and 3 are live, as after three constructor calls. */
function tableWithCounters() {
  const table = new ResourceTable();
  const objects = [{ n: 1 }, { n: 2 }, { n: 3 }];
  for (const o of objects) table.register(o, 'counter');
  return { table, objects };
}

describe('WitValue ↔ jco', () => {
  it.each(CASES)('round-trips $label', ({ type, value }) => {
    const { table } = tableWithCounters();
    const js = toJco(type, value, table);
    expect(js.ok).toBe(true);
    if (!js.ok) return;
    expect(fromJco(type, js.value, table)).toEqual({ ok: true, value });
    expect(table.size).toBe(3); // lifting a known object reuses its handle
  });

  const shapes: [string, WitType, WitValue, unknown][] = [
    ['record fields in lowerCamelCase', point, { 'x-coord': 1, y: 2 }, { xCoord: 1, y: 2 }],
    ['flags as an object of every flag', perms, ['write-it', 'HTTP-access'], { read: false, writeIt: true, httpAccess: true }],
    ['variant tags keep WIT names', shape, { tag: 'square', val: 5n }, { tag: 'square', val: 5n }],
    ['variant without payload', shape, { tag: 'none' }, { tag: 'none' }],
    ['enum as the case string', color, 'dark-green', 'dark-green'],
    ['option none as undefined', option(prim('u32')), null, undefined],
    ['option some as the value', option(prim('u32')), 7, 7],
    ['option<option> none tagged', option(option(prim('u32'))), { tag: 'none' }, { tag: 'none' }],
    ['option<option> some(none)', option(option(prim('u32'))), { tag: 'some', val: null }, { tag: 'some', val: undefined }],
    // jco's parity rule: the outer of three options is nullable again, the middle is tagged.
    ['option<option<option>> none', option(option(option(prim('u32')))), { tag: 'none' }, undefined],
    ['option<option<option>> some(none)', option(option(option(prim('u32')))), { tag: 'some', val: { tag: 'none' } }, { tag: 'none' }],
    ['option<option<option>> some(some(none))', option(option(option(prim('u32')))), { tag: 'some', val: { tag: 'some', val: null } }, { tag: 'some', val: undefined }],
    ['nested result stays tagged', result(prim('u32'), null), { tag: 'err' }, { tag: 'err' }],
    ['list<u8> as Uint8Array', list(prim('u8')), new Uint8Array([1, 2]), new Uint8Array([1, 2])],
    ['list<u16> as Uint16Array', list(prim('u16')), [1, 65535], new Uint16Array([1, 65535])],
    ['list<s64> as BigInt64Array', list(prim('s64')), [-1n], new BigInt64Array([-1n])],
    ['list<f32> as Float32Array', list(prim('f32')), [1.5], new Float32Array([1.5])],
    ['list<string> as an array', list(prim('string')), ['a'], ['a']],
    ['tuple as an array', tuple(prim('u64'), prim('char')), [1n, 'x'], [1n, 'x']],
  ];
  it.each(shapes)('%s', (_label, type, value, js) => {
    const table = new ResourceTable();
    expect(toJco(type, value, table)).toEqual({ ok: true, value: js });
    expect(fromJco(type, js, table)).toEqual({ ok: true, value });
  });

  it('passes resources as their live objects and registers new ones', () => {
    const { table, objects } = tableWithCounters();
    expect(toJco(own('counter'), { resource: 'counter', handle: 2 }, table)).toEqual({ ok: true, value: objects[1] });
    const fresh = { n: 4 };
    expect(fromJco(own('counter'), fresh, table)).toEqual({ ok: true, value: { resource: 'counter', handle: 4 } });
    expect(table.get(4, 'counter')).toEqual({ ok: true, value: fresh });
  });

  it('names a stale or mistyped handle', () => {
    const { table } = tableWithCounters();
    expect(toJco(list(own('counter')), [{ resource: 'counter', handle: 9 }], table)).toEqual({
      ok: false,
      error: 'value[0]: no resource with handle 9 in this instance (live counter handles: 1, 2, 3)',
    });
    expect(toJco(own('file'), { resource: 'file', handle: 1 }, table)).toEqual({ ok: false, error: 'value: handle 1 is a counter, not a file' });
    expect(toJco(own('file'), { resource: 'file', handle: 7 }, new ResourceTable())).toEqual({
      ok: false,
      error: 'value: no resource with handle 7 in this instance (no file is live; make one first (its constructor or a function returning it))',
    });
  });

  it('reports JS values of the wrong shape with their path', () => {
    const table = new ResourceTable();
    expect(fromJco(point, { xCoord: 'a', y: 1 }, table)).toEqual({ ok: false, error: 'value.x-coord: expected an integer (s32), got "a"' });
    expect(fromJco(color, 'blue', table)).toEqual({ ok: false, error: 'value: jco gave "blue" where a case of color (red, dark-green) was expected' });
    expect(fromJco(shape, { tag: 'oval' }, table)).toEqual({ ok: false, error: 'value: jco gave an object where shape was expected' });
  });

  it('accepts plain arrays where jco gives typed arrays, and null for none', () => {
    const table = new ResourceTable();
    expect(fromJco(list(prim('u8')), [1, 2], table)).toEqual({ ok: true, value: new Uint8Array([1, 2]) });
    expect(fromJco(option(prim('u32')), null, table)).toEqual({ ok: true, value: null });
  });

  it('copies lifted bytes (jco may hand out views of guest memory)', () => {
    const memory = new Uint8Array([1, 2, 3]);
    const lifted = fromJco(list(prim('u8')), memory, new ResourceTable());
    memory[0] = 9;
    expect(lifted).toEqual({ ok: true, value: new Uint8Array([1, 2, 3]) });
  });
});

describe('ResourceTable', () => {
  it('drops a handle and runs the object’s dispose', () => {
    let disposed = 0;
    const object = { [Symbol.for('dispose')]: () => disposed++ };
    if (Symbol.dispose) Object.assign(object, { [Symbol.dispose]: () => disposed++ });
    const table = new ResourceTable();
    const handle = table.register(object, 'counter');
    expect(table.drop(handle)).toEqual({ ok: true, value: undefined });
    expect(disposed).toBe(1);
    expect(table.get(handle, 'counter').ok).toBe(false);
    expect(table.drop(handle)).toEqual({ ok: false, error: `no resource with handle ${handle} in this instance` });
    // A dropped object registered again gets a new handle; handles are not reused.
    expect(table.register(object, 'counter')).toBe(handle + 1);
  });
});
