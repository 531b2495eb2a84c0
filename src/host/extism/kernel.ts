/**
 * The Extism kernel ABI (`extism:host/env`) in TypeScript, over our own kernel memory.
 * Signatures and sources: abi.ts. Ownership follows runtime/src/pdk.rs: config_get, var_get,
 * log_*, config_get, var_get and http_request free the blocks they are given; var_set, output_set
 * and error_set keep them (var_set as the JS SDK, the reference: plugins built against it may reuse
 * the key block after var_set; the blocks go at the next reset anyway).
 */
import { DEFAULT_MAX_HTTP_RESPONSE_BYTES, DEFAULT_MAX_VAR_BYTES, LOG_LEVEL_NUMBER, type LogLevel } from './abi';
import { ExtismError } from './errors';
import { requestAsync, requestSync, type HttpState } from './http';
import { KernelMemory } from './memory';
import type { ExtismHost, ExtismHostOptions } from './types';
import { setVar } from './vars';

type SuspendingCtor = new (fn: (...args: never[]) => Promise<unknown>) => object;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** i64 offsets arrive as signed bigints; read them unsigned so errors print what the guest meant. */
function u64(x: bigint): number {
  return Number(x >= 0n ? x : BigInt.asUintN(64, x));
}

/** Build the kernel for one plugin instance; `reset(input)` before each call. */
export function createExtismHost(options: ExtismHostOptions = {}): ExtismHost {
  const mem = new KernelMemory(options.maxKernelBytes);
  let config = options.config ?? {};
  const vars = options.vars ?? new Map<string, Uint8Array>();
  const maxVarBytes = options.maxVarBytes ?? DEFAULT_MAX_VAR_BYTES;
  const maxHttpBytes = options.maxHttpResponseBytes ?? DEFAULT_MAX_HTTP_RESPONSE_BYTES;
  let level = LOG_LEVEL_NUMBER[options.logLevel ?? 'info'];
  let logLine = options.log;
  const http: HttpState = { status: 0, headers: options.exposeHeaders ? {} : null };

  let input = 0;
  let inputLength = 0;
  let output: Uint8Array | null = null;
  let outputOffset = 0;
  let outputLength = 0;
  let errorOffset = 0;
  let error: string | null = null;

  const clearCall = () => {
    input = inputLength = outputOffset = outputLength = errorOffset = 0;
    output = null;
    error = null;
  };

  const reset = (bytes: Uint8Array) => {
    mem.reset();
    clearCall();
    http.status = 0;
    if (http.headers) http.headers = {};
    input = mem.store(bytes);
    inputLength = bytes.length;
  };

  const free = (offset: number) => {
    mem.free(offset);
    // The kernel forgets the input when its block is freed (kernel/src/lib.rs `free`).
    if (offset === input) inputLength = 0;
  };

  /** A block as a string; offset 0 reads as the empty string. */
  const readString = (op: string, offset: number): string => (offset === 0 ? '' : decoder.decode(mem.readBlock(op, offset)));

  /**
   * A lookup that takes over its key block: the answer is stored before the key is freed, as the
   * js-sdk does, so a plugin built with an older PDK that frees the key itself cannot free the answer.
   */
  const lookup = (op: string, key: bigint, find: (name: string) => Uint8Array | undefined): bigint => {
    const k = u64(key);
    const value = find(readString(op, k));
    const result = value === undefined ? 0n : BigInt(mem.store(value));
    free(k);
    return result;
  };

  const checkInput = (op: string, offset: number, size: number) => {
    if (!(offset + size <= inputLength)) {
      throw new ExtismError('abi', `${op}: offset ${offset} is past the end of the input (${inputLength} bytes)`);
    }
  };

  const log = (name: Exclude<LogLevel, 'off'>) => (offset: bigint) => {
    const o = u64(offset);
    if (LOG_LEVEL_NUMBER[name] < level) {
      free(o);
      return;
    }
    const text = readString(`log_${name}`, o);
    free(o);
    logLine?.(name, text);
  };

  const imports: Record<string, WebAssembly.ImportValue> = {
    alloc: (n: bigint) => BigInt(mem.alloc(u64(n))),
    free: (offset: bigint) => free(u64(offset)),
    length: (offset: bigint) => BigInt(mem.length(u64(offset))),
    length_unsafe: (offset: bigint) => BigInt(mem.length(u64(offset))),
    load_u8: (offset: bigint) => mem.loadU8('load_u8', u64(offset)),
    load_u64: (offset: bigint) => mem.loadU64('load_u64', u64(offset)),
    store_u8: (offset: bigint, value: number) => mem.storeU8('store_u8', u64(offset), value),
    store_u64: (offset: bigint, value: bigint) => mem.storeU64('store_u64', u64(offset), value),

    input_offset: () => BigInt(input),
    input_length: () => BigInt(inputLength),
    input_load_u8: (offset: bigint) => {
      const o = u64(offset);
      checkInput('input_load_u8', o, 1);
      return mem.loadU8('input_load_u8', input + o);
    },
    input_load_u64: (offset: bigint) => {
      const o = u64(offset);
      checkInput('input_load_u64', o, 8);
      return mem.loadU64('input_load_u64', input + o);
    },
    input_set: (offset: bigint, length: bigint) => {
      const o = u64(offset);
      const len = u64(length);
      mem.subarray('input_set', o, len);
      input = o;
      inputLength = len;
    },
    output_set: (offset: bigint, length: bigint) => {
      const o = u64(offset);
      const len = u64(length);
      // Copy now: the call's blocks are dropped at the next reset. Interior offsets are allowed, as in the kernel.
      output = o === 0 && len === 0 ? new Uint8Array(0) : mem.read('output_set', o, len);
      outputOffset = o;
      outputLength = len;
    },
    output_offset: () => BigInt(outputOffset),
    output_length: () => BigInt(outputLength),
    error_set: (offset: bigint) => {
      const o = u64(offset);
      // 0 clears the error (kernel/src/lib.rs error_set).
      error = o === 0 ? null : decoder.decode(mem.readBlock('error_set', o));
      errorOffset = o;
    },
    error_get: () => BigInt(errorOffset),
    memory_bytes: () => BigInt(mem.extent),
    reset: () => {
      mem.reset();
      clearCall();
    },

    config_get: (key: bigint) => lookup('config_get', key, (name) => (Object.hasOwn(config, name) ? encoder.encode(config[name]) : undefined)),
    var_get: (key: bigint) => lookup('var_get', key, (name) => vars.get(name)),
    var_set: (key: bigint, value: bigint) => {
      const k = u64(key);
      const v = u64(value);
      const name = readString('var_set', k);
      if (v === 0) vars.delete(name);
      else setVar(vars, name, mem.readBlock('var_set (value)', v), maxVarBytes);
    },

    http_request: (req: bigint, body: bigint) => {
      const [r, b] = [u64(req), u64(body)];
      const result = requestSync(mem, http, options.http, maxHttpBytes, r, b);
      free(r);
      free(b);
      return BigInt(result);
    },
    http_status_code: () => http.status,
    http_headers: () => (http.headers ? BigInt(mem.store(encoder.encode(JSON.stringify(http.headers)))) : 0n),

    log_trace: log('trace'),
    log_debug: log('debug'),
    log_info: log('info'),
    log_warn: log('warn'),
    log_error: log('error'),
    get_log_level: () => level,
  };

  const Suspending = (WebAssembly as unknown as { Suspending?: SuspendingCtor }).Suspending;
  const client = options.http;
  const suspending = Boolean(options.jspi && client?.requestAsync && typeof Suspending === 'function');
  if (suspending && Suspending && client) {
    const fn = async (req: bigint, body: bigint) => {
      const [r, b] = [u64(req), u64(body)];
      const result = await requestAsync(mem, http, client, maxHttpBytes, r, b);
      free(r);
      free(b);
      return BigInt(result);
    };
    imports.http_request = new Suspending(fn) as WebAssembly.ImportValue;
  }

  reset(options.input ?? new Uint8Array(0));

  return {
    imports,
    suspending,
    reset,
    takeOutput() {
      const out = output;
      output = null;
      return out;
    },
    takeError() {
      const err = error;
      error = null;
      return err;
    },
    update(changes) {
      if (changes.config) config = changes.config;
      if (changes.logLevel) level = LOG_LEVEL_NUMBER[changes.logLevel];
      if (changes.log) logLine = changes.log;
    },
    memoryUsed: () => mem.used,
  };
}
