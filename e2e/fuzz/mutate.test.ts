import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyMutator, encodeLeb, makeMutants, MUTATORS, prng, readLeb, readSections, type Change, type Fixture, type MutatorName } from './mutate';

const ROOT = path.resolve(import.meta.dirname, '../..');
const load = (rel: string): Fixture => ({ name: rel, bytes: new Uint8Array(readFileSync(path.join(ROOT, rel))) });
const ADD = load('e2e/fixtures/add.wasm');
const COMPONENT = load('e2e/fixtures/component.wasm');
const FIXTURES = readdirSync(path.join(ROOT, 'e2e/fixtures/extism'))
  .filter((f) => f.endsWith('.wasm'))
  .map((f) => load(`e2e/fixtures/extism/${f}`))
  .concat(ADD, COMPONENT, load('e2e/fixtures/garbage.wasm'));

/** Apply `name` with fresh seeds until it gives the change kind asked for. */
function apply<K extends Change['kind']>(name: MutatorName & K, fixture: Fixture, seed: number) {
  const applied = applyMutator(name, fixture.bytes, prng(seed));
  if (!applied || applied.change.kind !== name) throw new Error(`${name} did not apply`);
  return { bytes: applied.bytes, change: applied.change as Extract<Change, { kind: K }> };
}

const sectionAt = (bytes: Uint8Array, offset: number) => readSections(bytes).find((s) => s.offset === offset);
const seeds = Array.from({ length: 40 }, (_, i) => i + 1);

