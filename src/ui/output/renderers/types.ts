/** What every renderer gets. */
import type { OutputDoc } from '../../../output/client';

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

/** Sizes for notes: "12.3 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * "1,234,567". Not `toLocaleString`: its first call loads ICU number formatting, a 30–50 ms
 * task in Chromium here, right when a big output first renders.
 */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
