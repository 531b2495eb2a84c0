/**
 * The engine's public types (DESIGN.md §9): what `window.wasmPlayground`, the embed
 * `postMessage` API and the UI all speak.
 */
import type { LoadError } from '../model/errors';
import type { FileEntry, ImportPolicy, LogLevel, MountRequest } from '../model/run';
import type { ArgInput, WitValue } from '../model/values';
import type { ModuleKind } from '../wasm/types';

export type { LoadedModule, LoadProgress, ManifestInfo } from '../model/module';
export type { ConsoleLine, RunOutput, RunResult, RunStatus } from '../model/result';
export type { FileEntry, MountRequest } from '../model/run';
export type { ArgInput } from '../model/values';

/** Where a module comes from. */
export type ModuleSource =
  | { url: string }
  /** An Extism manifest: JSON text, or a URL of one (relative wasm URLs resolve against it). */
  | { manifest: string | { url: string }; baseUrl?: string }
  /** `transfer`: the engine may take the buffer (it ends detached); saves a copy of big modules. */
  | { bytes: ArrayBuffer | Uint8Array; name?: string; transfer?: boolean }
  /** A module already loaded or in the library, by its SHA-256 (hex). */
  | { id: string };


export interface RunRequest {
  /** A module id from `load`, or any source (loaded first). */
  module: string | ModuleSource;
  /** Export to call (a waPC guest: the operation). */
  func: string;
  /** Core: numbers/bigints/texts per parameter. Components: WIT values (JSON mapping, BigInt for 64-bit; README). */
  args?: ArgInput[] | WitValue[];
  /** Components: the arguments as JSON texts, one per WIT parameter (the form, share links); `args` wins. */
  argsJson?: string[];
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
  /** A new instance for this run instead of the kept one (Extism plugins, components). Default false. */
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
  /** WASI: files placed in a fresh volume (not persisted) and preopened at `guestPath`: entries, or a .zip unpacked there. */
  files?: { guestPath: string; entries: FileEntry[] } | { guestPath: string; zip: Uint8Array | ArrayBuffer };
  /** WASI: directories of stored volumes to mount. */
  mounts?: MountRequest[];
  /** WASI: fixed clock and seeded random, for identical runs. */
  deterministic?: boolean | { seed?: string; epochMs?: number };
  /** WASI: report accesses to unmounted absolute paths (default true; conformance runs turn it off). */
  watchUnmounted?: boolean;
  /** Components: drop the kept instance and start a new one that is kept (default false). */
  resetInstance?: boolean;
  /**
   * waPC guests: answers to the guest's host calls, first match wins; "*" in a field matches
   * anything. `response` text is UTF-8 encoded; `error` is what the guest's `__host_error` reads.
   * A call no row answers fails (the guest gets an error), and says so in the console.
   */
  hostResponses?: HostResponseRow[];
  /** wasi:http/incoming-handler#handle: the request (method default GET, url a path or full URL, body text or bytes). */
  request?: IncomingRequest | { method?: string; url?: string; headers?: [string, string][] | Record<string, string>; body?: string | ArrayBuffer | Uint8Array };
}

/** A row of a waPC guest's host responses (README "waPC guests"). */
export type HostResponseRow =
  | { binding: string; namespace: string; operation: string; response: string | ArrayBuffer | Uint8Array }
  | { binding: string; namespace: string; operation: string; error: string };

/** An HTTP request for a proxy component's incoming handler; its answer is `RunResult.response`. */
export interface IncomingRequest {
  method: string;
  /** Path and query (`/hello?name=x`), or an absolute URL. */
  url: string;
  /** Header names lower-case, in order; a name may repeat. */
  headers: [string, string][];
  body: Uint8Array;
}

/** Thrown by `load` with a specific, user-facing error. */
export class LoadFailure extends Error {
  constructor(readonly loadError: LoadError) {
    super(`${loadError.title} ${loadError.detail}`);
    this.name = 'LoadFailure';
  }
}
