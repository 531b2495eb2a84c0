/** The loaded module, how it is being loaded, the chosen function and its arguments. */
import { create } from 'zustand';
import type { LoadedModule, LoadProgress, ModuleSource } from '../sandbox/api';
import { LoadFailure } from '../sandbox/api';
import { getEngine } from '../sandbox/instance';
import { watchTranspiles } from './transpileStore';
import type { LoadError } from '../model/errors';
import type { LibraryEntry } from '../storage/library';
import { listRecent } from '../storage/library';
import type { ModuleKind } from '../wasm/types';
import { runnerFor } from '../runners/registry';
import type { Runner } from '../runners/types';
import { usePlugin } from './pluginStore';
import { mountForAllowedPath } from './allowedPaths';
import { useCapabilities } from './capabilitiesStore';
import { useSettings } from './settingsStore';

export interface ModuleState {
  current: LoadedModule | null;
  loading: { label: string; progress?: LoadProgress } | null;
  loadError: LoadError | null;
  /** "Run as" override; null = the detected kind. */
  runAs: ModuleKind | null;
  func: string | null;
  /** Argument texts per function, so switching functions keeps what was typed. */
  argsByFunc: Record<string, string[]>;
  stubImports: boolean;
  recent: LibraryEntry[];
  /** Non-fatal problems (e.g. the library could not save). */
  notice: string | null;
  /** Load and show a module; resolves with it, or null when it failed (the error is in `loadError`). */
  load(source: ModuleSource, label: string, preferFunc?: string | null): Promise<LoadedModule | null>;
  selectFunc(func: string): void;
  setArg(func: string, index: number, text: string): void;
  /** All argument texts of `func` at once. */
  setArgs(func: string, texts: string[]): void;
  setRunAs(kind: ModuleKind | null): void;
  setStubImports(on: boolean): void;
  refreshRecent(): Promise<void>;
  setNotice(notice: string | null): void;
}

// Number every load: the answer to a load the user has already replaced is dropped (STYLE.md §2).
let loadSeq = 0;

export const useModule = create<ModuleState>()((set, get) => ({
  current: null,
  loading: null,
  loadError: null,
  runAs: null,
  func: null,
  argsByFunc: {},
  stubImports: false,
  recent: [],
  notice: null,

  async load(source, label, preferFunc) {
    const seq = ++loadSeq;
    set({ loading: { label }, loadError: null });
    try {
      watchTranspiles();
      const info = await getEngine().load(source, {
        remember: true,
        onProgress: (progress) => {
          if (seq === loadSeq) set({ loading: { label, progress } });
        },
      });
      if (seq !== loadSeq) return null;
      const func = pickFunc(info, info.analysis.kind, preferFunc ?? null);
      set({ current: info, loading: null, runAs: null, func, argsByFunc: {}, stubImports: false });
      usePlugin.getState().showVarsOf(info.id);
      if (info.manifest) applyManifest(info);
      useSettings.getState().remember(info.id, func);
      void get().refreshRecent();
      return info;
    } catch (err) {
      if (seq !== loadSeq) return null;
      const loadError: LoadError =
        err instanceof LoadFailure ? err.loadError : { code: 'malformed', title: 'The module could not be loaded.', detail: String(err) };
      set({ loading: null, loadError });
      return null;
    }
  },

  selectFunc(func) {
    set({ func });
    useSettings.getState().remember(get().current?.id ?? null, func);
  },

  setArg(func, index, text) {
    set((s) => {
      const args = [...(s.argsByFunc[func] ?? [])];
      args[index] = text;
      return { argsByFunc: { ...s.argsByFunc, [func]: args } };
    });
  },

  setArgs: (func, texts) => set((s) => ({ argsByFunc: { ...s.argsByFunc, [func]: texts.slice() } })),

  setRunAs(runAs) {
    const current = get().current;
    if (!current) return set({ runAs });
    // Plugin functions and core exports differ: pick again for the new runner.
    const kind = runAs ?? current.analysis.kind;
    const keep = callableFunctions(current, kind).includes(get().func ?? '') ? get().func : null;
    set({ runAs, func: keep ?? pickFunc(current, kind, null) });
  },
  setStubImports: (stubImports) => set({ stubImports }),
  setNotice: (notice) => set({ notice }),

  async refreshRecent() {
    try {
      set({ recent: await listRecent() });
    } catch {
      // The library is optional: private windows may refuse IndexedDB.
    }
  },
}));

/** The preferred function if the runner can call it, else the runner's default. */
function pickFunc(info: LoadedModule, kind: ModuleKind, prefer: string | null): string | null {
  const runner = runnerFor(kind);
  if (prefer && runner.callables(info.analysis).some((c) => c.name === prefer)) return prefer;
  return runner.defaultFunc(info.analysis);
}

/** Functions the chosen runner can call. */
export function callableFunctions(info: LoadedModule, kind: ModuleKind): string[] {
  return runnerFor(kind).callables(info.analysis).map((c) => c.name);
}

/** The runner the current module runs with: the "Run as" choice, else the detected kind's. */
export function selectRunner(s: Pick<ModuleState, 'current' | 'runAs'>): Runner | null {
  return s.current ? runnerFor(s.runAs ?? s.current.analysis.kind) : null;
}

/** A manifest implies its runner (Extism) with its config; its hosts and paths are asked for, not granted. */
function applyManifest(info: LoadedModule): void {
  const manifest = info.manifest;
  if (!manifest) return;
  if (info.analysis.kind !== manifest.runAs) useModule.getState().setRunAs(manifest.runAs);
  usePlugin.getState().setConfig(manifest.config);
  if (manifest.timeoutMs) useSettings.getState().setTimeoutMs(manifest.timeoutMs);
  const mounts = manifest.allowedPaths.flatMap((p) => {
    const m = mountForAllowedPath(p);
    return m.ok ? [m.mount] : []; // the Plugin panel lists the ones that can't be mounted, and why
  });
  if (manifest.allowedHosts?.length || mounts.length) useCapabilities.getState().request({ hosts: manifest.allowedHosts ?? [], mounts }, 'The manifest');
}
