/**
 * Readers for one field of an untrusted share payload. Each returns the value when it is well-typed
 * and within its cap, else undefined, and adds a warning for anything it cut or dropped. A missing
 * field (undefined) is not worth a warning. Lists are cut before their items are looked at, so a
 * huge list costs no more than a short one.
 */
import { MAX_TEXT_CHARS } from './limits';

/** Human-readable notes about what was cut or dropped, e.g. "args: kept the first 1000 of 200000". */
export type Warnings = string[];

/** A string of at most `max` characters. */
export function readText(value: unknown, field: string, warnings: Warnings, max = MAX_TEXT_CHARS): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return drop(field, `it is ${describe(value)}, not text`, warnings);
  if (value.length > max) return drop(field, `its ${value.length} characters are over the limit of ${max}`, warnings);
  return value;
}

/** A boolean. */
export function readBoolean(value: unknown, field: string, warnings: Warnings): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') return drop(field, `it is ${describe(value)}, not true or false`, warnings);
  return value;
}

/** The first `maxItems` strings of a list; the whole list is dropped if one of those is not short text. */
export function readTextList(value: unknown, field: string, maxItems: number, warnings: Warnings): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return drop(field, `it is ${describe(value)}, not a list`, warnings);
  const kept = keepFirst(value, field, maxItems, warnings);
  // Dropping one item would shift the positions of the rest (args, argv), so a bad item drops them all.
  for (let i = 0; i < kept.length; i++) {
    const item: unknown = kept[i];
    if (typeof item !== 'string') return drop(field, `item ${i + 1} is ${describe(item)}, not text`, warnings);
    if (item.length > MAX_TEXT_CHARS) return drop(field, `item ${i + 1} has ${item.length} characters, over the limit of ${MAX_TEXT_CHARS}`, warnings);
  }
  return kept as string[];
}

/** The first `maxEntries` entries of a string-to-string record; entries that are not short text are left out. */
export function readTextRecord(value: unknown, field: string, maxEntries: number, warnings: Warnings): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) return drop(field, `it is ${describe(value)}, not a set of names and values`, warnings);
  const keys = keepFirst(Object.keys(value), field, maxEntries, warnings, 'entries');
  // A null-prototype object: keys like "__proto__" from a link stay plain data.
  const out = Object.create(null) as Record<string, string>;
  let bad = 0;
  for (const key of keys) {
    const v = value[key];
    if (typeof v === 'string' && v.length <= MAX_TEXT_CHARS && key.length <= MAX_TEXT_CHARS) out[key] = v;
    else bad++;
  }
  if (bad > 0) warnings.push(`${field}: left out ${bad} ${bad === 1 ? 'entry' : 'entries'} whose name or value is not text of at most ${MAX_TEXT_CHARS} characters`);
  return out;
}

/** The first `max` items, with a warning when there were more. */
export function keepFirst<T>(items: readonly T[], field: string, max: number, warnings: Warnings, noun = 'items'): T[] {
  if (items.length <= max) return items.slice();
  warnings.push(`${field}: kept the first ${max} of ${items.length} ${noun} (a link holds at most ${max})`);
  return items.slice(0, max);
}

export function drop(field: string, why: string, warnings: Warnings): undefined {
  warnings.push(`${field}: left out because ${why}`);
  return undefined;
}

/** "a number", "a list", "null", … for messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
