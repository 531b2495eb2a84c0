/** Rows of a hex dump: offset, 16 bytes in hex, and the same bytes as ASCII. */

export const HEX_ROW_BYTES = 16;

export interface HexRow {
  offset: string;
  hex: string;
  ascii: string;
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** Number of rows needed for `length` bytes. */
export function hexRowCount(length: number): number {
  return Math.ceil(length / HEX_ROW_BYTES);
}

/**
 * Row `row` of the dump of `bytes`. The hex column has an extra space after the 8th byte and is
 * padded on the last row so the ASCII column lines up.
 */
export function hexRow(bytes: Uint8Array, row: number): HexRow {
  const start = row * HEX_ROW_BYTES;
  const end = Math.min(bytes.length, start + HEX_ROW_BYTES);
  const hex: string[] = [];
  let ascii = '';
  for (let i = 0; i < HEX_ROW_BYTES; i++) {
    const at = start + i;
    const b = at < end ? bytes[at]! : -1;
    hex.push(b < 0 ? '  ' : HEX[b]!);
    if (b >= 0) ascii += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
  }
  const hexText = `${hex.slice(0, 8).join(' ')}  ${hex.slice(8).join(' ')}`;
  // Offsets past 4 GiB get more digits; below that, a fixed width of 8.
  return { offset: start.toString(16).padStart(8, '0'), hex: hexText, ascii };
}
