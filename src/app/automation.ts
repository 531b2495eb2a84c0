/** `window.wasmPlayground`: the engine for scripts, tests and benchmarks in the app's own page. */
import type { LoadedModule, ModuleSource, RunRequest, RunResult } from '../sandbox/api';
import { getEngine } from '../sandbox/instance';
import type { ClaimsReport } from '../wasm/claims/types';
import type { CheckReport } from '../wasm/checks/types';

export interface WasmPlaygroundApi {
  readonly version: 1;
  /** Load a module (a URL string is short for `{ url }`). Rejects with a LoadFailure. */
  load(source: ModuleSource | string): Promise<LoadedModule>;
  /** Run an export; guest failures resolve with status "error" or "stopped". */
  run(request: RunRequest): Promise<RunResult>;
  /** Stop the active run. */
  stop(): boolean;
  /** A module's wascap claims (`jwt` section) with each check verified; null without a claims section. */
  claims(module: RunRequest['module']): Promise<ClaimsReport | null>;
  /** Check a module against a check file (Modsurfer's `validate` YAML). */
  check(request: { module: RunRequest['module']; checkFile: string }): Promise<CheckReport>;
  /** Resolves when every file a run made durable is saved (a stopped run answers before its files are). */
  saved(): Promise<void>;
}

declare global {
  interface Window {
    wasmPlayground: WasmPlaygroundApi;
  }
}

/** Install the API on `window`. */
export function installAutomationApi(): void {
  window.wasmPlayground = {
    version: 1,
    load: (source) => getEngine().load(typeof source === 'string' ? { url: new URL(source, location.href).href } : source),
    run: (request) => getEngine().run(request),
    stop: () => getEngine().stop(),
    saved: () => getEngine().whenSaved(),
    claims: (module) => getEngine().claims(typeof module === 'string' && !/^[0-9a-f]{64}$/.test(module) ? { url: new URL(module, location.href).href } : module),
    check: ({ module, checkFile }) => getEngine().check(typeof module === 'string' && !/^[0-9a-f]{64}$/.test(module) ? { url: new URL(module, location.href).href } : module, checkFile),
  };
}
