/**
 * The waPC host side of the protocol (wapc.io; as the wapc-rs and wapc-go hosts implement it).
 *
 * The host calls `__guest_call(op_len, msg_len)`; the guest fetches the operation name and the
 * payload with `__guest_request(op_ptr, msg_ptr)` into buffers it allocated, and answers with
 * `__guest_response(ptr, len)` or `__guest_error(ptr, len)`, returning 1 for success. Host calls
 * go the other way: `__host_call(bd, ns, op, payload)` returns 1 or 0, and the guest then copies
 * `__host_response_len()` bytes with `__host_response(ptr)` (or the error, `__host_error*`).
 * Neither side allocates in the other's memory.
 */
import type { HostCall } from '../../model/wapc';
import type { HostAnswer } from './responses';

/** Every function a waPC host provides under the `wapc` import module. */
export const WAPC_HOST_FUNCS = [
  '__guest_request',
  '__guest_response',
  '__guest_error',
  '__host_call',
  '__host_response',
  '__host_response_len',
  '__host_error',
  '__host_error_len',
  '__console_log',
] as const;

/** The guest broke the protocol (a pointer outside its memory, no memory): the call traps with this message. */
export class WapcProtocolError extends Error {
  override name = 'WapcProtocolError';
}

export interface WapcHostOptions {
  /** Answer a host call (the runner logs it and looks it up in the host responses). */
  hostCall(call: HostCall): HostAnswer;
  /** A `__console_log` line. */
  consoleLog(text: string): void;
}

/** What one operation came to: the guest's response bytes, or its error message. */
export type GuestResult = { ok: Uint8Array } | { error: string };

/** The host functions, as the guest imports them (i32 pointers and lengths). */
export interface WapcImports extends Record<(typeof WAPC_HOST_FUNCS)[number], (...args: number[]) => number | void> {
  __guest_request(opPtr: number, msgPtr: number): void;
  __guest_response(ptr: number, len: number): void;
  __guest_error(ptr: number, len: number): void;
  __host_call(bdPtr: number, bdLen: number, nsPtr: number, nsLen: number, opPtr: number, opLen: number, ptr: number, len: number): number;
  __host_response(ptr: number): void;
  __host_response_len(): number;
  __host_error(ptr: number): void;
  __host_error_len(): number;
  __console_log(ptr: number, len: number): void;
}

export interface WapcHost {
  /** The `wapc` import module. */
  imports: WapcImports;
  /** The guest's exported memory, once instantiated (before any call). */
  bind(memory: WebAssembly.Memory): void;
  /** Send one operation through `__guest_call`. What the guest throws (a trap) propagates. */
  invoke(guestCall: (opLen: number, msgLen: number) => unknown, operation: string, payload: Uint8Array): GuestResult;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** State of the current invocation; host calls may also come from init, outside one. */
interface Invocation {
  operation: Uint8Array;
  payload: Uint8Array;
  response: Uint8Array | null;
  error: string | null;
}

export function createWapcHost(options: WapcHostOptions): WapcHost {
  let memory: WebAssembly.Memory | null = null;
  let current: Invocation | null = null;
  let hostResponse: Uint8Array | null = null;
  let hostError: Uint8Array | null = null;

  const bytes = (fn: string): Uint8Array => {
    if (!memory) throw new WapcProtocolError(`${fn} was called before the guest's memory was bound: a waPC guest must export its memory as "memory".`);
    return new Uint8Array(memory.buffer);
  };
  const range = (fn: string, what: string, ptr: number, len: number): [Uint8Array, number, number] => {
    const mem = bytes(fn);
    const start = ptr >>> 0;
    const end = start + (len >>> 0);
    if (end > mem.length) {
      throw new WapcProtocolError(`${fn}: the ${what} at bytes ${start}…${end} lies outside the guest's memory (${mem.length} bytes). The guest passed a bad pointer or length.`);
    }
    return [mem, start, end];
  };
  const read = (fn: string, what: string, ptr: number, len: number): Uint8Array => {
    const [mem, start, end] = range(fn, what, ptr, len);
    return mem.slice(start, end);
  };
  const text = (fn: string, what: string, ptr: number, len: number): string => decoder.decode(read(fn, what, ptr, len));
  const write = (fn: string, what: string, ptr: number, data: Uint8Array): void => {
    const [mem, start] = range(fn, what, ptr, data.length);
    mem.set(data, start);
  };

  const imports: WapcImports = {
    __guest_request(opPtr, msgPtr) {
      if (!current) return; // init has no operation to fetch
      write('__guest_request', 'operation buffer', opPtr, current.operation);
      write('__guest_request', 'payload buffer', msgPtr, current.payload);
    },
    __guest_response(ptr, len) {
      const response = read('__guest_response', 'response', ptr, len);
      if (current) current.response = response;
    },
    __guest_error(ptr, len) {
      const error = text('__guest_error', 'error message', ptr, len);
      if (current) current.error = error;
    },
    __host_call(bdPtr, bdLen, nsPtr, nsLen, opPtr, opLen, ptr, len) {
      const call: HostCall = {
        binding: text('__host_call', 'binding', bdPtr, bdLen),
        namespace: text('__host_call', 'namespace', nsPtr, nsLen),
        operation: text('__host_call', 'operation', opPtr, opLen),
        payload: read('__host_call', 'payload', ptr, len),
      };
      // Each call starts clean: a stale answer must not be read as this one's.
      hostResponse = null;
      hostError = null;
      const answer = options.hostCall(call);
      if ('ok' in answer) {
        hostResponse = answer.ok;
        return 1;
      }
      hostError = encoder.encode(answer.error);
      return 0;
    },
    __host_response(ptr) {
      if (hostResponse) write('__host_response', 'host response buffer', ptr, hostResponse);
    },
    __host_response_len: () => hostResponse?.length ?? 0,
    __host_error(ptr) {
      if (hostError) write('__host_error', 'host error buffer', ptr, hostError);
    },
    __host_error_len: () => hostError?.length ?? 0,
    __console_log(ptr, len) {
      options.consoleLog(text('__console_log', 'message', ptr, len));
    },
  };

  return {
    imports,
    bind(m) {
      memory = m;
    },
    invoke(guestCall, operation, payload) {
      const invocation: Invocation = { operation: encoder.encode(operation), payload, response: null, error: null };
      current = invocation;
      hostResponse = null;
      hostError = null;
      let rc: unknown;
      try {
        rc = guestCall(invocation.operation.length, payload.length);
      } finally {
        current = null;
      }
      // As wapc-rs reads it: 1 is success with the response; anything else is failure with the error.
      if (rc === 1) {
        if (invocation.response) return { ok: invocation.response };
        if (invocation.error !== null) return { error: invocation.error };
        return { error: `__guest_call returned 1 (success) for "${operation}" but the guest never called __guest_response.` };
      }
      if (invocation.error !== null) return { error: invocation.error };
      return { error: `__guest_call returned ${String(rc)} (failure) for "${operation}" without calling __guest_error to say why.` };
    },
  };
}
