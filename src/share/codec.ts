/**
 * Share-link codec: `#s=` + base64url(deflate(JSON)) (DESIGN.md §7). The codec is named by
 * an optional `c=` parameter (absent = deflate), so another one can be added without breaking links.
 */
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import { fromBase64Url, toBase64Url } from './base64url';
import { restore } from './restore';
import type { ShareState } from './types';

/** A decoded link larger than this is refused (a deflate bomb must not take the page down). */
const MAX_DECODED_BYTES = 64 * 1024 * 1024;

export type Decoded = { ok: true; state: ShareState } | { ok: false; error: string };

/** The URL hash for `state`, e.g. "#s=eNqr…". */
export function encodeShareHash(state: ShareState): string {
  const json = JSON.stringify(state);
  return `#s=${toBase64Url(deflateSync(strToU8(json), { level: 9 }))}`;
}

/** Decode a location hash; undefined when it carries no share state at all. */
export function decodeShareHash(hash: string, maxBytes = MAX_DECODED_BYTES): Decoded | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const payload = params.get('s');
  if (payload === null) return undefined;
  const codec = params.get('c') ?? 'deflate';
  if (codec !== 'deflate') return { ok: false, error: `This link uses the "${codec}" codec, which this playground does not know. Reload to update.` };

  let compressed: Uint8Array;
  try {
    compressed = fromBase64Url(payload);
  } catch (err) {
    return { ok: false, error: `The share link is damaged (${err instanceof Error ? err.message : String(err)}): it was probably cut off when copied. Copy the whole link again.` };
  }
  let json: string;
  try {
    json = strFromU8(inflateBounded(compressed, maxBytes));
  } catch (err) {
    return { ok: false, error: `The share link is damaged: its data does not decompress (${err instanceof Error ? err.message : String(err)}). Copy the whole link again.` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, error: 'The share link is damaged: its data is not valid JSON. Copy the whole link again.' };
  }
  return restore(raw);
}

function inflateBounded(data: Uint8Array, maxBytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > maxBytes) throw new Error(`more than ${Math.round(maxBytes / 1024 / 1024)} MB once decompressed`);
    chunks.push(chunk);
    if (final) ended = true;
  });
  inflater.push(data, true);
  if (!ended) throw new Error('the data ends early');
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
