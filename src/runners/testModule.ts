/** Helpers for runner tests: a LoadedModule from WAT, a RunSpec with defaults, fake engine services. */
import type { LoadedModule, ManifestInfo } from '../model/module';
import type { MountSpec } from '../model/run';
import { toRunSpec } from '../sandbox/runSpec';
import type { RunRequest } from '../sandbox/api';
import { wat } from '../wasm/testBytes';
import { analyseForTest } from './testAnalyse';
import type { RunnerServices, RunSpec } from './types';

/** A loaded module (not compiled: runner page halves never need the Module). */
export async function moduleFromWat(text: string, name = 'test.wasm', manifest?: ManifestInfo): Promise<LoadedModule> {
  const bytes = await wat(text);
  const parsed = analyseForTest(bytes);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return { id: `id-${name}`, name, size: bytes.length, analysis: parsed.analysis, compileMs: 0, parseMs: 0, ...(manifest ? { manifest } : {}) };
}

/** The spec the engine would make for `request`. */
export function specFor(request: Omit<RunRequest, 'module'>, module: LoadedModule): RunSpec {
  return toRunSpec({ module: module.id, ...request }, 1, module);
}

/** Services that snapshot mounts as empty trees and cap memory as `<id>#<pages>`. */
export function fakeServices(): RunnerServices & { snapshots: number } {
  const services = {
    snapshots: 0,
    snapshot: async (mounts: { volume: string; dir?: string; guestPath: string; readOnly?: boolean }[]): Promise<MountSpec[]> => {
      services.snapshots += mounts.length;
      return mounts.map((m) => ({ guestPath: m.guestPath, readOnly: m.readOnly ?? false, volume: m.volume, dir: m.dir ?? '', entries: [] }));
    },
    component: async () => ({ ok: true as const }),
    limited: async (id: string, pages: number) => `${id}#${pages}`,
  };
  return services;
}
