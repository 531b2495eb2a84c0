import { childPath, type VfsFile } from '../fs/nodes';
import type { JournalOp, VfsChange } from '../fs/types';
import type { VfsVolume } from '../fs/volume';
import type { Mount } from './fds';

/** Written bytes after which files still open are reported as partial (DESIGN.md §5). */
export const PARTIAL_EVERY_BYTES = 4 * 2 ** 20;

/**
 * How a flush treats files that are still open for writing:
 * - 'complete': leave them out (close, path mutations);
 * - 'partial': report the bytes they changed, flagged partial (the 4 MiB rule);
 * - 'final': report them whole (end of run: nobody writes any more).
 */
export type FlushMode = 'complete' | 'partial' | 'final';

const nsToMs = (ns: bigint): number => Number(ns / 1_000_000n);

/** Turns the VFS journals into VfsChange batches for `onDurable`. */
export class Durability {
  private written = 0;
  private readonly volumes: VfsVolume[];

  constructor(
    private readonly mounts: Mount[],
    private readonly sink: ((changes: VfsChange[]) => void) | undefined,
  ) {
    this.volumes = [...new Set(mounts.map((m) => m.root.volume))];
    // Journal only when someone listens, and only what this run does.
    for (const v of this.volumes) {
      v.tracking = sink !== undefined;
      v.journal = [];
      v.dirty.clear();
    }
  }

  /** Counts bytes written to files; past 4 MiB, reports what is pending, partial files included. */
  wrote(bytes: number): void {
    if (!this.sink) return;
    this.written += bytes;
    if (this.written >= PARTIAL_EVERY_BYTES) this.flush('partial');
  }

  /** Reports pending changes; `synced` is a file fd_sync asked to make durable as it is. */
  flush(mode: FlushMode, synced?: VfsFile): void {
    if (!this.sink) return;
    if (mode !== 'complete') this.written = 0;
    const out: VfsChange[] = [];
    for (const volume of this.volumes) {
      for (const op of volume.journal) this.mapOp(volume, op, out);
      volume.journal = [];
      for (const file of volume.dirty) {
        const complete = file.writers === 0 || mode === 'final' || file === synced;
        if (!complete && mode !== 'partial') continue;
        this.mapFile(file, complete, out);
        file.clearDirtyRange();
        if (complete) volume.dirty.delete(file);
      }
    }
    if (out.length > 0) this.sink(out);
  }

  private mapFile(file: VfsFile, complete: boolean, out: VfsChange[]): void {
    const mtime = nsToMs(file.mtim);
    for (const l of file.links) {
      const where = this.locate(file.volume, childPath(l.dir, l.name));
      if (!where) continue;
      const { mount, path } = where;
      if (complete) {
        out.push({ op: 'write', mount, path, data: file.contents().slice(), mtime });
      } else {
        const size = file.size;
        const offset = Math.min(file.dirtyLo, size);
        const data = file.contents().slice(offset, Math.max(offset, Math.min(file.dirtyHi, size)));
        out.push({ op: 'write', mount, path, data, mtime, partial: true, offset, size });
      }
    }
  }

  private mapOp(volume: VfsVolume, op: JournalOp, out: VfsChange[]): void {
    if (op.op === 'rename') {
      const from = this.locate(volume, op.from);
      const to = this.locate(volume, op.to);
      if (from && to && from.mount === to.mount) out.push({ op: 'rename', mount: from.mount, from: from.path, to: to.path });
      return;
    }
    const where = this.locate(volume, op.path);
    if (!where) return;
    if (op.op === 'symlink') out.push({ op: 'symlink', mount: where.mount, path: where.path, target: op.target });
    else out.push({ op: op.op, mount: where.mount, path: where.path });
  }

  /** Finds the mount (deepest root) a tree path lies under and the path relative to it. */
  private locate(volume: VfsVolume, treePath: string | null): { mount: string; path: string } | null {
    if (treePath === null) return null;
    let best: { mount: string; path: string; depth: number } | null = null;
    for (const m of this.mounts) {
      if (m.root.volume !== volume) continue;
      const rootPath = m.root.path();
      if (rootPath === null) continue;
      let rel: string | null = null;
      if (rootPath === '') rel = treePath;
      else if (treePath.startsWith(`${rootPath}/`)) rel = treePath.slice(rootPath.length + 1);
      if (rel === null) continue;
      if (!best || rootPath.length > best.depth) best = { mount: m.guestPath, path: rel, depth: rootPath.length };
    }
    return best && { mount: best.mount, path: best.path };
  }
}
