import { afterEach, describe, expect, it } from 'vitest';
import { ExtismError } from './errors';
import { createExtismHost } from './kernel';
import { loadPlugin } from './testdata/plugin';
import type { HttpClient, HttpRequest, HttpResponse } from './types';

const bytes = (s: string) => new TextEncoder().encode(s);

/** A fake synchronous client: allows example.com, records what it was asked. */
function fakeHttp(reply?: (req: HttpRequest) => HttpResponse) {
  const seen: { req: HttpRequest; body: string | null; max: number }[] = [];
  const client: HttpClient = {
    request(req, body, limits) {
      seen.push({ req, body: body && new TextDecoder().decode(body), max: limits.maxResponseBytes });
      if (reply) return reply(req);
      const host = new URL(req.url).hostname;
      if (host !== 'example.com') return { ok: false, reason: 'blocked', message: `HTTP request to ${host} is not allowed: add it to "Allowed hosts"` };
      return { ok: true, status: 201, headers: { 'content-type': 'text/plain' }, body: bytes(`hello from ${req.method} ${req.url}`) };
    },
  };
  return { client, seen };
}

const request = (url: string, extra: object = {}) => JSON.stringify({ url, ...extra });

describe('http_request (synchronous client)', () => {
  it('returns the body of an allowed request and sets the status code', async () => {
    const { client, seen } = fakeHttp();
    const plugin = await loadPlugin({ http: client });
    expect(plugin.text('http_get', request('https://example.com/a', { headers: { 'x-k': 'v' } }))).toBe('hello from GET https://example.com/a');
    expect((plugin.instance.exports.http_status as () => number)()).toBe(201);
    expect(seen[0]).toEqual({ req: { url: 'https://example.com/a', method: 'GET', headers: { 'x-k': 'v' } }, body: null, max: 50 * 1024 * 1024 });
  });

  it('frees the request block it took over and keeps only the response', async () => {
    const plugin = await loadPlugin({ http: fakeHttp().client });
    const json = request('https://example.com/');
    plugin.text('http_get', json);
    const cap8 = (n: number) => Math.ceil(n / 8) * 8;
    // input block + response block; the copied request and the config key were freed
    expect(plugin.host.memoryUsed()).toBe(cap8(json.length) + cap8('hello from GET https://example.com/'.length));
  });

  it('sends the body block with a POST, and drops it for GET as the js-sdk does', async () => {
    const { client, seen } = fakeHttp();
    const plugin = await loadPlugin({ http: client, config: { body: 'payload' } });
    plugin.text('http_get', request('https://example.com/p', { method: 'post' }));
    plugin.text('http_get', request('https://example.com/g'));
    expect(seen.map((s) => [s.req.method, s.body])).toEqual([
      ['POST', 'payload'],
      ['GET', null],
    ]);
  });

  it('ends the call with a clear message for a blocked host', async () => {
    const { client } = fakeHttp();
    const plugin = await loadPlugin({ http: client });
    let caught: unknown;
    try {
      plugin.call('http_get', request('https://evil.test/x'));
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ExtismError);
    expect((caught as ExtismError).kind).toBe('http-blocked');
    expect((caught as Error).message).toBe('HTTP request to evil.test is not allowed: add it to "Allowed hosts"');
  });

  it('blocks every request when no client is given, with the SDK-style message', async () => {
    const plugin = await loadPlugin();
    expect(() => plugin.call('http_get', request('https://example.com/'))).toThrow('HTTP request to "https://example.com/" is not allowed (this host offers no network access)');
  });

  it('ends the call on other failures and on oversized responses', async () => {
    const failing = await loadPlugin({ http: fakeHttp(() => ({ ok: false, reason: 'cors', message: 'the server does not allow CORS' })).client });
    expect(() => failing.call('http_get', request('https://example.com/'))).toThrow('the server does not allow CORS');

    const big = await loadPlugin({
      maxHttpResponseBytes: 10,
      http: fakeHttp(() => ({ ok: true, status: 200, headers: {}, body: new Uint8Array(11) })).client,
    });
    expect(() => big.call('http_get', request('https://example.com/'))).toThrow('HTTP response from "https://example.com/" is 11 bytes, over the limit of 10 bytes (max_http_response_bytes)');
  });

  it('rejects malformed request JSON', async () => {
    const plugin = await loadPlugin({ http: fakeHttp().client });
    expect(() => plugin.call('http_get', 'not json')).toThrow(/http_request: the request is not JSON/);
    expect(() => plugin.call('http_get', '{"method":"GET"}')).toThrow(/must be a JSON object with a string "url"/);
    expect(() => plugin.call('http_get', request('/relative'))).toThrow(/"\/relative" is not a valid absolute URL/);
    expect(() => plugin.call('http_get', request('https://example.com/', { headers: { a: 1 } }))).toThrow(/header "a" must be a string/);
  });

  it('offers headers only when exposeHeaders is set', async () => {
    const hidden = await loadPlugin({ http: fakeHttp().client });
    hidden.text('http_get', request('https://example.com/'));
    expect(hidden.call('http_headers_out').rc).toBe(1);

    const shown = await loadPlugin({ http: fakeHttp().client, exposeHeaders: true });
    expect(shown.text('http_headers_out')).toBe('{}'); // nothing requested yet in this call
    shown.host.reset(bytes(request('https://example.com/')));
    (shown.instance.exports.http_get as () => number)();
    expect(new TextDecoder().decode(shown.host.takeOutput() ?? new Uint8Array())).toMatch(/^hello/);
    (shown.instance.exports.http_headers_out as () => number)();
    expect(JSON.parse(new TextDecoder().decode(shown.host.takeOutput() ?? new Uint8Array()))).toEqual({ 'content-type': 'text/plain' });
  });
});

