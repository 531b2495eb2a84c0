/** Mounts (DESIGN.md §4): folders of stored volumes that WASI programs and plugins see at guest paths. Nothing by default. */
import { useEffect, useId, useState } from 'react';
import type { MountRequest } from '../../sandbox/fsPort';
import { describeMountSource } from '../../state/allowedPaths';
import { useCapabilities } from '../../state/capabilitiesStore';
import { useFiles } from '../../state/filesStore';
import { DEFAULT_VOLUME } from '../../storage/volumes';
import { normalisePath } from '../../storage/volumePaths';

function normalisePathSafe(p: string): string {
  try {
    return normalisePath(p);
  } catch {
    return p;
  }
}

/** "/data/", "data" → "/data"; an error for ".." or an empty path. */
export function checkGuestPath(text: string): { ok: true; path: string } | { ok: false; message: string } {
  const t = text.trim();
  if (!t) return { ok: false, message: 'Give the path the program will see, e.g. /data.' };
  if (!t.startsWith('/')) return { ok: false, message: 'Guest paths start with "/", e.g. /data.' };
  try {
    return { ok: true, path: `/${normalisePath(t)}` };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

/** Mounts may be granted and revoked; list them, add one. */
export function MountsEditor() {
  const mounts = useCapabilities((s) => s.mounts);
  return (
    <section className="mounts panel" aria-label="Mounts">
      <header className="panel-header">
        <h3>Mounts</h3>
      </header>
      {mounts.length === 0 ? (
        <p className="muted">Nothing is mounted: WASI programs and plugins see no files. Mount a volume folder to let them read it, or write it.</p>
      ) : (
        <ul className="mount-list" aria-label="Mounted folders">
          {mounts.map((m) => (
            <MountRow key={m.guestPath} mount={m} />
          ))}
        </ul>
      )}
      <AddMount />
    </section>
  );
}

function MountRow({ mount }: { mount: MountRequest }) {
  const id = useId();
  return (
    <li>
      <span id={id}>
        <code>{mount.guestPath}</code> ← <code>{describeMountSource(mount)}</code> <span className={`grant ${mount.readOnly ? 'read-only' : 'read-write'}`}>{mount.readOnly ? 'read-only' : 'read-write'}</span>
      </span>
      <button type="button" aria-describedby={id} onClick={() => useCapabilities.getState().unmount(mount.guestPath)}>
        Unmount
      </button>
    </li>
  );
}

function AddMount() {
  const volumes = useFiles((s) => s.volumes);
  const [volume, setVolume] = useState(DEFAULT_VOLUME);
  const [dir, setDir] = useState('/');
  const [guest, setGuest] = useState('/data');
  const [readOnly, setReadOnly] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  useEffect(() => {
    if (volumes.length === 0) void useFiles.getState().refresh();
  }, [volumes.length]);

  const submit = async () => {
    const g = checkGuestPath(guest);
    if (!g.ok) return setError(g.message);
    try {
      const d = normalisePath(dir);
      await useFiles.getState().ensureFolder(volume, d);
      useCapabilities.getState().mount({ volume, dir: d, guestPath: g.path, readOnly });
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <form
      className="add-mount"
      aria-label="Add mount"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label>
        Volume
        <select value={volume} onChange={(e) => setVolume(e.target.value)}>
          {!volumes.some((v) => v.name === volume) && <option value={volume}>{volume}</option>}
          {volumes.map((v) => (
            <option key={v.name} value={v.name}>
              {v.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Volume folder
        <input type="text" value={dir} spellCheck={false} onChange={(e) => setDir(e.target.value)} />
      </label>
      <label>
        Guest path
        <input type="text" value={guest} spellCheck={false} aria-invalid={error !== null} aria-describedby={error ? errorId : undefined} onChange={(e) => setGuest(e.target.value)} />
      </label>
      <label className="inline">
        <input type="checkbox" checked={readOnly} onChange={(e) => setReadOnly(e.target.checked)} />
        Read-only
      </label>
      <button type="submit">Mount</button>
      {error && (
        <p id={errorId} className="error-text" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** The folder a blocked guest path lies in: "/data/out.txt" → "/data"; "/x" → "/". */
export function mountPointFor(path: string): string {
  const clean = `/${normalisePathSafe(path)}`;
  if (path.endsWith('/')) return clean;
  const i = clean.lastIndexOf('/');
  return i <= 0 ? '/' : clean.slice(0, i);
}

/** The one-click grant for a Console line about a blocked file access: mounts the "home" volume there. */
export function MountFromBlocked({ path }: { path: string }) {
  const at = mountPointFor(path);
  const mounted = useCapabilities((s) => s.mounts.some((m) => m.guestPath === at));
  const [error, setError] = useState<string | null>(null);
  const mount = async () => {
    try {
      await useFiles.getState().ensureFolder(DEFAULT_VOLUME, '');
      useCapabilities.getState().mount({ volume: DEFAULT_VOLUME, dir: '', guestPath: at, readOnly: false });
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <span className="mount-from-blocked">
      <button type="button" className="grant-button" disabled={mounted} title={`Mount the root of volume "${DEFAULT_VOLUME}" at ${at}, read-write`} onClick={() => void mount()}>
        {mounted ? `Mounted at ${at}` : `Mount a folder at ${at}`}
      </button>
      {error && <span className="error-text"> {error}</span>}
    </span>
  );
}
