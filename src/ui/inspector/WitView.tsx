/**
 * A component's world as WIT text, highlighted line by line; long texts render only the lines on
 * screen (a world with many interfaces can run to tens of thousands of lines).
 */
import { useMemo, useState } from 'react';
import { VirtualRows } from '../output/VirtualRows';
import type { WitToken } from './witTokens';
import { tokenizeWit } from './witTokens';

/** Past this many lines, only the visible ones are rendered. */
export const VIRTUAL_FROM_LINES = 2000;
const LINE_HEIGHT = 18;

export function WitView({ text }: { text: string }) {
  const lines = useMemo(() => tokenizeWit(text), [text]);
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setCopied('copied'),
      () => setCopied('failed'),
    );
  };
  return (
    <div className="wit-view">
      <div className="wit-actions">
        <button type="button" onClick={copy}>
          Copy
        </button>
        <span className="muted" role="status">
          {copied === 'copied' ? 'Copied.' : copied === 'failed' ? 'The clipboard refused; select the text instead.' : `${lines.length} lines`}
        </span>
      </div>
      {lines.length > VIRTUAL_FROM_LINES ? (
        <VirtualRows count={lines.length} rowHeight={LINE_HEIGHT} label="WIT" unit="lines" className="wit-code" renderRow={(i) => (
            // One box per line: a flex row would drop a whitespace-only run (the indentation).
            <span className="wit-line">
              <WitLine tokens={lines[i] ?? []} />
            </span>
          )} />
      ) : (
        <pre className="wit-code" aria-label="WIT">
          {lines.map((tokens, i) => (
            <div key={i} className="wit-line">
              <WitLine tokens={tokens} />
            </div>
          ))}
        </pre>
      )}
    </div>
  );
}

function WitLine({ tokens }: { tokens: WitToken[] }) {
  if (tokens.length === 0) return <>{' '}</>;
  return (
    <>
      {tokens.map((t, i) =>
        t.kind === 'plain' || t.kind === 'punct' ? (
          t.text
        ) : (
          <span key={i} className={`wit-${t.kind}`}>
            {t.text}
          </span>
        ),
      )}
    </>
  );
}
