/**
 * The WASI 0.2 host for jco-transpiled components: the `imports` object given to the generated
 * `instantiate(getCoreModule, imports)`, keyed by versionless interface name. Built on the same
 * VFS, durability journal, clock, randomness and allowlist as the preview 1 host.
 */
import { VfsDir } from '../fs/nodes';
import type { WasiOptions } from '../wasi/host';
import { Durability } from '../wasi/durability';
import type { Mount } from '../wasi/fds';
import { cliImports } from './cli';
import { clockImports, randomImports } from './clocksRandom';
import type { Wasi2Blocked, Wasi2Context } from './context';
import { filesystemImports } from './filesystem';
import { httpImports, type HttpOptions } from './http/outgoing';
import { ioImports } from './io';
import { socketImports } from './sockets';

/**
 * The preview 1 host's options (same mounts, streams, clock, randomness, durability, watchUnmounted);
 * refusals carry what a grant would name, and HTTP has its allowlist and transport.
 */
export interface Wasi2Options extends Omit<WasiOptions, 'onBlocked'> {
  /** The guest tried something it may not: a path outside its mounts, a write to a read-only mount, a socket, a host not allowed. */
  onBlocked(event: Wasi2Blocked): void;
  /** wasi:http/outgoing-handler: allowed hosts and transport. Absent: every request is denied. */
  http?: HttpOptions;
}

export interface Wasi2Host {
  /** Interface name (no version) → functions and resource classes, as jco's generated code takes them. */
  imports: Record<string, Record<string, unknown>>;
  /** The code the guest exited with through wasi:cli/exit, or null if it has not. */
  exitCode(): number | null;
  /** Reports every pending file change as durable (end of run); after a trap, files left open stay out. */
  flush(afterTrap?: boolean): void;
  /**
   * The third argument of jco's `instantiate`: instantiates each core module as jco would, and
   * notes the code a preview 1 program passes to `proc_exit`. jco's preview 1 adapter turns it
   * into wasi:cli/exit's bare ok/err, so without this `exit(33)` would end with code 1.
   */
  instantiateCore(module: WebAssembly.Module, imports?: WebAssembly.Imports): Promise<WebAssembly.Instance>;
}

export function createWasi2Host(opts: Wasi2Options): Wasi2Host {
  const mounts: Mount[] = opts.preopens.map((p) => ({ ...p }));
  // Each distinct volume gets its own device number; the VFS times follow the guest's clock.
  [...new Set(mounts.map((m) => m.root.volume))].forEach((v, i) => {
    v.dev = BigInt(i + 1);
    v.now = () => opts.clock.realtime();
  });
  const watch: Mount[] =
    opts.watchUnmounted && !mounts.some((m) => m.guestPath === '/')
      ? [{ guestPath: '/', root: VfsDir.create(), readOnly: true, watch: true }]
      : [];
  const seen = new Set<string>();
  const ctx: Wasi2Context = {
    clock: opts.clock,
    random: opts.random,
    mounts: [...mounts, ...watch],
    durability: new Durability(mounts, opts.onDurable),
    blocked(event) {
      const key = `${event.capability}:${event.target}:${event.detail}`;
      if (seen.has(key)) return;
      seen.add(key);
      opts.onBlocked(event);
    },
    quota: (event) => opts.onQuota?.(event),
  };
  let code: number | null = null;
  // The code the last preview 1 proc_exit call asked for (adapted commands only).
  let p1Code: number | null = null;
  const imports = {
    ...cliImports({
      args: opts.args,
      env: opts.env,
      stdin: opts.stdin,
      stdout: opts.stdout,
      stderr: opts.stderr,
      onExit(c) {
        code = c === 1 && p1Code !== null && p1Code !== 0 ? p1Code : c;
        ctx.durability.flush('final');
        return code;
      },
    }),
    ...ioImports(),
    ...clockImports(opts.clock),
    ...randomImports(opts.random),
    ...filesystemImports(ctx),
    ...socketImports(ctx),
    ...httpImports(ctx, opts.http ?? { hosts: [] }),
  };
  return {
    imports,
    exitCode: () => code,
    flush: (afterTrap = false) => ctx.durability.flush(afterTrap ? 'complete' : 'final'),
    instantiateCore(module, imports = {}) {
      const p1 = imports.wasi_snapshot_preview1;
      const procExit = p1?.proc_exit;
      if (typeof procExit === 'function') {
        const noted = (c: number) => {
          p1Code = c >>> 0;
          return (procExit as (c: number) => unknown)(c);
        };
        // Keep the properties jco puts on its import functions (`_jcoMaySuspend`).
        imports = { ...imports, wasi_snapshot_preview1: { ...p1, proc_exit: Object.assign(noted, procExit) } };
      }
      return WebAssembly.instantiate(module, imports);
    },
  };
}

/** A major.minor.patch suffix of a 0.2.x interface ("wasi:cli/run@0.2.12" → "wasi:cli/run"). */
const VERSION_02 = /@0\.2\.\d+(?:-[\w.]+)?$/;

/**
 * The imports with lookups by versioned name resolving too: components built today import
 * `wasi:*@0.2.12`, older ones `@0.2.0`, and some jco outputs look them up with the version.
 */
export function importsFor(host: Wasi2Host): Record<string, Record<string, unknown>> {
  return new Proxy(host.imports, {
    get(target, key) {
      if (typeof key !== 'string') return undefined;
      return target[key] ?? target[key.replace(VERSION_02, '')];
    },
    has(target, key) {
      return typeof key === 'string' && (key in target || key.replace(VERSION_02, '') in target);
    },
  });
}
