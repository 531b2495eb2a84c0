import { VfsDir, VfsFile, VfsSymlink, type VfsNode } from './nodes';
import type { SnapshotEntry, VolumeOptions } from './types';
import { VfsVolume } from './volume';

const msToNs = (ms: number): bigint => BigInt(Math.round(ms)) * 1_000_000n;
const nsToMs = (ns: bigint): number => Number(ns / 1_000_000n);

/** Splits a stored path into names, dropping empty and "." parts; null if it has "..". */
export function splitStoredPath(path: string): string[] | null {
  const names = path.split('/').filter((n) => n !== '' && n !== '.');
  return names.includes('..') ? null : names;
}

function ensureDir(root: VfsDir, names: string[]): VfsDir | null {
  let dir = root;
  for (const name of names) {
    const next = dir.get(name);
    if (next === undefined) {
      const made = new VfsDir(root.volume);
      dir.attach(name, made);
      dir = made;
    } else if (next instanceof VfsDir) {
      dir = next;
    } else {
      return null; // a file stands where a directory is needed: skip the entry
    }
  }
  return dir;
}

/** Builds a tree from stored entries; malformed or conflicting entries are skipped. */
export function fromSnapshot(entries: Iterable<SnapshotEntry>, options?: VolumeOptions): VfsDir {
  const volume = new VfsVolume(options);
  const root = new VfsDir(volume);
  const times: [VfsNode, bigint][] = [];
  for (const entry of entries) {
    const names = splitStoredPath(entry.path);
    if (!names || names.length === 0) continue;
    const name = names[names.length - 1] as string;
    const parent = ensureDir(root, names.slice(0, -1));
    if (!parent) continue;
    let node: VfsNode | undefined = parent.get(name);
    if (entry.kind === 'dir') {
      if (node === undefined) parent.attach(name, (node = new VfsDir(volume)));
      else if (!(node instanceof VfsDir)) continue;
    } else {
      if (node !== undefined) continue;
      if (entry.kind === 'file') {
        const data = entry.data ?? new Uint8Array(0);
        volume.usedBytes += data.length; // existing data may exceed the quota; new writes may not
        node = new VfsFile(volume, data);
      } else {
        node = new VfsSymlink(volume, entry.target ?? '');
      }
      parent.attach(name, node);
    }
    times.push([node, msToNs(entry.mtime)]);
  }
  // Set times last: attaching children touches their parents.
  for (const [node, t] of times) {
    node.atim = t;
    node.mtim = t;
    node.ctim = t;
  }
  return root;
}

/** Saves a tree as plain entries, parents before children; file bytes are copied. */
export function toSnapshot(root: VfsDir): SnapshotEntry[] {
  const out: SnapshotEntry[] = [];
  const walk = (dir: VfsDir, prefix: string): void => {
    for (const [name, node] of dir.entries) {
      const path = prefix + name;
      const mtime = nsToMs(node.mtim);
      if (node instanceof VfsDir) {
        out.push({ path, kind: 'dir', mtime });
        walk(node, `${path}/`);
      } else if (node instanceof VfsFile) {
        out.push({ path, kind: 'file', data: node.contents().slice(), mtime });
      } else if (node instanceof VfsSymlink) {
        out.push({ path, kind: 'symlink', target: node.target, mtime });
      }
    }
  };
  walk(root, '');
  return out;
}
