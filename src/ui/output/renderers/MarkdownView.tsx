/**
 * Markdown rendered by `marked` in the worker, in pieces of whole blocks; each piece is sanitised
 * here with DOMPurify and appended in its own task, so a long document never holds up the page.
 */
import { useEffect, useRef } from 'react';
import { nextTask } from '../../../output/slices';
import { useJob } from '../useOutputDoc';
import { LargeOutputGate } from './LargeOutputGate';
import { sanitizeMarkdownHtml } from './sanitize';
import TextView from './TextView';
import type { RendererProps } from './types';

/** Bigger Markdown is shown as text unless asked for. */
const MARKDOWN_RENDER_LIMIT = 2 * 1024 * 1024;

export default function MarkdownView({ bytes, doc }: RendererProps) {
  return (
    <LargeOutputGate bytes={bytes} doc={doc} limit={MARKDOWN_RENDER_LIMIT} what="This Markdown">
      <MarkdownPieces bytes={bytes} doc={doc} />
    </LargeOutputGate>
  );
}

function MarkdownPieces({ bytes, doc }: Pick<RendererProps, 'bytes' | 'doc'>) {
  const rendered = useJob(doc, (d) => d.markdown());
  const target = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const root = target.current;
    const pieces = rendered.value;
    if (!root || !pieces) return;
    let live = true;
    void (async () => {
      for (const html of pieces) {
        if (!live) return;
        const piece = document.createElement('div');
        piece.className = 'markdown-piece';
        // Sanitised before it touches the live DOM; DOMPurify parses in an inert document.
        piece.innerHTML = sanitizeMarkdownHtml(html);
        root.append(piece);
        await nextTask();
      }
    })();
    return () => {
      live = false;
      root.replaceChildren();
    };
  }, [rendered.value]);

  if (rendered.error) return <TextView bytes={bytes} doc={doc} note={`The Markdown could not be rendered (${rendered.error}).`} />;
  return (
    <>
      {!rendered.value && <p className="muted">Rendering Markdown…</p>}
      <div className="markdown-view" ref={target} />
    </>
  );
}
