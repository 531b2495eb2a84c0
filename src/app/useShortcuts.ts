/** Keyboard shortcuts: Ctrl/Cmd+Enter runs; Escape stops a run. */
import { useEffect } from 'react';
import { useRun } from '../state/runStore';

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void useRun.getState().run();
      }
    };
    // Capture phase: an editor that swallows Escape must not keep a run going. Only while running,
    // so Escape otherwise still closes menus and leaves editors.
    const onEscape = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !useRun.getState().running) return;
      e.preventDefault();
      useRun.getState().stop();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('keydown', onEscape, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keydown', onEscape, true);
    };
  }, []);
}
