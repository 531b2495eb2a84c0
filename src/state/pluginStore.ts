/** Extism plugin settings: config, log level, instance reuse; and the vars the engine keeps. */
import { create } from 'zustand';
import type { LogLevel } from '../model/run';
import { resetVars, varsOf } from '../runners/extism/vars';

export interface PluginState {
  /** Config rows as edited (empty keys are ignored when running). */
  config: [string, string][];
  logLevel: LogLevel;
  freshInstance: boolean;
  /** Vars after the last run of the current module. */
  vars: [string, Uint8Array][];
  setConfigRow(index: number, key: string, value: string): void;
  addConfigRow(): void;
  removeConfigRow(index: number): void;
  setConfig(config: Record<string, string>): void;
  setLogLevel(level: LogLevel): void;
  setFreshInstance(on: boolean): void;
  setVars(vars: [string, Uint8Array][]): void;
  /** Show the vars kept for a module (on load). */
  showVarsOf(moduleId: string): void;
  resetVars(moduleId: string): void;
}

export const usePlugin = create<PluginState>()((set) => ({
  config: [],
  logLevel: 'info',
  freshInstance: false,
  vars: [],
  setConfigRow: (index, key, value) =>
    set((s) => {
      const config = s.config.slice();
      config[index] = [key, value];
      return { config };
    }),
  addConfigRow: () => set((s) => ({ config: [...s.config, ['', '']] })),
  removeConfigRow: (index) => set((s) => ({ config: s.config.filter((_, i) => i !== index) })),
  setConfig: (config) => set({ config: Object.entries(config) }),
  setLogLevel: (logLevel) => set({ logLevel }),
  setFreshInstance: (freshInstance) => set({ freshInstance }),
  setVars: (vars) => set({ vars }),
  showVarsOf: (moduleId) => set({ vars: varsOf(moduleId) }),
  resetVars(moduleId) {
    resetVars(moduleId);
    set({ vars: [] });
  },
}));

/** Config as the engine takes it: non-empty keys, last one wins. */
export function configRecord(rows: [string, string][]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of rows) if (k.trim()) out[k.trim()] = v;
  return out;
}
