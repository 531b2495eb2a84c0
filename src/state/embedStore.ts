/** Origins waiting for the user's consent to drive an embedded playground. */
import { create } from 'zustand';
import { isGrantableOrigin } from '../util/origin';
import { useSettings } from './settingsStore';

export type OriginStatus = 'allowed' | 'denied' | 'unknown';

export interface EmbedState {
  /** Origins that asked and were not yet answered. */
  pending: string[];
  /** Origins refused in this session. */
  denied: string[];
  /** What the user (or the deploy) has said about `origin` so far; opaque origins are always denied. */
  status(origin: string): OriginStatus;
  ask(origin: string): Promise<boolean>;
  answer(origin: string, allow: boolean): void;
}

const waiters = new Map<string, ((allowed: boolean) => void)[]>();

/** Origins allowed by the deploy (VITE_EMBED_ORIGINS, comma separated); `null` and other opaque origins never count. */
const configured = (import.meta.env.VITE_EMBED_ORIGINS ?? '')
  .split(',')
  .map((o: string) => o.trim())
  .filter(isGrantableOrigin);

export const useEmbed = create<EmbedState>()((set, get) => ({
  pending: [],
  denied: [],
  status(origin) {
    // An opaque origin (`null`) stands for every sandboxed frame and file: page: never allowed,
    // even if an older version stored it.
    if (!isGrantableOrigin(origin) || get().denied.includes(origin)) return 'denied';
    if (configured.includes(origin) || useSettings.getState().embedOrigins.includes(origin)) return 'allowed';
    return 'unknown';
  },
  ask(origin) {
    const status = get().status(origin);
    if (status !== 'unknown') return Promise.resolve(status === 'allowed');
    return new Promise((resolve) => {
      waiters.set(origin, [...(waiters.get(origin) ?? []), resolve]);
      set((s) => ({ pending: s.pending.includes(origin) ? s.pending : [...s.pending, origin] }));
    });
  },
  answer(origin, allow) {
    const granted = allow && isGrantableOrigin(origin);
    if (granted) useSettings.getState().allowEmbedOrigin(origin);
    set((s) => ({ pending: s.pending.filter((o) => o !== origin), denied: granted ? s.denied : [...s.denied, origin] }));
    for (const resolve of waiters.get(origin) ?? []) resolve(granted);
    waiters.delete(origin);
  },
}));
