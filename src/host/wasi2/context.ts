import type { BlockedCapability } from '../../model/run';
import type { Clock } from '../clock';
import type { RandomSource } from '../random';
import type { QuotaEvent } from '../wasi/context';
import type { Durability } from '../wasi/durability';
import type { Mount } from '../wasi/fds';

/** A guest call the host refused: the page shows it as a Console line, with a one-click grant where one helps. */
export interface Wasi2Blocked {
  capability: BlockedCapability;
  /** What a grant would name: a guest path, a host, a socket operation. */
  target: string;
  detail: string;
}

/** State shared by the interfaces of one host. */
export interface Wasi2Context {
  clock: Clock;
  random: RandomSource;
  mounts: Mount[];
  durability: Durability;
  /** Reports a refused call, once per distinct capability and target. */
  blocked(event: Wasi2Blocked): void;
  quota(event: QuotaEvent): void;
}
