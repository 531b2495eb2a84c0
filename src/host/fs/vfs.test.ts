import { fromSnapshot, toSnapshot } from './snapshot';
import { describe, expect, it } from 'vitest';
import { Errno } from './errno';
import { VfsDir, VfsFile, VfsSymlink } from './nodes';
import { link, lookup, mkdir, rename, rmdir, symlink, unlink } from './ops';
import { MAX_SYMLINKS, resolve, type At } from './resolve';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const text = (f: VfsFile): string => new TextDecoder().decode(f.contents());

/** A small tree: a/b/file.txt ("hello"), a/link -> b/file.txt, top.txt. */
function tree(options?: { maxBytes?: number }): { root: VfsDir; at: At } {
  const root = fromSnapshot(
    [
      { path: 'a/b/file.txt', kind: 'file', data: bytes('hello'), mtime: 1000 },
      { path: 'a/link', kind: 'symlink', target: 'b/file.txt', mtime: 2000 },
      { path: 'top.txt', kind: 'file', data: bytes('top'), mtime: 3000 },
    ],
    options,
  );
  return { root, at: { root, dir: root } };
}

const nodeAt = (at: At, path: string, follow = true) => {
  const r = resolve(at, path, follow);
  return r.ok ? r.node : undefined;
};

describe('path resolution', () => {
  it('follows ".", ".." and repeated slashes', () => {
    const { at } = tree();
    const file = nodeAt(at, 'a/b/file.txt');
    expect(file).toBeInstanceOf(VfsFile);
    expect(nodeAt(at, './a//b/../b/./file.txt')).toBe(file);
    expect(nodeAt(at, 'a/b/../../a/b/file.txt')).toBe(file);
  });

  it('never climbs above the root, by ".." or by absolute paths', () => {
    const { at } = tree();
    expect(resolve(at, '..', false)).toMatchObject({ ok: false, errno: Errno.NOTCAPABLE, escape: '..' });
    expect(resolve(at, 'a/../../etc/passwd', false)).toMatchObject({ ok: false, errno: Errno.NOTCAPABLE, escape: '../etc/passwd' });
    expect(resolve(at, '/a', false)).toMatchObject({ ok: false, errno: Errno.NOTCAPABLE, escape: '/a' });
  });

  it('treats a subdirectory root as the limit', () => {
    const { at } = tree();
    const b = nodeAt(at, 'a/b') as VfsDir;
    const sub: At = { root: b, dir: b };
    expect(nodeAt(sub, 'file.txt')).toBeInstanceOf(VfsFile);
    expect(resolve(sub, '../link', false)).toMatchObject({ ok: false, errno: Errno.NOTCAPABLE });
  });

  it('follows symlinks in the middle always and at the end only when asked', () => {
    const { root, at } = tree();
    expect(nodeAt(at, 'a/link', false)).toBeInstanceOf(VfsSymlink);
    expect(nodeAt(at, 'a/link', true)).toBe(nodeAt(at, 'a/b/file.txt'));
    expect(symlink('b', { root, dir: root.get('a') as VfsDir }, 'dirlink').errno).toBe(0);
    expect(nodeAt(at, 'a/dirlink/file.txt', false)).toBe(nodeAt(at, 'a/b/file.txt'));
  });

  it('refuses symlinks that leave the root, absolute or by ".."', () => {
    const { root, at } = tree();
    root.attach('abs', new VfsSymlink(root.volume, '/etc/passwd'));
    root.attach('up', new VfsSymlink(root.volume, '../outside'));
    expect(resolve(at, 'abs', true)).toMatchObject({ ok: false, errno: Errno.NOTCAPABLE, escape: '/etc/passwd' });
    expect(resolve(at, 'up', true)).toMatchObject({ ok: false, errno: Errno.NOTCAPABLE });
    expect(symlink('/etc/passwd', at, 'new').errno).toBe(Errno.NOTCAPABLE);
  });

  it('stops symlink loops with ELOOP', () => {
    const { at } = tree();
    expect(symlink('self', at, 'self').errno).toBe(0);
    expect(resolve(at, 'self', true)).toMatchObject({ ok: false, errno: Errno.LOOP });
    expect(resolve(at, 'self', false)).toMatchObject({ ok: true });
    // A chain of exactly MAX_SYMLINKS links still resolves.
    for (let i = 0; i < MAX_SYMLINKS; i++) symlink(i === 0 ? 'top.txt' : `l${i - 1}`, at, `l${i}`);
    expect(nodeAt(at, `l${MAX_SYMLINKS - 1}`)).toBeInstanceOf(VfsFile);
    symlink(`l${MAX_SYMLINKS - 1}`, at, 'one-too-many');
    expect(resolve(at, 'one-too-many', true)).toMatchObject({ ok: false, errno: Errno.LOOP });
  });

  it('reports ENOTDIR for a file used as a directory and ENOENT for missing parents', () => {
    const { at } = tree();
    expect(resolve(at, 'top.txt/x', false)).toMatchObject({ ok: false, errno: Errno.NOTDIR });
    expect(resolve(at, 'nope/x', false)).toMatchObject({ ok: false, errno: Errno.NOENT });
    expect(resolve(at, '', false)).toMatchObject({ ok: false, errno: Errno.NOENT });
  });
});

