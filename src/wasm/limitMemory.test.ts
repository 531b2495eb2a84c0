import { describe, expect, it } from 'vitest';
import { limitMemory } from './limitMemory';
import { parseModule } from './parse';

// Hand-assembled modules: (memory min max?) exported as "memory", plus a "grow" export.
const header = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
// type 0: (i32) -> i32
const typeSec = [0x01, 0x06, 0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f];
const funcSec = [0x03, 0x02, 0x01, 0x00];
// grow: memory.grow(local 0)
const codeSec = [0x0a, 0x08, 0x01, 0x06, 0x00, 0x20, 0x00, 0x40, 0x00, 0x0b];
const exportSec = (funcIndex: number) => [0x07, 0x11, 0x02, 0x06, ...ascii('memory'), 0x02, 0x00, 0x04, ...ascii('grow'), 0x00, funcIndex];

function ascii(s: string): number[] {
  return [...s].map((c) => c.charCodeAt(0));
}

function definedMemory(limits: number[]): Uint8Array<ArrayBuffer> {
  return Uint8Array.from([...header, ...typeSec, ...funcSec, 0x05, limits.length + 1, 0x01, ...limits, ...exportSec(0), ...codeSec]);
}

function importedMemory(limits: number[]): Uint8Array<ArrayBuffer> {
  // (import "env" "memory" (memory ...)) and an imported function before it, to walk past.
  const entries = [0x02, 0x03, ...ascii('env'), 0x01, ...ascii('f'), 0x00, 0x00, 0x03, ...ascii('env'), 0x06, ...ascii('memory'), 0x02, ...limits];
  return Uint8Array.from([...header, ...typeSec, 0x02, entries.length, ...entries, ...funcSec, ...exportSec(1), ...codeSec]);
}

const grow = (bytes: Uint8Array<ArrayBuffer>, imports: WebAssembly.Imports = {}) => {
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), imports);
  return (pages: number) => (instance.exports.grow as (n: number) => number)(pages);
};

describe('limitMemory', () => {
  it('caps an unbounded memory: growing past the cap returns -1, up to it succeeds', () => {
    const original = definedMemory([0x00, 0x01]); // min 1, no max
    expect(grow(original)(10)).toBe(1);
    const limited = limitMemory(original, 4);
    expect(limited.ok).toBe(true);
    if (!limited.ok) return;
    expect(limited.memories).toBe(1);
    expect(limited.capped).toBe(1);
    const g = grow(limited.bytes);
    expect(g(3)).toBe(1); // 1 → 4 pages
    expect(g(1)).toBe(-1);
    const parsed = parseModule(limited.bytes);
    expect(parsed.ok && parsed.analysis.format === 'core' && parsed.analysis.exports.find((e) => e.name === 'memory')?.desc).toEqual({ kind: 'memory', limits: { min: 1, max: 4 } });
  });

  it('lowers a larger maximum, and keeps a smaller one as it is', () => {
    const big = limitMemory(definedMemory([0x01, 0x01, 0x80, 0x02]), 3); // max 256
    expect(big.ok && grow(big.bytes)(3)).toBe(-1);
    const small = definedMemory([0x01, 0x01, 0x02]);
    const kept = limitMemory(small, 100);
    expect(kept.ok && Array.from(kept.bytes)).toEqual(Array.from(small));
  });

  it('caps an imported memory declaration, walking past other imports', () => {
    const limited = limitMemory(importedMemory([0x00, 0x01]), 2);
    expect(limited.ok).toBe(true);
    if (!limited.ok) return;
    // The host's memory must now declare a maximum within the cap to satisfy the import.
    expect(() => new WebAssembly.Module(limited.bytes)).not.toThrow();
    const unbounded = new WebAssembly.Memory({ initial: 1 });
    expect(() => grow(limited.bytes, { env: { f: () => 0, memory: unbounded } })).toThrow(WebAssembly.LinkError);
    const bounded = new WebAssembly.Memory({ initial: 1, maximum: 2 });
    expect(grow(limited.bytes, { env: { f: () => 0, memory: bounded } })(1)).toBe(1);
  });

  it('leaves a memory that starts above the cap as it is (max_pages then caps kernel blocks only, as in the JS SDK)', () => {
    const original = definedMemory([0x00, 0x05]);
    const outcome = limitMemory(original, 4);
    expect(outcome.ok && { capped: outcome.capped, memories: outcome.memories, same: Array.from(outcome.bytes).join() === Array.from(original).join() }).toEqual({ capped: 0, memories: 1, same: true });
    expect(outcome.ok && grow(outcome.bytes)(10)).toBe(5);
  });

  it('reports a truncated module instead of throwing', () => {
    const cut = definedMemory([0x00, 0x01]).subarray(0, 30);
    const outcome = limitMemory(cut, 4);
    expect(outcome.ok).toBe(false);
  });
});
