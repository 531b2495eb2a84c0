/** A RunRequest with every default applied, in one step (STYLE.md §12): runners read only this. */
import type { LoadedModule } from '../model/module';
import type { ArgInput, WitValue } from '../model/values';
import type { RunSpec } from '../runners/types';
import type { IncomingRequestSpec } from '../runners/component/message';
import { clampTimeoutMs } from '../util/timeout';
import type { HostResponse } from '../model/wapc';
import type { HostResponseRow, RunRequest } from './api';

export const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_SEED = 'wasm-playground';
const DEFAULT_EPOCH_MS = Date.UTC(2024, 0, 1);
const encoder = new TextEncoder();

/** Text as UTF-8, bytes as they are. */
export function toBytes(input: string | ArrayBuffer | Uint8Array | undefined): Uint8Array {
  if (input === undefined) return new Uint8Array(0);
  if (typeof input === 'string') return encoder.encode(input);
  return input instanceof Uint8Array ? input : new Uint8Array(input);
}

function incomingRequest(r: NonNullable<RunRequest['request']>): IncomingRequestSpec {
  const headers = Array.isArray(r.headers) ? r.headers.map(([k, v]): [string, string] => [k, v]) : Object.entries(r.headers ?? {});
  return { method: r.method ?? 'GET', url: r.url ?? '/', headers, body: toBytes(r.body) };
}

function hostResponse(row: HostResponseRow): HostResponse {
  const key = { binding: row.binding, namespace: row.namespace, operation: row.operation };
  return 'error' in row ? { ...key, error: row.error } : { ...key, response: toBytes(row.response) };
}

function isArgInput(v: WitValue): v is ArgInput {
  return typeof v === 'number' || typeof v === 'bigint' || typeof v === 'string';
}

/** The request with defaults: the request's own values, then the module's manifest, then ours. */
export function toRunSpec(request: RunRequest, runId: number, module: LoadedModule): RunSpec {
  const det = request.deterministic;
  // Checked by the engine first (a bad request is refused); a manifest's is brought into range.
  const timeout = clampTimeoutMs(request.timeoutMs ?? module.manifest?.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  return {
    runId,
    func: request.func,
    args: (request.args ?? []).filter(isArgInput),
    witArgs: request.args ?? null,
    ...(request.argsJson ? { argsJson: request.argsJson } : {}),
    imports: request.imports ?? 'fail',
    timeoutMs: timeout.value ?? DEFAULT_TIMEOUT_MS,
    repeat: Math.max(1, Math.floor(request.repeat ?? 1)),
    input: toBytes(request.input),
    hosts: request.allowedHosts ?? [],
    ...(request.outputMime ? { outputMime: request.outputMime } : {}),
    config: { ...request.config },
    logLevel: request.logLevel ?? 'info',
    freshInstance: request.freshInstance ?? false,
    httpMode: request.httpMode ?? 'auto',
    exposeHeaders: request.exposeHeaders ?? false,
    ...(request.maxVarBytes !== undefined ? { maxVarBytes: request.maxVarBytes } : {}),
    ...(request.maxKernelBytes !== undefined ? { maxKernelBytes: request.maxKernelBytes } : {}),
    ...(request.maxPages !== undefined ? { maxPages: request.maxPages } : {}),
    ...(request.maxHttpResponseBytes !== undefined ? { maxHttpResponseBytes: request.maxHttpResponseBytes } : {}),
    argv: request.argv ?? [],
    env: Array.isArray(request.env) ? request.env.slice() : Object.entries(request.env ?? {}),
    // A .zip was unpacked into entries by the engine before this (Engine.run).
    ...(request.files && 'entries' in request.files ? { files: request.files } : {}),
    mounts: request.mounts ?? [],
    ...(det ? { deterministic: { seed: (typeof det === 'object' && det.seed) || DEFAULT_SEED, epochMs: (typeof det === 'object' && det.epochMs) || DEFAULT_EPOCH_MS } } : {}),
    watchUnmounted: request.watchUnmounted ?? true,
    resetInstance: request.resetInstance ?? false,
    ...(request.request ? { request: incomingRequest(request.request) } : {}),
    hostResponses: (request.hostResponses ?? []).map(hostResponse),
  };
}
