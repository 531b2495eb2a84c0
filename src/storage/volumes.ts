/**
 * The IndexedDB filesystem (DESIGN.md §5): named volumes of folders, files and links.
 * Every method is one transaction; `applyChanges` applies a run's batch whole or not at all.
 * Errors are user-facing: VolumeError (bad path, missing file…) or StorageFullError (quota).
 */
import type { UseStore } from 'idb-keyval';
import { createStore } from 'idb-keyval';
import type { NodeKind, SnapshotEntry, VfsChange } from '../host/fs/types';
import type { VolumeRecord } from './volumeOps';
import { VolumeOps } from './volumeOps';
import { checkVolumeName, DEFAULT_VOLUME, joinPath, keys, normalisePath, VolumeError } from './volumePaths';
import { transact } from './volumeTx';

export { DEFAULT_VOLUME, VolumeError } from './volumePaths';
export { StorageFullError } from './volumeTx';

export interface VolumeInfo {
  name: string;
  createdAt: number;
  /** Sum of its files' sizes. */
  bytes: number;
  files: number;
}

/** One child of a folder, as the Files panel lists it. */
export interface VolumeEntry {
  name: string;
  /** From the volume root, e.g. "docs/a.txt". */
  path: string;
  kind: NodeKind;
  mtime: number;
  /** Files: bytes. */
  size: number;
  /** Links: target. */
  target?: string;
}

/** Browser storage for this origin (all databases), from `navigator.storage.estimate()`. */
export interface StorageUsage {
  usage?: number;
  quota?: number;
}

