/** Is a byte prefix UTF-8 text? Strict validation plus the WHATWG "binary data byte" rule. */

/** How many leading bytes are examined to decide whether output is text (WHATWG sniffs far less). */
export const TEXT_SNIFF_LIMIT = 64 * 1024;

// WHATWG MIME Sniffing §7.2: 00-08, 0B, 0E-1A, 1C-1F never appear in text
// (tab, LF, FF, CR and ESC may).
function isBinaryByte(b: number): boolean {
  return b <= 0x08 || b === 0x0b || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f);
}

/**
 * True when `bytes[0, end)` is valid UTF-8 without binary control bytes. When `cut` is set the
 * range was cut from a longer input, so an incomplete character at its very end is allowed.
 */
export function isUtf8Text(bytes: Uint8Array, end: number, cut: boolean): boolean {
  let i = 0;
  while (i < end) {
    const b = bytes[i]!;
    if (b < 0x80) {
      if (isBinaryByte(b)) return false;
      i++;
      continue;
    }
    // Lead byte: sequence length and the allowed range of the first continuation byte
    // (excludes overlong forms, surrogates and code points above U+10FFFF; RFC 3629 §4).
    let length: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return false;
    for (let k = 1; k < length; k++) {
      if (i + k >= end) return cut;
      const c = bytes[i + k]!;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return false;
    }
    i += length;
  }
  return true;
}
