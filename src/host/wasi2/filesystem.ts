/**
 * wasi:filesystem/{types, preopens} over the VFS (src/host/fs): the same trees, lookups, errors
 * and durability journal as the preview 1 host, so a component sees the user's mounts exactly
 * as a WASI p1 program does (DESIGN.md §5). Every directory descriptor is a capability of its
 * own: paths from it never climb above it. Changes on a read-only mount are refused with
 * `not-permitted` (as wasmtime does) and reported.
 */
import { Errno } from '../fs/errno';
import { VfsDir, VfsFile, VfsSymlink, type VfsNode } from '../fs/nodes';
import { createFile, link, lookup, mkdir, rename, rmdir, setTimes, symlink, unlink, type Outcome, type Step } from '../fs/ops';
import type { At } from '../fs/resolve';
import { guestPathOf } from '../wasi/context';
import type { Mount } from '../wasi/fds';
import { toDatetime, type Datetime } from './clocksRandom';
import type { Wasi2Context } from './context';
import { fail, fsErrorCode, ResultError, type FsErrorCode } from './errors';
import { dispose, InputStream, IoError, OutputStream, type StreamError } from './io';

export interface DescriptorFlags {
  read?: boolean;
  write?: boolean;
  fileIntegritySync?: boolean;
  dataIntegritySync?: boolean;
  requestedWriteSync?: boolean;
  mutateDirectory?: boolean;
}
interface PathFlags {
  symlinkFollow?: boolean;
}
interface OpenFlags {
  create?: boolean;
  directory?: boolean;
  exclusive?: boolean;
  truncate?: boolean;
}
type NewTimestamp = { tag: 'no-change' } | { tag: 'now' } | { tag: 'timestamp'; val: Datetime };
type DescriptorType = 'directory' | 'regular-file' | 'symbolic-link' | 'unknown';

const typeOf = (node: VfsNode): DescriptorType =>
  node instanceof VfsDir ? 'directory' : node instanceof VfsFile ? 'regular-file' : node instanceof VfsSymlink ? 'symbolic-link' : 'unknown';

function statOf(node: VfsNode) {
  const s = node.stat();
  return {
    type: typeOf(node),
    linkCount: BigInt(s.nlink),
    size: BigInt(s.size),
    dataAccessTimestamp: toDatetime(s.atim),
    dataModificationTimestamp: toDatetime(s.mtim),
    statusChangeTimestamp: toDatetime(s.ctim),
  };
}

/** Byte offsets past this are refused (a JS number holds them exactly below 2^53). */
const MAX_OFFSET = 2n ** 53n;
function offset(v: bigint): number {
  if (v < 0n || v >= MAX_OFFSET) fail('invalid');
  return Number(v);
}

const check = (errno: number): void => {
  if (errno !== Errno.SUCCESS) fail(fsErrorCode(errno));
};

/** wasi:filesystem/types `directory-entry-stream`: the entries present when it was opened, in order. */
export class DirectoryEntryStream {
  private i = 0;
  constructor(private readonly entries: { type: DescriptorType; name: string }[]) {}
  readDirectoryEntry(): { type: DescriptorType; name: string } | undefined {
    return this.entries[this.i++];
  }
}

/** wasi:filesystem/types `descriptor`: an open directory or regular file under a mount. */
export class Descriptor {
  private open = true;
  /** Opened for writing: counted in the file's `writers` until dropped, for durability. */
  private writer: boolean;

  constructor(
    private readonly ctx: Wasi2Context,
    readonly node: VfsDir | VfsFile,
    private readonly mount: Mount,
    private readonly flags: DescriptorFlags,
  ) {
    this.writer = node instanceof VfsFile && flags.write === true;
    if (this.writer) (node as VfsFile).writers++;
  }

  // ---- helpers

  private dir(): VfsDir {
    if (!(this.node instanceof VfsDir)) fail('not-directory');
    return this.node;
  }

  private file(): VfsFile {
    if (!(this.node instanceof VfsFile)) fail('is-directory');
    return this.node;
  }

