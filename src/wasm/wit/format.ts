/** WIT type and signature text (stand-in: replaced by the decoder branch's version on merge). */
import type { WitFunction, WitType } from './types';

export function formatType(t: WitType): string {
  if (t.name) return t.name;
  switch (t.kind) {
    case 'list':
      return t.length !== undefined ? `list<${formatType(t.element)}, ${t.length}>` : `list<${formatType(t.element)}>`;
    case 'tuple':
      return `tuple<${t.types.map(formatType).join(', ')}>`;
    case 'option':
      return `option<${formatType(t.type)}>`;
    case 'result':
      return t.ok || t.err ? `result<${t.ok ? formatType(t.ok) : '_'}${t.err ? `, ${formatType(t.err)}` : ''}>` : 'result';
    case 'own':
      return t.resource.name;
    case 'borrow':
      return `borrow<${t.resource.name}>`;
    case 'resource':
      return t.resource.name;
    case 'stream':
    case 'future':
      return t.type ? `${t.kind}<${formatType(t.type)}>` : t.kind;
    case 'record':
    case 'variant':
    case 'enum':
    case 'flags':
      return t.kind;
    default:
      return t.kind;
  }
}

export function formatSignature(fn: WitFunction): string {
  const params = fn.params.filter((p, i) => !(fn.kind === 'method' && i === 0 && p.name === 'self'));
  return `(${params.map((p) => `${p.name}: ${formatType(p.type)}`).join(', ')})${fn.result ? ` -> ${formatType(fn.result)}` : ''}`;
}
