/**
 * A scrolling list that renders only the rows on screen (@tanstack/react-virtual). Browsers cap an
 * element's height near 33 million pixels, so past PAGE_ROWS rows the list is split into pages.
 */
import { useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

/** Rows per page: a million 18 px rows is 18 million pixels, under every browser's cap. */
export const PAGE_ROWS = 1_000_000;

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
    count: onPage,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
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
            {unit} {(first + 1).toLocaleString('en')}–{(first + onPage).toLocaleString('en')} of {count.toLocaleString('en')}
          </span>
          <button type="button" disabled={current === pages - 1} onClick={() => go(current + 1)}>
            Next
          </button>
        </div>
      )}
      <div ref={scrollRef} className="vr-scroll" tabIndex={0} role={role} aria-label={label} aria-rowcount={role === 'table' ? count + 1 : undefined}>
        {header}
        <div className="vr-inner" style={{ height: total, paddingTop: top }}>
          {items.map((item) => (
            <div key={item.index} className="vr-row" style={{ height: rowHeight }}>
              {renderRow(first + item.index)}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
