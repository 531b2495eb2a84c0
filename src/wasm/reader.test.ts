import { describe, expect, it } from 'vitest';
import { ByteReader, WasmParseError } from './reader';

const r = (...bytes: number[]) => new ByteReader(new Uint8Array(bytes));

function errorOf(read: () => unknown): WasmParseError {
  try {
    read();
  } catch (err) {
    if (err instanceof WasmParseError) return err;
    throw err;
  }
  throw new Error('expected a WasmParseError');
}

describe('ByteReader LEB128', () => {
  it('reads u32 of every length, including non-minimal encodings', () => {
    expect(r(0x00).u32()).toBe(0);
    expect(r(0x7f).u32()).toBe(127);
    expect(r(0x80, 0x01).u32()).toBe(128);
    expect(r(0xe5, 0x8e, 0x26).u32()).toBe(624485);
    expect(r(0xff, 0xff, 0xff, 0xff, 0x0f).u32()).toBe(0xffffffff);
    expect(r(0x80, 0x80, 0x80, 0x80, 0x00).u32()).toBe(0);
  });
  it('rejects u32 that is too long or too large, at the start offset', () => {
    const tooLong = errorOf(() => r(0x80, 0x80, 0x80, 0x80, 0x80, 0x00).u32());
    expect(tooLong.message).toMatch(/too long/);
    expect(tooLong.offset).toBe(0);
    expect(errorOf(() => r(0xff, 0xff, 0xff, 0xff, 0x1f).u32()).message).toMatch(/too large/);
  });
  it('reports an unexpected end with the offset of the missing byte', () => {
    const e = errorOf(() => r(0x80, 0x80).u32());
    expect(e.message).toMatch(/unexpected end/);
    expect(e.offset).toBe(2);
  });
  it('reads s32 including extremes', () => {
    expect(r(0x7f).s32()).toBe(-1);
    expect(r(0x3f).s32()).toBe(63);
    expect(r(0x40).s32()).toBe(-64);
    expect(r(0x80, 0x7f).s32()).toBe(-128);
    expect(r(0xff, 0xff, 0xff, 0xff, 0x07).s32()).toBe(2147483647);
    expect(r(0x80, 0x80, 0x80, 0x80, 0x78).s32()).toBe(-2147483648);
    expect(r(0xff, 0xff, 0xff, 0xff, 0x7f).s32()).toBe(-1);
  });
  it('rejects s32 whose unused bits do not extend the sign', () => {
    expect(errorOf(() => r(0xff, 0xff, 0xff, 0xff, 0x0f).s32()).message).toMatch(/too large/);
    expect(errorOf(() => r(0x80, 0x80, 0x80, 0x80, 0x70).s32()).message).toMatch(/too large/);
    expect(errorOf(() => r(0x80, 0x80, 0x80, 0x80, 0x80, 0x00).s32()).message).toMatch(/too long/);
  });
  it('reads s33 (heap types, block types)', () => {
    expect(r(0x70).s33()).toBe(-16);
    expect(r(0xff, 0xff, 0xff, 0xff, 0x0f).s33()).toBe(0xffffffff);
    expect(r(0x80, 0x80, 0x80, 0x80, 0x70).s33()).toBe(-(2 ** 32));
    expect(errorOf(() => r(0xff, 0xff, 0xff, 0xff, 0x1f).s33()).message).toMatch(/too large/);
  });
  it('reads s64 and u64 as bigint', () => {
    expect(r(0x7f).s64()).toBe(-1n);
    expect(r(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00).s64()).toBe(2n ** 63n - 1n);
    expect(r(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f).s64()).toBe(-(2n ** 63n));
    expect(r(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01).u64()).toBe(2n ** 64n - 1n);
    expect(errorOf(() => r(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02).u64()).message).toMatch(/too large/);
    expect(errorOf(() => r(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01).s64()).message).toMatch(/too large/);
    expect(errorOf(() => r(...new Array<number>(10).fill(0x80), 0x00).s64()).message).toMatch(/too long/);
  });
});

describe('ByteReader names and ranges', () => {
  it('decodes ASCII and multi-byte UTF-8 names', () => {
    expect(r(3, 0x61, 0x64, 0x64).name()).toBe('add');
    expect(r(4, 0xf0, 0x9f, 0x98, 0x80).name()).toBe('😀');
    expect(r(0).name()).toBe('');
  });
  it('rejects invalid UTF-8 in a name', () => {
    const e = errorOf(() => r(2, 0xc3, 0x28).name());
    expect(e.message).toMatch(/not valid UTF-8/);
    expect(e.offset).toBe(1);
    expect(errorOf(() => r(1, 0xff).name()).message).toMatch(/UTF-8/);
  });
  it('decodes many names the same way once the section text is cached', () => {
    const names = Array.from({ length: 40 }, (_, i) => (i % 7 === 3 ? `näme_${i}` : `name_${i}`));
    const encoded = names.flatMap((n) => {
      const utf8 = [...new TextEncoder().encode(n)];
      return [utf8.length, ...utf8];
    });
    const reader = new ByteReader(new Uint8Array([...encoded, 2, 0xc3, 0x28]));
    expect(names.map(() => reader.name())).toEqual(names);
    expect(() => reader.name()).toThrow(/not valid UTF-8/);
  });
  it('reads u32 vectors with one- and multi-byte entries', () => {
    const reader = r(0x05, 0x80, 0x01, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x00);
    expect([...reader.u32s(4)]).toEqual([5, 128, 0xffffffff, 0]);
    expect(() => r(0x05).u32s(2)).toThrow(/unexpected end/);
  });
  it('rejects a name longer than the input', () => {
    expect(errorOf(() => r(5, 0x61).name()).message).toMatch(/unexpected end/);
  });
  it('returns views without copying, and bounds-checks bytes/skip', () => {
    const buf = new Uint8Array([1, 2, 3, 4]);
    const reader = new ByteReader(buf);
    const view = reader.bytes(2);
    expect(view.buffer).toBe(buf.buffer);
    expect([...view]).toEqual([1, 2]);
    expect(() => reader.skip(3)).toThrow(WasmParseError);
    reader.skip(2);
    expect(reader.atEnd()).toBe(true);
    expect(() => reader.u8()).toThrow(WasmParseError);
  });
  it('says a bounded region overran its declared size instead of "end of input"', () => {
    const reader = new ByteReader(new Uint8Array([1, 2, 3]), 0, 1, 'section type at offset 8 (1 bytes)');
    reader.u8();
    expect(errorOf(() => reader.u8()).message).toBe('section type at offset 8 (1 bytes): its content runs past the declared size');
  });
  it('rejects vector counts that cannot fit before reading entries', () => {
    const reader = new ByteReader(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 0]), 0, 6, 'section export');
    expect(errorOf(() => reader.count('exports')).message).toMatch(/4294967295 exports cannot fit in the 1 bytes left/);
  });
});
