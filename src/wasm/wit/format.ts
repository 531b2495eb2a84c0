/** WIT text for one type or one function signature, as the Function list and the WIT printer show them. */
import type { WitFunction, WitType } from './types';

// Past this many characters a type is cut with '…': only a crafted binary builds types this large.
const MAX_TYPE_CHARS = 2000;

const KEYWORDS = new Set([
  'as', 'async', 'bool', 'borrow', 'char', 'constructor', 'enum', 'error-context', 'export', 'f32', 'f64', 'flags',
  'from', 'func', 'future', 'import', 'include', 'interface', 'list', 'option', 'own', 'package', 'record', 'resource',
  'result', 's16', 's32', 's64', 's8', 'static', 'stream', 'string', 'tuple', 'type', 'u16', 'u32', 'u64', 'u8', 'use',
  'variant', 'with', 'world', 'string', 'map',
]);

/** An identifier as WIT writes it: keywords get a `%` prefix. */
export function witId(name: string): string {
  return KEYWORDS.has(name) ? `%${name}` : name;
}

/** `list<u8>`, `point`, `result<u32, string>`, `option<tuple<s32, string>>`; `own<x>` prints as `x`. */
export function formatType(t: WitType): string {
  const budget = { left: MAX_TYPE_CHARS };
  return format(t, budget);
}

function format(t: WitType, budget: { left: number }): string {
  if (budget.left <= 0) return '…';
  const s = formatInner(t, budget);
  budget.left -= s.length;
  return s;
}

function formatInner(t: WitType, budget: { left: number }): string {
  if (t.name !== undefined) return witId(t.name);
  const f = (x: WitType): string => format(x, budget);
  switch (t.kind) {
    case 'list':
      return t.length === undefined ? `list<${f(t.element)}>` : `list<${f(t.element)}, ${t.length}>`;
    case 'tuple':
      return `tuple<${t.types.map(f).join(', ')}>`;
    case 'option':
      return `option<${f(t.type)}>`;
    case 'result':
      if (t.ok === null && t.err === null) return 'result';
      if (t.err === null) return `result<${f(t.ok!)}>`;
      return `result<${t.ok === null ? '_' : f(t.ok)}, ${f(t.err)}>`;
    case 'own':
    case 'resource':
      return witId(t.resource.name);
    case 'borrow':
      return `borrow<${witId(t.resource.name)}>`;
    case 'stream':
    case 'future':
      return t.type === null ? t.kind : `${t.kind}<${f(t.type)}>`;
    // Unnamed definitions cannot be written inline in WIT; this shows their shape.
    case 'record':
      return `record { ${t.fields.map((x) => `${witId(x.name)}: ${f(x.type)}`).join(', ')} }`;
    case 'variant':
      return `variant { ${t.cases.map((c) => (c.type === null ? witId(c.name) : `${witId(c.name)}(${f(c.type)})`)).join(', ')} }`;
    case 'enum':
      return `enum { ${t.cases.map(witId).join(', ')} }`;
    case 'flags':
      return `flags { ${t.flags.map(witId).join(', ')} }`;
    default:
      return t.kind;
  }
}

/**
 * `(x: u32, y: u32) -> u32`; no result, no arrow. A method's `self` is left out and a
 * constructor's `own<resource>` result is implied, as WIT writes them.
 */
export function formatSignature(fn: WitFunction): string {
  const params = fn.kind === 'method' && fn.params[0]?.name === 'self' ? fn.params.slice(1) : fn.params;
  const list = `(${params.map((p) => `${witId(p.name)}: ${formatType(p.type)}`).join(', ')})`;
  if (fn.result === null) return list;
  if (fn.kind === 'constructor' && fn.result.kind === 'own' && fn.result.resource.name === fn.resource) return list;
  return `${list} -> ${formatType(fn.result)}`;
}
