/** On start-up (and when the hash changes), open a share link if the URL carries one. */
import { useEffect } from 'react';
import { useShare } from '../state/shareStore';

/** Returns nothing; `onNone` runs when there is no link (then the last session is restored). */
export function useShareLink(onNone: () => void): void {
  useEffect(() => {
    void useShare
      .getState()
      .open(location.hash)
      .then((opened) => {
        if (!opened) onNone();
      });
    const onHash = () => void useShare.getState().open(location.hash);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
    // Runs once: later links arrive through hashchange.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
