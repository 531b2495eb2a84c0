/**
 * A short typed rendering of a value for Console lines (stub calls): `{x-coord: 1, y: 2.5}`,
 * `circle(3)`, `some("a")`, `ok(5)`, `{read, write-it}`, `<3 bytes: 01 02 ff>`, `counter#2`.
 * Capped at `max` characters (ending in …); long lists stop early rather than render in full.
 */
import type { WitType } from '../../../wasm/wit/types';
import { isTaggedOption } from './names';
import type { WitValue } from './types';

class Budget {
  text = '';
  constructor(readonly max: number) {}
  get full(): boolean {
    return this.text.length > this.max;
  }
  add(part: string): void {
    if (!this.full) this.text += part;
  }
}

export function describeValue(type: WitType, value: WitValue, max = 200): string {
  const out = new Budget(max);
  write(type, value, out);
  return out.full ? `${out.text.slice(0, Math.max(0, max - 1))}…` : out.text;
}

const hexByte = (b: number) => b.toString(16).padStart(2, '0');

function write(type: WitType, value: WitValue | undefined, out: Budget): void {
  if (out.full) return;
  const obj = (typeof value === 'object' && value !== null ? value : {}) as Record<string, WitValue | undefined>;
  const tagged = (payload: WitType | null | undefined) => {
    out.add(String(obj.tag));
    if (payload) {
      out.add('(');
      write(payload, obj.val, out);
      out.add(')');
    }
  };
  const each = (items: readonly (WitValue | undefined)[], typeAt: (i: number) => WitType, open: string, close: string) => {
    out.add(open);
    items.forEach((item, i) => {
      if (out.full) return;
      if (i > 0) out.add(', ');
      write(typeAt(i), item, out);
    });
    out.add(close);
  };
  switch (type.kind) {
    case 'string':
      out.add(JSON.stringify(value));
      return;
    case 'char':
      out.add(`'${JSON.stringify(value).slice(1, -1)}'`);
      return;
    case 'f32':
    case 'f64':
      out.add(Object.is(value, -0) ? '-0' : String(value));
      return;
    case 'list':
      if (value instanceof Uint8Array) {
        const shown = Array.from(value.subarray(0, Math.ceil(out.max / 3)), hexByte).join(' ');
        out.add(`<${value.length} byte${value.length === 1 ? '' : 's'}${value.length ? `: ${shown}` : ''}>`);
      } else each(Array.isArray(value) ? value : [], () => type.element, '[', ']');
      return;
    case 'tuple':
      each(Array.isArray(value) ? value : [], (i) => type.types[i]!, '(', ')');
      return;
    case 'record':
      out.add('{');
      type.fields.forEach((f, i) => {
        if (i > 0) out.add(', ');
        out.add(`${f.name}: `);
        write(f.type, obj[f.name], out);
      });
      out.add('}');
      return;
    case 'flags':
      out.add(`{${Array.isArray(value) ? value.join(', ') : ''}}`);
      return;
    case 'variant':
      tagged(type.cases.find((c) => c.name === obj.tag)?.type);
      return;
    case 'result':
      tagged(obj.tag === 'ok' ? type.ok : type.err);
      return;
    case 'option':
      if (isTaggedOption(type)) tagged(obj.tag === 'some' ? type.type : null);
      else if (value === null || value === undefined) out.add('none');
      else {
        out.add('some(');
        write(type.type, value, out);
        out.add(')');
      }
      return;
    case 'own':
    case 'borrow':
      out.add(`${type.resource.name}#${String(obj.handle)}`);
      return;
    default:
      out.add(String(value));
  }
}
