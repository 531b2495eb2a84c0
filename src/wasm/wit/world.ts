/**
 * Turning the root component's imports and exports into a WitWorld. A named type belongs to the
 * interface (or the world) that exports it: that is decided first, for every interface, so a
 * type reached through another interface prints as that interface's (`use`).
 */
import type {
  ResourceRef,
  WitField,
  WitFunction,
  WitFunctionKind,
  WitInterface,
  WitPackageName,
  WitType,
  WitWorld,
  WitWorldItem,
} from './types';
import { body, type FuncNode, type Item, type Node } from './graph';
import type { Findings, Scope } from './scope';

interface Owner {
  iface: string;
  name: string;
}

// Deeper than this, a type is cut short: only a crafted binary nests types so deep.
const MAX_TYPE_DEPTH = 200;

export function buildWorld(root: Scope, found: Findings): WitWorld {
  const b = new WorldBuilder(found);
  const imports = [...root.imports];
  const exports = [...root.exports];
  for (const [name, item] of [...imports, ...exports]) b.claim(name, item);
  return {
    imports: b.items(imports, 'import'),
    exports: b.items(exports, 'export'),
    warnings: [...found.warnings],
    unsupported: [...found.unsupported],
  };
}

class WorldBuilder {
  /** Named node → the interface ('' for the world) and name it is exported under. */
  private owners = new Map<Node, Owner>();
  /** A type body → its first owner, for bodies reached without a named binding (older layouts). */
  private bodyOwners = new Map<Node, Owner>();
  private memo = new Map<Node, WitType>();

  constructor(private readonly found: Findings) {}

  claim(name: string, item: Item): void {
    if (item.sort === 'type') this.own(item.node, { iface: '', name });
    if (item.sort !== 'instance' || item.node.k !== 'instance') return;
    for (const [typeName, exp] of item.node.exports) if (exp.sort === 'type') this.own(exp.node, { iface: name, name: typeName });
  }

  private own(node: Node, owner: Owner): void {
    if (!this.owners.has(node)) this.owners.set(node, owner);
    const b = body(node);
    if (!this.bodyOwners.has(b) && isDefinition(b)) this.bodyOwners.set(b, owner);
  }

  items(list: [string, Item][], dir: 'import' | 'export'): WitWorldItem[] {
    const out: WitWorldItem[] = [];
    for (const [name, item] of list) {
      const node = item.node;
      if (item.sort === 'instance' && node.k === 'instance') out.push({ kind: 'interface', iface: this.iface(name, node.exports) });
      else if (item.sort === 'func' && node.k === 'func') out.push({ kind: 'function', fn: this.func(name, node) });
      else if (item.sort === 'type') out.push({ kind: 'type', name, type: this.entry(node) });
      else this.found.warnings.add(`the component ${dir}s ${describe(item)} "${name}", which WIT cannot express; it is left out`);
    }
    return out;
  }

  private iface(name: string, exports: Map<string, Item>): WitInterface {
    const pkg = parseInterfaceName(name);
    const iface: WitInterface = {
      name,
      shortName: pkg?.shortName ?? name,
      types: [],
      resources: [],
      functions: [],
    };
    if (pkg !== null) iface.package = pkg.package;
    for (const [itemName, item] of exports) {
      if (item.sort === 'type') {
        const type = this.entry(item.node);
        iface.types.push({ name: itemName, type });
        if (type.kind === 'resource' && type.name === itemName && type.iface === name) iface.resources.push(itemName);
      } else if (item.sort === 'func' && item.node.k === 'func') {
        iface.functions.push(this.func(itemName, item.node));
      } else {
        this.found.warnings.add(`interface ${name} exports ${describe(item)} "${itemName}", which WIT cannot express; it is left out`);
      }
    }
    return iface;
  }

  /**
   * The type an interface or world declares under a name: its own definition (named after
   * itself), or the type it re-exports from elsewhere (`use`, `type a = b`), named after that.
   */
  private entry(node: Node): WitType {
    if (node.k !== 'named') return this.type(node, 0);
    let n: Node = node.target;
    while (n.k === 'named') {
      if (this.owners.has(n)) return this.type(n, 0);
      n = n.target;
    }
    return this.type(node, 0);
  }

  private func(binaryName: string, node: FuncNode): WitFunction {
    const parsed = parseFunctionName(binaryName);
    const fn: WitFunction = {
      name: parsed.name,
      binaryName,
      kind: parsed.kind,
      params: node.params.map((p) => ({ name: p.name, type: this.type(p.t, 0) })),
      result: node.result === null ? null : this.type(node.result, 0),
    };
    if (parsed.resource !== undefined) fn.resource = parsed.resource;
    if (node.async || parsed.async) fn.async = true;
    return fn;
  }

  /** The WIT type of a reference to `node`: named types by their owner, the rest structurally. */
  private type(node: Node, depth: number): WitType {
    const seen = this.memo.get(node);
    if (seen !== undefined) return seen;
    if (depth > MAX_TYPE_DEPTH) {
      this.found.warnings.add(`types nested more than ${MAX_TYPE_DEPTH} deep are cut short (shown as u8)`);
      return { kind: 'u8' };
    }
    const out = this.convert(node, depth + 1);
    this.memo.set(node, out);
    return out;
  }

