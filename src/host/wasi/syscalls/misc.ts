import { Errno } from '../../fs/errno';
import { Clockid } from '../abi';
import { WasiExit, type HostContext } from '../context';

/** Writes a list of NUL-terminated strings and the pointers to them (args_get / environ_get). */
function writeStrings(ctx: HostContext, list: Uint8Array[], ptrs: number, buf: number): number {
  let at = buf >>> 0;
  let p = ptrs >>> 0;
  for (const s of list) {
    ctx.mem.setU32(p, at);
    const dst = ctx.mem.bytes(at, s.length + 1);
    dst.set(s);
    dst[s.length] = 0;
    at += s.length + 1;
    p += 4;
  }
  return Errno.SUCCESS;
}

function writeSizes(ctx: HostContext, list: Uint8Array[], countPtr: number, sizePtr: number): number {
  ctx.mem.setU32(countPtr >>> 0, list.length);
  ctx.mem.setU32(sizePtr >>> 0, list.reduce((n, s) => n + s.length + 1, 0));
  return Errno.SUCCESS;
}

/** Reads one of the guest's clocks; process/thread CPU time read as monotonic. */
export function readClock(ctx: HostContext, id: number): bigint | null {
  switch (id) {
    case Clockid.REALTIME:
      return ctx.clock.realtime();
    case Clockid.MONOTONIC:
    case Clockid.PROCESS_CPUTIME:
    case Clockid.THREAD_CPUTIME:
      return ctx.clock.monotonic();
    default:
      return null;
  }
}

/** args, environ, clocks, random, process and sockets. */
export function miscSyscalls(ctx: HostContext) {
  const badFd = (fd: number): boolean => ctx.fds.get(fd >>> 0) === undefined;
  // No descriptor is ever a socket: a valid fd is ENOTSOCK, an unknown one EBADF.
  const socket = (op: string, fd: number): number => {
    ctx.blocked({ kind: 'socket', op });
    return badFd(fd) ? Errno.BADF : Errno.NOTSOCK;
  };
  return {
    args_get: (argv: number, buf: number) => writeStrings(ctx, ctx.args, argv, buf),
    args_sizes_get: (count: number, size: number) => writeSizes(ctx, ctx.args, count, size),
    environ_get: (environ: number, buf: number) => writeStrings(ctx, ctx.env, environ, buf),
    environ_sizes_get: (count: number, size: number) => writeSizes(ctx, ctx.env, count, size),

    clock_res_get(id: number, ptr: number) {
      if (id < 0 || id > 3) return Errno.INVAL;
      ctx.mem.setU64(ptr >>> 0, ctx.clock.resolution(id === Clockid.REALTIME ? 'realtime' : 'monotonic'));
      return Errno.SUCCESS;
    },
    clock_time_get(id: number, _precision: bigint, ptr: number) {
      const t = readClock(ctx, id);
      if (t === null) return Errno.INVAL;
      ctx.mem.setU64(ptr >>> 0, t);
      return Errno.SUCCESS;
    },

    random_get(ptr: number, len: number) {
      ctx.random.fill(ctx.mem.bytes(ptr >>> 0, len >>> 0));
      return Errno.SUCCESS;
    },

    proc_exit(code: number): void {
      throw new WasiExit(code >>> 0);
    },
    proc_raise: (_sig: number) => Errno.NOSYS,
    sched_yield: () => Errno.SUCCESS,

    sock_accept: (fd: number, _flags: number, _out: number) => socket('sock_accept', fd),
    sock_recv: (fd: number, _iovs: number, _len: number, _flags: number, _n: number, _oflags: number) => socket('sock_recv', fd),
    sock_send: (fd: number, _iovs: number, _len: number, _flags: number, _n: number) => socket('sock_send', fd),
    sock_shutdown: (fd: number, _how: number) => socket('sock_shutdown', fd),
  };
}
