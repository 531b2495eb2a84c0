/** Reading each known section of a core module into raw, unresolved state. */
import type { Limits, ValType } from './types';
import { WasmParseError, type ByteReader } from './reader';
import { readTypeSection, type TypeEntry } from './typeSection';
import { readLimits, readMutability, readRefType, readValType } from './valtypes';
import { skipConstExpr } from './constExpr';

/** Core section names by id (0-13), for SectionInfo and error messages. */
export const CORE_SECTION_NAMES = [
  'custom',
  'type',
  'import',
  'function',
  'table',
  'memory',
  'global',
  'export',
  'start',
  'element',
  'code',
  'data',
  'data count',
  'tag',
] as const;

export type ExternKind = 'func' | 'table' | 'memory' | 'global' | 'tag';
const EXTERN_KINDS: readonly ExternKind[] = ['func', 'table', 'memory', 'global', 'tag'];

export interface RawTable {
  element: ValType;
  limits: Limits;
}
export interface RawGlobal {
  type: ValType;
  mutable: boolean;
}
/** A type index and where it was read, for errors found when resolving it later. */
export interface TypeRef {
  typeIndex: number;
  at: number;
}
export type RawImportDesc =
  | { kind: 'func' | 'tag'; ref: TypeRef }
  | { kind: 'table'; table: RawTable }
  | { kind: 'memory'; limits: Limits }
  | { kind: 'global'; global: RawGlobal };
export interface RawImport {
  module: string;
  name: string;
  desc: RawImportDesc;
}
export interface RawExport {
  name: string;
  kind: ExternKind;
  index: number;
  at: number;
}
interface SectionCount {
  count: number;
  offset: number;
}

/** Everything read from the sections; each index space lists imports first. */
export interface CoreState {
  types: TypeEntry[];
  imports: RawImport[];
  /** Type index of each imported function. */
  importedFuncs: number[];
  /** Type index of each function defined in the function section. */
  definedFuncs: Uint8Array | Uint32Array;
  tables: RawTable[];
  memories: Limits[];
  globals: RawGlobal[];
  /** Type index of every tag (imported, then defined). */
  tags: number[];
  exports: RawExport[];
  start?: number;
  functionSection?: SectionCount;
  code?: SectionCount;
  dataCount?: SectionCount;
  data?: SectionCount;
}

/** A fresh, empty state. */
export function emptyCoreState(): CoreState {
  return { types: [], imports: [], importedFuncs: [], definedFuncs: new Uint32Array(0), tables: [], memories: [], globals: [], tags: [], exports: [] };
}

/** Read section `id`'s payload from `r` into `s`; bodies of element/code/data are skipped by size. */
export function readCoreSection(s: CoreState, id: number, r: ByteReader, offset: number): void {
  switch (id) {
    case 1:
      return readTypeSection(r, s.types);
    case 2:
      return readImports(s, r);
    case 3: {
      const n = r.count('functions');
      s.definedFuncs = r.u32s(n);
      s.functionSection = { count: n, offset };
      return;
    }
    case 4:
      return repeat(r, 'tables', () => s.tables.push(readTable(r)));
    case 5:
      return repeat(r, 'memories', () => s.memories.push(readLimits(r, 'memory')));
    case 6:
      return repeat(r, 'globals', () => {
        s.globals.push(readGlobalType(r));
        skipConstExpr(r);
      });
    case 7:
      return readExports(s, r);
    case 8:
      s.start = r.u32();
      return;
    case 10:
      s.code = { count: r.u32(), offset };
      return r.skip(r.remaining);
    case 11:
      s.data = { count: r.u32(), offset };
      return r.skip(r.remaining);
    case 12:
      s.dataCount = { count: r.u32(), offset };
      return;
    case 13:
      return repeat(r, 'tags', () => s.tags.push(readTagType(r).typeIndex));
    default:
      // Element segments, and sections from proposals we don't know: the engine judges them.
      return r.skip(r.remaining);
  }
}

function repeat(r: ByteReader, what: string, readOne: () => void): void {
  const n = r.count(what);
  for (let i = 0; i < n; i++) readOne();
}

function readImports(s: CoreState, r: ByteReader): void {
  const n = r.count('imports');
  for (let i = 0; i < n; i++) {
    const module = r.name();
    const name = r.name();
    const at = r.pos;
    const kind = r.u8();
    let desc: RawImportDesc;
    switch (kind) {
      case 0: {
        const ref = { typeIndex: r.u32(), at };
        s.importedFuncs.push(ref.typeIndex);
        desc = { kind: 'func', ref };
        break;
      }
      case 1: {
        const table = readTable(r);
        s.tables.push(table);
        desc = { kind: 'table', table };
        break;
      }
      case 2: {
        const limits = readLimits(r, 'memory');
        s.memories.push(limits);
        desc = { kind: 'memory', limits };
        break;
      }
      case 3: {
        const global = readGlobalType(r);
        s.globals.push(global);
        desc = { kind: 'global', global };
        break;
      }
      case 4: {
        const ref = readTagType(r);
        s.tags.push(ref.typeIndex);
        desc = { kind: 'tag', ref };
        break;
      }
      default:
        throw new WasmParseError(`import "${module}.${name}" has unknown kind 0x${kind.toString(16)}`, at);
    }
    s.imports.push({ module, name, desc });
  }
}

function readExports(s: CoreState, r: ByteReader): void {
  const n = r.count('exports');
  for (let i = 0; i < n; i++) {
    const at = r.pos;
    const name = r.name();
    const kindAt = r.pos;
    const kind = EXTERN_KINDS[r.u8()];
    if (kind === undefined) throw new WasmParseError(`export "${name}" has unknown kind 0x${r.buf[kindAt]!.toString(16)}`, kindAt);
    s.exports.push({ name, kind, index: r.u32(), at });
  }
}

// Function-references proposal: a table may carry an initialiser, flagged by 0x40 0x00.
function readTable(r: ByteReader): RawTable {
  if (r.buf[r.pos] === 0x40 && r.pos < r.end) {
    const at = r.pos;
    r.pos++;
    if (r.u8() !== 0x00) throw new WasmParseError('table with initialiser must have a 0x00 reserved byte after 0x40', at);
    const table = { element: readRefType(r), limits: readLimits(r, 'table') };
    skipConstExpr(r);
    return table;
  }
  return { element: readRefType(r), limits: readLimits(r, 'table') };
}

function readGlobalType(r: ByteReader): RawGlobal {
  return { type: readValType(r), mutable: readMutability(r) };
}

// Exception-handling proposal: attribute 0 (exception) then the function type index.
function readTagType(r: ByteReader): TypeRef {
  const at = r.pos;
  const attribute = r.u8();
  if (attribute !== 0) throw new WasmParseError(`tag attribute must be 0, got ${attribute}`, at);
  return { typeIndex: r.u32(), at };
}
