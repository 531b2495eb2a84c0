/**
 * Messages between the page (SandboxClient) and the sandbox worker, types only (STYLE.md §1).
 * A run carries one runner's message, a union tagged by `kind`; the worker switches on it.
 */
import type { VfsChange } from '../../model/files';
import type { BlockedCapability, ConsoleStream, LogLevel } from '../../model/run';
import type { RunMessage } from '../../runners/messages';
import type { RunOutcome } from '../../runners/shared/outcome';
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

export interface RunRequest {
  type: 'run';
  jobId: number;
  moduleId: string;
  run: RunMessage;
}

export type SandboxRequest = PrepareRequest | RunRequest;

export interface ConsoleEvent {
  type: 'console';
  jobId: number;
  stream: ConsoleStream;
  text: string;
  /** For `log` lines. */
  level?: Exclude<LogLevel, 'off'>;
}

/** Filesystem changes that became durable: the page persists them (DESIGN.md §5). */
export interface FsEvent {
  type: 'fs';
  jobId: number;
  changes: VfsChange[];
}

/** A denied capability the guest reached for: shown with a one-click grant. */
export interface BlockedEvent {
  type: 'blocked';
  jobId: number;
  capability: BlockedCapability;
  /** What to grant, e.g. the host "api.example.com". */
  target: string;
  detail: string;
}

/** The run ended: its outcome (result or error). */
export interface DoneEvent {
  type: 'done';
  jobId: number;
  outcome: RunOutcome;
}

export type SandboxEvent = ConsoleEvent | BlockedEvent | FsEvent | DoneEvent;
