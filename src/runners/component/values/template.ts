/**
 * Starting values: `template` fills the JSON editor so the user sees the shape to edit; `defaultValue`
 * is what a stubbed import returns (issue 9: 0, "", empty list, none, ok with a default, first case…).
 */
import type { WitType } from '../../../wasm/wit/types';
import { isTaggedOption, typeLabel } from './names';
import type { Checked, JsonValue, WitValue } from './types';
import { checked, ValueError } from './valueError';

/**
 * An example JSON value that fromJson accepts. It shows the shape rather than the emptiest value:
 * a list holds one example element (`list<u8>` is `[]`), an option holds its payload's template
 * (a tagged option `{ "tag": "some", … }`), flags list the first flag, variants take the first case.
 */
export function template(type: WitType): JsonValue {
  switch (type.kind) {
    case 'bool':
      return false;
    case 'u64':
    case 's64':
      return '0';
    case 'char':
      return 'a';
    case 'string':
      return '';
    case 'list':
      if (type.length !== undefined) return Array.from({ length: type.length }, () => template(type.element));
      return type.element.kind === 'u8' ? [] : [template(type.element)];
    case 'tuple':
      return type.types.map(template);
    case 'record':
      return Object.fromEntries(type.fields.map((f) => [f.name, template(f.type)]));
    case 'variant': {
      const first = type.cases[0];
      if (!first) return null;
      return first.type ? { tag: first.name, val: template(first.type) } : { tag: first.name };
    }
    case 'enum':
      return type.cases[0] ?? '';
    case 'flags':
      return type.flags.slice(0, 1);
    case 'option':
      return isTaggedOption(type) ? { tag: 'some', val: template(type.type) } : template(type.type);
    case 'result':
      return type.ok ? { tag: 'ok', val: template(type.ok) } : { tag: 'ok' };
    case 'own':
    case 'borrow':
      return { resource: type.resource.name, handle: 1 };
    case 'resource':
    case 'stream':
    case 'future':
    case 'error-context':
      return null;
    default:
      return 0; // integers and floats
  }
}

/** The value a stub returns. Resources have none: a stub can't make one. */
export function defaultValue(type: WitType): Checked<WitValue> {
  return checked(() => defaultOf(type, 'result'));
}

function defaultOf(type: WitType, path: string): WitValue {
  switch (type.kind) {
    case 'bool':
      return false;
    case 'u64':
    case 's64':
      return 0n;
    case 'char':
      return '\0';
    case 'string':
      return '';
    case 'list':
      if (type.length !== undefined) return type.element.kind === 'u8' ? new Uint8Array(type.length) : Array.from({ length: type.length }, (_, i) => defaultOf(type.element, `${path}[${i}]`));
      return type.element.kind === 'u8' ? new Uint8Array(0) : [];
    case 'tuple':
      return type.types.map((t, i) => defaultOf(t, `${path}[${i}]`));
    case 'record':
      return Object.fromEntries(type.fields.map((f) => [f.name, defaultOf(f.type, `${path}.${f.name}`)]));
    case 'variant': {
      const first = type.cases[0];
      if (!first) throw new ValueError(path, `${typeLabel(type)} has no cases`);
      return first.type ? { tag: first.name, val: defaultOf(first.type, `${path}.val`) } : { tag: first.name };
    }
    case 'enum':
      if (!type.cases[0]) throw new ValueError(path, `${typeLabel(type)} has no cases`);
      return type.cases[0];
    case 'flags':
      return [];
    case 'option':
      return isTaggedOption(type) ? { tag: 'none' } : null;
    case 'result':
      return type.ok ? { tag: 'ok', val: defaultOf(type.ok, `${path}.val`) } : { tag: 'ok' };
    case 'own':
    case 'borrow':
    case 'resource':
      throw new ValueError(path, `a stub can't make a ${type.resource.name} (a resource); implement this import or leave it unstubbed`);
    case 'stream':
    case 'future':
    case 'error-context':
      throw new ValueError(path, `a stub can't make a ${typeLabel(type)}`);
    default:
      return 0;
  }
}
