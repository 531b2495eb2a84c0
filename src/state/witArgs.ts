/**
 * Checks of a component argument's JSON text (one per WIT parameter, as the form and share links
 * keep them) that need only the type: JSON syntax, and the flat types a form field edits (bool,
 * integers with their ranges, floats, char, string, enum, flags, option of those). The form shows
 * these messages at the field and Run refuses with the same ones; deeper types (records, lists,
 * variants, …) are checked against the whole type by the component values module.
 */
import type { WitPrimitive, WitType } from '../wasm/wit/types';

export type IntKind = 'u8' | 'u16' | 'u32' | 'u64' | 's8' | 's16' | 's32' | 's64';

export const INT_RANGES: Record<IntKind, { min: bigint; max: bigint }> = {
  u8: { min: 0n, max: 255n },
  u16: { min: 0n, max: 65535n },
  u32: { min: 0n, max: 4294967295n },
  u64: { min: 0n, max: 18446744073709551615n },
  s8: { min: -128n, max: 127n },
  s16: { min: -32768n, max: 32767n },
  s32: { min: -2147483648n, max: 2147483647n },
  s64: { min: -9223372036854775808n, max: 9223372036854775807n },
};

export function isIntKind(kind: string): kind is IntKind {
  return kind in INT_RANGES;
}

/** 64-bit integers travel as decimal strings in JSON (exact beyond 2^53). */
export function isWideInt(kind: string): kind is 'u64' | 's64' {
  return kind === 'u64' || kind === 's64';
}

/** JSON text → value, or what is wrong, named by `path`. */
export function parseArgText(text: string, path: string): { ok: true; json: unknown } | { ok: false; error: string } {
  if (text.trim() === '') return { ok: false, error: `${path}: no value given; enter one` };
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch (err) {
    return { ok: false, error: `${path}: not valid JSON (${err instanceof Error ? err.message : String(err)})` };
  }
}

/** How a value is shown in a message: as JSON, short. */
function shown(json: unknown): string {
  if (json === undefined) return 'nothing';
  const text = typeof json === 'string' && hasLoneSurrogate(json) ? 'a string with a lone surrogate' : (JSON.stringify(json) ?? String(json));
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function hasLoneSurrogate(s: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

/** An integer of `kind`: a JSON number (a decimal string for u64/s64); null when it fits. */
export function checkInt(kind: IntKind, json: unknown, path: string): string | null {
  const { min, max } = INT_RANGES[kind];
  const expected = isWideInt(kind) ? `${kind} as a decimal string (${min} to ${max})` : `${kind} (${min} to ${max})`;
  let value: bigint;
  if (isWideInt(kind)) {
    if (typeof json !== 'string' || !/^-?\d+$/.test(json.trim())) return `${path}: expected ${expected}, got ${shown(json)}`;
    value = BigInt(json.trim());
  } else {
    if (typeof json !== 'number' || !Number.isInteger(json)) return `${path}: expected ${expected}, got ${shown(json)}`;
    value = BigInt(json);
  }
  return value < min || value > max ? `${path}: expected ${expected}, got ${shown(json)} (out of range)` : null;
}

const FLOAT_WORDS = new Set(['NaN', 'Infinity', '-Infinity']);

/** f32/f64: a JSON number, or "NaN", "Infinity", "-Infinity" (JSON has no literals for them). */
export function checkFloat(kind: 'f32' | 'f64', json: unknown, path: string): string | null {
  if (typeof json === 'number' || (typeof json === 'string' && FLOAT_WORDS.has(json))) return null;
  return `${path}: expected ${kind} (a number, or "NaN", "Infinity", "-Infinity"), got ${shown(json)}`;
}

/** Exactly one Unicode scalar value (a surrogate half alone is not one). */
export function checkChar(json: unknown, path: string): string | null {
  if (typeof json !== 'string') return `${path}: expected char (one character as a JSON string), got ${shown(json)}`;
  const chars = [...json];
  if (chars.length !== 1) return `${path}: expected char (exactly one Unicode character), got ${chars.length === 0 ? 'an empty string' : `${chars.length} characters`}`;
  if (hasLoneSurrogate(json)) return `${path}: expected char (a Unicode scalar value), got a lone surrogate`;
  return null;
}

/**
 * The check of a flat type's value: an error, null when valid, or undefined when the type is not
 * flat (the component values module checks it against the whole type).
 */
export function checkFlat(type: WitType, json: unknown, path: string): string | null | undefined {
  const kind = type.kind;
  if (isIntKind(kind)) return checkInt(kind, json, path);
  switch (kind) {
    case 'bool':
      return typeof json === 'boolean' ? null : `${path}: expected bool (true or false), got ${shown(json)}`;
    case 'f32':
    case 'f64':
      return checkFloat(kind, json, path);
    case 'char':
      return checkChar(json, path);
    case 'string':
      if (typeof json !== 'string') return `${path}: expected string, got ${shown(json)}`;
      return hasLoneSurrogate(json) ? `${path}: expected string (valid Unicode), got a lone surrogate` : null;
    case 'enum':
      return typeof json === 'string' && type.cases.includes(json) ? null : `${path}: expected one of ${type.cases.map((c) => JSON.stringify(c)).join(', ')}, got ${shown(json)}`;
    case 'flags': {
      if (!Array.isArray(json)) return `${path}: expected an array of flag names (${type.flags.join(', ')}), got ${shown(json)}`;
      for (let i = 0; i < json.length; i++) {
        const f: unknown = json[i];
        if (typeof f !== 'string' || !type.flags.includes(f)) return `${path}[${i}]: expected one of ${type.flags.map((c) => JSON.stringify(c)).join(', ')}, got ${shown(f)}`;
        if (json.indexOf(f) !== i) return `${path}[${i}]: flag ${JSON.stringify(f)} is set twice`;
      }
      return null;
    }
    case 'option':
      return json === null ? null : checkFlat(type.type, json, path);
    default:
      return undefined;
  }
}

/** Whether a type is a primitive (a single form field). */
export function isPrimitive(type: WitType): type is WitType & { kind: WitPrimitive } {
  return isIntKind(type.kind) || ['bool', 'f32', 'f64', 'char', 'string'].includes(type.kind);
}

/**
 * The first problem, in parameter order, that the type alone can find in argument texts, or that
 * a field reported apart (`fieldErrors[i]`); null when none (deep types are left to the values module).
 */
export function argsTextError(types: readonly WitType[], texts: readonly string[], fieldErrors: readonly (string | undefined)[] = []): string | null {
  for (let i = 0; i < types.length; i++) {
    const path = `args[${i}]`;
    const reported = fieldErrors[i];
    if (reported) return reported;
    const parsed = parseArgText(texts[i] ?? '', path);
    if (!parsed.ok) return parsed.error;
    const error = checkFlat(types[i]!, parsed.json, path);
    if (error) return error;
  }
  return null;
}
