/** What every renderer gets. */
import type { OutputDoc } from '../../../sandbox/outputClient';
import { formatBytes as formatSize } from '../../../util/bytes';

export interface RendererProps {
  /** The output bytes; the page keeps them, renderers only read them. */
  bytes: Uint8Array;
  /** The same bytes as a Blob, and the worker's handle on them. */
  doc: OutputDoc;
  /** The MIME type the output is shown as. */
  mime: string;
  /** The function that produced it, for file names. */
  func: string;
}

/** Sizes for notes and the output header: "12.3 MB", always one decimal, never GB. */
export const formatBytes = (n: number): string => formatSize(n, { largest: 2, digits: 'fixed' });

/**
 * "1,234,567". Not `toLocaleString`: its first call loads ICU number formatting, a 30–50 ms
 * task in Chromium here, right when a big output first renders.
 */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
