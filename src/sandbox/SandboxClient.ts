/**
 * Main-thread side of the sandbox: runs queued one at a time on the job client's worker, a
 * prewarmed spare, time limits and Stop. Guest code is never interrupted any other way than by
 * terminating its worker (STYLE.md §4).
 */
import type { RunOutcome } from '../runners/shared/outcome';
import { JobClient } from '../util/jobClient';
import type { ConsoleEvent, FsEvent, PrepareRequest, RunMessage, SandboxEvent, SandboxRequest, PrepareComponentRequest } from '../worker/sandbox/protocol';

/** Events that arrive while a run is under way (fs events may come shortly after a Stop, too). */
export type StreamedEvent = ConsoleEvent | FsEvent;
export type WorkerFactory = () => Worker;

/** Modules kept prepared in new workers; older ones are dropped (recompiling is cheap). */
const MAX_PREPARED = 8;
/** After a run ends, how long its last durable changes may take to arrive on their port. */
const DRAIN_MS = 2000;

const defaultFactory: WorkerFactory = () => new Worker(new URL('../worker/sandbox/sandbox.worker.ts', import.meta.url), { type: 'module', name: 'sandbox' });

export interface SandboxRun {
  moduleId: string;
  func: string;
  message: RunMessage;
}

export class SandboxClient {
  private readonly jobs: JobClient<SandboxRequest, SandboxEvent>;
  /** Each worker's durable-changes port (it outlives the worker long enough to drain). */
  private readonly ports = new WeakMap<Worker, MessagePort>();
  /** Where each run's durable changes go, by job id. */
  private readonly fsSinks = new Map<number, (event: FsEvent) => void>();
  private active = false;
  private ending = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(factory: WorkerFactory = defaultFactory) {
    this.jobs = new JobClient(factory, {
      spare: true,
      maxReplay: MAX_PREPARED,
      replayKey: (request) => (request.type === 'prepare' || request.type === 'prepare-component' ? request.moduleId : undefined),
      onSpawn: (worker) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (event: MessageEvent<FsEvent>) => this.fsSinks.get(event.data.jobId)?.(event.data);
        this.ports.set(worker, channel.port1);
        worker.postMessage({ type: 'durable', port: channel.port2 } satisfies SandboxRequest, [channel.port2]);
      },
    });
    this.jobs.warm();
  }

  /** Hand a compiled module to the workers so the next run only instantiates. */
  prepare(request: PrepareRequest | PrepareComponentRequest): void {
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
    this.end({ code: 'stopped', message: 'Stopped: the run was ended by the Stop button.' });
    return true;
  }

  get busy(): boolean {
    return this.active;
  }

  /**
   * Terminate after one task: durable changes the worker posted before now are then in their
   * port's queue, and Chromium delivers those after a terminate (not ones still in transit).
   */
  private end(end: { code: 'stopped' | 'timeout'; message: string }): void {
    if (this.ending) return;
    this.ending = true;
    setTimeout(() => {
      this.ending = false;
      if (this.active) this.jobs.restart(end);
    }, 0);
  }

  private runNow(run: SandboxRun, timeoutMs: number, onEvent: (event: StreamedEvent) => void): Promise<RunOutcome> {
    return new Promise((resolve) => {
      this.active = true;
      let received = 0;
      let expected = -1;
      let outcome: RunOutcome | null = null;
      let drainTimer: ReturnType<typeof setTimeout> | undefined;
      const settle = () => {
        clearTimeout(timer);
        clearTimeout(drainTimer);
        this.fsSinks.delete(jobId);
        resolve(outcome!);
      };
      const finish = (result: RunOutcome, fsEvents: number) => {
        this.active = false;
        outcome = result;
        expected = fsEvents;
        if (fsEvents >= 0 && received >= fsEvents) return settle();
        if (fsEvents >= 0) {
          drainTimer = setTimeout(settle, DRAIN_MS);
          return;
        }
        // Stopped, timed out or crashed: the count is unknown. Answer now; keep taking the ended
        // worker's durable changes a while, then let its port go.
        clearTimeout(timer);
        resolve(result);
        const port = this.ports.get(worker);
        setTimeout(() => {
          this.fsSinks.delete(jobId);
          port?.close();
        }, DRAIN_MS);
      };
      const timer = setTimeout(() => {
        this.end({ code: 'timeout', message: `Stopped: the run took longer than the ${formatSeconds(timeoutMs)} time limit. Raise the timeout if it needs longer.` });
      }, timeoutMs);
      const { jobId, worker } = this.jobs.start((id) => ({ type: 'run', jobId: id, moduleId: run.moduleId, run: run.message }), {
        event: (event) => {
          if (event.type === 'console') {
            onEvent(event);
            return false;
          }
          finish(event.outcome, event.fsEvents);
          return true;
        },
        fail: (end) => {
          const message = end.code === 'crash' ? `The sandbox crashed: ${end.message}. The page is fine; run again to retry.` : end.message;
          finish({ ok: false, timings: {}, error: { code: end.code, func: run.func, message } }, -1);
        },
      });
      // Every durable change is delivered, even after a Stop; a finished run settles once all have come.
      this.fsSinks.set(jobId, (event) => {
        received++;
        onEvent(event);
        if (outcome && expected >= 0 && received >= expected) settle();
      });
    });
  }
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
