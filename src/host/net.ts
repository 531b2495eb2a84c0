/**
 * Network capability (DESIGN.md §4): `fetch` to allowed hosts only. Guests call synchronously:
 * `fetchAsync` serves JSPI (WebAssembly.Suspending), `fetchSync` uses synchronous XHR, which
 * workers still allow.
 */
import { hostForAllowlist, isUrlAllowed } from './allowlist';

export interface NetRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: Uint8Array | null;
}

export type NetResponse =
  | { ok: true; status: number; headers: Record<string, string>; body: Uint8Array }
  | { ok: false; reason: 'blocked' | 'cors' | 'network' | 'too-large' | 'bad-url'; message: string };

export interface NetPolicy {
  allowlist: readonly string[];
  maxResponseBytes: number;
  /** A request to a host not in the allowlist: the console shows it with a one-click grant. */
  onBlocked(host: string, url: string): void;
}

/** Check a request against the policy; a refusal says why, in words. */
export function checkRequest(request: NetRequest, policy: NetPolicy): NetResponse | null {
  const host = hostForAllowlist(request.url);
  if (!host) return { ok: false, reason: 'bad-url', message: `"${request.url}" is not a valid URL.` };
  if (!isUrlAllowed(request.url, policy.allowlist)) {
    policy.onBlocked(host, request.url);
    return { ok: false, reason: 'blocked', message: `HTTP request to ${host} is not allowed: add it to "Allowed hosts" in the Capabilities panel.` };
  }
  return null;
}

/** Synchronous request via XHR (worker only). */
export function fetchSync(request: NetRequest, policy: NetPolicy): NetResponse {
  const refused = checkRequest(request, policy);
  if (refused) return refused;
  const xhr = new XMLHttpRequest();
  try {
    xhr.open(request.method || 'GET', request.url, false);
    xhr.responseType = 'arraybuffer';
    for (const [name, value] of Object.entries(request.headers)) xhr.setRequestHeader(name, value);
    xhr.send(request.body ? new Uint8Array(request.body) : null);
  } catch (err) {
    return failure(request.url, err, 'network');
  }
  if (xhr.status === 0) return failure(request.url, null, 'cors');
  const body = new Uint8Array(xhr.response instanceof ArrayBuffer ? xhr.response : new ArrayBuffer(0));
  if (body.length > policy.maxResponseBytes) return tooLarge(request.url, policy.maxResponseBytes);
  return { ok: true, status: xhr.status, headers: parseHeaderBlock(xhr.getAllResponseHeaders()), body };
}

/** Asynchronous request via fetch, reading the body up to the size cap. */
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
    });
  } catch (err) {
    // An opaque no-cors request that succeeds means the server answered: it is CORS.
    const reachable = await fetch(request.url, { mode: 'no-cors', credentials: 'omit' }).then(
      () => true,
      () => false,
    );
    return failure(request.url, err, reachable ? 'cors' : 'network');
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > policy.maxResponseBytes) {
      void reader.cancel();
      return tooLarge(request.url, policy.maxResponseBytes);
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

function failure(url: string, err: unknown, reason: 'cors' | 'network'): NetResponse {
  const host = hostForAllowlist(url) ?? url;
  const detail = err instanceof Error ? ` (${err.message})` : '';
  return reason === 'cors'
    ? { ok: false, reason, message: `HTTP request to ${host} failed: the server answered but does not allow cross-origin requests (CORS). It must send Access-Control-Allow-Origin.` }
    : { ok: false, reason, message: `HTTP request to ${host} failed: the server could not be reached, or refused cross-origin requests (CORS)${detail}.` };
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
