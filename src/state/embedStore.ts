/** Origins waiting for the user's consent to drive an embedded playground. */
import { create } from 'zustand';
import { useSettings } from './settingsStore';

export interface EmbedState {
  /** Origins that asked and were not yet answered. */
  pending: string[];
  /** Origins refused in this session. */
  denied: string[];
  ask(origin: string): Promise<boolean>;
  answer(origin: string, allow: boolean): void;
}

const waiters = new Map<string, ((allowed: boolean) => void)[]>();

/** Origins allowed by the deploy (VITE_EMBED_ORIGINS, comma separated). */
const configured = (import.meta.env.VITE_EMBED_ORIGINS ?? '')
  .split(',')
  .map((o: string) => o.trim())
  .filter(Boolean);

export const useEmbed = create<EmbedState>()((set, get) => ({
  pending: [],
  denied: [],
  ask(origin) {
    if (configured.includes(origin) || useSettings.getState().embedOrigins.includes(origin)) return Promise.resolve(true);
    if (get().denied.includes(origin)) return Promise.resolve(false);
    return new Promise((resolve) => {
      waiters.set(origin, [...(waiters.get(origin) ?? []), resolve]);
      set((s) => ({ pending: s.pending.includes(origin) ? s.pending : [...s.pending, origin] }));
    });
  },
  answer(origin, allow) {
    if (allow) useSettings.getState().allowEmbedOrigin(origin);
    set((s) => ({ pending: s.pending.filter((o) => o !== origin), denied: allow ? s.denied : [...s.denied, origin] }));
    for (const resolve of waiters.get(origin) ?? []) resolve(allow);
    waiters.delete(origin);
  },
}));
