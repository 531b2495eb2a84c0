/** createWasi2Host's interfaces called as jco's generated code calls them. */
import { describe, expect, it } from 'vitest';
import type { VfsChange } from '../../model/files';
import { deterministicClock } from '../clock';
import type { VfsDir } from '../fs/nodes';
import { fromSnapshot } from '../fs/snapshot';
import type { SnapshotEntry } from '../fs/types';
import { seededRandom } from '../random';
import { ComponentExit } from './cli';
import type { Wasi2Blocked } from './context';
import { ResultError } from './errors';
import type { Descriptor } from './filesystem';
import { createWasi2Host, importsFor, type Wasi2Options } from './host';
import { makeIncomingRequest, makeResponseOutparam } from './http/incoming';
import type { HttpOptions } from './http/outgoing';
import type { Fields } from './http/fields';
import type { FutureIncomingResponse, IncomingResponse, OutgoingBody, OutgoingRequest, OutgoingResponse, ResponseOutparam } from './http/types';
import { jspiImports, type InputStream, type IoError, type OutputStream, type Pollable } from './io';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

type Fn = (...args: never[]) => unknown;
function host(options: Partial<Wasi2Options> = {}) {
  const blocked: Wasi2Blocked[] = [];
  const changes: VfsChange[][] = [];
  const out: string[] = [];
  const h = createWasi2Host({
    args: ['prog', 'a'],
    env: [['K', 'v']],
    stdin: enc('input'),
    preopens: [],
    stdout: (b) => out.push(dec(b)),
    stderr: () => {},
    clock: deterministicClock(),
    random: seededRandom(7),
    onBlocked: (e) => blocked.push(e),
    onDurable: (c) => changes.push(c),
    ...options,
  });
  const imp = importsFor(h);
  const fn = <F extends Fn = Fn>(iface: string, name: string) => imp[iface]![name] as F;
  return { h, imp, fn, blocked, changes, out };
}

/** The error payload a result import threw. */
function payload(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    if (e instanceof ResultError) return e.payload;
    throw e;
  }
  throw new Error('expected the call to fail');
}

function fsHost(entries: SnapshotEntry[] = [], readOnly = false, options: Partial<Wasi2Options> = {}) {
  const root: VfsDir = fromSnapshot(entries);
  const t = host({ preopens: [{ guestPath: '/data', root, readOnly }], ...options });
  const [[dir, name]] = t.fn<() => [Descriptor, string][]>('wasi:filesystem/preopens', 'getDirectories')() as [[Descriptor, string]];
  return { ...t, root, dir, name };
}

const RW = { read: true, write: true };
const NOFOLLOW = {};
const CREATE = { create: true };

describe('versioned lookups', () => {
  it('resolves 0.2.x names to the same interface, and nothing else', () => {
    const { imp } = host();
    expect(imp['wasi:cli/environment@0.2.12']).toBe(imp['wasi:cli/environment']);
    expect(imp['wasi:cli/environment@0.2.0']).toBe(imp['wasi:cli/environment']);
    expect('wasi:io/streams@0.2.3' in imp).toBe(true);
    expect(imp['wasi:cli/environment@0.3.0']).toBeUndefined();
    expect(imp['test:strings/imports']).toBeUndefined();
  });
});

