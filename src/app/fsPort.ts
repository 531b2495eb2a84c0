/** Connects the engine's mounts to the IndexedDB volumes (DESIGN.md §5). */
import type { FsPort } from '../sandbox/fsPort';
import { DEFAULT_VOLUME, storageUsage, volumes } from '../storage/volumes';
import { normalisePath } from '../storage/volumePaths';

/** Head-room left for the page's own databases when handing a run the free space. */
const RESERVE_BYTES = 16 * 2 ** 20;

const where = (volume: string, dir: string) => `${volume}:/${dir}`;

export const volumesFsPort: FsPort = {
  async snapshot(m) {
    const dir = normalisePath(m.dir ?? '');
    const readOnly = m.readOnly ?? false;
    try {
      if (m.volume === DEFAULT_VOLUME) await volumes.ensureVolume(DEFAULT_VOLUME);
      // Partial writes of a run that was stopped never completed; they can't be finished now.
      if (!readOnly) await volumes.discardStaged(m.volume, dir);
      const [{ entries, bytes }, { usage, quota }] = await Promise.all([volumes.readTree(m.volume, dir), storageUsage()]);
      // The worker caps the mounted tree at maxBytes: what it holds now plus the origin's free space.
      const free = usage !== undefined && quota !== undefined ? Math.max(0, quota - usage - RESERVE_BYTES) : undefined;
      return { guestPath: m.guestPath, readOnly, volume: m.volume, dir, entries, ...(free !== undefined ? { maxBytes: bytes + free } : {}) };
    } catch (err) {
      throw new Error(`Cannot mount ${where(m.volume, dir)} at ${m.guestPath}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
  },

  async persist(mount, changes) {
    if (mount.readOnly) throw new Error(`${mount.guestPath} is mounted read-only; ${changes.length} change(s) were not saved.`);
    await volumes.applyChanges(mount.volume, mount.dir, changes);
  },
};
