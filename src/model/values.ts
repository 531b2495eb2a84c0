/** Values crossing every boundary. `WasmValue` is wasm/'s own (i64 as bigint); re-exported here for the other layers. */
export type { WasmValue } from '../wasm/types';

/** An argument as a caller may give it: numbers, bigints, or text typed in a form. */
export type ArgInput = number | bigint | string;
