/**
 * Reading component-level definitions shared by components and type declarations (Binary.md):
 * sorts, extern names and types, aliases, type definitions, instance and component types.
 */
import type { WitPrimitive } from './types';
import { WasmParseError, type ByteReader } from '../reader';
import { readValType, readLimits, readMutability, readRefType } from '../valtypes';
import { OPAQUE, type Item, type Node, type Sort } from './graph';
import { lookup, newScope, outer, space, type Findings, type Scope } from './scope';

const PRIMITIVES: Record<number, WitPrimitive> = {
  0x7f: 'bool',
  0x7e: 's8',
  0x7d: 'u8',
  0x7c: 's16',
  0x7b: 'u16',
  0x7a: 's32',
  0x79: 'u32',
  0x78: 's64',
  0x77: 'u64',
  0x76: 'f32',
  0x75: 'f64',
  0x74: 'char',
  0x73: 'string',
  0x64: 'error-context',
};

// One node per primitive: they carry no identity.
const PRIM_NODES = new Map<number, Node>(Object.entries(PRIMITIVES).map(([code, p]) => [Number(code), { k: 'prim', p }]));

/** Nesting allowed for instance/component types and nested components; deeper is reported, not followed. */
export const MAX_DEPTH = 64;

export const UNSUPPORTED = {
  asyncFunc: 'async functions (component model async, WASI 0.3): they are listed but cannot be called here',
  asyncBuiltins: 'component model async built-ins (task.return, waitable sets, subtasks): this app runs only synchronous components',
  streams: 'stream and future types (component model async, WASI 0.3): values of these types cannot be passed here',
  errorContext: 'error-context values (component model async): not supported here',
  threads: 'shared-everything threads (thread.spawn built-ins): this app runs components single-threaded',
  coopThreads: 'component model threads (thread.* built-ins): this app runs components single-threaded',
} as const;

/** Everything a reader needs: the scope to fill, where to report, and how deep we are. */
export interface Ctx {
  scope: Scope;
  found: Findings;
  depth: number;
}

function hex(n: number): string {
  return `0x${n.toString(16).padStart(2, '0')}`;
}

/** A sort (`sortidx` prefix): core sorts read their second byte and come back as 'module' or null. */
export function readSort(r: ByteReader): Sort | 'core' {
  const at = r.pos;
  const b = r.u8();
  switch (b) {
    case 0x00: {
      const core = r.u8();
      return core === 0x11 ? 'module' : 'core';
    }
    case 0x01:
      return 'func';
    case 0x02:
      return 'value';
    case 0x03:
      return 'type';
    case 0x04:
      return 'component';
    case 0x05:
      return 'instance';
    default:
      throw new WasmParseError(`unknown sort ${hex(b)}`, at);
  }
}

/** An import or export name with its attributes; a version suffix is appended to the name. */
export function readExternName(r: ByteReader): string {
  const at = r.pos;
  const tag = r.u8();
  if (tag === 0x00 || tag === 0x01) return r.name();
  if (tag !== 0x02) throw new WasmParseError(`unknown import/export name encoding ${hex(tag)}`, at);
  let name = r.name();
  const attrs = r.count('name attributes');
  for (let i = 0; i < attrs; i++) {
    const kindAt = r.pos;
    const kind = r.u8();
    if (kind === 0x00 || kind === 0x02) r.name(); // implements / external-id: not part of WIT
    else if (kind === 0x01) name += r.name(); // version suffix
    else throw new WasmParseError(`unknown name attribute ${hex(kind)}`, kindAt);
  }
  return name;
}

/** A value type: a primitive or a type index (s33, so primitives read as negative). */
export function readValtype(r: ByteReader, ctx: Ctx): Node {
  const at = r.pos;
  const v = r.s33();
  if (v >= 0) return lookup(ctx.scope, 'type', v, ctx.found);
  const code = v + 0x80;
  const prim = PRIM_NODES.get(code);
  if (prim === undefined) throw new WasmParseError(`unknown value type ${hex(code & 0xff)}`, at);
  if (code === 0x64) ctx.found.unsupported.add(UNSUPPORTED.errorContext);
  return prim;
}

