/** WASI program settings: command line, environment, deterministic mode. */
import { create } from 'zustand';
import { splitCommandLine } from '../host/commandLine';

export interface WasiState {
  /** The "Arguments" field as typed (shell-like quoting). */
  argvText: string;
  /** Environment rows as edited; empty names are ignored. */
  env: [string, string][];
  deterministic: boolean;
  seed: string;
  setArgvText(text: string): void;
  setEnvRow(index: number, name: string, value: string): void;
  addEnvRow(): void;
  removeEnvRow(index: number): void;
  setEnv(env: [string, string][]): void;
  setDeterministic(on: boolean): void;
  setSeed(seed: string): void;
}

export const useWasi = create<WasiState>()((set) => ({
  argvText: '',
  env: [],
  deterministic: false,
  seed: 'wasm-playground',
  setArgvText: (argvText) => set({ argvText }),
  setEnvRow: (index, name, value) =>
    set((s) => {
      const env = s.env.slice();
      env[index] = [name, value];
      return { env };
    }),
  addEnvRow: () => set((s) => ({ env: [...s.env, ['', '']] })),
  removeEnvRow: (index) => set((s) => ({ env: s.env.filter((_, i) => i !== index) })),
  setEnv: (env) => set({ env }),
  setDeterministic: (deterministic) => set({ deterministic }),
  setSeed: (seed) => set({ seed }),
}));

/** argv after the program name, or the quoting error to show under the field. */
export function argvOf(state: Pick<WasiState, 'argvText'>): { ok: true; argv: string[] } | { ok: false; message: string } {
  return splitCommandLine(state.argvText);
}
