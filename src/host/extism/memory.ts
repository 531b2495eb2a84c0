/**
 * Kernel memory: the host-side memory Extism offsets point into, separate from the plugin's own
 * linear memory (kernel/src/lib.rs keeps it in a wasm memory of its own; we keep an ArrayBuffer).
 *
 * Blocks are 8-byte aligned ranges of one growable buffer; offset 0 is never a block (0 means
 * "none" in the ABI). Freed blocks coalesce with free neighbours and, once the buffer is full, are
 * reused through the size bins of FreeList, so alloc and free never walk over all blocks.
 */
import { ExtismError, formatBytes } from './errors';
import { FreeList } from './freelist';

/** Offsets below this are never handed out, so 0 is never a valid block. */
const FIRST = 8;
const ALIGN = 8;
/** A free remainder smaller than this stays inside the block it was cut from. */
const MIN_SPLIT = 32;
const INITIAL_BYTES = 64 * 1024;
/** After reset, a buffer larger than this is dropped so one big run does not pin memory. */
const KEEP_AFTER_RESET = 16 * 1024 * 1024;

/** Default cap on the bytes of live kernel blocks. */
export const DEFAULT_MAX_KERNEL_BYTES = 256 * 1024 * 1024;

interface Live {
  /** Bytes asked for: what `length` answers. */
  len: number;
  /** Bytes reserved (len rounded up, or a reused block's size). */
  cap: number;
}

/** A block allocator with bounds-checked access, capped at `maxBytes` of live blocks. */
export class KernelMemory {
  readonly maxBytes: number;
  private readonly initialBytes: number;
  private buf: Uint8Array<ArrayBuffer>;
  private view: DataView<ArrayBuffer>;
  /** End of the highest block; everything above is unused. */
  private top = FIRST;
  private liveBytes = 0;
  private readonly live = new Map<number, Live>();
  private readonly freeList = new FreeList();

  /** `initialBytes` sizes the first buffer (tests use a small one to reach reuse quickly). */
  constructor(maxBytes = DEFAULT_MAX_KERNEL_BYTES, initialBytes = INITIAL_BYTES) {
    this.maxBytes = maxBytes;
    this.initialBytes = Math.max(ALIGN * 2, initialBytes);
    this.buf = new Uint8Array(this.initialBytes);
    this.view = new DataView(this.buf.buffer);
  }

  /** Allocate `n` bytes; returns the block's offset (never 0). Throws ExtismError('memory') over the cap. */
  alloc(n: number): number {
    if (!(n >= 0)) throw new ExtismError('abi', `alloc: ${n} is not a valid size`);
    const cap = Math.max(ALIGN, Math.ceil(n / ALIGN) * ALIGN);
    if (this.liveBytes + cap > this.maxBytes || !Number.isSafeInteger(n)) {
      throw new ExtismError(
        'memory',
        `alloc(${n}): the plugin allocated more than ${formatBytes(this.maxBytes)} of host memory ` +
          `(limit ${this.maxBytes} bytes of kernel blocks, ${this.liveBytes} already in use)`,
      );
    }
    const { start, size } = this.place(cap);
    this.live.set(start, { len: n, cap: size });
    this.liveBytes += size;
    return start;
  }

  /** Free a block; unknown offsets (0, interior pointers, double frees) are ignored, as the kernel does. */
  free(offset: number): void {
    const block = this.live.get(offset);
    if (!block) return;
    this.live.delete(offset);
    this.liveBytes -= block.cap;
    let start = offset;
    let size = block.cap;
    const before = this.freeList.endingAt(start);
    if (before) {
      this.freeList.remove(before);
      start = before.start;
      size += before.size;
    }
    const after = this.freeList.startingAt(offset + block.cap);
    if (after) {
      this.freeList.remove(after);
      size += after.size;
    }
    this.freeList.add(start, size);
  }

  /** Length of the block starting at `offset`, 0 when it is not a live block. */
  length(offset: number): number {
    return this.live.get(offset)?.len ?? 0;
  }

  /** Allocate a block holding a copy of `bytes`. */
  store(bytes: Uint8Array): number {
    const offset = this.alloc(bytes.length);
    this.buf.set(bytes, offset);
    return offset;
  }

  /** A view of `len` bytes at `offset` (valid until the next alloc); `op` names the caller in errors. */
  subarray(op: string, offset: number, len: number): Uint8Array {
    this.check(op, offset, len);
    return this.buf.subarray(offset, offset + len);
  }

  /** A copy of `len` bytes at `offset`. */
  read(op: string, offset: number, len: number): Uint8Array {
    return this.subarray(op, offset, len).slice();
  }

