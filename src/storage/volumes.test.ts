import 'fake-indexeddb/auto';
import type { UseStore } from 'idb-keyval';
import { createStore } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import type { VfsChange } from '../host/fs/types';
import { joinPath, normalisePath, relativeTo } from './volumePaths';
import { StorageFullError, storageError } from './volumeTx';
import { Volumes, VolumeError } from './volumes';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : undefined);

let n = 0;
let store: UseStore;
let vols: Volumes;
beforeEach(async () => {
  store = createStore(`volumes-test-${++n}`, 'entries');
  vols = new Volumes(store);
  await vols.ensureVolume('home');
});

async function tree(volume = 'home', dir = '') {
  const { entries } = await vols.readTree(volume, dir);
  return entries.map((e) => (e.kind === 'file' ? `${e.path}=${dec(e.data)}` : e.kind === 'symlink' ? `${e.path}->${e.target}` : `${e.path}/`));
}

describe('paths', () => {
  it('normalises and refuses to leave the volume', () => {
    expect(normalisePath('/a//b/./c/')).toBe('a/b/c');
    expect(normalisePath('/')).toBe('');
    expect(joinPath('/data/', 'x/y')).toBe('data/x/y');
    expect(joinPath('', 'x')).toBe('x');
    expect(relativeTo('a', 'a/b')).toBe('b');
    expect(relativeTo('a', 'ab')).toBeNull();
    expect(() => normalisePath('a/../../etc')).toThrow(VolumeError);
  });

  it('refuses names over 255 bytes and paths over 4096 bytes (a 300,000-character name was accepted once)', () => {
    expect(normalisePath(`d/${'n'.repeat(255)}`)).toBe(`d/${'n'.repeat(255)}`);
    expect(() => normalisePath('x'.repeat(300_000))).toThrow(/at most 4096 bytes/);
    expect(() => normalisePath(`d/${'n'.repeat(256)}`)).toThrow(/at most 255 bytes/);
    // UTF-8 bytes count, not characters: 128 × "é" is 256 bytes.
    expect(() => normalisePath('é'.repeat(128))).toThrow(/256 bytes/);
  });
});

