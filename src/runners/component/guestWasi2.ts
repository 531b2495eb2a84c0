/** The WASI 0.2 host a component run gets: the run's argv, env, stdin, mounts, clock, random and hosts. */
import { fetchAsync } from '../../host/net';
import { createWasi2Host, type Wasi2Host } from '../../host/wasi2';
import { blockedReason, guestClock, guestRandom, mountRoot, quotaLine, type GuestIo } from '../shared/guestWasi';
import type { ComponentRunMessage } from './message';

/** `jspi`: the bindings may suspend in poll, so HTTP is sent with fetch (any allowlist; redirects refused). */
export function createGuestWasi2(message: ComponentRunMessage, stdin: Uint8Array, io: GuestIo, jspi: boolean): Wasi2Host {
  const { wasi } = message;
  return createWasi2Host({
    args: wasi.argv,
    env: wasi.env,
    stdin,
    preopens: wasi.mounts.map((m) => ({ guestPath: m.guestPath, readOnly: m.readOnly, root: mountRoot(m) })),
    stdout: io.stdout,
    stderr: io.stderr,
    clock: guestClock(wasi, io),
    random: guestRandom(wasi),
    onBlocked: (event) =>
      io.blocked({
        capability: event.capability,
        target: event.target,
        detail: event.capability === 'filesystem' ? `${event.detail}: ${blockedReason(event.target, wasi.mounts)}` : event.detail,
      }),
    onDurable: (changes) => io.fs(changes),
    onQuota: (event) => io.console('stderr', quotaLine(event)),
    http: { hosts: message.grants.hosts, ...(jspi ? { sendAsync: fetchAsync } : {}) },
  });
}
