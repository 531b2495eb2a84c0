import { Errno } from '../fs/errno';
import type { VfsDir, VfsFile } from '../fs/nodes';
import { DIR_INHERITING, DIR_RIGHTS, Filetype, STDIN_RIGHTS, STDOUT_RIGHTS } from './abi';

/** A preopened directory as the host sees it. */
export interface Mount {
  /** Guest path, e.g. "/" or "/data". */
  guestPath: string;
  root: VfsDir;
  readOnly: boolean;
  /** The watch root: nothing is mounted here; every path under it is refused and reported. */
  watch?: boolean;
}

interface Base {
  rightsBase: bigint;
  rightsInheriting: bigint;
  /** `fdflags` as set at open or by fd_fdstat_set_flags. */
  flags: number;
}

export interface StdinFd extends Base {
  type: 'stdin';
  data: Uint8Array;
  pos: number;
}

export interface OutputFd extends Base {
  type: 'output';
  sink: (bytes: Uint8Array) => void;
}

export interface FileFd extends Base {
  type: 'file';
  node: VfsFile;
  mount: Mount;
  pos: number;
  /** Opened with the write right: counted in `node.writers` until closed. */
  writer: boolean;
}

export interface DirFd extends Base {
  type: 'dir';
  dir: VfsDir;
  mount: Mount;
  /** Set on preopens: the name fd_prestat_dir_name reports. */
  preopen?: string;
}

export type FdEntry = StdinFd | OutputFd | FileFd | DirFd;

export function filetypeOfFd(e: FdEntry): number {
  if (e.type === 'file') return Filetype.REGULAR_FILE;
  if (e.type === 'dir') return Filetype.DIRECTORY;
  return Filetype.CHARACTER_DEVICE;
}

/** What fd_renumber did: an errno, and the entry `to` held before (the caller releases it). */
export interface Renumbered {
  errno: number;
  closed?: FdEntry;
}

/** The descriptor table: new descriptors take the lowest free number, as POSIX does. */
export class FdTable {
  // A map, not an array: fd_renumber may move a descriptor to any number, and a sparse
  // array would make every walk over the table as long as that number.
  private readonly entries = new Map<number, FdEntry>();

  constructor(stdin: Uint8Array, stdout: (b: Uint8Array) => void, stderr: (b: Uint8Array) => void, mounts: Mount[]) {
    this.add({ type: 'stdin', data: stdin, pos: 0, rightsBase: STDIN_RIGHTS, rightsInheriting: 0n, flags: 0 });
    for (const sink of [stdout, stderr]) {
      this.add({ type: 'output', sink, rightsBase: STDOUT_RIGHTS, rightsInheriting: 0n, flags: 0 });
    }
    for (const mount of mounts) {
      this.add({
        type: 'dir',
        dir: mount.root,
        mount,
        preopen: mount.guestPath,
        rightsBase: DIR_RIGHTS,
        rightsInheriting: DIR_INHERITING,
        flags: 0,
      });
    }
  }

  get(fd: number): FdEntry | undefined {
    return this.entries.get(fd);
  }

  /** Installs an entry at the lowest free number and returns it. */
  add(entry: FdEntry): number {
    let fd = 0;
    while (this.entries.has(fd)) fd++;
    this.entries.set(fd, entry);
    return fd;
  }

  /** Removes and returns an entry. */
  remove(fd: number): FdEntry | undefined {
    const e = this.entries.get(fd);
    this.entries.delete(fd);
    return e;
  }

  /** One past the highest open descriptor (0 when none is open). */
  end(): number {
    let end = 0;
    for (const fd of this.entries.keys()) end = Math.max(end, fd + 1);
    return end;
  }

  /**
   * fd_renumber: moves `from` onto `to` and frees `from`; what `to` held is closed.
   * An unopened `to` is accepted where programs redirect stdio, as the wasmtime preview-1
   * adapter (before v37) does: a stdio number (0-2), or a number past every open descriptor
   * (`fd_renumber(1, 5)` saves stdout, `fd_renumber(5, 1)` restores it). A hole below an open
   * descriptor (a number the guest freed) stays EBADF, as wasi-testsuite's `renumber` test,
   * wasmtime 37+ and Node's WASI have it. Renumbering onto itself is a no-op.
   */
  renumber(from: number, to: number): Renumbered {
    const src = this.entries.get(from);
    if (!src) return { errno: Errno.BADF };
    if (from === to) return { errno: Errno.SUCCESS };
    const closed = this.entries.get(to);
    if (!closed && to > 2 && to < this.end()) return { errno: Errno.BADF };
    this.entries.delete(from);
    this.entries.set(to, src);
    return { errno: Errno.SUCCESS, closed };
  }

  /**
   * After the mounts' roots were replaced: preopens (wherever fd_renumber put them) point at
   * their mount's new root, and every other file or directory descriptor, which points into
   * an old tree, is closed. Stdio stays, at whatever number it was moved to.
   */
  rebind(): void {
    for (const [fd, e] of this.entries) {
      if (e.type === 'dir' && e.preopen !== undefined) e.dir = e.mount.root;
      else if (e.type === 'file' || e.type === 'dir') this.entries.delete(fd);
    }
  }
}
