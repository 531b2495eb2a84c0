import type { Clock } from '../clock';
import { VfsDir } from '../fs/nodes';
import type { VfsChange } from '../fs/types';
import type { RandomSource } from '../random';
import { PREVIEW1, UNSTABLE, type Layout } from './abi';
import { guarded, WasiExit, type BlockedEvent, type HostContext, type QuotaEvent, type Syscall } from './context';
import { Durability } from './durability';
import { FdTable, type Mount } from './fds';
import { GuestMemory } from './memory';
import { fdSyscalls } from './syscalls/fd';
import { miscSyscalls } from './syscalls/misc';
import { pathSyscalls } from './syscalls/path';
import { pollSyscalls } from './syscalls/poll';

export type { BlockedEvent, QuotaEvent } from './context';
export { WasiExit } from './context';

/** What a WASI preview 1 guest gets (DESIGN.md §3, §4, §5). */
export interface WasiOptions {
  /** Command line, argv[0] included. */
  args: string[];
  /** The guest's whole environment. */
  env: [string, string][];
  /** All of stdin; reads past the end return 0 (EOF). */
  stdin: Uint8Array;
  /** Directories the guest can reach, in fd order from 3. */
  preopens: { guestPath: string; root: VfsDir; readOnly: boolean }[];
  /** Called as the guest writes, with a copy of the bytes. */
  stdout(bytes: Uint8Array): void;
  stderr(bytes: Uint8Array): void;
  clock: Clock;
  random: RandomSource;
  /** The guest tried something it may not: a path outside its mounts, a write to a read-only mount, a socket. */
  onBlocked(event: BlockedEvent): void;
  /** Changes made durable (sync, close, path mutations, exit, every 4 MiB), in order. */
  onDurable?(changes: VfsChange[]): void;
  /** A write failed with ENOSPC because the volume is over its quota. */
  onQuota?(event: QuotaEvent): void;
  /**
   * Adds a hidden "/" preopen after the real ones (unless one is "/") that refuses every
   * path with ENOTCAPABLE and reports it. libc resolves absolute paths against preopens
   * itself, so without it a guest opening an unmounted path (say /data/in.txt with nothing
   * at /data) fails inside libc and the host never sees it. Costs one descriptor number.
   */
  watchUnmounted?: boolean;
}

/** A WASI host bound to one guest instance. */
export interface WasiHost {
  /** Import objects for `wasi_snapshot_preview1` and `wasi_unstable`. */
  imports: WebAssembly.Imports;
  /** Runs `_start`: proc_exit's code, or 0 when it returns. Traps are rethrown after durable changes are reported. */
  start(instance: WebAssembly.Instance): number;
  /**
   * Binds a reactor (or any instance that uses these imports, e.g. an Extism plugin) and runs
   * `_initialize` if exported. An export that later calls proc_exit throws WasiExit.
   */
  initialize(instance: WebAssembly.Instance): void;
  /** Reports every pending change as durable (end of run); after a trap, files left open stay out. */
  flush(afterTrap?: boolean): void;
  /**
   * Gives the same preopens fresh trees (one per preopen, in order) for the next call of a kept
   * instance: the guest keeps its memory, but sees the volumes as they are now, not as they were
   * when it was instantiated. Descriptors the guest opened under the old trees are closed.
   */
  remount(roots: VfsDir[]): void;
}

const encoder = new TextEncoder();

function memoryOf(instance: WebAssembly.Instance): WebAssembly.Memory {
  const memory = instance.exports.memory;
  if (!(memory instanceof WebAssembly.Memory)) throw new Error('WASI: the module does not export its memory as "memory"');
  return memory;
}

function syscalls(ctx: HostContext, layout: Layout): Record<string, Syscall> {
  const all: Record<string, Syscall> = {
    ...miscSyscalls(ctx),
    ...fdSyscalls(ctx, layout),
    ...pathSyscalls(ctx, layout),
    ...pollSyscalls(ctx, layout),
  };
  for (const [name, f] of Object.entries(all)) if (name !== 'proc_exit') all[name] = guarded(f);
  return all;
}

/** Creates the WASI preview 1 host a runner instantiates a guest with. */
export function createWasiHost(opts: WasiOptions): WasiHost {
  const mounts: Mount[] = opts.preopens.map((p) => ({ ...p }));
  const watch: Mount[] =
    opts.watchUnmounted && !mounts.some((m) => m.guestPath === '/')
      ? [{ guestPath: '/', root: VfsDir.create(), readOnly: true, watch: true }]
      : [];
  // Each distinct volume gets its own device number; the VFS times follow the guest's clock.
  const bindVolumes = () =>
    [...new Set(mounts.map((m) => m.root.volume))].forEach((v, i) => {
      v.dev = BigInt(i + 1);
      v.now = () => opts.clock.realtime();
    });
  bindVolumes();
  const seen = new Set<string>();
  const mem = new GuestMemory();
  // After a trap, files still open were cut off mid-write: never report them as complete.
  let trapped = false;
  const ctx: HostContext = {
    mem,
    fds: new FdTable(opts.stdin, (b) => opts.stdout(b), (b) => opts.stderr(b), [...mounts, ...watch]),
    clock: opts.clock,
    random: opts.random,
    args: opts.args.map((a) => encoder.encode(a)),
    env: opts.env.map(([k, v]) => encoder.encode(`${k}=${v}`)),
    durability: new Durability(mounts, opts.onDurable),
    blocked(event) {
      const key = event.kind === 'path' ? `path:${event.op}:${event.path}` : `socket:${event.op}`;
      if (seen.has(key)) return;
      seen.add(key);
      opts.onBlocked(event);
    },
    quota: (event) => opts.onQuota?.(event),
  };
  const imports: WebAssembly.Imports = {
    wasi_snapshot_preview1: syscalls(ctx, PREVIEW1),
    wasi_unstable: syscalls(ctx, UNSTABLE),
  };

  return {
    imports,
    start(instance) {
      mem.bind(memoryOf(instance));
      const start = instance.exports._start;
      if (typeof start !== 'function') throw new Error('WASI: the module has no _start export');
      try {
        start();
      } catch (e) {
        if (e instanceof WasiExit) {
          ctx.durability.flush('final');
          return e.code;
        }
        trapped = true;
        ctx.durability.flush('complete');
        throw e;
      }
      ctx.durability.flush('final');
      return 0;
    },
    initialize(instance) {
      mem.bind(memoryOf(instance));
      const init = instance.exports._initialize;
      if (typeof init === 'function') init();
    },
    flush(afterTrap = false) {
      ctx.durability.flush(trapped || afterTrap ? 'complete' : 'final');
    },
    remount(roots) {
      if (roots.length !== mounts.length) throw new Error(`WASI: remount needs ${mounts.length} trees, got ${roots.length}`);
      roots.forEach((root, i) => (mounts[i]!.root = root));
      ctx.fds.rebind();
      bindVolumes();
      ctx.durability = new Durability(mounts, opts.onDurable);
      trapped = false;
      seen.clear(); // each call reports its own blocked accesses
    },
  };
}
