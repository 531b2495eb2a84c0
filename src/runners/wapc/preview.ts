/** Short previews of payloads for console lines: text quoted, binary as hex, always with the size. */
import { quoteStart } from '../../output/sniff';

const strict = new TextDecoder('utf-8', { fatal: true });
const HEX_SHOWN = 16;

/** `5 B "hello"` or `3 B 81 a3 73 …`. */
export function previewBytes(bytes: Uint8Array): string {
  const size = `${bytes.length} B`;
  if (bytes.length === 0) return size;
  try {
    const text = strict.decode(bytes.subarray(0, Math.min(bytes.length, 256)), { stream: bytes.length > 256 });
    // Control bytes (other than whitespace) mean binary, even when they are valid UTF-8.
    if (!hasControl(text)) return `${size} ${quoteStart(text, 40)}`;
  } catch {
    // not UTF-8: hex below
  }
  const hex = Array.from(bytes.subarray(0, HEX_SHOWN), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return `${size} ${hex}${bytes.length > HEX_SHOWN ? ' …' : ''}`;
}

/** C0 controls other than tab, newline, vertical tab, form feed and carriage return. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && (c < 0x09 || c > 0x0d)) return true;
  }
  return false;
}
