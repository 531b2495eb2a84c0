/** Which Monaco language an input MIME type is edited in. Plain data: no Monaco import. */

export type EditorLanguage = 'json' | 'html' | 'markdown' | 'xml' | 'css' | 'javascript' | 'plaintext';

const BY_MIME: Record<string, EditorLanguage> = {
  'application/json': 'json',
  'text/json': 'json',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'application/xml': 'xml',
  'text/xml': 'xml',
  'image/svg+xml': 'xml',
  'text/css': 'css',
  'text/javascript': 'javascript',
  'application/javascript': 'javascript',
  'application/x-javascript': 'javascript',
};

/** "application/ld+json; charset=utf-8" → "json"; anything unknown → "plaintext". */
export function languageForMime(mime: string): EditorLanguage {
  const base = mime.split(';')[0]?.trim().toLowerCase() ?? '';
  const known = BY_MIME[base];
  if (known) return known;
  // Structured-syntax suffixes (RFC 6839): +json, +xml.
  if (base.endsWith('+json')) return 'json';
  if (base.endsWith('+xml')) return 'xml';
  return 'plaintext';
}
