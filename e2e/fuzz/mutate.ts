/**
 * The fuzzer's mutation engine: pure and seeded, so a seed and a mutant number always give the
 * same bytes (a found case is reproduced by its `<seed>-<n>` name alone). Section-aware mutators
 * parse the top-level section headers to hit sizes, counts and LEB128s where parsers trust them.
 */
import { prng } from '../../src/util/prng';

export type MutatorName =
  | 'bitflip'
  | 'truncate'
  | 'section-size'
  | 'leb'
  | 'duplicate-section'
  | 'huge-size'
  | 'huge-count'
  | 'payload'
  | 'header';

/** What a mutator did, precisely enough for a test to check it on the bytes. */
export type Change =
  | { kind: 'bitflip'; bits: number[] }
  | { kind: 'truncate'; length: number }
  /** The section at `section` now declares `to` bytes instead of `from`. */
  | { kind: 'section-size'; section: number; from: number; to: number }
  /** The LEB128 at `at` (a section size, or the first LEB of a payload) now reads as `form`. */
  | { kind: 'leb'; section: number; at: number; form: 'overlong' | 'unterminated' | 'too-large' }
  /** A copy of the section at `section` (`length` bytes with its header) was inserted at `at`. */
  | { kind: 'duplicate-section'; section: number; at: number; length: number }
  | { kind: 'huge-size'; section: number; to: number }
  /** The first LEB of the payload (a vector count for most sections) now reads `to`; the size was fixed up. */
  | { kind: 'huge-count'; section: number; to: number }
  /** Bytes at `at` inside a custom or data section's payload replaced (sizes untouched). */
  | { kind: 'payload'; section: number; at: number[] }
  /** Bytes 4..7 (version and layer) replaced. */
  | { kind: 'header'; from: number[]; to: number[] };

export interface Mutant {
  /** Mutant number within its seed. */
  n: number;
  fixture: string;
  mutator: MutatorName;
  change: Change;
  bytes: Uint8Array;
}

export interface Fixture {
  name: string;
  bytes: Uint8Array;
}

/** A top-level section header as found in the bytes. */
export interface SectionHeader {
  /** Offset of the id byte. */
  offset: number;
  id: number;
  /** Where the size LEB128 starts and how many bytes it has. */
  sizeAt: number;
  sizeLen: number;
  size: number;
  /** First payload byte; `end` is one past the last. */
  payload: number;
  end: number;
}

export type Random = () => number;

/** mulberry32: small, fast, and the same sequence everywhere (one copy, in src/util/prng.ts). */
export { prng };

/** A generator for mutant `n` of `seed`, independent of how many mutants come before it. */
export function mutantRandom(seed: number, n: number): Random {
  return prng(Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(n + 1, 0x85ebca6b));
}

const int = (random: Random, below: number): number => Math.floor(random() * below);
const pick = <T>(random: Random, items: readonly T[]): T => items[int(random, items.length)]!;

/** Read an unsigned LEB128 at `at` (up to 5 bytes); null when it runs off the end or is too long. */
export function readLeb(bytes: Uint8Array, at: number): { value: number; length: number } | null {
  let value = 0;
  for (let i = 0; i < 5; i++) {
    const b = bytes[at + i];
    if (b === undefined) return null;
    value += (b & 0x7f) * 2 ** (7 * i);
    if (b < 0x80) return { value, length: i + 1 };
  }
  return null;
}

/** Unsigned LEB128 of `value`, padded with continuation bytes to at least `minLength` bytes. */
export function encodeLeb(value: number, minLength = 1): number[] {
  const out: number[] = [];
  let rest = value;
  do {
    out.push(rest % 128);
    rest = Math.floor(rest / 128);
  } while (rest > 0 || out.length < minLength);
  for (let i = 0; i < out.length - 1; i++) out[i]! |= 0x80;
  return out;
}

/** The top-level section headers after the 8-byte header, up to the first one that does not fit. */
export function readSections(bytes: Uint8Array): SectionHeader[] {
  const sections: SectionHeader[] = [];
  let pos = 8;
  while (pos < bytes.length) {
    const id = bytes[pos]!;
    const size = readLeb(bytes, pos + 1);
    if (!size) break;
    const payload = pos + 1 + size.length;
    const end = payload + size.value;
    if (end > bytes.length) break;
    sections.push({ offset: pos, id, sizeAt: pos + 1, sizeLen: size.length, size: size.value, payload, end });
    pos = end;
  }
  return sections;
}

