/** Parsing and printing WebAssembly number values for forms and the automation API. */
import type { ValType } from './types';
import type { WasmValue } from './types';

export type ParsedValue = { ok: true; value: WasmValue } | { ok: false; message: string };

const I32_MIN = -(2 ** 31);
const U32_MAX = 2 ** 32 - 1;
const I64_MIN = -(2n ** 63n);
const U64_MAX = 2n ** 64n - 1n;
const INTEGER = /^[+-]?(0x[0-9a-f]+|0b[01]+|0o[0-7]+|\d+)$/i;

/** Parse one argument for a parameter of `type`. Unsigned spellings wrap to signed, as the engine sees them. */
export function parseValue(type: ValType, input: number | bigint | string): ParsedValue {
  switch (type) {
    case 'i32':
      return parseI32(input);
    case 'i64':
      return parseI64(input);
    case 'f32':
    case 'f64':
      return parseFloatValue(type, input);
    default:
      return { ok: false, message: `${type} values can't be entered here: only i32, i64, f32 and f64 can.` };
  }
}

function parseI32(input: number | bigint | string): ParsedValue {
  const big = toBigInt(input);
  if (big === null) return { ok: false, message: 'Enter a whole number, e.g. 42, -7 or 0xff.' };
  if (big < BigInt(I32_MIN) || big > BigInt(U32_MAX)) return { ok: false, message: 'Out of range for i32: use -2147483648 to 4294967295.' };
  return { ok: true, value: Number(BigInt.asIntN(32, big)) };
}

function parseI64(input: number | bigint | string): ParsedValue {
  if (typeof input === 'number' && !Number.isSafeInteger(input)) {
    return { ok: false, message: 'This number is beyond 2^53 and lost precision as a JS number: pass it as a string or BigInt.' };
  }
  const big = toBigInt(input);
  if (big === null) return { ok: false, message: 'Enter a whole number, e.g. 9007199254740993 or -0x10.' };
  if (big < I64_MIN || big > U64_MAX) return { ok: false, message: 'Out of range for i64: use -2^63 to 2^64-1.' };
  return { ok: true, value: BigInt.asIntN(64, big) };
}

function parseFloatValue(type: 'f32' | 'f64', input: number | bigint | string): ParsedValue {
  let value: number;
  if (typeof input === 'number') value = input;
  else if (typeof input === 'bigint') value = Number(input);
  else {
    const text = input.trim().toLowerCase().replace(/_/g, '');
    if (text === 'nan' || text === '+nan' || text === '-nan') value = NaN;
    else if (/^[+-]?(inf|infinity)$/.test(text)) value = text.startsWith('-') ? -Infinity : Infinity;
    else if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(text)) value = Number(text);
    else return { ok: false, message: `Enter a number for ${type}, e.g. 1.5, -2e10, inf or nan.` };
  }
  return { ok: true, value: type === 'f32' ? Math.fround(value) : value };
}

function toBigInt(input: number | bigint | string): bigint | null {
  if (typeof input === 'bigint') return input;
  if (typeof input === 'number') return Number.isInteger(input) ? BigInt(input) : null;
  const text = input.trim().replace(/_/g, '');
  if (!INTEGER.test(text)) return null;
  const negative = text.startsWith('-');
  const digits = text.replace(/^[+-]/, '');
  const magnitude = BigInt(digits);
  return negative ? -magnitude : magnitude;
}

/** Print a value as a person reads it (i64 without the `n`, -0 kept). */
export function formatValue(value: WasmValue): string {
  if (typeof value === 'bigint') return value.toString();
  if (Object.is(value, -0)) return '-0';
  return String(value);
}
