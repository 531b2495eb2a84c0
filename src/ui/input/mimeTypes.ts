/** "Input type" choices and a guess for files the browser gives no type. */

/** The common types offered in the "Input type" select. */
export const COMMON_MIME_TYPES = [
  'text/plain',
  'application/json',
  'text/html',
  'text/markdown',
  'text/csv',
  'application/xml',
  'text/css',
  'text/javascript',
  'image/svg+xml',
  'application/octet-stream',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'application/wasm',
] as const;

const BY_EXTENSION: Record<string, string> = {
  txt: 'text/plain',
  json: 'application/json',
  html: 'text/html',
  htm: 'text/html',
  md: 'text/markdown',
  markdown: 'text/markdown',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  xml: 'application/xml',
  css: 'text/css',
  js: 'text/javascript',
  mjs: 'text/javascript',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  wasm: 'application/wasm',
};

/** The browser's type for a file, else one from its extension, else octet-stream. */
export function mimeForFile(name: string, browserType: string): string {
  if (browserType) return browserType;
  const ext = name.toLowerCase().split('.').pop() ?? '';
  return BY_EXTENSION[ext] ?? 'application/octet-stream';
}

/** The select's options: the common types plus any others in use (a chosen file's, a share link's). */
export function mimeOptions(...inUse: string[]): string[] {
  const out: string[] = [...COMMON_MIME_TYPES];
  for (const mime of inUse) if (mime && !out.includes(mime)) out.push(mime);
  return out;
}

const decoder = new TextDecoder('utf-8', { fatal: true });
/** Files larger than this are not shown in the editor. */
export const SHOW_TEXT_LIMIT = 1024 * 1024;

/** The file's text if it is small, valid UTF-8 without NULs; else null (shown as a note instead). */
export function fileText(bytes: Uint8Array): string | null {
  if (bytes.length > SHOW_TEXT_LIMIT || bytes.includes(0)) return null;
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}
