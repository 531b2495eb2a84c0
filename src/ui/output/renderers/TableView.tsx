/** CSV/TSV as a table with a header row; records indexed in the worker, only visible rows parsed. */
import { useMemo } from 'react';
import { indexRecords, recordAt } from '../../../output/delimited';
import type { RecordIndex, Separator } from '../../../output/delimited';
import { useJob } from '../useOutputDoc';
import { VirtualRows } from '../VirtualRows';
import type { RendererProps } from './types';
import { formatCount } from './types';

const SYNC_INDEX_LIMIT = 1024 * 1024;
const ROW_HEIGHT = 24;

export default function TableView({ bytes, doc, separator }: RendererProps & { separator: Separator }) {
  const small = bytes.length <= SYNC_INDEX_LIMIT;
  const local = useMemo(() => (small ? indexRecords(bytes, separator) : null), [bytes, small, separator]);
  const job = useMemo(() => (small ? null : { doc, separator }), [small, doc, separator]);
  const remote = useJob(job, (k) => k.doc.records(k.separator));
  const index: RecordIndex | undefined = local ?? remote.value;
  const header = useMemo(() => (index && index.starts.length > 0 ? recordAt(bytes, index, 0, separator) : []), [bytes, index, separator]);

  if (remote.error) return <p className="error-text">The table could not be read: {remote.error}</p>;
  if (!index) return <p className="muted">Reading rows…</p>;
  if (index.starts.length === 0) return <p className="muted">No rows.</p>;
  const columns = { gridTemplateColumns: `4rem repeat(${Math.max(1, header.length)}, 12rem)` };
  return (
    <div className="table-view">
      <p className="renderer-note">
        {formatCount(index.starts.length - 1)} rows × {header.length} columns{index.truncated ? ' (the rest is cut: download the output to see it)' : ''}
      </p>
      <VirtualRows
        count={index.starts.length - 1}
        rowHeight={ROW_HEIGHT}
        label={separator === ',' ? 'CSV table' : 'TSV table'}
        unit="Rows"
        role="table"
        header={
          <div className="table-row table-head" role="row" style={columns}>
            <span role="columnheader" className="row-number">
              #
            </span>
            {header.map((name, i) => (
              <span key={i} role="columnheader" title={name}>
                {name}
              </span>
            ))}
          </div>
        }
        renderRow={(i) => (
          <div className="table-row" role="row" style={columns}>
            <span role="rowheader" className="row-number">
              {i + 1}
            </span>
            {recordAt(bytes, index, i + 1, separator).map((field, j) => (
              <span key={j} role="cell" title={field.length > 24 ? field.slice(0, 2000) : undefined}>
                {field}
              </span>
            ))}
          </div>
        )}
      />
    </div>
  );
}
