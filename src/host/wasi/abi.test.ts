import { fromSnapshot } from '../fs/snapshot';
import { describe, expect, it } from 'vitest';
import { deterministicClock } from '../clock';
import { Errno } from '../fs/errno';
import { VfsDir } from '../fs/nodes';
import type { VfsChange } from '../fs/types';
import { seededRandom } from '../random';
import { Oflags, Rights } from './abi';
import { createWasiHost } from './host';

// (module (memory (export "memory") 1)): a guest that is only memory, so tests call imports directly.
const MEMORY_ONLY = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x05, 0x03, 0x01, 0x00, 0x01, 0x07, 0x0a, 0x01, 0x06, 0x6d, 0x65,
  0x6d, 0x6f, 0x72, 0x79, 0x02, 0x00,
]);

type Fn = (...args: (number | bigint)[]) => number;

/** A host over one preopen "/" with raw access to its imports and the guest memory. */
function setup(root = VfsDir.create()) {
  const changes: VfsChange[][] = [];
  const host = createWasiHost({
    args: ['t'],
    env: [],
    stdin: new TextEncoder().encode('input'),
    preopens: [{ guestPath: '/', root, readOnly: false }],
    stdout: () => {},
    stderr: () => {},
    clock: deterministicClock(),
    random: seededRandom(1),
    onBlocked: () => {},
    onDurable: (c) => changes.push(c),
  });
  const instance = new WebAssembly.Instance(new WebAssembly.Module(MEMORY_ONLY), host.imports);
  host.initialize(instance);
  const memory = instance.exports.memory as WebAssembly.Memory;
  const p1 = host.imports.wasi_snapshot_preview1 as Record<string, Fn>;
  const un = host.imports.wasi_unstable as Record<string, Fn>;
  const view = () => new DataView(memory.buffer);
  const put = (ptr: number, s: string | Uint8Array): number => {
    const b = typeof s === 'string' ? new TextEncoder().encode(s) : s;
    new Uint8Array(memory.buffer).set(b, ptr);
    return b.length;
  };
  /** path_open relative to the preopen (fd 3); returns the new fd. */
  const open = (path: string, oflags = 0, rights = Rights.FD_READ | Rights.FD_WRITE | Rights.FD_SEEK | Rights.FD_FILESTAT_GET | Rights.FD_READDIR): number => {
    const len = put(1000, path);
    const errno = p1.path_open!(3, 1, 1000, len, oflags, rights, rights, 0, 900);
    if (errno !== 0) throw new Error(`path_open ${path}: ${errno}`);
    return view().getUint32(900, true);
  };
  const write = (fd: number, s: string): number => {
    const len = put(2000, s);
    view().setUint32(100, 2000, true);
    view().setUint32(104, len, true);
    return p1.fd_write!(fd, 100, 1, 108);
  };
  return { host, memory, p1, un, view, put, open, write, changes, root };
}

describe('wasi_unstable', () => {
  it('maps whence: CUR=0, END=1, SET=2', () => {
    const t = setup();
    const fd = t.open('f', Oflags.CREAT);
    t.write(fd, 'abcdef');
    expect(t.un.fd_seek!(fd, 2n, 2, 200)).toBe(0); // SET
    expect(t.view().getBigUint64(200, true)).toBe(2n);
    expect(t.un.fd_seek!(fd, 1n, 0, 200)).toBe(0); // CUR
    expect(t.view().getBigUint64(200, true)).toBe(3n);
    expect(t.un.fd_seek!(fd, -1n, 1, 200)).toBe(0); // END
    expect(t.view().getBigUint64(200, true)).toBe(5n);
    expect(t.un.fd_seek!(fd, 0n, 3, 200)).toBe(Errno.INVAL);
  });

  it('writes the 56-byte filestat with a 32-bit nlink', () => {
    const t = setup();
    const fd = t.open('f', Oflags.CREAT);
    t.write(fd, 'abcdef');
    expect(t.p1.fd_filestat_get!(fd, 300)).toBe(0);
    expect(t.view().getBigUint64(300 + 24, true)).toBe(1n); // nlink u64
    expect(t.view().getBigUint64(300 + 32, true)).toBe(6n); // size
    expect(t.un.fd_filestat_get!(fd, 400)).toBe(0);
    expect(t.view().getUint8(400 + 16)).toBe(4); // regular file
    expect(t.view().getUint32(400 + 20, true)).toBe(1); // nlink u32
    expect(t.view().getBigUint64(400 + 24, true)).toBe(6n); // size
  });

  it('reads clock subscriptions with the extra identifier field', () => {
    const t = setup();
    const v = t.view();
    new Uint8Array(t.memory.buffer).fill(0, 500, 600);
    v.setBigUint64(500, 42n, true); // userdata
    v.setUint8(508, 0); // clock
    v.setUint32(524, 1, true); // monotonic, after the identifier
    v.setBigUint64(532, 1_000_000_000n, true); // timeout 1 s
    expect(t.un.poll_oneoff!(500, 600, 1, 700)).toBe(0);
    expect(v.getUint32(700, true)).toBe(1);
    expect(v.getBigUint64(600, true)).toBe(42n);
    expect(v.getUint16(608, true)).toBe(0);
  });
});