describe('wasi:cli', () => {
  it('gives args, env, stdin until closed, and stdout as written', () => {
    const { fn, out } = host();
    expect(fn('wasi:cli/environment', 'getArguments')()).toEqual(['prog', 'a']);
    expect(fn('wasi:cli/environment', 'getEnvironment')()).toEqual([['K', 'v']]);
    const stdin = fn<() => InputStream>('wasi:cli/stdin', 'getStdin')();
    expect(dec(stdin.blockingRead(3n))).toBe('inp');
    expect(dec(stdin.read(100n))).toBe('ut');
    expect(payload(() => stdin.read(1n))).toEqual({ tag: 'closed' });
    const stdout = fn<() => OutputStream>('wasi:cli/stdout', 'getStdout')();
    expect(stdout.checkWrite()).toBeGreaterThan(0n);
    stdout.write(enc('hello '));
    stdout.blockingWriteAndFlush(enc('world'));
    expect(out).toEqual(['hello ', 'world']);
    expect(() => stdout.blockingWriteAndFlush(new Uint8Array(5000))).toThrow(/at most 4096/);
    expect(fn('wasi:cli/terminal-stdout', 'getTerminalStdout')()).toBeUndefined();
  });

  it('exit throws ComponentExit: ok → 0, err → 1, exit-with-code keeps its code', () => {
    const a = host();
    expect(() => a.fn('wasi:cli/exit', 'exit')({ tag: 'err', val: undefined } as never)).toThrow(ComponentExit);
    expect(a.h.exitCode()).toBe(1);
    const b = host();
    try {
      b.fn('wasi:cli/exit', 'exit')({ tag: 'ok', val: undefined } as never);
    } catch (e) {
      expect(e).toBeInstanceOf(ComponentExit);
      expect((e as ComponentExit).code).toBe(0);
    }
    expect(b.h.exitCode()).toBe(0);
    const c = host();
    expect(() => c.fn('wasi:cli/exit', 'exitWithCode')(42 as never)).toThrow(ComponentExit);
    expect(c.h.exitCode()).toBe(42);
  });
});

describe('clocks, random, poll', () => {
  it('is the same twice in deterministic mode', () => {
    const read = () => {
      const { fn } = host();
      return [fn('wasi:clocks/wall-clock', 'now')(), fn('wasi:clocks/monotonic-clock', 'now')(), fn('wasi:random/random', 'getRandomBytes')(16n as never), fn('wasi:random/insecure-seed', 'insecureSeed')()];
    };
    const a = read();
    expect(a).toEqual(read());
    expect(a[0]).toMatchObject({ seconds: 1704067200n });
    expect((a[2] as Uint8Array).length).toBe(16);
    const other = host({ random: seededRandom(8) }).fn('wasi:random/random', 'getRandomBytes')(16n as never);
    expect(other).not.toEqual(a[2]);
  });

  it('poll returns ready indices, sleeping on the clock until the earliest deadline', () => {
    const clock = deterministicClock();
    const { fn } = host({ clock });
    const sub = fn<(d: bigint) => Pollable>('wasi:clocks/monotonic-clock', 'subscribeDuration');
    const poll = fn<(l: Pollable[]) => Uint32Array>('wasi:io/poll', 'poll');
    const later = sub(1_000_000_000n);
    const sooner = sub(50_000_000n);
    const before = clock.monotonic();
    expect([...poll([later, sooner])]).toEqual([1]);
    expect(clock.monotonic() - before).toBeGreaterThanOrEqual(50_000_000n);
    expect(later.ready()).toBe(false);
    const stdin = fn<() => InputStream>('wasi:cli/stdin', 'getStdin')();
    expect([...poll([later, stdin.subscribe()])]).toEqual([1]); // streams are always ready
    later.block();
    expect(later.ready()).toBe(true);
    expect(() => poll([])).toThrow(/empty list/);
  });
});

