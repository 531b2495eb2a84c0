/**
 * Gathers a download's chunks into one buffer as they arrive: with the expected size known
 * (Content-Length) each chunk is copied once, into its place, and the buffer is handed over
 * without another copy. A server that sends more than it announced only costs a regrowth.
 */
/** A claimed size beyond this is not trusted up front (a hostile Content-Length); the buffer grows instead. */
const MAX_PREALLOCATE = 256 * 1024 * 1024;

export class ByteCollector {
  private buffer: Uint8Array<ArrayBuffer>;
  private length = 0;

  constructor(expected = 0) {
    this.buffer = new Uint8Array(Math.min(MAX_PREALLOCATE, Math.max(0, expected)));
  }

  get received(): number {
    return this.length;
  }

  push(chunk: Uint8Array): void {
    const needed = this.length + chunk.length;
    if (needed > this.buffer.length) {
      // Doubling keeps an unknown-size download linear.
      const grown = new Uint8Array(Math.max(needed, this.buffer.length * 2, 64 * 1024));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.buffer.set(chunk, this.length);
    this.length = needed;
  }

  /** The bytes, in a buffer of exactly their length (transferable whole). Call once. */
  take(): Uint8Array<ArrayBuffer> {
    const out = this.length === this.buffer.length ? this.buffer : this.buffer.slice(0, this.length);
    this.buffer = new Uint8Array(0);
    this.length = 0;
    return out;
  }
}
