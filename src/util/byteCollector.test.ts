import { describe, expect, it } from 'vitest';
import { ByteCollector } from './byteCollector';

const chunk = (from: number, n: number) => Uint8Array.from({ length: n }, (_, i) => (from + i) & 0xff);

describe('ByteCollector', () => {
  it('fills a buffer of the announced size in place and hands it over whole', () => {
    const c = new ByteCollector(10);
    c.push(chunk(0, 4));
    c.push(chunk(4, 6));
    expect(c.received).toBe(10);
    const out = c.take();
    expect([...out]).toEqual([...chunk(0, 10)]);
    expect(out.byteOffset).toBe(0);
    expect(out.buffer.byteLength).toBe(10);
  });

  it('trims to what arrived when the server sent less than announced', () => {
    const c = new ByteCollector(100);
    c.push(chunk(7, 3));
    const out = c.take();
    expect([...out]).toEqual([7, 8, 9]);
    expect(out.buffer.byteLength).toBe(3);
  });

  it('grows past the announced size and with no size at all, keeping every byte in order', () => {
    for (const expected of [0, 5]) {
      const c = new ByteCollector(expected);
      let at = 0;
      for (const n of [3, 70_000, 1, 200_000]) {
        c.push(chunk(at, n));
        at += n;
      }
      const out = c.take();
      expect(out.length).toBe(at);
      expect(out.buffer.byteLength).toBe(at);
      expect(out.every((b, i) => b === (i & 0xff))).toBe(true);
    }
  });

  it('gives an empty buffer for an empty body', () => {
    expect(new ByteCollector(0).take().length).toBe(0);
  });
});
