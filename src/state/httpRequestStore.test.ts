import { describe, expect, it } from 'vitest';
import type { HttpRequestDraft } from './httpRequestStore';
import { incomingRequestOf, isIncomingHandler } from './httpRequestStore';

const draft = (over: Partial<HttpRequestDraft>): HttpRequestDraft => ({ method: 'GET', target: '/', headers: [], bodyKind: 'text', bodyText: '', bodyFile: null, ...over });

describe('isIncomingHandler', () => {
  it('knows the handler of any version, and nothing else', () => {
    expect(isIncomingHandler('wasi:http/incoming-handler@0.2.0#handle')).toBe(true);
    expect(isIncomingHandler('wasi:http/incoming-handler@0.2.12#handle')).toBe(true);
    expect(isIncomingHandler('wasi:http/incoming-handler#handle')).toBe(true);
    expect(isIncomingHandler('wasi:http/outgoing-handler@0.2.0#handle')).toBe(false);
    expect(isIncomingHandler('my:http/incoming-handler#handle')).toBe(false);
    expect(isIncomingHandler(null)).toBe(false);
  });
});

describe('incomingRequestOf', () => {
  it('sends a file body as its bytes and an empty path as /', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(incomingRequestOf(draft({ method: 'PUT', target: '', bodyKind: 'file', bodyFile: { name: 'f', bytes } }))).toEqual({ ok: true, request: { method: 'PUT', url: '/', headers: [], body: bytes } });
  });

  it('keeps repeated headers in order and a content type the user set', () => {
    const r = incomingRequestOf(draft({ method: 'POST', headers: [['Accept', 'a'], ['accept', 'b'], ['Content-Type', 'text/x']], bodyKind: 'json', bodyText: '[]' }));
    expect(r.ok && r.request.headers).toEqual([['accept', 'a'], ['accept', 'b'], ['content-type', 'text/x']]);
  });

  it('refuses a bad header name, a line break in a value, and a bad method', () => {
    expect(incomingRequestOf(draft({ headers: [['x y', '1']] }))).toMatchObject({ ok: false, message: expect.stringContaining('Header 1: "x y" is not a valid header name') });
    expect(incomingRequestOf(draft({ headers: [['x', 'a\r\nInjected: 1']] }))).toMatchObject({ ok: false, message: 'Header 1 (x): the value may not contain line breaks.' });
    expect(incomingRequestOf(draft({ method: 'GE T' }))).toMatchObject({ ok: false, message: expect.stringContaining('not a valid HTTP method') });
  });
});
