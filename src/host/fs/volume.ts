import type { JournalOp, VolumeOptions } from './types';
import type { VfsFile } from './nodes';

const wallClockNs = (): bigint => BigInt(Date.now()) * 1_000_000n;

/**
 * State shared by every node of one tree: inode numbers, the quota, the clock for
 * inode times, and the journal of changes not yet reported as durable.
 */
export class VfsVolume {
  /** Device number reported by stat; the host gives each mounted volume its own. */
  dev = 1n;
  maxBytes: number | undefined;
  /** Sum of the sizes of all files in the tree, for the quota. */
  usedBytes = 0;
  now: () => bigint;
  /** When false (nobody listens for durable changes) nothing is journaled. */
  tracking = false;
  /** Structural changes since the last flush, in order. */
  journal: JournalOp[] = [];
  /** Files whose contents changed since they were last reported. */
  readonly dirty = new Set<VfsFile>();
  private nextIno = 1n;

  constructor(options: VolumeOptions = {}) {
    this.maxBytes = options.maxBytes;
    this.now = options.now ?? wallClockNs;
  }

  /** A fresh inode number, unique in this volume. */
  issueIno(): bigint {
    return this.nextIno++;
  }

  /** Accounts `delta` bytes of file growth (or shrink); false when over the quota. */
  reserve(delta: number): boolean {
    if (delta > 0 && this.maxBytes !== undefined && this.usedBytes + delta > this.maxBytes) return false;
    this.usedBytes += delta;
    return true;
  }

  record(op: JournalOp): void {
    if (this.tracking) this.journal.push(op);
  }

  markDirty(file: VfsFile): void {
    if (this.tracking) this.dirty.add(file);
  }
}