function splice(bytes: Uint8Array, at: number, remove: number, insert: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(bytes.length - remove + insert.length);
  out.set(bytes.subarray(0, at), 0);
  out.set(insert, at);
  out.set(bytes.subarray(at + remove), at + insert.length);
  return out;
}

type Applied = { bytes: Uint8Array; change: Change } | null;
type Mutator = (bytes: Uint8Array, random: Random, sections: SectionHeader[]) => Applied;

const HUGE = [0xffffffff, 0x7fffffff, 0x10000000, 0x0fffffff];

const mutators: Record<MutatorName, Mutator> = {
  bitflip(bytes, random) {
    if (bytes.length === 0) return null;
    const out = bytes.slice();
    const count = 1 + int(random, 4);
    const bits = new Set<number>();
    // Mostly past the magic: flipping it only ever yields "not wasm".
    const from = bytes.length > 8 && random() < 0.9 ? 8 : 0;
    while (bits.size < Math.min(count, (bytes.length - from) * 8)) bits.add(from * 8 + int(random, (bytes.length - from) * 8));
    for (const bit of bits) out[bit >> 3]! ^= 1 << (bit & 7);
    return { bytes: out, change: { kind: 'bitflip', bits: [...bits].sort((a, b) => a - b) } };
  },

  truncate(bytes, random, sections) {
    if (bytes.length === 0) return null;
    // Half the cuts land inside a section header or just after one: the interesting places.
    const near = sections.length > 0 && random() < 0.5 ? pick(random, sections).offset + int(random, 4) : int(random, bytes.length);
    const length = Math.min(near, bytes.length - 1);
    return { bytes: bytes.slice(0, length), change: { kind: 'truncate', length } };
  },

  'section-size'(bytes, random, sections) {
    if (sections.length === 0) return null;
    const s = pick(random, sections);
    const deltas = [-2, -1, 1, 2, 7, -s.size, 128];
    let to = Math.max(0, s.size + pick(random, deltas));
    if (to === s.size) to = s.size + 1;
    return { bytes: splice(bytes, s.sizeAt, s.sizeLen, encodeLeb(to, s.sizeLen)), change: { kind: 'section-size', section: s.offset, from: s.size, to } };
  },

  leb(bytes, random, sections) {
    if (sections.length === 0) return null;
    const s = pick(random, sections);
    // The section size, or the first LEB of the payload (a count, an index or a name length).
    const target = s.size > 0 && random() < 0.5 ? readLeb(bytes, s.payload) : null;
    const at = target && s.payload + target.length <= s.end ? s.payload : s.sizeAt;
    const current = at === s.sizeAt ? { value: s.size, length: s.sizeLen } : target!;
    const form = pick(random, ['overlong', 'unterminated', 'too-large'] as const);
    const replacement =
      form === 'overlong'
        ? [...encodeLeb(current.value, 5).map((b, i) => (i === 4 ? b | 0x80 : b)), 0x00] // 6 bytes: over the u32 limit
        : form === 'unterminated'
          ? encodeLeb(current.value, current.length).map((b) => b | 0x80) // the last byte claims another
          : [0xff, 0xff, 0xff, 0xff, 0x7f]; // 35 bits of value in a u32
    return { bytes: splice(bytes, at, current.length, replacement), change: { kind: 'leb', section: s.offset, at, form } };
  },

  'duplicate-section'(bytes, random, sections) {
    if (sections.length === 0) return null;
    const s = pick(random, sections);
    const copy = bytes.slice(s.offset, s.end);
    return { bytes: splice(bytes, s.end, 0, copy), change: { kind: 'duplicate-section', section: s.offset, at: s.end, length: copy.length } };
  },

  'huge-size'(bytes, random, sections) {
    if (sections.length === 0) return null;
    const s = pick(random, sections);
    const to = pick(random, [...HUGE, bytes.length - s.payload + 1]);
    return { bytes: splice(bytes, s.sizeAt, s.sizeLen, encodeLeb(to, 5)), change: { kind: 'huge-size', section: s.offset, to } };
  },

  'huge-count'(bytes, random, sections) {
    const candidates = sections.filter((s) => s.size > 0 && readLeb(bytes, s.payload) !== null);
    if (candidates.length === 0) return null;
    const s = pick(random, candidates);
    const count = readLeb(bytes, s.payload)!;
    const to = pick(random, [...HUGE, 0x10000, count.value + 1]);
    const leb = encodeLeb(to, 5);
    // Keep the section size honest so the parser reaches the count instead of stopping at the size.
    const size = encodeLeb(s.size - count.length + leb.length, s.sizeLen);
    const withCount = splice(bytes, s.payload, count.length, leb);
    return { bytes: splice(withCount, s.sizeAt, s.sizeLen, size), change: { kind: 'huge-count', section: s.offset, to } };
  },

  // Custom and data payloads: mostly still valid modules, so the name/producers readers and the runners get them.
  payload(bytes, random, sections) {
    const candidates = sections.filter((s) => (s.id === 0 || s.id === 11) && s.size > 0);
    if (candidates.length === 0) return null;
    const s = pick(random, candidates);
    const out = bytes.slice();
    const at = new Set<number>();
    const count = 1 + int(random, 3);
    while (at.size < Math.min(count, s.size)) at.add(s.payload + int(random, s.size));
    for (const i of at) out[i] = (out[i]! + 1 + int(random, 255)) & 0xff;
    return { bytes: out, change: { kind: 'payload', section: s.offset, at: [...at].sort((a, b) => a - b) } };
  },

  header(bytes, random) {
    if (bytes.length < 8) return null;
    const from = [...bytes.subarray(4, 8)];
    const variants = [
      [0x0d, 0, 1, 0], // component
      [0x01, 0, 0, 0], // core
      [0x0c, 0, 1, 0], // pre-release component
      [0x0a, 0, 1, 0],
      [0x0e, 0, 1, 0], // a future component
      [0x0d, 0, 2, 0], // unknown layer
      [0x02, 0, 0, 0], // core version 2
      [0x0d, 0, 0, 0], // component version on the core layer
      [0x01, 0, 1, 0],
      [0xff, 0xff, 0xff, 0xff],
      [from[0]!, from[1]!, from[2]!, from[3]! ^ 0x80],
    ].filter((v) => v.some((b, i) => b !== from[i]));
    const to = pick(random, variants);
    return { bytes: splice(bytes, 4, 4, to), change: { kind: 'header', from, to } };
  },
};