describe('descriptors', () => {
  it('reuses the lowest free number and renumbers over an open descriptor, never into a freed one', () => {
    const t = setup();
    const a = t.open('a', Oflags.CREAT);
    const b = t.open('b', Oflags.CREAT);
    expect([a, b]).toEqual([4, 5]);
    expect(t.p1.fd_close!(a)).toBe(0);
    expect(t.open('c', Oflags.CREAT)).toBe(4);
    expect(t.p1.fd_renumber!(5, 4)).toBe(0);
    expect(t.p1.fd_close!(5)).toBe(Errno.BADF);
    const d = t.open('d', Oflags.CREAT);
    expect(t.open('e', Oflags.CREAT)).toBe(6);
    expect(t.p1.fd_close!(d)).toBe(0);
    expect(t.p1.fd_renumber!(6, d)).toBe(Errno.BADF); // 5 is a hole below 6 (renumber.test.ts has the rest)
    expect(t.p1.fd_close!(3)).toBe(0); // even a preopen can be closed
    expect(t.p1.fd_prestat_get!(3, 0)).toBe(Errno.BADF);
  });

  it('lets rights be dropped but never regained', () => {
    const t = setup();
    const fd = t.open('f', Oflags.CREAT);
    expect(t.p1.fd_fdstat_set_rights!(fd, Rights.FD_SEEK, 0n)).toBe(0);
    expect(t.write(fd, 'x')).toBe(Errno.BADF);
    expect(t.p1.fd_fdstat_set_rights!(fd, Rights.FD_SEEK | Rights.FD_WRITE, 0n)).toBe(Errno.NOTCAPABLE);
  });

  it('refuses to open a directory for writing and a file as a directory', () => {
    const t = setup();
    t.open('f', Oflags.CREAT);
    expect(() => t.open('.', Oflags.DIRECTORY)).toThrow(/: 31$/); // EISDIR: rights include FD_WRITE
    expect(() => t.open('f', Oflags.DIRECTORY, 0n)).toThrow(/: 54$/); // ENOTDIR
    expect(t.open('.', Oflags.DIRECTORY, Rights.FD_READDIR)).toBeGreaterThan(3);
  });

  it('answers EFAULT for pointers outside guest memory and EILSEQ for invalid UTF-8 paths', () => {
    const t = setup();
    t.view().setUint32(100, 65536 - 2, true);
    t.view().setUint32(104, 10, true);
    expect(t.p1.fd_write!(1, 100, 1, 108)).toBe(Errno.FAULT);
    expect(t.p1.random_get!(65530, 100)).toBe(Errno.FAULT);
    expect(t.p1.fd_fdstat_get!(1, 65530)).toBe(Errno.FAULT);
    expect(t.p1.args_sizes_get!(65535, 0)).toBe(Errno.FAULT);
    t.put(1000, new Uint8Array([0xff, 0xfe]));
    expect(t.p1.path_open!(3, 0, 1000, 2, 0, 0n, 0n, 0, 900)).toBe(Errno.ILSEQ);
  });

  it('reads stdin to its end and then returns 0', () => {
    const t = setup();
    const v = t.view();
    v.setUint32(100, 2000, true);
    v.setUint32(104, 3, true);
    expect(t.p1.fd_read!(0, 100, 1, 108)).toBe(0);
    expect(v.getUint32(108, true)).toBe(3);
    expect(t.p1.fd_read!(0, 100, 1, 108)).toBe(0);
    expect(v.getUint32(108, true)).toBe(2);
    expect(t.p1.fd_read!(0, 100, 1, 108)).toBe(0);
    expect(v.getUint32(108, true)).toBe(0);
  });
});

