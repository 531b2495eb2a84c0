import { describe, expect, it } from 'vitest';
import { ExtismError } from './errors';
import { KernelMemory } from './memory';

const MiB = 1024 * 1024;

describe('KernelMemory', () => {
  it('never hands out offset 0 and reports lengths of live blocks only', () => {
    const mem = new KernelMemory();
    const a = mem.alloc(5);
    const b = mem.alloc(0);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    expect(b).not.toBe(a);
    expect(mem.length(a)).toBe(5);
    expect(mem.length(b)).toBe(0);
    expect(mem.length(0)).toBe(0);
    expect(mem.length(a + 1)).toBe(0);
    expect(mem.length(123456)).toBe(0);
  });

  it('stores and loads bytes and little-endian u64s', () => {
    const mem = new KernelMemory();
    const a = mem.alloc(16);
    mem.storeU8('store_u8', a, 0x1ff);
    expect(mem.loadU8('load_u8', a)).toBe(0xff);
    mem.storeU64('store_u64', a + 8, -2n);
    expect(mem.loadU64('load_u64', a + 8)).toBe(0xffff_ffff_ffff_fffen);
    mem.storeU64('store_u64', a, 0x0102030405060708n);
    expect([...mem.read('read', a, 8)]).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    const s = mem.store(new Uint8Array([9, 8, 7]));
    expect([...mem.readBlock('x', s)]).toEqual([9, 8, 7]);
  });

  it('throws a clear ExtismError outside kernel memory', () => {
    const mem = new KernelMemory();
    const a = mem.alloc(8);
    expect(() => mem.loadU8('load_u8', 123456)).toThrow(ExtismError);
    expect(() => mem.loadU8('load_u8', 123456)).toThrow(/^load_u8: offset 123456 is outside kernel memory/);
    expect(() => mem.loadU8('load_u8', 0)).toThrow(/load_u8: offset 0 is outside/);
    expect(() => mem.loadU64('load_u64', a + 4)).toThrow(/load_u64: 8 bytes at offset \d+ are outside kernel memory/);
    expect(() => mem.storeU8('store_u8', Number.NaN, 1)).toThrow(/store_u8/);
    expect(() => mem.readBlock('error_set', a + 1)).toThrow(/error_set: offset \d+ is not an allocated block/);
    try {
      mem.loadU8('load_u8', -1);
    } catch (err) {
      expect((err as ExtismError).kind).toBe('abi');
    }
  });

  it('bumps while the buffer has room, then reuses freed blocks instead of growing', () => {
    const mem = new KernelMemory(MiB, 1024);
    const a = mem.alloc(100);
    mem.free(a);
    // a freed block is not handed out again at once (stale frees from older PDKs must miss)
    expect(mem.alloc(100)).not.toBe(a);
    while (mem.extent + 104 <= mem.capacity) mem.alloc(100);
    expect(mem.alloc(100)).toBe(a);
    expect(mem.length(a)).toBe(100);
    expect(mem.capacity).toBe(1024);
  });

  it('coalesces freed neighbours into one block', () => {
    const mem = new KernelMemory(MiB, 256);
    const a = mem.alloc(64);
    const b = mem.alloc(64);
    const c = mem.alloc(64);
    mem.alloc(48); // fills the buffer
    mem.free(a);
    mem.free(c);
    mem.free(b); // a, b and c merge into one 192-byte hole
    expect(mem.alloc(192)).toBe(a);
    expect(mem.capacity).toBe(256);
  });

  it('extends a free block at the end of the span instead of leaving it behind', () => {
    const mem = new KernelMemory(MiB, 256);
    mem.alloc(100);
    const b = mem.alloc(100);
    mem.free(b);
    expect(mem.alloc(200)).toBe(b);
    expect(mem.extent).toBe(b + 200);
  });

  it('splits a large free block and reuses the rest', () => {
    const mem = new KernelMemory(MiB, 8192);
    const big = mem.alloc(4096);
    mem.alloc(8);
    mem.alloc(4000); // the buffer is now full
    mem.free(big);
    expect(mem.alloc(100)).toBe(big);
    expect(mem.alloc(1000)).toBe(big + 104);
    expect(mem.capacity).toBe(8192);
  });

  it('ignores double frees and unknown offsets', () => {
    const mem = new KernelMemory();
    const a = mem.alloc(10);
    mem.free(a);
    mem.free(a);
    mem.free(0);
    mem.free(999);
    expect(mem.used).toBe(0);
  });

  it('stays compact over many small allocations: holes refill, everything merges back', () => {
    const mem = new KernelMemory();
    for (let round = 0; round < 20; round++) {
      const offsets: number[] = [];
      for (let i = 0; i < 5000; i++) offsets.push(mem.alloc(1 + ((i * 7) % 61)));
      const kept = offsets.filter((_, i) => i % 2 === 1);
      for (let i = 0; i < offsets.length; i += 2) mem.free(offsets[i] ?? 0);
      const capacity = mem.capacity;
      for (let i = 0; i < 2500; i++) kept.push(mem.alloc(1 + ((i * 13) % 61)));
      expect(mem.capacity).toBe(capacity); // the refills fit in the room left and the holes
      for (const o of kept) mem.free(o);
      expect(mem.used).toBe(0);
      // one block spanning everything: only possible if every hole merged with its neighbours
      const all = mem.alloc(mem.capacity - 8);
      expect(all).toBe(8);
      mem.free(all);
    }
  });

  it('grows its buffer and keeps the contents', () => {
    const mem = new KernelMemory();
    const a = mem.store(new Uint8Array([1, 2, 3]));
    const big = mem.alloc(3 * MiB);
    mem.storeU8('store_u8', big + 3 * MiB - 1, 42);
    expect([...mem.readBlock('x', a)]).toEqual([1, 2, 3]);
    expect(mem.loadU8('load_u8', big + 3 * MiB - 1)).toBe(42);
  });

  it('caps the bytes of live blocks with a clear message', () => {
    const mem = new KernelMemory(1 * MiB);
    const a = mem.alloc(MiB / 2);
    expect(() => mem.alloc(MiB)).toThrow(/alloc\(1048576\): the plugin allocated more than 1 MiB of host memory \(limit 1048576 bytes/);
    try {
      mem.alloc(MiB);
    } catch (err) {
      expect(err).toBeInstanceOf(ExtismError);
      expect((err as ExtismError).kind).toBe('memory');
    }
    mem.free(a);
    expect(mem.alloc(MiB)).toBeGreaterThan(0); // freed bytes count again
    expect(() => mem.alloc(2 ** 60)).toThrow(/more than 1 MiB/);
  });

  it('reset drops every block', () => {
    const mem = new KernelMemory();
    const a = mem.alloc(10);
    mem.reset();
    expect(mem.length(a)).toBe(0);
    expect(mem.used).toBe(0);
    expect(() => mem.loadU8('load_u8', a)).toThrow(/outside kernel memory/);
  });
});
