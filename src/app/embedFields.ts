/**
 * Field parsers shared by the embed request guards: each returns a fresh, typed copy of the
 * value or an `Invalid` naming the field and what it must be.
 */
import { MAX_LIST_ENTRIES, MAX_NAME_LENGTH } from './embedLimits';

/** What was wrong with one field. */
export class Invalid {
  constructor(readonly message: string) {}
}

export type Parse<T> = (value: unknown, at: string) => T | Invalid;

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A message naming the first key of `value` not in `allowed`. */
export function onlyKeys(value: Record<string, unknown>, allowed: readonly string[], at: string): string | undefined {
  for (const key in value) {
    if (Object.hasOwn(value, key) && !allowed.includes(key)) {
      return `${at} has an unknown field "${key.slice(0, 64)}"; the fields are: ${allowed.join(', ')}.`;
    }
  }
  return undefined;
}

/** A whole number in [min, max]. */
export function integer(min: number, max: number): Parse<number> {
  return (value, at) =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
      ? value
      : new Invalid(`${at} must be a whole number from ${min} to ${max} (got ${typeof value === 'number' ? String(value) : typeof value}).`);
}

export const boolean: Parse<boolean> = (value, at) => (typeof value === 'boolean' ? value : new Invalid(`${at} must be true or false.`));

/** One of a fixed set of strings. */
export function choice<T extends string>(choices: readonly T[]): Parse<T> {
  return (value, at) => choices.find((c) => c === value) ?? new Invalid(`${at} must be one of ${choices.map((c) => `"${c}"`).join(', ')}.`);
}

/** A string; optionally bounded, non-empty, or without NUL (WASI argv and env are C strings: they end at NUL). */
export function text(options: { maxLength?: number; noNul?: boolean; nonEmpty?: boolean } = {}): Parse<string> {
  return (value, at) => {
    if (typeof value !== 'string') return new Invalid(`${at} must be a string.`);
    if (options.nonEmpty && value.length === 0) return new Invalid(`${at} must not be empty.`);
    if (options.maxLength !== undefined && value.length > options.maxLength) return new Invalid(`${at} must be at most ${options.maxLength} characters (got ${value.length}).`);
    if (options.noNul && value.includes('\0')) return new Invalid(`${at} must not contain a NUL character (the guest would see the text cut there).`);
    return value;
  };
}

/** A name: 1 to MAX_NAME_LENGTH characters. */
export const name: Parse<string> = text({ maxLength: MAX_NAME_LENGTH, nonEmpty: true });

/** An array of at most MAX_LIST_ENTRIES items, each parsed by `item`. */
export function list<T>(item: Parse<T>): Parse<T[]> {
  return (value, at) => {
    if (!Array.isArray(value)) return new Invalid(`${at} must be an array.`);
    if (value.length > MAX_LIST_ENTRIES) return new Invalid(`${at} has ${value.length} entries; at most ${MAX_LIST_ENTRIES} are accepted.`);
    const out: T[] = [];
    for (let i = 0; i < value.length; i++) {
      const parsed = item(value[i], `${at}[${i}]`);
      if (parsed instanceof Invalid) return parsed;
      out.push(parsed);
    }
    return out;
  };
}

/** A `{ key: value }` object of at most MAX_LIST_ENTRIES entries, rebuilt with a null prototype. */
export function record<T>(key: Parse<string>, item: Parse<T>): Parse<Record<string, T>> {
  return (value, at) => {
    if (!isRecord(value)) return new Invalid(`${at} must be an object of name → value.`);
    const out: Record<string, T> = Object.create(null) as Record<string, T>;
    let count = 0;
    for (const k in value) {
      if (!Object.hasOwn(value, k)) continue;
      if (++count > MAX_LIST_ENTRIES) return new Invalid(`${at} has more than ${MAX_LIST_ENTRIES} entries.`);
      const label = `${at}["${k.slice(0, 64)}"]`;
      const parsedKey = key(k, `the key ${label}`);
      if (parsedKey instanceof Invalid) return parsedKey;
      const parsed = item(value[k], label);
      if (parsed instanceof Invalid) return parsed;
      out[parsedKey] = parsed;
    }
    return out;
  };
}

/** Bytes as the API takes them: text (UTF-8 encoded), ArrayBuffer or Uint8Array. */
export const bytes: Parse<string | ArrayBuffer | Uint8Array> = (value, at) =>
  typeof value === 'string' || value instanceof ArrayBuffer || value instanceof Uint8Array ? value : new Invalid(`${at} must be text, an ArrayBuffer or a Uint8Array.`);
