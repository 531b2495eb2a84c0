/**
 * PDF in the browser's own viewer: an iframe on a blob: URL typed application/pdf (the CSP's
 * `object-src 'none'` rules out `<object>`/`<embed>`). Chromium's viewer refuses to run in a
 * sandboxed frame, so this frame has no `sandbox`; it only ever gets bytes that start with `%PDF-`
 * and a blob: URL that says application/pdf, so the browser shows them as PDF, never as a page.
 */
import { useBlobSrc } from '../useOutputDoc';
import HexView from './HexView';
import type { RendererProps } from './types';

const MAGIC = '%PDF-';

export function isPdf(bytes: Uint8Array): boolean {
  return [...MAGIC].every((c, i) => bytes[i] === c.charCodeAt(0));
}

export default function PdfView({ bytes, doc }: RendererProps) {
  const pdf = isPdf(bytes);
  const src = useBlobSrc(pdf ? doc : null, 'application/pdf');
  if (!pdf) return <HexView bytes={bytes} note="These bytes do not start with %PDF-, so they are not shown as a PDF." />;
  return <iframe ref={src} className="pdf-view" title="PDF output" />;
}