  /** The bytes of the block at `offset` (a copy); throws if it is not a block. */
  readBlock(op: string, offset: number): Uint8Array {
    const block = this.live.get(offset);
    if (!block) throw new ExtismError('abi', `${op}: offset ${offset} is not an allocated block`);
    return this.buf.slice(offset, offset + block.len);
  }

  write(op: string, offset: number, bytes: Uint8Array): void {
    this.check(op, offset, bytes.length);
    this.buf.set(bytes, offset);
  }

  loadU8(op: string, offset: number): number {
    this.check(op, offset, 1);
    return this.buf[offset] ?? 0;
  }

  loadU64(op: string, offset: number): bigint {
    this.check(op, offset, 8);
    return this.view.getBigUint64(offset, true);
  }

  storeU8(op: string, offset: number, value: number): void {
    this.check(op, offset, 1);
    this.buf[offset] = value;
  }

  storeU64(op: string, offset: number, value: bigint): void {
    this.check(op, offset, 8);
    this.view.setBigUint64(offset, BigInt.asUintN(64, value), true);
  }

  /** Bytes of live blocks. */
  get used(): number {
    return this.liveBytes;
  }

  /** End of the highest block ever placed since the last reset: the span of kernel memory in use. */
  get extent(): number {
    return this.top;
  }

  /** Size of the underlying buffer. */
  get capacity(): number {
    return this.buf.length;
  }

  /** Drop every block (between calls, as the kernel's `reset`). */
  reset(): void {
    this.live.clear();
    this.freeList.clear();
    this.top = FIRST;
    this.liveBytes = 0;
    if (this.buf.length > KEEP_AFTER_RESET) this.replaceBuffer(new Uint8Array(this.initialBytes));
  }

  /** Where a block of `cap` bytes goes, and how many bytes it really takes. */
  private place(cap: number): { start: number; size: number } {
    let start = this.top;
    let size = cap;
    // Bump while the buffer has room; reuse freed blocks only when it is full, as the native kernel
    // does (kernel/src/lib.rs `alloc`). Plugins built with older PDKs free blocks the host already
    // took over; immediate reuse would let such a stale free hit a live block.
    if (start + cap > this.buf.length) {
      let reused = this.freeList.take(cap);
      const tail = reused ? undefined : this.freeList.endingAt(this.top);
      if (tail && tail.size >= cap) {
        this.freeList.remove(tail);
        reused = tail;
      }
      if (reused) {
        start = reused.start;
        size = reused.size;
        if (size - cap >= MIN_SPLIT) {
          this.freeList.add(start + cap, size - cap);
          size = cap;
        }
      } else {
        // A free block at the end of the span is extended rather than left behind.
        if (tail) {
          this.freeList.remove(tail);
          start = tail.start;
        }
        this.ensure(start + cap);
        this.top = start + cap;
      }
    } else {
      this.top = start + cap;
    }
    return { start, size };
  }

  private check(op: string, offset: number, len: number): void {
    // `offset` may be NaN or negative when a guest passes a huge i64; the negated test catches both.
    if (!(offset >= FIRST && offset + len <= this.top)) {
      const what = len > 1 ? `${len} bytes at offset ${offset} are` : `offset ${offset} is`;
      throw new ExtismError('abi', `${op}: ${what} outside kernel memory (blocks span ${FIRST}..${this.top})`);
    }
  }

  private ensure(end: number): void {
    if (end <= this.buf.length) return;
    // Fragmentation can push the span past the live total; bound the real footprint too.
    const hardLimit = 2 * this.maxBytes + INITIAL_BYTES;
    if (end > hardLimit) {
      throw new ExtismError(
        'memory',
        `the plugin allocated more than ${formatBytes(this.maxBytes)} of host memory (limit ${this.maxBytes} bytes; ` +
          `kernel memory is too fragmented to place ${end - this.top} more bytes)`,
      );
    }
    const size = Math.min(Math.max(end, this.buf.length * 2), Math.max(end, hardLimit));
    let next: Uint8Array<ArrayBuffer>;
    try {
      next = new Uint8Array(size);
    } catch {
      // The engine refused the buffer (RangeError): report it as the cap, not as a crash.
      throw new ExtismError('memory', `the plugin needs ${formatBytes(end)} of host memory, more than this browser would give (limit ${formatBytes(this.maxBytes)})`);
    }
    next.set(this.buf.subarray(0, this.top));
    this.replaceBuffer(next);
  }

  private replaceBuffer(next: Uint8Array<ArrayBuffer>): void {
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
}
