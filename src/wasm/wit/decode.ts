/**
 * Decoding a component binary into its WIT world (component model Binary.md). Index spaces are
 * tracked for component-level sorts only; core modules are skipped by their section size, so a
 * large component decodes in about the time it takes to read its small type sections.
 *
 * Contract: `decodeWorld` throws only `WasmParseError`, for bytes that do not follow the binary
 * format (with the offset). What is valid but not expressible as WIT becomes a warning, and
 * features this app cannot run are listed in `unsupported`.
 */
import type { WitWorld } from './types';
import { ByteReader, WasmParseError } from '../reader';
import { instantiate, OPAQUE, type Item, type Node } from './graph';
import { newScope, lookup, space, type Findings } from './scope';
import {
  declare,
  MAX_DEPTH,
  readAlias,
  readDefType,
  readExternName,
  readExternType,
  readSort,
  UNSUPPORTED,
  type Ctx,
} from './readTypes';
import { buildWorld } from './world';

const PREAMBLE = [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00];

/** The world of the component in `bytes`. Throws WasmParseError for malformed bytes. */
export function decodeWorld(bytes: Uint8Array): WitWorld {
  const found: Findings = { warnings: new Set(), unsupported: new Set() };
  try {
    const root = newScope(null, 'component');
    readComponent(new ByteReader(bytes), { scope: root, found, depth: 0 });
    return buildWorld(root, found);
  } catch (err) {
    if (err instanceof WasmParseError) throw err;
    if (err instanceof RangeError) {
      throw new WasmParseError("the component's types are nested too deeply to decode (the call stack ran out)", 0);
    }
    // A bug of ours (or a pathological input) must read like any other decode failure.
    const message = err instanceof Error ? err.message : String(err);
    throw new WasmParseError(`internal error while decoding the component's world: ${message}`, 0);
  }
}

function readComponent(r: ByteReader, ctx: Ctx): void {
  const start = r.pos;
  for (let i = 0; i < PREAMBLE.length; i++) {
    if (r.u8() !== PREAMBLE[i]) {
      throw new WasmParseError('not a component binary of version 0x0d: the preamble (00 61 73 6d 0d 00 01 00) differs', start + i);
    }
  }
  while (!r.atEnd()) {
    const offset = r.pos;
    const id = r.u8();
    const size = r.u32();
    if (size > r.remaining) {
      throw new WasmParseError(`component section ${id} at offset ${offset} claims ${size} bytes but only ${r.remaining} remain`, offset);
    }
    const end = r.pos + size;
    const s = new ByteReader(r.buf, r.pos, end, `component section ${id} at offset ${offset} (${size} bytes)`);
    readSection(id, s, ctx);
    if (!s.atEnd()) {
      throw new WasmParseError(`component section ${id} at offset ${offset} declares ${size} bytes but its content ends after ${s.pos - (end - size)}`, s.pos);
    }
    r.pos = end;
  }
}

function readSection(id: number, r: ByteReader, ctx: Ctx): void {
  const { scope, found } = ctx;
  switch (id) {
    case 0: // custom
    case 1: // core module
    case 2: // core instances
    case 3: // core types
      r.skip(r.remaining);
      return;
    case 4:
      scope.components.push(readNested(r, ctx));
      return;
    case 5:
      forEach(r, 'instances', () => scope.instances.push(readInstance(r, ctx)));
      return;
    case 6:
      forEach(r, 'aliases', () => readAlias(r, ctx));
      return;
    case 7:
      forEach(r, 'types', () => scope.types.push(readDefType(r, ctx)));
      return;
    case 8:
      readCanons(r, ctx);
      return;
    case 9:
      found.warnings.add('the component has a start function (value definitions); it is not shown in the world');
      r.skip(r.remaining);
      return;
    case 10:
      forEach(r, 'imports', () => declare(scope.imports, readExternName(r), readExternType(r, ctx), scope));
      return;
    case 11:
      forEach(r, 'exports', () => readExport(r, ctx));
      return;
    case 12:
      found.warnings.add('the component defines values (a pre-standard feature); they are not shown in the world');
      r.skip(r.remaining);
      return;
    default:
      found.warnings.add(`unknown component section id ${id}: skipped`);
      r.skip(r.remaining);
  }
}

function forEach(r: ByteReader, what: string, read: () => void): void {
  const n = r.count(what);
  for (let i = 0; i < n; i++) read();
}

