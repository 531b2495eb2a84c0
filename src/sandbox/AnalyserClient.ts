/** Main-thread side of the analyser worker: numbered jobs, typed answers. */
import type { LoadError } from '../model/errors';
import type { UnzipResult } from '../host/fs/unzip';
import type { Decoded } from '../share/codec';
import { JobClient } from '../util/jobClient';
import type { AnalysedEvent, AnalyserEvent, AnalyserRequest, KeptEvent, LimitedEvent, TranspiledEvent, TranspileRequest } from '../worker/analyser/protocol';
import type { ClaimsReport } from '../wasm/claims/types';
import type { CheckedModule, CheckReport } from '../wasm/checks/types';

type Outcome<T> = { ok: true; value: T; kept?: Promise<KeepResult> } | { ok: false; error: LoadError };
export type AnalyserOutcome = Outcome<AnalysedEvent>;
export type LimitOutcome = Outcome<LimitedEvent>;
export type TranspileOutcome = Outcome<TranspiledEvent>;
/** Whether the worker stored the bytes in the library: undefined error = stored. */
export type KeepResult = Pick<KeptEvent, 'error'>;

interface Job {
  resolve(outcome: Outcome<AnalysedEvent | LimitedEvent | TranspiledEvent>): void;
  onProgress?: (received: number, total?: number) => void;
  /** Set for requests with `keep`: settled by the `kept` event that follows `analysed`. */
  kept?: { promise: Promise<KeepResult>; resolve(result: KeepResult): void };
}

export interface AnalyseOptions {
  sha256?: string;
  /** The buffer is the caller's only copy: have it sent back (no copy on the page). */
  giveBack?: boolean;
  /** Store the bytes in the library from the worker. */
  keep?: boolean;
}

function withKept(job: Omit<Job, 'resolve'>, keep: boolean | undefined): Omit<Job, 'resolve'> {
  if (!keep) return job;
  let resolve!: (result: KeepResult) => void;
  const promise = new Promise<KeepResult>((r) => (resolve = r));
  return { ...job, kept: { promise, resolve } };
}

const defaultFactory = () => new Worker(new URL('../worker/analyser/analyser.worker.ts', import.meta.url), { type: 'module', name: 'analyser' });

export class AnalyserClient {
  private readonly jobs: JobClient<AnalyserRequest, AnalyserEvent>;

  constructor(factory: () => Worker = defaultFactory) {
    this.jobs = new JobClient(factory);
  }

  /** Start the worker ahead of the first load. */
  warm(): void {
    this.jobs.warm();
  }

  /**
   * Analyse bytes. The buffer is transferred: pass a copy if you still need it (STYLE.md §3), or
   * `giveBack` to get it back in `value.bytes`.
   */
  analyse(bytes: ArrayBuffer, options: AnalyseOptions = {}): Promise<AnalyserOutcome> {
    const { sha256, giveBack, keep } = options;
    return this.submit((jobId) => ({ type: 'analyse', jobId, bytes, ...(sha256 ? { sha256 } : {}), ...(giveBack ? { giveBack } : {}), ...(keep ? { keep } : {}) }), withKept({}, keep), [bytes]);
  }

  /** Read a module from the library and analyse it, in the worker; the bytes come back in `value.bytes`. */
  open(id: string): Promise<AnalyserOutcome> {
    return this.submit((jobId) => ({ type: 'open', jobId, id }), {}, []);
  }

  /** Compile a copy with every memory capped at `maxPages`. The buffer is transferred. */
  limit(bytes: ArrayBuffer, maxPages: number): Promise<LimitOutcome> {
    return this.submit((jobId) => ({ type: 'limit', jobId, bytes, maxPages }), {}, [bytes]);
  }

  /** Transpile a component with jco in the worker (or read its cached output). The buffer is transferred. */
  transpile(id: string, bytes: ArrayBuffer, jspi: TranspileRequest['jspi']): Promise<TranspileOutcome> {
    return this.submit((jobId) => ({ type: 'transpile', jobId, id, bytes, jspi }), {}, [bytes]);
  }

