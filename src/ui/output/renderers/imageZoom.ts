/** The zoom an output image opens at. */

/** A small image is first shown at the power-of-two zoom that brings its longer side near this many CSS px. */
const FIRST_VIEW_PX = 256;
export const MAX_ZOOM = 256;

/** A power of two up to ~256 px for small images; 1 for the rest (they fit by CSS). */
export function firstZoom(width: number, height: number): number {
  const side = Math.max(width, height, 1);
  let zoom = 1;
  while (zoom < MAX_ZOOM && side * zoom * 2 <= FIRST_VIEW_PX) zoom *= 2;
  return zoom;
}
