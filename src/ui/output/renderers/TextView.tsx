/** Text, one virtualised row per line; big outputs are indexed in the worker and only visible lines decoded. */
import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { indexLines, lineText } from '../../../output/lineIndex';
import type { LineIndex } from '../../../output/lineIndex';
import { useJob } from '../useOutputDoc';
import { VirtualRows } from '../VirtualRows';
import type { RendererProps } from './types';
import { formatCount } from './types';

/** Outputs up to this size are indexed on the page (about a millisecond); larger ones in the worker. */
const SYNC_INDEX_LIMIT = 1024 * 1024;
const ROW_HEIGHT = 18;

export default function TextView({ bytes, doc, note }: Pick<RendererProps, 'bytes' | 'doc'> & { note?: ReactNode }) {
  const small = bytes.length <= SYNC_INDEX_LIMIT;
  const local = useMemo(() => (small ? indexLines(bytes) : null), [bytes, small]);
  const remote = useJob(small ? null : doc, (d) => d.lines());
  const index: LineIndex | undefined = local ?? remote.value;

  return (
    <div className="text-view">
      {note && <p className="renderer-note">{note}</p>}
      {remote.error && <p className="error-text">The text could not be indexed: {remote.error}</p>}
      {!index && !remote.error && <p className="muted">Indexing lines…</p>}
      {index && (
        <>
          <VirtualRows
            count={index.starts.length}
            rowHeight={ROW_HEIGHT}
            label="Text"
            unit="Lines"
            className="mono"
            renderRow={(i) => {
              const line = lineText(bytes, index, i);
              return (
                <>
                  <span className="ln" aria-hidden="true">
                    {i + 1}
                  </span>
                  <span className="lt">
                    {line.text}
                    {line.cut > 0 && <span className="cut"> … {formatCount(line.cut)} more bytes</span>}
                  </span>
                </>
              );
            }}
          />
          {index.truncated && (
            <p className="renderer-note">Only the first {formatCount(index.starts.length)} lines are shown; download the output for the rest.</p>
          )}
        </>
      )}
    </div>
  );
}
