/** Tree operations on one volume inside one transaction (keys: src/storage/volumePaths.ts). */
import type { NodeKind } from '../host/fs/types';
import { ancestorsOf, keys, parentOf, relativeTo, VolumeError } from './volumePaths';
import type { Tx } from './volumeTx';

/** A stored file, folder or link; file bytes live apart under `blob`, so listing reads no contents. */
export interface NodeRecord {
  kind: NodeKind;
  /** ms since the epoch. */
  mtime: number;
  /** Files: length in bytes. */
  size?: number;
  /** Files: id of the contents record. */
  blob?: string;
  /** Links: their target. */
  target?: string;
}

export interface VolumeRecord {
  name: string;
  createdAt: number;
  /** Sum of the sizes of its files. */
  bytes: number;
  files: number;
  /** Counter for blob ids and staged chunks. */
  seq: number;
}

/** One partial write of a file still open in a run (VfsChange with `partial: true`). */
interface StagedChunk {
  offset: number;
  size: number;
  data: Uint8Array;
  mtime: number;
}

export class VolumeOps {
  private constructor(
    readonly tx: Tx,
    readonly vol: VolumeRecord,
  ) {}

  /** The volume `name` in `tx`; throws a VolumeError if there is none. */
  static async open(tx: Tx, name: string): Promise<VolumeOps> {
    const vol = await tx.get<VolumeRecord>(keys.volume(name));
    if (!vol) throw new VolumeError(`There is no volume "${name}".`);
    return new VolumeOps(tx, vol);
  }

  private get v(): string {
    return this.vol.name;
  }

  /** Writes the volume's byte count back; call once at the end of a read-write batch. */
  finish(): void {
    this.tx.put(keys.volume(this.v), this.vol);
  }

  /** The node at `path` ("" is the root folder), or undefined. */
  async node(path: string): Promise<NodeRecord | undefined> {
    if (path === '') return { kind: 'dir', mtime: this.vol.createdAt };
    return this.tx.get<NodeRecord>(keys.node(this.v, path));
  }

  /** Direct children of the folder `dir`, by name. */
  children(dir: string): Promise<[string, NodeRecord][]> {
    const prefix = dir === '' ? keys.nodePrefix(this.v) : `${keys.nodePrefix(this.v)}${dir}/`;
    return this.tx.children<NodeRecord>(prefix, keys.nodesUnder(this.v, dir));
  }

  /** Everything below `dir`, parents first, paths relative to the volume root. */
  async subtree(dir: string): Promise<[string, NodeRecord][]> {
    const prefixLength = keys.nodePrefix(this.v).length;
    const found = await this.tx.entries<NodeRecord>(keys.nodesUnder(this.v, dir));
    return found.map(([k, n]) => [k.slice(prefixLength), n]);
  }

  /** A file's contents. */
  async contents(node: NodeRecord): Promise<Uint8Array> {
    if (!node.blob) return new Uint8Array(0);
    const data = await this.tx.get<Uint8Array>(keys.blob(this.v, node.blob));
    return data ?? new Uint8Array(0);
  }

  /** mkdir -p: makes `path` and its missing ancestors; throws if a file is in the way. */
  async ensureDir(path: string, mtime: number): Promise<void> {
    if (path === '') return;
    for (const p of [...ancestorsOf(path), path]) {
      const found = await this.node(p);
      if (!found) this.tx.put(keys.node(this.v, p), { kind: 'dir', mtime } satisfies NodeRecord);
      else if (found.kind !== 'dir') throw new VolumeError(`"${p}" is a file, not a folder.`);
    }
  }

  /** Removes `path` and everything below it (and any staged writes there); false if absent. */
  async removeTree(path: string): Promise<boolean> {
    if (path === '') throw new VolumeError("The volume's root folder can't be removed; delete the volume instead.");
    const top = await this.node(path);
    if (!top) return false;
    const all: NodeRecord[] = [top, ...(top.kind === 'dir' ? (await this.subtree(path)).map(([, n]) => n) : [])];
    for (const n of all) this.freeContents(n);
    this.tx.delete(keys.node(this.v, path));
    this.tx.delete(keys.nodesUnder(this.v, path));
    this.dropStaged(path);
    return true;
  }

