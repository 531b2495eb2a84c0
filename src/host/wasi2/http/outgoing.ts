/**
 * wasi:http/outgoing-handler through the network capability (DESIGN.md §4): every request is
 * checked against "Allowed hosts" with the same rules as the Extism path (src/host/net.ts); a
 * refused one is reported and fails at once with `HTTP-request-denied`, so the guest never
 * waits. The transport is synchronous (XHR in the worker by default, which net.ts only lets
 * out when every host is allowed, since XHR follows redirects unseen).
 */
import { checkRequest, fetchSync, type NetFailureReason, type NetPolicy, type NetRequest, type NetResponse } from '../../net';
import type { Wasi2Context } from '../context';
import { fail } from '../errors';
import { Fields } from './fields';
import {
  FutureIncomingResponse,
  FutureTrailers,
  IncomingBody,
  IncomingRequest,
  IncomingResponse,
  methodName,
  OutgoingBody,
  OutgoingRequest,
  OutgoingResponse,
  RequestOptions,
  ResponseOutparam,
  httpErrorCode,
  type HttpErrorCode,
} from './types';

export type HttpResponse = Extract<NetResponse, { ok: true }>;
export type HttpFailure = Extract<NetResponse, { ok: false }>;

export interface HttpOptions {
  /** "Allowed hosts" entries (src/host/allowlist.ts). */
  hosts: string[];
  /** Largest response body taken, bytes (default 50 MiB, as for Extism plugins). */
  maxResponseBytes?: number;
  /** Sends an allowed request and waits for the answer; default: synchronous XHR (net.ts fetchSync). */
  send?(request: NetRequest, policy: NetPolicy): HttpResponse | HttpFailure;
  /**
   * Sends without blocking (net.ts fetchAsync: no redirect followed, so any allowlist works).
   * Only for components transpiled with JSPI for `jspiImports(...)`: poll and pollable.block
   * then return promises while a response is in flight. Takes precedence over `send`.
   */
  sendAsync?(request: NetRequest, policy: NetPolicy): Promise<HttpResponse | HttpFailure>;
}

const DEFAULT_MAX_RESPONSE_BYTES = 50 * 1024 * 1024;

/** How a refusal or failure reaches the guest. */
function errorCodeFor(reason: NetFailureReason, message: string, max: number): HttpErrorCode {
  switch (reason) {
    case 'blocked':
    case 'sync-unsafe':
    case 'redirect':
      return { tag: 'HTTP-request-denied' };
    case 'forbidden-method':
      return { tag: 'HTTP-request-method-invalid' };
    case 'bad-url':
      return { tag: 'HTTP-request-URI-invalid' };
    case 'too-large':
      return { tag: 'HTTP-response-body-size', val: BigInt(max) };
    case 'network':
      return { tag: 'internal-error', val: message };
  }
}

/** The URL a request names; null when it names no host. */
export function requestUrl(req: OutgoingRequest): string | null {
  const authority = req.authority();
  if (!authority) return null;
  const scheme = req.scheme() ?? { tag: 'HTTPS' };
  const proto = scheme.tag === 'HTTP' ? 'http' : scheme.tag === 'HTTPS' ? 'https' : scheme.val;
  const path = req.pathWithQuery() || '/';
  return `${proto}://${authority}${path.startsWith('/') ? path : `/${path}`}`;
}

export function httpImports(ctx: Wasi2Context, http: HttpOptions): Record<string, Record<string, unknown>> {
  const max = http.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const policy: NetPolicy = {
    allowlist: http.hosts,
    maxResponseBytes: max,
    onBlocked: (host, what) => ctx.blocked({ capability: 'network', target: host, detail: `HTTP request to ${what}` }),
  };
  const send = http.send ?? fetchSync;
  const answer = (res: HttpResponse | HttpFailure): { tag: 'ok'; val: IncomingResponse } | { tag: 'err'; val: HttpErrorCode } =>
    res.ok
      ? { tag: 'ok', val: new IncomingResponse(res.status, Fields.fromText(Object.entries(res.headers)), res.body) }
      : { tag: 'err', val: errorCodeFor(res.reason, res.message, max) };

  function handle(request: OutgoingRequest, _options?: RequestOptions): FutureIncomingResponse {
    const url = requestUrl(request);
    if (url === null) fail({ tag: 'HTTP-request-URI-invalid' } satisfies HttpErrorCode);
    const method = methodName(request.method());
    const net: NetRequest = { url, method, headers: request.headers().toRecord(), body: null };
    const refused = checkRequest(net, policy);
    if (refused && !refused.ok) fail(errorCodeFor(refused.reason, refused.message, max));
    // Sent when the guest first looks at the response: it may write the body after handle.
    return new FutureIncomingResponse(() => {
      // fetch and XHR refuse a body on GET and HEAD (the Extism path drops it too).
      const body = method === 'GET' || method === 'HEAD' ? null : request.outgoing.bytes();
      const req = { ...net, body };
      return http.sendAsync ? http.sendAsync(req, policy).then(answer) : answer(send(req, policy));
    });
  }

  return {
    'wasi:http/types': {
      Fields,
      OutgoingRequest,
      RequestOptions,
      OutgoingBody,
      FutureIncomingResponse,
      IncomingResponse,
      IncomingBody,
      FutureTrailers,
      IncomingRequest,
      OutgoingResponse,
      ResponseOutparam,
      httpErrorCode,
    },
    'wasi:http/outgoing-handler': { handle },
  };
}
