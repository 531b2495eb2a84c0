/** Files as they are stored and as a guest's changes to them are reported (DESIGN.md §5). */

export type NodeKind = 'file' | 'dir' | 'symlink';

/**
 * One entry of a volume as stored (structured-cloneable). `path` is relative to the
 * volume root, `/`-separated, without a leading slash; `mtime` is in ms since the epoch.
 */
export interface SnapshotEntry {
  path: string;
  kind: NodeKind;
  /** File contents (kind 'file'); fromSnapshot takes ownership of the bytes. */
  data?: Uint8Array;
  /** Link target (kind 'symlink'). */
  target?: string;
  mtime: number;
}

/**
 * A change that became durable, reported to the page so it can persist it.
 * `mount` is the guest path of the preopen the change happened under (e.g. `/data`),
 * and every path is relative to that preopen's root, without a leading slash.
 * Changes are reported in the order the guest made them; apply them in order.
 */
export type VfsChange =
  /** The whole file as it now is. Replaces anything stored at `path`. */
  | { op: 'write'; mount: string; path: string; data: Uint8Array; mtime: number; partial?: false }
  /**
   * A file that is still open and being written (the 4 MiB rule): keep it hidden until a
   * complete `write` for the same path arrives. Resize the staged file (starting from the
   * stored content, or the previous partial state) to `size`, zero-filling, then put `data`
   * at `offset`. Only the bytes changed since the previous report are sent.
   */
  | { op: 'write'; mount: string; path: string; data: Uint8Array; mtime: number; partial: true; offset: number; size: number }
  | { op: 'mkdir'; mount: string; path: string }
  | { op: 'unlink' | 'rmdir'; mount: string; path: string }
  /** Moves `from` to `to`, replacing whatever `to` was (an empty dir, a file or a link). */
  | { op: 'rename'; mount: string; from: string; to: string }
  | { op: 'symlink'; mount: string; path: string; target: string };

