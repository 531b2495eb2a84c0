import { describe, expect, it } from 'vitest';
import type { ManifestInfo } from '../../model/module';
import { fakeServices, moduleFromWat, specFor } from '../testModule';
import { extismRunner } from './index';
import { resetVars, varsOf } from './vars';

const PLUGIN = `(module
  (import "extism:host/env" "output_set" (func (param i64 i64)))
  (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "count_vowels") (result i32) (i32.const 0))
  (func (export "greet"))
  (func (export "add") (param i32 i32) (result i32) (i32.const 0))
  (func (export "alloc") (param i64) (result i64) (i64.const 0))
  (func (export "_start")))`;

const manifest = (over: Partial<ManifestInfo> = {}): ManifestInfo => ({ runAs: 'extism', config: {}, allowedHosts: null, allowedPaths: [], links: [], warnings: [], ...over });

describe('Extism runner', () => {
  it('lists plugin functions only: () -> i32 or () -> (), no kernel names, no _start; no signature shown', async () => {
    const module = await moduleFromWat(PLUGIN, 'p.wasm');
    expect(extismRunner.callables(module.analysis)).toEqual([
      { name: 'count_vowels', signature: '', params: null },
      { name: 'greet', signature: '', params: null },
    ]);
    expect(extismRunner.defaultFunc(module.analysis)).toBe('count_vowels');
  });

  it('builds the message: input bytes, hosts, settings with defaults, manifest limits, kept vars, WASI mounts for a plugin that imports WASI', async () => {
    const module = await moduleFromWat(PLUGIN, 'p.wasm', manifest({ maxVarBytes: 100, maxPages: 4, links: [{ name: 'lib', id: 'lib-id' }] }));
    resetVars(module.id);
    extismRunner.result({ ok: true, values: [], timings: { compileMs: 0, instantiateMs: 0, callMs: 0 }, vars: [['k', new Uint8Array([1]).buffer]] }, specFor({ func: 'greet' }, module), module);
    expect(varsOf(module.id)).toEqual([['k', new Uint8Array([1])]]);
    const services = fakeServices();
    const spec = specFor({ func: 'count_vowels', input: 'Hello', allowedHosts: ['api.example.com'], config: { a: 'b' }, mounts: [{ volume: 'home', guestPath: '/data' }] }, module);
    const built = await extismRunner.build(spec, module, services);
    if ('code' in built) throw new Error(built.message);
    expect(built.moduleId).toBe(`${module.id}#4`); // the memory-capped copy
    expect(built.mounts.map((m) => m.guestPath)).toEqual(['/data']);
    const { message } = built;
    expect(message).toMatchObject({
      kind: 'extism',
      func: 'count_vowels',
      imports: 'fail',
      grants: { hosts: ['api.example.com'] },
      freshInstance: false,
      links: [{ name: 'lib', moduleId: 'lib-id#4' }],
      settings: { config: { a: 'b' }, logLevel: 'info', httpMode: 'auto', exposeHeaders: false, maxVarBytes: 100, maxPages: 4 },
      wasi: { argv: ['p.wasm'] },
    });
    expect(message.settings.vars.map(([k, v]) => [k, [...new Uint8Array(v)]])).toEqual([['k', [1]]]);
    expect(new TextDecoder().decode(message.input)).toBe('Hello');
  });

  it('a request overrides the manifest; an unknown function is refused with a near name', async () => {
    const module = await moduleFromWat(PLUGIN, 'p.wasm', manifest({ maxVarBytes: 100 }));
    const built = await extismRunner.build(specFor({ func: 'greet', maxVarBytes: 7 }, module), module, fakeServices());
    if ('code' in built) throw new Error(built.message);
    expect(built.message.settings.maxVarBytes).toBe(7);
    await expect(extismRunner.build(specFor({ func: 'count_vowel' }, module), module, fakeServices())).resolves.toMatchObject({ code: 'no-export', message: expect.stringMatching(/Did you mean "count_vowels"/) });
  });

  it('shapes the result: output with its sniffed MIME type (even when empty), vars kept for the next run', async () => {
    const module = await moduleFromWat(PLUGIN, 'p2.wasm');
    const extras = extismRunner.result({ ok: true, values: [], timings: { compileMs: 0, instantiateMs: 0, callMs: 0 }, output: new TextEncoder().encode('{"count": 3}').buffer, vars: [] }, specFor({ func: 'count_vowels' }, module), module);
    expect(extras.output?.mime).toBe('application/json');
    const empty = extismRunner.result({ ok: true, values: [], timings: { compileMs: 0, instantiateMs: 0, callMs: 0 }, output: new ArrayBuffer(0) }, specFor({ func: 'count_vowels', outputMime: 'text/plain' }, module), module);
    expect(empty.output).toEqual({ bytes: new Uint8Array(0), mime: 'text/plain' });
  });
});
