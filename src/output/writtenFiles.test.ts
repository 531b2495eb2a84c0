import { describe, expect, it } from 'vitest';
import type { VfsChange } from '../model/files';
import { writtenFiles } from './writtenFiles';

const bytes = (n: number) => new Uint8Array(n);
const write = (path: string, size: number, mount = '/data'): VfsChange => ({ op: 'write', mount, path, data: bytes(size), mtime: 0 });

describe('writtenFiles', () => {
  it('lists each file once with its last complete contents, in the order first written', () => {
    const files = writtenFiles([write('a.txt', 1), write('b.wav', 68_000), write('a.txt', 3), { op: 'write', mount: '/data', path: 'big', data: bytes(4), mtime: 0, partial: true, offset: 0, size: 4 }]);
    expect(files.map((f) => [f.path, f.data.length])).toEqual([
      ['/data/a.txt', 3],
      ['/data/b.wav', 68_000],
    ]);
  });

  it('drops deleted files and removed directories; renames move files and whole directories', () => {
    const files = writtenFiles([
      write('tmp/x', 1),
      write('keep', 2),
      { op: 'unlink', mount: '/data', path: 'keep' },
      write('out/part', 5),
      { op: 'rename', mount: '/data', from: 'out', to: 'final' },
      write('old', 7),
      { op: 'rename', mount: '/data', from: 'old', to: 'new' },
      { op: 'rmdir', mount: '/data', path: 'tmp' },
    ]);
    expect(files.map((f) => [f.path, f.data.length])).toEqual([
      ['/data/final/part', 5],
      ['/data/new', 7],
    ]);
  });

  it('a rename over a file replaces it; paths join mount and path once', () => {
    const files = writtenFiles([write('a', 1, '/out/'), write('b', 2, '/out/'), { op: 'rename', mount: '/out/', from: 'a', to: 'b' }]);
    expect(files.map((f) => [f.path, f.data.length])).toEqual([['/out/b', 1]]);
  });
});
