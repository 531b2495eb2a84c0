/** Which imports each runner provides itself; the rest must be linked or stubbed (DESIGN.md §3). */
import { EXTISM_MODULE, WASI_P1_MODULES as WASI } from '../wasm/detect';
import type { ImportEntry, ModuleKind } from '../wasm/types';

const PROVIDED: Record<ModuleKind, readonly string[]> = {
  core: [],
  'wasi-command': WASI,
  'wasi-reactor': WASI,
  extism: [EXTISM_MODULE, ...WASI],
  component: [],
};

/** Imports that the runner for `kind` does not provide. */
export function unprovidedImports(imports: readonly ImportEntry[], kind: ModuleKind): ImportEntry[] {
  const provided = PROVIDED[kind];
  return imports.filter((i) => !provided.includes(i.module));
}
