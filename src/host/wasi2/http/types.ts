/**
 * wasi:http/types resources other than `fields`, in jco's shapes. Bodies are whole byte
 * buffers: the transport is synchronous, so an outgoing body is sent when the guest first
 * looks at the response, and an incoming body is there in full.
 */
import { fail } from '../errors';
import { dispose, InputStream, OutputStream, Pollable, type IoError } from '../io';
import type { Fields } from './fields';

export type Method =
  | { tag: 'get' | 'head' | 'post' | 'put' | 'delete' | 'connect' | 'options' | 'trace' | 'patch' }
  | { tag: 'other'; val: string };
export type Scheme = { tag: 'HTTP' } | { tag: 'HTTPS' } | { tag: 'other'; val: string };

/** wasi:http/types `error-code` cases the host produces. */
export type HttpErrorCode =
  | { tag: 'HTTP-request-denied' }
  | { tag: 'HTTP-request-method-invalid' }
  | { tag: 'HTTP-request-URI-invalid' }
  | { tag: 'HTTP-response-body-size'; val: bigint | undefined }
  | { tag: 'destination-unavailable' }
  | { tag: 'internal-error'; val: string | undefined };

type Result<T, E> = { tag: 'ok'; val: T } | { tag: 'err'; val: E };

export function methodName(m: Method): string {
  return m.tag === 'other' ? m.val : m.tag.toUpperCase();
}

export function methodOf(name: string): Method {
  const lower = name.toLowerCase();
  const known = ['get', 'head', 'post', 'put', 'delete', 'connect', 'options', 'trace', 'patch'] as const;
  const tag = known.find((k) => k === lower);
  return tag ? { tag } : { tag: 'other', val: name };
}

/** An output stream into a growing buffer. */
function bufferStream(chunks: Uint8Array[]): OutputStream {
  return new OutputStream({ write: (b) => void chunks.push(b.slice()) });
}

export function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** `outgoing-body`: what the guest writes, gathered until it finishes. */
export class OutgoingBody {
  readonly chunks: Uint8Array[] = [];
  finished = false;
  private streamTaken = false;
  write(): OutputStream {
    if (this.streamTaken || this.finished) fail(undefined);
    this.streamTaken = true;
    return bufferStream(this.chunks);
  }
  static finish(body: OutgoingBody, trailers?: Fields): void {
    if (trailers && trailers.entries().length > 0) fail({ tag: 'internal-error', val: 'trailers are not supported: browsers cannot send them' });
    body.finished = true;
  }
  bytes(): Uint8Array {
    return concat(this.chunks);
  }
}

/** `request-options`: timeouts are kept but not enforced (the browser has its own). */
export class RequestOptions {
  private timeouts: Record<'connect' | 'firstByte' | 'betweenBytes', bigint | undefined> = { connect: undefined, firstByte: undefined, betweenBytes: undefined };
  connectTimeout() {
    return this.timeouts.connect;
  }
  setConnectTimeout(d?: bigint) {
    this.timeouts.connect = d;
  }
  firstByteTimeout() {
    return this.timeouts.firstByte;
  }
  setFirstByteTimeout(d?: bigint) {
    this.timeouts.firstByte = d;
  }
  betweenBytesTimeout() {
    return this.timeouts.betweenBytes;
  }
  setBetweenBytesTimeout(d?: bigint) {
    this.timeouts.betweenBytes = d;
  }
}

