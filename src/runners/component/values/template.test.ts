import { describe, expect, it } from 'vitest';
import type { WitType } from '../../../wasm/wit/types';
import { CASES } from './cases';
import { fromJson } from './fromJson';
import { defaultValue, template } from './template';
import { borrow, color, list, option, order, own, perms, point, prim, result, shape, tuple } from './testTypes';
import type { JsonValue, WitValue } from './types';

describe('template', () => {
  const cases: [string, WitType, JsonValue][] = [
    ['bool', prim('bool'), false],
    ['u32', prim('u32'), 0],
    ['s8', prim('s8'), 0],
    ['u64 as a string', prim('u64'), '0'],
    ['s64 as a string', prim('s64'), '0'],
    ['f64', prim('f64'), 0],
    ['char', prim('char'), 'a'],
    ['string', prim('string'), ''],
    ['list<u8> empty', list(prim('u8')), []],
    ['list shows one element', list(point), [{ 'x-coord': 0, y: 0 }]],
    ['fixed list', list(prim('u16'), 2), [0, 0]],
    ['tuple', tuple(prim('u8'), prim('string')), [0, '']],
    ['record', order, { items: [{ name: '', tags: [''] }] }],
    ['variant first case', shape, { tag: 'circle', val: 0 }],
    ['enum first case', color, 'red'],
    ['flags first flag', perms, ['read']],
    ['option shows its payload', option(point), { 'x-coord': 0, y: 0 }],
    ['option<option> tagged some', option(option(prim('u32'))), { tag: 'some', val: 0 }],
    ['result ok', result(prim('string'), prim('u32')), { tag: 'ok', val: '' }],
    ['result without ok type', result(null, prim('u32')), { tag: 'ok' }],
    ['own', own('counter'), { resource: 'counter', handle: 1 }],
  ];
  it.each(cases)('%s', (_label, type, expected) => {
    expect(template(type)).toEqual(expected);
    // Every template is a value the editor accepts as it stands.
    expect(fromJson(type, template(type), 'args[0]').ok).toBe(true);
  });

  it.each(CASES)('is accepted by fromJson for $label', ({ type }) => {
    expect(fromJson(type, template(type), 'args[0]').ok).toBe(true);
  });
});

describe('defaultValue (what a stub returns)', () => {
  const cases: [string, WitType, WitValue][] = [
    ['bool', prim('bool'), false],
    ['u32', prim('u32'), 0],
    ['u64', prim('u64'), 0n],
    ['f32', prim('f32'), 0],
    ['char', prim('char'), '\0'],
    ['string', prim('string'), ''],
    ['list', list(point), []],
    ['list<u8>', list(prim('u8')), new Uint8Array(0)],
    ['fixed list', list(prim('s64'), 2), [0n, 0n]],
    ['tuple', tuple(prim('u8'), prim('string')), [0, '']],
    ['record of defaults', point, { 'x-coord': 0, y: 0 }],
    ['variant first case, default payload', shape, { tag: 'circle', val: 0 }],
    ['enum first case', color, 'red'],
    ['flags none set', perms, []],
    ['option none', option(prim('u32')), null],
    ['option<option> none', option(option(prim('u32'))), { tag: 'none' }],
    ['result ok with default', result(prim('u32'), prim('string')), { tag: 'ok', val: 0 }],
    ['result ok without payload', result(null, prim('string')), { tag: 'ok' }],
    ['option<own> is none', option(own('counter')), null],
  ];
  it.each(cases)('%s', (_label, type, expected) => {
    expect(defaultValue(type)).toEqual({ ok: true, value: expected });
  });

  it('has none for resources', () => {
    const message = "a stub can't make a counter (a resource); implement this import or leave it unstubbed";
    expect(defaultValue(own('counter'))).toEqual({ ok: false, error: `result: ${message}` });
    expect(defaultValue(borrow('counter'))).toEqual({ ok: false, error: `result: ${message}` });
    expect(defaultValue(result(own('counter'), null))).toEqual({ ok: false, error: `result.val: ${message}` });
  });
});
