/** Whether the system asks for a dark colour scheme, kept current (Monaco's theme follows it). */
import { useSyncExternalStore } from 'react';

const DARK = '(prefers-color-scheme: dark)';
const subscribe = (cb: () => void) => {
  const query = matchMedia(DARK);
  query.addEventListener('change', cb);
  return () => query.removeEventListener('change', cb);
};
const isDark = () => matchMedia(DARK).matches;

export function useDarkScheme(): boolean {
  return useSyncExternalStore(subscribe, isDark);
}
