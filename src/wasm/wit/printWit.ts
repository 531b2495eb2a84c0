/**
 * A WitWorld as WIT text: the root package and world (as `wasm-tools component wit` prints it),
 * then one `package … { interface … }` block per package holding every interface the world
 * imports or exports, with its types and functions.
 */
import type { WitField, WitFunction, WitInterface, WitType, WitWorld, WitWorldItem } from './types';
import { formatSignature, formatType, witId } from './format';

const IND = '  ';

export function printWit(world: WitWorld, rootName = 'root:component'): string {
  const out: string[] = [`package ${rootName};`, '', 'world root {'];
  const worldLevel = [...world.imports, ...world.exports];
  const worldTypes = worldLevel.flatMap((i) => (i.kind === 'type' ? [{ name: i.name, type: i.type }] : []));
  // Types the world's functions reach that no world item brings in get a `use` up front.
  const covered = new Set(worldTypes.map((e) => e.name));
  const worldRefs = worldLevel.flatMap((i) => (i.kind === 'function' ? typesOfFunction(i.fn) : []));
  for (const line of usesOf([], worldRefs, [], '', null, covered)) out.push(IND + line);
  const imports = worldBlock('import', world.imports);
  const exports = worldBlock('export', world.exports);
  out.push(...imports, ...(imports.length > 0 && exports.length > 0 ? [''] : []), ...exports, '}');

  for (const [pkg, ifaces] of packages(worldLevel)) {
    out.push('', `package ${pkg} {`);
    ifaces.forEach((iface, i) => {
      if (i > 0) out.push('');
      out.push(`${IND}interface ${witId(iface.shortName)} {`, ...interfaceBody(iface, IND.repeat(2)), `${IND}}`);
    });
    out.push('}');
  }
  return out.join('\n') + '\n';
}

/** One side of the world block, in binary order: types where they appear, resources with their functions. */
function worldBlock(dir: 'import' | 'export', items: WitWorldItem[]): string[] {
  const resources = new Set(items.flatMap((i) => (i.kind === 'type' && i.type.kind === 'resource' && isOwnDefinition(i, '') ? [i.name] : [])));
  const fns = items.flatMap((i) => (i.kind === 'function' ? [i.fn] : []));
  const out: string[] = [];
  for (const item of items) {
    if (item.kind === 'type') {
      if (isOwnDefinition(item, '')) out.push(...typeDef(item.name, item.type, fns, IND));
      else if (item.type.iface !== undefined && item.type.iface !== '' && item.type.name !== undefined) {
        const as = item.type.name === item.name ? witId(item.name) : `${witId(item.type.name)} as ${witId(item.name)}`;
        out.push(`${IND}use ${item.type.iface}.{${as}};`);
      } else out.push(`${IND}type ${witId(item.name)} = ${formatType(item.type)};`);
    } else if (item.kind === 'function') {
      if (item.fn.resource === undefined || !resources.has(item.fn.resource)) out.push(...worldItem(dir, item));
    } else out.push(...worldItem(dir, item));
  }
  return out;
}

function worldItem(dir: 'import' | 'export', item: WitWorldItem): string[] {
  if (item.kind === 'function') return [`${IND}${dir} ${witId(item.fn.name)}: ${funcKeyword(item.fn)}${formatSignature(item.fn)};`];
  if (item.kind !== 'interface') return [];
  const iface = item.iface;
  if (iface.package !== undefined) return [`${IND}${dir} ${iface.name};`];
  return [`${IND}${dir} ${witId(iface.name)}: interface {`, ...interfaceBody(iface, IND.repeat(2)), `${IND}}`];
}

function funcKeyword(fn: WitFunction): string {
  return fn.async === true ? 'async func' : 'func';
}

/** Interfaces with a package, grouped by `ns:name@version`, each once, in world order. */
function packages(items: WitWorldItem[]): Map<string, WitInterface[]> {
  const byPkg = new Map<string, WitInterface[]>();
  const seen = new Set<string>();
  for (const item of items) {
    if (item.kind !== 'interface' || item.iface.package === undefined || seen.has(item.iface.name)) continue;
    seen.add(item.iface.name);
    const key = packageKey(item.iface);
    let list = byPkg.get(key);
    if (list === undefined) byPkg.set(key, (list = []));
    list.push(item.iface);
  }
  return byPkg;
}

function packageKey(iface: WitInterface): string {
  const p = iface.package!;
  return `${p.namespace}:${p.name}${p.version === undefined ? '' : `@${p.version}`}`;
}

function interfaceBody(iface: WitInterface, ind: string): string[] {
  const out: string[] = [];
  const local = new Set<string>();
  const aliases: WitField[] = [];
  for (const entry of iface.types) {
    if (isOwnDefinition(entry, iface.name)) local.add(entry.name);
    else aliases.push(entry);
  }
  // `use` lines: re-exported types first, then any other type referenced from elsewhere.
  const defs = iface.types.filter((e) => local.has(e.name)).map((e) => e.type);
  const explicit = aliases
    .filter((a) => a.type.iface !== undefined && a.type.iface !== iface.name && a.type.name !== undefined)
    .map((a) => ({ from: a.type.iface!, name: a.type.name!, as: a.name }));
  const uses = usesOf(defs, iface.functions.flatMap(typesOfFunction), explicit, iface.name, iface, local);
  out.push(...uses.map((l) => ind + l));
  for (const a of aliases) {
    // A same-interface alias (`type a = b`) is a definition line; other interfaces' types came in by `use`.
    if (a.type.iface === iface.name || a.type.iface === undefined) out.push(`${ind}type ${witId(a.name)} = ${formatType(a.type)};`);
  }
  for (const entry of iface.types) if (local.has(entry.name)) out.push(...typeDef(entry.name, entry.type, iface.functions, ind));
  for (const fn of iface.functions) {
    if (fn.resource !== undefined && local.has(fn.resource)) continue;
    out.push(`${ind}${witId(fn.name)}: ${funcKeyword(fn)}${formatSignature(fn)};`);
  }
  return out;
}