describe('wasi:filesystem', () => {
  it('opens, writes, reads, stats and lists under a preopen', () => {
    const { dir, name, root, changes } = fsHost();
    expect(name).toBe('/data');
    expect(dir.getType()).toBe('directory');
    const f = dir.openAt(NOFOLLOW, 'a.txt', CREATE, RW);
    expect(f.write(enc('hello'), 0n)).toBe(5n);
    const s = f.writeViaStream(5n);
    s.blockingWriteAndFlush(enc(' world'));
    expect(f.read(100n, 0n)).toEqual([enc('hello world'), false]);
    expect(f.read(10n, 11n)).toEqual([new Uint8Array(0), true]);
    const stream = f.readViaStream(6n);
    expect(dec(stream.blockingRead(100n))).toBe('world');
    expect(payload(() => stream.read(1n))).toEqual({ tag: 'closed' });
    expect(f.stat()).toMatchObject({ type: 'regular-file', size: 11n, linkCount: 1n });
    expect(dir.statAt(NOFOLLOW, 'a.txt').size).toBe(11n);
    dir.createDirectoryAt('sub');
    const entries = dir.readDirectory();
    expect([entries.readDirectoryEntry(), entries.readDirectoryEntry(), entries.readDirectoryEntry()]).toEqual([
      { type: 'regular-file', name: 'a.txt' },
      { type: 'directory', name: 'sub' },
      undefined,
    ]);
    expect(changes.flat().some((c) => c.op === 'write')).toBe(false); // still open for writing
    (f as unknown as Record<symbol, () => void>)[Symbol.dispose ?? Symbol.for('dispose')]!();
    expect(changes.flat()).toContainEqual({ op: 'write', mount: '/data', path: 'a.txt', data: enc('hello world'), mtime: expect.any(Number) });
    expect(dir.metadataHashAt(NOFOLLOW, 'a.txt')).toEqual(f.metadataHash());
    expect(root.get('a.txt')).toBeDefined();
  });

  it('maps VFS errors to wasi:filesystem error codes', () => {
    const { dir } = fsHost([
      { path: 'f', kind: 'file', data: enc('x'), mtime: 0 },
      { path: 'd/inner', kind: 'file', data: enc('y'), mtime: 0 },
      { path: 'ln', kind: 'symlink', target: 'f', mtime: 0 },
    ]);
    expect(payload(() => dir.openAt(NOFOLLOW, 'missing', {}, { read: true }))).toBe('no-entry');
    expect(payload(() => dir.openAt(NOFOLLOW, 'f', { create: true, exclusive: true }, RW))).toBe('exist');
    expect(payload(() => dir.openAt(NOFOLLOW, 'f', { directory: true }, { read: true }))).toBe('not-directory');
    expect(payload(() => dir.openAt(NOFOLLOW, 'd', {}, RW))).toBe('is-directory');
    expect(payload(() => dir.openAt(NOFOLLOW, 'ln', {}, { read: true }))).toBe('loop');
    expect(dir.openAt({ symlinkFollow: true }, 'ln', {}, { read: true }).read(1n, 0n)[0]).toEqual(enc('x'));
    expect(payload(() => dir.removeDirectoryAt('d'))).toBe('not-empty');
    expect(payload(() => dir.unlinkFileAt('d'))).toBe('is-directory');
    expect(payload(() => dir.createDirectoryAt('f'))).toBe('exist');
    expect(payload(() => dir.statAt(NOFOLLOW, 'f/'))).toBe('not-directory');
    expect(payload(() => dir.openAt(NOFOLLOW, 'x'.repeat(300), CREATE, RW))).toBe('name-too-long');
    expect(payload(() => dir.openAt(NOFOLLOW, 'a\0b', CREATE, RW))).toBe('invalid');
    expect(payload(() => dir.readlinkAt('f'))).toBe('invalid');
    expect(dir.readlinkAt('ln')).toBe('f');
    const file = dir.openAt(NOFOLLOW, 'f', {}, { read: true });
    expect(payload(() => file.write(enc('no'), 0n))).toBe('bad-descriptor');
    expect(payload(() => file.openAt(NOFOLLOW, 'x', {}, {}))).toBe('not-directory');
    expect(payload(() => dir.read(1n, 0n))).toBe('is-directory');
    expect(payload(() => dir.openAt(NOFOLLOW, 'f', {}, { read: true }).read(1n, -1n))).toBe('invalid');
  });

  it('refuses paths out of the descriptor with not-permitted and reports the guest path', () => {
    const { dir, blocked } = fsHost();
    expect(payload(() => dir.openAt(NOFOLLOW, '../etc/passwd', {}, { read: true }))).toBe('not-permitted');
    expect(payload(() => dir.openAt(NOFOLLOW, '/etc/passwd', {}, { read: true }))).toBe('not-permitted');
    expect(blocked.map((b) => b.target)).toEqual(['/etc/passwd']);
    expect(blocked[0]).toMatchObject({ capability: 'filesystem', detail: expect.stringContaining('open-at /etc/passwd') });
  });

  it('refuses changes on a read-only mount with not-permitted and reports them; reads work', () => {
    const { dir, blocked, root } = fsHost([{ path: 'keep.txt', kind: 'file', data: enc('kept'), mtime: 0 }], true);
    expect(dir.getFlags()).toEqual({ read: true, mutateDirectory: false });
    expect(payload(() => dir.openAt(NOFOLLOW, 'keep.txt', {}, RW))).toBe('not-permitted');
    expect(payload(() => dir.openAt(NOFOLLOW, 'new.txt', CREATE, RW))).toBe('not-permitted');
    expect(payload(() => dir.createDirectoryAt('x'))).toBe('not-permitted');
    expect(payload(() => dir.unlinkFileAt('keep.txt'))).toBe('not-permitted');
    expect(payload(() => dir.renameAt('keep.txt', dir, 'moved.txt'))).toBe('not-permitted');
    expect(blocked.map((b) => b.detail)).toContain('open-at /data/keep.txt: /data is mounted read-only');
    expect(dir.openAt(NOFOLLOW, 'keep.txt', {}, { read: true }).read(10n, 0n)[0]).toEqual(enc('kept'));
    expect(root.get('moved.txt')).toBeUndefined();
  });

  it('reports a stream write past the quota as last-operation-failed with insufficient-space', () => {
    const root = fromSnapshot([], { maxBytes: 10 });
    const quota: unknown[] = [];
    const t = host({ preopens: [{ guestPath: '/q', root, readOnly: false }], onQuota: (e) => quota.push(e) });
    const [[dir]] = t.fn<() => [Descriptor, string][]>('wasi:filesystem/preopens', 'getDirectories')() as [[Descriptor, string]];
    const s = dir.openAt(NOFOLLOW, 'big', CREATE, RW).writeViaStream(0n);
    const err = payload(() => s.write(new Uint8Array(100))) as { tag: string; val: IoError };
    expect(err.tag).toBe('last-operation-failed');
    expect(t.fn<(e: IoError) => unknown>('wasi:filesystem/types', 'filesystemErrorCode')(err.val)).toBe('insufficient-space');
    expect(quota).toEqual([{ mount: '/q', usedBytes: 0, maxBytes: 10, requestedBytes: 100 }]);
  });

  it('renames, links and removes, journaling each change', () => {
    const { dir, changes } = fsHost([{ path: 'a', kind: 'file', data: enc('A'), mtime: 0 }]);
    dir.createDirectoryAt('d');
    const d = dir.openAt(NOFOLLOW, 'd', { directory: true }, { read: true, mutateDirectory: true });
    dir.renameAt('a', d, 'b');
    d.symlinkAt('b', 'c');
    d.unlinkFileAt('c');
    d.linkAt(NOFOLLOW, 'b', dir, 'hard');
    d.unlinkFileAt('b');
    expect(dir.openAt(NOFOLLOW, 'hard', {}, { read: true }).read(5n, 0n)[0]).toEqual(enc('A'));
    expect(changes.flat()).toEqual([
      { op: 'mkdir', mount: '/data', path: 'd' },
      { op: 'rename', mount: '/data', from: 'a', to: 'd/b' },
      { op: 'symlink', mount: '/data', path: 'd/c', target: 'b' },
      { op: 'unlink', mount: '/data', path: 'd/c' },
      // Storage has no hard links: the linked file is saved again under each name.
      { op: 'write', mount: '/data', path: 'd/b', data: enc('A'), mtime: expect.any(Number) },
      { op: 'write', mount: '/data', path: 'hard', data: enc('A'), mtime: expect.any(Number) },
      { op: 'unlink', mount: '/data', path: 'd/b' },
    ]);
  });
});

