import { Errno } from './errno';
import type { NodeKind, NodeStat, VolumeOptions } from './types';
import { VfsVolume } from './volume';

/** Largest file the VFS holds (a wasm32 guest cannot address more anyway). */
export const MAX_FILE_SIZE = 2 ** 32;

/** Where a non-directory node is linked: it may have several names (hard links). */
export interface Link {
  dir: VfsDir;
  name: string;
}

/** An inode: identity and times (ns since the epoch). */
export abstract class VfsNode {
  abstract readonly kind: NodeKind;
  readonly ino: bigint;
  atim: bigint;
  mtim: bigint;
  ctim: bigint;

  constructor(readonly volume: VfsVolume) {
    this.ino = volume.issueIno();
    const t = volume.now();
    this.atim = t;
    this.mtim = t;
    this.ctim = t;
  }

  abstract get nlink(): number;
  abstract get size(): number;

  stat(): NodeStat {
    const { ino, kind, nlink, size, atim, mtim, ctim } = this;
    return { dev: this.volume.dev, ino, kind, nlink, size, atim, mtim, ctim };
  }

  /** Records a change of contents or metadata. */
  touch(content: boolean): void {
    const t = this.volume.now();
    this.ctim = t;
    if (content) this.mtim = t;
  }
}

/** A symbolic link; its target is kept as written (never resolved at creation). */
export class VfsSymlink extends VfsNode {
  readonly kind = 'symlink';
  readonly links: Link[] = [];
  private readonly bytes: number;

  constructor(volume: VfsVolume, readonly target: string) {
    super(volume);
    this.bytes = new TextEncoder().encode(target).length;
  }

  get nlink(): number {
    return this.links.length;
  }

  get size(): number {
    return this.bytes;
  }
}

/** A regular file: a growable buffer (capacity doubles, so appends are amortised O(1)). */
export class VfsFile extends VfsNode {
  readonly kind = 'file';
  readonly links: Link[] = [];
  /** Open descriptors that may write; a file is reported complete only when none are left. */
  writers = 0;
  /** Byte range changed since the last report, for partial reports; lo > hi when clean. */
  dirtyLo = Infinity;
  dirtyHi = 0;
  private buf: Uint8Array;
  private length = 0;

  constructor(volume: VfsVolume, data?: Uint8Array) {
    super(volume);
    this.buf = data ?? new Uint8Array(0);
    this.length = this.buf.length;
  }

  get nlink(): number {
    return this.links.length;
  }

  get size(): number {
    return this.length;
  }

  /** The current contents, without copying; valid until the next write. */
  contents(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }

  /** Copies bytes at `pos` into `dst`; returns how many (0 at or past the end). */
  read(pos: number, dst: Uint8Array): number {
    if (pos >= this.length) return 0;
    const n = Math.min(dst.length, this.length - pos);
    dst.set(this.buf.subarray(pos, pos + n));
    return n;
  }

  /** Writes `src` at `pos`, growing the file (gaps read as zeros). Returns an errno. */
  write(pos: number, src: Uint8Array): Errno {
    const end = pos + src.length;
    if (end > MAX_FILE_SIZE) return Errno.FBIG;
    if (end > this.length) {
      if (!this.ensureCapacity(end)) return Errno.NOSPC;
      if (!this.volume.reserve(end - this.length)) return Errno.NOSPC;
      this.length = end;
    }
    this.buf.set(src, pos);
    this.changed(pos, end);
    return Errno.SUCCESS;
  }

  /** Truncates or extends (with zeros) to `size`. Returns an errno. */
  setSize(size: number): Errno {
    if (size > MAX_FILE_SIZE) return Errno.FBIG;
    if (!this.ensureCapacity(size)) return Errno.NOSPC;
    if (!this.volume.reserve(size - this.length)) return Errno.NOSPC;
    // Zero a cut tail so a later extension reads zeros, not old bytes.
    if (size < this.length) this.buf.fill(0, size, this.length);
    this.length = size;
    this.changed(size, size);
    return Errno.SUCCESS;
  }

