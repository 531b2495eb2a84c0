/** After a reload, reopen the last module and function from the library. */
import { useModule } from '../state/moduleStore';
import { useSettings } from '../state/settingsStore';
import { getEntry } from '../storage/library';

/**
 * Reopen the module and function of the last session. A reload can come before the last
 * module reached the library (a large one still being stored): then the one before it opens.
 */
export function restoreLastSession(): void {
  const { lastModuleId, lastFunc, previousModuleId } = useSettings.getState();
  if (!lastModuleId) return;
  void (async () => {
    try {
      const last = await getEntry(lastModuleId);
      const entry = last ?? (previousModuleId ? await getEntry(previousModuleId) : undefined);
      if (!entry || useModule.getState().current) return;
      await useModule.getState().load({ id: entry.id }, entry.name, last ? lastFunc : null);
    } catch {
      // A refused IndexedDB (private window) just means no restore.
    }
  })();
}
