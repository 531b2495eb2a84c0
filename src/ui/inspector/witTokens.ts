/**
 * A small WIT tokenizer for highlighting: one line at a time (block comments carry over), so the
 * WIT view renders only the lines on screen. Not a parser: it colours what it recognises and
 * passes everything else through as plain text, so no input can lose characters.
 */

export type WitTokenKind = 'keyword' | 'type' | 'name' | 'comment' | 'number' | 'punct' | 'plain';

export interface WitToken {
  kind: WitTokenKind;
  text: string;
}

const KEYWORDS = new Set([
  'package', 'interface', 'world', 'import', 'export', 'use', 'type', 'record', 'variant', 'enum', 'flags',
  'resource', 'func', 'static', 'constructor', 'include', 'with', 'as', 'from', 'async', 'own', 'borrow',
]);

const TYPES = new Set([
  'bool', 'u8', 'u16', 'u32', 'u64', 's8', 's16', 's32', 's64', 'f32', 'f64', 'float32', 'float64', 'char', 'string',
  'list', 'option', 'result', 'tuple', 'stream', 'future', 'error-context',
]);

// Identifiers are kebab-case, `%`-escaped to use a keyword as a name; package names carry `ns:pkg/iface@1.2.3`.
const IDENT = /^%?[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*/;
const VERSION = /^@\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?/;
const NUMBER = /^\d+/;
const SPACE = /^\s+/;

export interface LineTokens {
  tokens: WitToken[];
  /** Whether the line ends inside a block comment. */
  inComment: boolean;
}

export function tokenizeLine(line: string, inComment = false): LineTokens {
  const tokens: WitToken[] = [];
  const push = (kind: WitTokenKind, text: string) => {
    const last = tokens[tokens.length - 1];
    if (last && last.kind === kind && (kind === 'plain' || kind === 'comment' || kind === 'punct')) last.text += text;
    else tokens.push({ kind, text });
  };
  let i = 0;
  while (i < line.length) {
    const rest = line.slice(i);
    if (inComment) {
      const end = rest.indexOf('*/');
      if (end < 0) {
        push('comment', rest);
        return { tokens, inComment: true };
      }
      push('comment', rest.slice(0, end + 2));
      i += end + 2;
      inComment = false;
      continue;
    }
    if (rest.startsWith('//')) {
      push('comment', rest);
      break;
    }
    if (rest.startsWith('/*')) {
      inComment = true;
      push('comment', '/*');
      i += 2;
      continue;
    }
    const space = SPACE.exec(rest);
    if (space) {
      push('plain', space[0]);
      i += space[0].length;
      continue;
    }
    const version = VERSION.exec(rest);
    if (version) {
      push('name', version[0]);
      i += version[0].length;
      continue;
    }
    const ident = IDENT.exec(rest);
    if (ident) {
      const word = ident[0];
      // A word before `:` is a name: it declares (`add: func`, `x: u32`) or is a package namespace (`wasi:cli`).
      const declares = /^\s*:/.test(rest.slice(word.length));
      const kind: WitTokenKind = word.startsWith('%') || declares ? 'name' : KEYWORDS.has(word) ? 'keyword' : TYPES.has(word) ? 'type' : 'name';
      push(kind, word);
      i += word.length;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      push('number', number[0]);
      i += number[0].length;
      continue;
    }
    push(/[{}()<>,;:=.\-/*@_]/.test(rest[0]!) ? 'punct' : 'plain', rest[0]!);
    i += 1;
  }
  return { tokens, inComment };
}

/** Every line of a WIT text, tokenized in order (block comments carried across lines). */
export function tokenizeWit(text: string): WitToken[][] {
  const out: WitToken[][] = [];
  let inComment = false;
  for (const line of text.split('\n')) {
    const r = tokenizeLine(line, inComment);
    out.push(r.tokens);
    inComment = r.inComment;
  }
  return out;
}
