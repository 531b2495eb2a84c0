/**
 * An index of a WAT text that is too big to split into strings: where each line starts, and where
 * each function's lines start and end (for the function list, jumps and folding). Pure text work,
 * done in the WAT worker; a 10 MB module prints to ~7 million lines.
 */

/** Offsets of every line's first character; a text of n newlines has n + 1 lines. */
export function lineStarts(text: string): Uint32Array {
  let count = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  const starts = new Uint32Array(count);
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts[line++] = at + 1;
  return starts;
}

/** Line `i` without its newline. */
export function lineAt(text: string, starts: Uint32Array, i: number): string {
  const from = starts[i] ?? text.length;
  const next = starts[i + 1];
  return text.slice(from, next === undefined ? text.length : next - 1);
}

/** The functions with bodies, in text order: first and last line (0-based, inclusive), index, name. */
export interface WatOutline {
  starts: Uint32Array;
  ends: Uint32Array;
  /** The `(;N;)` index wasm-tools prints, or -1. */
  indices: Int32Array;
  /** `$name`, or `func N` when the function has no name. */
  names: string[];
  /** Depth of the module the function is in: 0 = top-level core module, 1+ = inside a component. */
  nested: Uint8Array;
}

const SPACE = 32;
const OPEN = 40;
const F = 102;
const FUNC_HEAD = /^\s*\(func(?:\s+(\$[^\s()]+))?(?:\s+\(;(\d+);\))?/;

export function outlineFunctions(text: string, starts: Uint32Array): WatOutline {
  const found: { start: number; end: number; index: number; name: string; indent: number }[] = [];
  let open: { start: number; end: number; index: number; name: string; indent: number } | null = null;
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i]!;
    if (open) {
      // Still inside while the line is indented deeper than the function's head.
      let deeper = true;
      for (let k = 0; k <= open.indent; k++) {
        if (text.charCodeAt(s + k) !== SPACE) {
          deeper = false;
          break;
        }
      }
      if (deeper) continue;
      const closes = text.charCodeAt(s + open.indent) === 41 && (open.indent === 0 || text.charCodeAt(s + open.indent - 1) === SPACE);
      open.end = closes ? i : i - 1;
      open = null;
      if (closes) continue;
    }
    let p = s;
    while (text.charCodeAt(p) === SPACE) p++;
    if (text.charCodeAt(p) !== OPEN || text.charCodeAt(p + 1) !== F || !text.startsWith('(func', p)) continue;
    const after = text.charCodeAt(p + 5);
    if (after !== SPACE && after !== 41 && after !== 10 && !Number.isNaN(after)) continue;
    const m = FUNC_HEAD.exec(lineAt(text, starts, i));
    const index = m?.[2] !== undefined ? Number(m[2]) : -1;
    const entry = { start: i, end: i, index, name: m?.[1] ?? (index >= 0 ? `func ${index}` : 'func'), indent: p - s };
    found.push(entry);
    // A one-line function, `(func $f (type 0))`, closes on its own line.
    if (!oneLine(lineAt(text, starts, i))) open = entry;
  }
  if (open) open.end = starts.length - 1;
  const minIndent = found.reduce((m, f) => Math.min(m, f.indent), Infinity);
  return {
    starts: Uint32Array.from(found, (f) => f.start),
    ends: Uint32Array.from(found, (f) => f.end),
    indices: Int32Array.from(found, (f) => f.index),
    names: found.map((f) => f.name),
    nested: Uint8Array.from(found, (f) => Math.min(255, (f.indent - minIndent) / 2)),
  };
}

/** Whether the parentheses on a function's head line balance (strings and comments aside). */
function oneLine(line: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === ';' && line[i + 1] === ';') break;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
  }
  return depth <= 0;
}

/** Which function (position in the outline) contains line `line`, or -1. */
export function functionAt(outline: Pick<WatOutline, 'starts' | 'ends'>, line: number): number {
  let lo = 0;
  let hi = outline.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (outline.starts[mid]! <= line) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi >= 0 && outline.ends[hi]! >= line ? hi : -1;
}
