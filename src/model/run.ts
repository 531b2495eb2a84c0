/** What a run is given and reports, shared by the engine, the runners and the UI (DESIGN.md §3, §4). */
import type { SnapshotEntry } from './files';

/** What the runner does with imports no host provides. */
export type ImportPolicy = 'fail' | 'stub';

export interface RunTimings {
  /** Time the engine spent compiling this module (done once, at load). */
  compileMs: number;
  instantiateMs: number;
  callMs: number;
}

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'off';

/** Longest console line kept; the rest of a longer one is counted (the whole output is in Output). */
export const CONSOLE_LINE_MAX = 10_000;

/** Console streams a guest run produces. */
export type ConsoleStream = 'stdout' | 'stderr' | 'log' | 'stub';

/** A capability a guest reached for and was denied. */
export type BlockedCapability = 'network' | 'filesystem' | 'sockets';

/** What the user granted this run (DESIGN.md §4): everything else is denied. */
export interface Grants {
  /** Network allowlist: exact hosts or `*.example.com`. */
  hosts: string[];
}

/** A directory of the IndexedDB filesystem mounted at a guest path, with its contents. */
export interface MountSpec {
  guestPath: string;
  readOnly: boolean;
  /** Volume and directory it came from, for messages and persistence ('' for a fresh, unpersisted volume). */
  volume: string;
  dir: string;
  entries: SnapshotEntry[];
  /** Cap on the whole mounted tree's bytes (its size now plus the free space the browser reports). */
  maxBytes?: number;
}

/** WASI preview 1 settings, for WASI programs and for plugins that import WASI. */
export interface WasiSettings {
  /** argv, argv[0] included. */
  argv: string[];
  env: [string, string][];
  mounts: MountSpec[];
  /** Fixed clock and seeded random, for reproducible runs. */
  deterministic?: { seed: string; epochMs: number };
  /** Report accesses to unmounted absolute paths (a hidden "/" preopen). Off for conformance runs. */
  watchUnmounted: boolean;
}

/** Extism plugin settings, defaults applied. */
export interface ExtismSettings {
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

/** A directory of a stored volume to mount at a guest path. */
export interface MountRequest {
  volume: string;
  /** Directory inside the volume, "" for its root. */
  dir?: string;
  guestPath: string;
  readOnly?: boolean;
}

export interface FileEntry {
  /** Relative to the volume root, "/"-separated. */
  path: string;
  kind?: 'file' | 'dir' | 'symlink';
  data?: string | Uint8Array | ArrayBuffer;
  target?: string;
}

