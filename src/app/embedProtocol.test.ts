import { describe, expect, it } from 'vitest';
import { parseEmbedRequest } from './embedProtocol';

describe('parseEmbedRequest', () => {
  it('ignores messages not addressed to the playground', () => {
    expect(parseEmbedRequest(null)).toBeUndefined();
    expect(parseEmbedRequest('hello')).toBeUndefined();
    expect(parseEmbedRequest({ type: 'other' })).toBeUndefined();
  });

  it('accepts a load by URL and by bytes', () => {
    expect(parseEmbedRequest({ type: 'wasmPlayground:load', id: 1, source: 'https://x.test/a.wasm' })).toEqual({
      ok: true,
      request: { type: 'wasmPlayground:load', id: '1', source: { url: 'https://x.test/a.wasm' } },
    });
    const bytes = new Uint8Array([0, 97, 115, 109]);
    const parsed = parseEmbedRequest({ type: 'wasmPlayground:load', id: 'a', source: { bytes, name: 'x.wasm' } });
    expect(parsed).toEqual({ ok: true, request: { type: 'wasmPlayground:load', id: 'a', source: { bytes, name: 'x.wasm' } } });
  });

  it('rebuilds run requests field by field and drops unknown fields', () => {
    const parsed = parseEmbedRequest({
      type: 'wasmPlayground:run',
      id: 7,
      request: { module: 'abc', func: 'add', args: [1, '2', 3n], imports: 'stub', timeoutMs: 500, __proto__: { polluted: true }, extra: 1 },
    });
    expect(parsed).toEqual({
      ok: true,
      request: { type: 'wasmPlayground:run', id: '7', request: { module: 'abc', func: 'add', args: [1, '2', 3n], imports: 'stub', timeoutMs: 500 } },
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('explains what is wrong with a bad request', () => {
    const noId = parseEmbedRequest({ type: 'wasmPlayground:run', request: {} });
    expect(noId).toEqual({ ok: false, message: expect.stringMatching(/id/) });
    const badArgs = parseEmbedRequest({ type: 'wasmPlayground:run', id: 1, request: { module: 'm', func: 'f', args: [{}] } });
    expect(badArgs).toEqual({ ok: false, id: '1', message: expect.stringMatching(/args/) });
    const badKind = parseEmbedRequest({ type: 'wasmPlayground:run', id: 1, request: { module: 'm', func: 'f', runAs: 'python' } });
    expect(badKind).toMatchObject({ ok: false, message: expect.stringMatching(/runAs/) });
    const badSource = parseEmbedRequest({ type: 'wasmPlayground:load', id: 1, source: { bytes: 'AAAA' } });
    expect(badSource).toMatchObject({ ok: false, message: expect.stringMatching(/bytes/) });
    expect(parseEmbedRequest({ type: 'wasmPlayground:explode', id: 1 })).toMatchObject({ ok: false, message: expect.stringMatching(/Unknown/) });
  });

  it('refuses a time limit that setTimeout would wrap, or that is not a positive number', () => {
    const run = (timeoutMs: unknown) => parseEmbedRequest({ type: 'wasmPlayground:run', id: 1, request: { module: 'm', func: 'f', timeoutMs } });
    expect(run(4294967297)).toEqual({ ok: false, id: '1', message: expect.stringMatching(/^request\.timeoutMs: The time limit 4294967297 ms is over the longest, 24 h/) });
    expect(run(-5)).toEqual({ ok: false, id: '1', message: 'request.timeoutMs: The time limit must be more than 0 ms, not -5.' });
    expect(run('10000')).toMatchObject({ ok: false, message: expect.stringMatching(/not the text "10000"/) });
    expect(run(86_400_000)).toMatchObject({ ok: true, request: { request: { timeoutMs: 86_400_000 } } });
  });
});
