/**
 * Clocks given to guests (DESIGN.md §4): the real one, or a deterministic one for
 * reproducible runs (fixed epoch, advancing a fixed step on every reading).
 */
export interface Clock {
  /** Wall-clock time in ns since the Unix epoch. */
  realtime(): bigint;
  /** Monotonic time in ns from an arbitrary origin; never goes back. */
  monotonic(): bigint;
  /** Resolution in ns that clock_res_get reports. */
  resolution(kind: 'realtime' | 'monotonic'): bigint;
  /** Blocks the calling thread for `ns` (poll_oneoff); a deterministic clock only advances. */
  sleep(ns: bigint): void;
}

/** Blocks a worker thread without burning CPU where Atomics.wait is allowed, else spins. */
function blockFor(ms: number): void {
  if (ms <= 0) return;
  if (typeof SharedArrayBuffer !== 'undefined') {
    try {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
      return;
    } catch {
      // Atomics.wait is not allowed on this thread (a window): spin instead.
    }
  }
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // busy-wait: without cross-origin isolation a worker has no other way to block
  }
}

/** The host's clocks: Date.now for wall time, performance.now for monotonic time. */
export function realClock(): Clock {
  const origin = BigInt(Date.now()) * 1_000_000n;
  const start = performance.now();
  let last = 0n;
  return {
    realtime: () => BigInt(Date.now()) * 1_000_000n,
    monotonic: () => {
      // Anchored to the epoch so values look like time; clamped so it never goes back.
      const now = origin + BigInt(Math.round((performance.now() - start) * 1e6));
      last = now > last ? now : last;
      return last;
    },
    resolution: (kind) => (kind === 'realtime' ? 1_000_000n : 1_000n),
    sleep: (ns) => blockFor(Number(ns) / 1e6),
  };
}

export interface DeterministicClockOptions {
  /** Wall-clock time at start, ns since the epoch (default 2024-01-01T00:00:00Z). */
  epochNs?: bigint;
  /** How far both clocks advance on every reading, in ns (default 1 ms). */
  stepNs?: bigint;
}

/** A clock that gives the same sequence of readings every run. */
export function deterministicClock(options: DeterministicClockOptions = {}): Clock {
  const epoch = options.epochNs ?? 1_704_067_200_000_000_000n;
  const step = options.stepNs ?? 1_000_000n;
  let elapsed = 0n;
  const tick = (): bigint => (elapsed += step);
  return {
    realtime: () => epoch + tick(),
    monotonic: () => tick(),
    resolution: () => step,
    sleep: (ns) => {
      if (ns > 0n) elapsed += ns;
    },
  };
}
