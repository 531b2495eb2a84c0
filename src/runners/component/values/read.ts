/**
 * Reads a JSON value (form editor, share links) or an API value into a checked WitValue. Both
 * forms share shapes; they differ in 64-bit integers (decimal strings vs BigInt) and `list<u8>`
 * (number arrays vs Uint8Array). Every error names the path of the bad part.
 */
import type { WitCase, WitType } from '../../../wasm/wit/types';
import { got, isTaggedOption, kindLabel, typeLabel } from './names';
import { bigInt, bool, char, float, smallInt, string } from './scalars';
import type { WitValue } from './types';
import { ValueError } from './valueError';

export type ReadMode = 'json' | 'api';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);

export function readValue(type: WitType, value: unknown, path: string, mode: ReadMode): WitValue {
  switch (type.kind) {
    case 'bool':
      return bool(value, path);
    case 'u8':
    case 'u16':
    case 'u32':
    case 's8':
    case 's16':
    case 's32':
      return smallInt(type.kind, value, path);
    case 'u64':
    case 's64':
      return bigInt(type.kind, value, path, mode === 'api');
    case 'f32':
    case 'f64':
      return float(type.kind, value, path);
    case 'char':
      return char(value, path);
    case 'string':
      return string(value, path);
    case 'list':
      return readList(type, value, path, mode);
    case 'tuple': {
      const items = arrayOf(value, path, `tuple (${typeLabel(type)})`);
      if (items.length !== type.types.length) {
        throw new ValueError(path, `expected ${type.types.length} elements for ${typeLabel(type)}, got ${items.length}`);
      }
      return type.types.map((t, i) => readValue(t, items[i], `${path}[${i}]`, mode));
    }
    case 'record':
      return readRecord(type, value, path, mode);
    case 'variant':
      return readTagged(type, type.cases, value, path, mode);
    case 'result':
      return readTagged(type, [{ name: 'ok', type: type.ok }, { name: 'err', type: type.err }], value, path, mode);
    case 'option':
      if (isTaggedOption(type)) return readTagged(type, [{ name: 'none', type: null }, { name: 'some', type: type.type }], value, path, mode);
      if (value === null || (value === undefined && mode === 'api')) return null;
      return readValue(type.type, value, path, mode);
    case 'enum': {
      if (typeof value !== 'string') throw new ValueError(path, `expected a case name of ${kindLabel(type)} (${type.cases.join(', ')}), got ${got(value)}`);
      if (!type.cases.includes(value)) throw new ValueError(path, `unknown case ${got(value)} for ${kindLabel(type)} (cases: ${type.cases.join(', ')})`);
      return value;
    }
    case 'flags':
      return readFlags(type, value, path);
    case 'own':
    case 'borrow': {
      const name = type.resource.name;
      if (!isPlainObject(value) || typeof value.resource !== 'string' || !('handle' in value)) {
        throw new ValueError(path, `expected a ${name} handle { "resource": "${name}", "handle": <n> }, got ${got(value)}`);
      }
      if (value.resource !== name) throw new ValueError(path, `expected a ${name} handle, got a ${got(value.resource)} handle`);
      const handle = value.handle;
      if (typeof handle !== 'number' || !Number.isSafeInteger(handle) || handle < 1) {
        throw new ValueError(`${path}.handle`, `expected a positive integer handle, got ${got(handle)}`);
      }
      const extra = Object.keys(value).filter((k) => k !== 'resource' && k !== 'handle');
      if (extra.length > 0) throw new ValueError(path, `unexpected key ${got(extra[0])} in a resource handle (keys: resource, handle)`);
      return { resource: name, handle };
    }
    case 'resource':
    case 'stream':
    case 'future':
    case 'error-context':
      throw new ValueError(path, `${typeLabel(type)} values cannot be written or passed here`);
  }
}

function arrayOf(value: unknown, path: string, what: string): unknown[] {
  if (!Array.isArray(value)) throw new ValueError(path, `expected an array (${what}), got ${got(value)}`);
  return value;
}

