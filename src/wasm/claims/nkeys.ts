/**
 * NATS nkeys public keys (wascap's issuer and subject): base32 (RFC 4648, no padding) of
 * prefix byte + 32-byte Ed25519 key + CRC-16/XMODEM (little-endian) of the first 33 bytes.
 * The prefix byte is the role letter's base32 value shifted left by 3, so the text starts with it.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Public-key roles nkeys defines, by their first letter. */
export const KEY_ROLES: Readonly<Record<string, string>> = {
  A: 'account',
  C: 'cluster',
  M: 'module',
  N: 'server',
  O: 'operator',
  U: 'user',
  V: 'service (capability provider)',
  X: 'curve',
};

export type DecodedKey = { ok: true; prefix: string; role: string; key: Uint8Array } | { ok: false; error: string };

export function base32Decode(text: string): Uint8Array | null {
  const out = new Uint8Array(Math.floor((text.length * 5) / 8));
  let bits = 0;
  let value = 0;
  let n = 0;
  for (const ch of text) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return null;
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out[n++] = (value >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  return out;
}

export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** CRC-16/XMODEM (poly 0x1021, init 0), as nkeys computes it. */
export function crc16(bytes: Uint8Array): number {
  let crc = 0;
  for (const b of bytes) {
    crc ^= b << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** Encode a 32-byte public key with a role letter (for fixtures and tests). */
export function encodePublicKey(prefix: string, key: Uint8Array): string {
  const raw = new Uint8Array(35);
  raw[0] = ALPHABET.indexOf(prefix) << 3;
  raw.set(key, 1);
  const crc = crc16(raw.subarray(0, 33));
  raw[33] = crc & 0xff;
  raw[34] = crc >> 8;
  return base32Encode(raw);
}

/** Decode an nkeys public key; each way it can be wrong gets its own message. Never throws. */
export function decodePublicKey(text: unknown): DecodedKey {
  if (typeof text !== 'string' || text.length === 0) return { ok: false, error: 'the key is missing or not a string' };
  if (text.startsWith('S')) return { ok: false, error: `"${short(text)}" is a seed (a private key, prefix S), not a public key` };
  if (text.length !== 56) return { ok: false, error: `"${short(text)}" is ${text.length} characters long; an nkeys public key has 56` };
  const raw = base32Decode(text);
  if (!raw) return { ok: false, error: `"${short(text)}" is not base32 (A–Z, 2–7)` };
  const expected = raw[33]! | (raw[34]! << 8);
  if (crc16(raw.subarray(0, 33)) !== expected) return { ok: false, error: `"${short(text)}" fails its CRC-16 checksum (a character is wrong)` };
  const prefix = text.charAt(0);
  const role = KEY_ROLES[prefix];
  if (!role) return { ok: false, error: `"${short(text)}" has prefix ${prefix}, which is no nkeys public-key role` };
  return { ok: true, prefix, role, key: raw.slice(1, 33) };
}

function short(text: string): string {
  return text.length > 16 ? `${text.slice(0, 12)}…` : text;
}
