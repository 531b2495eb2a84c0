/**
 * wasi:io/{error, poll, streams}. IO is synchronous (stdin is all there up front, files are in
 * memory, output goes straight to its sink), so stream pollables are always ready; only clock
 * pollables wait, through the host clock's `sleep` (which a deterministic clock only advances).
 */
import type { Clock } from '../clock';
import { fail, type FsErrorCode } from './errors';

/** wasi:io/error `error`: what a failed stream operation reports; `code` feeds filesystem-error-code. */
export class IoError {
  constructor(
    readonly message: string,
    readonly code?: FsErrorCode,
  ) {}
  toDebugString(): string {
    return this.message;
  }
}

/** A stream-error payload: the stream ended, or the last operation failed. */
export type StreamError = { tag: 'closed' } | { tag: 'last-operation-failed'; val: IoError };

const CLOSED: StreamError = { tag: 'closed' };

/** jco drops a host resource by calling this method, when the guest drops its handle. */
export const dispose: symbol = (Symbol as { dispose?: symbol }).dispose ?? Symbol.for('dispose');

/**
 * wasi:io/poll `pollable`: ready at once, or at a monotonic-clock instant. `pending` starts
 * the work it waits for (an HTTP response) and returns a promise while that is in flight,
 * which only happens with an asynchronous transport under JSPI (see JSPI_IMPORTS).
 */
export class Pollable {
  constructor(
    private readonly deadline: bigint | null = null,
    private readonly clock: Clock | null = null,
    private readonly pending?: () => Promise<void> | null,
  ) {}
  ready(): boolean {
    if (this.pending?.()) return false;
    return this.deadline === null || this.clock === null || this.clock.monotonic() >= this.deadline;
  }
  /** Waits until ready: on the clock, or (under JSPI) for the work in flight. */
  block(): void | Promise<void> {
    const inFlight = this.pending?.();
    if (inFlight) return inFlight;
    if (this.deadline === null || this.clock === null) return;
    const left = this.deadline - this.clock.monotonic();
    if (left > 0n) this.clock.sleep(left);
  }
  /** When it becomes ready, on the monotonic clock; null when it is ready now. */
  get readyAt(): bigint | null {
    return this.deadline;
  }
  /** The promise of the work in flight, if any. */
  inFlight(): Promise<void> | null {
    return this.pending?.() ?? null;
  }
}

/**
 * wasi:io/poll `poll`: the indices of the ready pollables, waiting for the earliest one if none
 * is. Only with work in flight (JSPI) does it return a promise.
 */
export function poll(list: Pollable[]): Uint32Array | Promise<Uint32Array> {
  if (list.length === 0) throw new Error('wasi:io/poll: poll was called with an empty list (the WIT requires at least one pollable)');
  for (;;) {
    const ready: number[] = [];
    list.forEach((p, i) => p.ready() && ready.push(i));
    if (ready.length > 0) return Uint32Array.from(ready);
    const inFlight = list.map((p) => p.inFlight()).filter((p): p is Promise<void> => p !== null);
    if (inFlight.length > 0) return Promise.race(inFlight).then(() => poll(list));
    // None ready and nothing in flight: every one is a clock pollable. Sleep until the earliest.
    let first = list[0]!;
    for (const p of list) if ((p.readyAt ?? 0n) < (first.readyAt ?? 0n)) first = p;
    void first.block();
  }
}

/**
 * The imports that may return a promise when the host has an asynchronous HTTP transport:
 * list them in jco's `asyncMode: { tag: 'jspi', val: { imports } }`. `interfaces` are the
 * component's imported interface names, with their versions (jco matches them exactly).
 */
export function jspiImports(interfaces: string[]): string[] {
  return interfaces.filter((i) => /^wasi:io\/poll(@|$)/.test(i)).flatMap((i) => [`${i}#poll`, `${i}#[method]pollable.block`]);
}

/** Where an input stream's bytes come from: `read` returns null at the end. */
export interface StreamSource {
  read(len: number): Uint8Array | null;
  /** Bytes left, when known (for skip); absent means read and discard. */
  drop?(): void;
}

/** Where an output stream's bytes go: `write` throws a ResultError carrying a StreamError to fail. */
export interface StreamSink {
  write(bytes: Uint8Array): void;
  flush?(): void;
  drop?(): void;
}

/** Most bytes check-write grants at once (the guest writes in pieces of at most this). */
export const WRITE_PERMIT = 1n << 20n;
/** The WIT limit of blocking-write-and-flush. */
const BLOCKING_WRITE_MAX = 4096;

function length(len: bigint | number): number {
  const n = Number(len);
  return n > 0x7fff_ffff ? 0x7fff_ffff : n;
}

/** wasi:io/streams `input-stream`. */
export class InputStream {
  private closed = false;
  constructor(private readonly src: StreamSource) {}
  read(len: bigint): Uint8Array {
    if (this.closed) fail(CLOSED);
    const n = length(len);
    if (n === 0) return new Uint8Array(0);
    const bytes = this.src.read(n);
    if (bytes === null) fail(CLOSED);
    return bytes;
  }
  blockingRead(len: bigint): Uint8Array {
    return this.read(len);
  }
  skip(len: bigint): bigint {
    return BigInt(this.read(len).length);
  }
  blockingSkip(len: bigint): bigint {
    return this.skip(len);
  }
  subscribe(): Pollable {
    return new Pollable();
  }
  [dispose](): void {
    if (this.closed) return;
    this.closed = true;
    this.src.drop?.();
  }
}

/** wasi:io/streams `output-stream`. */
export class OutputStream {
  private closed = false;
  constructor(private readonly sink: StreamSink) {}
  checkWrite(): bigint {
    if (this.closed) fail(CLOSED);
    return WRITE_PERMIT;
  }
  write(contents: Uint8Array): void {
    if (this.closed) fail(CLOSED);
    if (contents.length > 0) this.sink.write(contents);
  }
  blockingWriteAndFlush(contents: Uint8Array): void {
    if (contents.length > BLOCKING_WRITE_MAX) {
      throw new Error(`wasi:io/streams: blocking-write-and-flush was given ${contents.length} bytes; the WIT allows at most ${BLOCKING_WRITE_MAX}`);
    }
    this.write(contents);
    this.flush();
  }
  flush(): void {
    if (this.closed) fail(CLOSED);
    this.sink.flush?.();
  }
  blockingFlush(): void {
    this.flush();
  }
  writeZeroes(len: bigint): void {
    this.write(new Uint8Array(length(len)));
  }
  blockingWriteZeroesAndFlush(len: bigint): void {
    this.writeZeroes(len);
    this.flush();
  }
  splice(src: InputStream, len: bigint): bigint {
    if (this.closed) fail(CLOSED);
    const bytes = src.read(len < WRITE_PERMIT ? len : WRITE_PERMIT);
    this.write(bytes);
    return BigInt(bytes.length);
  }
  blockingSplice(src: InputStream, len: bigint): bigint {
    return this.splice(src, len);
  }
  subscribe(): Pollable {
    return new Pollable();
  }
  [dispose](): void {
    if (this.closed) return;
    this.closed = true;
    this.sink.drop?.();
  }
}

/** The wasi:io interfaces, as jco's generated code looks them up. */
export function ioImports(): Record<string, Record<string, unknown>> {
  return {
    'wasi:io/error': { Error: IoError },
    'wasi:io/poll': { Pollable, poll },
    'wasi:io/streams': { InputStream, OutputStream },
  };
}
