/** The "Files" region: the IndexedDB volumes, browsable and editable (DESIGN.md §5, §8). */
import type { DragEvent } from 'react';
import { useEffect, useState } from 'react';
import { useFiles } from '../../state/filesStore';
import { useRun } from '../../state/runStore';
import { formatBytes } from '../format';
import { FileTree } from './FileTree';
import { FileViewer } from './FileViewer';
import { readDropped, readPicked } from './transfer';
import type { Picked } from './transfer';
import { VolumePicker } from './VolumePicker';

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');

/** Stores picked or dropped files; with `unpack`, a .zip among them is unpacked into a folder instead. */
async function take(files: Promise<Picked[]>, unpack = false): Promise<void> {
  try {
    const list = await files;
    const zips = unpack ? list.filter((f) => /\.zip$/i.test(f.path) && !f.path.includes('/')) : [];
    const rest = list.filter((f) => !zips.includes(f));
    if (rest.length > 0) await useFiles.getState().upload(rest);
    for (const zip of zips) await useFiles.getState().unpackZip(zip.path, zip.data);
  } catch (err) {
    useFiles.getState().setError(`Could not read the dropped files: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export function FilesPanel() {
  const folder = useFiles((s) => s.folder);
  const error = useFiles((s) => s.error);
  const notice = useFiles((s) => s.notice);
  const viewing = useFiles((s) => s.viewing);
  const result = useRun((s) => s.result);
  const [dragOver, setDragOver] = useState(false);
  const [naming, setNaming] = useState(false);

  // On show, and after every run: a run may have written to a mounted folder.
  useEffect(() => {
    void useFiles.getState().refresh();
  }, [result]);

  const onDragOver = (e: DragEvent<HTMLElement>) => {
    if (!hasFiles(e)) return;
    // Files dropped here are stored, not loaded as a module by the window's drop handler.
    e.preventDefault();
    e.stopPropagation();
    e.dataTransfer.dropEffect = 'copy';
    setDragOver(true);
  };
  const onDragLeave = (e: DragEvent<HTMLElement>) => {
    if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) setDragOver(false);
  };
  const onDrop = (e: DragEvent<HTMLElement>) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.stopPropagation();
    setDragOver(false);
    void take(readDropped(e.dataTransfer), true); // reads the entries now, while the drop event lasts
  };

  return (
    <section className="files-panel panel" aria-label="Files" data-dragover={dragOver} onDragOver={onDragOver} onDragLeave={onDragLeave} onDrop={onDrop}>
      <header className="panel-header">
        <h3>Files</h3>
        <div className="panel-actions">
          <VolumePicker />
        </div>
      </header>
      <div className="files-toolbar">
        <span className="muted">
          In <code>/{folder}</code>
        </span>
        <button type="button" onClick={() => setNaming(true)} disabled={naming}>
          New folder
        </button>
        <label className="file-button">
          Upload files
          <input
            type="file"
            multiple
            aria-label="Upload files"
            onChange={(e) => {
              const list = e.currentTarget.files;
              if (list?.length) void take(readPicked(list));
              e.currentTarget.value = '';
            }}
          />
        </label>
        <label className="file-button">
          Unpack a .zip
          <input
            type="file"
            accept=".zip,application/zip"
            aria-label="Unpack a .zip"
            onChange={(e) => {
              const list = e.currentTarget.files;
              if (list?.length) void take(readPicked(list), true);
              e.currentTarget.value = '';
            }}
          />
        </label>
      </div>
      {naming && <NewFolderForm onDone={() => setNaming(false)} />}
      {error && (
        <p className="error-text files-error" role="alert">
          {error}{' '}
          <button type="button" className="link" onClick={() => useFiles.getState().setError(null)}>
            Dismiss
          </button>
        </p>
      )}
      <p className="muted files-notice" role="status" aria-label="Files status">
        {notice}
      </p>
      <FileTree />
      <Usage />
      <p className="muted hint files-hint">Drop files or folders here to upload them into the current folder; a dropped .zip is unpacked into a folder of its name (“Upload files” keeps it as one file).</p>
      {viewing && <FileViewer path={viewing.path} bytes={viewing.bytes} onClose={() => useFiles.getState().closeView()} />}
    </section>
  );
}

function NewFolderForm({ onDone }: { onDone(): void }) {
  const [name, setName] = useState('');
  return (
    <form
      className="files-new-folder inline"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) return;
        void useFiles.getState().newFolder(name.trim());
        onDone();
      }}
    >
      <input aria-label="Folder name" value={name} autoFocus spellCheck={false} placeholder="name" onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && onDone()} />
      <button type="submit" disabled={!name.trim()}>
        Create
      </button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}

/** "home: 3 files, 12 KB · this site stores 40 MB of 2.0 GB allowed". */
function Usage() {
  const volume = useFiles((s) => s.volumes.find((v) => v.name === s.volume));
  const usage = useFiles((s) => s.usage);
  if (!volume) return null;
  return (
    <p className="muted files-usage">
      {volume.name}: {volume.files} file{volume.files === 1 ? '' : 's'}, {formatBytes(volume.bytes)}
      {usage.usage !== undefined && usage.quota !== undefined && ` · this site stores ${formatBytes(usage.usage)} of ${formatBytes(usage.quota)} allowed`}
    </p>
  );
}
