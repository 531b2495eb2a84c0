/** The WASI preview 1 host a runner gives its guest: WASI programs and plugins that import WASI. */
import type { Clock } from '../../host/clock';
import { deterministicClock, realClock } from '../../host/clock';
import type { RandomSource } from '../../host/random';
import type { QuotaEvent } from '../../host/wasi/context';
import type { VfsDir } from '../../host/fs/nodes';
import { fromSnapshot } from '../../host/fs/snapshot';
import type { VfsChange } from '../../model/files';
import { cryptoRandom, seededRandom } from '../../host/random';
import type { WasiHost } from '../../host/wasi/host';
import { createWasiHost } from '../../host/wasi/host';
import type { ConsoleStream, MountSpec, WasiSettings } from '../../model/run';
import { CONSOLE_LINE_MAX } from '../../model/run';
import type { BlockedReport } from './outcome';
import { WASI_P1_MODULES } from '../../wasm/detect';

/** Where the guest's output and the host's reports go. */
export interface GuestIo {
  stdout(bytes: Uint8Array): void;
  stderr(bytes: Uint8Array): void;
  console(stream: ConsoleStream, text: string): void;
  blocked(report: BlockedReport): void;
  /** Changes under the mounts, as they become durable. */
  fs(changes: VfsChange[]): void;
  /** Called before the guest blocks in a sleep (console lines are sent first). */
  beforeBlock?(): void;
}

/** True when the module imports any WASI p1 function. */
export function importsWasi(module: WebAssembly.Module): boolean {
  return WebAssembly.Module.imports(module).some((i) => WASI_P1_MODULES.includes(i.module));
}

/** A mount's snapshot as the tree the guest sees. */
export function mountRoot(m: MountSpec): VfsDir {
  return fromSnapshot(m.entries, m.maxBytes !== undefined ? { maxBytes: m.maxBytes } : {});
}

/**
 * A WASI host over the run's mounts, clock and randomness, reporting to `io`. Hosts of linked
 * modules pass the same `roots`, so they see (and journal) one tree per mount.
 */
export function createGuestWasi(options: WasiSettings, stdin: Uint8Array, io: GuestIo, roots: VfsDir[] = options.mounts.map(mountRoot)): WasiHost {
  return createWasiHost({
    args: options.argv,
    env: options.env,
    stdin,
    preopens: options.mounts.map((m, i) => ({ guestPath: m.guestPath, readOnly: m.readOnly, root: roots[i]! })),
    watchUnmounted: options.watchUnmounted,
    stdout: io.stdout,
    stderr: io.stderr,
    clock: guestClock(options, io),
    random: guestRandom(options),
    onBlocked: (event) =>
      event.kind === 'socket'
        ? io.blocked({ capability: 'sockets', target: event.op, detail: `${event.op}: sockets are not offered to guests` })
        : io.blocked({ capability: 'filesystem', target: event.path, detail: `${event.op} ${event.path}: ${blockedReason(event.path, options.mounts)}` }),
    onDurable: (changes) => io.fs(changes),
    onQuota: (event) => io.console('stderr', quotaLine(event)),
  });
}

/** The run's clock: deterministic mode's fixed one or the real one; sleeps send console lines first. */
export function guestClock(options: Pick<WasiSettings, 'deterministic'>, io: Pick<GuestIo, 'beforeBlock'>): Clock {
  const epochNs = BigInt(options.deterministic?.epochMs ?? 0) * 1_000_000n;
  const base = options.deterministic ? deterministicClock({ epochNs }) : realClock();
  return { ...base, sleep: (ns: bigint) => (io.beforeBlock?.(), base.sleep(ns)) };
}

/** The run's randomness: seeded in deterministic mode, else the platform's CSPRNG. */
export function guestRandom(options: Pick<WasiSettings, 'deterministic'>): RandomSource {
  return options.deterministic ? seededRandom(options.deterministic.seed) : cryptoRandom();
}

/** The Console line for a write over a volume's quota. */
export function quotaLine(event: QuotaEvent): string {
  return `No space left: writing to ${event.mount} needed ${event.requestedBytes} more bytes, but the volume already uses ${event.usedBytes} of its ${event.maxBytes}-byte quota (ENOSPC). Delete files in the Files panel to free space.`;
}

/** Identifies a run's WASI settings but the mounts' contents: a kept plugin instance is reused only under the same. */
export function wasiKey(options: WasiSettings): string {
  const mounts = options.mounts.map((m) => [m.guestPath, m.readOnly, m.volume, m.dir]);
  return JSON.stringify([options.argv, options.env, options.deterministic ?? null, options.watchUnmounted, mounts]);
}

export function blockedReason(path: string, mounts: MountSpec[]): string {
  const mount = mounts.find((m) => path === m.guestPath || path.startsWith(`${m.guestPath.replace(/\/$/, '')}/`));
  return mount?.readOnly ? `${mount.guestPath} is mounted read-only` : 'no directory is mounted there';
}

/** A line cut at CONSOLE_LINE_MAX characters, saying how many more there were. */
export function cutLine(text: string, more = 0): string {
  const over = Math.max(0, text.length - CONSOLE_LINE_MAX) + more;
  return over > 0 ? `${text.slice(0, CONSOLE_LINE_MAX)}… [${over} more characters; the whole output is in Output]` : text;
}

/**
 * Turns a byte stream into complete UTF-8 lines; `end()` emits the unterminated tail. Each chunk
 * is scanned once (a 300 MB line without a newline used to be rescanned on every write), and a
 * line keeps at most CONSOLE_LINE_MAX characters.
 */
export function lineSplitter(emit: (line: string) => void) {
  const decoder = new TextDecoder();
  let pending = '';
  let cut = 0;
  const take = (s: string) => {
    if (cut > 0) cut += s.length;
    else if (pending.length + s.length <= CONSOLE_LINE_MAX) pending += s;
    else {
      const room = CONSOLE_LINE_MAX - pending.length;
      pending += s.slice(0, room);
      cut = s.length - room;
    }
  };
  const line = () => {
    emit(cutLine(pending, cut));
    pending = '';
    cut = 0;
  };
  return {
    push(bytes: Uint8Array) {
      const text = decoder.decode(bytes, { stream: true });
      let start = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        take(text.slice(start, nl));
        line();
        start = nl + 1;
      }
      if (start < text.length) take(start === 0 ? text : text.slice(start));
    },
    end() {
      take(decoder.decode());
      if (pending || cut) line();
    },
  };
}
