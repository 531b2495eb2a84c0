/** One line of WAT → highlighted runs. Line by line: block comments spanning lines are rare in printed text. */

export type WatTokenKind = 'keyword' | 'type' | 'instr' | 'number' | 'string' | 'comment' | 'name' | 'plain';
export interface WatToken {
  kind: WatTokenKind;
  text: string;
}

export const WAT_KEYWORDS = [
  'module', 'component', 'core', 'instance', 'func', 'param', 'result', 'local', 'global', 'type', 'import', 'export',
  'memory', 'table', 'data', 'elem', 'start', 'mut', 'offset', 'item', 'declare', 'rec', 'sub', 'final', 'struct',
  'array', 'field', 'tag', 'alias', 'canon', 'lift', 'lower', 'instantiate', 'with', 'then', 'else', 'block', 'loop', 'if', 'end',
];
export const WAT_TYPES = ['i32', 'i64', 'f32', 'f64', 'v128', 'funcref', 'externref', 'anyref', 'eqref', 'i31ref', 'exnref', 'i8', 'i16', 'string', 'u8', 'u16', 'u32', 'u64', 's8', 's16', 's32', 's64', 'bool', 'char', 'list', 'option', 'record', 'variant', 'enum', 'flags', 'own', 'borrow'];

const KEYWORDS = new Set(WAT_KEYWORDS);
const TYPES = new Set(WAT_TYPES);
const TOKEN = /(;;.*$|\(;.*?;\))|("(?:[^"\\]|\\.)*"?)|(\$[^\s()"]+)|([+-]?(?:0x[0-9a-fA-F_.]+(?:[pP][+-]?\d+)?|\d[\d_]*(?:\.[\d_]*)?(?:[eE][+-]?\d+)?|inf|nan(?::0x[0-9a-fA-F]+)?)(?![\w.$]))|([a-z][\w.]*(?:=[\w]+)?)|([^;"$a-z0-9+(-]+|.)/g;

export function tokenizeWatLine(line: string): WatToken[] {
  const out: WatToken[] = [];
  const push = (kind: WatTokenKind, text: string) => {
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += text;
    else out.push({ kind, text });
  };
  for (const m of line.matchAll(TOKEN)) {
    if (m[1]) push('comment', m[1]);
    else if (m[2]) push('string', m[2]);
    else if (m[3]) push('name', m[3]);
    else if (m[4]) push('number', m[4]);
    else if (m[5]) push(KEYWORDS.has(m[5]) ? 'keyword' : TYPES.has(m[5]) ? 'type' : 'instr', m[5]);
    else push('plain', m[0]);
  }
  return out;
}
