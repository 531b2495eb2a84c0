/** Answers a guest's host calls from the user's table of host responses. */
import type { HostCall, HostCallKey, HostResponse } from '../../model/wapc';

/** What `__host_call` gives back: response bytes (the call returns 1) or an error message (it returns 0). */
export type HostAnswer = { ok: Uint8Array } | { error: string; unanswered?: true };

const matches = (pattern: string, value: string): boolean => pattern === '*' || pattern === value;

/** The first row whose binding, namespace and operation match the call ("*" matches anything). */
export function findHostResponse(table: readonly HostResponse[], call: HostCallKey): HostResponse | undefined {
  return table.find((row) => matches(row.binding, call.binding) && matches(row.namespace, call.namespace) && matches(row.operation, call.operation));
}

/** `binding "b", namespace "ns", operation "op"`: how messages name a call. */
export function describeCall(call: HostCallKey): string {
  return `binding ${JSON.stringify(call.binding)}, namespace ${JSON.stringify(call.namespace)}, operation ${JSON.stringify(call.operation)}`;
}

/** The answer to a call; one nobody answers is an error the guest sees, never a wait. */
export function answerHostCall(table: readonly HostResponse[], call: HostCall): HostAnswer {
  const row = findHostResponse(table, call);
  if (!row) {
    return { error: `No host response for ${describeCall(call)}: add a row for it under "Host responses" (or hostResponses in the API).`, unanswered: true };
  }
  return 'error' in row ? { error: row.error } : { ok: row.response };
}