export const MUTATORS = Object.keys(mutators) as MutatorName[];

/** Apply one named mutator; null when it has nothing to work on (no sections, too short). */
export function applyMutator(name: MutatorName, bytes: Uint8Array, random: Random): Applied {
  return mutators[name](bytes, random, readSections(bytes));
}

const WEIGHTS: Record<MutatorName, number> = {
  bitflip: 3,
  truncate: 2,
  'section-size': 2,
  leb: 2,
  'duplicate-section': 1,
  'huge-size': 1,
  'huge-count': 2,
  payload: 2,
  header: 1,
};

function chooseMutator(random: Random, fixture: string): MutatorName {
  // The component fixture is there for its header: most of its mutants vary it.
  const weights = fixture.endsWith('component.wasm') ? { ...WEIGHTS, header: 24 } : WEIGHTS;
  const total = MUTATORS.reduce((sum, m) => sum + weights[m], 0);
  let roll = random() * total;
  for (const m of MUTATORS) {
    roll -= weights[m];
    if (roll < 0) return m;
  }
  return 'bitflip';
}

/** Mutant `n` of `seed`: a fixture and a mutator picked by the seed, applied once. */
export function makeMutant(fixtures: readonly Fixture[], seed: number, n: number): Mutant {
  const usable = fixtures.filter((f) => f.bytes.length > 0);
  if (usable.length === 0) throw new Error('no non-empty fixtures to mutate');
  const random = mutantRandom(seed, n);
  const fixture = pick(random, usable);
  let mutator = chooseMutator(random, fixture.name);
  let applied = applyMutator(mutator, fixture.bytes, random);
  if (!applied) {
    // Nothing to target (no readable sections): fall back to plain bit flips.
    mutator = 'bitflip';
    applied = applyMutator('bitflip', fixture.bytes, random)!;
  }
  return { n, fixture: fixture.name, mutator, change: applied.change, bytes: applied.bytes };
}

/** Mutants `from` .. `from + count - 1` of `seed`. */
export function makeMutants(fixtures: readonly Fixture[], seed: number, count: number, from = 0): Mutant[] {
  return Array.from({ length: count }, (_, i) => makeMutant(fixtures, seed, from + i));
}