describe('trailing slashes', () => {
  it('mark the final component as a directory', () => {
    const { at } = tree();
    const s = lookup(at, 'top.txt/', false);
    expect(s.found?.slash).toBe(true);
    expect(unlink(at, 'top.txt/').errno).toBe(Errno.NOTDIR);
    expect(rmdir(at, 'top.txt/').errno).toBe(Errno.NOTDIR);
    expect(unlink(at, 'a/').errno).toBe(Errno.ISDIR);
    expect(unlink(at, 'top.txt').errno).toBe(0);
  });

  it('allow mkdir, rmdir and directory renames with a slash', () => {
    const { at } = tree();
    expect(mkdir(at, 'd/').errno).toBe(0);
    expect(rename(at, 'd/', at, 'e').errno).toBe(0);
    expect(rename(at, 'e', at, 'd/').errno).toBe(0);
    expect(rmdir(at, 'd/').errno).toBe(0);
  });

  it('follow a symlink at the end of the path', () => {
    const { root, at } = tree();
    root.attach('to-a', new VfsSymlink(root.volume, 'a'));
    expect(nodeAt(at, 'to-a/', false)).toBe(root.get('a'));
  });

  it('refuse new names that end in a slash unless they are directories', () => {
    const { at } = tree();
    expect(symlink('x', at, 'new/').errno).toBe(Errno.NOENT);
    expect(symlink('x', at, 'a/').errno).toBe(Errno.EXIST);
    expect(symlink('x', at, 'top.txt/').errno).toBe(Errno.NOTDIR);
    expect(link(at, 'top.txt', false, at, 'new/').errno).toBe(Errno.NOENT);
    expect(rename(at, 'top.txt', at, 'moved/').errno).toBe(Errno.NOTDIR);
  });
});

describe('mutations', () => {
  it('rename follows rename(2): replace files and empty dirs, refuse the rest', () => {
    const { at } = tree();
    mkdir(at, 'empty');
    mkdir(at, 'full');
    mkdir(at, 'full/x');
    expect(rename(at, 'a', at, 'full').errno).toBe(Errno.NOTEMPTY);
    expect(rename(at, 'a', at, 'top.txt').errno).toBe(Errno.NOTDIR);
    expect(rename(at, 'top.txt', at, 'empty').errno).toBe(Errno.ISDIR);
    expect(rename(at, 'a', at, 'a/b/inside').errno).toBe(Errno.INVAL);
    expect(rename(at, 'a', at, 'empty').errno).toBe(0);
    expect(nodeAt(at, 'empty/b/file.txt')).toBeInstanceOf(VfsFile);
    expect(rename(at, 'top.txt', at, 'empty/b/file.txt').errno).toBe(0);
    expect(text(nodeAt(at, 'empty/b/file.txt') as VfsFile)).toBe('top');
    expect(rename(at, 'missing', at, 'x').errno).toBe(Errno.NOENT);
  });

  it('keeps hard links to one inode and counts them', () => {
    const { at } = tree();
    expect(link(at, 'top.txt', false, at, 'again').errno).toBe(0);
    const f = nodeAt(at, 'again') as VfsFile;
    expect(f).toBe(nodeAt(at, 'top.txt'));
    expect(f.nlink).toBe(2);
    expect(link(at, 'a', false, at, 'dirlink').errno).toBe(Errno.PERM);
    expect(link(at, 'top.txt', false, at, 'again').errno).toBe(Errno.EXIST);
    unlink(at, 'top.txt');
    expect(f.nlink).toBe(1);
  });

  it('removes only empty directories, never "." or the root', () => {
    const { at } = tree();
    expect(rmdir(at, 'a').errno).toBe(Errno.NOTEMPTY);
    expect(rmdir(at, '.').errno).toBe(Errno.INVAL);
    expect(rmdir(at, 'a/b/file.txt').errno).toBe(Errno.NOTDIR);
    expect(mkdir(at, 'a').errno).toBe(Errno.EXIST);
    expect(mkdir(at, '.').errno).toBe(Errno.EXIST);
  });

  it('refuses new entries in a removed directory', () => {
    const { root, at } = tree();
    mkdir(at, 'gone');
    const gone = root.get('gone') as VfsDir;
    rmdir(at, 'gone');
    expect(gone.removed).toBe(true);
    expect(mkdir({ root: gone, dir: gone }, 'x').errno).toBe(Errno.NOENT);
  });

  it('gives every node its own inode number and directories nlink 2 + subdirectories', () => {
    const { root, at } = tree();
    const inos = new Set(['a', 'a/b', 'a/b/file.txt', 'a/link', 'top.txt'].map((p) => nodeAt(at, p, false)?.ino));
    expect(inos.size).toBe(5);
    expect(root.nlink).toBe(3);
  });
});

