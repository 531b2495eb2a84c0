import type { NodeStat } from '../fs/types';
import { Filetype, type Layout } from './abi';

/** Thrown for a guest pointer outside its memory; the syscall answers EFAULT. */
export class GuestFault extends RangeError {}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Typed access to the guest's linear memory. Views are refreshed when the memory
 * grows (its ArrayBuffer is replaced); every range is bounds-checked.
 */
export class GuestMemory {
  private memory: WebAssembly.Memory | null = null;
  private buffer: ArrayBufferLike | null = null;
  private u8v = new Uint8Array(0);
  private dv = new DataView(new ArrayBuffer(0));

  bind(memory: WebAssembly.Memory): void {
    this.memory = memory;
    this.buffer = null;
  }

  private refresh(): void {
    const m = this.memory;
    if (!m) throw new Error('WASI: the guest memory is not bound yet (call start or initialize first)');
    if (m.buffer !== this.buffer) {
      this.buffer = m.buffer;
      this.u8v = new Uint8Array(m.buffer);
      this.dv = new DataView(m.buffer);
    }
  }

  get u8(): Uint8Array {
    this.refresh();
    return this.u8v;
  }

  get view(): DataView {
    this.refresh();
    return this.dv;
  }

  /** A live view of guest bytes [ptr, ptr+len). */
  bytes(ptr: number, len: number): Uint8Array {
    const u8 = this.u8;
    if (ptr < 0 || len < 0 || ptr + len > u8.length) throw new GuestFault('guest range out of bounds');
    return u8.subarray(ptr, ptr + len);
  }

  /** Decodes a UTF-8 string; null when it is not valid UTF-8. */
  string(ptr: number, len: number): string | null {
    try {
      // TextDecoder refuses views on shared memory: copy first.
      return utf8.decode(this.bytes(ptr, len).slice());
    } catch (e) {
      if (e instanceof GuestFault) throw e;
      return null;
    }
  }

  u32(ptr: number): number {
    return this.view.getUint32(ptr, true);
  }

  setU32(ptr: number, v: number): void {
    this.view.setUint32(ptr, v, true);
  }

  setU64(ptr: number, v: bigint): void {
    this.view.setBigUint64(ptr, BigInt.asUintN(64, v), true);
  }

  /** Reads an (i/c)iovec array as [ptr, len] pairs. */
  iovecs(ptr: number, count: number): [number, number][] {
    const out: [number, number][] = [];
    const v = this.view;
    if (ptr < 0 || ptr + count * 8 > v.byteLength) throw new GuestFault('iovec array out of bounds');
    for (let i = 0; i < count; i++) out.push([v.getUint32(ptr + i * 8, true), v.getUint32(ptr + i * 8 + 4, true)]);
    return out;
  }

  /** Writes a `filestat` in the ABI's layout. */
  writeFilestat(ptr: number, st: NodeStat | null, layout: Layout): void {
    this.bytes(ptr, layout.filestatSize).fill(0);
    if (!st) return this.writeDeviceStat(ptr, layout);
    const v = this.view;
    v.setBigUint64(ptr, st.dev, true);
    v.setBigUint64(ptr + 8, st.ino, true);
    v.setUint8(ptr + 16, filetypeOf(st.kind));
    if (layout.nlink64) v.setBigUint64(ptr + layout.nlinkOffset, BigInt(st.nlink), true);
    else v.setUint32(ptr + layout.nlinkOffset, st.nlink, true);
    const o = layout.sizeOffset;
    v.setBigUint64(ptr + o, BigInt(st.size), true);
    v.setBigUint64(ptr + o + 8, st.atim, true);
    v.setBigUint64(ptr + o + 16, st.mtim, true);
    v.setBigUint64(ptr + o + 24, st.ctim, true);
  }

  /** Stdio's filestat: a character device with no size, times or identity. */
  private writeDeviceStat(ptr: number, layout: Layout): void {
    this.view.setUint8(ptr + 16, Filetype.CHARACTER_DEVICE);
    if (layout.nlink64) this.view.setBigUint64(ptr + layout.nlinkOffset, 1n, true);
    else this.view.setUint32(ptr + layout.nlinkOffset, 1, true);
  }
}

export function filetypeOf(kind: NodeStat['kind']): number {
  return kind === 'dir' ? Filetype.DIRECTORY : kind === 'file' ? Filetype.REGULAR_FILE : Filetype.SYMBOLIC_LINK;
}
