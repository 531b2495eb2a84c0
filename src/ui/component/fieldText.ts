/**
 * How each WIT parameter is edited, and the JSON text a field stores for what is typed in it (the
 * argument texts are JSON: share links and the API read them the same way). Pure: tested alone.
 */
import { checkFlat, isIntKind, isPrimitive, isWideInt, parseArgText } from '../../state/witArgs';
import type { WitType } from '../../wasm/wit/types';
import { fromJson, template } from '../../runners/component/values';

export type FieldKind = 'bool' | 'number' | 'char' | 'string' | 'enum' | 'flags' | 'option' | 'bytes' | 'json';

/** The widget for a type; everything without one is edited as JSON. */
export function fieldKindOf(type: WitType): FieldKind {
  if (type.kind === 'bool') return 'bool';
  if (isIntKind(type.kind) || type.kind === 'f32' || type.kind === 'f64') return 'number';
  if (type.kind === 'char') return 'char';
  if (type.kind === 'string') return 'string';
  if (type.kind === 'enum') return 'enum';
  if (type.kind === 'flags') return 'flags';
  if (type.kind === 'list' && type.element.kind === 'u8' && type.length === undefined) return 'bytes';
  // option<T> gets a "none" box and T's own widget when T has one (not another option, not JSON).
  if (type.kind === 'option') return isPrimitive(type.type) || type.type.kind === 'enum' || type.type.kind === 'flags' ? 'option' : 'json';
  return 'json';
}

const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * The stored text for a number typed in a field: the number itself, or a JSON string for 64-bit
 * integers (exact past 2^53) and for anything that is not a number (so the check can quote it).
 */
export function encodeNumber(kind: string, typed: string): string {
  const t = typed.trim();
  if (isWideInt(kind)) return JSON.stringify(t);
  return JSON_NUMBER.test(t) ? t : JSON.stringify(typed);
}

/** What a text field shows for a stored text: a JSON string's content, a number as written, else the text. */
export function decodeText(stored: string): string {
  try {
    const v: unknown = JSON.parse(stored);
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return stored.trim();
  } catch {
    // not JSON: shown as it is (the error says why)
  }
  return stored;
}

/** The stored value of a field as JSON, or undefined when it is not valid JSON. */
export function storedJson(stored: string): unknown {
  try {
    return JSON.parse(stored) as unknown;
  } catch {
    return undefined;
  }
}

/** The text a parameter starts with: its template, pretty for the JSON editor. */
export function initialText(type: WitType): string {
  return fieldKindOf(type) === 'json' ? JSON.stringify(template(type), null, 2) : JSON.stringify(template(type));
}

/**
 * What is wrong with a stored argument text, or null: JSON syntax, then the field's own check
 * (ranges, one char, …), then the whole type (records, lists, variants, …).
 */
export function argFieldError(type: WitType, text: string, path: string): string | null {
  const parsed = parseArgText(text, path);
  if (!parsed.ok) return parsed.error;
  const flat = checkFlat(type, parsed.json, path);
  if (flat !== undefined) return flat;
  const deep = fromJson(type, parsed.json, path);
  return deep.ok ? null : deep.error;
}

/** Bytes as lower-case hex pairs separated by spaces. */
export function toHex(bytes: ArrayLike<number>): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
}

/** A stored `list<u8>` text's bytes, when it is a JSON array of bytes. */
export function bytesOfStored(stored: string): number[] | null {
  const v = storedJson(stored);
  return Array.isArray(v) && v.every((b) => typeof b === 'number' && Number.isInteger(b) && b >= 0 && b <= 255) ? (v as number[]) : null;
}
