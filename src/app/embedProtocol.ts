/**
 * Messages an embedding page exchanges with `?embed=1` (DESIGN.md §9), and a guard that
 * rebuilds them field by field: nothing from another origin is trusted or merged as is.
 */
import type { ArgInput, ModuleSource, RunRequest } from '../sandbox/api';
import { clampTimeoutMs } from '../util/timeout';
import type { ModuleKind } from '../wasm/types';

export type EmbedRequest =
  | { type: 'wasmPlayground:load'; id: string; source: ModuleSource }
  | { type: 'wasmPlayground:run'; id: string; request: RunRequest }
  | { type: 'wasmPlayground:stop'; id: string };

export type EmbedResponse =
  | { type: 'wasmPlayground:response'; id: string; ok: true; value: unknown }
  | { type: 'wasmPlayground:response'; id: string; ok: false; error: { code: string; message: string } }
  | { type: 'wasmPlayground:ready' };

const KINDS: readonly ModuleKind[] = ['core', 'wasi-command', 'wasi-reactor', 'extism', 'component'];

type Parsed = { ok: true; request: EmbedRequest } | { ok: false; id?: string; message: string };

/** Validate an incoming message; undefined when it is not addressed to us at all. */
export function parseEmbedRequest(data: unknown): Parsed | undefined {
  if (!isRecord(data) || typeof data.type !== 'string' || !data.type.startsWith('wasmPlayground:')) return undefined;
  const id = typeof data.id === 'string' || typeof data.id === 'number' ? String(data.id) : undefined;
  if (id === undefined) return { ok: false, message: 'Every request needs an "id" (string or number).' };
  switch (data.type) {
    case 'wasmPlayground:load': {
      const source = parseSource(data.source);
      return typeof source === 'string' ? { ok: false, id, message: source } : { ok: true, request: { type: data.type, id, source } };
    }
    case 'wasmPlayground:run': {
      const request = parseRunRequest(data.request);
      return typeof request === 'string' ? { ok: false, id, message: request } : { ok: true, request: { type: data.type, id, request } };
    }
    case 'wasmPlayground:stop':
      return { ok: true, request: { type: data.type, id } };
    default:
      return { ok: false, id, message: `Unknown request type "${data.type}".` };
  }
}

function parseSource(value: unknown): ModuleSource | string {
  if (typeof value === 'string') return { url: value };
  if (!isRecord(value)) return 'source must be a URL string or an object with url, bytes or id.';
  if (typeof value.url === 'string') return { url: value.url };
  if (typeof value.id === 'string') return { id: value.id };
  if (value.bytes instanceof ArrayBuffer || value.bytes instanceof Uint8Array) {
    return { bytes: value.bytes, ...(typeof value.name === 'string' ? { name: value.name } : {}) };
  }
  return 'source needs one of: url (string), bytes (ArrayBuffer or Uint8Array), id (string).';
}

function parseRunRequest(value: unknown): RunRequest | string {
  if (!isRecord(value)) return 'request must be an object.';
  const module = typeof value.module === 'string' ? value.module : parseSource(value.module);
  if (typeof value.module !== 'string' && typeof module === 'string') return `module: ${module}`;
  if (typeof value.func !== 'string') return 'request.func must be the name of an exported function.';
  const request: RunRequest = { module, func: value.func };
  if (value.args !== undefined) {
    if (!Array.isArray(value.args) || !value.args.every(isArg)) return 'request.args must be an array of numbers, bigints or strings.';
    request.args = value.args.slice();
  }
  if (value.imports !== undefined) {
    if (value.imports !== 'fail' && value.imports !== 'stub') return 'request.imports must be "fail" or "stub".';
    request.imports = value.imports;
  }
  if (value.runAs !== undefined) {
    const kind = KINDS.find((k) => k === value.runAs);
    if (!kind) return `request.runAs must be one of ${KINDS.join(', ')}.`;
    request.runAs = kind;
  }
  if (value.timeoutMs !== undefined) {
    // Over 2^31-1 ms setTimeout would fire at once: the same 1 ms..24 h range as everywhere.
    const timeout = clampTimeoutMs(value.timeoutMs);
    if (!timeout.ok) return `request.timeoutMs: ${timeout.message}`;
    request.timeoutMs = timeout.value;
  }
  if (value.repeat !== undefined) {
    if (typeof value.repeat !== 'number' || !(value.repeat >= 1)) return 'request.repeat must be a number ≥ 1.';
    request.repeat = value.repeat;
  }
  return request;
}

function isArg(v: unknown): v is ArgInput {
  return typeof v === 'number' || typeof v === 'bigint' || typeof v === 'string';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
