/**
 * The var store's size cap. max_var_bytes counts the values, as the JS SDK (our reference,
 * CallContext.setVariable) does; keys have a fixed cap of their own so they can't grow unbounded.
 */
import { ExtismError } from './errors';

/** Total UTF-8 bytes of all keys the store may hold. */
export const MAX_VAR_KEY_BYTES = 1024 * 1024;

/** Bytes of the store's values (and, separately, keys), leaving out `skipKey`. */
export function varsSize(vars: ReadonlyMap<string, Uint8Array>, skipKey?: string): { values: number; keys: number } {
  let values = 0;
  let keys = 0;
  for (const [key, value] of vars) {
    if (key === skipKey) continue;
    values += value.length;
    keys += utf8Length(key);
  }
  return { values, keys };
}

/** Set `key` to `value`, throwing ExtismError('vars') when the values would exceed `maxBytes`. */
export function setVar(vars: Map<string, Uint8Array>, key: string, value: Uint8Array, maxBytes: number): void {
  if (maxBytes === 0) throw new ExtismError('vars', 'var_set: vars are disabled by this host (max_var_bytes is 0)');
  const others = varsSize(vars, key);
  const values = others.values + value.length;
  if (values > maxBytes) {
    throw new ExtismError('vars', `var_set: var values would take ${values} bytes, over the ${maxBytes}-byte limit (max_var_bytes; setting "${key}" to ${value.length} bytes)`);
  }
  const keys = others.keys + utf8Length(key);
  if (keys > MAX_VAR_KEY_BYTES) {
    throw new ExtismError('vars', `var_set: var names would take ${keys} bytes, over the ${MAX_VAR_KEY_BYTES}-byte limit for names (setting "${key.slice(0, 40)}…")`);
  }
  vars.set(key, value);
}

/** UTF-8 length of a string without encoding it. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