function optional<T>(r: ByteReader, read: () => T): T | null {
  const at = r.pos;
  const b = r.u8();
  if (b === 0x00) return null;
  if (b === 0x01) return read();
  throw new WasmParseError(`expected 0x00 or 0x01 for an optional value, got ${hex(b)}`, at);
}

function labels(r: ByteReader, what: string): string[] {
  const n = r.count(what);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(r.name());
  return out;
}

/** A `deftype`: value type, function, component, instance or resource type. */
export function readDefType(r: ByteReader, ctx: Ctx): Node {
  const at = r.pos;
  const code = r.u8();
  const prim = PRIM_NODES.get(code);
  if (prim !== undefined) {
    if (code === 0x64) ctx.found.unsupported.add(UNSUPPORTED.errorContext);
    return prim;
  }
  switch (code) {
    case 0x72: {
      const n = r.count('record fields');
      const fields = [];
      for (let i = 0; i < n; i++) fields.push({ name: r.name(), t: readValtype(r, ctx) });
      return { k: 'record', fields };
    }
    case 0x71: {
      const n = r.count('variant cases');
      const cases = [];
      for (let i = 0; i < n; i++) {
        const name = r.name();
        const t = optional(r, () => readValtype(r, ctx));
        // Older binaries had an optional `refines` index here; current ones always write 0x00.
        optional(r, () => r.u32());
        cases.push({ name, t });
      }
      return { k: 'variant', cases };
    }
    case 0x70:
      return { k: 'list', el: readValtype(r, ctx) };
    case 0x67: {
      const el = readValtype(r, ctx);
      return { k: 'list', el, len: r.u32() };
    }
    case 0x6f: {
      const n = r.count('tuple types');
      const types = [];
      for (let i = 0; i < n; i++) types.push(readValtype(r, ctx));
      return { k: 'tuple', types };
    }
    case 0x6e:
      return { k: 'flags', flags: labels(r, 'flags') };
    case 0x6d:
      return { k: 'enum', cases: labels(r, 'enum cases') };
    case 0x6b:
      return { k: 'option', t: readValtype(r, ctx) };
    case 0x6a: {
      const ok = optional(r, () => readValtype(r, ctx));
      const err = optional(r, () => readValtype(r, ctx));
      return { k: 'result', ok, err };
    }
    case 0x69:
    case 0x68:
      return { k: code === 0x69 ? 'own' : 'borrow', res: lookup(ctx.scope, 'type', r.u32(), ctx.found) };
    case 0x66:
    case 0x65:
      ctx.found.unsupported.add(UNSUPPORTED.streams);
      return { k: code === 0x66 ? 'stream' : 'future', t: optional(r, () => readValtype(r, ctx)) };
    case 0x63: {
      const key = readValtype(r, ctx);
      return { k: 'map', key, value: readValtype(r, ctx) };
    }
    case 0x40:
    case 0x43:
      return readFuncType(r, ctx, code === 0x43);
    case 0x3f:
    case 0x3e:
      readValType(r); // representation (i32)
      optional(r, () => r.u32()); // destructor
      if (code === 0x3e) {
        optional(r, () => r.u32()); // async destructor callback
        ctx.found.unsupported.add(UNSUPPORTED.asyncFunc);
      }
      return { k: 'resource' };
    case 0x41:
      return readDecls(r, ctx, 'component type');
    case 0x42:
      return readDecls(r, ctx, 'instance type');
    default:
      throw new WasmParseError(`unknown component type form ${hex(code)}`, at);
  }
}

function readFuncType(r: ByteReader, ctx: Ctx, isAsync: boolean): Node {
  if (isAsync) ctx.found.unsupported.add(UNSUPPORTED.asyncFunc);
  const n = r.count('parameters');
  const params = [];
  for (let i = 0; i < n; i++) params.push({ name: r.name(), t: readValtype(r, ctx) });
  const at = r.pos;
  const tag = r.u8();
  let result: Node | null = null;
  if (tag === 0x00) {
    result = readValtype(r, ctx);
  } else if (tag === 0x01) {
    // Named results were removed from the component model; older binaries may still carry them.
    const m = r.count('results');
    const named = [];
    for (let i = 0; i < m; i++) named.push({ name: r.name(), t: readValtype(r, ctx) });
    if (m === 1) result = named[0]!.t;
    else if (m > 1) result = { k: 'tuple', types: named.map((x) => x.t) };
    if (m > 0) ctx.found.warnings.add('a function has named results (removed from the component model); they are shown as one result');
  } else {
    throw new WasmParseError(`unknown function result encoding ${hex(tag)}`, at);
  }
  return { k: 'func', params, result, async: isAsync };
}

