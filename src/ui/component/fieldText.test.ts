import { describe, expect, it } from 'vitest';
import type { WitType } from '../../wasm/wit/types';
import { argFieldError, bytesOfStored, decodeText, encodeNumber, fieldKindOf, initialText } from './fieldText';

describe('fieldKindOf', () => {
  it('gives flat types a widget and everything else the JSON editor', () => {
    expect(fieldKindOf({ kind: 'bool' })).toBe('bool');
    expect(fieldKindOf({ kind: 's64' })).toBe('number');
    expect(fieldKindOf({ kind: 'char' })).toBe('char');
    expect(fieldKindOf({ kind: 'enum', cases: ['a'] })).toBe('enum');
    expect(fieldKindOf({ kind: 'option', type: { kind: 'u32' } })).toBe('option');
    expect(fieldKindOf({ kind: 'option', type: { kind: 'option', type: { kind: 'u32' } } })).toBe('json');
    expect(fieldKindOf({ kind: 'list', element: { kind: 'u8' } })).toBe('bytes');
    expect(fieldKindOf({ kind: 'list', element: { kind: 'u16' } })).toBe('json');
    expect(fieldKindOf({ kind: 'record', fields: [] })).toBe('json');
  });
});

describe('number fields', () => {
  it('store 64-bit values as JSON strings and others as numbers, and show both back as typed', () => {
    expect(encodeNumber('u64', '18446744073709551615')).toBe('"18446744073709551615"');
    expect(encodeNumber('u32', '42')).toBe('42');
    expect(encodeNumber('f64', '1.50')).toBe('1.50');
    expect(encodeNumber('u32', 'abc')).toBe('"abc"');
    expect(decodeText('"18446744073709551615"')).toBe('18446744073709551615');
    expect(decodeText('1.50')).toBe('1.50');
    expect(decodeText('"abc"')).toBe('abc');
  });

  it('report the field check with the argument path', () => {
    const u8: WitType = { kind: 'u8' };
    expect(argFieldError(u8, encodeNumber('u8', '300'), 'args[0]')).toBe('args[0]: expected u8 (0 to 255), got 300 (out of range)');
    expect(argFieldError(u8, encodeNumber('u8', 'x'), 'args[0]')).toBe('args[0]: expected u8 (0 to 255), got "x"');
    expect(argFieldError(u8, encodeNumber('u8', '7'), 'args[0]')).toBeNull();
  });
});

describe('JSON fields', () => {
  const point: WitType = { kind: 'record', fields: [{ name: 'name', type: { kind: 'string' } }, { name: 'x', type: { kind: 'u32' } }] };
  const items: WitType = { kind: 'list', element: point };

  it('start from a template that passes the check', () => {
    // A list's template shows one example element, so the shape is visible.
    expect(JSON.parse(initialText(items))).toEqual([{ name: '', x: 0 }]);
    expect(argFieldError(point, initialText(point), 'args[0]')).toBeNull();
    expect(argFieldError({ kind: 'u64' }, initialText({ kind: 'u64' }), 'args[0]')).toBeNull();
  });

  it('name the path of a nested error', () => {
    expect(argFieldError(items, '[{"name":"a","x":1},{"name":12,"x":2}]', 'args[0]')).toBe('args[0][1].name: expected string, got 12');
    expect(argFieldError(items, '[{', 'args[0]')).toMatch(/^args\[0\]: not valid JSON/);
  });
});

describe('bytes fields', () => {
  it('read back a stored byte array, and refuse anything else', () => {
    expect(bytesOfStored('[0,97,255]')).toEqual([0, 97, 255]);
    expect(bytesOfStored('[256]')).toBeNull();
    expect(bytesOfStored('"x"')).toBeNull();
  });
});
