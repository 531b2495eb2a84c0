/**
 * What the fuzzer records per mutant, and the rules for what counts as a finding (DESIGN.md §11:
 * malformed input gets a specific message; nothing hangs; the page never errors).
 */

/** What the page reports for one mutant (see inPage.ts). */
export interface MutantResult {
  n: number;
  load:
    | { ok: true; kind: string; format: string }
    /** `name` is the rejection's class; LoadFailure carries `code`, `title` and `detail`. */
    | { ok: false; name: string; code?: string; title?: string; detail?: string; message: string };
  /** Absent when nothing was run (load failed, a component, no callable export). */
  run?: { func: string; status: string; code?: string; message?: string };
  /** Which step outlived its watchdog. */
  hang?: 'load' | 'run';
  /** Date.now() when the page started and finished this mutant, to place console lines. */
  started: number;
  ended: number;
}

/** A page-level event: uncaught error, unhandled rejection, console error. */
export interface PageEvent {
  type: 'pageerror' | 'rejection' | 'console';
  message: string;
  at: number;
}

export type Outcome = 'ran ok' | 'run error' | 'run timed out' | 'loaded, not run' | 'load refused' | 'hang';

// Codes a load from bytes can honestly end with; the network ones cannot happen here.
const BYTES_CODES = new Set(['empty', 'not-wasm', 'truncated', 'malformed', 'invalid', 'unsupported-version']);
const OFFSET = /byte offset \d+/;

/**
 * Why a refused load's message is not specific, or null when it is. `malformed`, `truncated` and
 * `invalid` must say where (a byte offset); our own parser's "internal error" never counts.
 */
export function unspecificLoad(load: Extract<MutantResult['load'], { ok: false }>): string | null {
  if (load.name !== 'LoadFailure' || load.code === undefined) return `load rejected with ${load.name} (no LoadError code): ${load.message}`;
  if (!BYTES_CODES.has(load.code)) return `load error code "${load.code}" does not describe bytes: ${load.title}`;
  const text = `${load.title ?? ''} ${load.detail ?? ''}`;
  if (/internal error/i.test(text)) return `load error "${load.code}" is an internal error: ${load.title}`;
  if ((load.code === 'malformed' || load.code === 'truncated' || load.code === 'invalid') && !OFFSET.test(text)) {
    return `load error "${load.code}" gives no byte offset: ${load.title} ${load.detail}`;
  }
  // A verdict that contradicts itself ("malformed … (truncated file?)") sends the user the wrong way.
  if (load.code === 'malformed' && /truncated file\?/.test(text)) return `load error "malformed" also guesses "truncated file?": ${load.title}`;
  return null;
}

// `rejected`: run() itself rejected, which it must never do for guest errors.
const UNSPECIFIC_RUN = new Set(['internal', 'crash', 'rejected']);

/** Why a run's error is not specific (the worker died, an internal error, a rejection), or null. */
export function unspecificRun(run: NonNullable<MutantResult['run']>): string | null {
  if (run.status !== 'error') return null;
  if (run.code === undefined || UNSPECIFIC_RUN.has(run.code)) return `run of ${run.func} failed with code "${run.code}": ${run.message}`;
  return null;
}

export function outcomeOf(r: MutantResult): Outcome {
  if (r.hang) return 'hang';
  if (!r.load.ok) return 'load refused';
  if (!r.run) return 'loaded, not run';
  if (r.run.status === 'ok') return 'ran ok';
  return r.run.status === 'stopped' ? 'run timed out' : 'run error';
}

/** The mutant whose time window holds `at` (else the last one started before it). */
export function attribute(results: readonly MutantResult[], at: number): MutantResult | undefined {
  let best: MutantResult | undefined;
  for (const r of results) {
    if (r.started <= at + 1) best = r;
    if (r.started <= at + 1 && at <= r.ended + 1) return r;
  }
  return best ?? results[0];
}

/**
 * Playwright reports an unhandled rejection in the page as a page error too; keep it once, as the
 * rejection the page's own listener saw (with its stack).
 */
export function dedupe(events: readonly PageEvent[]): PageEvent[] {
  const rejections = events.filter((e) => e.type === 'rejection');
  return events.filter((e) => e.type !== 'pageerror' || !rejections.some((r) => r.message.includes(e.message.split('\n')[0]!)));
}
