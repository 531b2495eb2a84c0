/** Values crossing every boundary. `WasmValue` is wasm/'s own (i64 as bigint); re-exported here for the other layers. */
export type { WasmValue } from '../wasm/types';

/** An argument as a caller may give it: numbers, bigints, or text typed in a form. */
export type ArgInput = number | bigint | string;

/**
 * A WIT value in the API's JSON mapping (README "Component values"): records as objects with WIT
 * field names, variants/results as `{ tag, val }`, option as value or null, flags as name arrays,
 * enums as names, tuples as arrays, 64-bit integers as BigInt, `list<u8>` as bytes, resources as handles.
 */
export type WitValue = boolean | number | bigint | string | null | Uint8Array | WitValue[] | { [key: string]: WitValue | undefined };