describe('http_request through JSPI', () => {
  const wasm = WebAssembly as unknown as { Suspending?: unknown };
  const original = wasm.Suspending;
  afterEach(() => {
    wasm.Suspending = original;
  });

  class FakeSuspending {
    constructor(readonly fn: (...args: bigint[]) => Promise<bigint>) {}
  }

  const asyncClient = (): HttpClient => ({
    request: () => {
      throw new Error('the sync path must not be used');
    },
    requestAsync: async (req) => ({ ok: true, status: 200, headers: {}, body: bytes(`async ${req.url}`) }),
  });

  it('wraps http_request in WebAssembly.Suspending when asked and available', async () => {
    wasm.Suspending = FakeSuspending;
    const host = createExtismHost({ jspi: true, http: asyncClient() });
    expect(host.suspending).toBe(true);
    const wrapped = host.imports.http_request as unknown as FakeSuspending;
    expect(wrapped).toBeInstanceOf(FakeSuspending);

    const alloc = host.imports.alloc as (n: bigint) => bigint;
    const store = host.imports.store_u8 as (o: bigint, v: number) => void;
    const json = bytes(request('https://example.com/j'));
    const req = alloc(BigInt(json.length));
    json.forEach((b, i) => store(req + BigInt(i), b));
    const res = await wrapped.fn(req, 0n);
    const length = (host.imports.length as (o: bigint) => bigint)(res);
    const out = Array.from({ length: Number(length) }, (_, i) => (host.imports.load_u8 as (o: bigint) => number)(res + BigInt(i)));
    expect(new TextDecoder().decode(Uint8Array.from(out))).toBe('async https://example.com/j');
    expect((host.imports.http_status_code as () => number)()).toBe(200);
  });

  it('stays synchronous without Suspending, without requestAsync, or without jspi', () => {
    wasm.Suspending = undefined;
    expect(createExtismHost({ jspi: true, http: asyncClient() }).suspending).toBe(false);
    wasm.Suspending = FakeSuspending;
    expect(createExtismHost({ jspi: true, http: fakeHttp().client }).suspending).toBe(false);
    expect(createExtismHost({ http: asyncClient() }).suspending).toBe(false);
    expect(typeof createExtismHost({ http: asyncClient() }).imports.http_request).toBe('function');
  });
});
