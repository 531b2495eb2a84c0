/** The open volume as a tree of rows (virtualised: a volume may hold thousands of files). */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useMemo, useRef, useState } from 'react';
import type { VolumeEntry } from '../../storage/volumes';
import { useFiles } from '../../state/filesStore';
import { formatBytes } from '../format';
import { ConfirmDelete } from './ConfirmDelete';
import { downloadBytes, zipTree } from './transfer';
import { downloadBlob } from '../output/outputActions';

interface Row {
  entry: VolumeEntry;
  depth: number;
}

/** Loaded folders flattened in display order: children right after their open folder. */
function flatten(children: Record<string, VolumeEntry[]>, expanded: string[]): Row[] {
  const open = new Set(expanded);
  const out: Row[] = [];
  const walk = (dir: string, depth: number) => {
    for (const entry of children[dir] ?? []) {
      out.push({ entry, depth });
      if (entry.kind === 'dir' && open.has(entry.path)) walk(entry.path, depth + 1);
    }
  };
  walk('', 0);
  return out;
}

export function FileTree() {
  const children = useFiles((s) => s.children);
  const expanded = useFiles((s) => s.expanded);
  const volume = useFiles((s) => s.volume);
  const rows = useMemo(() => flatten(children, expanded), [children, expanded]);
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read only during render here
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 30,
    overscan: 10,
    initialRect: { width: 320, height: 360 },
    getItemKey: (i) => rows[i]?.entry.path ?? i,
  });

  if (!children['']) return <p className="muted files-empty">Loading {volume}…</p>;
  if (rows.length === 0) return <p className="muted files-empty">{volume} is empty. Upload files, drop them here, or let a program write to a mounted folder.</p>;
  return (
    <div ref={scroller} className="file-tree-scroll">
      <ul className="file-tree" aria-label={`Files in ${volume}`} style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          return row ? (
            <li
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              className="file-row"
              aria-label={row.entry.name}
              aria-setsize={rows.length}
              aria-posinset={item.index + 1}
              data-path={row.entry.path}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <FileRow row={row} open={expanded.includes(row.entry.path)} />
            </li>
          ) : null;
        })}
      </ul>
    </div>
  );
}

function FileRow({ row, open }: { row: Row; open: boolean }) {
  const { entry, depth } = row;
  const [mode, setMode] = useState<'idle' | 'rename' | 'delete'>('idle');
  const [busy, setBusy] = useState(false);
  const isDir = entry.kind === 'dir';
  const describe = useId();

  const download = async () => {
    const files = useFiles.getState();
    setBusy(true);
    try {
      if (isDir) downloadBlob(await zipTree(entry.name, await files.readTree(entry.path)), `${entry.name}.zip`);
      else downloadBytes(await files.readFile(entry.path), entry.name);
    } catch (err) {
      files.setError(`Could not download ${entry.name}: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="file-row-inner" style={{ paddingLeft: depth * 16 }}>
      {mode === 'rename' ? (
        <RenameForm entry={entry} onDone={() => setMode('idle')} />
      ) : (
        <button
          type="button"
          className={`file-name kind-${entry.kind}`}
          id={describe}
          aria-expanded={isDir ? open : undefined}
          title={`/${entry.path}`}
          onClick={() => (isDir ? void useFiles.getState().toggle(entry.path) : entry.kind === 'file' ? void useFiles.getState().view(entry.path) : undefined)}
        >
          <span className="file-icon" aria-hidden="true">
            {isDir ? (open ? '▾' : '▸') : entry.kind === 'symlink' ? '↪' : '·'}
          </span>
          {entry.name}
          {entry.kind === 'symlink' && <span className="muted"> → {entry.target}</span>}
        </button>
      )}
      {entry.kind === 'file' && <span className="muted file-size">{formatBytes(entry.size)}</span>}
      {mode === 'delete' ? (
        <ConfirmDelete
          className="file-actions file-confirm"
          label={`Delete ${entry.name}?`}
          onConfirm={() => void useFiles.getState().remove(entry.path)}
          onCancel={() => setMode('idle')}
        >
          Delete {entry.name}{isDir ? ' and everything in it' : ''}?
        </ConfirmDelete>
      ) : (
        mode === 'idle' && (
          <span className="file-actions">
            {entry.kind === 'file' && (
              <button type="button" aria-describedby={describe} onClick={() => void useFiles.getState().view(entry.path)}>
                View
              </button>
            )}
            {entry.kind !== 'symlink' && (
              <button type="button" aria-describedby={describe} disabled={busy} title={isDir ? 'Download as .zip' : undefined} onClick={() => void download()}>
                Download
              </button>
            )}
            <button type="button" aria-describedby={describe} onClick={() => setMode('rename')}>
              Rename
            </button>
            <button type="button" aria-describedby={describe} onClick={() => setMode('delete')}>
              Delete
            </button>
          </span>
        )
      )}
    </div>
  );
}

function RenameForm({ entry, onDone }: { entry: VolumeEntry; onDone(): void }) {
  const [name, setName] = useState(entry.name);
  const submit = async () => {
    const next = name.trim();
    if (next && next !== entry.name) await useFiles.getState().rename(entry.path, next);
    onDone();
  };
  return (
    <form
      className="file-rename"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <input
        aria-label="New name"
        value={name}
        autoFocus
        spellCheck={false}
        onFocus={(e) => e.currentTarget.setSelectionRange(0, entry.kind === 'file' && entry.name.lastIndexOf('.') > 0 ? entry.name.lastIndexOf('.') : entry.name.length)}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && onDone()}
      />
      <button type="submit">Save</button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}
