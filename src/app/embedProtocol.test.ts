import { describe, expect, it } from 'vitest';
import { measureMessage } from './embedLimits';
import { parseEmbedRequest } from './embedProtocol';

const run = (request: Record<string, unknown>, id: unknown = 1) => parseEmbedRequest({ type: 'wasmPlayground:run', id, request: { module: 'abc', func: 'f', ...request } });
const SHA = 'a'.repeat(64);

describe('parseEmbedRequest', () => {
  it('ignores messages not addressed to the playground', () => {
    expect(parseEmbedRequest(null)).toBeUndefined();
    expect(parseEmbedRequest('hello')).toBeUndefined();
    expect(parseEmbedRequest({ type: 'other' })).toBeUndefined();
  });

  it('accepts a load by URL, by bytes, by id and by manifest', () => {
    expect(parseEmbedRequest({ type: 'wasmPlayground:load', id: 1, source: 'https://x.test/a.wasm' })).toEqual({
      ok: true,
      request: { type: 'wasmPlayground:load', id: '1', source: { url: 'https://x.test/a.wasm' } },
      bytes: expect.any(Number),
    });
    const bytes = new Uint8Array([0, 97, 115, 109]);
    const parsed = parseEmbedRequest({ type: 'wasmPlayground:load', id: 'a', source: { bytes, name: 'x.wasm' } });
    expect(parsed).toMatchObject({ ok: true, request: { type: 'wasmPlayground:load', id: 'a', source: { bytes, name: 'x.wasm' } } });
    expect(parseEmbedRequest({ type: 'wasmPlayground:load', id: 'b', source: { id: SHA.toUpperCase() } })).toMatchObject({ ok: true, request: { source: { id: SHA } } });
    expect(parseEmbedRequest({ type: 'wasmPlayground:load', id: 'c', source: { manifest: { url: 'https://x.test/m.json' } } })).toMatchObject({
      ok: true,
      request: { source: { manifest: { url: 'https://x.test/m.json' } } },
    });
  });

  it('rebuilds run requests field by field', () => {
    const parsed = run({ args: [1, '2', 3n], imports: 'stub', timeoutMs: 500, __proto__: { polluted: true } }, 7);
    expect(parsed).toEqual({
      ok: true,
      request: { type: 'wasmPlayground:run', id: '7', request: { module: 'abc', func: 'f', args: [1, '2', 3n], imports: 'stub', timeoutMs: 500 } },
      bytes: expect.any(Number),
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('passes argv, env, input, config, files and the other supported options through', () => {
    const input = new Uint8Array([1, 2, 3]);
    const parsed = run({
      argv: ['echo', 'two words'],
      env: { GREETING: 'hi', EMPTY: '' },
      input,
      config: { vowels: 'o' },
      files: { guestPath: '/data', entries: [{ path: 'a.txt', data: 'hello' }, { path: 'd', kind: 'dir' }] },
      deterministic: { seed: 's', epochMs: 0 },
      logLevel: 'debug',
      freshInstance: true,
      outputMime: 'text/plain',
      maxPages: 4,
      repeat: 3,
      runAs: 'wasi-command',
      watchUnmounted: false,
    });
    expect(parsed).toMatchObject({
      ok: true,
      request: {
        request: {
          argv: ['echo', 'two words'],
          env: { GREETING: 'hi', EMPTY: '' },
          input,
          config: { vowels: 'o' },
          files: { guestPath: '/data', entries: [{ path: 'a.txt', data: 'hello' }, { path: 'd', kind: 'dir' }] },
          deterministic: { seed: 's', epochMs: 0 },
          logLevel: 'debug',
          freshInstance: true,
          outputMime: 'text/plain',
          maxPages: 4,
          repeat: 3,
          runAs: 'wasi-command',
          watchUnmounted: false,
        },
      },
    });
    expect(run({ env: [['A', '1'], ['B', '=2']] })).toMatchObject({ ok: true, request: { request: { env: [['A', '1'], ['B', '=2']] } } });
    expect(run({ input: 'text' })).toMatchObject({ ok: true, request: { request: { input: 'text' } } });
  });

  it('keeps a "__proto__" config key as data, not as a prototype', () => {
    const config = JSON.parse('{"__proto__": {"polluted": "yes"}, "k": "v"}') as unknown;
    const parsed = run({ config: { ...(config as object) } });
    // A nested object is not a string: refused rather than merged.
    expect(parsed).toMatchObject({ ok: false, message: expect.stringContaining('request.config["__proto__"] must be a string') });
    const plain = run({ config: JSON.parse('{"__proto__": "x", "k": "v"}') as unknown });
    expect(plain).toMatchObject({ ok: true });
    const cfg = plain?.ok && plain.request.type === 'wasmPlayground:run' ? plain.request.request.config : undefined;
    expect(Object.getPrototypeOf(cfg)).toBeNull();
    expect(cfg && Object.keys(cfg)).toEqual(['__proto__', 'k']);
  });

  it('refuses bad argv, env, input and config with the field named', () => {
    expect(run({ argv: 'echo' })).toMatchObject({ ok: false, code: 'bad-request', message: 'request.argv must be an array.' });
    expect(run({ argv: ['a', 1] })).toMatchObject({ ok: false, message: 'request.argv[1] must be a string.' });
    expect(run({ argv: ['a\0b'] })).toMatchObject({ ok: false, message: expect.stringContaining('request.argv[0] must not contain a NUL') });
    expect(run({ argv: new Array(4097).fill('x') })).toMatchObject({ ok: false, message: expect.stringContaining('at most 4096') });
    expect(run({ env: { 'A=B': 'x' } })).toMatchObject({ ok: false, message: expect.stringContaining('must not contain "="') });
    expect(run({ env: { '': 'x' } })).toMatchObject({ ok: false, message: expect.stringContaining('must not be empty') });
    expect(run({ env: { A: 1 } })).toMatchObject({ ok: false, message: 'request.env["A"] must be a string.' });
    expect(run({ env: [['A']] })).toMatchObject({ ok: false, message: 'request.env[0] must be a [name, value] pair.' });
    expect(run({ input: 42 })).toMatchObject({ ok: false, message: 'request.input must be text, an ArrayBuffer or a Uint8Array.' });
    expect(run({ config: ['a'] })).toMatchObject({ ok: false, message: expect.stringContaining('request.config must be an object') });
    expect(run({ config: { a: 1 } })).toMatchObject({ ok: false, message: 'request.config["a"] must be a string.' });
    expect(run({ files: { guestPath: 'data', entries: [] } })).toMatchObject({ ok: false, message: expect.stringContaining('absolute guest path') });
    expect(run({ files: { guestPath: '/d', entries: [{ path: 'a', mode: 7 }] } })).toMatchObject({ ok: false, message: expect.stringContaining('"mode"') });
  });

  it('validates timeoutMs and the other numbers', () => {
    // The same 1 ms … 24 h rule as settings and share links (src/util/timeout.ts).
    for (const bad of [0, -1, 1e-300, Number.NaN, Number.POSITIVE_INFINITY, 86_400_001, 4_294_967_297, 1e12, '100', null]) {
      expect(run({ timeoutMs: bad }), String(bad)).toMatchObject({ ok: false, message: expect.stringMatching(/^request\.timeoutMs: The time limit/) });
    }
    expect(run({ timeoutMs: 1 })).toMatchObject({ ok: true });
    expect(run({ timeoutMs: 86_400_000 })).toMatchObject({ ok: true });
    expect(run({ timeoutMs: 1.5 })).toMatchObject({ ok: true, request: { request: { timeoutMs: 2 } } });
    expect(run({ repeat: 0 })).toMatchObject({ ok: false, message: expect.stringContaining('request.repeat') });
    expect(run({ maxPages: 65_537 })).toMatchObject({ ok: false, message: expect.stringContaining('request.maxPages') });
  });

  it('refuses unknown fields and grants only the user may give, by name', () => {
    expect(run({ argz: ['x'] })).toMatchObject({ ok: false, message: expect.stringContaining('unknown field "argz"') });
    expect(run({ allowedHosts: ['example.com'] })).toMatchObject({ ok: false, message: expect.stringMatching(/^request\.allowedHosts is not accepted/) });
    expect(run({ mounts: [{ volume: 'home', guestPath: '/data' }] })).toMatchObject({ ok: false, message: expect.stringMatching(/^request\.mounts is not accepted/) });
    expect(parseEmbedRequest({ type: 'wasmPlayground:stop', id: 1, extra: true })).toMatchObject({ ok: false, message: expect.stringContaining('"extra"') });
    expect(parseEmbedRequest({ type: 'wasmPlayground:load', id: 1, source: { url: 'https://x', bytes: new Uint8Array(1) } })).toMatchObject({
      ok: false,
      message: expect.stringContaining('"bytes"'),
    });
  });

  it('explains what is wrong with a bad request', () => {
    // Objects are WIT values for components now; a function or a symbol is not a value of any kind.
    const badArgs = run({ args: [{ f: () => 1 }] });
    expect(badArgs).toEqual({ ok: false, id: '1', code: 'bad-request', message: expect.stringMatching(/args\[0\]\.f/) });
    expect(run({ args: [{ 'full-name': 'Zoë', tags: ['a'], n: 3n, b: new Uint8Array([1]) }] })).toMatchObject({ ok: true });
    expect(run({ runAs: 'python' })).toMatchObject({ ok: false, message: expect.stringMatching(/runAs/) });
    const badSource = parseEmbedRequest({ type: 'wasmPlayground:load', id: 1, source: { bytes: 'AAAA' } });
    expect(badSource).toMatchObject({ ok: false, message: expect.stringMatching(/bytes/) });
    expect(parseEmbedRequest({ type: 'wasmPlayground:load', id: 1, source: { id: 'nope' } })).toMatchObject({ ok: false, message: expect.stringContaining('64 hex digits') });
    expect(parseEmbedRequest({ type: 'wasmPlayground:explode', id: 1 })).toMatchObject({ ok: false, message: expect.stringMatching(/Unknown/) });
  });

  it('accepts safe integers and short strings as ids, nothing else', () => {
    expect(parseEmbedRequest({ type: 'wasmPlayground:stop', id: 0 })).toMatchObject({ ok: true, request: { id: '0' } });
    expect(parseEmbedRequest({ type: 'wasmPlayground:stop', id: 'x'.repeat(128) })).toMatchObject({ ok: true });
    for (const id of [undefined, null, Number.NaN, Number.POSITIVE_INFINITY, 1.5, 2 ** 53, '', 'x'.repeat(129), {}, [1], true, 1n]) {
      expect(parseEmbedRequest({ type: 'wasmPlayground:stop', id }), String(id)).toMatchObject({ ok: false, id: null, code: 'bad-id', message: expect.stringContaining('id') });
    }
  });

  it('refuses giant, sprawling and cyclic messages before reading fields', () => {
    expect(run({ args: new Array(200_000).fill(1) })).toMatchObject({ ok: false, id: '1', code: 'too-large', message: expect.stringContaining('100,000 values') });
    const huge = parseEmbedRequest({ type: 'wasmPlayground:load', id: 2, source: { bytes: new Uint8Array(64 * 1024 * 1024 + 1) } });
    expect(huge).toMatchObject({ ok: false, code: 'too-large', message: expect.stringContaining('64 MiB') });
    const loop: Record<string, unknown> = {};
    loop.next = loop;
    expect(run({ config: loop })).toMatchObject({ ok: false, code: 'too-large' });
    // A sparse array's length is walked, not just its few elements.
    const sparse: unknown[] = [];
    sparse[10_000_000] = 1;
    expect(run({ args: sparse })).toMatchObject({ ok: false, code: 'too-large' });
    // A small view on a huge buffer keeps (and was cloned with) the whole buffer.
    const view = new Uint8Array(new ArrayBuffer(65 * 1024 * 1024), 0, 8);
    expect(parseEmbedRequest({ type: 'wasmPlayground:load', id: 3, source: { bytes: view } })).toMatchObject({ ok: false, code: 'too-large' });
  });
});

describe('measureMessage', () => {
  it('counts values and bytes and stops at the budget', () => {
    expect(measureMessage({ a: 'xy', b: [1, new Uint8Array(10)] })).toEqual({ values: 5, bytes: 2 + 10 + 2 });
    expect(measureMessage(new Array(50).fill(0), 10)).toEqual(expect.stringContaining('more than 10 values'));
    expect(measureMessage('x'.repeat(11), 100, 10)).toEqual(expect.stringContaining('larger than'));
  });
});
