/**
 * Plain data shapes of the in-memory filesystem: what it loads from storage, what it
 * saves, and the changes it reports as they become durable (DESIGN.md §5).
 */

export type { NodeKind, SnapshotEntry, VfsChange } from '../../model/files';
import type { NodeKind } from '../../model/files';

/** Options of one volume (one tree). */
export interface VolumeOptions {
  /** Quota: the sum of file sizes may not grow past this; writes beyond it get ENOSPC. */
  maxBytes?: number;
  /** Clock for inode times, ns since the epoch (the host sets the guest's clock here). */
  now?: () => bigint;
}

/** A structural change as the VFS journals it: paths relative to the tree root. */
export type JournalOp =
  | { op: 'mkdir' | 'unlink' | 'rmdir'; path: string }
  | { op: 'rename'; from: string; to: string }
  | { op: 'symlink'; path: string; target: string };

/** What stat reports about a node (the fields of WASI `filestat`), times in ns. */
export interface NodeStat {
  dev: bigint;
  ino: bigint;
  kind: NodeKind;
  nlink: number;
  size: number;
  atim: bigint;
  mtim: bigint;
  ctim: bigint;
}
