/** Whether a media query matches, following changes (window resizes, rotation). */
import { useSyncExternalStore } from 'react';

export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
  );
}

/** The phone layout (tabs instead of panes) at 480 CSS px and narrower. */
export const PHONE_QUERY = '(max-width: 480px)';
