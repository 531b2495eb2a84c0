/** Connects the engine to the IndexedDB library; save failures become a visible notice. */
import type { LibraryPort } from '../sandbox/libraryPort';
import { useModule } from '../state/moduleStore';
import { getEntry, saveEntry, saveModule } from '../storage/library';

export const libraryPort: LibraryPort = {
  async touch(info, saved) {
    const entry = { id: info.id, name: info.name, size: info.size, kind: info.analysis.kind, ...(info.sourceUrl ? { sourceUrl: info.sourceUrl } : {}) };
    try {
      if ('bytes' in saved) await saveModule(entry, saved.bytes);
      else {
        // The analyser worker stored the bytes; the entry, written after them, makes them listed.
        const kept = await saved.kept;
        if (kept.error) throw Object.assign(new Error(kept.error.message), { quota: kept.error.quota });
        await saveEntry(entry);
      }
      void useModule.getState().refreshRecent();
    } catch (err) {
      const quota = (err instanceof DOMException && err.name === 'QuotaExceededError') || (err instanceof Error && 'quota' in err && err.quota === true);
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
};
