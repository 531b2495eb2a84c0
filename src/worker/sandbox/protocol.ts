/**
 * Messages between the page (SandboxClient) and the sandbox worker, types only (STYLE.md §1).
 * A run carries one runner's message, a union tagged by `kind`; the worker switches on it.
 */
import type { VfsChange } from '../../model/files';
import type { BlockedCapability, ConsoleStream, LogLevel } from '../../model/run';
import type { RunMessage } from '../../runners/messages';
import type { PreparedComponent, RunOutcome } from '../../runners/shared/outcome';
import type { ImportEntry } from '../../wasm/types';

export type { RunMessage };

export interface PrepareRequest {
  type: 'prepare';
  moduleId: string;
  /** Compiled once by the analyser; a Module clones between workers without recompiling. */
  module: WebAssembly.Module;
  compileMs: number;
  /** Typed imports from the analysis: stubs need result types the JS API cannot tell. */
  imports: ImportEntry[];
}

/** A component's jco bindings and compiled core modules: each worker imports the bindings once. */
export interface PrepareComponentRequest extends PreparedComponent {
  type: 'prepare-component';
  moduleId: string;
}

export interface RunRequest {
  type: 'run';
  jobId: number;
  moduleId: string;
  run: RunMessage;
}

/** Sent once to each new worker: the port its durable filesystem changes go out on (transferred). */
export interface DurablePortRequest {
  type: 'durable';
  port: MessagePort;
}

export type SandboxRequest = PrepareRequest | PrepareComponentRequest | RunRequest | DurablePortRequest;

/** One console line: guest output, a log, a stub call, or a denied capability (shown with a one-click grant). */
export type ConsoleItem =
  | { stream: ConsoleStream; text: string; level?: Exclude<LogLevel, 'off'> }
  | { stream: 'blocked'; text: string; capability: BlockedCapability; target: string };

/** Console lines, batched by time and size; `dropped` lines were over the rate budget. */
export interface ConsoleEvent {
  type: 'console';
  jobId: number;
  items: ConsoleItem[];
  dropped: number;
}

/**
 * Filesystem changes that became durable: the page persists them (DESIGN.md §5). Sent on the
 * worker's own MessagePort (`DurablePortRequest`), never behind console traffic, and delivered even
 * when the worker is ended right after (Stop).
 */
export interface FsEvent {
  type: 'fs';
  jobId: number;
  changes: VfsChange[];
}

/** The run ended: its outcome (result or error). */
export interface DoneEvent {
  type: 'done';
  jobId: number;
  outcome: RunOutcome;
  /** How many `fs` events the run sent on its durable port: the page waits for them all. */
  fsEvents: number;
}

export type SandboxEvent = ConsoleEvent | DoneEvent;
