import { Errno } from '../../fs/errno';
import { setTimes } from '../../fs/ops';
import { Fstflags, Rights, type Layout } from '../abi';
import { reportPath, type HostContext } from '../context';
import { filetypeOfFd, type DirFd, type FdEntry, type FileFd } from '../fds';
import { readdir } from './readdir';
import { gather, hasRight, offsetOf, readInto, release, writeFile } from './io';

/** Checks fst_flags and computes the new times (undefined = unchanged); null when invalid. */
export function timesFor(ctx: HostContext, atim: bigint, mtim: bigint, flags: number): [bigint | undefined, bigint | undefined] | null {
  const F = Fstflags;
  if (flags & ~0xf) return null;
  if ((flags & F.ATIM && flags & F.ATIM_NOW) || (flags & F.MTIM && flags & F.MTIM_NOW)) return null;
  const now = flags & (F.ATIM_NOW | F.MTIM_NOW) ? ctx.clock.realtime() : 0n;
  const a = flags & F.ATIM ? atim : flags & F.ATIM_NOW ? now : undefined;
  const m = flags & F.MTIM ? mtim : flags & F.MTIM_NOW ? now : undefined;
  return [a, m];
}

/** The errno for a byte operation on something that is not a regular file. */
const notAFile = (e: FdEntry): number => (e.type === 'dir' ? Errno.ISDIR : Errno.SPIPE);

