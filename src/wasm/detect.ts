/** Module kind from imports and exports (DESIGN.md §3). A default: the user can pick another. */
import type { ExportEntry, ImportEntry, ModuleKind } from './types';

export const EXTISM_MODULE = 'extism:host/env';
/** WASI preview 1 import modules, current and legacy spelling. */
export const WASI_P1_MODULES: readonly string[] = ['wasi_snapshot_preview1', 'wasi_unstable'];

/** Labels for the UI, one per kind. */
export const KIND_LABELS: Record<ModuleKind, string> = {
  core: 'Core module',
  'wasi-command': 'WASI p1 command',
  'wasi-reactor': 'WASI p1 reactor',
  extism: 'Extism plugin',
  component: 'Component',
};

/** Kind of a core module. Components are recognised by their header, not here. */
export function detectKind(imports: readonly ImportEntry[], exports: readonly ExportEntry[]): Exclude<ModuleKind, 'component'> {
  // Extism first: its plugins often import WASI too, but must be run through the Extism ABI.
  if (imports.some((i) => i.module === EXTISM_MODULE)) return 'extism';
  if (imports.some((i) => WASI_P1_MODULES.includes(i.module))) {
    return exports.some((e) => e.name === '_start' && e.desc.kind === 'func') ? 'wasi-command' : 'wasi-reactor';
  }
  return 'core';
}
