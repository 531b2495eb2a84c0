/** What the engine needs from the IndexedDB filesystem; the app wires in `src/storage/` (DESIGN.md §5). */
import type { VfsChange } from '../model/files';
import type { MountRequest, MountSpec } from '../model/run';

export type { MountRequest } from '../model/run';

export interface FsPort {
  /** Load the mounted directory's contents for the run. Rejects with a user-facing Error. */
  snapshot(mount: MountRequest): Promise<MountSpec>;
  /** Persist changes made durable under `mount`; rejects with a user-facing Error (e.g. quota). */
  persist(mount: MountSpec, changes: VfsChange[]): Promise<void>;
}

/** No filesystem: mounts fail with a clear message. */
export const noFilesystem: FsPort = {
  snapshot: (m) => Promise.reject(new Error(`Cannot mount volume "${m.volume}": no filesystem is available here.`)),
  persist: () => Promise.resolve(),
};
