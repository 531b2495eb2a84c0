/**
 * The decoder's internal type graph: what each index space entry of a component (and of its
 * nested components, instance types and component types) is, before it becomes WIT.
 * Nodes are compared by identity: a named node is one binding of a type to a name, so the
 * interface that exports it (found later, when the world is built) is the one that owns it.
 */
import type { WitPrimitive } from './types';

export type Node =
  | { k: 'prim'; p: WitPrimitive }
  | { k: 'list'; el: Node; len?: number }
  | { k: 'tuple'; types: Node[] }
  | { k: 'record'; fields: { name: string; t: Node }[] }
  | { k: 'variant'; cases: { name: string; t: Node | null }[] }
  | { k: 'enum'; cases: string[] }
  | { k: 'flags'; flags: string[] }
  | { k: 'option'; t: Node }
  | { k: 'result'; ok: Node | null; err: Node | null }
  | { k: 'own' | 'borrow'; res: Node }
  | { k: 'stream' | 'future'; t: Node | null }
  | { k: 'map'; key: Node; value: Node }
  /** A resource defined here (`resource (rep i32)`), or an abstract one (`sub resource`). */
  | { k: 'resource' }
  /** A type bound to a name by an import or export. */
  | { k: 'named'; name: string; target: Node }
  | { k: 'func'; params: { name: string; t: Node }[]; result: Node | null; async: boolean }
  | { k: 'instance'; exports: Map<string, Item> }
  | { k: 'component'; imports: Map<string, Item>; exports: Map<string, Item> }
  /** Core types, core modules, values: present in index spaces, never shown as WIT. */
  | { k: 'opaque'; what: string };

export type FuncNode = Extract<Node, { k: 'func' }>;
export type InstanceNode = Extract<Node, { k: 'instance' }>;
export type ComponentNode = Extract<Node, { k: 'component' }>;

export type Sort = 'func' | 'value' | 'type' | 'component' | 'instance' | 'module';

/** One import or export: its sort and what it is. */
export interface Item {
  sort: Sort;
  node: Node;
}

export const OPAQUE: Node = { k: 'opaque', what: 'core definition' };

/** The instance made by instantiating `c` with `args`: its exports with every import replaced by its argument. */
export function instantiate(c: ComponentNode, args: Map<string, Item>): InstanceNode {
  const map = new Map<Node, Node>();
  for (const [name, imp] of c.imports) {
    const arg = args.get(name);
    if (arg === undefined) continue;
    bindImport(imp, arg, map);
  }
  const memo = new Map<Node, Node>();
  const exports = new Map<string, Item>();
  for (const [name, item] of c.exports) exports.set(name, { sort: item.sort, node: subst(item.node, map, memo) });
  return { k: 'instance', exports };
}

// An imported type stands for its argument; an imported instance's types stand for the argument's.
function bindImport(imp: Item, arg: Item, map: Map<Node, Node>): void {
  if (imp.sort === 'type') {
    map.set(imp.node, arg.node);
  } else if (imp.sort === 'instance' && imp.node.k === 'instance' && arg.node.k === 'instance') {
    for (const [name, item] of imp.node.exports) {
      const given = arg.node.exports.get(name);
      if (given !== undefined) bindImport(item, given, map);
    }
  }
}

/** `node` with every node in `map` replaced; unchanged parts keep their identity. */
export function subst(node: Node, map: Map<Node, Node>, memo: Map<Node, Node>): Node {
  const bound = map.get(node);
  if (bound !== undefined) return bound;
  const seen = memo.get(node);
  if (seen !== undefined) return seen;
  const out = rebuild(node, (n) => subst(n, map, memo));
  memo.set(node, out);
  return out;
}

function rebuild(node: Node, f: (n: Node) => Node): Node {
  const opt = (n: Node | null): Node | null => (n === null ? null : f(n));
  switch (node.k) {
    case 'list': {
      const el = f(node.el);
      return el === node.el ? node : { ...node, el };
    }
    case 'tuple': {
      const types = node.types.map(f);
      return same(types, node.types) ? node : { k: 'tuple', types };
    }
    case 'record': {
      const ts = node.fields.map((x) => f(x.t));
      return same(ts, node.fields.map((x) => x.t)) ? node : { k: 'record', fields: node.fields.map((x, i) => ({ name: x.name, t: ts[i]! })) };
    }
    case 'variant': {
      const ts = node.cases.map((x) => opt(x.t));
      return same(ts, node.cases.map((x) => x.t)) ? node : { k: 'variant', cases: node.cases.map((x, i) => ({ name: x.name, t: ts[i]! })) };
    }
    case 'option': {
      const t = f(node.t);
      return t === node.t ? node : { k: 'option', t };
    }
    case 'result': {
      const ok = opt(node.ok);
      const err = opt(node.err);
      return ok === node.ok && err === node.err ? node : { k: 'result', ok, err };
    }
    case 'own':
    case 'borrow': {
      const res = f(node.res);
      return res === node.res ? node : { k: node.k, res };
    }
    case 'stream':
    case 'future': {
      const t = opt(node.t);
      return t === node.t ? node : { k: node.k, t };
    }
    case 'map': {
      const key = f(node.key);
      const value = f(node.value);
      return key === node.key && value === node.value ? node : { k: 'map', key, value };
    }
    case 'named': {
      const target = f(node.target);
      return target === node.target ? node : { k: 'named', name: node.name, target };
    }
    case 'func': {
      const ts = node.params.map((x) => f(x.t));
      const result = opt(node.result);
      if (same(ts, node.params.map((x) => x.t)) && result === node.result) return node;
      return { k: 'func', params: node.params.map((x, i) => ({ name: x.name, t: ts[i]! })), result, async: node.async };
    }
    case 'instance': {
      let changed = false;
      const exports = new Map<string, Item>();
      for (const [name, item] of node.exports) {
        const n = f(item.node);
        if (n !== item.node) changed = true;
        exports.set(name, { sort: item.sort, node: n });
      }
      return changed ? { k: 'instance', exports } : node;
    }
    default:
      // Primitives, resources, enums, flags, component types and opaque nodes hold nothing to replace.
      return node;
  }
}

function same<T>(a: readonly T[], b: readonly T[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Follow named bindings to the type's body. */
export function body(node: Node): Node {
  let n = node;
  // Bounded: a malformed binary cannot make a cycle (types only refer backwards), but be safe.
  for (let i = 0; n.k === 'named' && i < 10_000; i++) n = n.target;
  return n;
}
