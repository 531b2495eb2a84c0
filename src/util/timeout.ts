/** Validation of a run's time limit, wherever one comes from (settings, share links, manifests). */

/** Shortest time limit: a run needs at least a millisecond to start. */
export const MIN_TIMEOUT_MS = 1;

/**
 * Longest time limit: a day. setTimeout wraps above 2^31-1 ms (about 24.8 days) and then fires
 * at once, which stops every run after a few ms; no run in a browser tab needs more than a day.
 */
export const MAX_TIMEOUT_MS = 24 * 60 * 60 * 1000;

/**
 * `ok`: `value` is the limit to use. Not ok: `message` says why; `value` is the nearest usable limit
 * when there is one (a too-long limit gives MAX_TIMEOUT_MS), else null.
 */
export type TimeoutCheck = { ok: true; value: number; message: null } | { ok: false; value: number | null; message: string };

/** Check a time limit in milliseconds: integers from 1 ms to 24 h; fractions above 1 ms are rounded. */
export function clampTimeoutMs(value: unknown): TimeoutCheck {
  if (typeof value !== 'number') {
    const shown = typeof value === 'string' ? `the text "${value.slice(0, 20)}${value.length > 20 ? '…' : ''}"` : value === null ? 'null' : `a ${typeof value}`;
    return refuse(null, `The time limit must be a number of milliseconds, not ${shown}.`);
  }
  if (Number.isNaN(value)) return refuse(null, 'The time limit is not a number (NaN); give it in milliseconds, e.g. 10000 for 10 s.');
  if (!Number.isFinite(value)) return refuse(null, `The time limit must be finite, not ${value}; the longest is 24 h (${MAX_TIMEOUT_MS} ms).`);
  if (value <= 0) return refuse(null, `The time limit must be more than 0 ms, not ${value}.`);
  if (value < MIN_TIMEOUT_MS) return refuse(null, `The time limit ${value} ms is under the shortest, ${MIN_TIMEOUT_MS} ms.`);
  if (value > MAX_TIMEOUT_MS) {
    return refuse(MAX_TIMEOUT_MS, `The time limit ${value} ms is over the longest, 24 h (${MAX_TIMEOUT_MS} ms): browsers' timers wrap above 2^31-1 ms and would stop the run at once.`);
  }
  return { ok: true, value: Math.round(value), message: null };
}

function refuse(value: number | null, message: string): TimeoutCheck {
  return { ok: false, value, message };
}
