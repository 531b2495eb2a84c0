/// <reference lib="webworker" />
/** Sandbox worker: runs guest code. The page terminates it to stop a run (STYLE.md §4). */
import { afterCoreRun, runCore } from '../../runners/core/run';
import { runExtism } from '../../runners/extism/run';
import type { GuestContext, PreparedModule, RunOutcome } from '../../runners/shared/outcome';
import { failure } from '../../runners/shared/outcome';
import { runWasi } from '../../runners/wasi-p1/run';
import type { DoneEvent, PrepareRequest, RunMessage, RunRequest, SandboxEvent, SandboxRequest } from './protocol';

const post = (event: SandboxEvent, transfer: Transferable[] = []) => self.postMessage(event, transfer);
const prepared = new Map<string, PrepareRequest>();

self.onmessage = (event: MessageEvent<SandboxRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'prepare':
      prepared.set(request.moduleId, request);
      return;
    case 'run':
      void start(request);
      return;
    default: {
      const never: never = request;
      throw new Error(`unknown sandbox request ${JSON.stringify(never)}`);
    }
  }
};

async function start(request: RunRequest): Promise<void> {
  const { jobId, run } = request;
  const module = prepared.get(request.moduleId);
  if (!module) {
    return done(jobId, failure({ code: 'internal', func: run.func, message: 'The sandbox was not given this module. Load it again.' }));
  }
  const ctx: GuestContext = {
    moduleId: request.moduleId,
    prepared: module,
    lookup: (id): PreparedModule | undefined => prepared.get(id),
    console: (stream, text, level) => post({ type: 'console', jobId, stream, text, ...(level ? { level } : {}) }),
    blocked: (report) => post({ type: 'blocked', jobId, ...report }),
    fs: (changes) => post({ type: 'fs', jobId, changes }),
  };
  done(jobId, await dispatch(run, ctx));
  // While the page takes the result, make the next run's fresh instance (core modules).
  if (run.kind === 'core') afterCoreRun(ctx);
}

/** One case per runnable kind; the compiler checks none is missing. */
function dispatch(run: RunMessage, ctx: GuestContext): RunOutcome | Promise<RunOutcome> {
  switch (run.kind) {
    case 'core':
      return runCore(run, ctx);
    case 'wasi-p1':
      return runWasi(run, ctx);
    case 'extism':
      return runExtism(run, ctx);
    default: {
      const never: never = run;
      throw new Error(`no runner for ${JSON.stringify(never)}`);
    }
  }
}

/**
 * Output buffers are the worker's own fresh copies: transfer them, so a 100 MB output is not
 * structured-cloned on the page's main thread.
 */
function done(jobId: number, outcome: RunOutcome): void {
  const event: DoneEvent = { type: 'done', jobId, outcome };
  post(event, [outcome.output, outcome.stderr].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer && b.byteLength > 0));
}
