/** Turns an API RunRequest into the pieces of a worker run message. */
import type { SnapshotEntry } from '../host/fs/types';
import type { ExportEntry, FuncType } from '../wasm/types';
import { parseValue } from '../wasm/values';
import type { ArgInput, ManifestInfo, RunRequest } from './api';
import type { ExtismRunOptions, MountSpec, RunError, WasiRunOptions, WasmValue } from './protocol';

const encoder = new TextEncoder();

/** Text as UTF-8, bytes as they are. */
export function toBytes(input: string | ArrayBuffer | Uint8Array | undefined): Uint8Array {
  if (input === undefined) return new Uint8Array(0);
  if (typeof input === 'string') return encoder.encode(input);
  return input instanceof Uint8Array ? input : new Uint8Array(input);
}

/** Parse form/API arguments against a signature. */
export function convertArgs(type: FuncType, inputs: ArgInput[]): { ok: true; values: WasmValue[] } | { ok: false; message: string } {
  if (inputs.length !== type.params.length) {
    return { ok: false, message: `Expected ${type.params.length} argument${type.params.length === 1 ? '' : 's'} (${type.params.join(', ') || 'none'}), got ${inputs.length}.` };
  }
  const values: WasmValue[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const param = type.params[i]!;
    const parsed = parseValue(param, inputs[i]!);
    if (!parsed.ok) return { ok: false, message: `Argument ${i + 1} (${param}): ${parsed.message}` };
    values.push(parsed.value);
  }
  return { ok: true, values };
}

/** The error for a function the module does not export, listing what it does. */
export function noSuchFunction(func: string, exports: ExportEntry[]): RunError {
  const funcs = exports.filter((e) => e.desc.kind === 'func').map((e) => e.name);
  const list = funcs.length ? `Exported functions: ${funcs.slice(0, 20).join(', ')}${funcs.length > 20 ? ', …' : ''}.` : 'The module exports no functions.';
  return { code: 'no-export', func, message: `The module has no exported function "${func}". ${list}` };
}

/** Extism options: request first, then the manifest, then defaults. */
export function extismOptions(request: RunRequest, vars: [string, Uint8Array][], manifest: ManifestInfo | undefined): ExtismRunOptions {
  const maxVarBytes = request.maxVarBytes ?? manifest?.maxVarBytes;
  const maxHttpResponseBytes = request.maxHttpResponseBytes ?? manifest?.maxHttpResponseBytes;
  // max_pages also caps kernel blocks; the worker derives that cap (src/worker/extism.ts kernelCap).
  const maxPages = request.maxPages ?? manifest?.maxPages;
  return {
    config: { ...request.config },
    vars: vars.map(([k, v]) => [k, v.slice().buffer]),
    logLevel: request.logLevel ?? 'info',
    httpMode: request.httpMode ?? 'auto',
    exposeHeaders: request.exposeHeaders ?? false,
    ...(maxVarBytes !== undefined ? { maxVarBytes } : {}),
    ...(request.maxKernelBytes !== undefined ? { maxKernelBytes: request.maxKernelBytes } : {}),
    ...(maxPages !== undefined ? { maxPages } : {}),
    ...(maxHttpResponseBytes !== undefined ? { maxHttpResponseBytes } : {}),
  };
}

/** WASI options: argv[0] is the module's name; `files` become a fresh, unpersisted volume. */
export function wasiOptions(request: RunRequest, programName: string, stored: MountSpec[]): WasiRunOptions {
  const env = Array.isArray(request.env) ? request.env.slice() : Object.entries(request.env ?? {});
  const fresh: MountSpec[] = request.files
    ? [{ guestPath: request.files.guestPath, readOnly: false, volume: '', dir: '', entries: freshEntries(request.files.entries) }]
    : [];
  const det = request.deterministic;
  return {
    argv: [programName, ...(request.argv ?? [])],
    env,
    mounts: [...fresh, ...stored],
    watchUnmounted: request.watchUnmounted ?? true,
    ...(det ? { deterministic: { seed: (typeof det === 'object' && det.seed) || 'wasm-playground', epochMs: (typeof det === 'object' && det.epochMs) || Date.UTC(2024, 0, 1) } } : {}),
  };
}

function freshEntries(entries: NonNullable<RunRequest['files']>['entries']): SnapshotEntry[] {
  const now = Date.now();
  return entries.map((e) => {
    const path = e.path.replace(/^\/+/, '').replace(/\/+$/, '');
    if (e.kind === 'dir') return { path, kind: 'dir', mtime: now };
    if (e.kind === 'symlink') return { path, kind: 'symlink', target: e.target ?? '', mtime: now };
    return { path, kind: 'file', data: toBytes(e.data).slice(), mtime: now };
  });
}