function readNested(r: ByteReader, ctx: Ctx): Node {
  if (ctx.depth + 1 > MAX_DEPTH) {
    ctx.found.warnings.add(`components nested more than ${MAX_DEPTH} deep are not decoded`);
    r.skip(r.remaining);
    return OPAQUE;
  }
  const scope = newScope(ctx.scope, 'component');
  readComponent(r, { scope, found: ctx.found, depth: ctx.depth + 1 });
  return { k: 'component', imports: scope.imports, exports: scope.exports };
}

function readSortIdx(r: ByteReader, ctx: Ctx): Item | null {
  const sort = readSort(r);
  const index = r.u32();
  if (sort === 'core' || sort === 'module' || sort === 'value') return null;
  return { sort, node: lookup(ctx.scope, sort, index, ctx.found) };
}

function readInstance(r: ByteReader, ctx: Ctx): Node {
  const at = r.pos;
  const tag = r.u8();
  if (tag === 0x00) {
    const component = lookup(ctx.scope, 'component', r.u32(), ctx.found);
    const args = new Map<string, Item>();
    forEach(r, 'instantiation arguments', () => {
      const name = r.name();
      const item = readSortIdx(r, ctx);
      if (item !== null) args.set(name, item);
    });
    if (component.k !== 'component') return { k: 'instance', exports: new Map() };
    return instantiate(component, args);
  }
  if (tag === 0x01) {
    const exports = new Map<string, Item>();
    forEach(r, 'inline exports', () => {
      const name = readExternName(r);
      const item = readSortIdx(r, ctx);
      if (item === null) return;
      // An exported type is a new binding of that type to the export's name.
      exports.set(name, item.sort === 'type' ? { sort: 'type', node: { k: 'named', name, target: item.node } } : item);
    });
    return { k: 'instance', exports };
  }
  throw new WasmParseError(`unknown instance definition 0x${tag.toString(16)}`, at);
}

function readExport(r: ByteReader, ctx: Ctx): void {
  const { scope } = ctx;
  const name = readExternName(r);
  const sort = readSort(r);
  const index = r.u32();
  const ascribed = r.u8() === 0x01 ? readExternType(r, ctx) : null;
  if (sort === 'core' || sort === 'module' || sort === 'value') return;
  const node = lookup(scope, sort, index, ctx.found);
  // The ascribed type, when given, is how the export is meant to be seen (wit-component writes
  // the interface's named types there); for types it is only a bound, the binding is ours.
  const described = ascribed !== null && sort !== 'type' && ascribed.node !== OPAQUE ? ascribed.node : node;
  const item: Item = { sort, node: sort === 'type' ? { k: 'named', name, target: node } : described };
  scope.exports.set(name, item);
  space(scope, sort)?.push(item.node);
}

// Canonical definitions: lifts define component functions; the built-ins tell which features are used.
function readCanons(r: ByteReader, ctx: Ctx): void {
  const { scope, found } = ctx;
  const n = r.count('canonical definitions');
  for (let i = 0; i < n; i++) {
    const at = r.pos;
    const op = r.u8();
    switch (op) {
      case 0x00: {
        r.u8(); // func sort
        r.u32();
        if (readOpts(r)) found.unsupported.add(UNSUPPORTED.asyncFunc);
        scope.funcs.push(lookup(scope, 'type', r.u32(), found));
        break;
      }
      case 0x01:
        r.u8();
        r.u32();
        if (readOpts(r)) found.unsupported.add(UNSUPPORTED.asyncFunc);
        break;
      case 0x02:
      case 0x03:
      case 0x04:
        r.u32();
        break;
      case 0x07: // resource.drop async (older binaries)
        r.u32();
        found.unsupported.add(UNSUPPORTED.asyncBuiltins);
        break;
      default:
        if (!readBuiltin(op, r, found)) {
          found.warnings.add(`unknown canonical definition 0x${op.toString(16)} at offset ${at}: the rest of that section was skipped, so some functions may be missing`);
          r.skip(r.remaining);
          return;
        }
    }
  }
}

