/** Recognising SVG and HTML by how their text begins. */

export type MarkupKind = 'svg' | 'html';

// WHATWG MIME Sniffing §7.1 "text/html" patterns, plus common body-level tags guests emit.
const HTML_TAGS = new Set([
  'html', 'head', 'body', 'script', 'iframe', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div', 'font', 'table', 'a', 'style',
  'title', 'b', 'br', 'p', 'meta', 'link', 'span', 'ul', 'ol', 'li', 'section', 'main', 'article', 'header', 'footer',
  'nav', 'img', 'pre', 'form', 'template', 'canvas', 'strong', 'em', 'i', 'hr', 'blockquote', 'code',
]);

const TAG = /^<([a-zA-Z][a-zA-Z0-9]*)(?=[\s/>])/;

/**
 * Skip leading whitespace, an XML declaration, comments and a doctype.
 * Returns where the first element starts and the doctype text, or null when a construct is unterminated.
 */
function skipProlog(text: string): { at: number; doctype: string | null } | null {
  let at = 0;
  let doctype: string | null = null;
  for (;;) {
    while (at < text.length && /\s/.test(text[at]!)) at++;
    let close: string | null = null;
    if (text.startsWith('<?', at)) close = '?>';
    else if (text.startsWith('<!--', at)) close = '-->';
    else if (text.slice(at, at + 9).toLowerCase() === '<!doctype') close = '>';
    if (close === null) return { at, doctype };
    const end = text.indexOf(close, at);
    if (end < 0) return null;
    if (close === '>') doctype = text.slice(at, end + 1);
    at = end + close.length;
  }
}

/** 'svg' or 'html' when `text` starts like such a document, else null. */
export function markupKind(text: string): MarkupKind | null {
  if (!text.trimStart().startsWith('<')) return null;
  const prolog = skipProlog(text);
  if (prolog === null) return null;
  if (prolog.doctype && /^<!doctype\s+html\b/i.test(prolog.doctype)) return 'html';
  const tag = TAG.exec(text.slice(prolog.at, prolog.at + 64))?.[1];
  if (tag === undefined) return null;
  // Only a root element named svg makes an SVG image; XML with another root stays text.
  if (tag === 'svg') return 'svg';
  return HTML_TAGS.has(tag.toLowerCase()) ? 'html' : null;
}

/** The start of an HTML document to quote, e.g. `<!DOCTYPE html>`: its first tag, or its first chars. */
export function markupQuote(text: string): string {
  const start = text.trimStart();
  const close = start.indexOf('>');
  return close >= 0 && close < 60 ? start.slice(0, close + 1) : start;
}
