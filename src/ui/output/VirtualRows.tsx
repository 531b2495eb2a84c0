/**
 * A scrolling list that renders only the rows on screen (@tanstack/react-virtual). The virtualizer
 * builds a measurement per item whenever the count changes (about 50 ms for 200,000 items here),
 * so its items are blocks of BLOCK rows; and browsers cap an element's height near 33 million px,
 * so past PAGE_ROWS rows the list is split into pages.
 */
import { useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { formatCount } from './renderers/types';

/** Rows per page: 1,000,000 rows of 24 px stay under the height cap. */
export const PAGE_ROWS = 1_000_000;
/** Rows per virtual item: a page is 62,500 items, measured in a few ms. */
const BLOCK = 16;

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
}

export function VirtualRows({ count, rowHeight, label, unit, renderRow, header, role = 'group', className = '' }: VirtualRowsProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(count / PAGE_ROWS));
  const current = Math.min(page, pages - 1);
  const first = current * PAGE_ROWS;
  const onPage = Math.max(0, Math.min(PAGE_ROWS, count - first));
  const margin = header ? rowHeight : 0;

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: Math.ceil(onPage / BLOCK),
    getScrollElement: () => scrollRef.current,
    estimateSize: (block) => Math.min(BLOCK, onPage - block * BLOCK) * rowHeight,
    overscan: 1,
    scrollMargin: margin,
  });
  const items = virtualizer.getVirtualItems();
  const total = virtualizer.getTotalSize();
  const top = items.length ? items[0]!.start - margin : 0;

  const go = (to: number) => {
    setPage(to);
    virtualizer.scrollToOffset(0);
  };

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
      <div ref={scrollRef} className="vr-scroll" tabIndex={0} role={role} aria-label={label} aria-rowcount={role === 'table' ? count + 1 : undefined}>
        {header}
        <div className="vr-inner" style={{ height: total, paddingTop: top }}>
          {items.flatMap((item) => {
            const rows = [];
            for (let r = item.index * BLOCK; r < Math.min(onPage, (item.index + 1) * BLOCK); r++) {
              rows.push(
                <div key={r} className="vr-row" style={{ height: rowHeight }}>
                  {renderRow(first + r)}
                </div>,
              );
            }
            return rows;
          })}
        </div>
      </div>
    </div>
  );
}
