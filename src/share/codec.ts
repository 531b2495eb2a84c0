/**
 * Share-link codec: `#s=` + base64url(deflate(JSON)) (DESIGN.md §7). The codec is named by
 * an optional `c=` parameter (absent = deflate), so another one can be added without breaking links.
 */
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import { fromBase64Url, toBase64Url } from './base64url';
import { MAX_DECODED_BYTES, MAX_HASH_CHARS } from './limits';
import { restore, type Restored } from './restore';
import type { ShareState } from './types';

/** The state and what `restore()` cut or dropped from it, or why the link cannot be opened. */
export type Decoded = Restored;

/** The URL hash for `state`, e.g. "#s=eNqr…". */
export function encodeShareHash(state: ShareState): string {
  const json = JSON.stringify(state);
  return `#s=${toBase64Url(deflateSync(strToU8(json), { level: 9 }))}`;
}

/** Whether a location hash carries share state at all (cheap: the page checks this before asking a worker to decode). */
export function hasShareState(hash: string): boolean {
  return /(?:^#?|&)s=/.test(hash);
}

/** Decode a location hash; undefined when it carries no share state at all. */
export function decodeShareHash(hash: string, maxBytes = MAX_DECODED_BYTES): Decoded | undefined {
  // Checked before parsing: URLSearchParams would copy and percent-decode all of a huge hash.
  if (hash.length > MAX_HASH_CHARS + 64) {
    if (!/(?:^#?|&)s=/.test(hash)) return undefined;
    return { ok: false, error: `The share link is too long (${hash.length} characters; links hold at most ${MAX_HASH_CHARS}). It was not made by this playground's Share button.` };
  }
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const payload = params.get('s');
  if (payload === null) return undefined;
  const codec = params.get('c') ?? 'deflate';
  if (codec !== 'deflate') return { ok: false, error: `This link uses the "${codec}" codec, which this playground does not know. Reload to update.` };
  if (payload.length > MAX_HASH_CHARS) {
    return { ok: false, error: `The share link is too long (${payload.length} characters of data; links hold at most ${MAX_HASH_CHARS}). It was not made by this playground's Share button.` };
  }

  let compressed: Uint8Array;
  try {
    compressed = fromBase64Url(payload);
  } catch (err) {
    return { ok: false, error: `The share link is damaged (${err instanceof Error ? err.message : String(err)}): it was probably cut off when copied. Copy the whole link again.` };
  }
  let inflated: Uint8Array | null;
  try {
    inflated = inflateBounded(compressed, maxBytes);
  } catch (err) {
    return { ok: false, error: `The share link is damaged: its data does not decompress (${err instanceof Error ? err.message : String(err)}). Copy the whole link again.` };
  }
  if (inflated === null) {
    return { ok: false, error: `The share link was refused: its data grows to more than ${formatMB(maxBytes)} MB once decompressed, and links hold at most that. It is corrupt or made to stall the page.` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(strFromU8(inflated));
  } catch {
    return { ok: false, error: 'The share link is damaged: its data is not valid JSON. Copy the whole link again.' };
  }
  return restore(raw);
}

/** Compressed bytes fed per step: deflate expands at most ~1032×, so one step yields at most ~264 KB. */
const INFLATE_STEP = 256;

/** Inflate `data`, or null as soon as the output passes `maxBytes` (a bomb stops after ~maxBytes of work). Throws on corrupt data. */
function inflateBounded(data: Uint8Array, maxBytes: number): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    chunks.push(chunk);
    if (final) ended = true;
  });
  // One push of all the input would inflate all of it before the first size check.
  for (let at = 0; at < data.length; at += INFLATE_STEP) {
    inflater.push(data.subarray(at, at + INFLATE_STEP), at + INFLATE_STEP >= data.length);
    if (total > maxBytes) return null;
  }
  if (!ended) throw new Error('the data ends early');
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function formatMB(bytes: number): string {
  return String(Math.round((bytes / 1024 / 1024) * 10) / 10);
}
