/** One value of every WIT type kind in JSON and API form, for the round-trip tests. */
import type { WitType } from '../../../wasm/wit/types';
import type { JsonValue, WitValue } from './types';
import { borrow, color, list, option, order, own, perms, point, prim, result, shape, tuple } from './testTypes';

export interface Case {
  label: string;
  type: WitType;
  json: JsonValue;
  value: WitValue;
}

const c = (label: string, type: WitType, json: JsonValue, value: WitValue): Case => ({ label, type, json, value });
const same = (label: string, type: WitType, both: JsonValue): Case => c(label, type, both, both as WitValue);

export const CASES: Case[] = [
  same('bool true', prim('bool'), true),
  same('bool false', prim('bool'), false),
  same('u8 min', prim('u8'), 0),
  same('u8 max', prim('u8'), 255),
  same('u16 max', prim('u16'), 65535),
  same('u32 max', prim('u32'), 4294967295),
  same('s8 min', prim('s8'), -128),
  same('s8 max', prim('s8'), 127),
  same('s16 min', prim('s16'), -32768),
  same('s16 max', prim('s16'), 32767),
  same('s32 min', prim('s32'), -2147483648),
  same('s32 max', prim('s32'), 2147483647),
  c('u64 min', prim('u64'), '0', 0n),
  c('u64 max', prim('u64'), '18446744073709551615', 18446744073709551615n),
  c('s64 min', prim('s64'), '-9223372036854775808', -9223372036854775808n),
  c('s64 max', prim('s64'), '9223372036854775807', 9223372036854775807n),
  same('f32', prim('f32'), 1.5),
  same('f64', prim('f64'), 0.1),
  c('f64 NaN', prim('f64'), 'NaN', NaN),
  c('f32 NaN', prim('f32'), 'NaN', NaN),
  c('f64 Infinity', prim('f64'), 'Infinity', Infinity),
  c('f64 -Infinity', prim('f64'), '-Infinity', -Infinity),
  c('f64 -0', prim('f64'), '-0', -0),
  same('char ASCII', prim('char'), 'a'),
  same('char astral', prim('char'), '😀'),
  same('string non-ASCII', prim('string'), 'héllo wörld 😀 中文'),
  same('string empty', prim('string'), ''),
  same('list<u32>', list(prim('u32')), [1, 2, 4294967295]),
  same('list<string> empty', list(prim('string')), []),
  c('list<u8>', list(prim('u8')), [0, 255, 7], new Uint8Array([0, 255, 7])),
  c('list<u8> empty', list(prim('u8')), [], new Uint8Array(0)),
  c('list<u64>', list(prim('u64')), ['1', '18446744073709551615'], [1n, 18446744073709551615n]),
  same('list<s32, 3>', list(prim('s32'), 3), [-1, 0, 1]),
  c('list<u8, 2>', list(prim('u8'), 2), [1, 2], new Uint8Array([1, 2])),
  same('tuple<u8, string>', tuple(prim('u8'), prim('string')), [1, 'x']),
  c('tuple<s64, char>', tuple(prim('s64'), prim('char')), ['-5', 'é'], [-5n, 'é']),
  same('record with kebab names', point, { 'x-coord': -3, y: 2.5 }),
  same('nested records and lists', order, { items: [{ name: 'a', tags: ['x', 'y'] }, { name: 'b', tags: [] }] }),
  same('variant with payload', shape, { tag: 'circle', val: 3 }),
  c('variant with u64 payload', shape, { tag: 'square', val: '18446744073709551615' }, { tag: 'square', val: 18446744073709551615n }),
  same('variant without payload', shape, { tag: 'none' }),
  same('enum', color, 'dark-green'),
  same('flags some', perms, ['read', 'HTTP-access']),
  same('flags none', perms, []),
  same('option none', option(prim('u32')), null),
  same('option some', option(prim('u32')), 5),
  same('option<string> some empty', option(prim('string')), ''),
  same('option<option> none', option(option(prim('u32'))), { tag: 'none' }),
  same('option<option> some(none)', option(option(prim('u32'))), { tag: 'some', val: null }),
  same('option<option> some(some)', option(option(prim('u32'))), { tag: 'some', val: 5 }),
  same('option<option<option>> some(some(none))', option(option(option(prim('u32')))), { tag: 'some', val: { tag: 'some', val: null } }),
  same('option<option<option>> some(none)', option(option(option(prim('u32')))), { tag: 'some', val: { tag: 'none' } }),
  same('result ok', result(prim('u32'), prim('string')), { tag: 'ok', val: 1 }),
  same('result err', result(prim('u32'), prim('string')), { tag: 'err', val: 'bad' }),
  same('result<_, string> ok', result(null, prim('string')), { tag: 'ok' }),
  same('result<u32> err', result(prim('u32'), null), { tag: 'err' }),
  same('result (no types) ok', result(null, null), { tag: 'ok' }),
  same('result (no types) err', result(null, null), { tag: 'err' }),
  same('own', own('counter'), { resource: 'counter', handle: 1 }),
  same('borrow', borrow('counter'), { resource: 'counter', handle: 2 }),
  same('option<own>', option(own('counter')), { resource: 'counter', handle: 3 }),
];