/** `outgoing-request`. */
export class OutgoingRequest {
  private m: Method = { tag: 'get' };
  private path: string | undefined = undefined;
  private sch: Scheme | undefined = undefined;
  private auth: string | undefined = undefined;
  readonly outgoing = new OutgoingBody();
  private bodyTaken = false;
  constructor(private readonly hdrs: Fields) {
    hdrs.lock();
  }
  body(): OutgoingBody {
    if (this.bodyTaken) fail(undefined);
    this.bodyTaken = true;
    return this.outgoing;
  }
  method(): Method {
    return this.m;
  }
  setMethod(m: Method): void {
    if (m.tag === 'other' && !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(m.val)) fail(undefined);
    this.m = m;
  }
  pathWithQuery(): string | undefined {
    return this.path;
  }
  setPathWithQuery(p?: string): void {
    if (p !== undefined && (/[\s#]/.test(p) || (p !== '' && !p.startsWith('/') && p !== '*'))) fail(undefined);
    this.path = p;
  }
  scheme(): Scheme | undefined {
    return this.sch;
  }
  setScheme(s?: Scheme): void {
    if (s?.tag === 'other' && !/^[A-Za-z][A-Za-z0-9+.-]*$/.test(s.val)) fail(undefined);
    this.sch = s;
  }
  authority(): string | undefined {
    return this.auth;
  }
  setAuthority(a?: string): void {
    if (a !== undefined && /[\s/?#@]/.test(a)) fail(undefined);
    this.auth = a;
  }
  headers(): Fields {
    return this.hdrs;
  }
}

/** `incoming-body`: a whole body, read through one stream. */
export class IncomingBody {
  private streamTaken = false;
  constructor(private readonly data: Uint8Array) {}
  stream(): InputStream {
    if (this.streamTaken) fail(undefined);
    this.streamTaken = true;
    let pos = 0;
    return new InputStream({
      read: (len) => {
        if (pos >= this.data.length) return null;
        const out = this.data.slice(pos, pos + len);
        pos += out.length;
        return out;
      },
    });
  }
  static finish(_body: IncomingBody): FutureTrailers {
    return new FutureTrailers();
  }
}

/** `future-trailers`: there are never trailers (browsers do not expose them). */
export class FutureTrailers {
  private taken = false;
  subscribe(): Pollable {
    return new Pollable();
  }
  get(): Result<Result<Fields | undefined, HttpErrorCode>, undefined> {
    if (this.taken) return { tag: 'err', val: undefined };
    this.taken = true;
    return { tag: 'ok', val: { tag: 'ok', val: undefined } };
  }
}

/** `incoming-response`. */
export class IncomingResponse {
  private bodyTaken = false;
  constructor(
    private readonly code: number,
    private readonly hdrs: Fields,
    private readonly data: Uint8Array,
  ) {}
  status(): number {
    return this.code;
  }
  headers(): Fields {
    return this.hdrs;
  }
  consume(): IncomingBody {
    if (this.bodyTaken) fail(undefined);
    this.bodyTaken = true;
    return new IncomingBody(this.data);
  }
}

/**
 * `future-incoming-response`: sent the first time the guest looks at it. A synchronous
 * transport settles it there and then; an asynchronous one (JSPI) leaves it pending, and the
 * guest's pollable waits for it.
 */
export class FutureIncomingResponse {
  private result: Result<IncomingResponse, HttpErrorCode> | null = null;
  private inFlight: Promise<void> | null = null;
  private taken = false;
  constructor(private readonly send: () => Result<IncomingResponse, HttpErrorCode> | Promise<Result<IncomingResponse, HttpErrorCode>>) {}
  /** Starts the request if it has not been; the promise while it is in flight. */
  private settle(): Promise<void> | null {
    if (this.result || this.inFlight) return this.inFlight;
    const r = this.send();
    if (r instanceof Promise) {
      this.inFlight = r.then((v) => {
        this.result = v;
        this.inFlight = null;
      });
    } else {
      this.result = r;
    }
    return this.inFlight;
  }
  subscribe(): Pollable {
    return new Pollable(null, null, () => this.settle());
  }
  get(): Result<Result<IncomingResponse, HttpErrorCode>, undefined> | undefined {
    this.settle();
    if (!this.result) return undefined;
    if (this.taken) return { tag: 'err', val: undefined };
    this.taken = true;
    return { tag: 'ok', val: this.result };
  }
}

/** `incoming-request`: what a proxy component's incoming-handler receives. */
export class IncomingRequest {
  private bodyTaken = false;
  constructor(
    private readonly m: Method,
    private readonly path: string,
    private readonly sch: Scheme,
    private readonly auth: string,
    private readonly hdrs: Fields,
    private readonly data: Uint8Array,
  ) {}
  method(): Method {
    return this.m;
  }
  pathWithQuery(): string | undefined {
    return this.path;
  }
  scheme(): Scheme | undefined {
    return this.sch;
  }
  authority(): string | undefined {
    return this.auth;
  }
  headers(): Fields {
    return this.hdrs;
  }
  consume(): IncomingBody {
    if (this.bodyTaken) fail(undefined);
    this.bodyTaken = true;
    return new IncomingBody(this.data);
  }
}

/** `outgoing-response`: what a proxy component answers with. */
export class OutgoingResponse {
  private code = 200;
  readonly outgoing = new OutgoingBody();
  private bodyTaken = false;
  constructor(private readonly hdrs: Fields) {
    hdrs.lock();
  }
  statusCode(): number {
    return this.code;
  }
  setStatusCode(code: number): void {
    if (!Number.isInteger(code) || code < 100 || code > 999) fail(undefined);
    this.code = code;
  }
  headers(): Fields {
    return this.hdrs;
  }
  body(): OutgoingBody {
    if (this.bodyTaken) fail(undefined);
    this.bodyTaken = true;
    return this.outgoing;
  }
}

/** `response-outparam`: where the handler puts its response (read by the host after `handle`). */
export class ResponseOutparam {
  value: Result<OutgoingResponse, HttpErrorCode> | null = null;
  static set(param: ResponseOutparam, response: Result<OutgoingResponse, HttpErrorCode>): void {
    if (param.value) throw new Error('wasi:http: response-outparam.set was called twice');
    param.value = response;
  }
  [dispose](): void {}
}

/** `http-error-code`: the HTTP error a stream error carries (never, here: bodies are in memory). */
export function httpErrorCode(_err: IoError): HttpErrorCode | undefined {
  return undefined;
}
