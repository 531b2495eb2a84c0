/** A stored file shown with the output renderers (DESIGN.md §6), by sniffed or chosen type. */
import { useEffect, useMemo, useState } from 'react';
import { OutputDoc } from '../../sandbox/outputClient';
import { OUTPUT_TYPES } from '../../output/registry';
import { sniffMime } from '../../output/sniff';
import { baseName } from '../../storage/volumePaths';
import { mimeForFile } from '../input/mimeTypes';
import { OutputView } from '../output/OutputView';
import { formatBytes } from '../format';

/** Magic numbers first; the extension decides only what sniffing calls plain text or bytes. */
export function mimeOf(path: string, bytes: Uint8Array): string {
  const sniffed = sniffMime(bytes);
  const byName = mimeForFile(baseName(path), '');
  const vague = sniffed === 'application/octet-stream' || sniffed.startsWith('text/plain');
  return vague && byName !== 'application/octet-stream' ? byName : sniffed;
}

export function FileViewer({ path, bytes, onClose }: { path: string; bytes: Uint8Array; onClose(): void }) {
  const doc = useMemo(() => new OutputDoc(bytes), [bytes]);
  useEffect(() => () => doc.close(), [doc]);
  const sniffed = useMemo(() => mimeOf(path, bytes), [path, bytes]);
  const [chosen, setChosen] = useState<{ for: Uint8Array; mime: string } | null>(null);
  const mime = chosen?.for === bytes ? chosen.mime : sniffed;
  const name = baseName(path);
  const types = OUTPUT_TYPES.some((t) => t.mime === sniffed) ? OUTPUT_TYPES : [{ mime: sniffed, label: sniffed }, ...OUTPUT_TYPES];

  return (
    <section className="file-viewer" aria-label={`Viewing ${name}`}>
      <header className="file-viewer-header">
        <strong className="file-viewer-name" title={`/${path}`}>
          {name}
        </strong>
        <span className="muted">{formatBytes(bytes.length)}</span>
        <label className="inline">
          View as
          <select aria-label="View as" value={mime} onChange={(e) => setChosen({ for: bytes, mime: e.target.value })}>
            {types.map((t) => (
              <option key={t.mime} value={t.mime}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={onClose}>
          Close viewer
        </button>
      </header>
      <div className="file-viewer-body">
        <OutputView bytes={bytes} doc={doc} mime={mime} func={name.replace(/\.[^.]*$/, '') || name} />
      </div>
    </section>
  );
}