/** fd_* syscalls. */
export function fdSyscalls(ctx: HostContext, layout: Layout) {
  const { mem, fds } = ctx;
  const get = (fd: number): FdEntry | undefined => fds.get(fd >>> 0);

  /** A change through a descriptor on a read-only mount: EPERM, reported. */
  const denied = (e: FileFd | DirFd, op: string): number => {
    reportPath(ctx, e, '', op);
    return Errno.PERM;
  };

  const sync = (fd: number, right: bigint): number => {
    const e = get(fd);
    if (!e) return Errno.BADF;
    if ((e.type === 'file' || e.type === 'dir') && !hasRight(e, right)) return Errno.NOTCAPABLE;
    ctx.durability.flush('complete', e.type === 'file' ? e.node : undefined);
    return Errno.SUCCESS;
  };

  return {
    fd_advise(fd: number, offset: bigint, len: bigint, advice: number) {
      const e = get(fd);
      if (!e) return Errno.BADF;
      if (e.type !== 'file') return notAFile(e);
      if (!hasRight(e, Rights.FD_ADVISE)) return Errno.NOTCAPABLE;
      if (offset < 0n || len < 0n || advice < 0 || advice > 5) return Errno.INVAL;
      return Errno.SUCCESS;
    },

    fd_allocate(fd: number, offset: bigint, len: bigint) {
      const e = get(fd);
      if (!e) return Errno.BADF;
      if (e.type !== 'file') return notAFile(e);
      if (!hasRight(e, Rights.FD_ALLOCATE)) return Errno.NOTCAPABLE;
      const off = offsetOf(offset);
      const n = offsetOf(len);
      if (off === null || n === null || n === 0) return Errno.INVAL;
      return off + n > e.node.size ? e.node.setSize(off + n) : Errno.SUCCESS;
    },

    fd_close(fd: number) {
      const e = fds.remove(fd >>> 0);
      if (!e) return Errno.BADF;
      release(ctx, e);
      return Errno.SUCCESS;
    },

    fd_datasync: (fd: number) => sync(fd, Rights.FD_DATASYNC),
    fd_sync: (fd: number) => sync(fd, Rights.FD_SYNC),

    fd_fdstat_get(fd: number, ptr: number) {
      const e = get(fd);
      if (!e) return Errno.BADF;
      const p = ptr >>> 0;
      mem.bytes(p, 24).fill(0);
      mem.view.setUint8(p, filetypeOfFd(e));
      mem.view.setUint16(p + 2, e.flags, true);
      mem.setU64(p + 8, e.rightsBase);
      mem.setU64(p + 16, e.rightsInheriting);
      return Errno.SUCCESS;
    },

    fd_fdstat_set_flags(fd: number, flags: number) {
      const e = get(fd);
      if (!e) return Errno.BADF;
      if (!hasRight(e, Rights.FD_FDSTAT_SET_FLAGS)) return Errno.NOTCAPABLE;
      if (flags & ~0x1f) return Errno.INVAL;
      e.flags = flags;
      return Errno.SUCCESS;
    },

    fd_fdstat_set_rights(fd: number, base: bigint, inheriting: bigint) {
      const e = get(fd);
      if (!e) return Errno.BADF;
      // Rights can only be dropped, never regained.
      if (base & ~e.rightsBase || inheriting & ~e.rightsInheriting) return Errno.NOTCAPABLE;
      e.rightsBase = base;
      e.rightsInheriting = inheriting;
      return Errno.SUCCESS;
    },

    fd_filestat_get(fd: number, ptr: number) {
      const e = get(fd);
      if (!e) return Errno.BADF;
      if ((e.type === 'file' || e.type === 'dir') && !hasRight(e, Rights.FD_FILESTAT_GET)) return Errno.NOTCAPABLE;
      const st = e.type === 'file' ? e.node.stat() : e.type === 'dir' ? e.dir.stat() : null;
      mem.writeFilestat(ptr >>> 0, st, layout);
      return Errno.SUCCESS;
    },

    fd_filestat_set_size(fd: number, size: bigint) {
      const e = get(fd);
      if (!e) return Errno.BADF;
      if (e.type !== 'file') return e.type === 'dir' ? Errno.ISDIR : Errno.INVAL;
      if (!hasRight(e, Rights.FD_FILESTAT_SET_SIZE)) return Errno.NOTCAPABLE;
      if (e.mount.readOnly) return denied(e, 'fd_filestat_set_size');
      const n = offsetOf(size);
      if (n === null) return Errno.INVAL;
      return e.node.setSize(n);
    },

    fd_filestat_set_times(fd: number, atim: bigint, mtim: bigint, flags: number) {
      const e = get(fd);
      if (!e) return Errno.BADF;
      const times = timesFor(ctx, atim, mtim, flags);
      if (!times) return Errno.INVAL;
      if (e.type !== 'file' && e.type !== 'dir') return Errno.SUCCESS;
      if (!hasRight(e, Rights.FD_FILESTAT_SET_TIMES)) return Errno.NOTCAPABLE;
      if (e.mount.readOnly) return denied(e, 'fd_filestat_set_times');
      setTimes(e.type === 'file' ? e.node : e.dir, times[0], times[1]);
      if (e.type === 'dir' || !e.writer) ctx.durability.flush('complete');
      return Errno.SUCCESS;
    },

    fd_pread(fd: number, iovs: number, iovsLen: number, offset: bigint, nreadPtr: number) {
      const e = get(fd);
      if (!e) return Errno.BADF;
      if (e.type !== 'file') return notAFile(e);
      if (!hasRight(e, Rights.FD_READ)) return Errno.BADF;
      let pos = offsetOf(offset);
      if (pos === null) return Errno.INVAL;
      const n = readInto(ctx, iovs, iovsLen, (dst) => {
        const got = e.node.read(pos as number, dst);
        pos = (pos as number) + got;
        return got;
      });
      mem.setU32(nreadPtr >>> 0, n);
      return Errno.SUCCESS;
    },

    fd_pwrite(fd: number, iovs: number, iovsLen: number, offset: bigint, nwrittenPtr: number) {
      const e = get(fd);
      if (!e) return Errno.BADF;
      if (e.type !== 'file') return notAFile(e);
      if (!hasRight(e, Rights.FD_WRITE)) return Errno.BADF;
      const pos = offsetOf(offset);
      if (pos === null) return Errno.INVAL;
      // POSIX: pwrite writes at the offset even with O_APPEND, and leaves the position alone.
      const [errno, n] = writeFile(ctx, e, iovs, iovsLen, pos, false);
      if (errno === Errno.SUCCESS) mem.setU32(nwrittenPtr >>> 0, n);
      return errno;
    },

    fd_prestat_get(fd: number, ptr: number) {
      const e = get(fd);
      if (!e || e.type !== 'dir' || e.preopen === undefined) return Errno.BADF;
      mem.bytes(ptr >>> 0, 8).fill(0);
      mem.setU32((ptr >>> 0) + 4, new TextEncoder().encode(e.preopen).length);
      return Errno.SUCCESS;
    },

    fd_prestat_dir_name(fd: number, ptr: number, len: number) {
      const e = get(fd);
      if (!e || e.type !== 'dir' || e.preopen === undefined) return Errno.BADF;
      const name = new TextEncoder().encode(e.preopen);
      if ((len >>> 0) < name.length) return Errno.NAMETOOLONG;
      mem.bytes(ptr >>> 0, name.length).set(name);
      return Errno.SUCCESS;
    },

    fd_read(fd: number, iovs: number, iovsLen: number, nreadPtr: number) {
      const e = get(fd);
      if (!e) return Errno.BADF;
      let n: number;
      if (e.type === 'stdin') {
        n = readInto(ctx, iovs, iovsLen, (dst) => {
          const got = Math.min(dst.length, e.data.length - e.pos);
          dst.set(e.data.subarray(e.pos, e.pos + got));
          e.pos += got;
          return got;
        });
      } else if (e.type === 'file') {
        if (!hasRight(e, Rights.FD_READ)) return Errno.BADF;
        n = readInto(ctx, iovs, iovsLen, (dst) => {
          const got = e.node.read(e.pos, dst);
          e.pos += got;
          return got;
        });
      } else {
        return e.type === 'dir' ? Errno.ISDIR : Errno.BADF;
      }
      mem.setU32(nreadPtr >>> 0, n);
      return Errno.SUCCESS;
    },

    fd_readdir(fd: number, buf: number, bufLen: number, cookie: bigint, usedPtr: number) {
      const e = get(fd);
      if (!e) return Errno.BADF;
      if (e.type !== 'dir') return Errno.NOTDIR;
      if (!hasRight(e, Rights.FD_READDIR)) return Errno.NOTCAPABLE;
      const used = readdir(e.dir, cookie, mem.bytes(buf >>> 0, bufLen >>> 0));
      mem.setU32(usedPtr >>> 0, used);
      return Errno.SUCCESS;
    },

    fd_renumber(from: number, to: number) {
      const { errno, closed } = fds.renumber(from >>> 0, to >>> 0);
      if (closed) release(ctx, closed);
      return errno;
    },

    fd_seek(fd: number, offset: bigint, whence: number, ptr: number) {
      const e = get(fd);
      if (!e) return Errno.BADF;
      const w = layout.whence(whence);
      if (w === null) return Errno.INVAL;
      if (e.type !== 'file') return notAFile(e);
      const tellOnly = offset === 0n && w === 1;
      if (!hasRight(e, Rights.FD_SEEK) && !(tellOnly && hasRight(e, Rights.FD_TELL))) return Errno.NOTCAPABLE;
      const base = w === 0 ? 0n : w === 1 ? BigInt(e.pos) : BigInt(e.node.size);
      const pos = offsetOf(base + offset);
      if (pos === null) return Errno.INVAL;
      e.pos = pos;
      mem.setU64(ptr >>> 0, BigInt(pos));
      return Errno.SUCCESS;
    },

    fd_tell(fd: number, ptr: number) {
      const e = get(fd);
      if (!e) return Errno.BADF;
      if (e.type !== 'file') return notAFile(e);
      if (!hasRight(e, Rights.FD_TELL)) return Errno.NOTCAPABLE;
      mem.setU64(ptr >>> 0, BigInt(e.pos));
      return Errno.SUCCESS;
    },

    fd_write(fd: number, iovs: number, iovsLen: number, nwrittenPtr: number) {
      const e = get(fd);
      if (!e) return Errno.BADF;
      if (e.type === 'output') {
        const bytes = gather(ctx, iovs, iovsLen);
        if (bytes.length > 0) e.sink(bytes);
        mem.setU32(nwrittenPtr >>> 0, bytes.length);
        return Errno.SUCCESS;
      }
      if (e.type !== 'file') return e.type === 'dir' ? Errno.ISDIR : Errno.BADF;
      if (!hasRight(e, Rights.FD_WRITE)) return Errno.BADF;
      const append = (e.flags & 1) !== 0;
      const [errno, n] = writeFile(ctx, e, iovs, iovsLen, e.pos, append);
      if (errno !== Errno.SUCCESS) return errno;
      e.pos = append ? e.node.size : e.pos + n;
      mem.setU32(nwrittenPtr >>> 0, n);
      return Errno.SUCCESS;
    },
  };
}
