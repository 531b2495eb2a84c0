/**
 * Our C WASI fixtures as wasi:cli command components (jco's preview 1 command adapter),
 * transpiled by jco and run in Node with createWasi2Host's imports.
 */
import { describe, expect, it } from 'vitest';
import type { VfsChange } from '../../model/files';
import { realClock } from '../clock';
import type { VfsFile } from '../fs/nodes';
import { resolve } from '../fs/resolve';
import { fromSnapshot, toSnapshot } from '../fs/snapshot';
import type { SnapshotEntry } from '../fs/types';
import { cryptoRandom } from '../random';
import type { Wasi2Blocked } from './context';
import type { Wasi2Options } from './host';
import { createWasi2Host } from './host';
import { makeIncomingRequest, makeResponseOutparam } from './http/incoming';
import { fixtureComponent, instantiateWith, proxyComponent, runCommand } from './testComponent';
import type { VfsDir } from '../fs/nodes';

const bytes = (s: string) => new TextEncoder().encode(s);
const volume = (entries: SnapshotEntry[] = []): VfsDir => fromSnapshot(entries);
const fileText = (root: VfsDir, path: string): string | undefined => {
  const r = resolve({ root, dir: root }, path, true);
  return r.ok && r.node?.kind === 'file' ? new TextDecoder().decode((r.node as VfsFile).contents()) : undefined;
};
type Preopen = { guestPath: string; root: VfsDir; readOnly?: boolean };

async function demo(args: string[], options: Partial<Omit<Wasi2Options, 'preopens'>> & { preopens?: Preopen[] } = {}) {
  const blocked: Wasi2Blocked[] = [];
  const changes: VfsChange[][] = [];
  const r = await runCommand(await fixtureComponent('demo'), {
    ...options,
    args: ['demo', ...args],
    preopens: (options.preopens ?? []).map((p) => ({ readOnly: false, ...p })),
    onBlocked: (e) => blocked.push(e),
    onDurable: (c) => changes.push(c),
  });
  return { ...r, blocked, changes };
}

const T = 60_000;

