/** Types produced by the byte analysis in `src/wasm/`. Plain data: they cross the worker boundary. */
import type { WitWorld } from './wit/types';

/** A WebAssembly number value as JS sees it: i64 is a bigint. */
export type WasmValue = number | bigint;

export type ValType = 'i32' | 'i64' | 'f32' | 'f64' | 'v128' | 'funcref' | 'externref' | 'anyref' | 'exnref' | 'ref';

export interface FuncType {
  params: ValType[];
  results: ValType[];
}

export interface Limits {
  min: number;
  max?: number;
  shared?: boolean;
  memory64?: boolean;
}

export type ExternDesc =
  | { kind: 'func'; type: FuncType; typeIndex: number }
  | { kind: 'table'; element: ValType; limits: Limits }
  | { kind: 'memory'; limits: Limits }
  | { kind: 'global'; type: ValType; mutable: boolean }
  | { kind: 'tag'; type: FuncType | null };

export interface ImportEntry {
  module: string;
  name: string;
  desc: ExternDesc;
}

export interface ExportEntry {
  name: string;
  /** Index in the export's index space (imports first). */
  index: number;
  desc: ExternDesc;
}

export interface SectionInfo {
  /** Section id (0 = custom). */
  id: number;
  /** Human name: "type", "import", "custom: name"… */
  name: string;
  /** Byte offset of the section id byte. */
  offset: number;
  /** Size of the section payload in bytes. */
  size: number;
}

export type ModuleKind = 'core' | 'wasi-command' | 'wasi-reactor' | 'extism' | 'wapc' | 'component';

/** A host capability a module asks for, inferred from its imports (DESIGN.md §4). */
export type Capability =
  | 'filesystem'
  | 'network'
  | 'env'
  | 'args'
  | 'stdin'
  | 'stdout'
  | 'clock'
  | 'random'
  | 'config'
  | 'vars'
  | 'sockets'
  | 'proc-exit';

export interface CapabilityRequest {
  capability: Capability;
  /** The imports that led to this capability, as "module.name". */
  via: string[];
}

export interface CoreAnalysis {
  format: 'core';
  kind: Exclude<ModuleKind, 'component'>;
  imports: ImportEntry[];
  exports: ExportEntry[];
  sections: SectionInfo[];
  /** Index of the start function, if any. */
  start?: number;
  /** Names of custom sections in order. */
  customSections: string[];
  /** `producers` custom section, flattened ("language: Rust 1.80"…), if present. */
  producers: string[];
  capabilities: CapabilityRequest[];
  /** Module name from the `name` custom section, if present and readable. */
  moduleName?: string;
}

export interface ComponentAnalysis {
  format: 'component';
  kind: 'component';
  /** Top-level sections of the component binary, ids per the component model. */
  sections: SectionInfo[];
  customSections: string[];
  producers: string[];
  /** From the imported WASI interfaces; `via` names the interfaces. */
  capabilities: CapabilityRequest[];
  /** The component's world, decoded from the binary; null when it could not be decoded. */
  world: WitWorld | null;
  /** Why `world` is null: the decoder's message, with the byte offset. */
  worldError?: string;
}

export type ModuleAnalysis = CoreAnalysis | ComponentAnalysis;

/** A parse failure with the byte offset where it was found. */
export interface ParseError {
  message: string;
  offset: number;
}

export type ParseResult = { ok: true; analysis: ModuleAnalysis } | { ok: false; error: ParseError };
