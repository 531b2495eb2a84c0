import { Errno } from '../../fs/errno';
import { Eventtype, SUBCLOCK_ABSTIME, type Layout } from '../abi';
import type { HostContext } from '../context';
import { readClock } from './misc';

const EVENT_SIZE = 32;

interface Ready {
  userdata: bigint;
  error: number;
  type: number;
  nbytes: bigint;
}

/**
 * poll_oneoff. Stdio and files are always ready (stdin holds all its input up front), so
 * descriptor subscriptions answer at once; only clock-only polls wait, via Clock.sleep.
 */
export function pollSyscalls(ctx: HostContext, layout: Layout) {
  const { mem } = ctx;

  /** How many bytes a read on `fd` would return now, or an errno. */
  const readable = (fd: number): bigint | number => {
    const e = ctx.fds.get(fd);
    if (!e) return Errno.BADF;
    if (e.type === 'stdin') return BigInt(e.data.length - e.pos);
    if (e.type === 'file') return BigInt(Math.max(0, e.node.size - e.pos));
    return e.type === 'dir' ? Errno.BADF : 0n;
  };

  return {
    poll_oneoff(inPtr: number, outPtr: number, nsubs: number, neventsPtr: number) {
      const n = nsubs >>> 0;
      if (n === 0) return Errno.INVAL;
      const base = inPtr >>> 0;
      mem.bytes(base, n * layout.subscriptionSize);
      const v = mem.view;
      const ready: Ready[] = [];
      // Each clock subscription as the time left until it fires, read once.
      const clocks: { userdata: bigint; left: bigint }[] = [];
      for (let i = 0; i < n; i++) {
        const p = base + i * layout.subscriptionSize;
        const userdata = v.getBigUint64(p, true);
        const tag = v.getUint8(p + 8);
        if (tag === Eventtype.CLOCK) {
          const id = v.getUint32(p + layout.clockIdOffset, true);
          const timeout = v.getBigUint64(p + layout.clockIdOffset + 8, true);
          const flags = v.getUint16(p + layout.clockIdOffset + 24, true);
          const now = readClock(ctx, id);
          if (now === null) ready.push({ userdata, error: Errno.INVAL, type: tag, nbytes: 0n });
          else clocks.push({ userdata, left: flags & SUBCLOCK_ABSTIME ? timeout - now : timeout });
        } else if (tag === Eventtype.FD_READ || tag === Eventtype.FD_WRITE) {
          const fd = v.getUint32(p + 16, true);
          const r = tag === Eventtype.FD_READ ? readable(fd) : ctx.fds.get(fd) ? 0n : Errno.BADF;
          ready.push(typeof r === 'number' ? { userdata, error: r, type: tag, nbytes: 0n } : { userdata, error: 0, type: tag, nbytes: r });
        } else {
          ready.push({ userdata, error: Errno.INVAL, type: tag, nbytes: 0n });
        }
      }
      // Nothing else can become ready while we wait: sleep until the first clock fires.
      const wait = ready.length === 0 && clocks.length > 0 ? clocks.reduce((m, c) => (c.left < m ? c.left : m), clocks[0]?.left ?? 0n) : 0n;
      if (wait > 0n) ctx.clock.sleep(wait);
      for (const c of clocks) {
        if (c.left <= wait) ready.push({ userdata: c.userdata, error: 0, type: Eventtype.CLOCK, nbytes: 0n });
      }
      const out = outPtr >>> 0;
      mem.bytes(out, ready.length * EVENT_SIZE).fill(0);
      ready.forEach((ev, i) => {
        const p = out + i * EVENT_SIZE;
        v.setBigUint64(p, ev.userdata, true);
        v.setUint16(p + 8, ev.error, true);
        v.setUint8(p + 10, ev.type);
        v.setBigUint64(p + 16, ev.nbytes, true);
      });
      mem.setU32(neventsPtr >>> 0, ready.length);
      return Errno.SUCCESS;
    },
  };
}
