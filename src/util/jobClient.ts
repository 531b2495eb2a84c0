/**
 * One numbered-job client for every worker (STYLE.md §14): numbered requests, a pending map, every
 * pending job failed when the worker dies or is ended, and a fresh worker after. Optionally keeps a
 * prewarmed spare (the sandbox: the next run starts at once) and messages replayed to each new worker.
 */

/** Why a worker went away, for the jobs that were waiting on it. */
export interface WorkerEnd {
  code: 'crash' | 'stopped' | 'timeout';
  message: string;
}

export interface JobHandlers<E> {
  /** An event for this job; return true when it was the job's last. */
  event(event: E): boolean;
  /** The worker died or was ended: no more events will come. */
  fail(end: WorkerEnd): void;
}

export interface JobClientOptions<R> {
  /** Keep a spare worker started, to take over at once after a restart. */
  spare?: boolean;
  /** Called for each new worker (after replayed messages), e.g. to reset what it was sent. */
  onNewWorker?(): void;
  /** Most messages kept for replay; the oldest go first. */
  maxReplay?: number;
  /** Set to post replayed messages (e.g. a compiled module) to new workers. */
  replayKey?(request: R): string | undefined;
  /** Called for each worker as it is made (the spare too), before replayed messages, e.g. to give it a port. */
  onSpawn?(worker: Worker): void;
}

export class JobClient<R, E extends { jobId: number }> {
  private current: Worker | null = null;
  private spareWorker: Worker | null = null;
  private readonly jobs = new Map<number, JobHandlers<E>>();
  private readonly replay = new Map<string, R>();
  private next = 1;

  constructor(
    private readonly factory: () => Worker,
    private readonly options: JobClientOptions<R> = {},
  ) {}

  /** Start the worker (and spare) ahead of the first job. */
  warm(): void {
    this.worker();
    if (this.options.spare && !this.spareWorker) this.spareWorker = this.spawn();
  }

  /** Post the request `build` makes for a new job id; events go to `handlers` until it says done. */
  start(build: (jobId: number) => R, handlers: JobHandlers<E>, transfer: Transferable[] = []): { jobId: number; worker: Worker } {
    const worker = this.worker();
    const jobId = this.next++;
    this.jobs.set(jobId, handlers);
    worker.postMessage(build(jobId), transfer);
    return { jobId, worker };
  }

  /** A message with no job (e.g. "here is a compiled module"), sent to the worker and the spare, and replayed to new ones. */
  broadcast(request: R): void {
    const key = this.options.replayKey?.(request);
    if (key !== undefined) {
      this.replay.delete(key);
      this.replay.set(key, request);
      const max = this.options.maxReplay ?? Infinity;
      while (this.replay.size > max) this.replay.delete(this.replay.keys().next().value as string);
    }
    this.worker().postMessage(request);
    this.spareWorker?.postMessage(request);
  }

  /** A message for the current worker about an existing job or document (no answer expected). */
  send(request: R, transfer: Transferable[] = []): void {
    this.worker().postMessage(request, transfer);
  }

  /** Pending jobs. */
  get pending(): number {
    return this.jobs.size;
  }

  /** End the current worker now: every pending job fails with `end`, and the spare (or a new worker) takes over. */
  restart(end: WorkerEnd): void {
    this.current?.terminate();
    this.current = null;
    if (this.spareWorker) {
      this.current = this.spareWorker;
      this.spareWorker = null;
      this.options.onNewWorker?.();
    }
    if (this.options.spare) this.spareWorker = this.spawn();
    this.failAll(end);
  }

  private failAll(end: WorkerEnd): void {
    const jobs = [...this.jobs.values()];
    this.jobs.clear();
    for (const job of jobs) job.fail(end);
  }

  private worker(): Worker {
    if (!this.current) {
      this.current = this.spawn();
      this.options.onNewWorker?.();
    }
    return this.current;
  }

  private spawn(): Worker {
    const worker = this.factory();
    worker.onmessage = (event: MessageEvent<E>) => {
      // Answers from an ended or spare worker are stale: drop them (STYLE.md §2).
      if (worker !== this.current) return;
      const job = this.jobs.get(event.data.jobId);
      if (job && job.event(event.data)) this.jobs.delete(event.data.jobId);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      if (worker === this.current) this.restart({ code: 'crash', message: event.message || 'the worker died' });
      else if (worker === this.spareWorker) this.spareWorker = null;
    };
    this.options.onSpawn?.(worker);
    for (const request of this.replay.values()) worker.postMessage(request);
    return worker;
  }
}
