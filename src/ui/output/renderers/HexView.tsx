/** Hex dump: offset, 16 bytes in hex, ASCII; virtualised, so any size renders at once. */
import { hexRow, hexRowCount } from '../../../output/hexRows';
import { VirtualRows } from '../VirtualRows';
import type { RendererProps } from './types';

export default function HexView({ bytes, note }: Pick<RendererProps, 'bytes'> & { note?: string }) {
  return (
    <div className="hex-view">
      {note && <p className="renderer-note">{note}</p>}
      <VirtualRows
        count={hexRowCount(bytes.length)}
        rowHeight={18}
        label="Hex dump"
        unit="Rows"
        className="mono"
        renderRow={(i) => {
          const row = hexRow(bytes, i);
          return (
            <>
              <span className="hex-offset">{row.offset}</span>
              <span className="hex-bytes">{row.hex}</span>
              <span className="hex-ascii">{row.ascii}</span>
            </>
          );
        }}
      />
    </div>
  );
}
