/** The text, hex and base64 fields the form offers for `list<u8>`. */
import { fail, ok, type Checked } from './types';

export type BytesInputKind = 'text' | 'hex' | 'base64';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function fromBytesInput(kind: BytesInputKind, text: string): Checked<Uint8Array> {
  if (kind === 'text') return ok(new TextEncoder().encode(text));
  return kind === 'hex' ? fromHex(text) : fromBase64(text);
}

/** Hex digits, with optional whitespace between them and an optional leading 0x. Positions are 1-based. */
function fromHex(text: string): Checked<Uint8Array> {
  const digits: number[] = [];
  const start = /^\s*0x/i.exec(text)?.[0].length ?? 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (/\s/.test(c)) continue;
    const d = parseInt(c, 16);
    if (Number.isNaN(d)) return fail(`hex: ${JSON.stringify(c)} at position ${i + 1} is not a hex digit (0-9, a-f)`);
    digits.push(d);
  }
  if (digits.length % 2 !== 0) return fail(`hex: ${digits.length} digits is an odd count; each byte needs two (e.g. 0a, not a)`);
  const out = new Uint8Array(digits.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = digits[2 * i]! * 16 + digits[2 * i + 1]!;
  return ok(out);
}

/** Standard or URL-safe base64, whitespace ignored, padding optional. Positions are 1-based. */
function fromBase64(text: string): Checked<Uint8Array> {
  const sextets: number[] = [];
  let padding = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (/\s/.test(c)) continue;
    if (c === '=') {
      padding++;
      continue;
    }
    if (padding > 0) return fail(`base64: ${JSON.stringify(c)} at position ${i + 1} comes after "=" padding, which may only end the text`);
    const v = B64.indexOf(c === '-' ? '+' : c === '_' ? '/' : c);
    if (v < 0) return fail(`base64: ${JSON.stringify(c)} at position ${i + 1} is not a base64 character (A-Z, a-z, 0-9, +, /)`);
    sextets.push(v);
  }
  if (sextets.length % 4 === 1 || padding > 2) return fail(`base64: the text has ${sextets.length} characters, which is not a whole number of bytes`);
  const out = new Uint8Array(Math.floor((sextets.length * 6) / 8));
  let bits = 0;
  let acc = 0;
  let n = 0;
  for (const s of sextets) {
    acc = (acc << 6) | s;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return ok(out);
}