describe('wasi:sockets', () => {
  it('fails socket creation with access-denied and reports it once', () => {
    const { fn, blocked } = host();
    expect(payload(() => fn('wasi:sockets/tcp-create-socket', 'createTcpSocket')('ipv4' as never))).toBe('access-denied');
    expect(payload(() => fn('wasi:sockets/tcp-create-socket', 'createTcpSocket')('ipv4' as never))).toBe('access-denied');
    expect(payload(() => fn('wasi:sockets/ip-name-lookup', 'resolveAddresses')())).toBe('access-denied');
    expect(blocked).toEqual([
      { capability: 'sockets', target: 'create-tcp-socket', detail: 'create-tcp-socket: sockets are not offered to guests' },
      { capability: 'sockets', target: 'resolve-addresses', detail: 'resolve-addresses: sockets are not offered to guests' },
    ]);
  });
});

describe('wasi:http/outgoing-handler', () => {
  function httpHost(http: HttpOptions) {
    const t = host({ http });
    const types = t.imp['wasi:http/types'] as {
      Fields: typeof Fields;
      OutgoingRequest: typeof OutgoingRequest;
      OutgoingBody: typeof OutgoingBody;
    };
    const handle = t.fn<(r: OutgoingRequest) => FutureIncomingResponse>('wasi:http/outgoing-handler', 'handle');
    const request = (authority: string, method: { tag: string; val?: string } = { tag: 'get' }) => {
      const headers = types.Fields.fromList([['accept', enc('text/plain')]]);
      const req = new types.OutgoingRequest(headers);
      req.setMethod(method as never);
      req.setScheme({ tag: 'HTTPS' });
      req.setAuthority(authority);
      req.setPathWithQuery('/v1?q=1');
      return req;
    };
    return { ...t, types, handle, request };
  }

  it('sends an allowed request (body written after handle) and reads the response', () => {
    const sent: unknown[] = [];
    const t = httpHost({
      hosts: ['api.example.com'],
      send: (req) => (sent.push(req), { ok: true, status: 201, headers: { 'content-type': 'text/plain' }, body: enc('created') }),
    });
    const req = t.request('api.example.com', { tag: 'post' });
    const body = req.body();
    const future = t.handle(req);
    body.write().blockingWriteAndFlush(enc('payload'));
    t.types.OutgoingBody.finish(body);
    expect(sent).toEqual([]); // nothing sent until the guest looks at the response
    expect(future.subscribe().ready()).toBe(true);
    const got = future.get() as { tag: 'ok'; val: { tag: 'ok'; val: IncomingResponse } };
    expect(sent).toEqual([{ url: 'https://api.example.com/v1?q=1', method: 'POST', headers: { accept: 'text/plain' }, body: enc('payload') }]);
    const res = got.val.val;
    expect(res.status()).toBe(201);
    expect(res.headers().get('Content-Type')).toEqual([enc('text/plain')]);
    expect(dec(res.consume().stream().blockingRead(100n))).toBe('created');
    expect(future.get()).toEqual({ tag: 'err', val: undefined }); // taken once
    expect(t.blocked).toEqual([]);
  });

  it('denies a host outside the list at once with HTTP-request-denied, and reports it', () => {
    let sends = 0;
    const t = httpHost({ hosts: ['api.example.com'], send: () => (sends++, { ok: false, reason: 'network', message: 'x' }) });
    expect(payload(() => t.handle(t.request('evil.example.org')))).toEqual({ tag: 'HTTP-request-denied' });
    expect(sends).toBe(0);
    expect(t.blocked).toEqual([{ capability: 'network', target: 'evil.example.org', detail: 'HTTP request to https://evil.example.org/v1?q=1' }]);
    const none = httpHost({ hosts: [] });
    expect(payload(() => none.handle(none.request('api.example.com')))).toEqual({ tag: 'HTTP-request-denied' });
  });

  it('turns transport failures into error codes in the future, and checks headers', () => {
    const t = httpHost({ hosts: ['*'], send: () => ({ ok: false, reason: 'network', message: 'unreachable' }) });
    expect(t.handle(t.request('down.example.com')).get()).toEqual({ tag: 'ok', val: { tag: 'err', val: { tag: 'internal-error', val: 'unreachable' } } });
    expect(payload(() => t.handle(t.request('x.example.com', { tag: 'other', val: 'TRACE' })))).toEqual({ tag: 'HTTP-request-method-invalid' });
    expect(payload(() => t.types.Fields.fromList([['bad name', enc('v')]]))).toEqual({ tag: 'invalid-syntax' });
    expect(payload(() => t.types.Fields.fromList([['connection', enc('close')]]))).toEqual({ tag: 'forbidden' });
    expect(payload(() => t.request('a.example.com').headers().set('x', [enc('y')]))).toEqual({ tag: 'immutable' });
    const fresh = new t.types.Fields();
    fresh.append('x-a', enc('1'));
    fresh.append('X-A', enc('2'));
    expect(fresh.get('x-a')).toEqual([enc('1'), enc('2')]);
    expect(fresh.toRecord()).toEqual({ 'x-a': '1, 2' });
  });
});