  private convert(node: Node, depth: number): WitType {
    if (node.k === 'named') {
      const owner = this.owners.get(node);
      // A name no interface exports (a nested component's import) is only a step on the way.
      if (owner === undefined) return this.type(node.target, depth);
      return { ...this.structure(body(node), node, depth), name: owner.name, iface: owner.iface };
    }
    const owner = this.bodyOwners.get(node);
    if (owner !== undefined) return { ...this.structure(node, node, depth), name: owner.name, iface: owner.iface };
    return this.structure(node, node, depth);
  }

  private structure(n: Node, ref: Node, depth: number): WitType {
    const t = (x: Node): WitType => this.type(x, depth);
    const opt = (x: Node | null): WitType | null => (x === null ? null : t(x));
    switch (n.k) {
      case 'prim':
        return { kind: n.p };
      case 'list':
        return n.len === undefined ? { kind: 'list', element: t(n.el) } : { kind: 'list', element: t(n.el), length: n.len };
      case 'tuple':
        return { kind: 'tuple', types: n.types.map(t) };
      case 'record':
        return { kind: 'record', fields: n.fields.map((f): WitField => ({ name: f.name, type: t(f.t) })) };
      case 'variant':
        return { kind: 'variant', cases: n.cases.map((c) => ({ name: c.name, type: opt(c.t) })) };
      case 'enum':
        return { kind: 'enum', cases: [...n.cases] };
      case 'flags':
        return { kind: 'flags', flags: [...n.flags] };
      case 'option':
        return { kind: 'option', type: t(n.t) };
      case 'result':
        return { kind: 'result', ok: opt(n.ok), err: opt(n.err) };
      case 'own':
      case 'borrow':
        return { kind: n.k, resource: this.resource(n.res) };
      case 'resource':
        return { kind: 'resource', resource: this.resource(ref) };
      case 'stream':
      case 'future':
        return { kind: n.k, type: opt(n.t) };
      case 'map':
        // WIT has no map type in this model yet: the canonical ABI lays it out as a list of pairs.
        this.found.warnings.add('map types are shown as list<tuple<key, value>>');
        return { kind: 'list', element: { kind: 'tuple', types: [t(n.key), t(n.value)] } };
      default:
        this.found.warnings.add(`a value's type is a ${n.k === 'opaque' ? 'definition the decoder could not follow' : n.k}; it is shown as u8`);
        return { kind: 'u8' };
    }
  }

  /** Where a resource is defined: the owned binding closest to its definition. */
  private resource(node: Node): ResourceRef {
    let last: Owner | undefined;
    let lastName: string | undefined;
    let n = node;
    for (let i = 0; n.k === 'named' && i < 10_000; i++) {
      last = this.owners.get(n) ?? last;
      lastName = n.name;
      n = n.target;
    }
    const owner = last ?? this.bodyOwners.get(n);
    if (owner !== undefined) return { iface: owner.iface, name: owner.name };
    this.found.warnings.add('a resource type is not exported under any name; it is shown as "resource"');
    return { iface: '', name: lastName ?? 'resource' };
  }
}

function isDefinition(n: Node): boolean {
  return n.k === 'record' || n.k === 'variant' || n.k === 'enum' || n.k === 'flags' || n.k === 'resource';
}

function describe(item: Item): string {
  if (item.sort === 'module') return 'a core module';
  if (item.sort === 'value') return 'a value';
  if (item.sort === 'component') return 'a component';
  if (item.sort === 'instance') return 'an instance';
  return `a ${item.sort}`;
}

/** `ns:pkg/iface@1.2.3` → package and short name; null for a plain (inline interface) name. */
export function parseInterfaceName(name: string): { package: WitPackageName; shortName: string } | null {
  const m = /^([^:/@]+):([^/@]+)\/([^@]+)(?:@(.+))?$/.exec(name);
  if (m === null) return null;
  const pkg: WitPackageName = { namespace: m[1]!, name: m[2]! };
  if (m[4] !== undefined) pkg.version = m[4];
  return { package: pkg, shortName: m[3]! };
}

/** `[method]counter.add` → method `add` of `counter`; plain names are freestanding. */
export function parseFunctionName(binaryName: string): { name: string; kind: WitFunctionKind; resource?: string; async: boolean } {
  const m = /^\[(async )?(constructor|method|static|async)\](.*)$/.exec(binaryName);
  if (m === null) return { name: binaryName, kind: 'freestanding', async: false };
  const rest = m[3]!;
  const isAsync = m[1] !== undefined || m[2] === 'async';
  if (m[2] === 'async') return { name: rest, kind: 'freestanding', async: true };
  if (m[2] === 'constructor') return { name: 'constructor', kind: 'constructor', resource: rest, async: isAsync };
  const dot = rest.indexOf('.');
  if (dot < 0) return { name: rest, kind: 'freestanding', async: isAsync };
  return { name: rest.slice(dot + 1), kind: m[2] as 'method' | 'static', resource: rest.slice(0, dot), async: isAsync };
}
