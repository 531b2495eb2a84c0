/** Line starts of UTF-8 text, so the text view decodes only the lines on screen (DESIGN.md §6). */

/** Lines indexed at most (a 32 MB index); past it the view says the rest is cut. */
export const MAX_INDEXED_LINES = 8_000_000;

/** Bytes of one line shown at most; a longer line ends with a note of what was cut. */
export const LINE_DISPLAY_LIMIT = 4096;

export interface LineIndex {
  /** Byte offset where each line starts. */
  starts: Uint32Array;
  /** True when the text has more lines than were indexed. */
  truncated: boolean;
  /** Byte offset just past the last indexed line and its line end (so no line needs a scan to find its end). */
  end: number;
}

/**
 * Index the lines of `bytes` (split at LF; a CR before it is dropped when the line is shown).
 * A final LF does not start another, empty line; empty input has no lines.
 */
export function indexLines(bytes: Uint8Array, maxLines = MAX_INDEXED_LINES): LineIndex {
  if (bytes.length === 0) return { starts: new Uint32Array(0), truncated: false, end: 0 };
  let starts = new Uint32Array(Math.min(1024, maxLines));
  let count = 0;
  let pos = 0;
  let truncated = false;
  while (pos < bytes.length) {
    if (count === maxLines) {
      truncated = true;
      break;
    }
    if (count === starts.length) starts = grow(starts, maxLines);
    starts[count++] = pos;
    // TypedArray#indexOf is a native scan, far faster than a byte loop in JS.
    const lf = bytes.indexOf(0x0a, pos);
    if (lf < 0) break;
    pos = lf + 1;
  }
  // The loop stops at the cap with `pos` at the first line not indexed, or runs off the end.
  return { starts: starts.slice(0, count), truncated, end: truncated ? pos : bytes.length };
}

function grow(array: Uint32Array, max: number): Uint32Array<ArrayBuffer> {
  const bigger = new Uint32Array(Math.min(array.length * 2, max));
  bigger.set(array);
  return bigger;
}

/** Byte range [start, end) of line `i`, without its LF or CRLF. */
export function lineBounds(bytes: Uint8Array, index: LineIndex, i: number): [number, number] {
  const start = index.starts[i]!;
  let end = i + 1 < index.starts.length ? index.starts[i + 1]! : index.end;
  if (end > start && bytes[end - 1] === 0x0a) end--;
  if (end > start && bytes[end - 1] === 0x0d) end--;
  return [start, end];
}

export interface ShownLine {
  text: string;
  /** Bytes of the line not shown (over LINE_DISPLAY_LIMIT). */
  cut: number;
}

const decoder = new TextDecoder();

/** The text of line `i`, at most `limit` bytes of it (cut on a character boundary). */
export function lineText(bytes: Uint8Array, index: LineIndex, i: number, limit = LINE_DISPLAY_LIMIT): ShownLine {
  const [start, end] = lineBounds(bytes, index, i);
  let stop = Math.min(end, start + limit);
  // Back off over continuation bytes (10xxxxxx) so a character is not cut in half.
  if (stop < end) while (stop > start && (bytes[stop]! & 0xc0) === 0x80) stop--;
  return { text: decoder.decode(bytes.subarray(start, stop)), cut: end - stop };
}
