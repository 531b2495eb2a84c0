/** The files a run left written, from the durable changes it reported (DESIGN.md §5), for "wrote /data/x (68 KB)". */
import type { VfsChange } from '../model/files';

export interface WrittenFile {
  /** Guest path, e.g. "/data/hello.wav". */
  path: string;
  /** The file's bytes as the run left them. */
  data: Uint8Array;
}

const join = (mount: string, path: string) => `${mount.replace(/\/+$/, '')}/${path}`;
const under = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);

/**
 * Replays `changes` in order: the last complete write of each file wins (partial writes are
 * staged, a complete one follows), deletes and directory removals drop files, renames move them
 * (a renamed directory moves everything in it). Files are listed in the order first written.
 */
export function writtenFiles(changes: readonly VfsChange[]): WrittenFile[] {
  const files = new Map<string, Uint8Array>();
  for (const c of changes) {
    switch (c.op) {
      case 'write':
        if (!c.partial) files.set(join(c.mount, c.path), c.data);
        break;
      case 'unlink':
      case 'rmdir': {
        const gone = join(c.mount, c.path);
        for (const path of [...files.keys()]) if (under(path, gone)) files.delete(path);
        break;
      }
      case 'rename': {
        const from = join(c.mount, c.from);
        const to = join(c.mount, c.to);
        // Whatever stood at the target is replaced.
        for (const path of [...files.keys()]) if (under(path, to) && !under(path, from)) files.delete(path);
        for (const [path, data] of [...files]) {
          if (!under(path, from)) continue;
          files.delete(path);
          files.set(to + path.slice(from.length), data);
        }
        break;
      }
      case 'mkdir':
      case 'symlink':
        break;
    }
  }
  return [...files].map(([path, data]) => ({ path, data }));
}
