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

/** The descriptor table: new descriptors take the lowest free number, as POSIX does. */
export class FdTable {
  private readonly entries: (FdEntry | undefined)[] = [];

  constructor(stdin: Uint8Array, stdout: (b: Uint8Array) => void, stderr: (b: Uint8Array) => void, mounts: Mount[]) {
    this.entries.push({ type: 'stdin', data: stdin, pos: 0, rightsBase: STDIN_RIGHTS, rightsInheriting: 0n, flags: 0 });
    for (const sink of [stdout, stderr]) {
      this.entries.push({ type: 'output', sink, rightsBase: STDOUT_RIGHTS, rightsInheriting: 0n, flags: 0 });
    }
    for (const mount of mounts) {
      this.entries.push({
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
    return this.entries[fd];
  }

  /** Installs an entry at the lowest free number and returns it. */
  add(entry: FdEntry): number {
    let fd = 0;
    while (fd < this.entries.length && this.entries[fd] !== undefined) fd++;
    this.entries[fd] = entry;
    return fd;
  }

  /** Removes and returns an entry. */
  remove(fd: number): FdEntry | undefined {
    const e = this.entries[fd];
    this.entries[fd] = undefined;
    while (this.entries.length > 0 && this.entries[this.entries.length - 1] === undefined) this.entries.pop();
    return e;
  }

  /**
   * After the mounts' roots were replaced: preopens (fds 3 … 3+count-1) point at their mount's
   * new root, and every other descriptor above stdio, which points into an old tree, is closed.
   */
  rebind(count: number): void {
    for (let fd = 3; fd < this.entries.length; fd++) {
      const e = this.entries[fd];
      if (e?.type === 'dir' && e.preopen !== undefined && fd < 3 + count) e.dir = e.mount.root;
      else if (e && !(e.type === 'dir' && e.preopen !== undefined && e.mount.watch)) this.entries[fd] = undefined;
    }
    while (this.entries.length > 0 && this.entries[this.entries.length - 1] === undefined) this.entries.pop();
  }

  /** Moves `from` onto `to` (the caller has closed what `to` held). */
  move(from: number, to: number): void {
    const e = this.entries[from];
    this.entries[from] = undefined;
    this.entries[to] = e;
  }
}