describe('C fixtures as wasi:cli command components', () => {
  it('passes args, env and stdin, and streams stdout/stderr', async () => {
    const chunks: string[] = [];
    const r = await demo(['echo', 'two words', 'ünï'], { env: [['A', '1'], ['EMPTY', '']], stdin: bytes('line one\nline two\n'), stdout: (b) => chunks.push(new TextDecoder().decode(b)) });
    expect(r.stdout).toBe('argc=4\nargv[0]=demo\nargv[1]=echo\nargv[2]=two words\nargv[3]=ünï\nenv A=1\nenv EMPTY=\nline one\nline two\n');
    expect(r.stderr).toBe('echo done\n');
    expect(r.code).toBe(0);
    expect(r.host.exitCode()).toBeNull(); // run returned: no wasi:cli/exit call
    expect(chunks.length).toBeGreaterThan(1); // live, as the guest writes, not at the end
    expect(chunks[0]).toMatch(/^argc=4/);
  }, T);

  it("exits with the program's own code, though wasi:cli/exit carries only ok or err", async () => {
    expect((await demo(['exit', '0'])).code).toBe(0);
    const failed = await demo(['exit', '7']);
    expect(failed.code).toBe(7);
    expect(failed.host.exitCode()).toBe(7);
    expect((await demo(['exit', '255'])).code).toBe(255);
  }, T);

  it('writes a file under a preopen that a second run, from the snapshot, reads back', async () => {
    const data = volume();
    const preopens = [{ guestPath: '/data', root: data }];
    const w = await demo(['write', '/data/notes/hello.txt', 'hi there'], { preopens });
    expect(w.code).toBe(10 + 44);
    expect(w.stderr).toBe('open: errno 44 (No such file or directory)\n');
    expect((await demo(['mkdir', '/data/notes'], { preopens })).code).toBe(0);
    expect((await demo(['write', '/data/notes/hello.txt', 'hi there'], { preopens })).code).toBe(0);
    expect(fileText(data, 'notes/hello.txt')).toBe('hi there');
    expect((await demo(['append', '/data/notes/hello.txt', '!'], { preopens })).code).toBe(0);
    const again = fromSnapshot(toSnapshot(data));
    const r = await demo(['read', '/data/notes/hello.txt'], { preopens: [{ guestPath: '/data', root: again }] });
    expect(r).toMatchObject({ code: 0, stdout: 'hi there!' });
    expect((await demo(['ls', '/data/notes'], { preopens: [{ guestPath: '/data', root: again }] })).stdout).toBe('hello.txt\n');
  }, T);

  it('reports durable changes at close and at path mutations, relative to the mount', async () => {
    const data = volume([{ path: 'old.txt', kind: 'file', data: bytes('old'), mtime: 0 }]);
    const preopens = [{ guestPath: '/data', root: data }];
    expect((await demo(['mkdir', '/data/d'], { preopens })).changes).toEqual([[{ op: 'mkdir', mount: '/data', path: 'd' }]]);
    const w = await demo(['write', '/data/d/f.txt', 'abc'], { preopens });
    expect(w.changes).toEqual([[{ op: 'write', mount: '/data', path: 'd/f.txt', data: bytes('abc'), mtime: expect.any(Number) }]]);
    expect((await demo(['mv', '/data/old.txt', '/data/d/new.txt'], { preopens })).changes).toEqual([[{ op: 'rename', mount: '/data', from: 'old.txt', to: 'd/new.txt' }]]);
    expect((await demo(['symlink', 'new.txt', '/data/d/ln'], { preopens })).changes).toEqual([[{ op: 'symlink', mount: '/data', path: 'd/ln', target: 'new.txt' }]]);
    expect((await demo(['rm', '/data/d/ln'], { preopens })).changes).toEqual([[{ op: 'unlink', mount: '/data', path: 'd/ln' }]]);
  }, T);

  it('refuses writes to a read-only mount with EPERM and reports them; reads still work', async () => {
    const data = volume([{ path: 'keep.txt', kind: 'file', data: bytes('kept'), mtime: 0 }]);
    const preopens = [{ guestPath: '/ro', root: data, readOnly: true }];
    const w = await demo(['write', '/ro/keep.txt', 'changed'], { preopens });
    expect(w.stderr).toBe('open: errno 63 (Operation not permitted)\n');
    expect(w.blocked).toEqual([{ capability: 'filesystem', target: '/ro/keep.txt', detail: 'open-at /ro/keep.txt: /ro is mounted read-only' }]);
    expect((await demo(['mkdir', '/ro/x'], { preopens })).blocked).toMatchObject([{ target: '/ro/x' }]);
    expect((await demo(['read', '/ro/keep.txt'], { preopens })).stdout).toBe('kept');
    expect(fileText(data, 'keep.txt')).toBe('kept');
  }, T);

  it('refuses paths that climb out of a mount and reports the guest path', async () => {
    const r = await demo(['read', '/data/../etc/passwd'], { preopens: [{ guestPath: '/data', root: volume() }] });
    expect(r.code).toBeGreaterThan(10);
    // libc resolves "/data/../etc" lexically against the preopens itself: no preopen holds /etc.
    expect(r.stderr).toMatch(/^open: errno (76|44|63) /);
  }, T);

  it('refuses and reports unmounted paths under the watch root; mounted ones still work', async () => {
    const r = await demo(['read', '/etc/passwd'], { watchUnmounted: true, preopens: [{ guestPath: '/data', root: volume([{ path: 'in.txt', kind: 'file', data: bytes('mounted'), mtime: 0 }]) }] });
    expect(r.stderr).toBe('open: errno 63 (Operation not permitted)\n');
    expect(r.blocked).toEqual([{ capability: 'filesystem', target: '/etc/passwd', detail: 'open-at /etc/passwd: no directory is mounted there' }]);
    const ok = await demo(['read', '/data/in.txt'], { watchUnmounted: true, preopens: [{ guestPath: '/data', root: volume([{ path: 'in.txt', kind: 'file', data: bytes('mounted'), mtime: 0 }]) }] });
    expect(ok).toMatchObject({ code: 0, stdout: 'mounted', blocked: [] });
    expect((await demo(['read', '/etc/passwd'])).blocked).toEqual([]); // without the watch root libc fails it alone
  }, T);

  it('fails a write past the quota with ENOSPC and reports the quota', async () => {
    const quota: unknown[] = [];
    const r = await demo(['big', '/q/big.bin', '1'], { preopens: [{ guestPath: '/q', root: fromSnapshot([], { maxBytes: 1000 }) }], onQuota: (e) => quota.push(e) });
    expect(r.stderr).toBe('write: errno 51 (No space left on device)\n');
    expect(quota[0]).toMatchObject({ mount: '/q', maxBytes: 1000, usedBytes: 0 });
  }, T);

  it('reports a file still being written as partial every 4 MiB, then whole when dropped', async () => {
    const r = await demo(['big', '/data/big.bin', '5'], { preopens: [{ guestPath: '/data', root: volume() }] });
    expect(r.code).toBe(0);
    const writes = r.changes.flat();
    expect(writes.filter((c) => c.op === 'write' && c.partial)).toMatchObject([{ path: 'big.bin', partial: true, offset: 0 }]);
    const whole = writes.filter((c) => c.op === 'write' && !c.partial);
    expect(whole).toHaveLength(1);
    expect(whole[0]?.op === 'write' && whole[0].data.length).toBe(5 * 2 ** 20);
  }, T);

  it('gives identical clocks and random bytes twice in deterministic mode, different ones otherwise', async () => {
    const a = await demo(['entropy']);
    const b = await demo(['entropy']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toMatch(/^realtime 1704067200\.\d{9}\n/);
    const mono = /monotonic 0\.(\d+)\n/.exec(a.stdout);
    const after = /after sleep 0\.(\d+)\n/.exec(a.stdout);
    expect(Number(after?.[1]) - Number(mono?.[1])).toBeGreaterThanOrEqual(5_000_000); // slept on the deterministic clock
    expect((await demo(['entropy'], { clock: realClock(), random: cryptoRandom() })).stdout).not.toBe(a.stdout);
  }, T);

  it('writes numbered files, each whole when closed (files.c)', async () => {
    const data = volume();
    const r = await runCommand(await fixtureComponent('files'), { args: ['files', '/data', '3', '2', '0'], preopens: [{ guestPath: '/data', root: data, readOnly: false }] });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('closed /data/0000.txt\nclosed /data/0001.txt\nclosed /data/0002.txt\n');
    expect(fileText(data, '0002.txt')).toBe('2'.repeat(2048));
  }, T);
});

describe('a wasi:http proxy component (testdata/proxy.wat)', () => {
  it('takes an incoming request and answers through the response outparam', async () => {
    const t = await proxyComponent();
    const host = createWasi2Host({ args: [], env: [], stdin: new Uint8Array(0), preopens: [], stdout: () => {}, stderr: () => {}, clock: realClock(), random: cryptoRandom(), onBlocked: () => {} });
    const instance = await instantiateWith(t, host);
    const handler = instance['wasi:http/incoming-handler@0.2.12'] ?? instance.incomingHandler;
    const request = makeIncomingRequest({ method: 'POST', url: '/echo?x=ü', headers: [['content-type', 'text/plain']], body: bytes('ping') });
    const { outparam, response } = makeResponseOutparam();
    await handler!.handle!(request, outparam);
    const r = response();
    if ('error' in r) throw new Error(r.error);
    expect(r.status).toBe(201);
    expect(r.headers).toEqual([['x-echo', 'yes']]);
    expect(new TextDecoder().decode(r.body)).toBe('/echo?x=%C3%BC ping');
  }, T);
});
