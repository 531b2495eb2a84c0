/** What kind of text a UTF-8 output is: JSON, SVG, HTML, WAT, CSV/TSV, Markdown or plain. */
import { looksLikeMarkdown } from './markdownSigns';
import { markupKind } from './markup';

export type TextKind = 'json' | 'svg' | 'html' | 'wat' | 'csv' | 'tsv' | 'markdown' | 'plain';

/** Inputs up to this size are parsed to confirm they are JSON; larger ones only need to look like it. */
export const JSON_PARSE_LIMIT = 1024 * 1024;

/**
 * Classify text. `head` is the decoded start of `bytes` (all of it unless `cut`); only JSON looks
 * past it, and only at the last bytes or, under JSON_PARSE_LIMIT, by parsing the whole input.
 */
export function classifyText(bytes: Uint8Array, head: string, cut: boolean): TextKind {
  if (isJson(bytes, head)) return 'json';
  const markup = markupKind(head);
  if (markup) return markup;
  if (isWat(head)) return 'wat';
  const delimited = delimitedKind(head, cut);
  if (delimited) return delimited;
  return looksLikeMarkdown(head) ? 'markdown' : 'plain';
}

// Only objects and arrays: a guest printing `42` or `"hi"` means text, not a JSON document.
function isJson(bytes: Uint8Array, head: string): boolean {
  const first = head.trimStart()[0];
  if (first !== '{' && first !== '[') return false;
  if (lastNonSpaceByte(bytes) !== (first === '{' ? 0x7d : 0x5d)) return false;
  if (bytes.length > JSON_PARSE_LIMIT) return true;
  try {
    JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return true;
  } catch {
    return false;
  }
}

function lastNonSpaceByte(bytes: Uint8Array): number {
  // Bounded: a file ending in megabytes of blanks is not worth scanning.
  const stop = Math.max(0, bytes.length - 4096);
  for (let i = bytes.length - 1; i >= stop; i--) {
    const b = bytes[i]!;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return b;
  }
  return -1;
}

/** WebAssembly text: `(module` or `(component` after blanks and `;;` / `(; ;)` comments. */
function isWat(text: string): boolean {
  let at = 0;
  for (;;) {
    while (at < text.length && /\s/.test(text[at]!)) at++;
    if (text.startsWith(';;', at)) at = endOf(text, '\n', at);
    else if (text.startsWith('(;', at)) at = endOf(text, ';)', at);
    else break;
  }
  return /^\((module|component)[\s)]/.test(text.slice(at, at + 11));
}

/** Index just past the next `close` from `at`, or the end of `text`. */
function endOf(text: string, close: string, at: number): number {
  const found = text.indexOf(close, at);
  return found < 0 ? text.length : found + close.length;
}

const MAX_RECORDS = 50;

/** Per-record counts of commas and tabs outside double quotes (RFC 4180 quoting). */
function countDelimiters(text: string, cut: boolean): { commas: number; tabs: number }[] {
  const records: { commas: number; tabs: number }[] = [];
  let commas = 0;
  let tabs = 0;
  let quoted = false;
  let complete = true;
  for (let i = 0; i < text.length && records.length < MAX_RECORDS; i++) {
    const c = text[i];
    complete = false;
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === ',') commas++;
    else if (c === '\t') tabs++;
    else if (c === '\n') {
      records.push({ commas, tabs });
      commas = tabs = 0;
      complete = true;
    }
  }
  // The last line counts unless the input was cut in the middle of it.
  if (!complete && !cut) records.push({ commas, tabs });
  return records;
}

// One comma per line across only two lines is too often prose ("Hi, Bob.\nYes, sure."):
// a single delimiter needs three records, two or more delimiters need two.
function delimitedKind(text: string, cut: boolean): 'csv' | 'tsv' | null {
  const records = countDelimiters(text, cut);
  if (records.length < 2) return null;
  const consistent = (key: 'commas' | 'tabs') => {
    const n = records[0]![key];
    return n > 0 && records.every((r) => r[key] === n) && (n > 1 || records.length >= 3 || key === 'tabs') ? n : 0;
  };
  if (consistent('tabs')) return 'tsv';
  if (consistent('commas')) return 'csv';
  return null;
}
