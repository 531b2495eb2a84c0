/**
 * Every message between the page and its workers, types only (STYLE.md §1).
 * Both sides import this file; handlers switch on `type` exhaustively.
 */
import type { SnapshotEntry, VfsChange } from '../host/fs/types';
import type { ImportEntry, ModuleAnalysis, ModuleKind } from '../wasm/types';

/** A WebAssembly number value as JS sees it: i64 is a bigint. */
export type WasmValue = number | bigint;

/** What the runner does with imports no host provides. */
export type ImportPolicy = 'fail' | 'stub';

export interface RunTimings {
  /** Time the engine spent compiling this module (done once, at load). */
  compileMs: number;
  instantiateMs: number;
  callMs: number;
}

export type RunErrorCode =
  | 'trap' // the guest trapped (unreachable, divide by zero, out of bounds…)
  | 'link' // imports could not be satisfied
  | 'no-export' // the function is not exported
  | 'bad-args' // argument count or types do not fit the signature
  | 'unsupported' // this kind cannot run yet, or the signature cannot be called from JS
  | 'memory' // the guest ran out of memory
  | 'plugin' // an Extism plugin reported an error (error_set) or a non-zero return code
  | 'timeout'
  | 'stopped'
  | 'crash' // the worker itself died
  | 'internal';

export interface RunError {
  code: RunErrorCode;
  message: string;
  /** Function that was running when it failed. */
  func?: string;
  /** For `link`: the imports nothing provides. */
  missing?: ImportEntry[];
}

/* ---------------- sandbox worker ---------------- */

export interface PrepareRequest {
  type: 'prepare';
  moduleId: string;
  /** Compiled once by the analyser; a Module clones between workers without recompiling. */
  module: WebAssembly.Module;
  compileMs: number;
  /** Typed imports from the analysis: stubs need result types the JS API cannot tell. */
  imports: ImportEntry[];
}

export interface RunRequestMessage {
  type: 'run';
  runId: number;
  moduleId: string;
  kind: ModuleKind;
  func: string;
  args: WasmValue[];
  imports: ImportPolicy;
  /** Call the function this many times (benchmarks); the last result is returned. */
  repeat: number;
  /** Bytes given to the guest: Extism input, or WASI stdin. */
  input?: ArrayBuffer;
  grants: Grants;
  /** Keep the instance between runs (memory and globals persist) unless true. */
  freshInstance: boolean;
  extism?: ExtismRunOptions;
  /** Modules linked by name (an Extism manifest): their exports satisfy imports from that module name. */
  links?: { name: string; moduleId: string }[];
  /** WASI settings, for WASI programs and for plugins that import WASI. */
  wasi?: WasiRunOptions;
}

/** A directory of the IndexedDB filesystem mounted at a guest path, with its contents. */
export interface MountSpec {
  guestPath: string;
  readOnly: boolean;
  /** Volume and directory it came from, for messages and persistence. */
  volume: string;
  dir: string;
  entries: SnapshotEntry[];
  /** Cap on the whole mounted tree's bytes (its size now plus the free space the browser reports). */
  maxBytes?: number;
}

export interface WasiRunOptions {
  /** argv, argv[0] included. */
  argv: string[];
  env: [string, string][];
  mounts: MountSpec[];
  /** Fixed clock and seeded random, for reproducible runs. */
  deterministic?: { seed: string; epochMs: number };
  /** Report accesses to unmounted absolute paths (a hidden "/" preopen). Off for conformance runs. */
  watchUnmounted: boolean;
}

/** What the user granted this run (DESIGN.md §4): everything else is denied. */
export interface Grants {
  /** Network allowlist: exact hosts or `*.example.com`. */
  hosts: string[];
}

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'off';

export interface ExtismRunOptions {
  config: Record<string, string>;
  /** Vars going in; the result carries them back (the page owns them between runs). */
  vars: [string, ArrayBuffer][];
  logLevel: LogLevel;
  /** How http_request waits: JSPI where the engine has it, else synchronous XHR. */
  httpMode: 'auto' | 'sync';
  exposeHeaders: boolean;
  maxVarBytes?: number;
  maxKernelBytes?: number;
  maxHttpResponseBytes?: number;
  /** memory.max_pages: caps kernel blocks (unless maxKernelBytes is given) and names the limit when a call hits the compiled-in memory cap. */
  maxPages?: number;
}

export type SandboxRequest = PrepareRequest | RunRequestMessage;

export type ConsoleStream = 'stdout' | 'stderr' | 'log' | 'stub';

export interface ConsoleEvent {
  type: 'console';
  runId: number;
  stream: ConsoleStream;
  text: string;
  /** For `log` lines. */
  level?: Exclude<LogLevel, 'off'>;
}

/** Filesystem changes that became durable: the page persists them (DESIGN.md §5). */
export interface FsEvent {
  type: 'fs';
  runId: number;
  changes: VfsChange[];
}

/** A denied capability the guest reached for: shown with a one-click grant. */
export interface BlockedEvent {
  type: 'blocked';
  runId: number;
  capability: 'network' | 'filesystem' | 'sockets';
  /** What to grant, e.g. the host "api.example.com". */
  target: string;
  detail: string;
}

export interface ResultEvent {
  type: 'result';
  runId: number;
  values: WasmValue[];
  timings: RunTimings;
  /** Output bytes (Extism output_set, later WASI stdout). */
  output?: ArrayBuffer;
  /** Extism vars after the call. */
  vars?: [string, ArrayBuffer][];
  /** WASI commands: the exit code. */
  exitCode?: number;
  /** WASI stderr, whole (stdout is `output`). */
  stderr?: ArrayBuffer;
}

export interface ErrorEvent {
  type: 'error';
  runId: number;
  error: RunError;
  timings: Partial<RunTimings>;
  /** Extism vars as they stood when the call failed (a failed call may still have set some). */
  vars?: [string, ArrayBuffer][];
  /** stdout and stderr so far, when a WASI program trapped. */
  output?: ArrayBuffer;
  stderr?: ArrayBuffer;
}

export type SandboxEvent = { type: 'ready' } | ConsoleEvent | BlockedEvent | FsEvent | ResultEvent | ErrorEvent;

/* ---------------- analyser worker ---------------- */

export type LoadErrorCode =
  | 'empty'
  | 'not-wasm'
  | 'truncated'
  | 'malformed'
  | 'invalid'
  | 'unsupported-version'
  | 'bad-url'
  | 'network'
  | 'cors'
  | 'http'
  | 'not-found'
  | 'storage'
  | 'manifest'
  | 'hash-mismatch';

export interface LoadError {
  code: LoadErrorCode;
  /** One sentence: what is wrong. */
  title: string;
  /** What to do about it, and details (byte offsets, status codes). */
  detail: string;
}

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

export type AnalyserRequest = AnalyseRequest | FetchRequest | OpenRequest | LimitRequest;

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

export type AnalyserEvent = ProgressEvent | AnalysedEvent | LimitedEvent | KeptEvent | FailedEvent;