describe('fd_readdir', () => {
  it('cuts the last entry at the end of a full buffer and resumes from a cookie', () => {
    const root = fromSnapshot(['one', 'two', 'three'].map((path) => ({ path, kind: 'file' as const, mtime: 0 })));
    const t = setup(root);
    const dir = t.open('.', Oflags.DIRECTORY, Rights.FD_READDIR);
    const names: string[] = [];
    let cookie = 0n;
    for (let round = 0; round < 10; round++) {
      expect(t.p1.fd_readdir!(dir, 3000, 40, cookie, 200)).toBe(0);
      const used = t.view().getUint32(200, true);
      let p = 3000;
      while (p + 24 <= 3000 + used) {
        const len = t.view().getUint32(p + 16, true);
        if (p + 24 + len > 3000 + used) break; // cut off: ask again from the last cookie
        names.push(new TextDecoder().decode(new Uint8Array(t.memory.buffer, p + 24, len)));
        cookie = t.view().getBigUint64(p, true);
        p += 24 + len;
      }
      if (used < 40) break;
    }
    expect(names).toEqual(['.', '..', 'one', 'two', 'three']);
  });

  it('keeps cookies stable when entries are removed while reading', () => {
    const root = fromSnapshot(['a', 'b', 'c'].map((path) => ({ path, kind: 'file' as const, mtime: 0 })));
    const t = setup(root);
    const dir = t.open('.', Oflags.DIRECTORY, Rights.FD_READDIR);
    expect(t.p1.fd_readdir!(dir, 3000, 24 * 3 + 1 + 2 + 1, 0n, 200)).toBe(0); // ".", "..", "a"
    const cookieAfterA = t.view().getBigUint64(3000 + 24 + 1 + 24 + 2, true);
    root.detach('a');
    expect(t.p1.fd_readdir!(dir, 3000, 200, cookieAfterA, 200)).toBe(0);
    expect(t.view().getUint32(200, true)).toBe(2 * 25);
  });
});

describe('durability', () => {
  it('reports a synced file whole while it is still open', () => {
    const t = setup();
    const fd = t.open('log', Oflags.CREAT, Rights.FD_WRITE | Rights.FD_SYNC);
    t.write(fd, 'one');
    expect(t.changes).toEqual([]);
    expect(t.p1.fd_sync!(fd)).toBe(0);
    expect(t.changes.flat()).toEqual([{ op: 'write', mount: '/', path: 'log', data: new TextEncoder().encode('one'), mtime: expect.any(Number) }]);
    t.write(fd, 'two');
    t.host.flush();
    expect(t.changes.flat().at(-1)).toMatchObject({ op: 'write', path: 'log', data: new TextEncoder().encode('onetwo') });
  });
});

describe('traps', () => {
  it('never report a file cut off by a trap as complete', () => {
    const t = setup();
    const fd = t.open('half', Oflags.CREAT, Rights.FD_WRITE);
    t.write(fd, 'half of it');
    // A guest whose _start writes through the host and then traps.
    const trap = new WebAssembly.Instance(
      new WebAssembly.Module(
        new Uint8Array([
          0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00, 0x05,
          0x03, 0x01, 0x00, 0x01, 0x07, 0x13, 0x02, 0x06, 0x6d, 0x65, 0x6d, 0x6f, 0x72, 0x79, 0x02, 0x00, 0x06, 0x5f, 0x73,
          0x74, 0x61, 0x72, 0x74, 0x00, 0x00, 0x0a, 0x05, 0x01, 0x03, 0x00, 0x00, 0x0b,
        ]),
      ),
    );
    expect(() => t.host.start(trap)).toThrow(WebAssembly.RuntimeError);
    t.host.flush();
    expect(t.changes.flat()).toEqual([]);
  });
});
