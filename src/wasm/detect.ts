/** Import module names that tell what a module is (DESIGN.md §3); runners decide from them (src/runners/). */

export const EXTISM_MODULE = 'extism:host/env';
/** waPC's host functions (wapc.io protocol): a guest imports from it and exports `__guest_call`. */
export const WAPC_MODULE = 'wapc';
/** WASI preview 1 import modules, current and legacy spelling. */
export const WASI_P1_MODULES: readonly string[] = ['wasi_snapshot_preview1', 'wasi_unstable'];
