/** JSON → MessagePack, for waPC payloads typed as JSON ("Encode input as MessagePack", host responses). */
import { encode } from '@msgpack/msgpack';

/** JSON text → MessagePack bytes ("Encode input as MessagePack"); the error (after "… is") says where the JSON is wrong. */
export function jsonToMsgpack(text: string): { ok: true; bytes: Uint8Array } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, message: `not valid JSON (${err instanceof Error ? err.message : String(err)}), so it can't be encoded as MessagePack` };
  }
  return { ok: true, bytes: encode(value) };
}
