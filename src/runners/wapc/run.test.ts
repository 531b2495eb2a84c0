/** The waPC runner's worker half with the committed guests (e2e/fixtures/wapc): operations, host calls, init, errors. */
import { readFileSync } from 'node:fs';
import { decode, encode } from '@msgpack/msgpack';
import { describe, expect, it } from 'vitest';
import type { HostResponse } from '../../model/wapc';
import type { ImportEntry } from '../../wasm/types';
import { testContext, type RecordingContext } from '../shared/testContext';
import { analyseForTest } from '../testAnalyse';
import type { WapcRunMessage } from './message';
import { dropWapcInstance, runWapc } from './run';

const enc = new TextEncoder();
const dec = new TextDecoder();

function fixture(name: string): { module: WebAssembly.Module; imports: ImportEntry[] } {
  const bytes = new Uint8Array(readFileSync(new URL(`../../../e2e/fixtures/wapc/${name}.wasm`, import.meta.url)));
  const parsed = analyseForTest(bytes);
  if (!parsed.ok || parsed.analysis.format !== 'core') throw new Error(`${name}.wasm did not parse`);
  return { module: new WebAssembly.Module(bytes), imports: parsed.analysis.imports };
}

const guest = fixture('guest');
const wasiGuest = fixture('wasi-guest');

function message(func: string, payload: Uint8Array | string = '', hostResponses: HostResponse[] = [], freshInstance = true): WapcRunMessage {
  const bytes = typeof payload === 'string' ? enc.encode(payload) : payload;
  return {
    kind: 'wapc',
    func,
    imports: 'fail',
    payload: bytes.slice().buffer,
    hostResponses,
    grants: { hosts: [] },
    freshInstance,
    wasi: { argv: ['guest.wasm'], env: [], mounts: [], watchUnmounted: false },
  };
}

function run(func: string, payload?: Uint8Array | string, hostResponses?: HostResponse[], opts: { fresh?: boolean; ctx?: RecordingContext; wasi?: boolean } = {}) {
  const f = opts.wasi ? wasiGuest : guest;
  const ctx = opts.ctx ?? testContext(f.module, f.imports, {}, opts.wasi ? 'wasi-guest' : 'guest');
  const outcome = runWapc(message(func, payload, hostResponses, opts.fresh ?? true), ctx);
  return { outcome, ctx, text: outcome.output ? dec.decode(outcome.output) : undefined };
}

const capitalize: HostResponse = { binding: 'default', namespace: 'example', operation: 'capitalize', response: enc.encode('WORLD') };

describe('runWapc', () => {
  it('echoes the payload; wapc_init and __console_log lines reach the console', () => {
    const { outcome, text, ctx } = run('echo', 'hi ✓');
    expect(outcome.ok).toBe(true);
    expect(text).toBe('hi ✓');
    expect(ctx.lines).toEqual([
      { stream: 'log', text: 'wapc_init ran', level: 'info' },
      { stream: 'log', text: 'echo called', level: 'info' },
    ]);
  });

  it('answers a host call from the table and logs all four parts with the answer', () => {
    const { outcome, text, ctx } = run('hello', 'world', [capitalize]);
    expect(outcome.ok).toBe(true);
    expect(text).toBe('Hello, WORLD');
    expect(ctx.lines).toContainEqual({ stream: 'log', level: 'info', text: 'host call: binding "default", namespace "example", operation "capitalize", payload 5 B "world" → 5 B "WORLD"' });
  });

  it('an error row reaches the guest through __host_error', () => {
    const { outcome } = run('hello', 'x', [{ binding: 'default', namespace: 'example', operation: 'capitalize', error: 'quota exceeded' }]);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'plugin', func: 'hello', message: 'The guest answered "hello" with an error: host call failed: quota exceeded' } });
  });

  it('an unanswered host call fails at once with a line saying so', () => {
    const { outcome, ctx } = run('hello', 'x', [{ ...capitalize, namespace: 'other' }]);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.message).toMatch(/^The guest answered "hello" with an error: host call failed: No host response for binding "default", namespace "example", operation "capitalize"/);
    expect(ctx.lines).toContainEqual({ stream: 'stderr', text: expect.stringMatching(/^Unanswered host call: No host response for binding "default"/) });
  });

  it('a guest error is an error with the guest message', () => {
    expect(run('fail').outcome).toMatchObject({ ok: false, error: { code: 'plugin', message: 'The guest answered "fail" with an error: Planned failure' } });
    expect(run('frobnicate').outcome).toMatchObject({ ok: false, error: { message: 'The guest answered "frobnicate" with an error: No handler registered for function "frobnicate"' } });
  });

  it('MessagePack in and out', () => {
    const { outcome } = run('sum', encode({ a: 2, b: 40 }));
    expect(outcome.ok && decode(new Uint8Array(outcome.output!))).toEqual({ sum: 42 });
  });

  it('runs init once per kept instance; a fresh instance inits again', () => {
    dropWapcInstance('guest');
    const ctx = testContext(guest.module, guest.imports, {}, 'guest');
    expect(run('init_count', '', [], { fresh: false, ctx }).text).toBe('1');
    expect(run('init_count', '', [], { fresh: false, ctx }).text).toBe('1');
    expect(run('init_count', '', [], { fresh: true }).text).toBe('1');
    dropWapcInstance('guest');
  });

  it('a trap and a bad pointer fail the run and drop the kept instance', () => {
    dropWapcInstance('guest');
    const ctx = testContext(guest.module, guest.imports, {}, 'guest');
    expect(run('trap', '', [], { fresh: false, ctx }).outcome).toMatchObject({ ok: false, error: { code: 'trap', message: expect.stringMatching(/unreachable/) } });
    const bad = run('bad_response', '', [], { fresh: false, ctx }).outcome;
    expect(bad).toMatchObject({ ok: false, error: { code: 'trap', message: expect.stringMatching(/^bad_response failed: __guest_response: the response at bytes 4294967040…4294967296 lies outside the guest's memory/) } });
    // Both runs made a new instance (init ran in each): the trapped one was not kept.
    expect(ctx.lines.filter((l) => l.text === 'wapc_init ran')).toHaveLength(2);
    dropWapcInstance('guest');
  });

  it('asks for the imports it does not provide, or stubs them', () => {
    const extra = [...guest.imports, { module: 'env', name: 'abort', desc: { kind: 'func' as const, typeIndex: 0, type: { params: [], results: [] } } }];
    const ctx = testContext(guest.module, extra, {}, 'guest-extra');
    expect(runWapc(message('echo'), ctx)).toMatchObject({ ok: false, error: { code: 'link', message: expect.stringMatching(/env: 1 function \(abort\)/) } });
  });

  it('a WASI guest: _start registers, stdout reaches the console', () => {
    expect(run('started', '', [], { wasi: true }).text).toBe('yes');
    const { outcome, ctx, text } = run('stdout', '', [], { wasi: true });
    expect(outcome.ok).toBe(true);
    expect(text).toBe('ok');
    expect(ctx.lines).toContainEqual({ stream: 'stdout', text: 'hello from wasi' });
  });
});
