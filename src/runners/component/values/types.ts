/**
 * Values of WIT types in three forms (README "WIT values"):
 * - JSON (`JsonValue`): the form's JSON editor, share links; 64-bit integers as decimal strings.
 * - API values (`WitValue`): the same shapes, 64-bit integers as BigInt and `list<u8>` as Uint8Array.
 * - jco's JS values (`unknown`): what transpiled code takes and returns (see jco.ts).
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * A WIT value as the API carries it. Records are objects keyed by WIT field names; variants,
 * results and tagged options are `{ tag, val? }`; flags are arrays of set names; enums are case
 * names; resources are `{ resource, handle }`.
 */
export type WitValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | WitValue[]
  | { [key: string]: WitValue | undefined };

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

export const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
export const fail = <T = never>(error: string): Checked<T> => ({ ok: false, error });

/** A resource value in JSON and the API: a handle into the instance's ResourceTable. */
export interface ResourceHandle {
  resource: string;
  handle: number;
}
