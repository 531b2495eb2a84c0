/** The waPC host on its own: the protocol's copies both ways, host responses, and a guest that breaks the rules. */
import { describe, expect, it } from 'vitest';
import type { HostCall, HostResponse } from '../../model/wapc';
import { createWapcHost, WapcProtocolError, type WapcHost } from './host';
import { answerHostCall, findHostResponse } from './responses';

const enc = new TextEncoder();
const dec = new TextDecoder();

/** A host over a fresh 1-page memory, with a scratch writer for "guest" strings. */
function setup(answer: (call: HostCall) => ReturnType<typeof answerHostCall> = () => ({ ok: enc.encode('ANSWER') })) {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const logs: string[] = [];
  const calls: HostCall[] = [];
  const host = createWapcHost({
    hostCall: (call) => (calls.push(call), answer(call)),
    consoleLog: (text) => logs.push(text),
  });
  host.bind(memory);
  const bytes = () => new Uint8Array(memory.buffer);
  const put = (ptr: number, text: string | Uint8Array) => {
    const data = typeof text === 'string' ? enc.encode(text) : text;
    bytes().set(data, ptr);
    return data.length;
  };
  const get = (ptr: number, len: number) => bytes().slice(ptr, ptr + len);
  return { host, memory, logs, calls, put, get };
}

/** A guest call that fetches the request to 1000/2000 and then does `then`. */
function guestCall(t: ReturnType<typeof setup>, then: (op: string, msg: Uint8Array) => number) {
  return (opLen: number, msgLen: number) => {
    t.host.imports.__guest_request(1000, 2000);
    return then(dec.decode(t.get(1000, opLen)), t.get(2000, msgLen));
  };
}

