/** The waPC runner's page half: detection, the message it builds, what it refuses, the output type. */
import { readFileSync } from 'node:fs';
import { encode } from '@msgpack/msgpack';
import { describe, expect, it } from 'vitest';
import type { LoadedModule } from '../../model/module';
import { fakeServices, specFor } from '../testModule';
import { analyseForTest } from '../testAnalyse';
import { wapcRunner } from '.';
import { msgpackMime } from './run';

const wapcMime = (bytes: Uint8Array) => msgpackMime(bytes) ?? 'not msgpack';

function loaded(name: string): LoadedModule {
  const bytes = new Uint8Array(readFileSync(new URL(`../../../e2e/fixtures/wapc/${name}.wasm`, import.meta.url)));
  const parsed = analyseForTest(bytes);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return { id: `id-${name}`, name: `${name}.wasm`, size: bytes.length, analysis: parsed.analysis, compileMs: 0, parseMs: 0 };
}

describe('wapcRunner', () => {
  it('detects both fixture guests (the WASI one too) and lists __guest_call only', () => {
    for (const name of ['guest', 'wasi-guest']) {
      const m = loaded(name);
      expect(m.analysis.format === 'core' && m.analysis.kind).toBe('wapc');
      expect(wapcRunner.callables(m.analysis).map((c) => c.name)).toEqual(['__guest_call']);
    }
  });

  it('builds a message with the operation, payload and host responses', async () => {
    const m = loaded('guest');
    const spec = specFor({ func: 'hello', input: 'world', hostResponses: [{ binding: 'default', namespace: 'example', operation: 'capitalize', response: 'WORLD' }, { binding: '*', namespace: 'kv', operation: '*', error: 'no kv' }] }, m);
    const built = await wapcRunner.build(spec, m, fakeServices());
    if ('code' in built) throw new Error(built.message);
    expect(built.message).toMatchObject({ kind: 'wapc', func: 'hello', freshInstance: false });
    expect(new TextDecoder().decode(built.message.payload)).toBe('world');
    expect(built.message.hostResponses).toEqual([
      { binding: 'default', namespace: 'example', operation: 'capitalize', response: new TextEncoder().encode('WORLD') },
      { binding: '*', namespace: 'kv', operation: '*', error: 'no kv' },
    ]);
  });

  it('asks for an operation, and refuses malformed host responses by index', async () => {
    const m = loaded('guest');
    expect(await wapcRunner.build(specFor({ func: '__guest_call' }, m), m, fakeServices())).toMatchObject({ code: 'bad-args', message: expect.stringMatching(/^Name the waPC operation to run/) });
    const bad = specFor({ func: 'echo', hostResponses: [{ binding: 'a', namespace: 'b', operation: 'c', response: 'ok' }, { binding: 'a', namespace: 7, operation: 'c', error: 'x' } as never] }, m);
    expect(await wapcRunner.build(bad, m, fakeServices())).toEqual({ code: 'bad-args', func: 'echo', message: 'hostResponses[1].namespace must be a string ("" for an empty one, "*" for any).' });
  });

  it('types a binary output that is exactly one MessagePack value as application/msgpack (worker side)', () => {
    expect(wapcMime(encode({ sum: 42 }))).toBe('application/msgpack');
    // Text stays text (sniffed as usual), even where its bytes would decode as MessagePack ("1" is fixint 49).
    expect(wapcMime(new TextEncoder().encode('1'))).toBe('not msgpack');
    expect(wapcMime(new TextEncoder().encode('{"a":1}'))).toBe('not msgpack');
    // Binary that is not one MessagePack value (truncated, or with bytes left over) stays bytes.
    expect(wapcMime(encode({ sum: 42 }).subarray(0, 4))).toBe('not msgpack');
    expect(wapcMime(new Uint8Array([0x81, 0xa1, 0x61, 0x01, 0xc1]))).toBe('not msgpack');
  });
});