  /** Stores a whole file at `path`, replacing what was there; creates missing folders. */
  async writeFile(path: string, data: Uint8Array, mtime: number): Promise<void> {
    if (path === '') throw new VolumeError('A file needs a name.');
    await this.ensureDir(parentOf(path), mtime);
    const old = await this.node(path);
    if (old?.kind === 'dir') await this.removeTree(path);
    else if (old) this.freeContents(old);
    const blob = (this.vol.seq++).toString(36);
    this.tx.put(keys.blob(this.v, blob), data);
    this.tx.put(keys.node(this.v, path), { kind: 'file', mtime, size: data.length, blob } satisfies NodeRecord);
    this.vol.bytes += data.length;
    this.vol.files++;
    this.dropStaged(path);
  }

  /** Stores a symbolic link at `path`, replacing a file or link there. */
  async symlink(path: string, target: string, mtime: number): Promise<void> {
    await this.ensureDir(parentOf(path), mtime);
    const old = await this.node(path);
    if (old?.kind === 'dir') throw new VolumeError(`"${path}" is a folder.`);
    if (old) this.freeContents(old);
    this.tx.put(keys.node(this.v, path), { kind: 'symlink', mtime, target } satisfies NodeRecord);
  }

  /**
   * Moves `from` (and its subtree) to `to`. With `replace`, whatever is at `to` goes first
   * (rename(2) semantics); without, an existing `to` is an error.
   */
  async move(from: string, to: string, replace: boolean): Promise<void> {
    if (from === to) return;
    if (from === '' || to === '') throw new VolumeError("The volume's root folder can't be moved.");
    if (relativeTo(from, to) !== null) throw new VolumeError(`"${from}" can't be moved into itself.`);
    if (relativeTo(to, from) !== null) throw new VolumeError(`"${from}" can't replace the folder it is in.`);
    const top = await this.node(from);
    if (!top) throw new VolumeError(`"${from}" does not exist.`);
    const existing = await this.node(to);
    if (existing && !replace) throw new VolumeError(`"${to}" already exists.`);
    const below = top.kind === 'dir' ? await this.subtree(from) : [];
    if (existing) await this.removeTree(to);
    await this.ensureDir(parentOf(to), top.mtime);
    this.tx.put(keys.node(this.v, to), top);
    for (const [p, n] of below) this.tx.put(keys.node(this.v, to + p.slice(from.length)), n);
    this.tx.delete(keys.node(this.v, from));
    this.tx.delete(keys.nodesUnder(this.v, from));
    await this.moveStaged(from, to);
  }

  /** Staged writes follow their file when it is renamed: the complete write arrives under the new name. */
  async moveStaged(from: string, to: string): Promise<void> {
    const staged = [...(await this.tx.entries<StagedChunk>(keys.stagedOf(this.v, from))), ...(await this.tx.entries<StagedChunk>(keys.stagedUnder(this.v, from)))];
    const prefix = keys.stagedPrefix(this.v);
    this.dropStaged(to); // whatever was being written at `to` is replaced
    this.dropStaged(from);
    for (const [k, chunk] of staged) this.tx.put(prefix + to + k.slice(prefix.length + from.length), chunk);
  }

  /** Records a partial write of a file still open in a run; invisible until the complete write. */
  stage(path: string, chunk: StagedChunk): void {
    this.tx.put(keys.staged(this.v, path, this.vol.seq++), chunk);
  }

  /** What the staged file at `path` would be now: stored bytes, then each partial write. */
  async staged(path: string): Promise<Uint8Array | undefined> {
    const chunks = await this.tx.entries<StagedChunk>(keys.stagedOf(this.v, path));
    if (chunks.length === 0) return undefined;
    const node = await this.node(path);
    let data = node?.kind === 'file' ? await this.contents(node) : new Uint8Array(0);
    for (const [, c] of chunks) {
      if (data.length !== c.size) {
        const resized = new Uint8Array(c.size);
        resized.set(data.subarray(0, c.size));
        data = resized;
      }
      data.set(c.data.subarray(0, Math.max(0, c.size - c.offset)), c.offset);
    }
    return data;
  }

  /** Forgets staged writes at and below `dir` (left by a run that was stopped). */
  discardStaged(dir: string): void {
    if (dir === '') this.tx.delete(keys.stagedUnder(this.v, ''));
    else this.dropStaged(dir);
  }

  private dropStaged(path: string): void {
    this.tx.delete(keys.stagedOf(this.v, path));
    this.tx.delete(keys.stagedUnder(this.v, path));
  }

  private freeContents(n: NodeRecord): void {
    if (n.kind !== 'file') return;
    if (n.blob) this.tx.delete(keys.blob(this.v, n.blob));
    this.vol.bytes -= n.size ?? 0;
    this.vol.files--;
  }
}
