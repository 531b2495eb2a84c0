/**
 * The one place runners are registered (STYLE.md §13). Adding a kind: a folder under
 * src/runners/, a line here, its message in messages.ts and a case in the sandbox worker.
 */
import type { ExportEntry, ImportEntry, ModuleAnalysis, ModuleKind } from '../wasm/types';
import { componentRunner } from './component';
import { coreRunner } from './core';
import { extismRunner } from './extism';
import type { Runner, RunnerUses } from './types';
import { wapcRunner } from './wapc';
import { wasiCommandRunner, wasiReactorRunner } from './wasi-p1';

/** Every runner, in detection order: the first whose `detect` says yes claims a core module. */
const RUNNERS: { [K in ModuleKind]: Runner<K> } = {
  extism: extismRunner,
  // Before WASI: TinyGo waPC guests import WASI and export _start.
  wapc: wapcRunner,
  'wasi-command': wasiCommandRunner,
  'wasi-reactor': wasiReactorRunner,
  component: componentRunner,
  core: coreRunner,
};

const ORDER = Object.values(RUNNERS) as Runner[];

/** The runner for a kind. */
export function runnerFor(kind: ModuleKind): Runner {
  return RUNNERS[kind] as Runner;
}

/** Runners offered in "Run as" for a core module. */
export function runAsChoices(): Runner[] {
  return ORDER.filter((r) => r.runAs);
}

/** The kind of a core module, from its imports and exports. A default: the user can pick another. */
export function detectKind(imports: readonly ImportEntry[], exports: readonly ExportEntry[]): Exclude<ModuleKind, 'component'> {
  const found = ORDER.find((r) => r.kind !== 'component' && r.detect(imports, exports));
  return (found?.kind ?? 'core') as Exclude<ModuleKind, 'component'>;
}

/** "Extism plugin", "Core module", … */
export function kindLabel(kind: ModuleKind): string {
  return RUNNERS[kind].label;
}

/** What a runner uses for this module and function (panels shown, request fields sent). */
export function usesOf(runner: Runner, analysis: ModuleAnalysis | undefined, func: string | null): RunnerUses {
  return analysis && runner.usesFor ? runner.usesFor(analysis, func) : runner.uses;
}
