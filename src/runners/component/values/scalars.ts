/** Checks of WIT scalar values shared by the JSON, API and jco walkers. */
import type { WitPrimitive } from '../../../wasm/wit/types';
import { got } from './names';
import { ValueError } from './valueError';

type IntKind = 'u8' | 'u16' | 'u32' | 's8' | 's16' | 's32';
const INT_RANGES: Record<IntKind, [number, number]> = {
  u8: [0, 0xff],
  u16: [0, 0xffff],
  u32: [0, 0xffff_ffff],
  s8: [-0x80, 0x7f],
  s16: [-0x8000, 0x7fff],
  s32: [-0x8000_0000, 0x7fff_ffff],
};
const BIG_RANGES: Record<'u64' | 's64', [bigint, bigint]> = {
  u64: [0n, 0xffff_ffff_ffff_ffffn],
  s64: [-0x8000_0000_0000_0000n, 0x7fff_ffff_ffff_ffffn],
};

export const isSmallInt = (kind: WitPrimitive): kind is IntKind => kind in INT_RANGES;
export const isBigInt = (kind: WitPrimitive): kind is 'u64' | 's64' => kind === 'u64' || kind === 's64';

export function smallInt(kind: IntKind, value: unknown, path: string): number {
  const [min, max] = INT_RANGES[kind];
  if (typeof value === 'bigint') throw new ValueError(path, `expected ${kind} as a number, got ${got(value)}`);
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new ValueError(path, `expected an integer (${kind}), got ${got(value)}`);
  }
  if (value < min || value > max) throw new ValueError(path, `${value} is out of range for ${kind} (${min} to ${max})`);
  return value;
}

/** u64/s64: a BigInt, a safe-integer number, or a decimal string. */
export function bigInt(kind: 'u64' | 's64', value: unknown, path: string, allowBigInt: boolean): bigint {
  let big: bigint;
  if (typeof value === 'bigint' && allowBigInt) big = value;
  else if (typeof value === 'number' && Number.isInteger(value)) {
    if (!Number.isSafeInteger(value)) {
      throw new ValueError(path, `${value} is beyond 2^53 and may have lost precision; write ${kind} values as decimal strings ("12345678901234567890")`);
    }
    big = BigInt(value);
  } else if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) big = BigInt(value.trim());
  else {
    const forms = allowBigInt ? 'a BigInt, a safe integer or a decimal string' : 'a decimal string or a safe integer';
    throw new ValueError(path, `expected ${kind} as ${forms}, got ${got(value)}`);
  }
  const [min, max] = BIG_RANGES[kind];
  if (big < min || big > max) throw new ValueError(path, `${big} is out of range for ${kind} (${min} to ${max})`);
  return big;
}

const FLOAT_WORDS: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity, '-0': -0 };

/** f32/f64: a number, or "NaN", "Infinity", "-Infinity", "-0" (JSON has no way to write these). */
export function float(kind: 'f32' | 'f64', value: unknown, path: string): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value in FLOAT_WORDS) return FLOAT_WORDS[value]!;
  throw new ValueError(path, `expected ${kind} as a number (or "NaN", "Infinity", "-Infinity"), got ${got(value)}`);
}

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** Index of the first lone surrogate in `text`, or -1 (WIT strings are Unicode scalar values). */
function loneSurrogate(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return i;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) return i;
  }
  return -1;
}

export function string(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new ValueError(path, `expected string, got ${got(value)}`);
  const bad = loneSurrogate(value);
  if (bad >= 0) {
    throw new ValueError(path, `string has a lone surrogate ${hex(value.charCodeAt(bad))} at index ${bad}; WIT strings must be valid Unicode`);
  }
  return value;
}

export function char(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new ValueError(path, `expected char (a one-character string), got ${got(value)}`);
  const scalars = [...value];
  if (scalars.length !== 1) {
    const what = scalars.length === 0 ? 'an empty string' : `${got(value)} (${scalars.length} characters)`;
    throw new ValueError(path, `expected char (exactly one Unicode scalar value), got ${what}`);
  }
  if (loneSurrogate(value) >= 0) {
    throw new ValueError(path, `expected char, got the lone surrogate ${hex(value.charCodeAt(0))} (not a Unicode scalar value)`);
  }
  return value;
}

export function bool(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new ValueError(path, `expected bool (true or false), got ${got(value)}`);
  return value;
}
