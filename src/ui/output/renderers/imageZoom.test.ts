import { describe, expect, it } from 'vitest';
import { firstZoom } from './imageZoom';

describe('firstZoom', () => {
  it('scales small images up by powers of two to about 256 px', () => {
    expect(firstZoom(2, 2)).toBe(128); // 256 px
    expect(firstZoom(16, 8)).toBe(16);
    expect(firstZoom(100, 30)).toBe(2);
  });
  it('leaves images of 129 px and more at 1×', () => {
    expect(firstZoom(129, 10)).toBe(1);
    expect(firstZoom(4000, 3000)).toBe(1);
    expect(firstZoom(0, 0)).toBe(256);
  });
});