  private at(): At {
    const dir = this.dir();
    return { root: dir, dir };
  }

  private guestPath(path: string): string {
    return guestPathOf(this.mount, this.node instanceof VfsDir ? this.node : this.mount.root, path);
  }

  private report(path: string, op: string, reason: string): void {
    const where = this.guestPath(path);
    this.ctx.blocked({ capability: 'filesystem', target: where, detail: `${op} ${where}: ${reason}` });
  }

  /** A change on a read-only mount: reported, then refused. */
  private refuseReadOnly(path: string, op: string): void {
    if (!this.mount.readOnly) return;
    this.report(path, op, `${this.mount.guestPath} is mounted read-only`);
    fail('not-permitted');
  }

  /**
   * A path argument: NUL is `invalid`. Under the watch root (nothing is mounted there) every
   * path is refused with `not-permitted` and reported.
   */
  private path(path: string, op: string): string {
    if (path.includes('\0')) fail('invalid');
    if (this.mount.watch) {
      this.report(path, op, 'no directory is mounted there');
      fail('not-permitted');
    }
    return path;
  }

  /** Ends an outcome: reports an escape, fails on an error, makes a success durable. */
  private done(op: string, r: Outcome): void {
    if (r.escape !== undefined) this.report(r.escape, op, 'no directory is mounted there');
    check(r.errno);
  }

  private found(op: string, s: Step) {
    if (!s.found) {
      this.done(op, s);
      fail('io'); // not reached: a step without `found` carries an error
    }
    return s.found;
  }

  private mutate(op: string, path: string, run: (a: At, p: string) => Outcome): void {
    const at = this.at();
    const p = this.path(path, op);
    this.refuseReadOnly(p, op);
    this.done(op, run(at, p));
    this.ctx.durability.flush('complete');
  }

  private lookupNode(op: string, pathFlags: PathFlags, path: string): VfsNode {
    const { node, slash } = this.found(op, lookup(this.at(), this.path(path, op), pathFlags.symlinkFollow === true));
    if (!node) fail('no-entry');
    if (slash && !(node instanceof VfsDir)) fail('not-directory');
    return node;
  }

  private timestamp(t: NewTimestamp): bigint | undefined {
    if (t.tag === 'now') return this.ctx.clock.realtime();
    if (t.tag === 'timestamp') return t.val.seconds * 1_000_000_000n + BigInt(t.val.nanoseconds);
    return undefined;
  }

  /** Fails a write that ran out of quota after reporting it. */
  private writeAt(file: VfsFile, pos: number, bytes: Uint8Array): void {
    const errno = file.write(pos, bytes);
    if (errno === Errno.NOSPC) {
      const v = file.volume;
      this.ctx.quota({ mount: this.mount.guestPath, usedBytes: v.usedBytes, maxBytes: v.maxBytes ?? Infinity, requestedBytes: bytes.length });
    }
    check(errno);
    this.ctx.durability.wrote(bytes.length);
  }

  // ---- streams

  readViaStream(at: bigint): InputStream {
    const file = this.file();
    if (!this.flags.read) fail('bad-descriptor');
    let pos = offset(at);
    return new InputStream({
      read(len) {
        const buf = new Uint8Array(Math.min(len, Math.max(0, file.size - pos)));
        if (buf.length === 0) return null;
        pos += file.read(pos, buf);
        return buf;
      },
    });
  }

  writeViaStream(at: bigint): OutputStream {
    return this.outputStream(offset(at), false);
  }

  appendViaStream(): OutputStream {
    return this.outputStream(0, true);
  }

  private outputStream(start: number, append: boolean): OutputStream {
    const file = this.file();
    if (!this.flags.write) fail('bad-descriptor');
    let pos = start;
    return new OutputStream({
      write: (bytes) => {
        if (append) pos = file.size;
        try {
          this.writeAt(file, pos, bytes);
        } catch (e) {
          if (!(e instanceof ResultError)) throw e;
          const code = e.payload as FsErrorCode;
          const err: StreamError = { tag: 'last-operation-failed', val: new IoError(`write failed: ${code}`, code) };
          fail(err);
        }
        pos += bytes.length;
      },
    });
  }

