import { Errno } from './errno';
import { childPath, VfsDir, VfsFile, VfsSymlink, type VfsNode } from './nodes';
import { isDotName, resolve, type At, type Found, type Lookup } from './resolve';

/**
 * POSIX-like operations on the tree, each returning an errno (0 on success) and
 * journaling what it changed. The error choices follow Linux, as wasmtime reports them.
 */

/** An operation's result: an errno (0 on success); `escape` when a path tried to leave its root. */
export interface Outcome {
  errno: Errno;
  escape?: string;
}

/** A lookup: its error, or what it found. */
export type Step = (Outcome & { found?: undefined }) | { errno: 0; found: Found; escape?: undefined };

const OK: Outcome = { errno: Errno.SUCCESS };

/** Resolves a path; a removed directory finds nothing. */
function lookup(at: At, path: string, follow: boolean): Step {
  const r: Lookup = resolve(at, path, follow);
  if (!r.ok) return r.escape === undefined ? { errno: r.errno } : { errno: r.errno, escape: r.escape };
  // A directory that was removed cannot gain entries; lookups in it find nothing.
  if (r.dir.removed && !isDotName(r.name)) return { errno: Errno.NOENT };
  return { errno: 0, found: r };
}

/** Creates a directory. */
export function mkdir(at: At, path: string): Outcome {
  const s = lookup(at, path, false);
  if (!s.found) return s;
  const { dir, name, node } = s.found;
  if (node || isDotName(name)) return { errno: Errno.EXIST };
  dir.attach(name, new VfsDir(dir.volume));
  journal(dir, name, (p) => ({ op: 'mkdir', path: p }));
  return OK;
}

/** Removes a non-directory name. */
export function unlink(at: At, path: string): Outcome {
  const s = lookup(at, path, false);
  if (!s.found) return s;
  const { dir, name, node, slash } = s.found;
  if (isDotName(name) || node instanceof VfsDir) return { errno: Errno.ISDIR };
  if (!node) return { errno: Errno.NOENT };
  if (slash) return { errno: Errno.NOTDIR };
  const p = childPath(dir, name);
  dir.detach(name);
  if (p !== null) dir.volume.record({ op: 'unlink', path: p });
  return OK;
}

/** Removes an empty directory. */
export function rmdir(at: At, path: string): Outcome {
  const s = lookup(at, path, false);
  if (!s.found) return s;
  const { dir, name, node } = s.found;
  if (name === '.') return { errno: Errno.INVAL };
  if (name === '..') return { errno: Errno.NOTEMPTY };
  if (!node) return { errno: Errno.NOENT };
  if (!(node instanceof VfsDir)) return { errno: Errno.NOTDIR };
  if (node === at.root || node.parent === null) return { errno: Errno.BUSY };
  if (node.entries.size > 0) return { errno: Errno.NOTEMPTY };
  const p = childPath(dir, name);
  dir.detach(name);
  node.removed = true;
  if (p !== null) dir.volume.record({ op: 'rmdir', path: p });
  return OK;
}

/** Renames, replacing an existing target as rename(2) does. */
export function rename(from: At, fromPath: string, to: At, toPath: string): Outcome {
  const s = lookup(from, fromPath, false);
  if (!s.found) return s;
  const t = lookup(to, toPath, false);
  if (!t.found) return t;
  const src = s.found;
  const dst = t.found;
  if (isDotName(src.name) || isDotName(dst.name)) return { errno: Errno.BUSY };
  const node = src.node;
  if (!node) return { errno: Errno.NOENT };
  if (node.volume !== dst.dir.volume) return { errno: Errno.XDEV };
  const isDir = node instanceof VfsDir;
  if (!isDir && (src.slash || dst.slash)) return { errno: Errno.NOTDIR };
  const old = dst.node;
  if (old === node) return { errno: Errno.SUCCESS };
  if (isDir) {
    if (node.contains(dst.dir)) return { errno: Errno.INVAL }; // into its own subtree
    if (old && !(old instanceof VfsDir)) return { errno: Errno.NOTDIR };
    if (old instanceof VfsDir && old.entries.size > 0) return { errno: Errno.NOTEMPTY };
  } else if (old instanceof VfsDir) {
    return { errno: Errno.ISDIR };
  }
  const fromP = childPath(src.dir, src.name);
  const toP = childPath(dst.dir, dst.name);
  if (old) {
    dst.dir.detach(dst.name);
    if (old instanceof VfsDir) old.removed = true;
  }
  src.dir.detach(src.name);
  dst.dir.attach(dst.name, node);
  if (fromP !== null && toP !== null) node.volume.record({ op: 'rename', from: fromP, to: toP });
  return { errno: Errno.SUCCESS };
}

/** Creates a symbolic link at `path` holding `target` (relative targets only). */
export function symlink(target: string, at: At, path: string): Outcome {
  if (target === '') return { errno: Errno.NOENT };
  if (target.startsWith('/')) return { errno: Errno.NOTCAPABLE };
  const s = lookup(at, path, false);
  if (!s.found) return s;
  const { dir, name, node, slash } = s.found;
  if (node || isDotName(name)) return { errno: slash && node && !(node instanceof VfsDir) ? Errno.NOTDIR : Errno.EXIST };
  if (slash) return { errno: Errno.NOENT };
  dir.attach(name, new VfsSymlink(dir.volume, target));
  journal(dir, name, (p) => ({ op: 'symlink', path: p, target }));
  return OK;
}

/** Makes a hard link to a non-directory. */
export function link(from: At, fromPath: string, follow: boolean, to: At, toPath: string): Outcome {
  const s = lookup(from, fromPath, follow);
  if (!s.found) return s;
  const node = s.found.node;
  if (!node) return { errno: Errno.NOENT };
  if (node instanceof VfsDir) return { errno: Errno.PERM };
  if (s.found.slash) return { errno: Errno.NOTDIR };
  const t = lookup(to, toPath, false);
  if (!t.found) return t;
  const { dir, name, node: existing, slash } = t.found;
  if (existing || isDotName(name)) return { errno: Errno.EXIST };
  if (slash) return { errno: Errno.NOENT };
  if (node.volume !== dir.volume) return { errno: Errno.XDEV };
  dir.attach(name, node);
  // Storage has no hard links: a linked file is saved again under its new name.
  if (node instanceof VfsFile) node.volume.markDirty(node);
  else if (node instanceof VfsSymlink) journal(dir, name, (p) => ({ op: 'symlink', path: p, target: node.target }));
  return { errno: Errno.SUCCESS };
}

/** Creates an empty file where a lookup found nothing. */
export function createFile(found: Found): VfsFile {
  const file = new VfsFile(found.dir.volume);
  found.dir.attach(found.name, file);
  file.volume.markDirty(file);
  return file;
}

/** Sets times as fd_filestat_set_times does: undefined leaves a time unchanged. */
export function setTimes(node: VfsNode, atim: bigint | undefined, mtim: bigint | undefined): void {
  if (atim !== undefined) node.atim = atim;
  if (mtim !== undefined) node.mtim = mtim;
  node.ctim = node.volume.now();
  if (node instanceof VfsFile) node.volume.markDirty(node);
}

function journal(dir: VfsDir, name: string, make: (path: string) => Parameters<VfsDir['volume']['record']>[0]): void {
  const p = childPath(dir, name);
  if (p !== null) dir.volume.record(make(p));
}

export { lookup };
