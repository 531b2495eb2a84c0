/**
 * SVG as an image from a blob: URL, never inlined into the page: an SVG shown by `<img>` runs no
 * scripts and loads nothing (DESIGN.md §6).
 */
import ImageView from './ImageView';
import type { RendererProps } from './types';

export default function SvgView({ doc }: RendererProps) {
  return <ImageView doc={doc} mime="image/svg+xml" />;
}
