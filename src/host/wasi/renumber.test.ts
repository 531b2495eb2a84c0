import { describe, expect, it } from 'vitest';
import { deterministicClock } from '../clock';
import { Errno } from '../fs/errno';
import { VfsDir, type VfsFile } from '../fs/nodes';
import { resolve } from '../fs/resolve';
import type { VfsChange } from '../fs/types';
import { seededRandom } from '../random';
import { Oflags, Rights } from './abi';
import { FdTable, type FdEntry, type Mount } from './fds';
import { createWasiHost } from './host';
import { runFixture } from './testdata/run';

const text = (chunks: Uint8Array[]): string => chunks.map((c) => new TextDecoder().decode(c)).join('');

/** A table with stdio and one preopen "/" at 3, and the chunks each stdio sink got. */
function table() {
  const out: Uint8Array[] = [];
  const err: Uint8Array[] = [];
  const mount: Mount = { guestPath: '/', root: VfsDir.create(), readOnly: false };
  const fds = new FdTable(new Uint8Array(), (b) => out.push(b), (b) => err.push(b), [mount]);
  return { fds, out, err, mount };
}

const sinkOf = (e: FdEntry | undefined): ((b: Uint8Array) => void) => {
  if (e?.type !== 'output') throw new Error(`expected an output descriptor, got ${e?.type ?? 'none'}`);
  return e.sink;
};

describe('FdTable.renumber', () => {
  it('moves a descriptor into a free number past the table and frees the old one', () => {
    const t = table();
    const stdout = t.fds.get(1);
    expect(t.fds.renumber(1, 5)).toEqual({ errno: Errno.SUCCESS, closed: undefined });
    expect(t.fds.get(1)).toBeUndefined();
    expect(t.fds.get(5)).toBe(stdout);
    sinkOf(t.fds.get(5))(new TextEncoder().encode('still stdout\n'));
    expect(text(t.out)).toBe('still stdout\n');
    // The freed number is the lowest free one again: the next open takes it, as POSIX's would.
    const file: FdEntry = { type: 'dir', dir: t.mount.root, mount: t.mount, rightsBase: 0n, rightsInheriting: 0n, flags: 0 };
    expect(t.fds.add(file)).toBe(1);
  });

  it('moves over an open descriptor and hands back what it held', () => {
    const t = table();
    const stderr = t.fds.get(2);
    const stdout = t.fds.get(1);
    expect(t.fds.renumber(2, 1)).toEqual({ errno: Errno.SUCCESS, closed: stdout });
    expect(t.fds.get(1)).toBe(stderr);
    expect(t.fds.get(2)).toBeUndefined();
  });

  it('treats renumbering onto itself as a no-op, and a closed or unknown `from` as EBADF', () => {
    const t = table();
    const stdout = t.fds.get(1);
    expect(t.fds.renumber(1, 1)).toEqual({ errno: Errno.SUCCESS });
    expect(t.fds.get(1)).toBe(stdout);
    expect(t.fds.renumber(7, 7)).toEqual({ errno: Errno.BADF });
    expect(t.fds.renumber(7, 1)).toEqual({ errno: Errno.BADF });
    expect(t.fds.renumber(0xffff_ffff, 9)).toEqual({ errno: Errno.BADF });
    expect(t.fds.get(1)).toBe(stdout);
    expect(t.fds.end()).toBe(4);
  });

  it('refuses a freed number below an open descriptor (wasi-testsuite `renumber`) but not a stdio number', () => {
    const t = table();
    const dir = (): FdEntry => ({ type: 'dir', dir: t.mount.root, mount: t.mount, rightsBase: 0n, rightsInheriting: 0n, flags: 0 });
    const a = t.fds.add(dir());
    const b = t.fds.add(dir());
    expect([a, b]).toEqual([4, 5]);
    expect(t.fds.renumber(a, b).errno).toBe(Errno.SUCCESS);
    expect(t.fds.renumber(b, a)).toEqual({ errno: Errno.BADF }); // 4 is a hole below 5
    expect(t.fds.get(b)).toBeDefined();
    // Stdio numbers are where programs redirect to: 1 freed below 5 still takes a descriptor.
    expect(t.fds.renumber(1, 6).errno).toBe(Errno.SUCCESS);
    expect(t.fds.renumber(6, 1).errno).toBe(Errno.SUCCESS);
    expect(t.fds.get(6)).toBeUndefined();
  });

  it('keeps moved stdio and moved preopens across a remount (rebind), closing the rest', () => {
    const t = table();
    const file: FdEntry = { type: 'dir', dir: t.mount.root, mount: t.mount, rightsBase: 0n, rightsInheriting: 0n, flags: 0 };
    expect(t.fds.add(file)).toBe(4);
    t.fds.renumber(1, 8);
    t.fds.renumber(3, 9);
    t.mount.root = VfsDir.create();
    t.fds.rebind();
    expect(t.fds.get(8)?.type).toBe('output');
    const pre = t.fds.get(9);
    expect(pre?.type === 'dir' && pre.dir).toBe(t.mount.root);
    expect(t.fds.get(4)).toBeUndefined();
  });
});

type Fn = (...args: (number | bigint)[]) => number;

// (module (memory (export "memory") 1)): a guest that is only memory, so tests call imports directly.
const MEMORY_ONLY = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x05, 0x03, 0x01, 0x00, 0x01, 0x07, 0x0a, 0x01, 0x06, 0x6d, 0x65,
  0x6d, 0x6f, 0x72, 0x79, 0x02, 0x00,
]);

