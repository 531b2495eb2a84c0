import type { VfsDir, VfsNode } from '../../fs/nodes';
import { filetypeOf } from '../memory';

const DIRENT_SIZE = 24;
const encoder = new TextEncoder();

/** Entries after `cookie`: "." (cookie 1), ".." (2), then children by their sequence numbers. */
function* entriesAfter(dir: VfsDir, cookie: bigint): Generator<[bigint, string, VfsNode]> {
  if (cookie < 1n) yield [1n, '.', dir];
  if (cookie < 2n) yield [2n, '..', dir.parent ?? dir];
  for (const [name, node] of dir.entries) {
    const seq = BigInt(dir.seqOf(name));
    if (seq > cookie) yield [seq, name, node];
  }
}

/**
 * Fills `buf` with dirents (24-byte header + name) after `cookie`; returns the bytes used.
 * The last entry may be cut off: the buffer is then full, and the guest asks again from
 * the previous entry's cookie, as the WASI ABI has it.
 */
export function readdir(dir: VfsDir, cookie: bigint, buf: Uint8Array): number {
  let used = 0;
  for (const [next, name, node] of entriesAfter(dir, cookie)) {
    const bytes = encoder.encode(name);
    const entry = new Uint8Array(DIRENT_SIZE + bytes.length);
    const ev = new DataView(entry.buffer);
    ev.setBigUint64(0, next, true);
    ev.setBigUint64(8, node.ino, true);
    ev.setUint32(16, bytes.length, true);
    ev.setUint8(20, filetypeOf(node.kind));
    entry.set(bytes, DIRENT_SIZE);
    const room = buf.length - used;
    buf.set(room < entry.length ? entry.subarray(0, room) : entry, used);
    used += Math.min(room, entry.length);
    if (used === buf.length) break;
  }
  return used;
}
