/** WASI settings for a run (WASI programs and plugins that import WASI), from a RunSpec (page side). */
import type { SnapshotEntry } from '../../model/files';
import type { MountSpec, WasiSettings } from '../../model/run';
import type { RunSpec } from '../types';

const encoder = new TextEncoder();

/** argv[0] is the program's name; `files` become a fresh, unpersisted volume before the stored mounts. */
export function wasiSettings(spec: RunSpec, programName: string, stored: MountSpec[]): WasiSettings {
  const fresh: MountSpec[] = spec.files ? [{ guestPath: spec.files.guestPath, readOnly: false, volume: '', dir: '', entries: freshEntries(spec.files.entries) }] : [];
  return {
    argv: [programName, ...spec.argv],
    env: spec.env,
    mounts: [...fresh, ...stored],
    watchUnmounted: spec.watchUnmounted,
    ...(spec.deterministic ? { deterministic: spec.deterministic } : {}),
  };
}

function freshEntries(entries: NonNullable<RunSpec['files']>['entries']): SnapshotEntry[] {
  const now = Date.now();
  return entries.map((e) => {
    const path = e.path.replace(/^\/+/, '').replace(/\/+$/, '');
    if (e.kind === 'dir') return { path, kind: 'dir', mtime: now };
    if (e.kind === 'symlink') return { path, kind: 'symlink', target: e.target ?? '', mtime: now };
    const data = e.data === undefined ? new Uint8Array(0) : typeof e.data === 'string' ? encoder.encode(e.data) : new Uint8Array(e.data).slice();
    return { path, kind: 'file', data, mtime: now };
  });
}

/** True when the module imports WASI p1 (plugins then get files, clocks and random through it). */
export function importsWasi(imports: readonly { module: string }[], wasiModules: readonly string[]): boolean {
  return imports.some((i) => wasiModules.includes(i.module));
}
