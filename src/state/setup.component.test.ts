import { describe, expect, it } from 'vitest';
import type { Callable, Runner } from '../runners/types';
import type { WitFunction } from '../wasm/wit/types';
import type { Setup } from './setup';
import { runRequestOf } from './setup';

const uses = { args: true, input: false, wasi: false, plugin: false };
const runner = { kind: 'component', uses, usesFor: () => uses } as unknown as Runner;
const add: WitFunction = {
  name: 'add',
  binaryName: 'add',
  kind: 'freestanding',
  params: [
    { name: 'x', type: { kind: 'u32' } },
    { name: 'y', type: { kind: 'u64' } },
  ],
  result: { kind: 'u32' },
};
const callable: Callable = { name: 'docs:adder/add@0.1.0#add', signature: '(x: u32, y: u64) -> u32', params: null, wit: add, group: 'docs:adder/add@0.1.0' };

function setup(over: Partial<Setup>): Setup {
  return {
    moduleId: 'm',
    runAs: null,
    func: callable.name,
    args: [],
    stubImports: false,
    input: { text: '', file: null, mime: 'text/plain' },
    outputMime: null,
    config: {},
    logLevel: 'info',
    freshInstance: false,
    resetInstance: false,
    argErrors: [],
    httpRequest: { method: 'GET', target: '/', headers: [], bodyKind: 'text', bodyText: '', bodyFile: null },
    argv: { ok: true, argv: [] },
    env: [],
    deterministic: false,
    timeoutMs: 1000,
    hosts: [],
    mounts: [],
    ...over,
  };
}

describe('runRequestOf for a component function', () => {
  it('sends the argument texts as argsJson with the instance settings', () => {
    const r = runRequestOf(setup({ args: ['3', '"18446744073709551615"'], freshInstance: true, resetInstance: true }), runner, callable);
    expect(r.ok && r.request).toMatchObject({ argsJson: ['3', '"18446744073709551615"'], freshInstance: true, resetInstance: true });
    const kept = runRequestOf(setup({ args: ['3', '"4"'] }), runner, callable);
    expect(kept.ok && kept.request.resetInstance).toBeUndefined();
  });

  it('refuses with the field message: out of range, bad JSON, missing', () => {
    expect(runRequestOf(setup({ args: ['4294967296', '"1"'] }), runner, callable)).toEqual({ ok: false, message: 'args[0]: expected u32 (0 to 4294967295), got 4294967296 (out of range)' });
    expect(runRequestOf(setup({ args: ['1', '{'] }), runner, callable)).toMatchObject({ ok: false, message: expect.stringMatching(/^args\[1\]: not valid JSON/) });
    expect(runRequestOf(setup({ args: ['1'] }), runner, callable)).toEqual({ ok: false, message: 'args[1]: no value given; enter one' });
  });

  it('refuses with an error a field keeps apart (bytes that are not hex)', () => {
    const argErrors = [undefined, 'args[1]: hex: expected pairs of hex digits'];
    expect(runRequestOf(setup({ args: ['1', '"2"'], argErrors }), runner, callable)).toEqual({ ok: false, message: 'args[1]: hex: expected pairs of hex digits' });
    // In parameter order: an earlier field's error comes first.
    expect(runRequestOf(setup({ args: ['-1', '"2"'], argErrors }), runner, callable)).toMatchObject({ ok: false, message: expect.stringMatching(/^args\[0\]: expected u32/) });
  });

  it('adds the Request of an incoming handler, or refuses a bad one', () => {
    const handle: Callable = { name: 'wasi:http/incoming-handler@0.2.0#handle', signature: '', params: null };
    const noArgs = { ...uses, args: false };
    const proxy = { kind: 'component', uses: noArgs, usesFor: () => noArgs } as unknown as Runner;
    const httpRequest = { method: 'post', target: '/echo?x=1', headers: [['X-Id', ' 7 '], ['', '']] as [string, string][], bodyKind: 'json' as const, bodyText: '{"a":1}', bodyFile: null };
    const r = runRequestOf(setup({ func: handle.name, httpRequest }), proxy, handle);
    expect(r.ok && r.request.request).toEqual({
      method: 'POST',
      url: '/echo?x=1',
      headers: [['x-id', '7'], ['content-type', 'application/json']],
      body: new TextEncoder().encode('{"a":1}'),
    });
    expect(r.ok && r.request.argsJson).toBeUndefined();
    const bad = runRequestOf(setup({ func: handle.name, httpRequest: { ...httpRequest, bodyText: '{' } }), proxy, handle);
    expect(bad).toMatchObject({ ok: false, message: expect.stringMatching(/^Request body is not valid JSON/) });
    const path = runRequestOf(setup({ func: handle.name, httpRequest: { ...httpRequest, target: 'echo' } }), proxy, handle);
    expect(path).toMatchObject({ ok: false, message: expect.stringMatching(/must start with "\/"/) });
  });
});