describe('files', () => {
  it('grow without reallocating on every write and read back zeros in gaps', () => {
    const { root } = tree();
    const f = new VfsFile(root.volume);
    for (let i = 0; i < 1000; i++) expect(f.write(i, bytes('x'))).toBe(0);
    expect(f.size).toBe(1000);
    expect(f.write(2000, bytes('y'))).toBe(0);
    const out = new Uint8Array(3);
    expect(f.read(1999, out)).toBe(2);
    expect([...out]).toEqual([0, 'y'.charCodeAt(0), 0]);
  });

  it('truncation forgets the cut bytes', () => {
    const f = new VfsFile(VfsDir.create().volume, bytes('abcdef'));
    f.setSize(2);
    f.setSize(4);
    expect([...f.contents()]).toEqual([97, 98, 0, 0]);
  });

  it('enforces the quota with ENOSPC', () => {
    const { root } = tree({ maxBytes: 20 }); // 8 bytes already used
    const f = new VfsFile(root.volume);
    expect(f.write(0, new Uint8Array(12))).toBe(0);
    expect(root.volume.usedBytes).toBe(20);
    expect(f.write(12, new Uint8Array(1))).toBe(Errno.NOSPC);
    expect(f.setSize(13)).toBe(Errno.NOSPC);
    expect(f.write(0, new Uint8Array(12))).toBe(0); // overwriting needs no space
    expect(f.setSize(2)).toBe(0);
    expect(root.volume.usedBytes).toBe(10);
    expect(f.write(2, new Uint8Array(10))).toBe(0);
  });
});

describe('snapshots', () => {
  it('round-trip files, directories, symlinks and mtimes', () => {
    const { root, at } = tree();
    mkdir(at, 'empty');
    const snap = toSnapshot(root);
    expect(snap.map((e) => [e.path, e.kind])).toEqual([
      ['a', 'dir'],
      ['a/b', 'dir'],
      ['a/b/file.txt', 'file'],
      ['a/link', 'symlink'],
      ['top.txt', 'file'],
      ['empty', 'dir'],
    ]);
    expect(snap.find((e) => e.path === 'a/b/file.txt')?.mtime).toBe(1000);
    const again = toSnapshot(fromSnapshot(snap));
    expect(again).toEqual(snap);
    expect(structuredClone(snap)).toEqual(snap);
  });

  it('copies bytes out, so later writes do not change a saved snapshot', () => {
    const { root, at } = tree();
    const snap = toSnapshot(root);
    (nodeAt(at, 'top.txt') as VfsFile).write(0, bytes('TOP'));
    expect(new TextDecoder().decode(snap.find((e) => e.path === 'top.txt')?.data)).toBe('top');
  });

  it('skips entries with ".." and creates missing parents', () => {
    const root = fromSnapshot([
      { path: '../evil', kind: 'file', data: bytes('x'), mtime: 0 },
      { path: '/deep/er/f', kind: 'file', data: bytes('y'), mtime: 0 },
    ]);
    expect(toSnapshot(root).map((e) => e.path)).toEqual(['deep', 'deep/er', 'deep/er/f']);
  });
});

describe('name limits', () => {
  it('a name over 255 characters or a path over 4096 is ENAMETOOLONG, not a new file', () => {
    const root = fromSnapshot([]);
    const at = { root, dir: root };
    expect(resolve(at, 'n'.repeat(256), true)).toEqual({ ok: false, errno: Errno.NAMETOOLONG });
    expect(resolve(at, 'n'.repeat(300_000), true)).toEqual({ ok: false, errno: Errno.NAMETOOLONG });
    expect(resolve(at, `${'d/'.repeat(2100)}f`, true)).toEqual({ ok: false, errno: Errno.NAMETOOLONG });
    expect(resolve(at, 'n'.repeat(255), true)).toMatchObject({ ok: true, node: undefined });
  });
});
