/** Which fixed-height rows a scrolled viewport shows, for VirtualRows. */

/** Rows rendered beyond each edge of the viewport, so a small scroll shows rows already there. */
export const OVERSCAN = 8;

/**
 * Rows [from, to) of `count` rows, `rowHeight` px each, that meet a viewport `height` px tall
 * whose top is `top` px into the rows (negative while a header above them is in view), with
 * OVERSCAN rows either side. Constant time, whatever `count` is.
 */
export function rowWindow(top: number, height: number, rowHeight: number, count: number): { from: number; to: number } {
  const from = Math.max(0, Math.min(count, Math.floor(top / rowHeight) - OVERSCAN));
  const to = Math.max(from, Math.min(count, Math.ceil((top + height) / rowHeight) + OVERSCAN));
  return { from, to };
}