  // ---- descriptor operations

  advise(at: bigint, length: bigint, _advice: string): void {
    this.file();
    offset(at);
    offset(length);
  }

  syncData(): void {
    this.sync();
  }

  sync(): void {
    this.ctx.durability.flush('complete', this.node instanceof VfsFile ? this.node : undefined);
  }

  getFlags(): DescriptorFlags {
    return { ...this.flags };
  }

  getType(): DescriptorType {
    return typeOf(this.node);
  }

  setSize(size: bigint): void {
    const file = this.file();
    if (!this.flags.write) fail('bad-descriptor');
    this.refuseReadOnly('', 'set-size');
    check(file.setSize(offset(size)));
  }

  setTimes(atim: NewTimestamp, mtim: NewTimestamp): void {
    this.refuseReadOnly('', 'set-times');
    setTimes(this.node, this.timestamp(atim), this.timestamp(mtim));
    if (!this.writer) this.ctx.durability.flush('complete');
  }

  read(length: bigint, at: bigint): [Uint8Array, boolean] {
    const file = this.file();
    if (!this.flags.read) fail('bad-descriptor');
    const pos = offset(at);
    const buf = new Uint8Array(Math.min(Number(length > MAX_OFFSET ? MAX_OFFSET : length), Math.max(0, file.size - pos)));
    const n = file.read(pos, buf);
    return [buf, n === 0 && length > 0n];
  }

  write(buffer: Uint8Array, at: bigint): bigint {
    const file = this.file();
    if (!this.flags.write) fail('bad-descriptor');
    this.writeAt(file, offset(at), buffer);
    return BigInt(buffer.length);
  }

  readDirectory(): DirectoryEntryStream {
    const dir = this.dir();
    if (!this.flags.read) fail('bad-descriptor');
    return new DirectoryEntryStream([...dir.entries].map(([name, node]) => ({ type: typeOf(node), name })));
  }

  createDirectoryAt(path: string): void {
    this.mutate('create-directory-at', path, mkdir);
  }

  stat() {
    return statOf(this.node);
  }

  statAt(pathFlags: PathFlags, path: string) {
    return statOf(this.lookupNode('stat-at', pathFlags, path));
  }

  setTimesAt(pathFlags: PathFlags, path: string, atim: NewTimestamp, mtim: NewTimestamp): void {
    const a = this.timestamp(atim);
    const m = this.timestamp(mtim);
    this.mutate('set-times-at', path, (at, p) => {
      const s = lookup(at, p, pathFlags.symlinkFollow === true);
      if (!s.found) return s;
      if (!s.found.node) return { errno: Errno.NOENT };
      setTimes(s.found.node, a, m);
      return { errno: Errno.SUCCESS };
    });
  }

  linkAt(oldPathFlags: PathFlags, oldPath: string, newDescriptor: Descriptor, newPath: string): void {
    const from = this.at();
    const src = this.path(oldPath, 'link-at');
    newDescriptor.mutate('link-at', newPath, (at, p) => link(from, src, oldPathFlags.symlinkFollow === true, at, p));
  }

