import { describe, expect, it } from 'vitest';
import type { WitType } from '../../../wasm/wit/types';
import { CASES } from './cases';
import { checkValue } from './checkValue';
import { fromJson } from './fromJson';
import { item, list, option, order, own, perms, point, prim, result, shape, color, tuple } from './testTypes';
import { toJson } from './toJson';

describe('JSON ↔ WitValue', () => {
  it.each(CASES)('round-trips $label', ({ type, json, value }) => {
    const read = fromJson(type, json, 'args[0]');
    expect(read).toEqual({ ok: true, value });
    if (!read.ok) return;
    expect(toJson(type, read.value)).toEqual(json);
    // Through JSON text too (share links): nothing is lost in stringify.
    const text = JSON.stringify(toJson(type, read.value));
    expect(fromJson(type, JSON.parse(text), 'args[0]')).toEqual({ ok: true, value });
  });

  it.each(CASES)('accepts the API form of $label', ({ type, value }) => {
    expect(checkValue(type, value, 'args[0]')).toEqual({ ok: true, value });
  });

  it('keeps -0 and NaN apart from 0 through text', () => {
    const text = JSON.stringify([toJson(prim('f64'), -0), toJson(prim('f64'), NaN)]);
    expect(text).toBe('["-0","NaN"]');
    const back = fromJson(prim('f64'), JSON.parse(text)[0], 'x');
    expect(back.ok && Object.is(back.value, -0)).toBe(true);
  });

  it('accepts safe-integer numbers for u64/s64 and gives BigInt', () => {
    expect(fromJson(prim('u64'), 42, 'a')).toEqual({ ok: true, value: 42n });
    expect(fromJson(prim('s64'), -9007199254740991, 'a')).toEqual({ ok: true, value: -9007199254740991n });
  });

  it('API values: BigInt, numbers or strings for 64-bit; number arrays and Uint8Array for list<u8>', () => {
    expect(checkValue(prim('u64'), 5n, 'a')).toEqual({ ok: true, value: 5n });
    expect(checkValue(prim('s64'), '-7', 'a')).toEqual({ ok: true, value: -7n });
    expect(checkValue(list(prim('u8')), [1, 2], 'a')).toEqual({ ok: true, value: new Uint8Array([1, 2]) });
    expect(checkValue(option(prim('u32')), undefined, 'a')).toEqual({ ok: true, value: null });
    expect(checkValue(list(prim('f32')), new Float32Array([1.5]), 'a')).toEqual({ ok: true, value: [1.5] });
  });

  it('orders flags as declared', () => {
    expect(fromJson(perms, ['HTTP-access', 'read'], 'f')).toEqual({ ok: true, value: ['read', 'HTTP-access'] });
  });
});

