/**
 * Messages between the page and the analyser worker (STYLE.md §1), types only. The page's
 * AnalyserClient and `analyser.worker.ts` both import this file.
 */
import type { LoadError } from '../../model/errors';
import type { UnzipResult } from '../../host/fs/unzip';
import type { Decoded } from '../../share/codec';
import type { ModuleAnalysis } from '../../wasm/types';
import type { ClaimsReport } from '../../wasm/claims/types';
import type { CheckedModule, CheckReport } from '../../wasm/checks/types';

export interface AnalyseRequest {
  type: 'analyse';
  jobId: number;
  bytes: ArrayBuffer;
  /** Known hash (library loads) skips hashing. */
  sha256?: string;
  /** Send the bytes back with the analysis (the page gave its only copy). */
  giveBack?: boolean;
  /** Keep the bytes in the library's IndexedDB store (off the main thread); a `kept` event follows. */
  keep?: boolean;
}

export interface FetchRequest {
  type: 'fetch';
  jobId: number;
  url: string;
  keep?: boolean;
}

/** Read a module's bytes from the library and analyse them (the bytes come back with it). */
export interface OpenRequest {
  type: 'open';
  jobId: number;
  id: string;
}

/** Compile a copy of the module with its memories capped (Extism `memory.max_pages`). */
export interface LimitRequest {
  type: 'limit';
  jobId: number;
  bytes: ArrayBuffer;
  maxPages: number;
}

/** Decode a share link's hash (base64url, inflate, restore): off the page, a hostile link cannot freeze it. */
export interface DecodeShareRequest {
  type: 'decode-share';
  jobId: number;
  hash: string;
}

/** Unpack a .zip (Files panel, API `files.zip`): progress events, then `unzipped`. The buffer is transferred. */
export interface UnzipRequest {
  type: 'unzip';
  jobId: number;
  bytes: ArrayBuffer;
}

/** Transpile a component with jco (or read the cached output) and compile its core modules. The buffer is transferred. */
export interface TranspileRequest {
  type: 'transpile';
  jobId: number;
  id: string;
  bytes: ArrayBuffer;
  /** JSPI mode: imports that may suspend and exports that may be suspended (jco `asyncMode: jspi`); null for sync. */
  jspi: { imports: string[]; exports: string[] } | null;
}

/** Read and verify a module's wascap claims (hashing the module off the page). The buffer is transferred. */
export interface ClaimsRequest {
  type: 'claims';
  jobId: number;
  bytes: ArrayBuffer;
  /** The time `exp` and `nbf` are checked against (ms since 1970). */
  nowMs: number;
}

/** Check a module against a check file (Modsurfer's format): the YAML is parsed here, not on the page. */
export interface CheckRequest {
  type: 'check';
  jobId: number;
  module: CheckedModule;
  checkFile: string;
}

export type AnalyserRequest = AnalyseRequest | FetchRequest | OpenRequest | LimitRequest | DecodeShareRequest | UnzipRequest | TranspileRequest | ClaimsRequest | CheckRequest;

export interface ProgressEvent {
  type: 'progress';
  jobId: number;
  received: number;
  /** From Content-Length when the server sends it. */
  total?: number;
}

export interface AnalysedEvent {
  type: 'analysed';
  jobId: number;
  sha256: string;
  analysis: ModuleAnalysis;
  /** Compiled core module, when the kind is a core module (components compile later). */
  module?: WebAssembly.Module;
  compileMs: number;
  /** The bytes, when the page does not have them: fetched, read from the library, or given back. */
  bytes?: ArrayBuffer;
  /** Content-Type the server sent, for messages. */
  contentType?: string;
  parseMs: number;
}

export interface FailedEvent {
  type: 'failed';
  jobId: number;
  error: LoadError;
}

export interface LimitedEvent {
  type: 'limited';
  jobId: number;
  module: WebAssembly.Module;
  compileMs: number;
}

/** After `analysed`, for a request with `keep`: the bytes are stored, or why not. */
export interface KeptEvent {
  type: 'kept';
  jobId: number;
  error?: { quota: boolean; message: string };
}

export interface ShareDecodedEvent {
  type: 'share-decoded';
  jobId: number;
  /** undefined: the hash carries no share state. */
  decoded?: Decoded;
}

export interface UnzippedEvent {
  type: 'unzipped';
  jobId: number;
  result: UnzipResult;
}

/** A component's jco bindings and compiled core modules, ready for the sandbox. */
export interface Transpiled {
  js: string;
  cores: [string, WebAssembly.Module][];
  /** jco's time when it transpiled (now or when cached). */
  transpileMs: number;
  /** Time to compile the core modules in this load. */
  compileMs: number;
  /** 'cache': read back from IndexedDB, jco did not run. */
  from: 'cache' | 'jco';
  /** Transpiled in JSPI mode: exports return promises, poll may suspend. */
  jspi: boolean;
}

export interface TranspiledEvent extends Transpiled {
  type: 'transpiled';
  jobId: number;
}

export interface ClaimsReadEvent {
  type: 'claims-read';
  jobId: number;
  /** null: the module has no claims section. */
  report: ClaimsReport | null;
}

export interface CheckedEvent {
  type: 'checked';
  jobId: number;
  report: CheckReport;
}

export type AnalyserEvent = ProgressEvent | AnalysedEvent | LimitedEvent | KeptEvent | FailedEvent | ShareDecodedEvent | UnzippedEvent | TranspiledEvent | ClaimsReadEvent | CheckedEvent;