/** Read a canon option list; true when it asks for async. */
function readOpts(r: ByteReader): boolean {
  let isAsync = false;
  const n = r.count('canonical options');
  for (let i = 0; i < n; i++) {
    const at = r.pos;
    const opt = r.u8();
    if (opt === 0x03 || opt === 0x04 || opt === 0x05 || opt === 0x07 || opt === 0x08) r.u32();
    else if (opt === 0x06) isAsync = true;
    else if (opt > 0x09) throw new WasmParseError(`unknown canonical option 0x${opt.toString(16)}`, at);
  }
  return isAsync;
}

// Immediates of each async/thread built-in, by opcode: t = type index, o = options, b = flag byte,
// v = core value type byte, u = u32, m = memory index, r = result list.
const BUILTINS: Record<number, { imm: string; feature: keyof typeof UNSUPPORTED }> = {
  0x05: { imm: '', feature: 'asyncBuiltins' },
  0x06: { imm: 'b', feature: 'asyncBuiltins' },
  0x08: { imm: '', feature: 'asyncBuiltins' },
  0x09: { imm: 'ro', feature: 'asyncBuiltins' },
  0x0a: { imm: 'vu', feature: 'asyncBuiltins' },
  0x0b: { imm: 'vu', feature: 'asyncBuiltins' },
  0x0c: { imm: 'b', feature: 'asyncBuiltins' },
  0x0d: { imm: '', feature: 'asyncBuiltins' },
  0x0e: { imm: 't', feature: 'streams' },
  0x0f: { imm: 'to', feature: 'streams' },
  0x10: { imm: 'to', feature: 'streams' },
  0x11: { imm: 'tb', feature: 'streams' },
  0x12: { imm: 'tb', feature: 'streams' },
  0x13: { imm: 't', feature: 'streams' },
  0x14: { imm: 't', feature: 'streams' },
  0x15: { imm: 't', feature: 'streams' },
  0x16: { imm: 'to', feature: 'streams' },
  0x17: { imm: 'to', feature: 'streams' },
  0x18: { imm: 'tb', feature: 'streams' },
  0x19: { imm: 'tb', feature: 'streams' },
  0x1a: { imm: 't', feature: 'streams' },
  0x1b: { imm: 't', feature: 'streams' },
  0x1c: { imm: 'o', feature: 'errorContext' },
  0x1d: { imm: 'o', feature: 'errorContext' },
  0x1e: { imm: '', feature: 'errorContext' },
  0x1f: { imm: '', feature: 'asyncBuiltins' },
  0x20: { imm: 'bm', feature: 'asyncBuiltins' },
  0x21: { imm: 'bm', feature: 'asyncBuiltins' },
  0x22: { imm: '', feature: 'asyncBuiltins' },
  0x23: { imm: '', feature: 'asyncBuiltins' },
  0x24: { imm: '', feature: 'asyncBuiltins' },
  0x25: { imm: '', feature: 'asyncBuiltins' },
  0x26: { imm: '', feature: 'coopThreads' },
  0x27: { imm: 'uu', feature: 'coopThreads' },
  0x28: { imm: '', feature: 'coopThreads' },
  0x29: { imm: 'b', feature: 'coopThreads' },
  0x2a: { imm: 'b', feature: 'coopThreads' },
  0x2b: { imm: 'b', feature: 'coopThreads' },
  0x2c: { imm: 'b', feature: 'coopThreads' },
  0x2d: { imm: 'b', feature: 'coopThreads' },
  // As wasm-tools writes them; Binary.md has since added a `shared` flag byte before the type.
  0x40: { imm: 'u', feature: 'threads' },
  0x41: { imm: 'uu', feature: 'threads' },
  0x42: { imm: '', feature: 'threads' },
};

function readBuiltin(op: number, r: ByteReader, found: Findings): boolean {
  const spec = BUILTINS[op];
  if (spec === undefined) return false;
  for (const c of spec.imm) {
    if (c === 't' || c === 'u' || c === 'm') r.u32();
    else if (c === 'b' || c === 'v') r.u8();
    else if (c === 'o') readOpts(r);
    else if (c === 'r') skipResultList(r);
  }
  found.unsupported.add(UNSUPPORTED[spec.feature]);
  return true;
}

function skipResultList(r: ByteReader): void {
  const at = r.pos;
  const tag = r.u8();
  if (tag === 0x00) r.s33();
  else if (tag === 0x01) {
    const n = r.count('results');
    for (let i = 0; i < n; i++) {
      r.name();
      r.s33();
    }
  } else throw new WasmParseError(`unknown result list encoding 0x${tag.toString(16)}`, at);
}