/** A component type (0x41) or instance type (0x42): a scope of its own, with outer aliases to ours. */
function readDecls(r: ByteReader, ctx: Ctx, what: 'component type' | 'instance type'): Node {
  const scope = newScope(ctx.scope, what);
  const inner: Ctx = { scope, found: ctx.found, depth: ctx.depth + 1 };
  if (inner.depth > MAX_DEPTH) throw new WasmParseError(`${what}s nested more than ${MAX_DEPTH} deep`, r.pos);
  const n = r.count('declarations');
  for (let i = 0; i < n; i++) {
    const at = r.pos;
    const tag = r.u8();
    switch (tag) {
      case 0x00:
        skipCoreType(r);
        break;
      case 0x01:
        scope.types.push(readDefType(r, inner));
        break;
      case 0x02:
        readAlias(r, inner);
        break;
      case 0x03:
        if (what !== 'component type') throw new WasmParseError('an import declaration inside an instance type', at);
        declare(scope.imports, readExternName(r), readExternType(r, inner), scope);
        break;
      case 0x04:
        declare(scope.exports, readExternName(r), readExternType(r, inner), scope);
        break;
      default:
        throw new WasmParseError(`unknown ${what} declaration ${hex(tag)}`, at);
    }
  }
  if (what === 'instance type') return { k: 'instance', exports: scope.exports };
  return { k: 'component', imports: scope.imports, exports: scope.exports };
}

/** Record an import or export declaration and give it its new index. */
export function declare(into: Map<string, Item>, name: string, desc: ExternDesc, scope: Scope): Item {
  const node = desc.sort === 'type' ? { k: 'named' as const, name, target: desc.node } : desc.node;
  const item: Item = { sort: desc.sort, node };
  into.set(name, item);
  space(scope, desc.sort)?.push(node);
  return item;
}

/** What an `externtype` describes; for types, the bound (the imported/exported type itself is named later). */
export interface ExternDesc {
  sort: Sort;
  node: Node;
}

export function readExternType(r: ByteReader, ctx: Ctx): ExternDesc {
  const at = r.pos;
  const tag = r.u8();
  const { scope, found } = ctx;
  switch (tag) {
    case 0x00: {
      const core = r.u8();
      if (core !== 0x11) throw new WasmParseError(`unknown core extern type ${hex(core)}`, at);
      r.u32();
      return { sort: 'module', node: OPAQUE };
    }
    case 0x01:
      return { sort: 'func', node: lookup(scope, 'type', r.u32(), found) };
    case 0x02: {
      const b = r.u8();
      if (b === 0x00) r.u32();
      else if (b === 0x01) readValtype(r, ctx);
      else throw new WasmParseError(`unknown value bound ${hex(b)}`, at + 1);
      return { sort: 'value', node: OPAQUE };
    }
    case 0x03: {
      const b = r.u8();
      if (b === 0x00) return { sort: 'type', node: lookup(scope, 'type', r.u32(), found) };
      if (b === 0x01) return { sort: 'type', node: { k: 'resource' } };
      throw new WasmParseError(`unknown type bound ${hex(b)}`, at + 1);
    }
    case 0x04:
      return { sort: 'component', node: lookup(scope, 'type', r.u32(), found) };
    case 0x05:
      return { sort: 'instance', node: lookup(scope, 'type', r.u32(), found) };
    default:
      throw new WasmParseError(`unknown extern type ${hex(tag)}`, at);
  }
}