describe('JSON errors name the path and say what was wrong', () => {
  const cases: [string, WitType, unknown, string][] = [
    ['nested path', order, { items: [{ name: 'a', tags: [] }, { name: 'b', tags: [] }, { name: 12, tags: [] }] }, 'args[0].items[2].name: expected string, got 12'],
    ['bool', prim('bool'), 1, 'args[0]: expected bool (true or false), got 1'],
    ['u8 above', prim('u8'), 256, 'args[0]: 256 is out of range for u8 (0 to 255)'],
    ['u8 below', prim('u8'), -1, 'args[0]: -1 is out of range for u8 (0 to 255)'],
    ['u16 above', prim('u16'), 65536, 'args[0]: 65536 is out of range for u16 (0 to 65535)'],
    ['u32 above', prim('u32'), 4294967296, 'args[0]: 4294967296 is out of range for u32 (0 to 4294967295)'],
    ['s8 below', prim('s8'), -129, 'args[0]: -129 is out of range for s8 (-128 to 127)'],
    ['s16 above', prim('s16'), 32768, 'args[0]: 32768 is out of range for s16 (-32768 to 32767)'],
    ['s32 below', prim('s32'), -2147483649, 'args[0]: -2147483649 is out of range for s32 (-2147483648 to 2147483647)'],
    ['u32 fraction', prim('u32'), 1.5, 'args[0]: expected an integer (u32), got 1.5'],
    ['u32 string', prim('u32'), '3', 'args[0]: expected an integer (u32), got "3"'],
    ['u64 above', prim('u64'), '18446744073709551616', 'args[0]: 18446744073709551616 is out of range for u64 (0 to 18446744073709551615)'],
    ['u64 negative', prim('u64'), '-1', 'args[0]: -1 is out of range for u64 (0 to 18446744073709551615)'],
    ['s64 below', prim('s64'), '-9223372036854775809', 'args[0]: -9223372036854775809 is out of range for s64 (-9223372036854775808 to 9223372036854775807)'],
    ['s64 above', prim('s64'), '9223372036854775808', 'args[0]: 9223372036854775808 is out of range for s64 (-9223372036854775808 to 9223372036854775807)'],
    ['u64 unsafe number', prim('u64'), 2 ** 60, 'args[0]: 1152921504606847000 is beyond 2^53 and may have lost precision; write u64 values as decimal strings ("12345678901234567890")'],
    ['u64 word', prim('u64'), 'ten', 'args[0]: expected u64 as a decimal string or a safe integer, got "ten"'],
    ['f64 string', prim('f64'), '1.5', 'args[0]: expected f64 as a number (or "NaN", "Infinity", "-Infinity"), got "1.5"'],
    ['char two', prim('char'), 'ab', 'args[0]: expected char (exactly one Unicode scalar value), got "ab" (2 characters)'],
    ['char empty', prim('char'), '', 'args[0]: expected char (exactly one Unicode scalar value), got an empty string'],
    ['char lone surrogate', prim('char'), '\ud800', 'args[0]: expected char, got the lone surrogate U+D800 (not a Unicode scalar value)'],
    ['string lone surrogate', prim('string'), 'ab\udc00', 'args[0]: string has a lone surrogate U+DC00 at index 2; WIT strings must be valid Unicode'],
    ['list not array', list(prim('u32')), 'x', 'args[0]: expected an array (list<u32>), got "x"'],
    ['list<u8> string', list(prim('u8')), 'abc', 'args[0]: expected an array (list<u8>), got "abc"; list<u8> in JSON is an array of numbers 0–255'],
    ['list<u8> element', list(prim('u8')), [1, 300], 'args[0][1]: 300 is out of range for u8 (0 to 255)'],
    ['list<u8> Uint8Array in JSON', list(prim('u8')), new Uint8Array(1), 'args[0]: expected an array (list<u8>), got a Uint8Array; list<u8> in JSON is an array of numbers 0–255'],
    ['fixed list length', list(prim('u8'), 3), [1, 2], 'args[0]: expected 3 elements for list<u8, 3>, got 2'],
    ['tuple length', tuple(prim('u8'), prim('string')), [1], 'args[0]: expected 2 elements for tuple<u8, string>, got 1'],
    ['tuple element', tuple(prim('u8'), prim('string')), [1, 2], 'args[0][1]: expected string, got 2'],
    ['record not object', point, [1, 2], 'args[0]: expected an object (record point), got an array'],
    ['record unknown field', point, { 'x-coord': 1, y: 2, z: 3 }, 'args[0]: unknown field "z" in record point (fields: x-coord, y)'],
    ['record camelCase field', point, { xCoord: 1, y: 2 }, 'args[0]: unknown field "xCoord" in record point (fields: x-coord, y); did you mean "x-coord"? Fields use their WIT names'],
    ['record missing field', point, { 'x-coord': 1 }, 'args[0]: missing field "y" (f64) in record point'],
    ['variant not object', shape, 'circle', 'args[0]: expected { "tag": "circle" | "square" | "none", "val": … } (variant shape), got "circle"'],
    ['variant unknown case', shape, { tag: 'oval', val: 1 }, 'args[0]: unknown case "oval" for variant shape (cases: circle, square, none)'],
    ['variant missing tag', shape, { val: 1 }, 'args[0]: expected a "tag" naming a case of variant shape (circle, square, none), got nothing'],
    ['variant missing val', shape, { tag: 'circle' }, 'args[0]: case "circle" of variant shape needs a "val" (u32)'],
    ['variant extra val', shape, { tag: 'none', val: 1 }, 'args[0]: case "none" of variant shape has no payload; remove "val"'],
    ['variant extra key', shape, { tag: 'none', value: 1 }, 'args[0]: unexpected key "value" (only "tag" and "val")'],
    ['variant payload', shape, { tag: 'circle', val: -1 }, 'args[0].val: -1 is out of range for u32 (0 to 4294967295)'],
    ['enum unknown', color, 'blue', 'args[0]: unknown case "blue" for enum color (cases: red, dark-green)'],
    ['enum not string', color, 0, 'args[0]: expected a case name of enum color (red, dark-green), got 0'],
    ['flags not array', perms, { read: true }, 'args[0]: expected an array (the set flags of flags perms), got an object'],
    ['flags unknown', perms, ['read', 'exec'], 'args[0][1]: unknown flag "exec" for flags perms (flags: read, write-it, HTTP-access)'],
    ['flags duplicate', perms, ['read', 'read'], 'args[0][1]: flag "read" is listed twice'],
    ['flags not string', perms, [1], 'args[0][0]: expected a flag name, got 1'],
    ['option payload', option(prim('u32')), 'x', 'args[0]: expected an integer (u32), got "x"'],
    ['option undefined in JSON', option(prim('u32')), undefined, 'args[0]: expected an integer (u32), got nothing'],
    ['nested option bare null', option(option(prim('u32'))), null, 'args[0]: expected { "tag": "none" | "some", "val": … } (option<option<u32>>), got null'],
    ['nested option bare value', option(option(prim('u32'))), 5, 'args[0]: expected { "tag": "none" | "some", "val": … } (option<option<u32>>), got 5'],
    ['result unknown tag', result(prim('u32'), prim('string')), { tag: 'error', val: 'x' }, 'args[0]: unknown case "error" for result<u32, string> (cases: ok, err)'],
    ['result err payload', result(prim('u32'), prim('string')), { tag: 'err', val: 1 }, 'args[0].val: expected string, got 1'],
    ['result missing ok side', result(null, prim('string')), { tag: 'ok', val: 1 }, 'args[0]: case "ok" of result<_, string> has no payload; remove "val"'],
    ['resource not handle', own('counter'), 3, 'args[0]: expected a counter handle { "resource": "counter", "handle": <n> }, got 3'],
    ['resource wrong kind', own('counter'), { resource: 'file', handle: 1 }, 'args[0]: expected a counter handle, got a "file" handle'],
    ['resource bad handle', own('counter'), { resource: 'counter', handle: 0 }, 'args[0].handle: expected a positive integer handle, got 0'],
    ['stream', { kind: 'stream', type: null }, null, 'args[0]: stream values cannot be written or passed here'],
    ['record in list', list(item), [{ name: 'a' }], 'args[0][0]: missing field "tags" (list<string>) in record item'],
  ];
  it.each(cases)('%s', (_label, type, json, message) => {
    expect(fromJson(type, json, 'args[0]')).toEqual({ ok: false, error: message });
  });

  it('API mode names BigInt and typed-array mistakes', () => {
    expect(checkValue(prim('u32'), 5n, 'args[1]')).toEqual({ ok: false, error: 'args[1]: expected u32 as a number, got 5n (a BigInt)' });
    expect(checkValue(prim('u64'), 1.5, 'args[1]')).toEqual({ ok: false, error: 'args[1]: expected u64 as a BigInt, a safe integer or a decimal string, got 1.5' });
    expect(checkValue(prim('u64'), -1n, 'args[1]')).toEqual({ ok: false, error: 'args[1]: -1 is out of range for u64 (0 to 18446744073709551615)' });
    expect(fromJson(prim('u64'), 5n, 'args[1]')).toEqual({ ok: false, error: 'args[1]: expected u64 as a decimal string or a safe integer, got 5n (a BigInt)' });
  });
});
