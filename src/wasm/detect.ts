/** Import module names that tell what a module is (DESIGN.md §3); runners decide from them (src/runners/). */

export const EXTISM_MODULE = 'extism:host/env';
/** WASI preview 1 import modules, current and legacy spelling. */
export const WASI_P1_MODULES: readonly string[] = ['wasi_snapshot_preview1', 'wasi_unstable'];
