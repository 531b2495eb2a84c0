/**
 * Network capability (DESIGN.md §4): `fetch` to allowed hosts only. Guests call synchronously:
 * `fetchAsync` serves JSPI (WebAssembly.Suspending), `fetchSync` uses synchronous XHR, which
 * workers still allow.
 *
 * Redirects: no request may reach a host outside the allowlist, and a redirect is chosen by the
 * server, after the check. Browsers never show a page where a cross-origin redirect points
 * before following it: `fetch(…, { redirect: 'manual' })` gives an "opaqueredirect" response
 * with status 0 and no Location, and XHR follows redirects with no way to stop it. So:
 * - fetchAsync uses `redirect: 'manual'` and refuses every redirect (the target cannot be
 *   checked, so it is not followed). It used to probe a failed request again in `no-cors` mode
 *   to tell "no CORS headers" from "unreachable"; but no-cors requests must follow redirects
 *   (Fetch standard, main fetch: a no-cors request whose redirect mode is not "follow" is a
 *   network error), so a probe would reach the redirect's target. There is no probe: the
 *   message names both causes.
 * - fetchSync cannot stop a redirect at all, so it only sends when the allowlist is `*` (every
 *   host: no redirect can leave it). Otherwise it refuses without sending. Browsers without
 *   JSPI therefore reach the network only with `*`. A narrower sync path would need a fetch
 *   with `redirect: 'manual'` on another thread that the worker waits for (a service worker, or
 *   Atomics.wait on SharedArrayBuffer, i.e. cross-origin isolation), which the app does not have.
 */
import { allowsEveryHost, hostForAllowlist, isUrlAllowed } from './allowlist';

export interface NetRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: Uint8Array | null;
}

/** `network` covers CORS refusals too: the browser does not tell them apart from an unreachable server. */
export type NetFailureReason = 'blocked' | 'redirect' | 'sync-unsafe' | 'forbidden-method' | 'network' | 'too-large' | 'bad-url';

export type NetResponse =
  | { ok: true; status: number; headers: Record<string, string>; body: Uint8Array }
  | { ok: false; reason: NetFailureReason; message: string };

export interface NetPolicy {
  allowlist: readonly string[];
  maxResponseBytes: number;
  /**
   * A refused request: the console shows "http_request to <what>" with a one-click grant of
   * `host`. `host` is '' when no grant would help (a redirect whose target the browser hides).
   */
  onBlocked(host: string, what: string): void;
}

/** Methods fetch and XHR refuse outright (Fetch standard, "forbidden method"). */
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