describe('wasi:http with an asynchronous transport (JSPI)', () => {
  it('leaves the response pending: the pollable and poll wait for it, then get returns it', async () => {
    let finish: (r: { ok: true; status: number; headers: Record<string, string>; body: Uint8Array }) => void = () => {};
    const t = host({ http: { hosts: ['*'], sendAsync: () => new Promise((r) => (finish = r)) } });
    const types = t.imp['wasi:http/types'] as { Fields: typeof Fields; OutgoingRequest: typeof OutgoingRequest };
    const req = new types.OutgoingRequest(new types.Fields());
    req.setAuthority('example.com');
    const future = t.fn<(r: OutgoingRequest) => FutureIncomingResponse>('wasi:http/outgoing-handler', 'handle')(req);
    const pollable = future.subscribe();
    expect(pollable.ready()).toBe(false);
    expect(future.get()).toBeUndefined(); // not ready yet: none
    const polled = t.fn<(l: Pollable[]) => Uint32Array | Promise<Uint32Array>>('wasi:io/poll', 'poll')([pollable]);
    expect(polled).toBeInstanceOf(Promise);
    finish({ ok: true, status: 200, headers: {}, body: enc('late') });
    expect([...(await polled)]).toEqual([0]);
    const got = future.get() as { tag: 'ok'; val: { tag: 'ok'; val: IncomingResponse } };
    expect(dec(got.val.val.consume().stream().blockingRead(10n))).toBe('late');
  });

  it('names the imports to suspend, with the versions the component imports', () => {
    expect(jspiImports(['wasi:cli/environment@0.2.12', 'wasi:io/poll@0.2.12'])).toEqual(['wasi:io/poll@0.2.12#poll', 'wasi:io/poll@0.2.12#[method]pollable.block']);
  });
});

