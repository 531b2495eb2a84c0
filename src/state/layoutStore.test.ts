import { describe, expect, it } from 'vitest';
import { clampSize, DEFAULT_SIZES, restoreLayout } from './layoutStore';

describe('layout sizes', () => {
  it('clamps each pane to its limits', () => {
    expect(clampSize('left', 10)).toBe(280);
    expect(clampSize('left', 5000)).toBe(720);
    expect(clampSize('output', 0.5)).toBe(0.5);
    expect(clampSize('output', 2)).toBe(0.85);
    expect(clampSize('side', Number.NaN)).toBe(DEFAULT_SIZES.side);
  });

  it('restores a stored layout field by field', () => {
    expect(restoreLayout({ sizes: { left: 500, side: 'wide', output: 0.1 }, sideTab: 'files' })).toEqual({
      sizes: { left: 500, side: DEFAULT_SIZES.side, output: 0.2 },
      sideTab: 'files',
    });
    expect(restoreLayout('junk')).toEqual({ sizes: DEFAULT_SIZES, sideTab: 'inspector' });
    expect(restoreLayout({ sideTab: 'nope' }).sideTab).toBe('inspector');
  });
});
