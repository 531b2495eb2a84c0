import { Errno } from './errno';
import { VfsDir, VfsSymlink, type VfsNode } from './nodes';

/** Symlinks followed in one lookup before ELOOP (Linux's MAXSYMLINKS). */
export const MAX_SYMLINKS = 40;

/** Where a lookup starts and the directory it may never climb above (its preopen). */
export interface At {
  root: VfsDir;
  dir: VfsDir;
}

/** A successful lookup. */
export interface Found {
  ok: true;
  /** Directory that holds (or would hold) the final component. */
  dir: VfsDir;
  /** Final component; "." or ".." when the path ends in one (then `node` is that directory). */
  name: string;
  /** What the path names, or undefined if the final component does not exist. */
  node: VfsNode | undefined;
  /** The path ended in "/" (or a followed link's target did): it must name a directory. */
  slash: boolean;
}

/** A failed lookup; `escape` is set when the path tried to leave the root (the attempted path). */
export interface NotFound {
  ok: false;
  errno: Errno;
  escape?: string;
}

export type Lookup = Found | NotFound;

/** True for the final names that cannot be created, removed or renamed. */
export const isDotName = (name: string): boolean => name === '.' || name === '..';

const fail = (errno: Errno, escape?: string): NotFound => (escape === undefined ? { ok: false, errno } : { ok: false, errno, escape });

function split(path: string): string[] {
  return path.split('/').filter((c) => c !== '');
}

/**
 * Resolves `path` relative to `at.dir` like openat(2) beneath `at.root`: "." and "..",
 * symlinks in the middle always followed, the final one only when `follow` (or when the
 * path ends in "/"). Absolute paths, absolute link targets and ".." above the root fail
 * with ENOTCAPABLE; more than MAX_SYMLINKS links with ELOOP.
 */
/** Longest name in a path, in UTF-16 units (a cheap bound; stored names are checked in UTF-8 bytes too). */
export const MAX_NAME_LENGTH = 255;
/** Longest path a lookup takes (Linux's PATH_MAX). */
export const MAX_PATH_LENGTH = 4096;

export function resolve(at: At, path: string, follow: boolean): Lookup {
  if (path === '') return fail(Errno.NOENT);
  if (path.startsWith('/')) return fail(Errno.NOTCAPABLE, path);
  if (path.length > MAX_PATH_LENGTH) return fail(Errno.NAMETOOLONG);
  let parts = split(path);
  if (parts.some((p) => p.length > MAX_NAME_LENGTH)) return fail(Errno.NAMETOOLONG);
  let slash = path.endsWith('/');
  let dir = at.dir;
  let links = 0;
  let i = 0;
  for (;;) {
    const name = parts[i] as string;
    const last = i === parts.length - 1;
    if (name === '.') {
      if (last) return { ok: true, dir, name, node: dir, slash };
      i++;
      continue;
    }
    if (name === '..') {
      if (dir === at.root) return fail(Errno.NOTCAPABLE, ['..', ...parts.slice(i + 1)].join('/'));
      if (!dir.parent) return fail(Errno.NOENT);
      dir = dir.parent;
      if (last) return { ok: true, dir, name, node: dir, slash };
      i++;
      continue;
    }
    const node = dir.get(name);
    if (node instanceof VfsSymlink && (!last || follow || slash)) {
      if (++links > MAX_SYMLINKS) return fail(Errno.LOOP);
      const target = node.target;
      if (target === '') return fail(Errno.NOENT);
      if (target.startsWith('/')) return fail(Errno.NOTCAPABLE, target);
      const rest = parts.slice(i + 1);
      parts = [...split(target), ...rest];
      if (rest.length === 0) slash = slash || target.endsWith('/');
      i = 0;
      continue;
    }
    if (last) return { ok: true, dir, name, node, slash };
    if (!node) return fail(Errno.NOENT);
    if (!(node instanceof VfsDir)) return fail(Errno.NOTDIR);
    dir = node;
    i++;
  }
}
