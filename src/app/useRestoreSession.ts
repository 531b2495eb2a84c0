/** After a reload, reopen the last module and function from the library. */
import { useModule } from '../state/moduleStore';
import { useSettings } from '../state/settingsStore';
import { getEntry } from '../storage/library';

/** Reopen the module and function of the last session, if the library still has it. */
export function restoreLastSession(): void {
  const { lastModuleId, lastFunc } = useSettings.getState();
  if (!lastModuleId) return;
  // A module removed from the library (or a refused IndexedDB) is forgotten quietly, not an error.
  getEntry(lastModuleId)
    .then((entry) => {
      if (!entry) useSettings.getState().remember(null, null);
      else if (!useModule.getState().current) void useModule.getState().load({ id: entry.id }, entry.name, lastFunc);
    })
    .catch(() => undefined);
}
