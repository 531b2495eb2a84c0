import { describe, expect, it } from 'vitest';
import { hexRow, hexRowCount } from './hexRows';

describe('hexRow', () => {
  const bytes = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x41, 0x42, 0x7e, 0x7f, 0x80, 0xff, 0x20, 0x0a, 0x68, 0x69]);

  it('formats offset, two groups of 8 hex bytes and printable ASCII', () => {
    expect(hexRow(bytes, 0)).toEqual({
      offset: '00000000',
      hex: '00 61 73 6d 01 00 00 00  41 42 7e 7f 80 ff 20 0a',
      ascii: '.asm....AB~... .',
    });
  });

  it('pads a short last row so the ASCII column lines up', () => {
    const row = hexRow(bytes, 1);
    expect(row.offset).toBe('00000010');
    expect(row.hex).toBe('68 69' + ' '.repeat(48 - 5));
    expect(row.hex.length).toBe(hexRow(bytes, 0).hex.length);
    expect(row.ascii).toBe('hi');
  });

  it('counts rows', () => {
    expect(hexRowCount(0)).toBe(0);
    expect(hexRowCount(16)).toBe(1);
    expect(hexRowCount(17)).toBe(2);
    expect(hexRowCount(100 * 1024 * 1024)).toBe(6553600);
  });

  it('widens offsets only past 8 hex digits', () => {
    const big = { length: 0x1_0000_0010 } as unknown as Uint8Array;
    expect(hexRow(big, 0x1000_0000).offset).toBe('100000000');
  });
});
