/**
 * Is a text Markdown? Only constructs that logs practically never contain count: an ATX heading with
 * words after it, a fenced code block, an inline link, or a pipe table with its delimiter row.
 * Lists, backticks, `*`/`-` bullets and emphasis prove nothing: compiler, test and synthesis logs are
 * full of numbered steps, `quote' marks and bullets, and rendering them as Markdown mangles them.
 */

/** Only the start of a text is looked at, so sniffing stays fast on any input. */
const MAX_LINES = 200;
const MAX_LINE_CHARS = 1000;

/** True when the start of `text` shows at least one strong sign of Markdown. */
export function looksLikeMarkdown(text: string): boolean {
  const lines = text.split('\n', MAX_LINES).map((line) => line.slice(0, MAX_LINE_CHARS).replace(/\r$/, ''));
  const headings = !hasCommentBlock(lines);
  for (let i = 0; i < lines.length; i++) {
    if ((headings && isHeading(lines[i]!)) || opensFence(lines, i) || isTableDelimiter(lines, i) || hasInlineLink(lines[i]!)) return true;
  }
  return false;
}

const ATX = /^ {0,3}#{1,6}[ \t]+(\S.*)$/;
// Words, optionally numbered ("## 2.1 Usage"); not `# 1 "main.c"` (preprocessor line markers).
const HEADING_TEXT = /^(?:\d+(?:\.\d+)*\.?[ \t]+)?[\p{L}\p{So}`*_[]/u;
const HASH_LINE = /^ {0,3}(#+)(?:[ \t]|$)/;

/** `# Title`: not `#include`, `#1`, `# 42` nor `# 1 "main.c"`. */
function isHeading(line: string): boolean {
  const match = ATX.exec(line);
  return match !== null && HEADING_TEXT.test(match[1]!);
}

/**
 * Two adjacent `#` lines at one level make a comment block (shell, `make -p`, config dumps): in such
 * a text, a lone `# Variables` is a comment too. Markdown almost never puts two same-level headings
 * on adjacent lines.
 */
function hasCommentBlock(lines: readonly string[]): boolean {
  let previous = 0;
  for (const line of lines) {
    const level = HASH_LINE.exec(line)?.[1]!.length ?? 0;
    if (level > 0 && level === previous) return true;
    previous = level;
  }
  return false;
}

// The info string is a language name ("ts", "c++", "shell-session"), so a caret line such as
// `~~~~^~~~` under a compiler diagnostic does not open a fence.
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})[ \t]*([\w+#.-]*)[ \t]*$/;

/** A fence that closes later, or that has a language and runs past the lines looked at. */
function opensFence(lines: readonly string[], i: number): boolean {
  const open = FENCE_OPEN.exec(lines[i]!);
  if (!open) return false;
  const fence = open[1]!;
  const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
  for (let j = i + 1; j < lines.length; j++) if (close.test(lines[j]!)) return true;
  return open[2] !== '' && lines.length === MAX_LINES;
}

const DELIMITER_ROW = /^[ \t|:-]+$/;
const DELIMITER_CELL = /^[ \t]*:?-+:?[ \t]*$/;

/** `|---|:--:|` under a header row with as many cells (GFM tables). */
function isTableDelimiter(lines: readonly string[], i: number): boolean {
  const row = lines[i]!;
  const header = lines[i - 1];
  if (header === undefined || !row.includes('|') || !row.includes('-') || !DELIMITER_ROW.test(row) || !header.includes('|')) return false;
  const delimiters = cells(row);
  if (!delimiters.every((cell) => DELIMITER_CELL.test(cell))) return false;
  const headers = cells(header);
  // Equal counts rule out rustc's `4 |  code` / `  |  ---` gutters, whose first column is the line number.
  return headers.length === delimiters.length && headers.some((cell) => cell.trim() !== '');
}

function cells(line: string): string[] {
  let row = line.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1);
  return row.split(/(?<!\\)\|/);
}

// `[text](target)` not glued to a word or bracket: `handlers[i](event)` in a code frame is a call.
const INLINE_LINK = /(?:^|[^\w\])\\])\[[^[\]\n]+\]\([^()\s]+(?:[ \t]+"[^"\n]*")?\)/;
// Lines indented four spaces are code in Markdown, and commit bodies in `git log`.
const INDENTED = /^(?: {4}|\t)/;

function hasInlineLink(line: string): boolean {
  return !INDENTED.test(line) && INLINE_LINK.test(line);
}
