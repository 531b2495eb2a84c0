/** After a reload, reopen the last module and function from the library. */
import { useEffect } from 'react';
import { useModule } from '../state/moduleStore';
import { useSettings } from '../state/settingsStore';
import { getEntry } from '../storage/library';

export function useRestoreSession(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const { lastModuleId, lastFunc } = useSettings.getState();
    if (!lastModuleId) return;
    // A module removed from the library (or a refused IndexedDB) is forgotten quietly, not an error.
    getEntry(lastModuleId)
      .then((entry) => {
        if (!entry) return useSettings.getState().remember(null, null);
        if (!useModule.getState().current) return useModule.getState().load({ id: entry.id }, entry.name, lastFunc);
      })
      .catch(() => undefined);
  }, [enabled]);
}
