/** A core module's sections turned into imports, exports with signatures, and section info. */
import type { CoreAnalysis, ExportEntry, ExternDesc, FuncType, ImportEntry } from './types';
import { WasmParseError } from './reader';
import { walkSections } from './sections';
import { CORE_SECTION_NAMES, emptyCoreState, readCoreSection, type CoreState, type RawExport, type RawImport } from './coreSections';

/** Parse a core module (header already checked). Throws WasmParseError; kind and capabilities are filled later. */
export function parseCore(buf: Uint8Array): CoreAnalysis {
  const s = emptyCoreState();
  const walk = walkSections(buf, CORE_SECTION_NAMES, (id, r, info) => readCoreSection(s, id, r, info.offset));
  checkCounts(s, buf.length);
  const analysis: CoreAnalysis = {
    format: 'core',
    kind: 'core',
    imports: s.imports.map((imp) => resolveImport(s, imp)),
    exports: s.exports.map((exp) => resolveExport(s, exp)),
    sections: walk.sections,
    customSections: walk.customSections,
    producers: walk.producers,
    capabilities: [],
  };
  if (s.start !== undefined) analysis.start = s.start;
  if (walk.moduleName !== undefined) analysis.moduleName = walk.moduleName;
  return analysis;
}

// Function/code and data-count/data must agree (core spec §5.5.16). Checking it here turns a
// file cut at a section boundary into a "truncated" message instead of a module with no code.
function checkCounts(s: CoreState, size: number): void {
  const declared = s.functionSection?.count ?? 0;
  if (s.code === undefined) {
    if (declared > 0) {
      throw new WasmParseError(`function section declares ${declared} functions but there is no code section (truncated file?)`, size);
    }
  } else if (s.code.count !== declared) {
    throw new WasmParseError(`function section declares ${declared} functions but the code section has ${s.code.count} bodies`, s.code.offset);
  }
  if (s.dataCount !== undefined) {
    const segments = s.data?.count;
    if (segments === undefined && s.dataCount.count > 0) {
      throw new WasmParseError(`data count section declares ${s.dataCount.count} segments but there is no data section (truncated file?)`, size);
    }
    if (segments !== undefined && segments !== s.dataCount.count) {
      throw new WasmParseError(`data count section declares ${s.dataCount.count} segments but the data section has ${segments}`, s.data!.offset);
    }
  }
}

/** The function type at `typeIndex`, read at `at` by `owner` (e.g. `export "f"`, named only in errors). */
function funcType(s: CoreState, typeIndex: number, at: number, owner: RawImport | RawExport): FuncType {
  const entry = s.types[typeIndex];
  if (entry) return entry;
  const who = 'module' in owner ? `import "${owner.module}.${owner.name}"` : `export "${owner.name}"`;
  if (entry === undefined) {
    throw new WasmParseError(`${who} uses type index ${typeIndex}, but the module defines ${s.types.length} types`, at);
  }
  throw new WasmParseError(`${who} has type index ${typeIndex}, which is not a function type`, at);
}

/** Type index of function `index` (imports first), or undefined when out of range. */
function funcTypeIndex(s: CoreState, index: number): number | undefined {
  const imported = s.importedFuncs.length;
  return index < imported ? s.importedFuncs[index] : s.definedFuncs[index - imported];
}

function resolveImport(s: CoreState, imp: RawImport): ImportEntry {
  const d = imp.desc;
  let desc: ExternDesc;
  switch (d.kind) {
    case 'func': {
      const type = funcType(s, d.ref.typeIndex, d.ref.at, imp);
      desc = { kind: 'func', type, typeIndex: d.ref.typeIndex };
      break;
    }
    case 'tag':
      desc = { kind: 'tag', type: s.types[d.ref.typeIndex] ?? null };
      break;
    case 'table':
      desc = { kind: 'table', element: d.table.element, limits: d.table.limits };
      break;
    case 'memory':
      desc = { kind: 'memory', limits: d.limits };
      break;
    case 'global':
      desc = { kind: 'global', type: d.global.type, mutable: d.global.mutable };
      break;
  }
  return { module: imp.module, name: imp.name, desc };
}

function resolveExport(s: CoreState, exp: RawExport): ExportEntry {
  return { name: exp.name, index: exp.index, desc: exportDesc(s, exp) };
}

function exportDesc(s: CoreState, exp: RawExport): ExternDesc {
  switch (exp.kind) {
    case 'func': {
      const typeIndex = funcTypeIndex(s, exp.index);
      if (typeIndex === undefined) throw outOfRange(exp, 'function', s.importedFuncs.length + s.definedFuncs.length);
      return { kind: 'func', type: funcType(s, typeIndex, exp.at, exp), typeIndex };
    }
    case 'table': {
      const table = s.tables[exp.index];
      if (table === undefined) throw outOfRange(exp, 'table', s.tables.length);
      return { kind: 'table', element: table.element, limits: table.limits };
    }
    case 'memory': {
      const limits = s.memories[exp.index];
      if (limits === undefined) throw outOfRange(exp, 'memory', s.memories.length);
      return { kind: 'memory', limits };
    }
    case 'global': {
      const global = s.globals[exp.index];
      if (global === undefined) throw outOfRange(exp, 'global', s.globals.length);
      return { kind: 'global', type: global.type, mutable: global.mutable };
    }
    case 'tag': {
      const typeIndex = s.tags[exp.index];
      if (typeIndex === undefined) throw outOfRange(exp, 'tag', s.tags.length);
      return { kind: 'tag', type: s.types[typeIndex] ?? null };
    }
  }
}

function outOfRange(exp: RawExport, space: string, count: number): WasmParseError {
  return new WasmParseError(`export "${exp.name}" refers to ${space} ${exp.index}, but the module has ${count}`, exp.at);
}
