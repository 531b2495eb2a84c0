/**
 * The part of the fuzzer that runs inside the app's page: `fuzzBatch` is handed to
 * `page.evaluate`, so it must not use anything from outside its own body (only types).
 */
import type { MutantResult, PageEvent } from './outcome';

export interface BatchItem {
  n: number;
  name: string;
  /** The mutant's bytes, base64 (one compact string per mutant through the protocol). */
  base64: string;
}

export interface BatchInput {
  items: BatchItem[];
  loadWatchdogMs: number;
  runTimeoutMs: number;
  /** Beyond the run's own timeout: the stop, the worker's restart and the answer. */
  runWatchdogMs: number;
}

export interface BatchOutput {
  results: MutantResult[];
  /** Unhandled rejections the page saw since the last batch. */
  events: PageEvent[];
}

declare global {
  interface Window {
    /** Filled by the init script (campaign.ts) from the first moment the page lives. */
    __fuzzEvents?: PageEvent[];
  }
}

/** Script run before the app's own: unhandled rejections are recorded with their time. */
export const INIT_SCRIPT = `
window.__fuzzEvents = [];
window.addEventListener('unhandledrejection', (e) => {
  const r = e.reason;
  window.__fuzzEvents.push({ type: 'rejection', message: String(r && r.stack ? r.stack : r && r.message ? r.message : r), at: Date.now() });
});`;

/** Load each mutant, run one export if it loads; stop at the first step that outlives its watchdog. */
export async function fuzzBatch(input: BatchInput): Promise<BatchOutput> {
  const api = window.wasmPlayground;
  const HANG = Symbol('hang');
  const numeric = new Set(['i32', 'i64', 'f32', 'f64']);
  // Settles with the value, the rejection as { error }, or HANG; never leaves a rejection unhandled.
  const guard = <T>(promise: Promise<T>, ms: number): Promise<{ value: T } | { error: unknown } | typeof HANG> => {
    let timer = 0;
    const settled = promise.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    const watchdog = new Promise<typeof HANG>((resolve) => (timer = window.setTimeout(() => resolve(HANG), ms)));
    return Promise.race([settled, watchdog]).finally(() => window.clearTimeout(timer));
  };

  const results: MutantResult[] = [];
  for (const item of input.items) {
    const started = Date.now();
    const bytes = Uint8Array.from(atob(item.base64), (c) => c.charCodeAt(0));
    const loaded = await guard(api.load({ bytes, name: item.name }), input.loadWatchdogMs);
    if (loaded === HANG) {
      results.push({ n: item.n, load: { ok: false, name: 'hang', message: `load did not settle in ${input.loadWatchdogMs} ms` }, hang: 'load', started, ended: Date.now() });
      break;
    }
    if ('error' in loaded) {
      const e = loaded.error as { name?: string; message?: string; loadError?: { code?: string; title?: string; detail?: string } };
      const le = e?.loadError;
      results.push({
        n: item.n,
        load: { ok: false, name: e?.name ?? typeof e, message: e?.message ?? String(e), ...(le ? { code: le.code, title: le.title, detail: le.detail } : {}) },
        started,
        ended: Date.now(),
      });
      continue;
    }
    const mod = loaded.value;
    const analysis = mod.analysis;
    const result: MutantResult = { n: item.n, load: { ok: true, kind: analysis.kind, format: analysis.format }, started, ended: 0 };
    // What to call: _start for WASI commands, a plugin function with input, else numeric params with zeros.
    let call: { func: string; args: (number | bigint)[]; input?: string } | null = null;
    if (analysis.format === 'core') {
      const funcs = analysis.exports.flatMap((e) => (e.desc.kind === 'func' ? [{ name: e.name, params: e.desc.type.params }] : []));
      const plugin = analysis.kind === 'extism' ? funcs.filter((f) => f.params.length === 0 && !f.name.startsWith('_')) : [];
      const numericFuncs = funcs.filter((f) => f.params.every((p) => numeric.has(p)));
      if (analysis.kind === 'wasi-command' && funcs.some((f) => f.name === '_start')) call = { func: '_start', args: [] };
      else if (plugin.length > 0) call = { func: plugin[item.n % plugin.length]!.name, args: [], input: 'Hello, fuzz' };
      else if (numericFuncs.length > 0) {
        const f = numericFuncs[item.n % numericFuncs.length]!;
        call = { func: f.name, args: f.params.map((p) => (p === 'i64' ? 0n : 0)) };
      }
    }
    if (call) {
      const request = { module: mod.id, func: call.func, args: call.args, imports: 'stub' as const, timeoutMs: input.runTimeoutMs, ...(call.input ? { input: call.input } : {}) };
      const ran = await guard(api.run(request), input.runTimeoutMs + input.runWatchdogMs);
      if (ran === HANG) {
        results.push({ ...result, run: { func: call.func, status: 'hang' }, hang: 'run', ended: Date.now() });
        break;
      }
      if ('error' in ran) {
        // run() never rejects for guest errors: a rejection is itself a finding.
        const e = ran.error as { message?: string };
        result.run = { func: call.func, status: 'error', code: 'rejected', message: e?.message ?? String(e) };
      } else {
        const r = ran.value;
        result.run = { func: call.func, status: r.status, ...(r.error ? { code: r.error.code, message: r.error.message } : {}) };
      }
    }
    result.ended = Date.now();
    results.push(result);
  }
  const events = window.__fuzzEvents?.splice(0) ?? [];
  return { results, events };
}
