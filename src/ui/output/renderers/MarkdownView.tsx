/** Markdown rendered by `marked` in the worker, sanitised here with DOMPurify before it touches the DOM. */
import { useMemo } from 'react';
import { useJob } from '../useOutputDoc';
import { sanitizeMarkdownHtml } from './sanitize';
import TextView from './TextView';
import type { RendererProps } from './types';
import { formatBytes } from './types';

/** Bigger Markdown is shown as text: sanitising its HTML would hold up the page. */
const MARKDOWN_RENDER_LIMIT = 2 * 1024 * 1024;

export default function MarkdownView({ bytes, doc }: RendererProps) {
  const tooBig = bytes.length > MARKDOWN_RENDER_LIMIT;
  const rendered = useJob(tooBig ? null : doc, (d) => d.markdown());
  const html = useMemo(() => (rendered.value === undefined ? null : sanitizeMarkdownHtml(rendered.value)), [rendered.value]);
  if (tooBig) {
    return <TextView bytes={bytes} doc={doc} note={`This Markdown is ${formatBytes(bytes.length)}, so it is shown as text.`} />;
  }
  if (rendered.error) return <TextView bytes={bytes} doc={doc} note={`The Markdown could not be rendered (${rendered.error}).`} />;
  if (html === null) return <p className="muted">Rendering Markdown…</p>;
  return <div className="markdown-view" dangerouslySetInnerHTML={{ __html: html }} />;
}
