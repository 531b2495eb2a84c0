/**
 * Index spaces of one scope (a component, a component type or an instance type) and the problems
 * found while filling them. Lookups never throw: an index out of range (a binary we misread, or
 * an invalid one) gives an opaque node and a warning, so the rest of the world still decodes.
 */
import { OPAQUE, type Item, type Node, type Sort } from './graph';

export interface Scope {
  parent: Scope | null;
  what: 'component' | 'component type' | 'instance type';
  types: Node[];
  funcs: Node[];
  instances: Node[];
  components: Node[];
  imports: Map<string, Item>;
  exports: Map<string, Item>;
}

export function newScope(parent: Scope | null, what: Scope['what']): Scope {
  return { parent, what, types: [], funcs: [], instances: [], components: [], imports: new Map(), exports: new Map() };
}

/** What the decoder reports besides the world itself. */
export interface Findings {
  warnings: Set<string>;
  unsupported: Set<string>;
}

/** The index space a sort lives in, or null for sorts the decoder only counts past (values, core). */
export function space(scope: Scope, sort: Sort): Node[] | null {
  switch (sort) {
    case 'type':
      return scope.types;
    case 'func':
      return scope.funcs;
    case 'instance':
      return scope.instances;
    case 'component':
      return scope.components;
    default:
      return null;
  }
}

/** Entry `index` of `sort` in `scope`, or an opaque node (with a warning) when it is missing. */
export function lookup(scope: Scope, sort: Sort, index: number, found: Findings): Node {
  const list = space(scope, sort);
  if (list === null) return OPAQUE;
  const node = list[index];
  if (node !== undefined) return node;
  found.warnings.add(`a ${scope.what} refers to ${sort} ${index}, which is not defined (only ${list.length}); the parts that use it are left out`);
  return OPAQUE;
}

/** The scope `count` levels out from `scope` (0 is `scope` itself). */
export function outer(scope: Scope, count: number): Scope | null {
  let s: Scope | null = scope;
  for (let i = 0; i < count && s !== null; i++) s = s.parent;
  return s;
}