/** Check a request against the policy before anything is sent; a refusal says why, in words. */
export function checkRequest(request: NetRequest, policy: NetPolicy): NetResponse | null {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return { ok: false, reason: 'bad-url', message: `"${request.url}" is not a valid URL.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: 'bad-url', message: `"${request.url}" is not an http or https URL: only those can be requested.` };
  }
  if (url.username || url.password) {
    // fetch refuses such URLs; XHR would send them as Basic credentials. Refuse both the same way.
    return { ok: false, reason: 'bad-url', message: `"${request.url}" contains a user name or password: send credentials in an Authorization header instead.` };
  }
  const method = (request.method || 'GET').toUpperCase();
  if (FORBIDDEN_METHODS.has(method)) {
    return { ok: false, reason: 'forbidden-method', message: `HTTP method ${method} cannot be used: browsers refuse CONNECT, TRACE and TRACK. Use another method.` };
  }
  const host = hostForAllowlist(request.url) ?? url.host;
  if (!isUrlAllowed(request.url, policy.allowlist)) {
    policy.onBlocked(host, request.url);
    return { ok: false, reason: 'blocked', message: `HTTP request to ${host} is not allowed: add it to "Allowed hosts" in the Capabilities panel.` };
  }
  return null;
}

/**
 * Synchronous request via XHR (worker only). XHR follows redirects before we see them, so it is
 * only sent when every host is allowed; a narrower allowlist cannot be enforced on this path.
 */
export function fetchSync(request: NetRequest, policy: NetPolicy): NetResponse {
  const refused = checkRequest(request, policy);
  if (refused) return refused;
  const host = hostForAllowlist(request.url) ?? request.url;
  if (!allowsEveryHost(policy.allowlist)) {
    policy.onBlocked('', `${request.url} (not sent: synchronous HTTP cannot stop a redirect to a host outside "Allowed hosts")`);
    return {
      ok: false,
      reason: 'sync-unsafe',
      message:
        `HTTP request to ${host} was not sent: synchronous HTTP (used when the browser has no JSPI, or with httpMode "sync") ` +
        'follows redirects before the playground can check them, so a redirect could reach a host outside "Allowed hosts". ' +
        'Use a browser with JSPI (WebAssembly.Suspending) and httpMode "auto", or allow every host with "*".',
    };
  }
  const xhr = new XMLHttpRequest();
  try {
    xhr.open(request.method || 'GET', request.url, false);
    xhr.responseType = 'arraybuffer';
    for (const [name, value] of Object.entries(request.headers)) xhr.setRequestHeader(name, value);
    xhr.send(request.body ? new Uint8Array(request.body) : null);
  } catch (err) {
    return failure(request.url, err, true);
  }
  if (xhr.status === 0) return failure(request.url, null, true);
  const body = new Uint8Array(xhr.response instanceof ArrayBuffer ? xhr.response : new ArrayBuffer(0));
  if (body.length > policy.maxResponseBytes) return tooLarge(xhr.responseURL || request.url, policy.maxResponseBytes);
  return { ok: true, status: xhr.status, headers: parseHeaderBlock(xhr.getAllResponseHeaders()), body };
}

/** Asynchronous request via fetch, never following a redirect, reading the body up to the size cap. */
export async function fetchAsync(request: NetRequest, policy: NetPolicy): Promise<NetResponse> {
  const refused = checkRequest(request, policy);
  if (refused) return refused;
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method || 'GET',
      headers: request.headers,
      body: request.body ? new Uint8Array(request.body) : null,
      credentials: 'omit',
      mode: 'cors',
      redirect: 'manual',
    });
  } catch (err) {
    // A CORS refusal (a redirect without CORS headers included) and an unreachable server look
    // the same here; see the header comment for why there is no probe.
    return failure(request.url, err, false);
  }
  if (response.type === 'opaqueredirect') return redirectRefused(request.url, policy);
  return readBody(request.url, response, policy.maxResponseBytes);
}

function redirectRefused(url: string, policy: NetPolicy): NetResponse {
  const host = hostForAllowlist(url) ?? url;
  policy.onBlocked('', `${url} (answered with a redirect, not followed)`);
  return {
    ok: false,
    reason: 'redirect',
    message:
      `HTTP request to ${host} was answered with a redirect, which is not followed: the browser hides where a redirect points, ` +
      'so the playground cannot check it against "Allowed hosts". Request the final URL directly (and allow its host).',
  };
}

async function readBody(url: string, response: Response, max: number): Promise<NetResponse> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      void reader.cancel();
      return tooLarge(url, max);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    body.set(c, offset);
    offset += c.length;
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  return { ok: true, status: response.status, headers, body };
}

/**
 * fetch and XHR fail the same way for an unreachable server and a CORS refusal, so the message
 * names both. `mayHaveRedirected`: only XHR (under `*`) follows redirects, so the failing host
 * may be a later one.
 */
function failure(url: string, err: unknown, mayHaveRedirected: boolean): NetResponse {
  const host = `${hostForAllowlist(url) ?? url}${mayHaveRedirected ? ' (or a host it redirected to)' : ''}`;
  const detail = err instanceof Error ? ` (${err.message})` : '';
  return {
    ok: false,
    reason: 'network',
    message:
      `HTTP request to ${host} failed${detail}: the server could not be reached, or it does not allow cross-origin requests ` +
      '(CORS: it must send Access-Control-Allow-Origin). The browser does not say which.',
  };
}

function tooLarge(url: string, max: number): NetResponse {
  return { ok: false, reason: 'too-large', message: `HTTP response from ${hostForAllowlist(url) ?? url} is larger than the ${max}-byte limit.` };
}

/** "a: 1\r\nb: 2" → { a: '1', b: '2' } */
export function parseHeaderBlock(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}