  /** Decode a share link's hash in the worker; undefined when it carries no share state. */
  decodeShare(hash: string): Promise<Decoded | undefined> {
    return new Promise((resolve) => {
      this.jobs.start((jobId) => ({ type: 'decode-share', jobId, hash }), {
        event: (event) => {
          if (event.type === 'share-decoded') resolve(event.decoded);
          return true;
        },
        fail: (end) => resolve({ ok: false, error: `The share link could not be read: ${end.message}.` }),
      });
    });
  }

  /** Unpack a .zip in the worker (the buffer is transferred); progress as it goes. */
  unzip(bytes: ArrayBuffer, onProgress?: (read: number, total: number) => void): Promise<UnzipResult> {
    return new Promise((resolve) => {
      this.jobs.start(
        (jobId) => ({ type: 'unzip', jobId, bytes }),
        {
          event: (event) => {
            if (event.type === 'progress') {
              onProgress?.(event.received, event.total ?? 0);
              return false;
            }
            if (event.type === 'unzipped') resolve(event.result);
            return true;
          },
          fail: (end) => resolve({ ok: false, error: `The archive could not be unpacked: ${end.message}.` }),
        },
        [bytes],
      );
    });
  }

  /** Read and verify a module's wascap claims in the worker (the buffer is transferred); null without a claims section. */
  claims(bytes: ArrayBuffer, nowMs: number): Promise<ClaimsReport | null> {
    return new Promise((resolve, reject) => {
      this.jobs.start((jobId) => ({ type: 'claims', jobId, bytes, nowMs }), {
        event: (event) => {
          if (event.type === 'claims-read') resolve(event.report);
          return true;
        },
        fail: (end) => reject(new Error(`The claims could not be read: ${end.message}.`)),
      }, [bytes]);
    });
  }

  /** Check a module against a check file's text, in the worker (YAML is parsed there). */
  check(module: CheckedModule, checkFile: string): Promise<CheckReport> {
    return new Promise((resolve) => {
      this.jobs.start((jobId) => ({ type: 'check', jobId, module, checkFile }), {
        event: (event) => {
          if (event.type === 'checked') resolve(event.report);
          return true;
        },
        fail: (end) => resolve({ passed: false, rules: [], errors: [{ message: `The check could not run: ${end.message}. Try again.` }] }),
      });
    });
  }

  /** Download and analyse a URL; progress arrives while it streams. */
  fetch(url: string, onProgress: (received: number, total?: number) => void, keep = false): Promise<AnalyserOutcome> {
    return this.submit((jobId) => ({ type: 'fetch', jobId, url, ...(keep ? { keep } : {}) }), withKept({ onProgress }, keep), []);
  }

  // Each request type gets its own event type back; the worker answers a job with the matching one.
  private submit<T extends AnalysedEvent | LimitedEvent | TranspiledEvent>(make: (jobId: number) => AnalyserRequest, job: Omit<Job, 'resolve'>, transfer: Transferable[]): Promise<Outcome<T>> {
    return new Promise((resolve) => {
      const settle = resolve as Job['resolve'];
      let answered = false;
      this.jobs.start(make, {
        event: (event) => {
          switch (event.type) {
            case 'progress':
              job.onProgress?.(event.received, event.total);
              return false;
            case 'analysed':
            case 'limited':
            case 'transpiled':
              answered = true;
              settle({ ok: true, value: event, ...(job.kept ? { kept: job.kept.promise } : {}) });
              // A job that keeps its bytes stays until the worker says they are stored.
              return !job.kept;
            case 'kept':
              job.kept?.resolve(event.error ? { error: event.error } : {});
              return true;
            case 'share-decoded':
            case 'unzipped':
            case 'claims-read':
            case 'checked':
              return true; // not answers to a load (decodeShare and unzip take their own)
            case 'failed':
              settle({ ok: false, error: event.error });
              job.kept?.resolve({ error: { quota: false, message: 'the module was not loaded' } });
              return true;
            default: {
              const never: never = event;
              throw new Error(`unknown analyser event ${JSON.stringify(never)}`);
            }
          }
        },
        // The analyser must not die on hostile bytes; if it does, its jobs fail and the next load starts afresh.
        fail: (end) => {
          if (!answered) settle({ ok: false, error: { code: 'malformed', title: 'The module could not be analysed.', detail: `${end.message}. Try loading it again.` } });
          job.kept?.resolve({ error: { quota: false, message: end.message } });
        },
      }, transfer);
    });
  }
}
