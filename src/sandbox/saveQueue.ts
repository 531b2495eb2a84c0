/**
 * Persists what guests made durable, in order, behind the runs (DESIGN.md §5): a Stop answers at
 * once while saving goes on, and changes that queue up while a save is under way go to storage
 * together, one call (one IndexedDB transaction) per mount, not one per event.
 */
import type { VfsChange } from '../model/files';
import type { MountSpec } from '../model/run';

export interface SaveTarget {
  persist(mount: MountSpec, changes: VfsChange[]): Promise<void>;
}

interface Pending {
  mount: MountSpec;
  changes: VfsChange[];
  onError(message: string): void;
}

/** Files a list of changes writes (complete writes only): what "saving N files…" counts. */
function filesIn(changes: readonly VfsChange[]): number {
  return changes.reduce((n, c) => n + (c.op === 'write' && !c.partial ? 1 : 0), 0);
}

export class SaveQueue {
  private queue: Pending[] = [];
  private running: Promise<void> | null = null;
  private pendingFiles = 0;
  private readonly listeners = new Set<(files: number) => void>();

  constructor(private readonly target: SaveTarget) {}

  /** Queue changes made durable under `mount`; failures are told through `onError`. */
  add(mount: MountSpec, changes: VfsChange[], onError: (message: string) => void): void {
    if (changes.length === 0) return;
    this.queue.push({ mount, changes, onError });
    this.pendingFiles += filesIn(changes);
    this.notify();
    this.running ??= this.drain().finally(() => {
      this.running = null;
      this.notify();
    });
  }

  /** Resolves when everything queued so far is saved (or has failed and been told). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Files still waiting to be saved. */
  get files(): number {
    return this.pendingFiles;
  }

  /** Be told how many files are waiting, whenever that changes; returns the unsubscribe. */
  subscribe(listener: (files: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      // Group by mount, keeping each mount's changes in order; mounts are saved in first-seen order.
      const byMount = new Map<MountSpec, Pending[]>();
      for (const p of batch) byMount.set(p.mount, [...(byMount.get(p.mount) ?? []), p]);
      for (const [mount, items] of byMount) {
        const changes = items.flatMap((p) => p.changes);
        try {
          await this.target.persist(mount, changes);
        } catch (err) {
          const message = `Could not save files under ${mount.guestPath}: ${err instanceof Error ? err.message : String(err)}`;
          for (const onError of new Set(items.map((p) => p.onError))) onError(message);
        }
        this.pendingFiles = Math.max(0, this.pendingFiles - filesIn(changes));
        this.notify();
      }
    }
  }

  private notify(): void {
    for (const listener of this.listeners) listener(this.pendingFiles);
  }
}
