import { describe, expect, it } from 'vitest';
import { fakeServices, moduleFromWat, specFor } from '../testModule';
import { wasiCommandRunner, wasiReactorRunner } from './index';

const COMMAND = `(module
  (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "helper") (param i32) (result i32) (local.get 0))
  (func (export "_start")))`;
const REACTOR = `(module
  (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "_initialize"))
  (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32) (i32.const 0))
  (func (export "asyncify_start_unwind") (param i32))
  (func (export "show_version")))`;

describe('WASI p1 runners', () => {
  it('a command lists _start first, as the program (no typed form), and selects it', async () => {
    const module = await moduleFromWat(COMMAND, 'cmd.wasm');
    const callables = wasiCommandRunner.callables(module.analysis);
    expect(callables.map((c) => c.name)).toEqual(['_start', 'helper']);
    expect(callables[0]).toMatchObject({ params: null, signature: '() — the program' });
    expect(wasiCommandRunner.defaultFunc(module.analysis)).toBe('_start');
  });

  it('a reactor hides its ABI internals from the default choice, and labels do not double parentheses', async () => {
    const module = await moduleFromWat(REACTOR, 'lib.wasm');
    const callables = wasiReactorRunner.callables(module.analysis);
    expect(callables.filter((c) => !c.internal).map((c) => c.name)).toEqual(['show_version']);
    expect(callables.filter((c) => c.internal).map((c) => c.name)).toEqual(['_initialize', 'cabi_realloc', 'asyncify_start_unwind']);
    expect(callables.find((c) => c.name === 'show_version')?.signature).toBe('()');
    expect(wasiReactorRunner.defaultFunc(module.analysis)).toBe('show_version');
  });

  it('builds the message: argv[0] is the module name, env, stdin, stored mounts snapshotted, deterministic defaults', async () => {
    const module = await moduleFromWat(COMMAND, 'cmd.wasm');
    const services = fakeServices();
    const spec = specFor({ func: '_start', argv: ['-v'], env: { A: '1' }, input: 'in', mounts: [{ volume: 'home', dir: 'data', guestPath: '/data' }], deterministic: true }, module);
    const built = await wasiCommandRunner.build(spec, module, services);
    if ('code' in built) throw new Error(built.message);
    expect(services.snapshots).toBe(1);
    expect(built.mounts).toHaveLength(1);
    expect(built.message).toMatchObject({
      kind: 'wasi-p1',
      mode: 'command',
      func: '_start',
      args: [],
      imports: 'fail',
      wasi: { argv: ['cmd.wasm', '-v'], env: [['A', '1']], watchUnmounted: true, deterministic: { seed: 'wasm-playground', epochMs: Date.UTC(2024, 0, 1) } },
    });
    expect(new TextDecoder().decode(built.message.stdin)).toBe('in');
    expect(built.message.wasi.mounts.map((m) => m.guestPath)).toEqual(['/data']);
  });

  it('asking a reactor for _start says it is a library and offers its functions', async () => {
    const module = await moduleFromWat(REACTOR, 'lib.wasm');
    const error = await wasiReactorRunner.build(specFor({ func: '_start' }, module), module, fakeServices());
    expect(error).toMatchObject({ code: 'no-export' });
    expect('message' in error && error.message).toMatch(/WASI reactor \(a library\): it has no `_start`.*Its functions: show_version\.$/);
  });

  it('shapes the result: stdout as output (sniffed), stderr, exit code', async () => {
    const enc = new TextEncoder();
    const module = await moduleFromWat(COMMAND, 'cmd.wasm');
    const outcome = { ok: true as const, values: [], timings: { compileMs: 0, instantiateMs: 0, callMs: 0 }, output: enc.encode('{"a":1}').buffer, stderr: enc.encode('warn').buffer, exitCode: 3 };
    const extras = wasiCommandRunner.result(outcome, specFor({ func: '_start' }, module), module);
    expect(extras.exitCode).toBe(3);
    expect(extras.output?.mime).toBe('application/json');
    expect(new TextDecoder().decode(extras.stderr)).toBe('warn');
  });
});
