import { Errno } from '../../fs/errno';
import { VfsDir, VfsFile, VfsSymlink } from '../../fs/nodes';
import { createFile, link, lookup, mkdir, rename, rmdir, setTimes, symlink, unlink, type Outcome } from '../../fs/ops';
import type { At } from '../../fs/resolve';
import { DIR_RIGHTS, FILE_RIGHTS, LOOKUP_SYMLINK_FOLLOW, Oflags, Rights, type Layout } from '../abi';
import { reportEscape, reportPath, type HostContext } from '../context';
import type { DirFd } from '../fds';
import { timesFor } from './fd';
import { hasRight } from './io';

/** path_* syscalls: every path is relative to a directory descriptor. */
export function pathSyscalls(ctx: HostContext, layout: Layout) {
  const { mem, fds } = ctx;

  /** The directory fd a path is relative to, if it holds `right`; else an errno. */
  const dirFd = (fd: number, right: bigint): DirFd | number => {
    const e = fds.get(fd >>> 0);
    if (!e) return Errno.BADF;
    if (e.type !== 'dir') return Errno.NOTDIR;
    return hasRight(e, right) ? e : Errno.NOTCAPABLE;
  };
  // Every directory descriptor is a capability of its own: paths from it never climb above it
  // (cap-std / wasmtime semantics), not just above the preopen it came from.
  const at = (d: DirFd): At => ({ root: d.dir, dir: d.dir });

  /**
   * Decodes the path argument of a call on a directory fd: invalid UTF-8 is EILSEQ, an
   * embedded NUL EINVAL. A path under the watch root (nothing mounted there) is refused
   * with ENOTCAPABLE and reported.
   */
  const target = (fd: number, right: bigint, ptr: number, len: number, op: string): { d: DirFd; path: string } | number => {
    const d = dirFd(fd, right);
    if (typeof d === 'number') return d;
    const path = mem.string(ptr >>> 0, len >>> 0);
    if (path === null) return Errno.ILSEQ;
    if (path.includes('\0')) return Errno.INVAL;
    if (d.mount.watch) {
      reportPath(ctx, d, path, op);
      return Errno.NOTCAPABLE;
    }
    return { d, path };
  };

  /** A mutation on a read-only mount: refused with EPERM (as wasmtime does) and reported. */
  const readOnly = (d: DirFd, path: string, op: string): boolean => {
    if (!d.mount.readOnly) return false;
    reportPath(ctx, d, path, op);
    return true;
  };

  /** Finishes a lookup or mutation: reports an escape, makes a success durable. */
  const done = (d: DirFd, op: string, r: Outcome): number => {
    if (r.escape !== undefined) reportEscape(ctx, d, r.escape, op);
    if (r.errno === Errno.SUCCESS) ctx.durability.flush('complete');
    return r.errno;
  };

  /** Runs a one-path mutation with the usual checks. */
  const mutate = (fd: number, right: bigint, ptr: number, len: number, op: string, run: (a: At, p: string) => Outcome): number => {
    const t = target(fd, right, ptr, len, op);
    if (typeof t === 'number') return t;
    if (readOnly(t.d, t.path, op)) return Errno.PERM;
    return done(t.d, op, run(at(t.d), t.path));
  };

  /** The first path of a two-path call (link, rename), with its own read-only check. */
  const source = (fd: number, right: bigint, ptr: number, len: number, op: string, writes: boolean): { d: DirFd; path: string } | number => {
    const t = target(fd, right, ptr, len, op);
    if (typeof t === 'number') return t;
    return writes && readOnly(t.d, t.path, op) ? Errno.PERM : t;
  };

  return {
    path_create_directory: (fd: number, ptr: number, len: number) =>
      mutate(fd, Rights.PATH_CREATE_DIRECTORY, ptr, len, 'path_create_directory', mkdir),
    path_remove_directory: (fd: number, ptr: number, len: number) =>
      mutate(fd, Rights.PATH_REMOVE_DIRECTORY, ptr, len, 'path_remove_directory', rmdir),
    path_unlink_file: (fd: number, ptr: number, len: number) =>
      mutate(fd, Rights.PATH_UNLINK_FILE, ptr, len, 'path_unlink_file', unlink),

    path_symlink(oldPtr: number, oldLen: number, fd: number, ptr: number, len: number) {
      const linkTarget = mem.string(oldPtr >>> 0, oldLen >>> 0);
      if (linkTarget === null) return Errno.ILSEQ;
      if (linkTarget.includes('\0')) return Errno.INVAL;
      return mutate(fd, Rights.PATH_SYMLINK, ptr, len, 'path_symlink', (a, p) => symlink(linkTarget, a, p));
    },

    path_filestat_get(fd: number, flags: number, ptr: number, len: number, out: number) {
      const t = target(fd, Rights.PATH_FILESTAT_GET, ptr, len, 'path_filestat_get');
      if (typeof t === 'number') return t;
      const s = lookup(at(t.d), t.path, (flags & LOOKUP_SYMLINK_FOLLOW) !== 0);
      if (!s.found) return done(t.d, 'path_filestat_get', s);
      const { node, slash } = s.found;
      if (!node) return Errno.NOENT;
      if (slash && !(node instanceof VfsDir)) return Errno.NOTDIR;
      mem.writeFilestat(out >>> 0, node.stat(), layout);
      return Errno.SUCCESS;
    },

    path_filestat_set_times(fd: number, flags: number, ptr: number, len: number, atim: bigint, mtim: bigint, fst: number) {
      const times = timesFor(ctx, atim, mtim, fst);
      if (!times) return Errno.INVAL;
      return mutate(fd, Rights.PATH_FILESTAT_SET_TIMES, ptr, len, 'path_filestat_set_times', (a, p) => {
        const s = lookup(a, p, (flags & LOOKUP_SYMLINK_FOLLOW) !== 0);
        if (!s.found) return s;
        if (!s.found.node) return { errno: Errno.NOENT };
        setTimes(s.found.node, times[0], times[1]);
        return { errno: Errno.SUCCESS };
      });
    },

    path_link(oldFd: number, oldFlags: number, oldPtr: number, oldLen: number, newFd: number, ptr: number, len: number) {
      const src = source(oldFd, Rights.PATH_LINK_SOURCE, oldPtr, oldLen, 'path_link', false);
      if (typeof src === 'number') return src;
      const follow = (oldFlags & LOOKUP_SYMLINK_FOLLOW) !== 0;
      return mutate(newFd, Rights.PATH_LINK_TARGET, ptr, len, 'path_link', (a, p) => link(at(src.d), src.path, follow, a, p));
    },

    path_rename(oldFd: number, oldPtr: number, oldLen: number, newFd: number, ptr: number, len: number) {
      const src = source(oldFd, Rights.PATH_RENAME_SOURCE, oldPtr, oldLen, 'path_rename', true);
      if (typeof src === 'number') return src;
      return mutate(newFd, Rights.PATH_RENAME_TARGET, ptr, len, 'path_rename', (a, p) => rename(at(src.d), src.path, a, p));
    },

    path_readlink(fd: number, ptr: number, len: number, buf: number, bufLen: number, usedPtr: number) {
      const t = target(fd, Rights.PATH_READLINK, ptr, len, 'path_readlink');
      if (typeof t === 'number') return t;
      const s = lookup(at(t.d), t.path, false);
      if (!s.found) return done(t.d, 'path_readlink', s);
      const node = s.found.node;
      if (!node) return Errno.NOENT;
      if (!(node instanceof VfsSymlink)) return Errno.INVAL;
      // A buffer too small gets the first bytes, as readlink(2) does.
      const bytes = new TextEncoder().encode(node.target);
      const n = Math.min(bytes.length, bufLen >>> 0);
      mem.bytes(buf >>> 0, n).set(bytes.subarray(0, n));
      mem.setU32(usedPtr >>> 0, n);
      return Errno.SUCCESS;
    },

    path_open(
      fd: number,
      dirflags: number,
      ptr: number,
      len: number,
      oflags: number,
      base: bigint,
      inheriting: bigint,
      fdflags: number,
      out: number,
    ) {
      const t = target(fd, Rights.PATH_OPEN, ptr, len, 'path_open');
      if (typeof t === 'number') return t;
      const { d, path } = t;
      mem.bytes(out >>> 0, 4); // check the result pointer before changing anything
      if (oflags & Oflags.CREAT && !hasRight(d, Rights.PATH_CREATE_FILE)) return Errno.NOTCAPABLE;
      if (oflags & Oflags.TRUNC && !hasRight(d, Rights.PATH_FILESTAT_SET_SIZE)) return Errno.NOTCAPABLE;
      // O_CREAT|O_EXCL never follows a final symlink: an existing link is EEXIST.
      const excl = (oflags & Oflags.CREAT) !== 0 && (oflags & Oflags.EXCL) !== 0;
      const s = lookup(at(d), path, !excl && (dirflags & LOOKUP_SYMLINK_FOLLOW) !== 0);
      if (!s.found) return done(d, 'path_open', s);
      const found = s.found;
      let node = found.node;
      let changed = false;
      const wantsWrite = (base & Rights.FD_WRITE) !== 0n;
      if (!node) {
        if (!(oflags & Oflags.CREAT)) return Errno.NOENT;
        if (oflags & Oflags.DIRECTORY) return Errno.INVAL;
        if (found.slash) return Errno.ISDIR;
        if (readOnly(d, path, 'path_open')) return Errno.PERM;
        node = createFile(found);
        changed = true;
      } else {
        if (excl) return Errno.EXIST;
        if (node instanceof VfsSymlink) return Errno.LOOP;
        if (!(node instanceof VfsDir) && (oflags & Oflags.DIRECTORY || found.slash)) return Errno.NOTDIR;
        if (node instanceof VfsDir && (oflags & Oflags.TRUNC || wantsWrite)) return Errno.ISDIR;
        if (node instanceof VfsFile && (oflags & Oflags.TRUNC || wantsWrite) && readOnly(d, path, 'path_open')) return Errno.PERM;
      }
      const inherit = inheriting & d.rightsInheriting;
      if (node instanceof VfsDir) {
        const rightsBase = base & d.rightsInheriting & DIR_RIGHTS;
        const newFd = fds.add({ type: 'dir', dir: node, mount: d.mount, rightsBase, rightsInheriting: inherit, flags: fdflags & 0x1f });
        mem.setU32(out >>> 0, newFd);
        return Errno.SUCCESS;
      }
      if (!(node instanceof VfsFile)) return Errno.LOOP;
      if (oflags & Oflags.TRUNC && node.size > 0) {
        const errno = node.setSize(0);
        if (errno !== Errno.SUCCESS) return errno;
        changed = true;
      }
      const rightsBase = base & d.rightsInheriting & FILE_RIGHTS;
      const writer = (rightsBase & Rights.FD_WRITE) !== 0n;
      if (writer) node.writers++;
      const newFd = fds.add({ type: 'file', node, mount: d.mount, pos: 0, writer, rightsBase, rightsInheriting: inherit, flags: fdflags & 0x1f });
      mem.setU32(out >>> 0, newFd);
      // A file created or truncated by a descriptor that cannot write is complete already.
      if (changed && !writer) ctx.durability.flush('complete');
      return Errno.SUCCESS;
    },
  };
}
