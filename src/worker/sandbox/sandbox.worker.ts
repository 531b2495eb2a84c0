/// <reference lib="webworker" />
/** Sandbox worker: runs guest code. The page terminates it to stop a run (STYLE.md §4). */
import { afterCoreRun, runCore } from '../../runners/core/run';
import { runExtism } from '../../runners/extism/run';
import type { GuestContext, PreparedModule, RunOutcome } from '../../runners/shared/outcome';
import { failure } from '../../runners/shared/outcome';
import { runWapc } from '../../runners/wapc/run';
import { runWasi } from '../../runners/wasi-p1/run';
import { runComponent } from '../../runners/component/run';
import { ConsoleBatcher } from './consoleBatcher';
import type { DoneEvent, FsEvent, PrepareComponentRequest, PrepareRequest, RunMessage, RunRequest, SandboxEvent, SandboxRequest } from './protocol';

const post = (event: SandboxEvent, transfer: Transferable[] = []) => self.postMessage(event, transfer);
const prepared = new Map<string, PrepareRequest>();
const components = new Map<string, PrepareComponentRequest>();
let durable: MessagePort | null = null;

self.onmessage = (event: MessageEvent<SandboxRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'prepare':
      prepared.set(request.moduleId, request);
      return;
    case 'prepare-component':
      components.set(request.moduleId, request);
      return;
    case 'run':
      void start(request);
      return;
    case 'durable':
      durable = request.port;
      return;
    default: {
      const never: never = request;
      throw new Error(`unknown sandbox request ${JSON.stringify(never)}`);
    }
  }
};

async function start(request: RunRequest): Promise<void> {
  const { jobId, run } = request;
  const module = prepared.get(request.moduleId) ?? componentPlaceholder(request.moduleId);
  if (!module) {
    return done(jobId, failure({ code: 'internal', func: run.func, message: 'The sandbox was not given this module. Load it again.' }));
  }
  const batcher = new ConsoleBatcher((items, dropped) => post({ type: 'console', jobId, items, dropped }));
  let fsEvents = 0;
  const ctx: GuestContext = {
    moduleId: request.moduleId,
    prepared: module,
    lookup: (id): PreparedModule | undefined => prepared.get(id),
    console: (stream, text, level) => batcher.push({ stream, text, ...(level ? { level } : {}) }),
    blocked: (report) => batcher.push({ stream: 'blocked', text: report.detail, capability: report.capability, target: report.target }),
    // Own channel: a Stop must not lose closed files queued behind console lines (DESIGN.md §5).
    flush: () => batcher.flush(),
    fs: (changes) => {
      fsEvents++;
      durable?.postMessage({ type: 'fs', jobId, changes } satisfies FsEvent);
    },
  };
  const outcome = await dispatch(run, ctx);
  batcher.flush();
  done(jobId, outcome, fsEvents);
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
    case 'wapc':
      return runWapc(run, ctx);
    case 'component': {
      const component = components.get(ctx.moduleId);
      if (!component) return failure({ code: 'internal', func: run.func, message: 'The sandbox was not given this component. Load it again.' });
      return runComponent(run, ctx, component);
    }
    default: {
      const never: never = run;
      throw new Error(`no runner for ${JSON.stringify(never)}`);
    }
  }
}

/** Components have no core module of their own: their runs get an empty placeholder in the context. */
function componentPlaceholder(moduleId: string): PrepareRequest | undefined {
  const component = components.get(moduleId);
  return component ? { type: 'prepare', moduleId, module: EMPTY_MODULE, compileMs: component.compileMs, imports: [] } : undefined;
}
const EMPTY_MODULE = new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));

/** Buffers from this size up are transferred; smaller ones are cheaper to copy (a transfer costs ~50 µs in Chromium). */
const TRANSFER_FROM = 64 * 1024;

/**
 * Big output buffers are the worker's own fresh copies: transfer them, so a 100 MB output is not
 * structured-cloned on the page's main thread.
 */
function done(jobId: number, outcome: RunOutcome, fsEvents = 0): void {
  const event: DoneEvent = { type: 'done', jobId, outcome, fsEvents };
  post(event, [outcome.output, outcome.stderr].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer && b.byteLength >= TRANSFER_FROM));
}