  openAt(pathFlags: PathFlags, path: string, openFlags: OpenFlags, flags: DescriptorFlags): Descriptor {
    const op = 'open-at';
    const at = this.at();
    const p = this.path(path, op);
    const excl = openFlags.create === true && openFlags.exclusive === true;
    // O_CREAT|O_EXCL never follows a final symlink: an existing link is `exist`.
    const found = this.found(op, lookup(at, p, !excl && pathFlags.symlinkFollow === true));
    let node = found.node;
    let changed = false;
    const writes = flags.write === true;
    if (!node) {
      if (!openFlags.create) fail('no-entry');
      if (openFlags.directory) fail('invalid');
      if (found.slash) fail('is-directory');
      this.refuseReadOnly(p, op);
      node = createFile(found);
      changed = true;
    } else {
      if (excl) fail('exist');
      if (node instanceof VfsSymlink) fail('loop');
      if (!(node instanceof VfsDir) && (openFlags.directory || found.slash)) fail('not-directory');
      if (node instanceof VfsDir && (openFlags.truncate || writes)) fail('is-directory');
      if (node instanceof VfsFile && (openFlags.truncate || writes)) this.refuseReadOnly(p, op);
    }
    if (node instanceof VfsDir) {
      // A directory keeps its parent's permissions, whatever the flags ask (as in wasmtime):
      // the preview 1 adapter asks for no `read` when it opens one to list it.
      return new Descriptor(this.ctx, node, this.mount, { read: this.flags.read, mutateDirectory: this.flags.mutateDirectory });
    }
    if (!(node instanceof VfsFile)) fail('loop');
    if (openFlags.truncate && node.size > 0) {
      check(node.setSize(0));
      changed = true;
    }
    const d = new Descriptor(this.ctx, node, this.mount, { ...flags, mutateDirectory: false });
    // A file created or truncated by a descriptor that cannot write is complete already.
    if (changed && !writes) this.ctx.durability.flush('complete');
    return d;
  }

  readlinkAt(path: string): string {
    const { node } = this.found('readlink-at', lookup(this.at(), this.path(path, 'readlink-at'), false));
    if (!node) fail('no-entry');
    if (!(node instanceof VfsSymlink)) fail('invalid');
    return node.target;
  }

  removeDirectoryAt(path: string): void {
    this.mutate('remove-directory-at', path, rmdir);
  }

  renameAt(oldPath: string, newDescriptor: Descriptor, newPath: string): void {
    const from = this.at();
    const src = this.path(oldPath, 'rename-at');
    this.refuseReadOnly(src, 'rename-at');
    newDescriptor.mutate('rename-at', newPath, (at, p) => rename(from, src, at, p));
  }

  symlinkAt(oldPath: string, newPath: string): void {
    const target = this.path(oldPath, 'symlink-at');
    this.mutate('symlink-at', newPath, (at, p) => symlink(target, at, p));
  }

  unlinkFileAt(path: string): void {
    this.mutate('unlink-file-at', path, unlink);
  }

  isSameObject(other: Descriptor): boolean {
    return other.node === this.node;
  }

  metadataHash(): { lower: bigint; upper: bigint } {
    return { lower: this.node.ino, upper: this.node.volume.dev };
  }

  metadataHashAt(pathFlags: PathFlags, path: string): { lower: bigint; upper: bigint } {
    const node = this.lookupNode('metadata-hash-at', pathFlags, path);
    return { lower: node.ino, upper: node.volume.dev };
  }

  /** Dropped by the guest: a writer that goes away may complete its file. */
  [dispose](): void {
    if (!this.open) return;
    this.open = false;
    if (this.writer && this.node instanceof VfsFile) {
      this.writer = false;
      this.node.writers--;
    }
    if (this.node instanceof VfsFile) this.ctx.durability.flush('complete');
  }
}

/** The wasi:filesystem error code a stream error carries, if it came from a file. */
export function filesystemErrorCode(err: IoError): FsErrorCode | undefined {
  return err instanceof IoError ? err.code : undefined;
}

export function filesystemImports(ctx: Wasi2Context): Record<string, Record<string, unknown>> {
  const flags = (m: Mount): DescriptorFlags => ({ read: true, mutateDirectory: !m.readOnly });
  return {
    'wasi:filesystem/types': { Descriptor, DirectoryEntryStream, filesystemErrorCode },
    'wasi:filesystem/preopens': {
      // Fresh descriptors each call: the guest owns (and drops) what it gets.
      getDirectories: () => ctx.mounts.map((m) => [new Descriptor(ctx, m.root, m, flags(m)), m.guestPath]),
    },
  };
}