describe('wasi:http/incoming-handler objects', () => {
  it('builds the incoming request and reads the response the handler set', () => {
    const req = makeIncomingRequest({ method: 'POST', url: '/items?x=1', headers: [['content-type', 'application/json']], body: enc('{"a":1}') });
    expect(req.method()).toEqual({ tag: 'post' });
    expect(req.pathWithQuery()).toBe('/items?x=1');
    expect(req.authority()).toBe('localhost');
    expect(req.scheme()).toEqual({ tag: 'HTTP' });
    expect(req.headers().get('content-type')).toEqual([enc('application/json')]);
    expect(dec(req.consume().stream().blockingRead(100n))).toBe('{"a":1}');
    expect(payload(() => req.consume())).toBeUndefined();

    const { imp } = host();
    const types = imp['wasi:http/types'] as { Fields: typeof Fields; OutgoingResponse: typeof OutgoingResponse; ResponseOutparam: typeof ResponseOutparam; OutgoingBody: typeof OutgoingBody };
    const { outparam, response } = makeResponseOutparam();
    expect(response()).toEqual({ error: expect.stringContaining('never called') });
    const res = new types.OutgoingResponse(types.Fields.fromList([['content-type', enc('text/plain')]]));
    res.setStatusCode(404);
    const body = res.body();
    body.write().write(enc('not here'));
    types.OutgoingBody.finish(body);
    types.ResponseOutparam.set(outparam, { tag: 'ok', val: res });
    expect(response()).toEqual({ status: 404, headers: [['content-type', 'text/plain']], body: enc('not here') });

    const failed = makeResponseOutparam();
    types.ResponseOutparam.set(failed.outparam, { tag: 'err', val: { tag: 'internal-error', val: 'boom' } });
    expect(failed.response()).toEqual({ error: 'The handler answered with the error {"tag":"internal-error","val":"boom"}.' });
    expect(() => makeIncomingRequest({ method: 'GET', url: 'http://[bad', headers: [], body: new Uint8Array() })).toThrow(/not a valid URL/);
  });
});
