/** User settings and "where was I", persisted in localStorage (small, read synchronously at start). */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

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
      setTimeoutMs: (timeoutMs) => set({ timeoutMs }),
      remember: (lastModuleId, lastFunc) =>
        set((s) => ({ lastModuleId, lastFunc, previousModuleId: s.lastModuleId !== lastModuleId ? s.lastModuleId : s.previousModuleId })),
      allowEmbedOrigin: (origin) => set((s) => ({ embedOrigins: s.embedOrigins.includes(origin) ? s.embedOrigins : [...s.embedOrigins, origin] })),
    }),
    {
      name: 'wasm-playground:settings',
      version: 1,
      migrate: restoreSettings,
    },
  ),
);

type PersistedSettings = Pick<SettingsState, 'timeoutMs' | 'lastModuleId' | 'lastFunc' | 'previousModuleId' | 'embedOrigins'>;

/** Upgrade any older stored shape, keeping only well-typed fields (v0 had no embed origins). */
function restoreSettings(persisted: unknown): PersistedSettings {
  const o = typeof persisted === 'object' && persisted !== null ? (persisted as Record<string, unknown>) : {};
  return {
    timeoutMs: typeof o.timeoutMs === 'number' && o.timeoutMs > 0 ? o.timeoutMs : 10_000,
    lastModuleId: typeof o.lastModuleId === 'string' ? o.lastModuleId : null,
    lastFunc: typeof o.lastFunc === 'string' ? o.lastFunc : null,
    previousModuleId: typeof o.previousModuleId === 'string' ? o.previousModuleId : null,
    embedOrigins: Array.isArray(o.embedOrigins) ? o.embedOrigins.filter((x): x is string => typeof x === 'string') : [],
  };
}
