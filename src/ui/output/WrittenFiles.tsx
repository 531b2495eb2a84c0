/** "Files written" by the last run: one line each, with Open (in the Output pane) and Download. */
import type { WrittenFile } from '../../output/writtenFiles';
import { formatBytes } from './renderers/types';

export function WrittenFiles({ files, shown, onOpen }: { files: WrittenFile[]; shown: string | null; onOpen(path: string | null): void }) {
  return (
    <div className="written-files">
      <ul aria-label="Files written">
        {files.map((f) => (
          <li key={f.path}>
            wrote <code>{f.path}</code> ({formatBytes(f.data.length)}){' '}
            {shown === f.path ? (
              <button type="button" className="link" onClick={() => onOpen(null)}>
                Close
              </button>
            ) : (
              <button type="button" className="link" onClick={() => onOpen(f.path)} aria-label={`Open ${f.path}`}>
                Open
              </button>
            )}{' '}
            <button type="button" className="link" onClick={() => download(f)} aria-label={`Download ${f.path}`}>
              Download
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function download(file: WrittenFile): void {
  const url = URL.createObjectURL(new Blob([file.data.slice()]));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.path.slice(file.path.lastIndexOf('/') + 1) || 'file';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
