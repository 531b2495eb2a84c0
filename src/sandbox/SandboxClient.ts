/**
 * Main-thread side of the sandbox: runs queued one at a time on the job client's worker, a
 * prewarmed spare, time limits and Stop. Guest code is never interrupted any other way than by
 * terminating its worker (STYLE.md §4).
 */
import type { RunOutcome } from '../runners/shared/outcome';
import { JobClient } from '../util/jobClient';
import type { BlockedEvent, ConsoleEvent, FsEvent, PrepareRequest, RunMessage, SandboxEvent, SandboxRequest } from '../worker/sandbox/protocol';

/** Events that arrive while a run is under way. */
export type StreamedEvent = ConsoleEvent | BlockedEvent | FsEvent;
export type WorkerFactory = () => Worker;

/** Modules kept prepared in new workers; older ones are dropped (recompiling is cheap). */
const MAX_PREPARED = 8;

const defaultFactory: WorkerFactory = () => new Worker(new URL('../worker/sandbox/sandbox.worker.ts', import.meta.url), { type: 'module', name: 'sandbox' });

export interface SandboxRun {
  moduleId: string;
  func: string;
  message: RunMessage;
}

export class SandboxClient {
  private readonly jobs: JobClient<SandboxRequest, SandboxEvent>;
  private active = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(factory: WorkerFactory = defaultFactory) {
    this.jobs = new JobClient(factory, {
      spare: true,
      maxReplay: MAX_PREPARED,
      replayKey: (request) => (request.type === 'prepare' ? request.moduleId : undefined),
    });
    this.jobs.warm();
  }

  /** Hand a compiled module to the workers so the next run only instantiates. */
  prepare(request: PrepareRequest): void {
    this.jobs.broadcast(request);
  }

  /** Run in the sandbox; runs queue behind each other. Resolves (never rejects) with the outcome. */
  run(run: SandboxRun, timeoutMs: number, onEvent: (event: StreamedEvent) => void): Promise<RunOutcome> {
    const next = this.queue.then(() => this.runNow(run, timeoutMs, onEvent));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** End the active run now: the worker is terminated and the spare takes over. */
  stop(): boolean {
    if (!this.active) return false;
    this.jobs.restart({ code: 'stopped', message: 'Stopped: the run was ended by the Stop button.' });
    return true;
  }

  get busy(): boolean {
    return this.active;
  }

  private runNow(run: SandboxRun, timeoutMs: number, onEvent: (event: StreamedEvent) => void): Promise<RunOutcome> {
    return new Promise((resolve) => {
      this.active = true;
      const finish = (outcome: RunOutcome) => {
        clearTimeout(timer);
        this.active = false;
        resolve(outcome);
      };
      const timer = setTimeout(() => {
        this.jobs.restart({ code: 'timeout', message: `Stopped: the run took longer than the ${formatSeconds(timeoutMs)} time limit. Raise the timeout if it needs longer.` });
      }, timeoutMs);
      this.jobs.start((jobId) => ({ type: 'run', jobId, moduleId: run.moduleId, run: run.message }), {
        event: (event) => {
          if (event.type !== 'done') {
            onEvent(event);
            return false;
          }
          finish(event.outcome);
          return true;
        },
        fail: (end) => {
          const message = end.code === 'crash' ? `The sandbox crashed: ${end.message}. The page is fine; run again to retry.` : end.message;
          finish({ ok: false, timings: {}, error: { code: end.code, func: run.func, message } });
        },
      });
    });
  }
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