  private changed(lo: number, hi: number): void {
    this.dirtyLo = Math.min(this.dirtyLo, lo);
    this.dirtyHi = Math.max(this.dirtyHi, hi);
    this.touch(true);
    this.volume.markDirty(this);
  }

  /** Forgets the changed range after it has been reported. */
  clearDirtyRange(): void {
    this.dirtyLo = Infinity;
    this.dirtyHi = 0;
  }

  /** Makes room for `min` bytes; false when the engine cannot allocate that much. */
  private ensureCapacity(min: number): boolean {
    if (min <= this.buf.length) return true;
    // Double small files; past 64 MiB grow by a quarter to bound the slack.
    const cap = this.buf.length;
    const grown = cap < 64 * 2 ** 20 ? cap * 2 : cap + Math.floor(cap / 4);
    let next: Uint8Array;
    try {
      next = new Uint8Array(Math.min(MAX_FILE_SIZE, Math.max(min, grown, 64)));
    } catch {
      try {
        next = new Uint8Array(min); // no room for slack: try the exact size
      } catch {
        return false;
      }
    }
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    return true;
  }
}

/** A directory. Entries keep insertion order; each gets a sequence number used as readdir cookie. */
export class VfsDir extends VfsNode {
  readonly kind = 'dir';
  parent: VfsDir | null = null;
  name = '';
  /** Set when the directory has been removed (an open fd may still point at it). */
  removed = false;
  readonly entries = new Map<string, VfsNode>();
  private readonly seqs = new Map<string, number>();
  private nextSeq = 3; // cookies 1 and 2 are "." and ".."
  private subdirs = 0;

  /** An empty tree: the root directory of a new volume. */
  static create(options?: VolumeOptions): VfsDir {
    return new VfsDir(new VfsVolume(options));
  }

  get nlink(): number {
    return 2 + this.subdirs;
  }

  get size(): number {
    return this.entries.size;
  }

  get(name: string): VfsNode | undefined {
    return this.entries.get(name);
  }

  /** Readdir cookie of an entry: entries added later get larger ones. */
  seqOf(name: string): number {
    return this.seqs.get(name) ?? 0;
  }

  /** Links `node` under `name` (no checks: the caller has done them). */
  attach(name: string, node: VfsNode): void {
    this.entries.set(name, node);
    this.seqs.set(name, this.nextSeq++);
    if (node instanceof VfsDir) {
      node.parent = this;
      node.name = name;
      this.subdirs++;
    } else if (node instanceof VfsFile || node instanceof VfsSymlink) {
      node.links.push({ dir: this, name });
    }
    node.touch(false);
    this.touch(true);
  }

  /** Unlinks `name` and returns its node (no checks). */
  detach(name: string): VfsNode | undefined {
    const node = this.entries.get(name);
    if (!node) return undefined;
    this.entries.delete(name);
    this.seqs.delete(name);
    if (node instanceof VfsDir) {
      node.parent = null;
      this.subdirs--;
    } else if (node instanceof VfsFile || node instanceof VfsSymlink) {
      const i = node.links.findIndex((l) => l.dir === this && l.name === name);
      if (i >= 0) node.links.splice(i, 1);
    }
    node.touch(false);
    this.touch(true);
    return node;
  }

  /** Path from the tree root ('' for the root itself), or null if removed from the tree. */
  path(): string | null {
    if (this.removed) return null;
    const names: string[] = [];
    for (let d: VfsDir | null = this.parent, name = this.name; d; name = d.name, d = d.parent) {
      if (d.removed) return null;
      names.push(name);
    }
    return names.reverse().join('/');
  }

  /** True if `other` is this directory or lies below it. */
  contains(other: VfsDir): boolean {
    for (let d: VfsDir | null = other; d; d = d.parent) if (d === this) return true;
    return false;
  }
}

/** Joins a directory path from the root and a name. */
export function childPath(dir: VfsDir, name: string): string | null {
  const p = dir.path();
  if (p === null) return null;
  return p ? `${p}/${name}` : name;
}