describe('the waPC host', () => {
  it('hands the guest its operation and payload, and returns its response', () => {
    const t = setup();
    const seen: [string, string][] = [];
    const result = t.host.invoke(
      guestCall(t, (op, msg) => {
        seen.push([op, dec.decode(msg)]);
        const n = t.put(3000, `${op}:${dec.decode(msg)}`);
        t.host.imports.__guest_response(3000, n);
        return 1;
      }),
      'echo',
      enc.encode('héllo'),
    );
    expect(seen).toEqual([['echo', 'héllo']]);
    expect('ok' in result && dec.decode(result.ok)).toBe('echo:héllo');
  });

  it('returns the guest error, whatever __guest_call returns besides 1', () => {
    const t = setup();
    const fail = (rc: number) =>
      t.host.invoke(
        guestCall(t, () => {
          t.host.imports.__guest_error(3000, t.put(3000, 'Planned failure'));
          return rc;
        }),
        'fail',
        new Uint8Array(0),
      );
    expect(fail(0)).toEqual({ error: 'Planned failure' });
    expect(fail(7)).toEqual({ error: 'Planned failure' });
  });

  it('says what is missing when the guest reports nothing', () => {
    const t = setup();
    expect(t.host.invoke(() => 1, 'quiet', new Uint8Array(0))).toEqual({ error: '__guest_call returned 1 (success) for "quiet" but the guest never called __guest_response.' });
    expect(t.host.invoke(() => 0, 'quiet', new Uint8Array(0))).toEqual({ error: '__guest_call returned 0 (failure) for "quiet" without calling __guest_error to say why.' });
  });

  it('an empty response is a response', () => {
    const t = setup();
    const r = t.host.invoke(() => (t.host.imports.__guest_response(0, 0), 1), 'empty', new Uint8Array(0));
    expect(r).toEqual({ ok: new Uint8Array(0) });
  });

  it('makes host calls with all four parts and copies the answer in', () => {
    const t = setup(() => ({ ok: enc.encode('WORLD') }));
    const bd = t.put(100, 'default');
    const ns = t.put(200, 'example');
    const op = t.put(300, 'capitalize');
    const msg = t.put(400, 'world');
    expect(t.host.imports.__host_call(100, bd, 200, ns, 300, op, 400, msg)).toBe(1);
    expect(t.calls).toEqual([{ binding: 'default', namespace: 'example', operation: 'capitalize', payload: enc.encode('world') }]);
    expect(t.host.imports.__host_response_len()).toBe(5);
    expect(t.host.imports.__host_error_len()).toBe(0);
    t.host.imports.__host_response(500);
    expect(dec.decode(t.get(500, 5))).toBe('WORLD');
  });

  it('a failed host call returns 0 and leaves the error to read, and clears the previous response', () => {
    let next: ReturnType<typeof answerHostCall> = { ok: enc.encode('first') };
    const t = setup(() => next);
    expect(t.host.imports.__host_call(0, 0, 0, 0, 0, 0, 0, 0)).toBe(1);
    next = { error: 'nope ✗' };
    expect(t.host.imports.__host_call(0, 0, 0, 0, 0, 0, 0, 0)).toBe(0);
    expect(t.host.imports.__host_response_len()).toBe(0);
    const n = t.host.imports.__host_error_len();
    expect(n).toBe(enc.encode('nope ✗').length);
    t.host.imports.__host_error(600);
    expect(dec.decode(t.get(600, n))).toBe('nope ✗');
  });

  it('sends __console_log lines', () => {
    const t = setup();
    t.host.imports.__console_log(10, t.put(10, 'logged ✓'));
    expect(t.logs).toEqual(['logged ✓']);
  });

  it('refuses pointers outside the guest memory, naming the function and the range', () => {
    const t = setup();
    const size = t.memory.buffer.byteLength;
    expect(() => t.host.imports.__guest_response(size - 2, 4)).toThrow(new WapcProtocolError(`__guest_response: the response at bytes ${size - 2}…${size + 2} lies outside the guest's memory (${size} bytes). The guest passed a bad pointer or length.`));
    // Pointers are unsigned: -256 is 0xffffff00, not a negative offset.
    expect(() => t.host.imports.__console_log(-256, 1)).toThrow(/__console_log: the message at bytes 4294967040…4294967041 lies outside/);
    expect(() => t.host.imports.__host_call(0, 0, 0, 0, 0, 0, size, 1)).toThrow(/__host_call: the payload/);
    // Writes too: a request buffer that does not fit.
    const r = () => t.host.invoke((o, m) => (t.host.imports.__guest_request(size - 1, 0), o + m), 'echo', new Uint8Array(0));
    expect(r).toThrow(/__guest_request: the operation buffer at bytes/);
    t.host.imports.__host_call(0, 0, 0, 0, 0, 0, 0, 0);
    expect(() => t.host.imports.__host_response(size - 1)).toThrow(/__host_response: the host response buffer/);
  });

  it('a guest with no bound memory gets a clear error, not a TypeError', () => {
    const host: WapcHost = createWapcHost({ hostCall: () => ({ ok: new Uint8Array(0) }), consoleLog: () => {} });
    expect(() => host.imports.__console_log(0, 1)).toThrow(/must export its memory as "memory"/);
  });

  it('ignores guest answers outside an invocation (init), but lets init make host calls', () => {
    const t = setup();
    t.host.imports.__guest_request(0, 0); // nothing to fetch: no write, no throw
    t.host.imports.__guest_response(0, 4);
    expect(t.host.imports.__host_call(0, 0, 0, 0, 0, 0, 0, 0)).toBe(1);
  });
});

describe('host responses', () => {
  const key = (binding: string, namespace: string, operation: string) => ({ binding, namespace, operation });
  const table: HostResponse[] = [
    { ...key('default', 'example', 'capitalize'), response: enc.encode('WORLD') },
    { ...key('default', 'example', 'deny'), error: 'denied' },
    { ...key('*', 'kv', '*'), response: enc.encode('any kv') },
  ];
  const call = (b: string, n: string, o: string): HostCall => ({ ...key(b, n, o), payload: new Uint8Array(0) });

  it('answers the first matching row, "*" matching anything', () => {
    expect(answerHostCall(table, call('default', 'example', 'capitalize'))).toEqual({ ok: enc.encode('WORLD') });
    expect(answerHostCall(table, call('default', 'example', 'deny'))).toEqual({ error: 'denied' });
    expect(answerHostCall(table, call('other', 'kv', 'get'))).toEqual({ ok: enc.encode('any kv') });
    expect(findHostResponse(table, key('default', 'example', 'capitalize'))).toBe(table[0]);
  });

  it('matches exactly otherwise: case and empty fields count', () => {
    expect(findHostResponse(table, key('Default', 'example', 'capitalize'))).toBeUndefined();
    expect(findHostResponse(table, key('', 'example', 'capitalize'))).toBeUndefined();
  });

  it('an unanswered call is an error that names all three parts and the way out', () => {
    expect(answerHostCall(table, call('', 'example', 'upper'))).toEqual({
      error: 'No host response for binding "", namespace "example", operation "upper": add a row for it under "Host responses" (or hostResponses in the API).',
      unanswered: true,
    });
  });
});