function readList(type: WitType & { kind: 'list' }, value: unknown, path: string, mode: ReadMode): WitValue {
  const bytes = type.element.kind === 'u8';
  let items: ArrayLike<unknown>;
  if (Array.isArray(value)) items = value;
  else if (mode === 'api' && ArrayBuffer.isView(value) && !(value instanceof DataView)) items = value as unknown as ArrayLike<unknown>;
  else {
    const hint = bytes && mode === 'json' ? '; list<u8> in JSON is an array of numbers 0–255' : '';
    throw new ValueError(path, `expected an array (${typeLabel(type)}), got ${got(value)}${hint}`);
  }
  if (type.length !== undefined && items.length !== type.length) {
    throw new ValueError(path, `expected ${type.length} elements for ${typeLabel(type)}, got ${items.length}`);
  }
  if (bytes) {
    if (value instanceof Uint8Array) return new Uint8Array(value);
    const out = new Uint8Array(items.length);
    for (let i = 0; i < items.length; i++) out[i] = smallInt('u8', items[i], `${path}[${i}]`);
    return out;
  }
  const out: WitValue[] = [];
  for (let i = 0; i < items.length; i++) out.push(readValue(type.element, items[i], `${path}[${i}]`, mode));
  return out;
}

function readRecord(type: WitType & { kind: 'record' }, value: unknown, path: string, mode: ReadMode): WitValue {
  if (!isPlainObject(value)) throw new ValueError(path, `expected an object (${kindLabel(type)}), got ${got(value)}`);
  const names = type.fields.map((f) => f.name);
  for (const key of Object.keys(value)) {
    if (names.includes(key)) continue;
    const kebab = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    const hint = kebab !== key && names.includes(kebab) ? `; did you mean "${kebab}"? Fields use their WIT names` : '';
    throw new ValueError(path, `unknown field ${got(key)} in ${kindLabel(type)} (fields: ${names.join(', ')})${hint}`);
  }
  const out: Record<string, WitValue> = {};
  for (const field of type.fields) {
    if (!(field.name in value) || (mode === 'json' && value[field.name] === undefined)) {
      throw new ValueError(path, `missing field "${field.name}" (${typeLabel(field.type)}) in ${kindLabel(type)}`);
    }
    out[field.name] = readValue(field.type, value[field.name], `${path}.${field.name}`, mode);
  }
  return out;
}

/** Variants, results and tagged options: `{ tag, val }`, `val` present exactly when the case has a payload. */
function readTagged(type: WitType, cases: WitCase[], value: unknown, path: string, mode: ReadMode): WitValue {
  const names = cases.map((c) => c.name).join(', ');
  const shape = `{ "tag": ${cases.map((c) => `"${c.name}"`).join(' | ')}, "val": … }`;
  if (!isPlainObject(value)) throw new ValueError(path, `expected ${shape} (${kindLabel(type)}), got ${got(value)}`);
  const tag = value.tag;
  if (typeof tag !== 'string') throw new ValueError(path, `expected a "tag" naming a case of ${kindLabel(type)} (${names}), got ${got(tag)}`);
  const found = cases.find((c) => c.name === tag);
  if (!found) throw new ValueError(path, `unknown case ${got(tag)} for ${kindLabel(type)} (cases: ${names})`);
  const extra = Object.keys(value).filter((k) => k !== 'tag' && k !== 'val');
  if (extra.length > 0) throw new ValueError(path, `unexpected key ${got(extra[0])} (only "tag" and "val")`);
  const hasVal = 'val' in value && !(mode === 'api' && value.val === undefined);
  if (!found.type) {
    if (hasVal) throw new ValueError(path, `case "${tag}" of ${kindLabel(type)} has no payload; remove "val"`);
    return { tag };
  }
  if (!hasVal) throw new ValueError(path, `case "${tag}" of ${kindLabel(type)} needs a "val" (${typeLabel(found.type)})`);
  return { tag, val: readValue(found.type, value.val, `${path}.val`, mode) };
}

function readFlags(type: WitType & { kind: 'flags' }, value: unknown, path: string): WitValue {
  const items = arrayOf(value, path, `the set flags of ${kindLabel(type)}`);
  const set = new Set<string>();
  items.forEach((item, i) => {
    if (typeof item !== 'string') throw new ValueError(`${path}[${i}]`, `expected a flag name, got ${got(item)}`);
    if (!type.flags.includes(item)) throw new ValueError(`${path}[${i}]`, `unknown flag ${got(item)} for ${kindLabel(type)} (flags: ${type.flags.join(', ')})`);
    if (set.has(item)) throw new ValueError(`${path}[${i}]`, `flag ${got(item)} is listed twice`);
    set.add(item);
  });
  // Declaration order, so equal sets have one form.
  return type.flags.filter((f) => set.has(f));
}

