/** The var store's size cap (runtime/src/pdk.rs var_set; js-sdk CallContext.setVariable). */
import { ExtismError } from './errors';

/** Bytes a var store takes: UTF-8 keys plus values. */
export function varsSize(vars: ReadonlyMap<string, Uint8Array>, skipKey?: string): number {
  let total = 0;
  for (const [key, value] of vars) if (key !== skipKey) total += utf8Length(key) + value.length;
  return total;
}

/** Set `key` to `value`, throwing ExtismError('vars') when the store would exceed `maxBytes`. */
export function setVar(vars: Map<string, Uint8Array>, key: string, value: Uint8Array, maxBytes: number): void {
  if (maxBytes === 0) throw new ExtismError('vars', 'var_set: vars are disabled by this host (max_var_bytes is 0)');
  const total = varsSize(vars, key) + utf8Length(key) + value.length;
  if (total > maxBytes) {
    throw new ExtismError('vars', `var_set: vars would take ${total} bytes, over the ${maxBytes}-byte limit (setting "${key}" to ${value.length} bytes)`);
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