const info = (v: VolumeRecord): VolumeInfo => ({ name: v.name, createdAt: v.createdAt, bytes: v.bytes, files: v.files });
/** Folders first, then by name. */
const byKindThenName = (a: VolumeEntry, b: VolumeEntry) => Number(b.kind === 'dir') - Number(a.kind === 'dir') || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export class Volumes {
  constructor(private readonly store: UseStore) {}

  /** All volumes by name; creates "home" when there are none yet. */
  async listVolumes(): Promise<VolumeInfo[]> {
    const found = await transact(this.store, 'readonly', (tx) => tx.entries<VolumeRecord>(keys.allVolumes()));
    if (found.length === 0) return [await this.ensureVolume(DEFAULT_VOLUME)];
    return found.map(([, v]) => info(v));
  }

  /** Creates an empty volume; throws if the name is taken. */
  async createVolume(name: string): Promise<VolumeInfo> {
    const n = checkVolumeName(name);
    return transact(this.store, 'readwrite', async (tx) => {
      if (await tx.get(keys.volume(n))) throw new VolumeError(`A volume named "${n}" already exists.`);
      const vol: VolumeRecord = { name: n, createdAt: Date.now(), bytes: 0, files: 0, seq: 0 };
      tx.put(keys.volume(n), vol);
      return info(vol);
    });
  }

  /** The volume `name`, created if missing. */
  async ensureVolume(name: string): Promise<VolumeInfo> {
    const n = checkVolumeName(name);
    return transact(this.store, 'readwrite', async (tx) => {
      const existing = await tx.get<VolumeRecord>(keys.volume(n));
      if (existing) return info(existing);
      const vol: VolumeRecord = { name: n, createdAt: Date.now(), bytes: 0, files: 0, seq: 0 };
      tx.put(keys.volume(n), vol);
      return info(vol);
    });
  }

  /** Deletes a volume and everything in it. */
  async deleteVolume(name: string): Promise<void> {
    return transact(this.store, 'readwrite', async (tx) => {
      await VolumeOps.open(tx, name);
      tx.delete(keys.volume(name));
      tx.delete(keys.nodesUnder(name, ''));
      tx.delete(keys.stagedUnder(name, ''));
      tx.delete(keys.blobsOf(name));
    });
  }

  /** The children of folder `dir` ("" or "/" for the root), folders first. */
  async list(volume: string, dir = ''): Promise<VolumeEntry[]> {
    const d = normalisePath(dir);
    return transact(this.store, 'readonly', async (tx) => {
      const ops = await VolumeOps.open(tx, volume);
      await this.requireDir(ops, d);
      const found = await ops.children(d);
      return found
        .map(([name, n]): VolumeEntry => ({ name, path: joinPath(d, name), kind: n.kind, mtime: n.mtime, size: n.size ?? 0, ...(n.target !== undefined ? { target: n.target } : {}) }))
        .sort(byKindThenName);
    });
  }

  /** Everything below folder `dir` with file contents, paths relative to `dir`, parents first; and the bytes of its files. */
  async readTree(volume: string, dir = ''): Promise<{ entries: SnapshotEntry[]; bytes: number }> {
    const d = normalisePath(dir);
    return transact(this.store, 'readonly', async (tx) => {
      const ops = await VolumeOps.open(tx, volume);
      await this.requireDir(ops, d);
      const found = await ops.subtree(d);
      const cut = d === '' ? 0 : d.length + 1;
      let bytes = 0;
      const entries = await Promise.all(
        found.map(async ([path, n]): Promise<SnapshotEntry> => {
          const rel = path.slice(cut);
          if (n.kind === 'file') {
            bytes += n.size ?? 0;
            return { path: rel, kind: 'file', data: await ops.contents(n), mtime: n.mtime };
          }
          return n.kind === 'symlink' ? { path: rel, kind: 'symlink', target: n.target ?? '', mtime: n.mtime } : { path: rel, kind: 'dir', mtime: n.mtime };
        }),
      );
      return { entries, bytes };
    });
  }

  /** A file's contents. */
  async readFile(volume: string, path: string): Promise<Uint8Array> {
    const p = normalisePath(path);
    return transact(this.store, 'readonly', async (tx) => {
      const ops = await VolumeOps.open(tx, volume);
      const n = await ops.node(p);
      if (!n) throw new VolumeError(`"${p}" does not exist in ${volume}.`);
      if (n.kind !== 'file') throw new VolumeError(`"${p}" is a ${n.kind === 'dir' ? 'folder' : 'link'}, not a file.`);
      return ops.contents(n);
    });
  }

  /** The entry at `path`, or undefined. */
  async stat(volume: string, path: string): Promise<VolumeEntry | undefined> {
    const p = normalisePath(path);
    return transact(this.store, 'readonly', async (tx) => {
      const n = await (await VolumeOps.open(tx, volume)).node(p);
      return n && { name: p.slice(p.lastIndexOf('/') + 1), path: p, kind: n.kind, mtime: n.mtime, size: n.size ?? 0, ...(n.target !== undefined ? { target: n.target } : {}) };
    });
  }

  /** Stores files (whole), replacing what is there and creating missing folders; one transaction. */
  async writeFiles(volume: string, files: { path: string; data: Uint8Array; mtime?: number }[]): Promise<void> {
    const list = files.map((f) => ({ ...f, path: normalisePath(f.path) }));
    return this.batch(volume, async (ops) => {
      for (const f of list) await ops.writeFile(f.path, f.data, f.mtime ?? Date.now());
    });
  }

  /** Stores one file. */
  async writeFile(volume: string, path: string, data: Uint8Array, mtime?: number): Promise<void> {
    return this.writeFiles(volume, [{ path, data, ...(mtime !== undefined ? { mtime } : {}) }]);
  }

  /** Creates a folder and any missing parents; fine if it exists. */
  async mkdir(volume: string, path: string): Promise<void> {
    const p = normalisePath(path);
    return this.batch(volume, (ops) => ops.ensureDir(p, Date.now()));
  }

  /** Removes a file, link, or folder with everything in it. */
  async remove(volume: string, path: string): Promise<void> {
    const p = normalisePath(path);
    return this.batch(volume, async (ops) => {
      if (!(await ops.removeTree(p))) throw new VolumeError(`"${p}" does not exist in ${volume}.`);
    });
  }

  /** Moves or renames a file or folder (with its contents) inside a volume; `to` must not exist unless `replace`. */
  async rename(volume: string, from: string, to: string, options: { replace?: boolean } = {}): Promise<void> {
    const f = normalisePath(from);
    const t = normalisePath(to);
    return this.batch(volume, (ops) => ops.move(f, t, options.replace ?? false));
  }

  /**
   * Applies a run's durable changes under folder `dir` in order, in one transaction (all or
   * nothing). Partial writes are staged out of sight until the file's complete write.
   */
  async applyChanges(volume: string, dir: string, changes: VfsChange[]): Promise<void> {
    const base = normalisePath(dir);
    return this.batch(volume, async (ops) => {
      await ops.ensureDir(base, Date.now()); // the folder may have been deleted in the Files panel meanwhile
      for (const c of changes) {
        if (c.op === 'rename') {
          const from = joinPath(base, c.from);
          const to = joinPath(base, c.to);
          // A file renamed while still open was never stored: the name it leaves is simply gone.
          if (await ops.node(from)) await ops.move(from, to, true);
          else if (from !== to) {
            await ops.removeTree(to);
            await ops.moveStaged(from, to);
          }
          continue;
        }
        const path = joinPath(base, c.path);
        if (path === base) continue; // the mount's root itself is never created or removed by a guest
        if (c.op === 'write' && c.partial) ops.stage(path, { offset: c.offset, size: c.size, data: c.data, mtime: c.mtime });
        else if (c.op === 'write') await ops.writeFile(path, c.data, c.mtime);
        else if (c.op === 'mkdir') await ops.ensureDir(path, Date.now());
        else if (c.op === 'symlink') await ops.symlink(path, c.target, Date.now());
        else await ops.removeTree(path);
      }
    });
  }

  /** A partially written file as staged so far (never listed); undefined if nothing is staged. */
  async readStaged(volume: string, path: string): Promise<Uint8Array | undefined> {
    const p = normalisePath(path);
    return transact(this.store, 'readonly', async (tx) => (await VolumeOps.open(tx, volume)).staged(p));
  }

  /** Drops staged partial writes at and below `dir`, left by a run that never completed them. */
  async discardStaged(volume: string, dir = ''): Promise<void> {
    const d = normalisePath(dir);
    return this.batch(volume, async (ops) => ops.discardStaged(d));
  }

  private batch(volume: string, body: (ops: VolumeOps) => Promise<void>): Promise<void> {
    return transact(this.store, 'readwrite', async (tx) => {
      const ops = await VolumeOps.open(tx, volume);
      await body(ops);
      ops.finish();
    });
  }

  private async requireDir(ops: VolumeOps, dir: string): Promise<void> {
    const n = await ops.node(dir);
    if (!n) throw new VolumeError(`Volume "${ops.vol.name}" has no folder "/${dir}".`);
    if (n.kind !== 'dir') throw new VolumeError(`"/${dir}" in volume "${ops.vol.name}" is a file, not a folder.`);
  }
}

/** Origin-wide usage and quota, if the browser tells. */
export async function storageUsage(): Promise<StorageUsage> {
  try {
    const e = await navigator.storage?.estimate?.();
    return { ...(e?.usage !== undefined ? { usage: e.usage } : {}), ...(e?.quota !== undefined ? { quota: e.quota } : {}) };
  } catch {
    return {};
  }
}

/** The app's volumes, in their own database. */
export const volumes = new Volumes(createStore('wasm-playground-files', 'entries'));
