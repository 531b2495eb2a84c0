/** What a run gives back (DESIGN.md §9): the API's answer and the UI's result. */
import type { RunError } from './errors';
import type { VfsChange } from './files';
import type { BlockedCapability, LogLevel, RunTimings } from './run';
import type { WasmValue, WitValue } from './values';

export type RunStatus = 'ok' | 'error' | 'stopped';

export interface ConsoleLine {
  /** `dropped`: lines the page was not sent (a flood), `count` of them. */
  stream: 'stdout' | 'stderr' | 'log' | 'stub' | 'blocked' | 'dropped';
  text: string;
  /** ms since the run started. */
  at: number;
  /** For `log` lines. */
  level?: Exclude<LogLevel, 'off'>;
  /** For `blocked` lines: what to grant, e.g. a host. */
  target?: string;
  capability?: BlockedCapability;
  /** For `dropped` lines: how many. */
  count?: number;
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
  /** The last console lines (up to 10,000). */
  console: ConsoleLine[];
  /** Console lines before those, not kept. */
  consoleDropped?: number;
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
  /** Components: the function's result as a WIT value (JSON mapping, BigInt for 64-bit). */
  value?: WitValue;
  /** Proxy components (wasi:http/incoming-handler): the response; its body is also `output`. */
  response?: HttpResponseData;
}

/** An HTTP response a proxy component gave. */
export interface HttpResponseData {
  status: number;
  headers: [string, string][];
  body: Uint8Array;
}

