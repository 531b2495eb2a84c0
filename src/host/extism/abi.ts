/**
 * The `extism:host/env` kernel ABI: import names, signatures and log level numbers.
 *
 * Sources (read 2026, newest snapshots):
 * - PDK side, the imports plugins declare: extism/rust-pdk 1.4.1 `src/extism.rs` (17429445),
 *   extism/c-pdk `extism-pdk.h` (54dbb409), extism/go-pdk `env.go`, `internal/memory/extism.go`, `internal/http/extism_http.go` (12d6f9af);
 *   cross-checked against the assemblyscript, zig, haskell, dotnet and moonbit PDKs, which import
 *   nothing outside this table.
 * - Host side: extism/extism `kernel/src/lib.rs` (the kernel's exports, 7230657f) and
 *   `runtime/src/pdk.rs` + `runtime/src/plugin.rs` `add_funcs!` (config, vars, http, logs);
 *   extism/js-sdk v2.0.0-rc13 `src/call-context.ts`, `src/http-context.ts`, `src/interfaces.ts`.
 * u8 travels as i32, u64 and every offset as i64 (a JS bigint).
 */
import type { FuncType } from '../../wasm/types';

/** Module name of the kernel imports. */
export const EXTISM_ENV = 'extism:host/env';
/** Module name of user host functions (not provided by the kernel). */
export const EXTISM_USER = 'extism:host/user';

const f = (params: FuncType['params'], results: FuncType['results'] = []): FuncType => ({ params, results });

/** Every function a plugin may import from `extism:host/env`, with its signature. */
export const KERNEL_FUNCS: Readonly<Record<string, FuncType>> = {
  // memory (kernel/src/lib.rs; every PDK)
  alloc: f(['i64'], ['i64']),
  free: f(['i64']),
  length: f(['i64'], ['i64']),
  length_unsafe: f(['i64'], ['i64']),
  load_u8: f(['i64'], ['i32']),
  load_u64: f(['i64'], ['i64']),
  store_u8: f(['i64', 'i32']),
  store_u64: f(['i64', 'i64']),
  // input / output / error (kernel/src/lib.rs; input_offset is imported by the C PDK only)
  input_offset: f([], ['i64']),
  input_length: f([], ['i64']),
  input_load_u8: f(['i64'], ['i32']),
  input_load_u64: f(['i64'], ['i64']),
  output_set: f(['i64', 'i64']),
  error_set: f(['i64']),
  // host functions (runtime/src/plugin.rs add_funcs!)
  config_get: f(['i64'], ['i64']),
  var_get: f(['i64'], ['i64']),
  var_set: f(['i64', 'i64']),
  http_request: f(['i64', 'i64'], ['i64']),
  http_status_code: f([], ['i32']),
  http_headers: f([], ['i64']),
  log_trace: f(['i64']),
  log_debug: f(['i64']),
  log_info: f(['i64']),
  log_warn: f(['i64']),
  log_error: f(['i64']),
  get_log_level: f([], ['i32']),
  // Kernel exports no current PDK imports, offered because the native runtime links the whole
  // kernel module under this name (kernel/src/lib.rs); the JS SDK offers error_get only.
  error_get: f([], ['i64']),
  input_set: f(['i64', 'i64']),
  output_offset: f([], ['i64']),
  output_length: f([], ['i64']),
  memory_bytes: f([], ['i64']),
  reset: f([]),
};

/** Log levels, lowest first. 'off' is the JS SDK's 'silent'. */
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'off';

/**
 * What get_log_level answers: trace 0 … error 4, off i32::MAX
 * (runtime/src/pdk.rs log_level_to_int; js-sdk interfaces.ts logLevelToPriority).
 */
export const LOG_LEVEL_NUMBER: Readonly<Record<LogLevel, number>> = {
  trace: 0,
  debug: 1,
  info: 2,
  warn: 3,
  error: 4,
  off: 0x7fff_ffff,
};

/** Defaults, from extism/extism manifest/src/lib.rs and runtime/src/pdk.rs. */
export const DEFAULT_MAX_VAR_BYTES = 1024 * 1024;
export const DEFAULT_MAX_HTTP_RESPONSE_BYTES = 50 * 1024 * 1024;