/** An alias: an instance's export, a core instance's export (not tracked), or an outer definition. */
export function readAlias(r: ByteReader, ctx: Ctx): void {
  const sort = readSort(r);
  const at = r.pos;
  const tag = r.u8();
  const { scope, found } = ctx;
  switch (tag) {
    case 0x00: {
      const inst = lookup(scope, 'instance', r.u32(), found);
      const name = r.name();
      if (sort === 'core') return;
      let node: Node = OPAQUE;
      if (inst.k === 'instance') {
        const item = inst.exports.get(name);
        if (item !== undefined) node = item.node;
        else found.warnings.add(`an alias names export "${name}", which its instance does not have`);
      }
      space(scope, sort)?.push(node);
      return;
    }
    case 0x01:
      r.u32();
      r.name();
      return;
    case 0x02: {
      const count = r.u32();
      const index = r.u32();
      if (sort === 'core' || sort === 'module') return;
      const target = outer(scope, count);
      const node = target === null ? OPAQUE : lookup(target, sort, index, found);
      if (target === null) found.warnings.add(`an outer alias reaches ${count} scopes out, past the outermost component`);
      space(scope, sort)?.push(node);
      return;
    }
    default:
      throw new WasmParseError(`unknown alias target ${hex(tag)}`, at);
  }
}

// Core types inside type declarations are only stepped over: WIT never shows them.
function skipCoreType(r: ByteReader): void {
  const at = r.pos;
  const form = r.u8();
  if (form === 0x50) {
    const n = r.count('module type declarations');
    for (let i = 0; i < n; i++) skipModuleDecl(r);
    return;
  }
  if (form === 0x00 && r.buf[r.pos] === 0x50) {
    r.pos++;
    skipSubType(r, true);
    return;
  }
  if (form === 0x4e) {
    const n = r.count('rec group members');
    for (let i = 0; i < n; i++) skipSubType(r, false);
    return;
  }
  r.pos = at;
  skipSubType(r, false);
}

function skipSubType(r: ByteReader, supersNext: boolean): void {
  const form = r.buf[r.pos];
  if (supersNext || form === 0x50 || form === 0x4f) {
    if (!supersNext) r.pos++;
    const n = r.count('supertypes');
    for (let i = 0; i < n; i++) r.u32();
  }
  const at = r.pos;
  let comp = r.u8();
  if (comp === 0x65) comp = r.u8(); // shared
  if (comp === 0x60) {
    for (const what of ['parameters', 'results']) {
      const n = r.count(what);
      for (let i = 0; i < n; i++) readValType(r);
    }
  } else if (comp === 0x5f || comp === 0x5e) {
    const n = comp === 0x5f ? r.count('struct fields') : 1;
    for (let i = 0; i < n; i++) {
      if (r.buf[r.pos] === 0x78 || r.buf[r.pos] === 0x77) r.pos++;
      else readValType(r);
      readMutability(r);
    }
  } else if (comp === 0x5d) {
    r.u32();
  } else {
    throw new WasmParseError(`unknown core type form ${hex(comp)}`, at);
  }
}

function skipModuleDecl(r: ByteReader): void {
  const at = r.pos;
  const tag = r.u8();
  switch (tag) {
    case 0x00:
      r.name();
      r.name();
      skipCoreExternType(r);
      return;
    case 0x01:
      skipCoreType(r);
      return;
    case 0x02:
      r.u8(); // 0x10 type
      r.u8(); // 0x01 outer
      r.u32();
      r.u32();
      return;
    case 0x03:
      r.name();
      skipCoreExternType(r);
      return;
    default:
      throw new WasmParseError(`unknown module type declaration ${hex(tag)}`, at);
  }
}

function skipCoreExternType(r: ByteReader): void {
  const at = r.pos;
  const tag = r.u8();
  switch (tag) {
    case 0x00:
      r.u32();
      return;
    case 0x01:
      readRefType(r);
      readLimits(r, 'table');
      return;
    case 0x02:
      readLimits(r, 'memory');
      return;
    case 0x03:
      readValType(r);
      readMutability(r);
      return;
    case 0x04:
      r.u8();
      r.u32();
      return;
    default:
      throw new WasmParseError(`unknown core import kind ${hex(tag)}`, at);
  }
}
