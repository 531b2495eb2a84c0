/** User settings and "where was I", persisted in localStorage (small, read synchronously at start). */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { clampTimeoutMs } from '../util/timeout';

export interface SettingsState {
  timeoutMs: number;
  /** Reopened after a reload. */
  lastModuleId: string | null;
  lastFunc: string | null;
  /** The module before the last one: reopened if the last never reached the library (a reload mid-save). */
  previousModuleId: string | null;
  /** Origins allowed to drive the app through the embed API. */
  embedOrigins: string[];
  setTimeoutMs(ms: number): void;
  remember(moduleId: string | null, func: string | null): void;
  allowEmbedOrigin(origin: string): void;
}

export const useSettings = create<SettingsState>()(
  persist(
    (set) => ({
      timeoutMs: 10_000,
      lastModuleId: null,
      lastFunc: null,
      previousModuleId: null,
      embedOrigins: [],
      // Over 24 h becomes 24 h; NaN, ≤ 0 and sub-millisecond limits are ignored (setTimeout would misfire).
      setTimeoutMs: (ms) => {
        const timeoutMs = clampTimeoutMs(ms).value;
        if (timeoutMs !== null) set({ timeoutMs });
      },
      remember: (lastModuleId, lastFunc) =>
        set((s) => ({ lastModuleId, lastFunc, previousModuleId: s.lastModuleId !== lastModuleId ? s.lastModuleId : s.previousModuleId })),
      allowEmbedOrigin: (origin) => set((s) => ({ embedOrigins: s.embedOrigins.includes(origin) ? s.embedOrigins : [...s.embedOrigins, origin] })),
    }),
    {
      name: 'wasm-playground:settings',
      version: 1,
      migrate: restoreSettings,
      // Checked on every load, not only on a version change: an old build stored any positive number.
      merge: (persisted, current) => ({ ...current, ...restoreSettings(persisted) }),
    },
  ),
);

type PersistedSettings = Pick<SettingsState, 'timeoutMs' | 'lastModuleId' | 'lastFunc' | 'previousModuleId' | 'embedOrigins'>;

/** Upgrade any older stored shape, keeping only well-typed fields (v0 had no embed origins). */
function restoreSettings(persisted: unknown): PersistedSettings {
  const o = typeof persisted === 'object' && persisted !== null ? (persisted as Record<string, unknown>) : {};
  // A stored limit out of range came from a bad link or manifest: back to the default, not to 24 h.
  const timeout = clampTimeoutMs(o.timeoutMs);
  return {
    timeoutMs: timeout.ok ? timeout.value : 10_000,
    lastModuleId: typeof o.lastModuleId === 'string' ? o.lastModuleId : null,
    lastFunc: typeof o.lastFunc === 'string' ? o.lastFunc : null,
    previousModuleId: typeof o.previousModuleId === 'string' ? o.previousModuleId : null,
    embedOrigins: Array.isArray(o.embedOrigins) ? o.embedOrigins.filter((x): x is string => typeof x === 'string') : [],
  };
}
