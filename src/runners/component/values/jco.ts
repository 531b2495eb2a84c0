/**
 * WitValue ↔ the JS values jco-transpiled code takes and returns (checked against real bindings in
 * jco.live.test.ts): record fields and flag names lowerCamelCase; variants and results `{ tag, val }`
 * with WIT case names; enums strings; flags objects of booleans; tuples arrays; u64/s64 BigInt;
 * `list<u8>` Uint8Array and other numeric lists typed arrays; resources class instances (kept in a
 * ResourceTable). Options are `T | undefined`, except where T itself could be undefined (jco's rule,
 * `jcoTaggedOption`), where they are `{ tag: 'none' } | { tag: 'some', val }`.
 * A function's top-level `result` is unwrapped by jco: see call.ts.
 */
import type { WitPrimitive, WitType } from '../../../wasm/wit/types';
import { got, isTaggedOption, jsName, typeLabel } from './names';
import type { ResourceTable } from './resources';
import { bigInt, bool, char, float, smallInt, string } from './scalars';
import type { Checked, WitValue } from './types';
import { checked, ValueError } from './valueError';

type TypedArrayCtor =
  | Int8ArrayConstructor
  | Uint8ArrayConstructor
  | Int16ArrayConstructor
  | Uint16ArrayConstructor
  | Int32ArrayConstructor
  | Uint32ArrayConstructor
  | BigInt64ArrayConstructor
  | BigUint64ArrayConstructor
  | Float32ArrayConstructor
  | Float64ArrayConstructor;

/** The typed array jco uses for a list of this element type (its .d.ts: `list<u16>` → Uint16Array). */
const TYPED_ARRAYS: Partial<Record<WitPrimitive, TypedArrayCtor>> = {
  s8: Int8Array,
  u8: Uint8Array,
  s16: Int16Array,
  u16: Uint16Array,
  s32: Int32Array,
  u32: Uint32Array,
  s64: BigInt64Array,
  u64: BigUint64Array,
  f32: Float32Array,
  f64: Float64Array,
};

/**
 * jco writes `none` as undefined only when that is unambiguous: an option is "nullable" unless its
 * payload is itself nullable, so `option<option<u32>>` is tagged but `option<option<option<u32>>>`
 * is not (js-component-bindgen's `as_nullable`).
 */
const jcoNullable = (type: WitType): boolean => type.kind === 'option' && !jcoNullable(type.type);
const jcoTaggedOption = (type: WitType & { kind: 'option' }): boolean => jcoNullable(type.type);

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null;

export function toJco(type: WitType, value: WitValue, resources: ResourceTable, path = 'value'): Checked<unknown> {
  return checked(() => lower(type, value, resources, path));
}

export function fromJco(type: WitType, js: unknown, resources: ResourceTable, path = 'value'): Checked<WitValue> {
  return checked(() => lift(type, js, resources, path));
}

/** Some payload, or none: the option's meaning, apart from how either side writes it. */
type Maybe<T> = { some: true; val: T } | { some: false };

function lower(type: WitType, value: WitValue, resources: ResourceTable, path: string): unknown {
  const bad = (): never => {
    throw new ValueError(path, `not a checked ${typeLabel(type)} value: ${got(value)}`);
  };
  switch (type.kind) {
    case 'list': {
      const ctor = TYPED_ARRAYS[type.element.kind as WitPrimitive];
      if (value instanceof Uint8Array) return type.element.kind === 'u8' ? value : bad();
      if (!Array.isArray(value)) return bad();
      const items = value.map((v, i) => lower(type.element, v, resources, `${path}[${i}]`));
      // Typed arrays only for variable-length lists: jco's .d.ts types fixed-length ones as arrays.
      return ctor && type.length === undefined ? (ctor.from as (a: unknown[]) => unknown)(items) : items;
    }
    case 'tuple':
      return Array.isArray(value) ? type.types.map((t, i) => lower(t, value[i] as WitValue, resources, `${path}[${i}]`)) : bad();
    case 'record': {
      if (!isObj(value) || Array.isArray(value)) return bad();
      const out: Obj = {};
      for (const f of type.fields) out[jsName(f.name)] = lower(f.type, (value as Obj)[f.name] as WitValue, resources, `${path}.${f.name}`);
      return out;
    }
    case 'flags': {
      if (!Array.isArray(value)) return bad();
      return Object.fromEntries(type.flags.map((f) => [jsName(f), value.includes(f)]));
    }
    case 'variant':
    case 'result': {
      if (!isObj(value) || typeof (value as Obj).tag !== 'string') return bad();
      const tag = (value as Obj).tag as string;
      const payload = type.kind === 'variant' ? type.cases.find((c) => c.name === tag)?.type : tag === 'ok' ? type.ok : tag === 'err' ? type.err : undefined;
      if (payload === undefined) return bad();
      return payload ? { tag, val: lower(payload, (value as Obj).val as WitValue, resources, `${path}.val`) } : { tag };
    }
    case 'option': {
      let maybe: Maybe<WitValue>;
      if (isTaggedOption(type)) {
        if (!isObj(value)) return bad();
        const v = value as Obj;
        maybe = v.tag === 'some' ? { some: true, val: v.val as WitValue } : v.tag === 'none' ? { some: false } : bad();
      } else maybe = value === null ? { some: false } : { some: true, val: value };
      const inner = maybe.some ? lower(type.type, maybe.val, resources, path) : undefined;
      if (jcoTaggedOption(type)) return maybe.some ? { tag: 'some', val: inner } : { tag: 'none' };
      return inner;
    }
    case 'own':
    case 'borrow': {
      if (!isObj(value) || typeof (value as Obj).handle !== 'number') return bad();
      const found = resources.get((value as Obj).handle as number, type.resource.name);
      if (!found.ok) throw new ValueError(path, found.error);
      return found.value;
    }
    case 'resource':
    case 'stream':
    case 'future':
    case 'error-context':
      return bad();
    default:
      // Scalars are the same in both forms.
      return value;
  }
}

