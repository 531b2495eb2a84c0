import { describe, expect, it } from 'vitest';
import type { WitType } from '../wasm/wit/types';
import { argsTextError, checkChar, checkFlat, checkInt, parseArgText } from './witArgs';

describe('checkInt', () => {
  it('accepts the ends of every range and refuses one past them', () => {
    expect(checkInt('u8', 255, 'args[0]')).toBeNull();
    expect(checkInt('u8', 256, 'args[0]')).toBe('args[0]: expected u8 (0 to 255), got 256 (out of range)');
    expect(checkInt('u8', -1, 'args[0]')).toMatch(/out of range/);
    expect(checkInt('s8', -128, 'a')).toBeNull();
    expect(checkInt('s8', -129, 'a')).toMatch(/out of range/);
    expect(checkInt('u32', 4294967295, 'a')).toBeNull();
    expect(checkInt('u32', 4294967296, 'a')).toMatch(/out of range/);
    expect(checkInt('s32', -2147483648, 'a')).toBeNull();
    expect(checkInt('s32', 2147483648, 'a')).toMatch(/out of range/);
  });

  it('keeps 64-bit values exact as decimal strings, past 2^53', () => {
    expect(checkInt('u64', '18446744073709551615', 'args[1]')).toBeNull();
    expect(checkInt('u64', '18446744073709551616', 'args[1]')).toMatch(/^args\[1\]: expected u64 as a decimal string .* \(out of range\)$/);
    expect(checkInt('s64', '-9223372036854775808', 'a')).toBeNull();
    expect(checkInt('s64', '-9223372036854775809', 'a')).toMatch(/out of range/);
    expect(checkInt('s64', '9007199254740993', 'a')).toBeNull();
    // A JSON number would lose digits: 64-bit values must be strings.
    expect(checkInt('u64', 5, 'a')).toMatch(/expected u64 as a decimal string/);
  });

  it('refuses fractions, text and strings for 32-bit kinds, quoting what was given', () => {
    expect(checkInt('u32', 1.5, 'args[0]')).toBe('args[0]: expected u32 (0 to 4294967295), got 1.5');
    expect(checkInt('u32', 'abc', 'args[0]')).toBe('args[0]: expected u32 (0 to 4294967295), got "abc"');
    expect(checkInt('u64', '12a', 'args[0]')).toMatch(/got "12a"$/);
  });
});

describe('checkChar', () => {
  it('takes exactly one Unicode scalar value, astral ones included', () => {
    expect(checkChar('a', 'c')).toBeNull();
    expect(checkChar('😀', 'c')).toBeNull(); // two UTF-16 units, one scalar value
    expect(checkChar('é', 'c')).toBeNull();
    expect(checkChar('ab', 'args[2]')).toBe('args[2]: expected char (exactly one Unicode character), got 2 characters');
    expect(checkChar('', 'c')).toMatch(/got an empty string/);
    expect(checkChar('\uD800', 'c')).toMatch(/lone surrogate/);
    expect(checkChar(65, 'c')).toMatch(/expected char \(one character as a JSON string\), got 65/);
  });
});

describe('checkFlat', () => {
  const opt: WitType = { kind: 'option', type: { kind: 'u8' } };
  const colour: WitType = { kind: 'enum', cases: ['red', 'green'] };
  const perms: WitType = { kind: 'flags', flags: ['read', 'write'] };

  it('checks option<T> as null or a T', () => {
    expect(checkFlat(opt, null, 'a')).toBeNull();
    expect(checkFlat(opt, 7, 'a')).toBeNull();
    expect(checkFlat(opt, 300, 'args[0]')).toMatch(/^args\[0\]: expected u8 .*out of range/);
  });

  it('checks enums and flags by name', () => {
    expect(checkFlat(colour, 'green', 'a')).toBeNull();
    expect(checkFlat(colour, 'blue', 'args[0]')).toBe('args[0]: expected one of "red", "green", got "blue"');
    expect(checkFlat(perms, ['write'], 'a')).toBeNull();
    expect(checkFlat(perms, ['read', 'exec'], 'args[0]')).toBe('args[0][1]: expected one of "read", "write", got "exec"');
    expect(checkFlat(perms, ['read', 'read'], 'a')).toMatch(/set twice/);
  });

  it('leaves deep types to the values module', () => {
    expect(checkFlat({ kind: 'list', element: { kind: 'string' } }, 5, 'a')).toBeUndefined();
    expect(checkFlat({ kind: 'option', type: { kind: 'record', fields: [] } }, 5, 'a')).toBeUndefined();
    expect(checkFlat({ kind: 'option', type: { kind: 'record', fields: [] } }, null, 'a')).toBeNull();
  });

  it('refuses strings with lone surrogates and non-numbers for floats', () => {
    expect(checkFlat({ kind: 'string' }, 'ok \uDC00', 'a')).toMatch(/lone surrogate/);
    expect(checkFlat({ kind: 'f64' }, 'NaN', 'a')).toBeNull();
    expect(checkFlat({ kind: 'f32' }, 'x', 'a')).toMatch(/expected f32/);
  });
});

describe('argsTextError', () => {
  const types: WitType[] = [{ kind: 'u32' }, { kind: 'string' }];
  it('names the first bad argument, empty and malformed JSON included', () => {
    expect(argsTextError(types, ['3', '"x"'])).toBeNull();
    expect(argsTextError(types, ['3'])).toBe('args[1]: no value given; enter one');
    expect(argsTextError(types, ['3', 'x'])).toMatch(/^args\[1\]: not valid JSON/);
    expect(argsTextError(types, ['-1', '"x"'])).toMatch(/^args\[0\]: expected u32/);
  });
  it('parses JSON texts', () => {
    expect(parseArgText(' [1, 2] ', 'p')).toEqual({ ok: true, json: [1, 2] });
  });
});
