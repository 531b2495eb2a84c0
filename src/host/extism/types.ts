/** Types of the Extism host: options in, the import object and call results out. */
import type { LogLevel } from './abi';

export type { LogLevel } from './abi';

/** What a plugin asks `http_request` for (extism-manifest `HttpRequest`: url, headers, method). */
export interface HttpRequest {
  url: string;
  /** Upper case; GET when the plugin gave none. */
  method: string;
  headers: Record<string, string>;
}

/**
 * The answer of an HTTP client. A failure with `blocked` (or `reason: 'blocked'`, as
 * `src/host/net.ts` answers) is a host outside the allowlist.
 */
export type HttpResponse =
  | { ok: true; status: number; headers: Record<string, string>; body: Uint8Array }
  | { ok: false; blocked?: boolean; reason?: string; message: string };

/** Limits the client may apply while reading, so it can stop early. */
export interface HttpLimits {
  maxResponseBytes: number;
}

/** Performs a plugin's HTTP requests; it checks the allowlist itself. */
export interface HttpClient {
  /** Synchronous (synchronous XHR inside the worker). */
  request(req: HttpRequest, body: Uint8Array | null, limits: HttpLimits): HttpResponse;
  /** Asynchronous (fetch), used through JSPI when `jspi` is on and the engine has `WebAssembly.Suspending`. */
  requestAsync?(req: HttpRequest, body: Uint8Array | null, limits: HttpLimits): Promise<HttpResponse>;
}

export interface ExtismHostOptions {
  /** Input of the first call (`reset` replaces it for later calls). */
  input?: Uint8Array;
  /** Read-only config the plugin reads with config_get. */
  config?: Record<string, string>;
  /** Vars, owned by the caller: they persist across calls for as long as the caller keeps the Map. */
  vars?: Map<string, Uint8Array>;
  /** Cap on the UTF-8 bytes of all var keys plus values; 0 disables vars. Default 1 MiB (extism-manifest). */
  maxVarBytes?: number;
  /** Cap on the bytes of live kernel blocks. Default 256 MiB. */
  maxKernelBytes?: number;
  /** Level get_log_level answers; lower levels are dropped. Default 'info'. */
  logLevel?: LogLevel;
  /** Receives each log line at or above `logLevel`. */
  log?(level: Exclude<LogLevel, 'off'>, text: string): void;
  /** HTTP client; without one, every http_request fails as blocked. */
  http?: HttpClient;
  /** Use `http.requestAsync` through `WebAssembly.Suspending` when the engine has it. */
  jspi?: boolean;
  /** Let http_headers return the last response's headers (js-sdk `allowHttpResponseHeaders`). Default false. */
  exposeHeaders?: boolean;
  /** Cap on an HTTP response body. Default 50 MiB (runtime/src/pdk.rs). */
  maxHttpResponseBytes?: number;
}

/** The kernel for one plugin instance. */
export interface ExtismHost {
  /** Functions for the import module `extism:host/env`. */
  imports: Record<string, WebAssembly.ImportValue>;
  /** True when http_request suspends (JSPI): call exports through `WebAssembly.promising`. */
  suspending: boolean;
  /** The output the plugin set during the call, then forgets it; null if it set none. */
  takeOutput(): Uint8Array | null;
  /** The error message the plugin set with error_set, then forgets it; null if none. */
  takeError(): string | null;
  /** Start a new call: drop every kernel block, store `input`, clear output, error and HTTP status. */
  reset(input: Uint8Array): void;
  /** Change config or logging for later calls without a new instance (vars live in the caller's Map). */
  update(changes: Pick<ExtismHostOptions, 'config' | 'logLevel' | 'log'>): void;
  /** Bytes of live kernel blocks (for diagnostics and tests). */
  memoryUsed(): number;
}
