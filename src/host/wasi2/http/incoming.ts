/**
 * wasi:http/incoming-handler (proxy components): the request a `handle` export takes, and the
 * outparam it answers through, read by the host after `handle` returns.
 */
import { Fields } from './fields';
import { IncomingRequest, methodOf, ResponseOutparam } from './types';

export interface IncomingRequestInit {
  method: string;
  /** Absolute ("https://example.com/a?b") or a path with query ("/a?b", host "localhost"). */
  url: string;
  headers: [string, string][];
  body: Uint8Array;
}

/** The `incoming-request` resource for a request typed into the Request form or sent through the API. */
export function makeIncomingRequest(init: IncomingRequestInit): IncomingRequest {
  let url: URL;
  try {
    url = new URL(init.url, 'http://localhost');
  } catch {
    throw new Error(`The request URL "${init.url}" is not a valid URL or path: write it as "/path?query" or "https://host/path".`);
  }
  const scheme = url.protocol === 'https:' ? { tag: 'HTTPS' as const } : url.protocol === 'http:' ? { tag: 'HTTP' as const } : { tag: 'other' as const, val: url.protocol.slice(0, -1) };
  const headers = init.headers.some(([n]) => n.toLowerCase() === 'host') ? init.headers : [...init.headers, ['host', url.host] as [string, string]];
  return new IncomingRequest(methodOf(init.method || 'GET'), `${url.pathname}${url.search}`, scheme, url.host, Fields.fromText(headers), init.body.slice());
}

export type HandledResponse = { status: number; headers: [string, string][]; body: Uint8Array } | { error: string };

/** A fresh outparam, and how to read what the handler set on it. */
export function makeResponseOutparam(): { outparam: ResponseOutparam; response(): HandledResponse } {
  const outparam = new ResponseOutparam();
  return {
    outparam,
    response(): HandledResponse {
      const v = outparam.value;
      if (!v) return { error: 'The handler returned without setting a response (response-outparam.set was never called).' };
      if (v.tag === 'err') return { error: `The handler answered with the error ${JSON.stringify(v.val, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x))}.` };
      const r = v.val;
      return { status: r.statusCode(), headers: r.headers().toText(), body: r.outgoing.bytes() };
    },
  };
}
