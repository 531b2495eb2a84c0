import { describe, expect, it } from 'vitest';
import { formatBytes } from './bytes';

const MiB = 1024 * 1024;

describe('formatBytes', () => {
  it('short (default): "B", one decimal under 10, whole numbers above, up to GB', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1024)).toBe('1.0 KB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(12 * MiB)).toBe('12 MB');
    expect(formatBytes(2.5 * 1024 * MiB)).toBe('2.5 GB');
    expect(formatBytes(2048 * 1024 * MiB)).toBe('2048 GB');
  });
  it('"bytes" under 1024, for sentences', () => {
    expect(formatBytes(900, { small: 'bytes' })).toBe('900 bytes');
    expect(formatBytes(12582912, { small: 'bytes' })).toBe('12 MB');
  });
  it('fixed: always one decimal, stopping at MB when asked', () => {
    expect(formatBytes(82, { largest: 2, digits: 'fixed' })).toBe('82 B');
    expect(formatBytes(20 * MiB, { largest: 2, digits: 'fixed' })).toBe('20.0 MB');
    expect(formatBytes(2048 * MiB, { largest: 2, digits: 'fixed' })).toBe('2048.0 MB');
  });
  it('exact, in KiB and MiB: whole numbers stay whole', () => {
    const host = { small: 'bytes', units: 'KiB', largest: 2, digits: 'exact' } as const;
    expect(formatBytes(10, host)).toBe('10 bytes');
    expect(formatBytes(1536, host)).toBe('1.5 KiB');
    expect(formatBytes(MiB, host)).toBe('1 MiB');
    expect(formatBytes(12.5 * MiB, host)).toBe('12.5 MiB');
    expect(formatBytes(4096 * MiB, host)).toBe('4096 MiB');
    expect(formatBytes(3 * 1024 * MiB, { units: 'KiB', digits: 'exact' })).toBe('3 GiB');
  });
});
