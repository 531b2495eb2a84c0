import { Errno } from '../../fs/errno';
import type { HostContext } from '../context';
import type { FdEntry, FileFd } from '../fds';

/** Byte counts at or beyond this are refused rather than risk precision loss. */
const MAX_OFFSET = 2n ** 53n;

export const hasRight = (e: FdEntry, right: bigint): boolean => (e.rightsBase & right) !== 0n;

/** A guest i64 offset as a number, or null when negative or too large. */
export function offsetOf(v: bigint): number | null {
  return v < 0n || v >= MAX_OFFSET ? null : Number(v);
}

/** Reads into the guest's iovecs from `read(pos, dst)`; stops at the first short read. */
export function readInto(
  ctx: HostContext,
  iovsPtr: number,
  iovsLen: number,
  read: (dst: Uint8Array) => number,
): number {
  let total = 0;
  for (const [ptr, len] of ctx.mem.iovecs(iovsPtr >>> 0, iovsLen >>> 0)) {
    const n = read(ctx.mem.bytes(ptr, len));
    total += n;
    if (n < len) break;
  }
  return total;
}

/** Gathers the guest's ciovecs into one new buffer (for stdout/stderr sinks). */
export function gather(ctx: HostContext, iovsPtr: number, iovsLen: number): Uint8Array {
  const iovs = ctx.mem.iovecs(iovsPtr >>> 0, iovsLen >>> 0);
  const out = new Uint8Array(iovs.reduce((n, [, len]) => n + len, 0));
  let at = 0;
  for (const [ptr, len] of iovs) {
    out.set(ctx.mem.bytes(ptr, len), at);
    at += len;
  }
  return out;
}

/**
 * Writes the guest's ciovecs to a file at `pos` (or at the end for append), straight
 * from guest memory. Returns an errno and the count; a later iovec's failure after
 * earlier ones succeeded is a short write, as POSIX has it.
 */
export function writeFile(ctx: HostContext, e: FileFd, iovsPtr: number, iovsLen: number, pos: number, append: boolean): [number, number] {
  let total = 0;
  let at = pos;
  for (const [ptr, len] of ctx.mem.iovecs(iovsPtr >>> 0, iovsLen >>> 0)) {
    if (append) at = e.node.size;
    const errno = e.node.write(at, ctx.mem.bytes(ptr, len));
    if (errno !== Errno.SUCCESS) {
      if (errno === Errno.NOSPC) {
        const v = e.node.volume;
        ctx.quota({ mount: e.mount.guestPath, usedBytes: v.usedBytes, maxBytes: v.maxBytes ?? Infinity, requestedBytes: len });
      }
      if (total === 0) return [errno, 0];
      break;
    }
    at += len;
    total += len;
  }
  ctx.durability.wrote(total);
  return [Errno.SUCCESS, total];
}

/** Closes what an entry holds: a writer that goes away may complete its file. */
export function release(ctx: HostContext, e: FdEntry): void {
  if (e.type === 'file' && e.writer) {
    e.writer = false;
    e.node.writers--;
  }
  if (e.type === 'file') ctx.durability.flush('complete');
}