describe('LEB128 and section headers', () => {
  it('encodes and reads back, padded to a length', () => {
    expect(encodeLeb(0)).toEqual([0]);
    expect(encodeLeb(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(encodeLeb(3, 3)).toEqual([0x83, 0x80, 0x00]);
    expect(readLeb(new Uint8Array(encodeLeb(0xffffffff, 5)), 0)).toEqual({ value: 0xffffffff, length: 5 });
    expect(readLeb(new Uint8Array([0x80, 0x80]), 0)).toBeNull();
  });
  it('lists the sections of a fixture end to end', () => {
    const sections = readSections(ADD.bytes);
    expect(sections.length).toBeGreaterThan(5);
    expect(sections[0]!.offset).toBe(8);
    expect(sections.at(-1)!.end).toBe(ADD.bytes.length);
    for (let i = 1; i < sections.length; i++) expect(sections[i]!.offset).toBe(sections[i - 1]!.end);
  });
});

describe('makeMutants', () => {
  it('gives the same mutants for the same seed, and mutant n does not depend on the count', () => {
    const a = makeMutants(FIXTURES, 7, 60);
    const b = makeMutants(FIXTURES, 7, 60);
    expect(a.map((m) => [m.fixture, m.mutator, [...m.bytes]])).toEqual(b.map((m) => [m.fixture, m.mutator, [...m.bytes]]));
    expect([...makeMutants(FIXTURES, 7, 10, 50)[3]!.bytes]).toEqual([...a[53]!.bytes]);
  });
  it('gives different mutants for another seed', () => {
    const a = makeMutants(FIXTURES, 7, 30).map((m) => [...m.bytes].join());
    const b = makeMutants(FIXTURES, 8, 30).map((m) => [...m.bytes].join());
    expect(a.filter((x, i) => x === b[i]).length).toBeLessThan(5);
  });
  it('uses every mutator, and every mutant differs from its fixture', () => {
    const mutants = makeMutants(FIXTURES, 1, 400);
    expect(new Set(mutants.map((m) => m.mutator))).toEqual(new Set(MUTATORS));
    for (const m of mutants) {
      const original = FIXTURES.find((f) => f.name === m.fixture)!.bytes;
      expect([...m.bytes].join(), `${m.n} ${m.mutator}`).not.toBe([...original].join());
    }
  });
  it('mostly varies the header of the component fixture', () => {
    const mutants = makeMutants([COMPONENT], 3, 100);
    expect(mutants.filter((m) => m.mutator === 'header').length).toBeGreaterThan(50);
  });
});

describe('each mutator changes what it says', () => {
  it('bitflip flips exactly the bits it lists', () => {
    for (const seed of seeds) {
      const { bytes, change } = apply('bitflip', ADD, seed);
      expect(bytes.length).toBe(ADD.bytes.length);
      const flipped: number[] = [];
      for (let i = 0; i < bytes.length; i++) for (let bit = 0; bit < 8; bit++) if (((bytes[i]! ^ ADD.bytes[i]!) >> bit) & 1) flipped.push(i * 8 + bit);
      expect(flipped).toEqual(change.bits);
      expect(change.bits.length).toBeGreaterThanOrEqual(1);
    }
  });
  it('truncate keeps a strict prefix of the length it says', () => {
    for (const seed of seeds) {
      const { bytes, change } = apply('truncate', ADD, seed);
      expect(bytes.length).toBe(change.length);
      expect(change.length).toBeLessThan(ADD.bytes.length);
      expect([...bytes]).toEqual([...ADD.bytes.subarray(0, change.length)]);
    }
  });
  it('section-size makes the section declare the new size, other bytes unchanged', () => {
    for (const seed of seeds) {
      const { bytes, change } = apply('section-size', ADD, seed);
      const before = sectionAt(ADD.bytes, change.section)!;
      expect(change.from).toBe(before.size);
      expect(change.to).not.toBe(change.from);
      expect(readLeb(bytes, before.sizeAt)!.value).toBe(change.to);
      expect([...bytes.subarray(0, before.sizeAt)]).toEqual([...ADD.bytes.subarray(0, before.sizeAt)]);
      const newLen = readLeb(bytes, before.sizeAt)!.length;
      expect([...bytes.subarray(before.sizeAt + newLen)]).toEqual([...ADD.bytes.subarray(before.payload)]);
    }
  });
  it('leb makes the targeted LEB128 overlong, unterminated or too large', () => {
    const forms = new Set<string>();
    for (const seed of seeds) {
      const { bytes, change } = apply('leb', ADD, seed);
      forms.add(change.form);
      const at = change.at;
      if (change.form === 'overlong') {
        expect([...bytes.subarray(at, at + 5)].every((b) => b >= 0x80)).toBe(true);
      } else if (change.form === 'too-large') {
        expect([...bytes.subarray(at, at + 5)]).toEqual([0xff, 0xff, 0xff, 0xff, 0x7f]);
      } else {
        // The original LEB's bytes all have their continuation bit now.
        const original = readLeb(ADD.bytes, at)!;
        expect([...bytes.subarray(at, at + original.length)].every((b) => b >= 0x80)).toBe(true);
        expect(bytes.length).toBe(ADD.bytes.length);
      }
      expect([...bytes.subarray(0, at)]).toEqual([...ADD.bytes.subarray(0, at)]);
    }
    expect(forms).toEqual(new Set(['overlong', 'unterminated', 'too-large']));
  });
  it('duplicate-section inserts an exact copy of the section right after it', () => {
    for (const seed of seeds) {
      const { bytes, change } = apply('duplicate-section', ADD, seed);
      const s = sectionAt(ADD.bytes, change.section)!;
      expect(change.length).toBe(s.end - s.offset);
      expect(bytes.length).toBe(ADD.bytes.length + change.length);
      expect([...bytes.subarray(change.at, change.at + change.length)]).toEqual([...ADD.bytes.subarray(s.offset, s.end)]);
      expect(readSections(bytes).filter((x) => x.id === s.id).length).toBeGreaterThan(readSections(ADD.bytes).filter((x) => x.id === s.id).length);
    }
  });
  it('huge-size declares more bytes than the file has', () => {
    for (const seed of seeds) {
      const { bytes, change } = apply('huge-size', ADD, seed);
      const s = sectionAt(ADD.bytes, change.section)!;
      const size = readLeb(bytes, s.sizeAt)!;
      expect(size.value).toBe(change.to);
      expect(size.value).toBeGreaterThan(bytes.length - (s.sizeAt + size.length));
    }
  });
  it('huge-count rewrites the first payload LEB and keeps the section size consistent', () => {
    for (const seed of seeds) {
      const { bytes, change } = apply('huge-count', ADD, seed);
      const s = readSections(bytes).find((x) => x.offset === change.section)!;
      expect(readLeb(bytes, s.payload)!.value).toBe(change.to);
      // The walk still reaches the end: only the count changed.
      expect(readSections(bytes).at(-1)!.end).toBe(bytes.length);
    }
  });
  it('payload changes exactly the bytes it lists, inside a custom or data section', () => {
    for (const seed of seeds) {
      const { bytes, change } = apply('payload', ADD, seed);
      const s = sectionAt(ADD.bytes, change.section)!;
      expect([0, 11]).toContain(s.id);
      const changed = [...bytes.keys()].filter((i) => bytes[i] !== ADD.bytes[i]);
      expect(changed).toEqual(change.at);
      for (const i of changed) expect(i >= s.payload && i < s.end).toBe(true);
    }
  });
  it('header replaces bytes 4..7 and nothing else', () => {
    const seen = new Set<string>();
    for (const seed of seeds) {
      const { bytes, change } = apply('header', COMPONENT, seed);
      expect(change.from).toEqual([0x0d, 0, 1, 0]);
      expect([...bytes.subarray(4, 8)]).toEqual(change.to);
      expect(change.to).not.toEqual(change.from);
      expect([...bytes.subarray(0, 4), ...bytes.subarray(8)]).toEqual([...COMPONENT.bytes.subarray(0, 4), ...COMPONENT.bytes.subarray(8)]);
      seen.add(change.to.join());
    }
    expect(seen.size).toBeGreaterThan(5);
  });
});
