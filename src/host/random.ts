/** Randomness given to guests: the platform's CSPRNG, or a seeded PRNG for reproducible runs. */
export interface RandomSource {
  /** Fills `bytes` with random bytes. */
  fill(bytes: Uint8Array): void;
}

/** crypto.getRandomValues, in the 64 KiB pieces it accepts, never on shared memory. */
export function cryptoRandom(): RandomSource {
  return {
    fill(bytes) {
      for (let i = 0; i < bytes.length; i += 65536) {
        const part = bytes.subarray(i, i + 65536);
        if (part.buffer instanceof ArrayBuffer) crypto.getRandomValues(part as Uint8Array<ArrayBuffer>);
        else part.set(crypto.getRandomValues(new Uint8Array(part.length))); // shared memory
      }
    },
  };
}

/** Hashes a string seed to 32 bits (FNV-1a), so any text can seed the PRNG. */
function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counter), seeded from a number or text:
 * the same seed always gives the same bytes. Not for secrets.
 */
export function seededRandom(seed: number | string): RandomSource {
  const s = typeof seed === 'number' ? seed >>> 0 : hashSeed(seed);
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = s;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) next(); // mix the seed in
  return {
    fill(bytes) {
      for (let i = 0; i < bytes.length; i += 4) {
        let r = next();
        for (let j = i; j < Math.min(i + 4, bytes.length); j++, r >>>= 8) bytes[j] = r & 0xff;
      }
    },
  };
}
