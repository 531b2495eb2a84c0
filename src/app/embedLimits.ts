/**
 * Size limits for messages from an embedding page, and the budgeted walk that enforces them
 * before any field is read: a structured-clone message can be huge, deep or even cyclic.
 */

/** Values (objects, array slots, strings, numbers…) one message may hold. */
export const MAX_MESSAGE_VALUES = 100_000;
/** String characters plus binary bytes in one message (module bytes included): 64 MiB. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/** Requests one origin may have waiting for the user's consent. */
export const MAX_HELD_REQUESTS = 8;
/** A string id: at most this many characters. */
export const MAX_ID_LENGTH = 128;
/** Names (function, file name, MIME type, config and env keys): at most this many characters. */
export const MAX_NAME_LENGTH = 1024;
/** URLs: at most this many characters. */
export const MAX_URL_LENGTH = 8192;
/** Entries of argv, env, config, args and files. */
export const MAX_LIST_ENTRIES = 4096;

export interface MessageSize {
  values: number;
  bytes: number;
}

/**
 * Walk `value` without recursion and stop as soon as it exceeds the limits: a description of
 * what is too big, or the size. Objects other than plain records and arrays (Map, Blob…) count
 * as one value; field validation refuses them later without walking them.
 */
export function measureMessage(value: unknown, maxValues = MAX_MESSAGE_VALUES, maxBytes = MAX_MESSAGE_BYTES): MessageSize | string {
  let values = 0;
  let bytes = 0;
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (++values > maxValues) return `The message holds more than ${maxValues.toLocaleString('en')} values; send fewer or smaller fields.`;
    if (typeof v === 'string') bytes += v.length;
    else if (v instanceof ArrayBuffer) bytes += v.byteLength;
    // A view keeps its whole buffer alive (structured clone copied all of it), so count that.
    else if (ArrayBuffer.isView(v)) bytes += v.buffer.byteLength;
    else if (Array.isArray(v)) {
      // Indices, not for…of: a sparse array with a huge length stops at the budget too.
      for (let i = 0; i < v.length && values + stack.length <= maxValues; i++) stack.push(v[i]);
      if (values + stack.length > maxValues) return `The message holds more than ${maxValues.toLocaleString('en')} values; send fewer or smaller fields.`;
    } else if (isPlainRecord(v)) {
      for (const key in v) {
        if (!Object.hasOwn(v, key)) continue;
        bytes += key.length;
        stack.push(v[key]);
        if (values + stack.length > maxValues) return `The message holds more than ${maxValues.toLocaleString('en')} values; send fewer or smaller fields.`;
      }
    }
    if (bytes > maxBytes) return `The message is larger than ${mib(maxBytes)} (text and bytes together); load big modules by URL instead of bytes.`;
  }
  return { values, bytes };
}

function isPlainRecord(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function mib(n: number): string {
  return `${Math.round(n / (1024 * 1024))} MiB`;
}