/** A host over one preopen "/" (fd 3), called through its preview-1 imports. */
function host() {
  const out: Uint8Array[] = [];
  const err: Uint8Array[] = [];
  const changes: VfsChange[][] = [];
  const root = VfsDir.create();
  const h = createWasiHost({
    args: ['t'],
    env: [],
    stdin: new Uint8Array(),
    preopens: [{ guestPath: '/', root, readOnly: false }],
    stdout: (b) => out.push(b),
    stderr: (b) => err.push(b),
    clock: deterministicClock(),
    random: seededRandom(1),
    onBlocked: () => {},
    onDurable: (c) => changes.push(c),
  });
  const instance = new WebAssembly.Instance(new WebAssembly.Module(MEMORY_ONLY), h.imports);
  h.initialize(instance);
  const memory = instance.exports.memory as WebAssembly.Memory;
  const p1 = h.imports.wasi_snapshot_preview1 as Record<string, Fn>;
  const view = () => new DataView(memory.buffer);
  const put = (ptr: number, s: string): number => {
    const b = new TextEncoder().encode(s);
    new Uint8Array(memory.buffer).set(b, ptr);
    return b.length;
  };
  const write = (fd: number, s: string): number => {
    view().setUint32(100, 2000, true);
    view().setUint32(104, put(2000, s), true);
    return p1.fd_write!(fd, 100, 1, 108);
  };
  const open = (dirFd: number, path: string): number => {
    const rights = Rights.FD_READ | Rights.FD_WRITE;
    const errno = p1.path_open!(dirFd, 1, 1000, put(1000, path), Oflags.CREAT | Oflags.TRUNC, rights, rights, 0, 900);
    if (errno !== 0) throw new Error(`path_open ${path}: errno ${errno}`);
    return view().getUint32(900, true);
  };
  return { p1, out, err, changes, write, open, view };
}

describe('fd_renumber through the host', () => {
  it('keeps stdout and stderr writing while they are parked on free numbers, and restores them', () => {
    const t = host();
    expect(t.write(1, 'one\n')).toBe(0);
    expect(t.p1.fd_renumber!(1, 5)).toBe(0);
    expect(t.p1.fd_renumber!(2, 6)).toBe(0);
    expect(t.write(1, 'lost?\n')).toBe(Errno.BADF);
    expect(t.write(5, 'two\n')).toBe(0);
    expect(t.write(6, 'warn\n')).toBe(0);
    const log = t.open(3, 'log.txt');
    expect(log).toBe(1); // the lowest free number: stdout's old one
    expect(t.write(1, 'to the log\n')).toBe(0);
    expect(t.p1.fd_renumber!(5, 1)).toBe(0); // closes the log file, stdout is back on 1
    expect(t.p1.fd_renumber!(6, 2)).toBe(0);
    expect(t.write(1, 'three\n')).toBe(0);
    expect(t.write(5, 'x')).toBe(Errno.BADF);
    expect(text(t.out)).toBe('one\ntwo\nthree\n');
    expect(text(t.err)).toBe('warn\n');
    // Renumbering over the log closed it: its contents are reported complete.
    expect(t.changes.flat()).toContainEqual(expect.objectContaining({ op: 'write', path: 'log.txt', data: new TextEncoder().encode('to the log\n') }));
    expect(t.open(3, 'next.txt')).toBe(4);
  });

  it('moves a preopen with its name, and closes a preopen renumbered over', () => {
    const t = host();
    expect(t.p1.fd_renumber!(3, 7)).toBe(0);
    expect(t.p1.fd_prestat_get!(3, 0)).toBe(Errno.BADF);
    expect(t.p1.fd_prestat_get!(7, 0)).toBe(0);
    expect(t.view().getUint32(4, true)).toBe(1); // name length of "/"
    const f = t.open(7, 'a.txt');
    expect(f).toBe(3);
    expect(t.p1.fd_renumber!(f, 7)).toBe(0); // over the preopen: it is gone
    expect(t.p1.fd_prestat_get!(7, 0)).toBe(Errno.BADF);
    expect(t.write(7, 'into a.txt')).toBe(0);
  });
});

describe('renumber.wasm: the stdio dance of Yosys\'s ABC step', () => {
  const fileText = (root: VfsDir, path: string): string | undefined => {
    const r = resolve({ root, dir: root }, path, true);
    return r.ok && r.node?.kind === 'file' ? new TextDecoder().decode((r.node as VfsFile).contents()) : undefined;
  };
  const stdoutLines = (after: number): string => {
    const lines = ['stdout line 1', 'stdout line 2', 'stdout line 3'];
    for (let i = 4; i < 4 + after; i++) lines.push(`stdout line ${i}`);
    return `${[...lines, 'done'].join('\n')}\n`;
  };
  const logLines = (fd: number): string => `log fd was ${fd}\n${[1, 2, 3, 4, 5].map((i) => `log line ${i}`).join('\n')}\n`;

  // "before": the log is opened while stdio is in place (fd 4), then moved onto the freed 1,
  // which is exactly Yosys's trace: (1,5) (2,6) (4,1) … (5,1) (6,2).
  for (const [mode, logFd, netlistFd] of [
    ['before', 4, 4],
    ['after', 1, 4],
  ] as const) {
    it(`delivers every stdout line in order and keeps the files clean (log opened ${mode} parking stdio)`, () => {
      const data = VfsDir.create();
      const r = runFixture('renumber.wasm', ['/data', mode, '120'], { preopens: [{ guestPath: '/data', root: data }] });
      expect(r.stderr).toBe('stderr before\nstderr parked on 6\nstderr after\n');
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(stdoutLines(120));
      expect(fileText(data, 'log.txt')).toBe(logLines(logFd));
      expect(fileText(data, 'netlist.txt')).toBe(`netlist written to fd ${netlistFd}\n`);
    });
  }
});