describe('volumes', () => {
  it('creates "home" on first use and lists, creates and deletes volumes', async () => {
    const fresh = new Volumes(createStore(`volumes-test-${++n}`, 'entries'));
    expect((await fresh.listVolumes()).map((v) => v.name)).toEqual(['home']);
    await fresh.createVolume('work');
    await expect(fresh.createVolume('work')).rejects.toThrow('already exists');
    await expect(fresh.createVolume('a/b')).rejects.toThrow(VolumeError);
    await fresh.writeFile('work', 'x.txt', enc('x'));
    expect((await fresh.listVolumes()).map((v) => v.name)).toEqual(['home', 'work']);
    await fresh.deleteVolume('work');
    expect((await fresh.listVolumes()).map((v) => v.name)).toEqual(['home']);
    await fresh.createVolume('work');
    expect(await fresh.list('work')).toEqual([]); // nothing of the old one is left
  });

  it('writes, lists and reads a tree; counts bytes', async () => {
    await vols.writeFiles('home', [
      { path: 'docs/a.txt', data: enc('alpha'), mtime: 1000 },
      { path: 'docs/deep/b.txt', data: enc('beta'), mtime: 2000 },
      { path: 'docs.txt', data: enc('sibling') },
      { path: 'z.bin', data: new Uint8Array([1, 2, 3]) },
    ]);
    await vols.mkdir('home', '/empty/');
    const root = await vols.list('home', '/');
    expect(root.map((e) => `${e.kind}:${e.name}`)).toEqual(['dir:docs', 'dir:empty', 'file:docs.txt', 'file:z.bin']);
    const docs = await vols.list('home', 'docs');
    expect(docs.map((e) => [e.path, e.size, e.mtime])).toEqual([
      ['docs/deep', 0, 2000],
      ['docs/a.txt', 5, 1000],
    ]);
    expect(dec(await vols.readFile('home', '/docs/deep/b.txt'))).toBe('beta');
    expect(await tree('home', 'docs')).toEqual(['a.txt=alpha', 'deep/', 'deep/b.txt=beta']);
    const { bytes } = await vols.readTree('home');
    expect(bytes).toBe(5 + 4 + 7 + 3);
    expect((await vols.listVolumes())[0]).toMatchObject({ bytes: 19, files: 4 });
    await expect(vols.readFile('home', 'docs')).rejects.toThrow('is a folder');
    await expect(vols.list('home', 'nope')).rejects.toThrow('has no folder "/nope"');
    await expect(vols.writeFile('home', 'docs.txt/inner', enc('x'))).rejects.toThrow('is a file, not a folder');
  });

  it('renames files and folders with their contents, and refuses to clobber', async () => {
    await vols.writeFiles('home', [
      { path: 'a/one.txt', data: enc('1') },
      { path: 'a/sub/two.txt', data: enc('2') },
      { path: 'b.txt', data: enc('b') },
    ]);
    await vols.rename('home', 'a', 'moved/a2');
    expect(await tree()).toEqual(['b.txt=b', 'moved/', 'moved/a2/', 'moved/a2/one.txt=1', 'moved/a2/sub/', 'moved/a2/sub/two.txt=2']);
    await expect(vols.rename('home', 'b.txt', 'moved/a2/one.txt')).rejects.toThrow('already exists');
    await expect(vols.rename('home', 'moved', 'moved/inside')).rejects.toThrow('into itself');
    await vols.rename('home', 'b.txt', 'moved/a2/one.txt', { replace: true });
    expect(dec(await vols.readFile('home', 'moved/a2/one.txt'))).toBe('b');
    expect((await vols.listVolumes())[0]).toMatchObject({ bytes: 2, files: 2 });
  });

  it('deletes trees recursively', async () => {
    await vols.writeFiles('home', [
      { path: 'a/one.txt', data: enc('1') },
      { path: 'a/sub/two.txt', data: enc('2') },
      { path: 'ab.txt', data: enc('keep') },
    ]);
    await vols.remove('home', 'a');
    expect(await tree()).toEqual(['ab.txt=keep']);
    expect((await vols.listVolumes())[0]).toMatchObject({ bytes: 4, files: 1 });
    await expect(vols.remove('home', 'a')).rejects.toThrow('does not exist');
  });
});

