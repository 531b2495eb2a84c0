import { fromSnapshot, toSnapshot } from '../fs/snapshot';
import { describe, expect, it } from 'vitest';
import { deterministicClock, realClock } from '../clock';
import type { VfsDir, VfsFile } from '../fs/nodes';
import { resolve } from '../fs/resolve';
import type { SnapshotEntry } from '../fs/types';
import { cryptoRandom, seededRandom } from '../random';
import { WASI_P1_FUNCTIONS } from './functions';
import { createWasiHost } from './host';
import { fixture, runDemo } from './testdata/run';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const volume = (entries: SnapshotEntry[] = []): VfsDir => fromSnapshot(entries);
const fileText = (root: VfsDir, path: string): string | undefined => {
  const r = resolve({ root, dir: root }, path, true);
  return r.ok && r.node?.kind === 'file' ? new TextDecoder().decode((r.node as VfsFile).contents()) : undefined;
};

describe('stdio, args, env, exit codes', () => {
  it('passes argv, the whole environment and stdin, and streams stdout/stderr', () => {
    const r = runDemo(['echo', 'two words', 'ünï'], { env: [['A', '1'], ['EMPTY', '']], stdin: 'line one\nline two\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'argc=4\nargv[0]=demo\nargv[1]=echo\nargv[2]=two words\nargv[3]=ünï\nenv A=1\nenv EMPTY=\nline one\nline two\n',
    );
    expect(r.stderr).toBe('echo done\n');
  });

  it('returns exit codes: from proc_exit, and 0 when _start returns', () => {
    expect(runDemo(['exit', '0']).code).toBe(0);
    expect(runDemo(['exit', '7']).code).toBe(7);
    expect(runDemo(['exit', '255']).code).toBe(255);
  });

  it('delivers stdout as the guest writes it (line by line), not at the end', () => {
    const chunks: string[] = [];
    const host = createWasiHost({
      args: ['demo', 'echo', 'a', 'b'],
      env: [],
      stdin: new Uint8Array(),
      preopens: [],
      stdout: (b) => chunks.push(new TextDecoder().decode(b)),
      stderr: () => {},
      clock: deterministicClock(),
      random: seededRandom(1),
      onBlocked: () => {},
    });
    host.start(new WebAssembly.Instance(fixture('demo.wasm'), host.imports));
    expect(chunks.length).toBeGreaterThanOrEqual(4);
    expect(chunks[0]).toBe('argc=4\n');
  });
});

describe('filesystem', () => {
  it('writes a file that a second host, loaded from the snapshot, reads back', () => {
    const data = volume();
    const w = runDemo(['write', '/data/notes/hello.txt', 'hi there'], { preopens: [{ guestPath: '/data', root: data }] });
    expect(w.code).toBe(10 + 44); // ENOENT: the notes directory does not exist yet
    expect(runDemo(['mkdir', '/data/notes'], { preopens: [{ guestPath: '/data', root: data }] }).code).toBe(0);
    expect(runDemo(['write', '/data/notes/hello.txt', 'hi there'], { preopens: [{ guestPath: '/data', root: data }] }).code).toBe(0);

    const again = fromSnapshot(toSnapshot(data));
    const r = runDemo(['read', '/data/notes/hello.txt'], { preopens: [{ guestPath: '/data', root: again }] });
    expect(r).toMatchObject({ code: 0, stdout: 'hi there' });
    expect(runDemo(['ls', '/data/notes'], { preopens: [{ guestPath: '/data', root: again }] }).stdout).toBe('hello.txt\n');
  });

  it('reports durable changes at close and at path mutations, relative to the mount', () => {
    const data = volume([{ path: 'old.txt', kind: 'file', data: bytes('old'), mtime: 0 }]);
    const preopens = [{ guestPath: '/data', root: data }];
    expect(runDemo(['mkdir', '/data/d'], { preopens }).changes).toEqual([[{ op: 'mkdir', mount: '/data', path: 'd' }]]);
    const w = runDemo(['write', '/data/d/f.txt', 'abc'], { preopens });
    expect(w.changes).toHaveLength(1);
    expect(w.changes[0]).toEqual([{ op: 'write', mount: '/data', path: 'd/f.txt', data: bytes('abc'), mtime: expect.any(Number) }]);
    expect(runDemo(['mv', '/data/old.txt', '/data/d/new.txt'], { preopens }).changes).toEqual([
      [{ op: 'rename', mount: '/data', from: 'old.txt', to: 'd/new.txt' }],
    ]);
    expect(runDemo(['symlink', 'new.txt', '/data/d/ln'], { preopens }).changes).toEqual([
      [{ op: 'symlink', mount: '/data', path: 'd/ln', target: 'new.txt' }],
    ]);
    expect(runDemo(['rm', '/data/d/ln'], { preopens }).changes).toEqual([[{ op: 'unlink', mount: '/data', path: 'd/ln' }]]);
  });

  it('refuses writes to a read-only mount with EPERM and reports them; reads still work', () => {
    const data = volume([{ path: 'keep.txt', kind: 'file', data: bytes('kept'), mtime: 0 }]);
    const preopens = [{ guestPath: '/ro', root: data, readOnly: true }];
    const w = runDemo(['write', '/ro/keep.txt', 'changed'], { preopens });
    expect(w.code).toBe(10 + 63); // EPERM
    expect(w.blocked).toEqual([{ kind: 'path', path: '/ro/keep.txt', op: 'path_open' }]);
    expect(runDemo(['mkdir', '/ro/x'], { preopens }).blocked).toEqual([{ kind: 'path', path: '/ro/x', op: 'path_create_directory' }]);
    expect(runDemo(['rm', '/ro/keep.txt'], { preopens }).code).toBe(10 + 63);
    expect(runDemo(['read', '/ro/keep.txt'], { preopens }).stdout).toBe('kept');
    expect(fileText(data, 'keep.txt')).toBe('kept');
  });

  it('refuses paths that climb out of a mount with ENOTCAPABLE and reports the guest path', () => {
    const data = volume();
    const r = runDemo(['read', '/data/../etc/passwd'], { preopens: [{ guestPath: '/data', root: data }] });
    expect(r.code).toBe(10 + 76);
    expect(r.blocked).toEqual([{ kind: 'path', path: '/etc/passwd', op: 'path_open' }]);
  });

  it('fails with ENOSPC past the quota and says how much is used', () => {
    const data = fromSnapshot([], { maxBytes: 1000 });
    const r = runDemo(['big', '/q/big.bin', '1'], { preopens: [{ guestPath: '/q', root: data }] });
    expect(r.code).toBe(10 + 51);
    expect(r.quota[0]).toMatchObject({ mount: '/q', maxBytes: 1000, usedBytes: 0, requestedBytes: 65536 });
  });

  it('reports a file still being written as partial every 4 MiB, then whole at close', () => {
    const data = volume();
    const r = runDemo(['big', '/data/big.bin', '5'], { preopens: [{ guestPath: '/data', root: data }] });
    expect(r.code).toBe(0);
    const writes = r.changes.flat();
    const partial = writes.filter((c) => c.op === 'write' && c.partial);
    expect(partial).toHaveLength(1);
    expect(partial[0]).toMatchObject({ path: 'big.bin', partial: true, offset: 0, size: 4 * 2 ** 20 });
    const whole = writes.filter((c) => c.op === 'write' && !c.partial);
    expect(whole).toHaveLength(1);
    expect(whole[0]?.op === 'write' && whole[0].data.length).toBe(5 * 2 ** 20);
  });

  it('does not report a file left open as complete until the end of the run', () => {
    const data = volume();
    const r = runDemo(['big-open', '/data/open.bin', '1'], { preopens: [{ guestPath: '/data', root: data }] });
    // Nothing at close (there was none); the final flush reports it whole.
    expect(r.changes).toHaveLength(1);
    expect(r.changes[0]?.[0]).toMatchObject({ op: 'write', path: 'open.bin' });
  });
});

describe('sockets and determinism', () => {
  it('answers socket calls with an errno (ENOTSOCK / EBADF) and reports them', () => {
    const r = runDemo(['sockets']);
    // wasi-libc errno values: ENOTSOCK 57, EBADF 8.
    expect(r.stdout).toBe('shutdown -1 57\nrecv -1 57\nshutdown-badf -1 8\n');
    expect(r.blocked).toEqual([
      { kind: 'socket', op: 'sock_shutdown' },
      { kind: 'socket', op: 'sock_recv' },
    ]);
  });

  it('gives identical clocks and random bytes twice in deterministic mode, different ones otherwise', () => {
    const a = runDemo(['entropy'], { deterministic: true });
    const b = runDemo(['entropy'], { deterministic: true });
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toMatch(/^realtime 1704067200\.\d{9}\n/);
    expect(runDemo(['entropy']).stdout).not.toBe(a.stdout);
  });

  it('sleeps on the deterministic clock without waiting', () => {
    const r = runDemo(['entropy'], { deterministic: true });
    const mono = /monotonic 0\.(\d+)\n/.exec(r.stdout);
    const after = /after sleep 0\.(\d+)\n/.exec(r.stdout);
    expect(Number(after?.[1]) - Number(mono?.[1])).toBeGreaterThanOrEqual(5_000_000);
  });
});

describe('reactors', () => {
  it('runs _initialize, then exports with WASI', () => {
    let out = '';
    const host = createWasiHost({
      args: ['reactor'],
      env: [],
      stdin: new Uint8Array(),
      preopens: [],
      stdout: (b) => (out += new TextDecoder().decode(b)),
      stderr: () => {},
      clock: deterministicClock(),
      random: seededRandom(1),
      onBlocked: () => {},
    });
    const instance = new WebAssembly.Instance(fixture('reactor.wasm'), host.imports);
    host.initialize(instance);
    const add = instance.exports.add as (a: number, b: number) => number;
    expect(add(2, 3)).toBe(106);
    expect(add(1, 1)).toBe(104);
    expect(out).toBe('add 2 3\nadd 1 1\n');
  });
});

describe('unmounted paths', () => {
  it('are invisible to the host unless watched: libc fails them itself', () => {
    const r = runDemo(['read', '/data/in.txt']);
    expect(r.code).toBe(10 + 76); // ENOTCAPABLE from libc: no preopen matches
    expect(r.blocked).toEqual([]);
  });

  it('are refused with ENOTCAPABLE and reported under the watch root', () => {
    const data = volume([{ path: 'in.txt', kind: 'file', data: bytes('mounted'), mtime: 0 }]);
    const r = runDemo(['read', '/data/in.txt'], { watchUnmounted: true });
    expect(r.code).toBe(10 + 76);
    expect(r.blocked).toEqual([{ kind: 'path', path: '/data/in.txt', op: 'path_open' }]);
    const w = runDemo(['write', '/elsewhere/x', 'y'], { watchUnmounted: true, preopens: [{ guestPath: '/data', root: data }] });
    expect(w.blocked).toEqual([{ kind: 'path', path: '/elsewhere/x', op: 'path_open' }]);
    const ok = runDemo(['read', '/data/in.txt'], { watchUnmounted: true, preopens: [{ guestPath: '/data', root: data }] });
    expect(ok).toMatchObject({ code: 0, stdout: 'mounted', blocked: [] });
  });
});

describe('WASI_P1_FUNCTIONS', () => {
  it('lists exactly the functions the host provides, under both module names', () => {
    const host = createWasiHost({ args: [], env: [], stdin: new Uint8Array(0), preopens: [], watchUnmounted: false, stdout: () => {}, stderr: () => {}, clock: realClock(), random: cryptoRandom(), onBlocked: () => {}, onDurable: () => {} });
    for (const module of ['wasi_snapshot_preview1', 'wasi_unstable']) expect(Object.keys(host.imports[module] as object).sort()).toEqual([...WASI_P1_FUNCTIONS].sort());
  });
});
