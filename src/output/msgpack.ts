/**
 * MessagePack outputs (most waPC guests speak it): recognise them, and turn them into JSON for the
 * tree view. Decoding only: the sandbox worker and the lazy MessagePack view use it, so the decoder
 * stays out of the page's first load (encoding is in msgpackEncode.ts).
 */
import { decode } from '@msgpack/msgpack';

export const MSGPACK_MIME = 'application/msgpack';

/** Outputs larger than this are not decoded on the page (they are shown as bytes). */
export const MSGPACK_DECODE_LIMIT = 4 * 1024 * 1024;

/** True when `bytes` are exactly one well-formed MessagePack value (nothing left over). */
export function isMsgpack(bytes: Uint8Array): boolean {
  if (bytes.length === 0 || bytes.length > MSGPACK_DECODE_LIMIT) return false;
  try {
    decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** MessagePack → a JSON-able value: bin → { "$bin": hex }, 64-bit ints → decimal text if unsafe, map keys → text. */
export function msgpackToJson(bytes: Uint8Array): unknown {
  return toJson(decode(bytes, { useBigInt64: true }));
}

function toJson(value: unknown): unknown {
  if (typeof value === 'bigint') return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
  if (value instanceof Uint8Array) return { $bin: Array.from(value, (b) => b.toString(16).padStart(2, '0')).join('') };
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toJson);
  if (value instanceof Map) return Object.fromEntries([...(value as Map<unknown, unknown>)].map(([k, v]) => [String(k), toJson(v)]));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value;
}
