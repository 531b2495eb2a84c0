/**
 * What the recipient of a share link is told: "Opened from a shared link", where the module came
 * from, what the link asks to grant (asked for separately, never applied by itself), and, for a
 * module too big for the link, a place to drop or pick the file (checked by SHA-256).
 */
import { useState, type DragEvent } from 'react';
import { useShare, type OpenedLink, type PendingFile } from '../../state/shareStore';
import { formatBytes } from '../format';

export function SharedLinkNotice() {
  const opened = useShare((s) => s.opened);
  const pending = useShare((s) => s.pending);
  const dismiss = useShare((s) => s.dismissOpened);
  if (!opened) return null;
  return (
    <section className="shared-link-notice" aria-label="Shared link">
      <p className="shared-link-title">
        <strong>Opened from a shared link</strong>
        {!pending && (
          <button type="button" className="link-button" onClick={dismiss}>
            Dismiss
          </button>
        )}
      </p>
      <p>{sourceText(opened)}</p>
      <p>{grantsText(opened)}</p>
      {pending && <FileNeeded pending={pending} />}
    </section>
  );
}

function sourceText(o: OpenedLink): string {
  switch (o.via) {
    case 'url':
      return `Module: ${o.name}, fetched from ${o.url ?? 'its URL'}.`;
    case 'inline':
      return `Module: ${o.name}, carried inside the link.`;
    case 'example':
      return `Module: ${o.name}, one of the playground's examples.`;
    case 'file':
      return `Module: ${o.name}, from the file you picked (its SHA-256 matches the link).`;
    case 'library':
      return `Module: ${o.name}, from your library (its SHA-256 matches the link).`;
    case 'bundle':
      return `Module: ${o.name}, from the bundle file (its SHA-256 matches the link).`;
    case 'waiting':
      return `Module: ${o.name}, too big to travel in the link.`;
  }
}

function grantsText(o: OpenedLink): string {
  const asks: string[] = [];
  if (o.hosts.length) asks.push(`network access to ${o.hosts.join(', ')}`);
  if (o.mounts.length) asks.push(`folders: ${o.mounts.map((m) => `${m.guestPath} ← ${m.volume}:/${m.path}${m.readOnly ? ' (read-only)' : ''}`).join(', ')}`);
  if (!asks.length) return 'It asks for no network or folder access.';
  return `It asks for ${asks.join('; ')}. Nothing is granted until you allow it.`;
}

function FileNeeded({ pending }: { pending: PendingFile }) {
  const supply = useShare((s) => s.supplyFile);
  const fileError = useShare((s) => s.fileError);
  const [over, setOver] = useState(false);
  const take = async (file: File) => supply(new Uint8Array(await file.arrayBuffer()), file.name);
  const onDrop = (e: DragEvent) => {
    const file = e.dataTransfer.files[0];
    setOver(false);
    if (!file) return;
    // Taken here, not by the window's drop handler: this file is checked against the link first.
    e.preventDefault();
    void take(file);
  };
  return (
    <div
      className="file-needed"
      data-dragover={over}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p>
        This link needs <strong>{pending.name}</strong> ({formatBytes(pending.size)}, sha-256 <code>{pending.sha256.slice(0, 12)}…</code>): drop or pick the file.
      </p>
      <label className="file-button">
        <span>Pick {pending.name}…</span>
        <input
          type="file"
          aria-label="File this link needs"
          accept=".wasm,application/wasm"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void take(file);
            e.currentTarget.value = '';
          }}
        />
      </label>
      {fileError && (
        <p role="alert" className="error-text">
          {fileError}
        </p>
      )}
    </div>
  );
}
