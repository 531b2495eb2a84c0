/** Connects the engine to the IndexedDB library; save failures become a visible notice. */
import type { LibraryPort } from '../sandbox/libraryPort';
import { useModule } from '../state/moduleStore';
import { getEntry, loadModuleBytes, saveModule } from '../storage/library';

export const libraryPort: LibraryPort = {
  async touch(info, bytes) {
    try {
      await saveModule({ id: info.id, name: info.name, size: info.size, kind: info.analysis.kind, ...(info.sourceUrl ? { sourceUrl: info.sourceUrl } : {}) }, bytes);
      void useModule.getState().refreshRecent();
    } catch (err) {
      const quota = err instanceof DOMException && err.name === 'QuotaExceededError';
      useModule
        .getState()
        .setNotice(
          quota
            ? `"${info.name}" is loaded but was not saved to Recent modules: this browser's storage is full. Remove old modules or free space.`
            : `"${info.name}" is loaded but was not saved to Recent modules (${err instanceof Error ? err.message : String(err)}).`,
        );
    }
  },
  entry: (id) => getEntry(id),
  bytes: (id) => loadModuleBytes(id),
};
