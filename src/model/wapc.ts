/** waPC host responses: how the user answers a guest's `__host_call` (plain data, it crosses the worker boundary). */

/** Which host calls a row answers: each field matches exactly, or anything when it is "*". */
export interface HostCallKey {
  binding: string;
  namespace: string;
  operation: string;
}

/** A row of the host responses table: the bytes to answer with, or an error the guest receives. */
export type HostResponse = (HostCallKey & { response: Uint8Array }) | (HostCallKey & { error: string });

/** A host call as the guest made it. */
export interface HostCall extends HostCallKey {
  payload: Uint8Array;
}