function lift(type: WitType, js: unknown, resources: ResourceTable, path: string): WitValue {
  const bad = (what = typeLabel(type)): never => {
    throw new ValueError(path, `jco gave ${got(js)} where ${what} was expected`);
  };
  switch (type.kind) {
    case 'bool':
      return bool(js, path);
    case 'u8':
    case 'u16':
    case 'u32':
    case 's8':
    case 's16':
    case 's32':
      return smallInt(type.kind, js, path);
    case 'u64':
    case 's64':
      return bigInt(type.kind, js, path, true);
    case 'f32':
    case 'f64':
      return float(type.kind, js, path);
    case 'char':
      return char(js, path);
    case 'string':
      return string(js, path);
    case 'list': {
      if (type.element.kind === 'u8' && js instanceof Uint8Array) return js.slice();
      const items = Array.isArray(js) ? js : ArrayBuffer.isView(js) && !(js instanceof DataView) ? Array.from(js as unknown as ArrayLike<unknown>) : bad();
      const out = items.map((v, i) => lift(type.element, v, resources, `${path}[${i}]`));
      return type.element.kind === 'u8' ? Uint8Array.from(out as number[]) : out;
    }
    case 'tuple': {
      if (!Array.isArray(js) || js.length !== type.types.length) return bad();
      return type.types.map((t, i) => lift(t, js[i], resources, `${path}[${i}]`));
    }
    case 'record': {
      if (!isObj(js)) return bad();
      const out: Record<string, WitValue> = {};
      for (const f of type.fields) out[f.name] = lift(f.type, js[jsName(f.name)], resources, `${path}.${f.name}`);
      return out;
    }
    case 'flags': {
      if (js === undefined || js === null) return [];
      if (!isObj(js)) return bad();
      return type.flags.filter((f) => Boolean(js[jsName(f)]));
    }
    case 'enum':
      return typeof js === 'string' && type.cases.includes(js) ? js : bad(`a case of ${typeLabel(type)} (${type.cases.join(', ')})`);
    case 'variant':
    case 'result': {
      if (!isObj(js) || typeof js.tag !== 'string') return bad();
      const tag = js.tag;
      const payload = type.kind === 'variant' ? type.cases.find((c) => c.name === tag)?.type : tag === 'ok' ? type.ok : tag === 'err' ? type.err : undefined;
      if (payload === undefined) return bad();
      return payload ? { tag, val: lift(payload, js.val, resources, `${path}.val`) } : { tag };
    }
    case 'option': {
      let maybe: Maybe<unknown>;
      if (jcoTaggedOption(type)) {
        if (!isObj(js)) return bad();
        maybe = js.tag === 'some' ? { some: true, val: js.val } : js.tag === 'none' ? { some: false } : bad();
      } else maybe = js === undefined || js === null ? { some: false } : { some: true, val: js };
      const inner = maybe.some ? lift(type.type, maybe.val, resources, path) : null;
      if (isTaggedOption(type)) return maybe.some ? { tag: 'some', val: inner } : { tag: 'none' };
      return inner;
    }
    case 'own':
    case 'borrow': {
      if (!isObj(js) && typeof js !== 'function') return bad(`a ${type.resource.name} object`);
      return { resource: type.resource.name, handle: resources.register(js as object, type.resource.name) };
    }
    default:
      return bad(`a value (${typeLabel(type)} values are not supported)`);
  }
}
