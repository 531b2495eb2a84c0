/**
 * Checked WitValue → JSON: 64-bit integers as decimal strings, `list<u8>` as numbers, floats JSON
 * cannot write as "NaN", "Infinity", "-Infinity", "-0" (so text round-trips exactly).
 * The value must be a checked one (fromJson, checkValue, fromJco); a mismatch throws.
 */
import type { WitType } from '../../../wasm/wit/types';
import { got, isTaggedOption, typeLabel } from './names';
import type { JsonValue, WitValue } from './types';
import { ValueError } from './valueError';

export function toJson(type: WitType, value: WitValue, path = 'value'): JsonValue {
  const bad = (): never => {
    throw new ValueError(path, `not a checked ${typeLabel(type)} value: ${got(value)}`);
  };
  switch (type.kind) {
    case 'bool':
    case 'u8':
    case 'u16':
    case 'u32':
    case 's8':
    case 's16':
    case 's32':
    case 'char':
    case 'string':
    case 'enum':
      return typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string' ? value : bad();
    case 'u64':
    case 's64':
      return typeof value === 'bigint' ? value.toString() : bad();
    case 'f32':
    case 'f64':
      if (typeof value !== 'number') return bad();
      if (Number.isNaN(value)) return 'NaN';
      if (value === Infinity) return 'Infinity';
      if (value === -Infinity) return '-Infinity';
      return Object.is(value, -0) ? '-0' : value;
    case 'list':
      if (value instanceof Uint8Array) return Array.from(value);
      return Array.isArray(value) ? value.map((v, i) => toJson(type.element, v, `${path}[${i}]`)) : bad();
    case 'tuple':
      return Array.isArray(value) ? type.types.map((t, i) => toJson(t, value[i] as WitValue, `${path}[${i}]`)) : bad();
    case 'flags':
      return Array.isArray(value) ? (value as string[]).slice() : bad();
    case 'record': {
      if (!isObject(value)) return bad();
      const out: Record<string, JsonValue> = {};
      for (const f of type.fields) out[f.name] = toJson(f.type, value[f.name] as WitValue, `${path}.${f.name}`);
      return out;
    }
    case 'variant':
      return tagged(value, path, (tag) => type.cases.find((c) => c.name === tag)?.type, bad);
    case 'result':
      return tagged(value, path, (tag) => (tag === 'ok' ? type.ok : tag === 'err' ? type.err : undefined), bad);
    case 'option':
      if (isTaggedOption(type)) return tagged(value, path, (tag) => (tag === 'some' ? type.type : tag === 'none' ? null : undefined), bad);
      return value === null ? null : toJson(type.type, value, path);
    case 'own':
    case 'borrow':
      return isObject(value) && typeof value.handle === 'number' ? { resource: type.resource.name, handle: value.handle } : bad();
    default:
      return bad();
  }
}

const isObject = (value: WitValue): value is { [key: string]: WitValue | undefined } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);

/** `{ tag, val? }`; `payloadOf` gives the case's payload type, null for none, undefined for an unknown tag. */
function tagged(value: WitValue, path: string, payloadOf: (tag: string) => WitType | null | undefined, bad: () => never): JsonValue {
  if (!isObject(value) || typeof value.tag !== 'string') return bad();
  const payload = payloadOf(value.tag);
  if (payload === undefined) return bad();
  if (payload === null) return { tag: value.tag };
  return { tag: value.tag, val: toJson(payload, value.val as WitValue, `${path}.val`) };
}
