/** wasi:clocks and wasi:random over the host's clock and randomness (both follow deterministic mode). */
import type { Clock } from '../clock';
import type { RandomSource } from '../random';
import { Pollable } from './io';

/** wasi:clocks/wall-clock `datetime`. */
export interface Datetime {
  seconds: bigint;
  nanoseconds: number;
}

export const toDatetime = (ns: bigint): Datetime => ({ seconds: ns / 1_000_000_000n, nanoseconds: Number(ns % 1_000_000_000n) });

export function clockImports(clock: Clock): Record<string, Record<string, unknown>> {
  return {
    'wasi:clocks/monotonic-clock': {
      now: () => clock.monotonic(),
      resolution: () => clock.resolution('monotonic'),
      subscribeInstant: (when: bigint) => new Pollable(when, clock),
      subscribeDuration: (duration: bigint) => new Pollable(clock.monotonic() + duration, clock),
    },
    'wasi:clocks/wall-clock': {
      now: () => toDatetime(clock.realtime()),
      resolution: () => toDatetime(clock.resolution('realtime')),
    },
  };
}

/** Most bytes one get-random-bytes call returns (the guest asked for more than it can hold). */
const MAX_RANDOM_BYTES = 64 * 2 ** 20;

export function randomImports(random: RandomSource): Record<string, Record<string, unknown>> {
  const bytes = (len: bigint): Uint8Array => {
    if (len > BigInt(MAX_RANDOM_BYTES)) throw new Error(`wasi:random: ${len} random bytes were asked for; the host gives at most ${MAX_RANDOM_BYTES} per call`);
    const out = new Uint8Array(Number(len));
    random.fill(out);
    return out;
  };
  const u64 = (): bigint => new DataView(bytes(8n).buffer).getBigUint64(0, true);
  return {
    'wasi:random/random': { getRandomBytes: bytes, getRandomU64: u64 },
    'wasi:random/insecure': { getInsecureRandomBytes: bytes, getInsecureRandomU64: u64 },
    'wasi:random/insecure-seed': { insecureSeed: () => [u64(), u64()] },
  };
}
