/** Test helpers: WAT to bytes via wabt, and builders for hand-written binaries wabt can't produce. */
import wabtInit from 'wabt';
import { uleb as leb } from './leb';

type WabtFeatures = NonNullable<Parameters<Awaited<ReturnType<typeof wabtInit>>['parseWat']>[2]>;

let wabtPromise: ReturnType<typeof wabtInit> | undefined;

/** Assemble WAT text into a binary with wabt (multi-value and mutable globals always on). */
export async function wat(source: string, features: WabtFeatures = {}): Promise<Uint8Array> {
  wabtPromise ??= wabtInit();
  const wabt = await wabtPromise;
  const module = wabt.parseWat('test.wat', source, { multi_value: true, mutable_globals: true, ...features });
  try {
    return module.toBinary({}).buffer;
  } finally {
    module.destroy();
  }
}

/** Unsigned LEB128 of `n` (minimal encoding). */
export { leb };

/** A length-prefixed UTF-8 string. */
export function str(s: string): number[] {
  const utf8 = [...new TextEncoder().encode(s)];
  return [...leb(utf8.length), ...utf8];
}

/** A vector: count then the concatenated items. */
export function vec(items: number[][]): number[] {
  return [...leb(items.length), ...items.flat()];
}

/** A section: id, payload size, payload. */
export function section(id: number, payload: number[]): number[] {
  return [id, ...leb(payload.length), ...payload];
}

/** A custom section named `name`. */
export function custom(name: string, payload: number[] = []): number[] {
  return section(0, [...str(name), ...payload]);
}

/** A `producers` custom section from field -> [name, version][] pairs. */
export function producers(fields: Record<string, [string, string][]>): number[] {
  const entries = Object.entries(fields).map(([field, values]) => [...str(field), ...vec(values.map(([n, v]) => [...str(n), ...str(v)]))]);
  return custom('producers', vec(entries));
}

export const CORE_HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
export const COMPONENT_HEADER = [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00];

/** A core module from already-encoded sections. */
export function coreModule(...sections: number[][]): Uint8Array {
  return new Uint8Array([...CORE_HEADER, ...sections.flat()]);
}

/** A component binary from already-encoded sections. */
export function componentBinary(...sections: number[][]): Uint8Array {
  return new Uint8Array([...COMPONENT_HEADER, ...sections.flat()]);
}

/** Concatenate byte arrays. */
export function concat(...parts: (Uint8Array | number[])[]): Uint8Array {
  return new Uint8Array(parts.flatMap((p) => [...p]));
}

/** A small deterministic PRNG (mulberry32) for fuzzing. */
export { prng } from '../util/prng';