function isOwnDefinition(entry: Pick<WitField, 'name' | 'type'>, ifaceName: string): boolean {
  return entry.type.name === entry.name && entry.type.iface === ifaceName;
}

/** The definition of a type an interface (or the world) declares itself. */
function typeDef(name: string, t: WitType, fns: WitFunction[], ind: string): string[] {
  const id = witId(name);
  const inner = ind + IND;
  switch (t.kind) {
    case 'record':
      return [`${ind}record ${id} {`, ...t.fields.map((f) => `${inner}${witId(f.name)}: ${formatType(f.type)},`), `${ind}}`];
    case 'variant':
      return [
        `${ind}variant ${id} {`,
        ...t.cases.map((c) => `${inner}${witId(c.name)}${c.type === null ? '' : `(${formatType(c.type)})`},`),
        `${ind}}`,
      ];
    case 'enum':
      return [`${ind}enum ${id} {`, ...t.cases.map((c) => `${inner}${witId(c)},`), `${ind}}`];
    case 'flags':
      return [`${ind}flags ${id} {`, ...t.flags.map((f) => `${inner}${witId(f)},`), `${ind}}`];
    case 'resource': {
      const members = fns.filter((f) => f.resource === name);
      if (members.length === 0) return [`${ind}resource ${id};`];
      return [`${ind}resource ${id} {`, ...members.map((f) => inner + resourceMember(f)), `${ind}}`];
    }
    default: {
      // Strip the name so the body prints (`type id = u32`, not `type id = id`).
      const { name: _n, iface: _i, ...bodyOnly } = t;
      return [`${ind}type ${id} = ${formatType(bodyOnly as WitType)};`];
    }
  }
}

function resourceMember(fn: WitFunction): string {
  const sig = formatSignature(fn);
  if (fn.kind === 'constructor') return `constructor${sig};`;
  const kw = fn.kind === 'static' ? `static ${funcKeyword(fn)}` : funcKeyword(fn);
  return `${witId(fn.name)}: ${kw}${sig};`;
}

interface UseOf {
  from: string;
  name: string;
  as: string;
}

/**
 * `use iface.{a, b as c};` lines: the `explicit` re-exports, then every named type in `defs`
 * (definition bodies) and `refs` (references) that belongs to another interface. The walk stops
 * at a named type: its body is its own interface's business.
 */
function usesOf(
  defs: WitType[],
  refs: WitType[],
  explicit: UseOf[],
  self: string,
  iface: WitInterface | null,
  localNames: ReadonlySet<string>,
): string[] {
  const groups = new Map<string, Map<string, string>>();
  // One binding per local name: a resource reached both by a `use` chain and by its defining
  // interface (`borrow<error>`) is the same type under the same name.
  const bound = new Set(localNames);
  const add = (u: UseOf): void => {
    if (bound.has(u.as)) return;
    bound.add(u.as);
    let g = groups.get(u.from);
    if (g === undefined) groups.set(u.from, (g = new Map()));
    g.set(u.as, u.name === u.as ? witId(u.name) : `${witId(u.name)} as ${witId(u.as)}`);
  };
  for (const u of explicit) add(u);
  const seen = new Set<WitType>();
  const walk = (t: WitType, body: boolean): void => {
    if (!body && t.name !== undefined) {
      if (t.iface !== undefined && t.iface !== self && t.iface !== '') add({ from: t.iface, name: t.name, as: t.name });
      return;
    }
    if (seen.has(t)) return;
    seen.add(t);
    for (const child of children(t)) walk(child, false);
    if ((t.kind === 'own' || t.kind === 'borrow') && t.resource.iface !== self && t.resource.iface !== '') {
      add({ from: t.resource.iface, name: t.resource.name, as: t.resource.name });
    }
  };
  for (const t of defs) walk(t, true);
  for (const t of refs) walk(t, false);
  const lines: string[] = [];
  for (const [from, names] of groups) lines.push(`use ${interfaceRef(from, iface)}.{${[...names.values()].join(', ')}};`);
  return lines;
}

/** How an interface is named from inside `iface`'s package: short within the same package. */
function interfaceRef(name: string, iface: WitInterface | null): string {
  const m = /^([^:/@]+:[^/@]+)\/([^@]+)(@.+)?$/.exec(name);
  if (m === null || iface?.package === undefined) return name;
  const samePkg = `${m[1]}${m[3] ?? ''}` === packageKey(iface);
  return samePkg ? witId(m[2]!) : name;
}

function children(t: WitType): WitType[] {
  switch (t.kind) {
    case 'list':
      return [t.element];
    case 'tuple':
      return t.types;
    case 'record':
      return t.fields.map((f) => f.type);
    case 'variant':
      return t.cases.flatMap((c) => (c.type === null ? [] : [c.type]));
    case 'option':
      return [t.type];
    case 'result':
      return [t.ok, t.err].filter((x): x is WitType => x !== null);
    case 'stream':
    case 'future':
      return t.type === null ? [] : [t.type];
    default:
      return [];
  }
}

function typesOfFunction(fn: WitFunction): WitType[] {
  return [...fn.params.map((p) => p.type), ...(fn.result === null ? [] : [fn.result])];
}