describe('applyChanges', () => {
  const m = '/data';
  it('applies a batch under the mounted folder, in order', async () => {
    await vols.writeFile('home', 'proj/old.txt', enc('old'));
    const changes: VfsChange[] = [
      { op: 'mkdir', mount: m, path: 'out' },
      { op: 'write', mount: m, path: 'out/a.txt', data: enc('A'), mtime: 5 },
      { op: 'rename', mount: m, from: 'out/a.txt', to: 'out/b.txt' },
      { op: 'symlink', mount: m, path: 'link', target: 'out/b.txt' },
      { op: 'unlink', mount: m, path: 'old.txt' },
    ];
    await vols.applyChanges('home', 'proj', changes);
    expect(await tree('home', 'proj')).toEqual(['link->out/b.txt', 'out/', 'out/b.txt=A']);
  });

  it('keeps partial writes hidden until the complete write', async () => {
    await vols.writeFile('home', 'big.bin', enc('stored'));
    await vols.applyChanges('home', '', [
      { op: 'write', mount: m, path: 'big.bin', data: enc('ABCDEFGH'), mtime: 1, partial: true, offset: 0, size: 8 },
      { op: 'write', mount: m, path: 'new.bin', data: enc('xy'), mtime: 1, partial: true, offset: 2, size: 4 },
    ]);
    await vols.applyChanges('home', '', [{ op: 'write', mount: m, path: 'big.bin', data: enc('IJ'), mtime: 2, partial: true, offset: 8, size: 10 }]);
    // Stored content unchanged, the new file invisible; the staged state follows the partial rule.
    expect(await tree()).toEqual(['big.bin=stored']);
    expect(dec(await vols.readStaged('home', 'big.bin'))).toBe('ABCDEFGHIJ');
    expect(await vols.readStaged('home', 'new.bin')).toEqual(new Uint8Array([0, 0, 120, 121]));
    await vols.applyChanges('home', '', [{ op: 'write', mount: m, path: 'big.bin', data: enc('ABCDEFGHIJ!'), mtime: 3 }]);
    expect(await tree()).toEqual(['big.bin=ABCDEFGHIJ!']);
    expect(await vols.readStaged('home', 'big.bin')).toBeUndefined();
    // A stopped run leaves staged writes behind; the next run's mount drops them.
    await vols.discardStaged('home');
    expect(await vols.readStaged('home', 'new.bin')).toBeUndefined();
  });

  it('renames over an existing file or empty folder, and follows staged writes', async () => {
    await vols.writeFiles('home', [
      { path: 'a.txt', data: enc('a') },
      { path: 'b.txt', data: enc('b') },
    ]);
    await vols.mkdir('home', 'emptydir');
    await vols.applyChanges('home', '', [
      { op: 'rename', mount: m, from: 'a.txt', to: 'b.txt' },
      { op: 'mkdir', mount: m, path: 'd' },
      { op: 'rename', mount: m, from: 'd', to: 'emptydir' },
      { op: 'write', mount: m, path: 'open.txt', data: enc('12'), mtime: 1, partial: true, offset: 0, size: 2 },
      { op: 'rename', mount: m, from: 'open.txt', to: 'renamed.txt' },
    ]);
    expect(await tree()).toEqual(['b.txt=a', 'emptydir/']);
    expect(dec(await vols.readStaged('home', 'renamed.txt'))).toBe('12');
    expect((await vols.listVolumes())[0]).toMatchObject({ bytes: 1, files: 1 });
  });

  it('is all or nothing', async () => {
    await vols.writeFile('home', 'f', enc('file'));
    const bad: VfsChange[] = [
      { op: 'write', mount: m, path: 'first.txt', data: enc('1'), mtime: 1 },
      { op: 'write', mount: m, path: 'f/under-a-file', data: enc('2'), mtime: 1 },
    ];
    await expect(vols.applyChanges('home', '', bad)).rejects.toThrow('is a file, not a folder');
    expect(await tree()).toEqual(['f=file']);
    expect((await vols.listVolumes())[0]).toMatchObject({ bytes: 4, files: 1 });
  });
});

describe('quota', () => {
  /** A store whose object stores refuse file contents the way a full browser does. */
  const full = (base: UseStore): UseStore => (mode, callback) =>
    base(mode, (os) =>
      callback(
        new Proxy(os, {
          get(target, prop) {
            if (prop === 'put')
              return (value: unknown, key?: IDBValidKey) => {
                if (value instanceof Uint8Array) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
                return target.put(value, key);
              };
            const v: unknown = Reflect.get(target, prop);
            return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
          },
        }),
      ),
    );

  it('turns QuotaExceededError into a clear message and keeps the old state', async () => {
    await vols.writeFile('home', 'keep.txt', enc('keep'));
    const refusing = new Volumes(full(store));
    const data = new Uint8Array(12 * 1024 * 1024);
    const change: VfsChange = { op: 'write', mount: '/data', path: 'keep.txt', data, mtime: 1 };
    const err = await refusing.applyChanges('home', '', [change]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageFullError);
    expect((err as Error).message).toBe('Storage is full: the browser refused to save 12 MB (quota exceeded). Free space by deleting files in the Files panel.');
    expect(await tree()).toEqual(['keep.txt=keep']);
  });

  it('recognises quota errors reported on the aborted transaction', () => {
    const tx = { error: new DOMException('full', 'QuotaExceededError') } as unknown as IDBTransaction;
    expect(storageError(new DOMException('aborted', 'AbortError'), 2048, tx)).toBeInstanceOf(StorageFullError);
    expect(storageError(new DOMException('nope', 'DataError'), 1).name).toBe('DataError');
  });
});
