/** MIME sniffing of output bytes (DESIGN.md §6), descriptions of non-wasm files, download extensions. */
import { matchMagic } from './magic';
import { markupQuote } from './markup';
import { classifyText, type TextKind } from './textKind';
import { isUtf8Text, TEXT_SNIFF_LIMIT } from './utf8';

const OCTET_STREAM = 'application/octet-stream';

const TEXT_MIME: Record<TextKind, string> = {
  json: 'application/json',
  svg: 'image/svg+xml',
  html: 'text/html',
  wat: 'text/plain',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  markdown: 'text/markdown',
  plain: 'text/plain',
};

/** The decoded start of `bytes` when it is UTF-8 text, else null. Reads at most TEXT_SNIFF_LIMIT bytes. */
function readText(bytes: Uint8Array): { head: string; cut: boolean } | null {
  const cut = bytes.length > TEXT_SNIFF_LIMIT;
  const end = Math.min(bytes.length, TEXT_SNIFF_LIMIT);
  if (!isUtf8Text(bytes, end, cut)) return null;
  // `stream` holds back a character cut in half at the limit instead of printing U+FFFD.
  const head = new TextDecoder().decode(bytes.subarray(0, end), { stream: cut });
  return { head, cut };
}

/** MIME type of `bytes`: magic numbers first, then kinds of UTF-8 text, else application/octet-stream. */
export function sniffMime(bytes: Uint8Array): string {
  const magic = matchMagic(bytes);
  if (magic) return magic.mime;
  const text = readText(bytes);
  return text ? TEXT_MIME[classifyText(bytes, text.head, text.cut)] : OCTET_STREAM;
}

const QUOTE_LENGTH = 24;

/** `"text…"`: the first characters of `text`, with control characters escaped so the quote is one printable line. */
export function quoteStart(text: string, max = QUOTE_LENGTH): string {
  const chars = Array.from(text.slice(0, max * 2)).slice(0, max + 1);
  const shown = chars.slice(0, max).map(escapeChar).join('');
  return `"${shown}${chars.length > max || text.length > max * 2 ? '…' : ''}"`;
}

function escapeChar(c: string): string {
  switch (c) {
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    case '"':
      return '\\"';
    case '\\':
      return '\\\\';
  }
  const code = c.codePointAt(0)!;
  // C0/C1 controls, DEL, line/paragraph separators and the BOM don't print.
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || code === 0xfeff) {
    return `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return c;
}

function hexStart(bytes: Uint8Array): string {
  const hex = Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return bytes.length > 8 ? `${hex} …` : hex;
}

/** What `bytes` look like, for messages such as "it looks like a PNG image" when a module was expected. */
export function describeBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'an empty file (0 bytes)';
  const magic = matchMagic(bytes);
  if (magic) return magic.description;
  const text = readText(bytes);
  if (text === null) return `binary data starting ${hexStart(bytes)}`;
  const start = text.head.trimStart();
  switch (classifyText(bytes, text.head, text.cut)) {
    case 'html':
      return `an HTML page (starts with ${quoteStart(markupQuote(text.head), 60)})`;
    case 'json':
      return 'JSON text';
    case 'svg':
      return 'an SVG image';
    case 'wat':
      return `WebAssembly text (starts with ${quoteStart(start, 16)}), which must be compiled to a binary .wasm first, e.g. with wat2wasm or wasm-tools parse`;
    case 'csv':
      return 'CSV text';
    case 'tsv':
      return 'tab-separated text';
    case 'markdown':
      return `Markdown text starting with ${quoteStart(start)}`;
    case 'plain':
      return start === '' ? 'text containing only whitespace' : `text starting with ${quoteStart(text.head)}`;
  }
}

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/bmp': 'bmp',
  'image/x-icon': 'ico',
  'image/vnd.microsoft.icon': 'ico',
  'image/svg+xml': 'svg',
  'image/avif': 'avif',
  'image/heic': 'heic',
  'image/tiff': 'tiff',
  'application/pdf': 'pdf',
  'application/wasm': 'wasm',
  'application/zip': 'zip',
  'application/gzip': 'gz',
  'application/x-gzip': 'gz',
  'application/x-tar': 'tar',
  'application/x-7z-compressed': '7z',
  'application/vnd.rar': 'rar',
  'application/x-bzip2': 'bz2',
  'application/x-xz': 'xz',
  'application/zstd': 'zst',
  'application/json': 'json',
  'application/msgpack': 'msgpack',
  'application/x-msgpack': 'msgpack',
  'application/vnd.msgpack': 'msgpack',
  'application/xml': 'xml',
  'application/javascript': 'js',
  'application/vnd.sqlite3': 'sqlite',
  'audio/mpeg': 'mp3',
  'audio/aac': 'aac',
  'audio/ogg': 'ogg',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/flac': 'flac',
  'audio/mp4': 'm4a',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'video/webm': 'webm',
  'video/x-matroska': 'mkv',
  'video/x-msvideo': 'avi',
  'font/woff': 'woff',
  'font/woff2': 'woff2',
  'text/plain': 'txt',
  'text/html': 'html',
  'text/css': 'css',
  'text/javascript': 'js',
  'text/csv': 'csv',
  'text/tab-separated-values': 'tsv',
  'text/markdown': 'md',
  'text/xml': 'xml',
};

/** File extension (without dot) for downloading output of type `mime`; "bin" when unknown. */
export function extensionFor(mime: string): string {
  const essence = mime.split(';')[0]!.trim().toLowerCase();
  const known = EXTENSIONS[essence];
  if (known) return known;
  if (essence.endsWith('+json')) return 'json';
  if (essence.endsWith('+xml')) return 'xml';
  return essence.startsWith('text/') ? 'txt' : 'bin';
}
