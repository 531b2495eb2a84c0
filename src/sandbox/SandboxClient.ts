/**
 * Main-thread side of the sandbox: owns the worker, a prewarmed spare, time limits and Stop.
 * Guest code is never interrupted any other way than by terminating its worker (STYLE.md §4).
 */
import type { BlockedEvent, ConsoleEvent, ErrorEvent, FsEvent, PrepareRequest, ResultEvent, RunRequestMessage, SandboxEvent, SandboxRequest } from './protocol';

export type SandboxOutcome = ResultEvent | ErrorEvent;
/** Events that arrive while a run is under way. */
export type StreamedEvent = ConsoleEvent | BlockedEvent | FsEvent;
export type WorkerFactory = () => Worker;

/** Modules kept prepared in new workers; older ones are dropped (recompiling is cheap). */
const MAX_PREPARED = 8;

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('../worker/sandbox.worker.ts', import.meta.url), { type: 'module', name: 'sandbox' });

interface ActiveRun {
  runId: number;
  func: string;
  finish(outcome: SandboxOutcome): void;
  onEvent(event: StreamedEvent): void;
}

export class SandboxClient {
  private worker: Worker;
  private spare: Worker | null = null;
  private readonly prepared = new Map<string, PrepareRequest>();
  private active: ActiveRun | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly factory: WorkerFactory = defaultFactory) {
    this.worker = this.spawn();
    this.spare = this.spawn();
  }

  /** Hand a compiled module to the workers so the next run only instantiates. */
  prepare(request: PrepareRequest): void {
    this.prepared.delete(request.moduleId);
    this.prepared.set(request.moduleId, request);
    while (this.prepared.size > MAX_PREPARED) this.prepared.delete(this.prepared.keys().next().value as string);
    this.send(this.worker, request);
    if (this.spare) this.send(this.spare, request);
  }

  /** Run in the sandbox; runs queue behind each other. Resolves (never rejects) with result or error. */
  run(request: Omit<RunRequestMessage, 'type'>, timeoutMs: number, onEvent: (event: StreamedEvent) => void): Promise<SandboxOutcome> {
    const next = this.queue.then(() => this.runNow(request, timeoutMs, onEvent));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** End the active run now: the worker is terminated and the spare takes over. */
  stop(): boolean {
    if (!this.active) return false;
    this.kill({ code: 'stopped', message: 'Stopped: the run was ended by the Stop button.' });
    return true;
  }

  get busy(): boolean {
    return this.active !== null;
  }

  private runNow(request: Omit<RunRequestMessage, 'type'>, timeoutMs: number, onEvent: (event: StreamedEvent) => void): Promise<SandboxOutcome> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.kill({ code: 'timeout', message: `Stopped: the run took longer than the ${formatSeconds(timeoutMs)} time limit. Raise the timeout if it needs longer.` });
      }, timeoutMs);
      this.active = {
        runId: request.runId,
        func: request.func,
        onEvent,
        finish: (outcome) => {
          clearTimeout(timer);
          this.active = null;
          resolve(outcome);
        },
      };
      this.send(this.worker, { type: 'run', ...request });
    });
  }

  private kill(error: { code: 'stopped' | 'timeout' | 'crash'; message: string }): void {
    const active = this.active;
    this.worker.terminate();
    this.worker = this.spare ?? this.spawn();
    this.spare = this.spawn();
    active?.finish({ type: 'error', runId: active.runId, timings: {}, error: { ...error, func: active.func } });
  }

  private spawn(): Worker {
    const worker = this.factory();
    worker.onmessage = (event: MessageEvent<SandboxEvent>) => this.onEvent(worker, event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      if (worker === this.worker && this.active) {
        this.kill({ code: 'crash', message: `The sandbox crashed: ${event.message || 'the worker died'}. The page is fine; run again to retry.` });
      } else if (worker === this.spare) {
        this.spare = null;
      }
    };
    for (const request of this.prepared.values()) this.send(worker, request);
    return worker;
  }

  private onEvent(worker: Worker, event: SandboxEvent): void {
    // Events from a terminated or spare worker, or for a replaced run, are stale: drop them.
    if (worker !== this.worker || event.type === 'ready') return;
    const active = this.active;
    if (!active || event.runId !== active.runId) return;
    switch (event.type) {
      case 'console':
      case 'blocked':
      case 'fs':
        active.onEvent(event);
        return;
      case 'result':
      case 'error':
        active.finish(event);
        return;
      default: {
        const never: never = event;
        throw new Error(`unknown sandbox event ${JSON.stringify(never)}`);
      }
    }
  }

  private send(worker: Worker, request: SandboxRequest): void {
    worker.postMessage(request);
  }
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
