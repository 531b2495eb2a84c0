/** What a runner's worker half gives back, and what it may use while it runs (worker side). */
import type { RunError } from '../../model/errors';
import type { VfsChange } from '../../model/files';
import type { BlockedCapability, ConsoleStream, LogLevel, RunTimings } from '../../model/run';
import type { HttpResponseData } from '../../model/result';
import type { WasmValue, WitValue } from '../../model/values';
import type { ImportEntry } from '../../wasm/types';

export interface RunSuccess {
  ok: true;
  values: WasmValue[];
  timings: RunTimings;
  /** Output bytes (Extism output_set, WASI stdout). */
  output?: ArrayBuffer;
  /** Extism vars after the call. */
  vars?: [string, ArrayBuffer][];
  /** WASI commands: the exit code. */
  exitCode?: number;
  /** WASI stderr, whole (stdout is `output`). */
  stderr?: ArrayBuffer;
  /** The output's MIME type when the runner knows it (a component result rendered as JSON). */
  outputMime?: string;
  /** A component function's result, as a WIT value. */
  value?: WitValue;
  /** A proxy component's response to an incoming request. */
  response?: HttpResponseData;
}

export interface RunFailure {
  ok: false;
  error: RunError;
  timings: Partial<RunTimings>;
  /** Extism vars as they stood when the call failed (a failed call may still have set some). */
  vars?: [string, ArrayBuffer][];
  /** stdout and stderr so far, when a WASI program trapped. */
  output?: ArrayBuffer;
  stderr?: ArrayBuffer;
  outputMime?: string;
  exitCode?: number;
  response?: HttpResponseData;
}

export type RunOutcome = RunSuccess | RunFailure;

/** A module compiled by the analyser and handed to the sandbox. */
export interface PreparedModule {
  module: WebAssembly.Module;
  compileMs: number;
  /** Typed imports from the analysis: stubs need result types the JS API cannot tell. */
  imports: ImportEntry[];
}

/** A component transpiled by jco: its bindings module and compiled core modules (DESIGN.md §3). */
export interface PreparedComponent {
  js: string;
  cores: [string, WebAssembly.Module][];
  compileMs: number;
  /** Transpiled in JSPI mode: poll may suspend, so HTTP goes through fetch. */
  jspi: boolean;
}

export interface BlockedReport {
  capability: BlockedCapability;
  target: string;
  detail: string;
}

/** What the sandbox gives a runner for one run: the module and where its reports go. */
export interface GuestContext {
  moduleId: string;
  prepared: PreparedModule;
  /** Another prepared module (linked modules), by id. */
  lookup(moduleId: string): PreparedModule | undefined;
  console(stream: ConsoleStream, text: string, level?: Exclude<LogLevel, 'off'>): void;
  blocked(report: BlockedReport): void;
  /** Changes under the mounts, as they become durable. */
  fs(changes: VfsChange[]): void;
  /** The guest is about to block (a sleep): send buffered console lines now. */
  flush(): void;
}

/** A failure before or without a call. */
export function failure(error: RunError, timings: Partial<RunTimings> = {}): RunFailure {
  return { ok: false, error, timings };
}

/** Multi-value results come back as an array; none as undefined. */
export function toValues(raw: unknown): WasmValue[] {
  if (raw === undefined) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((v): v is WasmValue => typeof v === 'number' || typeof v === 'bigint');
}

