import { describe, expect, it } from 'vitest';
import { formatValue, parseValue } from './values';

describe('parseValue', () => {
  it('parses i32 in decimal, hex and unsigned spelling', () => {
    expect(parseValue('i32', '42')).toEqual({ ok: true, value: 42 });
    expect(parseValue('i32', ' -7 ')).toEqual({ ok: true, value: -7 });
    expect(parseValue('i32', '0xff')).toEqual({ ok: true, value: 255 });
    expect(parseValue('i32', '4294967295')).toEqual({ ok: true, value: -1 });
    expect(parseValue('i32', 3)).toEqual({ ok: true, value: 3 });
  });
  it('rejects bad i32 input with a reason', () => {
    for (const bad of ['', 'abc', '1.5', '4294967296', '-2147483649', '1e3']) {
      const r = parseValue('i32', bad);
      expect(r.ok, bad).toBe(false);
    }
    expect(parseValue('i32', 1.5).ok).toBe(false);
  });
  it('keeps i64 exact as BigInt beyond 2^53', () => {
    expect(parseValue('i64', '9007199254740993')).toEqual({ ok: true, value: 9007199254740993n });
    expect(parseValue('i64', '18446744073709551615')).toEqual({ ok: true, value: -1n });
    expect(parseValue('i64', '-9223372036854775808')).toEqual({ ok: true, value: -(2n ** 63n) });
    expect(parseValue('i64', 5n)).toEqual({ ok: true, value: 5n });
    expect(parseValue('i64', '18446744073709551616').ok).toBe(false);
    expect(parseValue('i64', 2 ** 60).ok).toBe(false);
  });
  it('parses floats including specials, rounding f32', () => {
    expect(parseValue('f64', '1.5')).toEqual({ ok: true, value: 1.5 });
    expect(parseValue('f64', '-2e3')).toEqual({ ok: true, value: -2000 });
    expect(parseValue('f64', 'inf')).toEqual({ ok: true, value: Infinity });
    expect(parseValue('f64', '-Infinity')).toEqual({ ok: true, value: -Infinity });
    const nan = parseValue('f64', 'NaN');
    expect(nan.ok && Number.isNaN(nan.value)).toBe(true);
    expect(parseValue('f32', '0.1')).toEqual({ ok: true, value: Math.fround(0.1) });
    expect(parseValue('f64', '').ok).toBe(false);
    expect(parseValue('f64', '1.2.3').ok).toBe(false);
  });
  it('refuses types the form cannot express', () => {
    const r = parseValue('v128', '0');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/v128/);
  });
});

describe('formatValue', () => {
  it('prints bigint without suffix and keeps -0', () => {
    expect(formatValue(5n)).toBe('5');
    expect(formatValue(-0)).toBe('-0');
    expect(formatValue(2.5)).toBe('2.5');
  });
});
