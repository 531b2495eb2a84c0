/**
 * http_request, http_status_code and http_headers (runtime/src/pdk.rs, js-sdk src/http-context.ts).
 *
 * ABI: the request is a block of JSON `{url, method?, headers?}`, the body a block or 0; both are
 * taken over by the host (the kernel frees them after storing the answer). The result is a block
 * with the response body; the status goes to http_status_code. Every failure, a disallowed host included, throws into the guest and ends the
 * call, as both SDKs do.
 */
import { ExtismError, formatBytes } from './errors';
import type { KernelMemory } from './memory';
import type { HttpClient, HttpRequest, HttpResponse } from './types';

export interface HttpState {
  status: number;
  /** Headers of the last response; null when headers are not exposed. */
  headers: Record<string, string> | null;
}

/** A request read out of kernel memory, ready for the client. */
export interface PreparedRequest {
  req: HttpRequest;
  body: Uint8Array | null;
}

const decoder = new TextDecoder();

/** Read the request and body blocks; reset the status and headers of the last response. */
export function prepareRequest(mem: KernelMemory, state: HttpState, reqOffset: number, bodyOffset: number): PreparedRequest {
  state.status = 0;
  if (state.headers) state.headers = {};
  const req = parseRequest(decoder.decode(mem.readBlock('http_request', reqOffset)));
  let body = bodyOffset === 0 ? null : mem.readBlock('http_request (body)', bodyOffset);
  // fetch and XHR refuse a body on GET and HEAD; the js-sdk drops it too.
  if (req.method === 'GET' || req.method === 'HEAD') body = null;
  return { req, body };
}

/** Store the response body and record status and headers; throw on failure. */
export function finishRequest(mem: KernelMemory, state: HttpState, req: HttpRequest, res: HttpResponse, maxBytes: number): number {
  if (!res.ok) {
    if (res.blocked || res.reason === 'blocked') {
      throw new ExtismError('http-blocked', res.message || `HTTP request to "${req.url}" is not allowed (no allowed host matches "${hostOf(req.url)}")`);
    }
    throw new ExtismError('http', res.message || `HTTP request to "${req.url}" failed`);
  }
  state.status = res.status;
  if (state.headers) state.headers = { ...res.headers };
  if (res.body.length > maxBytes) {
    throw new ExtismError('http', `HTTP response from "${req.url}" is ${res.body.length} bytes, over the limit of ${formatBytes(maxBytes)} (max_http_response_bytes)`);
  }
  return mem.store(res.body);
}

/** Run a request synchronously. */
export function requestSync(mem: KernelMemory, state: HttpState, client: HttpClient | undefined, maxBytes: number, reqOffset: number, bodyOffset: number): number {
  const { req, body } = prepareRequest(mem, state, reqOffset, bodyOffset);
  const res = client ? client.request(req, body, { maxResponseBytes: maxBytes }) : noClient(req);
  return finishRequest(mem, state, req, res, maxBytes);
}

/** Run a request through `client.requestAsync` (the JSPI path). */
export async function requestAsync(mem: KernelMemory, state: HttpState, client: HttpClient, maxBytes: number, reqOffset: number, bodyOffset: number): Promise<number> {
  const { req, body } = prepareRequest(mem, state, reqOffset, bodyOffset);
  const res = client.requestAsync ? await client.requestAsync(req, body, { maxResponseBytes: maxBytes }) : client.request(req, body, { maxResponseBytes: maxBytes });
  return finishRequest(mem, state, req, res, maxBytes);
}

function noClient(req: HttpRequest): HttpResponse {
  return { ok: false, blocked: true, message: `HTTP request to "${req.url}" is not allowed (this host offers no network access)` };
}

/** Validate the plugin's request JSON (extism-manifest HttpRequest; the js-sdk also reads `header`). */
export function parseRequest(text: string): HttpRequest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ExtismError('http', `http_request: the request is not JSON: ${JSON.stringify(text.slice(0, 80))}`);
  }
  if (!isRecord(raw) || typeof raw.url !== 'string') {
    throw new ExtismError('http', 'http_request: the request must be a JSON object with a string "url"');
  }
  try {
    new URL(raw.url);
  } catch {
    throw new ExtismError('http', `http_request: "${raw.url}" is not a valid absolute URL`);
  }
  const method = raw.method === undefined || raw.method === null ? 'GET' : raw.method;
  if (typeof method !== 'string' || !/^[A-Za-z]+$/.test(method)) {
    throw new ExtismError('http', `http_request: method ${JSON.stringify(method)} is not an HTTP method`);
  }
  const headersRaw = raw.headers ?? raw.header ?? {};
  if (!isRecord(headersRaw)) throw new ExtismError('http', 'http_request: "headers" must be an object of strings');
  for (const [name, value] of Object.entries(headersRaw)) {
    if (typeof value !== 'string') throw new ExtismError('http', `http_request: header "${name}" must be a string`);
  }
  // fromEntries defines own properties: a "__proto__" header stays a header.
  const headers = Object.fromEntries(Object.entries(headersRaw)) as Record<string, string>;
  return { url: raw.url, method: method.toUpperCase(), headers };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
