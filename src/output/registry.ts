/** Which renderer shows which MIME type (DESIGN.md §6), and the "Output type" choices. */

export type RendererId = 'text' | 'json' | 'msgpack' | 'image' | 'svg' | 'html' | 'markdown' | 'csv' | 'tsv' | 'audio' | 'video' | 'pdf' | 'hex' | 'wasm';

/** Choices offered in "Output type"; "auto" means sniffed. */
export const OUTPUT_TYPES: readonly { mime: string; label: string }[] = [
  { mime: 'text/plain', label: 'Text' },
  { mime: 'application/json', label: 'JSON' },
  { mime: 'application/msgpack', label: 'MessagePack' },
  { mime: 'text/html', label: 'HTML' },
  { mime: 'text/markdown', label: 'Markdown' },
  { mime: 'text/csv', label: 'CSV' },
  { mime: 'text/tab-separated-values', label: 'TSV' },
  { mime: 'image/svg+xml', label: 'SVG' },
  { mime: 'image/png', label: 'PNG image' },
  { mime: 'image/jpeg', label: 'JPEG image' },
  { mime: 'image/gif', label: 'GIF image' },
  { mime: 'image/webp', label: 'WebP image' },
  { mime: 'audio/wav', label: 'Audio (WAV)' },
  { mime: 'audio/mpeg', label: 'Audio (MP3)' },
  { mime: 'video/mp4', label: 'Video (MP4)' },
  { mime: 'video/webm', label: 'Video (WebM)' },
  { mime: 'application/pdf', label: 'PDF' },
  { mime: 'application/wasm', label: 'WebAssembly module' },
  { mime: 'application/octet-stream', label: 'Bytes (hex)' },
];

/** The renderer for a MIME type (parameters like `; charset=utf-8` are ignored). */
export function rendererFor(mime: string): RendererId {
  const base = mime.split(';')[0]!.trim().toLowerCase();
  if (base === 'application/json' || base.endsWith('+json')) return 'json';
  if (base === 'application/msgpack' || base === 'application/x-msgpack' || base === 'application/vnd.msgpack') return 'msgpack';
  if (base === 'image/svg+xml') return 'svg';
  if (base.startsWith('image/')) return 'image';
  if (base === 'text/html' || base === 'application/xhtml+xml') return 'html';
  if (base === 'text/markdown' || base === 'text/x-markdown') return 'markdown';
  if (base === 'text/csv') return 'csv';
  if (base === 'text/tab-separated-values') return 'tsv';
  if (base.startsWith('audio/')) return 'audio';
  if (base.startsWith('video/')) return 'video';
  if (base === 'application/pdf') return 'pdf';
  if (base === 'application/wasm') return 'wasm';
  if (base.startsWith('text/') || base === 'application/xml' || base === 'application/javascript') return 'text';
  return 'hex';
}
