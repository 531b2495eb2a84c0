import { describe, expect, it } from 'vitest';
import { OVERSCAN, rowWindow } from './rowWindow';

describe('rowWindow', () => {
  it('covers the viewport plus OVERSCAN rows each side, clamped to the rows', () => {
    expect(rowWindow(0, 180, 18, 1_000_000)).toEqual({ from: 0, to: 10 + OVERSCAN });
    expect(rowWindow(18 * 1000, 180, 18, 1_000_000)).toEqual({ from: 1000 - OVERSCAN, to: 1010 + OVERSCAN });
    // A row cut by the top or bottom edge counts.
    expect(rowWindow(18 * 1000 + 9, 180, 18, 1_000_000)).toEqual({ from: 1000 - OVERSCAN, to: 1011 + OVERSCAN });
    expect(rowWindow(18 * 999_995, 180, 18, 1_000_000)).toEqual({ from: 999_995 - OVERSCAN, to: 1_000_000 });
  });

  it('handles a header in view (negative top), few rows, none, and a stale offset past the end', () => {
    expect(rowWindow(-24, 480, 24, 100)).toEqual({ from: 0, to: 19 + OVERSCAN });
    expect(rowWindow(0, 480, 18, 3)).toEqual({ from: 0, to: 3 });
    expect(rowWindow(0, 480, 18, 0)).toEqual({ from: 0, to: 0 });
    expect(rowWindow(18 * 5000, 480, 18, 10)).toEqual({ from: 10, to: 10 });
  });
});
