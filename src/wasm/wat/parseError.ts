/** jco's `parse` error (a Rust Debug print of a wast error) → a line, a column and the parser's own words. */

export interface WatError {
  /** 1-based, as editors count. */
  line: number;
  column: number;
  message: string;
}

export function watErrorFrom(raw: string, text: string): WatError {
  const pos = /line: (\d+), col: (\d+)/.exec(raw);
  const offset = /span: Span \{ offset: (\d+) \}/.exec(raw);
  let line = 1;
  let column = 1;
  if (pos) {
    line = Number(pos[1]) + 1;
    column = Number(pos[2]) + 1;
  } else if (offset) {
    const before = text.slice(0, Number(offset[1]));
    line = before.split('\n').length;
    column = before.length - before.lastIndexOf('\n');
  }
  return { line, column, message: messageOf(raw) };
}

function messageOf(raw: string): string {
  const custom = /kind: Custom\("((?:[^"\\]|\\.)*)"\)/.exec(raw);
  if (custom) return unescape(custom[1]!);
  const kind = /kind: ([A-Za-z]+)(?:\((.*?)\))? \}/.exec(raw.replace(/^.*?inner: ErrorInner \{.*?kind: /s, 'kind: '));
  if (kind) return kind[2] ? `${words(kind[1]!)}: ${unescape(kind[2])}` : words(kind[1]!);
  return raw.trim().split('\n')[0] ?? raw;
}

/** "UnexpectedEof" → "unexpected eof". */
function words(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function unescape(s: string): string {
  return s.replace(/\\(["\\])/g, '$1').replace(/\\n/g, '\n');
}
