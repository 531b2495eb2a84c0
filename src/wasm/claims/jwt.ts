/** Splitting and decoding a wascap JWT (header.claims.signature, each base64url without padding). Never throws. */

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signature: Uint8Array;
  /** The bytes the signature covers: "header.claims" as written. */
  signed: Uint8Array;
}

export type JwtResult = { ok: true; jwt: DecodedJwt } | { ok: false; error: string };

const B64URL = /^[A-Za-z0-9_-]*$/;

export function base64UrlDecode(text: string): Uint8Array | null {
  if (!B64URL.test(text) || text.length % 4 === 1) return null;
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    const bin = atob(b64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

export function base64UrlEncode(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function jsonObject(segment: string, what: string): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } {
  const bytes = base64UrlDecode(segment);
  if (!bytes) return { ok: false, error: `the ${what} segment is not base64url (A–Z, a–z, 0–9, "-", "_", no padding)` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: `the ${what} segment does not decode to UTF-8 text` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `the ${what} segment is not JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: `the ${what} segment is JSON but not an object` };
  return { ok: true, value: value as Record<string, unknown> };
}

/** Decode the section's bytes as a JWT. */
export function decodeJwt(data: Uint8Array): JwtResult {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return { ok: false, error: 'The claims section is not UTF-8 text, so it holds no JWT.' };
  }
  if (text.length === 0) return { ok: false, error: 'The claims section is empty: it holds no JWT.' };
  const segments = text.split('.');
  if (segments.length !== 3) return { ok: false, error: `The JWT has ${segments.length} dot-separated segment${segments.length === 1 ? '' : 's'}; a JWT has 3 (header.claims.signature). Is it truncated?` };
  const [head = '', body = '', sig = ''] = segments;
  const header = jsonObject(head, 'header');
  if (!header.ok) return { ok: false, error: `The JWT is malformed: ${header.error}.` };
  const payload = jsonObject(body, 'claims');
  if (!payload.ok) return { ok: false, error: `The JWT is malformed: ${payload.error}.` };
  const signature = base64UrlDecode(sig);
  if (!signature) return { ok: false, error: 'The JWT is malformed: the signature segment is not base64url.' };
  return { ok: true, jwt: { header: header.value, payload: payload.value, signature, signed: new TextEncoder().encode(`${head}.${body}`) } };
}
