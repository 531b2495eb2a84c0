import type { Clock } from '../clock';
import { Errno } from '../fs/errno';
import type { VfsDir } from '../fs/nodes';
import type { RandomSource } from '../random';
import type { Durability } from './durability';
import type { DirFd, FdEntry, FdTable, Mount } from './fds';
import type { GuestMemory } from './memory';

/** A guest call the host refused: the page shows it with a one-click grant. */
export type BlockedEvent = { kind: 'path'; path: string; op: string } | { kind: 'socket'; op: string };

/** A write refused for lack of space (the volume quota). */
export interface QuotaEvent {
  mount: string;
  usedBytes: number;
  maxBytes: number;
  /** Bytes the refused write needed. */
  requestedBytes: number;
}

/** Thrown by proc_exit to unwind the guest; start() turns it into the exit code. */
export class WasiExit extends Error {
  constructor(readonly code: number) {
    super(`exit with code ${code}`);
  }
}

/** State shared by every syscall of one host. */
export interface HostContext {
  mem: GuestMemory;
  fds: FdTable;
  clock: Clock;
  random: RandomSource;
  args: Uint8Array[];
  env: Uint8Array[];
  durability: Durability;
  /** Reports a refused call once per distinct event. */
  blocked(event: BlockedEvent): void;
  quota(event: QuotaEvent): void;
}

/** A WASI import: numbers (and bigints for i64) in, errno out. */
export type Syscall = (...args: never[]) => number | void;

/**
 * Wraps a syscall so a guest pointer out of bounds answers EFAULT instead of trapping.
 * DataView accessors throw a plain RangeError for that; GuestMemory.bytes a GuestFault.
 */
export function guarded<F extends (...args: never[]) => number | void>(f: F): F {
  return ((...args: Parameters<F>) => {
    try {
      return f(...args);
    } catch (e) {
      if (e instanceof RangeError) return Errno.FAULT; // GuestFault is one too
      throw e;
    }
  }) as F;
}

/** Guest path of `path` looked up from a directory fd: the mount's path plus the way down. */
export function guestPathOf(mount: Mount, dir: VfsDir, path: string): string {
  if (path.startsWith('/')) return normalize(path);
  const rootPath = mount.root.path() ?? '';
  const dirPath = dir.path() ?? '';
  const below = rootPath === '' ? dirPath : dirPath.slice(rootPath.length + 1);
  return normalize(`${mount.guestPath}/${below}/${path}`);
}

/** Lexical normalisation of an absolute path ("." and ".." folded, never above "/"). */
export function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/** Reports a refused path access for an fd's mount. */
export function reportPath(ctx: HostContext, entry: FdEntry, path: string, op: string): void {
  if (entry.type !== 'dir' && entry.type !== 'file') return;
  const dir = entry.type === 'dir' ? entry.dir : entry.mount.root;
  ctx.blocked({ kind: 'path', path: guestPathOf(entry.mount, dir, path), op });
}

/** Reports a lookup that tried to leave its directory fd: `escape` is absolute or relative to it. */
export function reportEscape(ctx: HostContext, d: DirFd, escape: string, op: string): void {
  ctx.blocked({ kind: 'path', path: guestPathOf(d.mount, d.dir, escape), op });
}
