/** Names of WIT things as people and jco see them. */
import { formatType } from '../../../wasm/wit/format';
import type { WitType } from '../../../wasm/wit/types';

/**
 * jco's JS name for a WIT identifier (record fields, flags): heck's lowerCamelCase of the kebab
 * words, `x-coord` → `xCoord`, `HTTP-server` → `httpServer` (WIT words are all lower or all upper).
 */
export function jsName(witName: string): string {
  return witName
    .split('-')
    .map((word, i) => {
      const lower = word.toLowerCase();
      return i === 0 ? lower : lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join('');
}

/** The type as WIT writes it where it is used: its name if it has one, else its structure. */
export function typeLabel(type: WitType): string {
  return formatType(type);
}

/** What kind of definition a named type is, for messages: `record point`, `variant shape`. */
export function kindLabel(type: WitType): string {
  return type.name && ['record', 'variant', 'enum', 'flags'].includes(type.kind) ? `${type.kind} ${type.name}` : typeLabel(type);
}

/**
 * Options in the JSON and API forms are the payload or `null`, except an option whose payload is
 * itself an option: that one is tagged (`{ "tag": "none" }` / `{ "tag": "some", "val": … }`) so
 * `none` and `some(none)` differ. Any depth: only options directly holding an option are tagged.
 */
export function isTaggedOption(type: WitType & { kind: 'option' }): boolean {
  return type.type.kind === 'option';
}

/** A short rendering of a bad input for messages: `12`, `"abc"`, `an object`. */
export function got(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Uint8Array) return 'a Uint8Array';
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  if (typeof value === 'bigint') return `${value}n (a BigInt)`;
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'function') return 'a function';
  return String(value);
}
