/** runRequestOf for a waPC guest: the Operation becomes func, the table becomes hostResponses, input may become MessagePack. */
import { decode } from '@msgpack/msgpack';
import { describe, expect, it } from 'vitest';
import { runnerFor } from '../runners/registry';
import type { Setup } from './setup';
import { runRequestOf } from './setup';
import { emptyHostResponse, type HostResponseDraft } from './wapcStore';

const runner = runnerFor('wapc');
const callable = { name: '__guest_call', signature: '', params: null };

function setup(wapc: Partial<NonNullable<Setup['wapc']>>, text = ''): Setup {
  return {
    moduleId: 'm',
    runAs: null,
    func: '__guest_call',
    args: [],
    stubImports: false,
    input: { text, file: null, mime: 'text/plain' },
    outputMime: null,
    config: {},
    logLevel: 'info',
    freshInstance: false,
    resetInstance: false,
    argErrors: [],
    httpRequest: { method: 'GET', target: '/', headers: [], bodyText: '', bodyFile: null } as unknown as Setup['httpRequest'],
    argv: { ok: true, argv: [] },
    env: [],
    deterministic: false,
    timeoutMs: 1000,
    hosts: [],
    mounts: [],
    wapc: { operation: 'echo', msgpackInput: false, hostResponses: [], ...wapc },
  };
}
const row = (patch: Partial<HostResponseDraft>): HostResponseDraft => ({ ...emptyHostResponse(), binding: 'default', namespace: 'example', operation: 'capitalize', ...patch });

describe('runRequestOf for a waPC guest', () => {
  it('sends the Operation as func, the input as it is, and the table as rows', () => {
    const r = runRequestOf(setup({ operation: ' hello ', hostResponses: [row({ text: 'WORLD' }), row({ kind: 'error', text: 'denied' })] }, 'world'), runner, callable);
    if (!r.ok) throw new Error(r.message);
    expect(r.request.func).toBe('hello');
    expect(r.request.freshInstance).toBe(false);
    expect(new TextDecoder().decode(r.request.input as Uint8Array)).toBe('world');
    expect(r.request.hostResponses).toEqual([
      { binding: 'default', namespace: 'example', operation: 'capitalize', response: 'WORLD' },
      { binding: 'default', namespace: 'example', operation: 'capitalize', error: 'denied' },
    ]);
  });

  it('encodes JSON input and JSON responses as MessagePack', () => {
    const r = runRequestOf(setup({ operation: 'sum', msgpackInput: true, hostResponses: [row({ kind: 'msgpack', text: '{"ok": true}' })] }, '{"a": 2, "b": 40}'), runner, callable);
    if (!r.ok) throw new Error(r.message);
    expect(decode(r.request.input as Uint8Array)).toEqual({ a: 2, b: 40 });
    const first = r.request.hostResponses![0]!;
    expect('response' in first && decode(first.response as Uint8Array)).toEqual({ ok: true });
  });

  it('says what is wrong: no operation, bad JSON input, bad JSON response, a file row without a file', () => {
    expect(runRequestOf(setup({ operation: '  ' }), runner, callable)).toEqual({ ok: false, message: 'Enter the waPC operation to run in the Operation field (e.g. "echo").' });
    expect(runRequestOf(setup({ msgpackInput: true }, '{a'), runner, callable)).toMatchObject({ ok: false, message: expect.stringMatching(/^The input is not valid JSON .* Turn off "Encode input as MessagePack"/) });
    expect(runRequestOf(setup({ hostResponses: [row({ kind: 'msgpack', text: 'nope' })] }), runner, callable)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Host response 1 \("default" \/ "example" \/ "capitalize"\): the response is not valid JSON/),
    });
    expect(runRequestOf(setup({ hostResponses: [row({ kind: 'file' })] }), runner, callable)).toEqual({ ok: false, message: 'Host response 1 ("default" / "example" / "capitalize"): choose a file for its response, or pick another kind.' });
  });
});
