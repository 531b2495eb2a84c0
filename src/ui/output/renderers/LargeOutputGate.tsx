/**
 * Outputs over a renderer's size limit are shown as text first, with "Render anyway": rendering
 * them happens on (or next to) the page's thread and could hold it up for a long time.
 */
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { OutputDoc } from '../../../sandbox/outputClient';
import TextView from './TextView';
import type { RendererProps } from './types';
import { formatBytes } from './types';

interface Props extends Pick<RendererProps, 'bytes' | 'doc'> {
  /** Bytes above which the output waits for "Render anyway". */
  limit: number;
  /** How the note names the output: "This page", "This Markdown". */
  what: string;
  /** The real view: mounted only when the output is within the limit or the user asked for it. */
  children: ReactNode;
}

export function LargeOutputGate({ bytes, doc, limit, what, children }: Props) {
  // The output the user asked to render: a newer output is gated again.
  const [forced, setForced] = useState<OutputDoc | null>(null);
  if (bytes.length <= limit || forced === doc) return <>{children}</>;
  return (
    <TextView
      bytes={bytes}
      doc={doc}
      note={
        <>
          {what} is {formatBytes(bytes.length)}, so it is shown as text.{' '}
          <button type="button" onClick={() => setForced(doc)}>
            Render anyway
          </button>
        </>
      }
    />
  );
}
