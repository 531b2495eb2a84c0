/**
 * A scrolling list that renders only the rows on screen. Every row has the same height, so the
 * rows in view follow from the scroll offset by arithmetic: nothing is measured per row (a
 * virtualizer that builds a measurement per item spends tens of ms on the 1.6 million lines of a
 * 100 MB text). Browsers cap an element's height near 33 million px, so past PAGE_ROWS rows the
 * list is split into pages.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { formatCount } from './renderers/types';
import { rowWindow } from './rowWindow';

/** Rows per page: 1,000,000 rows of 24 px stay under the height cap. */
export const PAGE_ROWS = 1_000_000;
/** Viewport height assumed until it is measured (the CSS max-height of .vr-scroll). */
const DEFAULT_VIEWPORT = 480;

export interface VirtualRowsProps {
  count: number;
  rowHeight: number;
  /** Accessible name of the list. */
  label: string;
  /** What a row is called in the pager: "lines", "rows". */
  unit: string;
  renderRow(index: number): ReactNode;
  /** A sticky row above the list (say, a table header), `rowHeight` tall. */
  header?: ReactNode;
  role?: string;
  className?: string;
  /** Scroll so row `row` is at the top; a new `seq` repeats a jump to the same row. */
  jump?: { row: number; seq: number };
}

export function VirtualRows({ count, rowHeight, label, unit, renderRow, header, role = 'group', className = '', jump }: VirtualRowsProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [page, setPage] = useState(0);
  const [view, setView] = useState({ top: 0, height: DEFAULT_VIEWPORT });
  const pages = Math.max(1, Math.ceil(count / PAGE_ROWS));
  const current = Math.min(page, pages - 1);
  const first = current * PAGE_ROWS;
  const onPage = Math.max(0, Math.min(PAGE_ROWS, count - first));
  const margin = header ? rowHeight : 0;
  const { from, to } = rowWindow(view.top - margin, view.height, rowHeight, onPage);

  // Follow the viewport's size (the pane can be resized); scrolling is followed by onScroll.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const measure = () => setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // A jump picks the row's page (while rendering), then scrolls within it once that page is laid out.
  const [jumpSeen, setJumpSeen] = useState<number | undefined>(undefined);
  const jumpSeq = jump?.seq;
  const jumpRow = jump?.row ?? 0;
  if (jumpSeq !== jumpSeen) {
    setJumpSeen(jumpSeq);
    if (jumpSeq !== undefined) setPage(Math.floor(jumpRow / PAGE_ROWS));
  }
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (jumpSeq === undefined || !el) return;
    const apply = () => {
      el.scrollTop = (jumpRow % PAGE_ROWS) * rowHeight;
      setView({ top: el.scrollTop, height: el.clientHeight });
    };
    apply();
  }, [jumpSeq, jumpRow, rowHeight]);

  const go = (to: number) => {
    setPage(to);
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
    setView((v) => ({ ...v, top: 0 }));
  };

  const rows = [];
  for (let r = from; r < to; r++) {
    rows.push(
      <div key={r} className="vr-row" style={{ height: rowHeight }}>
        {renderRow(first + r)}
      </div>,
    );
  }

  return (
    <div className={`virtual-rows ${className}`}>
      {pages > 1 && (
        <div className="pager">
          <button type="button" disabled={current === 0} onClick={() => go(current - 1)}>
            Previous
          </button>
          <span>
            {unit} {formatCount(first + 1)}–{formatCount(first + onPage)} of {formatCount(count)}
          </span>
          <button type="button" disabled={current === pages - 1} onClick={() => go(current + 1)}>
            Next
          </button>
        </div>
      )}
      <div
        ref={scrollRef}
        className="vr-scroll"
        tabIndex={0}
        role={role}
        aria-label={label}
        aria-rowcount={role === 'table' ? count + 1 : undefined}
        onScroll={(e) => {
          const el = e.currentTarget;
          setView({ top: el.scrollTop, height: el.clientHeight });
        }}
      >
        {header}
        <div className="vr-inner" style={{ height: onPage * rowHeight, paddingTop: from * rowHeight }}>
          {rows}
        </div>
      </div>
    </div>
  );
}
