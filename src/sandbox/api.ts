/**
 * The engine's public types (DESIGN.md §9): what `window.wasmPlayground`, the embed
 * `postMessage` API and the UI all speak.
 */
import type { ModuleAnalysis, ModuleKind } from '../wasm/types';
import type { VfsChange } from '../host/fs/types';
import type { MountRequest } from './fsPort';
import type { ImportPolicy, LoadError, LogLevel, RunError, RunTimings, WasmValue } from './protocol';

/** Where a module comes from. */
export type ModuleSource =
  | { url: string }
  /** An Extism manifest: JSON text, or a URL of one (relative wasm URLs resolve against it). */
  | { manifest: string | { url: string }; baseUrl?: string }
  /** `transfer`: the engine may take the buffer (it ends detached); saves a copy of big modules. */
  | { bytes: ArrayBuffer | Uint8Array; name?: string; transfer?: boolean }
  /** A module already loaded or in the library, by its SHA-256 (hex). */
  | { id: string };

export interface LoadedModule {
  /** SHA-256 of the bytes, hex. */
  id: string;
  name: string;
  size: number;
  sourceUrl?: string;
  analysis: ModuleAnalysis;
  compileMs: number;
  parseMs: number;
  /** Set when the module came from an Extism manifest. */
  manifest?: ManifestInfo;
}

/** What an Extism manifest said, for the UI to apply (grants only after asking). */
export interface ManifestInfo {
  url?: string;
  config: Record<string, string>;
  /** Hosts the manifest asks to allow; null = none. */
  allowedHosts: string[] | null;
  allowedPaths: { hostPath: string; guestPath: string; readOnly: boolean }[];
  timeoutMs?: number;
  maxVarBytes?: number;
  maxHttpResponseBytes?: number;
  maxPages?: number;
  /** The other modules, linked by name into the main one. */
  links: { name: string; id: string }[];
  warnings: string[];
}

export interface LoadProgress {
  received: number;
  total?: number;
}

/** An argument as a caller may give it: numbers, bigints, or text typed in a form. */
export type ArgInput = number | bigint | string;

export interface RunRequest {
  /** A module id from `load`, or any source (loaded first). */
  module: string | ModuleSource;
  /** Export to call. */
  func: string;
  args?: ArgInput[];
  /** Unresolved imports: fail with a list (default) or stub them. */
  imports?: ImportPolicy;
  /** Run with another runner than the detected kind. */
  runAs?: ModuleKind;
  /** Default 10,000 ms. */
  timeoutMs?: number;
  /** Call the function this many times inside the worker (benchmarks). */
  repeat?: number;
  /** Extism input (text is UTF-8 encoded). */
  input?: string | ArrayBuffer | Uint8Array;
  /** Extism config. */
  config?: Record<string, string>;
  /** Hosts the guest may fetch (exact or `*.example.com`); none by default. */
  allowedHosts?: string[];
  /** Extism log level; lower levels are not logged. Default "info". */
  logLevel?: LogLevel;
  /** A new instance for this run instead of the kept one (Extism). Default false. */
  freshInstance?: boolean;
  /** Force synchronous XHR for guest HTTP instead of JSPI (for testing both paths). */
  httpMode?: 'auto' | 'sync';
  /** Let http_headers see response headers. Default false. */
  exposeHeaders?: boolean;
  /** MIME type of the output; sniffed when absent. */
  outputMime?: string;
  /** Extism limits. */
  maxVarBytes?: number;
  maxKernelBytes?: number;
  /** Extism memory.max_pages (64 KiB pages): caps kernel blocks and each module's wasm memory (unless it starts above); overrides the manifest's. */
  maxPages?: number;
  maxHttpResponseBytes?: number;
  /** WASI: arguments after the program name (argv[0] is the module's name). */
  argv?: string[];
  /** WASI: the guest's whole environment. */
  env?: Record<string, string> | [string, string][];
  /** WASI: files placed in a fresh volume (not persisted) and preopened at `guestPath`. */
  files?: { guestPath: string; entries: FileEntry[] };
  /** WASI: directories of stored volumes to mount. */
  mounts?: MountRequest[];
  /** WASI: fixed clock and seeded random, for identical runs. */
  deterministic?: boolean | { seed?: string; epochMs?: number };
  /** WASI: report accesses to unmounted absolute paths (default true; conformance runs turn it off). */
  watchUnmounted?: boolean;
}

export interface FileEntry {
  /** Relative to the volume root, "/"-separated. */
  path: string;
  kind?: 'file' | 'dir' | 'symlink';
  data?: string | Uint8Array | ArrayBuffer;
  target?: string;
}

export type RunStatus = 'ok' | 'error' | 'stopped';

export interface ConsoleLine {
  stream: 'stdout' | 'stderr' | 'log' | 'stub' | 'blocked';
  text: string;
  /** ms since the run started. */
  at: number;
  /** For `log` lines. */
  level?: Exclude<LogLevel, 'off'>;
  /** For `blocked` lines: what to grant, e.g. a host. */
  target?: string;
  capability?: 'network' | 'filesystem' | 'sockets';
}

export interface RunOutput {
  bytes: Uint8Array;
  mime: string;
}

export interface RunResult {
  runId: number;
  status: RunStatus;
  func: string;
  values: WasmValue[];
  error?: RunError;
  timings: Partial<RunTimings>;
  /** Round trip as the page saw it, ms. */
  wallMs: number;
  console: ConsoleLine[];
  /** Output bytes (Extism plugins) with their MIME type. */
  output?: RunOutput;
  /** Extism vars after the run, as kept for the next run of this module. */
  vars?: [string, Uint8Array][];
  /** WASI commands: the exit code. */
  exitCode?: number;
  /** WASI stdout (also `output`) and stderr, whole. */
  stdout?: Uint8Array;
  stderr?: Uint8Array;
  /** Filesystem changes the guest made durable, in order. */
  fsChanges?: VfsChange[];
}

/** Thrown by `load` with a specific, user-facing error. */
export class LoadFailure extends Error {
  constructor(readonly loadError: LoadError) {
    super(`${loadError.title} ${loadError.detail}`);
    this.name = 'LoadFailure';
  }
}
