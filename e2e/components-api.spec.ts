/**
 * Components through the automation API (issue 9): `func` as `interface#function`, WIT values in
 * and out (JSON mapping, BigInt for 64-bit), err results, traps, kept instances.
 * Fixtures: e2e/fixtures/components (built from WAT + WIT by its build.mjs).
 */
import { expect, test } from './support/playground';
import { CORS_ORIGIN, fixtureUrl } from './support/urls';

test.beforeEach(({ playground }) => {
  void playground;
});

test('adder: add(3, 4) = 7, u32 wraps, the version may be left out', async ({ page }) => {
  const result = await page.evaluate(async (url) => {
    const api = window.wasmPlayground;
    const mod = await api.load(url);
    const a = await api.run({ module: mod.id, func: 'docs:adder/add@0.1.0#add', args: [3, 4] });
    const wrap = await api.run({ module: mod.id, func: 'docs:adder/add#add', args: [4294967295, 2] });
    const bad = await api.run({ module: mod.id, func: 'docs:adder/add#add', args: [-1, 2] });
    return { kind: mod.analysis.kind, a: [a.status, a.value, a.error?.message], wrap: wrap.value, bad: bad.error?.message };
  }, fixtureUrl('components/adder.wasm'));
  expect(result.kind).toBe('component');
  expect(result.a).toEqual(['ok', 7, undefined]);
  expect(result.wrap).toBe(1);
  expect(result.bad).toMatch(/args\[0\]/);
});

test('types: records, variants, enums, flags, options, u64 as BigInt, an err result with its payload', async ({ page }) => {
  const r = await page.evaluate(async (url) => {
    const api = window.wasmPlayground;
    const mod = await api.load(url);
    const call = (fn: string, args: unknown[]) => api.run({ module: mod.id, func: `test:types/shapes#${fn}`, args: args as never });
    const greet = await call('greet', [{ 'full-name': 'Zoë 李', age: 30, tags: ['a'] }]);
    const young = await call('check-age', [{ 'full-name': 'Kim', age: 12, tags: [] }]);
    const adult = await call('check-age', [{ 'full-name': 'Kim', age: 40, tags: [] }]);
    const area = await call('area', [{ tag: 'rect', val: [3, 4.5] }]);
    const color = await call('next-color', ['blue']);
    const flags = await call('toggle', [['write']]);
    const double = await call('maybe-double', [21n]);
    const none = await call('maybe-double', [null]);
    const big = await call('big', [18446744073709551615n]);
    const badField = await call('greet', [{ 'full-name': 'Kim', age: 'old', tags: [] }]);
    const text = (x: typeof greet) => (x.output ? new TextDecoder().decode(x.output.bytes) : null);
    return {
      greet: [greet.status, greet.value, text(greet), greet.output?.mime],
      young: [young.status, young.error?.code, young.error?.message, young.error?.payload],
      adult: adult.value,
      area: area.value,
      color: color.value,
      flags: flags.value,
      double: [typeof double.value, String(double.value)],
      none: none.value,
      big: String(big.value),
      badField: badField.error?.message,
    };
  }, fixtureUrl('components/types.wasm'));
  expect(r.greet).toEqual(['ok', 'Hello, Zoë 李 (30)', 'Hello, Zoë 李 (30)', 'text/plain']);
  expect(r.young[0]).toBe('error');
  expect(r.young[1]).toBe('err');
  expect(r.young[2]).toContain('too young: 12');
  expect(r.young[3]).toEqual({ tag: 'err', val: 'too young: 12' });
  expect(r.adult).toEqual({ tag: 'ok', val: 40 });
  expect(r.area).toBe(13.5);
  expect(r.color).toBe('red');
  expect(r.flags).toEqual(['read', 'write']);
  expect(r.double).toEqual(['bigint', '42']);
  expect(r.none).toBeNull();
  expect(r.big).toBe('0');
  expect(r.badField).toMatch(/args\[0\]\.age: expected an integer \(u8\), got "old"/);
});

test('reactor: state is kept between calls, a fresh instance and a reset start empty; resources by handle; stubs logged', async ({ page }) => {
  const r = await page.evaluate(async (url) => {
    const api = window.wasmPlayground;
    const mod = await api.load(url);
    const run = (func: string, args: unknown[] = [], extra = {}) => api.run({ module: mod.id, func, args: args as never, imports: 'stub', ...extra });
    await run('test:strings/store#add-strings', [['a', 'Zoë 李']]);
    const count = await run('test:strings/store#add-strings', [['c']]);
    const kept = await run('test:strings/store#get-strings');
    const fresh = await run('test:strings/store#get-strings', [], { freshInstance: true });
    const stillKept = await run('test:strings/store#get-strings');
    const reset = await run('test:strings/store#get-strings', [], { resetInstance: true });
    const made = await run('test:strings/counters#[constructor]counter', [5]);
    const handle = made.value as { resource: string; handle: number };
    const inc1 = await run('test:strings/counters#counter.increment', [handle]);
    const inc2 = await run('test:strings/counters#[method]counter.increment', [handle]);
    const stale = await run('test:strings/counters#counter.get', [{ resource: 'counter', handle: 99 }]);
    const shout = await run('shout', ['hi']);
    const unstubbed = await api.run({ module: mod.id, func: 'shout', args: ['hi'] });
    return {
      count: count.value ?? count.error?.message,
      kept: kept.value,
      fresh: fresh.value,
      stillKept: stillKept.value,
      reset: reset.value,
      handle,
      incs: [inc1.value, inc2.value],
      stale: stale.error?.message,
      shout: [shout.value, shout.console.filter((l) => l.stream === 'stub').map((l) => l.text)],
      unstubbed: [unstubbed.error?.code, unstubbed.error?.message],
    };
  }, fixtureUrl('components/reactor.wasm'));
  expect(r.count).toBe(3);
  expect(r.kept).toEqual(['a', 'Zoë 李', 'c']);
  expect(r.fresh).toEqual([]);
  expect(r.stillKept).toEqual(['a', 'Zoë 李', 'c']);
  expect(r.reset).toEqual([]);
  expect(r.handle).toMatchObject({ resource: 'counter' });
  expect(r.incs).toEqual([6, 7]);
  expect(r.stale).toMatch(/handle 99/);
  expect(r.shout[0]).toBe('HI');
  expect(r.shout[1]).toEqual([expect.stringMatching(/prefix\(\) → ""/), expect.stringMatching(/lookup\(2\) → none/), expect.stringMatching(/log\("HI"\)/)]);
  expect(r.unstubbed[0]).toBe('link');
  expect(r.unstubbed[1]).toMatch(/test:strings\/imports@0\.1\.0#log\(msg: string\)/);
});

test('bad components: a pre-standard version and a truncated one get specific load errors', async ({ page }) => {
  const r = await page.evaluate(async (urls) => {
    const api = window.wasmPlayground;
    const out: string[] = [];
    for (const url of urls) {
      try {
        await api.load(url);
        out.push('loaded');
      } catch (err) {
        out.push(err instanceof Error ? err.message : String(err));
      }
    }
    return out;
  }, [fixtureUrl('components/legacy.wasm'), fixtureUrl('components/truncated.wasm')]);
  expect(r[0]).toMatch(/0x0c|0x1000c/);
  expect(r[0]).toMatch(/rebuil/i);
  expect(r[1]).toMatch(/offset/);
});

test('a trap names the function and poisons the instance; the next run gets a fresh one. A looping component times out and the next run starts at once', async ({ page }) => {
  const r = await page.evaluate(
    async ([trapUrl, loopUrl]) => {
      const api = window.wasmPlayground;
      const trap = await api.load(trapUrl!);
      const boom = await api.run({ module: trap.id, func: 'test:trap/boom#boom' });
      const after = await api.run({ module: trap.id, func: 'test:trap/boom#ok' });
      const loop = await api.load(loopUrl!);
      const spin = await api.run({ module: loop.id, func: 'test:loop/spin#spin', timeoutMs: 500 });
      const t0 = performance.now();
      const ping = await api.run({ module: loop.id, func: 'test:loop/spin#ping' });
      return { boom: [boom.status, boom.error?.code, boom.error?.message], after: [after.status, after.value], spin: [spin.status, spin.error?.code], ping: [ping.status, ping.value], pingMs: performance.now() - t0 };
    },
    [fixtureUrl('components/trap.wasm'), fixtureUrl('components/loop.wasm')],
  );
  expect(r.boom[0]).toBe('error');
  expect(r.boom[1]).toBe('trap');
  expect(r.boom[2]).toMatch(/Trap in test:trap\/boom#boom: wasm trap: .*unreachable.* instruction executed\. /);
  expect(r.boom[2]).toMatch(/poisoned this instance: the next run gets a fresh one/);
  expect(r.after).toEqual(['ok', 7]);
  expect(r.spin).toEqual(['stopped', 'timeout']);
  expect(r.ping).toEqual(['ok', 42]);
});

test('wasi:cli commands: argv, env, stdin, stdout/stderr, exit codes, files under a mount, sockets refused', async ({ page }) => {
  const r = await page.evaluate(
    async ([demoUrl, filesUrl, socketsUrl]) => {
      const api = window.wasmPlayground;
      const t = new TextDecoder();
      const text = (b?: Uint8Array) => (b ? t.decode(b) : null);
      const demo = await api.load(demoUrl!);
      const ok = await api.run({ module: demo.id, func: 'wasi:cli/run#run', argv: ['one', 'two words'], env: { GREETING: 'hej' }, input: 'shout this' });
      if (!ok.stdout) throw new Error('a command result carries stdout');
      const fail = await api.run({ module: demo.id, func: 'wasi:cli/run@0.2.12#run', argv: ['--fail'] });
      const files = await api.load(filesUrl!);
      const wrote = await api.run({ module: files.id, func: 'wasi:cli/run#run', argv: ['alpha'], files: { guestPath: '/data', entries: [{ path: 'log.txt', data: 'earlier\n' }] } });
      const noMount = await api.run({ module: files.id, func: 'wasi:cli/run#run' });
      const sockets = await api.load(socketsUrl!);
      const sock = await api.run({ module: sockets.id, func: 'wasi:cli/run#run' });
      return {
        ok: [ok.status, ok.exitCode, text(ok.stdout ?? ok.output?.bytes), text(ok.stderr)],
        console: ok.console.map((l) => l.stream),
        fail: [fail.status, fail.exitCode, text(fail.output?.bytes)],
        wrote: [wrote.status, wrote.exitCode, text(wrote.output?.bytes), wrote.fsChanges?.map((c) => ('path' in c ? c.path : c.to))],
        noMount: [noMount.exitCode, text(noMount.stderr)],
        sock: [sock.exitCode, text(sock.output?.bytes)],
        sockBlocked: sock.console.filter((l) => l.stream === 'blocked').map((l) => l.text),
      };
    },
    [fixtureUrl('components/cli-demo.wasm'), fixtureUrl('components/cli-files.wasm'), fixtureUrl('components/cli-sockets.wasm')],
  );
  expect(r.ok[0]).toBe('ok');
  expect(r.ok[1]).toBe(0);
  expect(r.ok[2]).toContain('arg[1]: one');
  expect(r.ok[2]).toContain('arg[2]: two words');
  expect(r.ok[2]).toContain('GREETING=hej');
  expect(r.ok[2]).toContain('SHOUT THIS');
  expect(r.ok[3]).toContain('cli-demo: a line on stderr');
  expect(r.console).toContain('stdout');
  expect(r.console).toContain('stderr');
  expect(r.fail[1]).toBe(3);
  expect(r.fail[2]).toContain('failing with exit code 3');
  expect(r.wrote[0]).toBe('ok');
  expect(r.wrote[1]).toBe(0);
  expect(r.wrote[2]).toContain('written by a component');
  expect(r.wrote[2]).toContain('alpha');
  expect(r.wrote[3]).toEqual(expect.arrayContaining(['out.txt', 'log.txt']));
  expect(r.noMount[0]).toBe(1);
  expect(r.noMount[1]).toMatch(/cli-files: open \/data\/out\.txt/);
  expect(r.sock[0]).toBe(1);
  expect(r.sock[1]).toContain('error-code access-denied');
  expect(r.sockBlocked.length).toBeGreaterThan(0);
});

test('a proxy component answers a request: status, headers and body; 404 for /missing', async ({ page }) => {
  const r = await page.evaluate(async (url) => {
    const api = window.wasmPlayground;
    const mod = await api.load(url);
    const func = 'wasi:http/incoming-handler#handle';
    const post = await api.run({ module: mod.id, func, request: { method: 'POST', url: '/hello?x=1', headers: [['x-test', 'yes']], body: 'hi there' } });
    const missing = await api.run({ module: mod.id, func, request: { url: '/missing?y=2' } });
    const noRequest = await api.run({ module: mod.id, func });
    const t = new TextDecoder();
    return {
      post: [post.status, post.response?.status, post.response?.headers, post.response ? t.decode(post.response.body) : null, post.output?.mime],
      missing: [missing.response?.status, missing.response ? t.decode(missing.response.body) : null],
      noRequest: noRequest.error?.message,
    };
  }, fixtureUrl('components/proxy.wasm'));
  expect(r.post[0]).toBe('ok');
  expect(r.post[1]).toBe(200);
  expect(r.post[2]).toContainEqual(['content-type', 'application/json']);
  expect(JSON.parse(r.post[3] as string)).toEqual({ method: 'POST', path: '/hello?x=1', body: 'hi there', header: 'yes' });
  expect(r.post[4]).toBe('application/json');
  expect(r.missing).toEqual([404, 'not found']);
  expect(r.noRequest).toMatch(/needs a request/);
});

test('wasi:http outgoing: an allowed host answers; a host not allowed gets HTTP-request-denied and a blocked line, without hanging', async ({ page }) => {
  const target = `${CORS_ORIGIN}/health`;
  const host = new URL(CORS_ORIGIN).host;
  const r = await page.evaluate(
    async ([url, target, host]) => {
      const api = window.wasmPlayground;
      const mod = await api.load(url!);
      const t = new TextDecoder();
      const allowed = await api.run({ module: mod.id, func: 'wasi:cli/run#run', argv: [target!], allowedHosts: [host!] });
      const denied = await api.run({ module: mod.id, func: 'wasi:cli/run#run', argv: [target!] });
      return {
        allowed: [allowed.status, allowed.exitCode, allowed.output ? t.decode(allowed.output.bytes) : null, allowed.stderr ? t.decode(allowed.stderr) : null, allowed.console.map((l) => l.stream + ": " + l.text)],
        denied: [denied.exitCode, denied.stderr ? t.decode(denied.stderr) : null, denied.console.filter((l) => l.stream === 'blocked').map((l) => [l.capability, l.target])],
      };
    },
    [fixtureUrl('components/http-get.wasm'), target, host],
  );
  expect(r.allowed.slice(0, 3)).toEqual(['ok', 0, expect.stringMatching(/^HTTP 200\n[\s\S]*ok/)]);
  expect(r.allowed[4]).toEqual(['stdout: HTTP 200', 'stdout: ok']);
  expect(r.denied[0]).toBe(1);
  expect(r.denied[1]).toContain('error: HTTP-request-denied');
  expect(r.denied[2]).toEqual([['network', host]]);
});

test('unsupported features are named plainly: an async function, stream and future parameters', async ({ page }) => {
  const r = await page.evaluate(
    async ([asyncUrl, streamsUrl]) => {
      const api = window.wasmPlayground;
      const a = await api.load(asyncUrl!);
      const s = await api.load(streamsUrl!);
      const world = (m: typeof a) => (m.analysis.format === 'component' ? m.analysis.world : null);
      const first = (m: typeof a) => {
        const w = world(m);
        const item = w?.exports.find((e) => e.kind === 'interface');
        return item?.kind === 'interface' ? `${item.iface.name}#${item.iface.functions[0]!.binaryName}` : '';
      };
      const ra = await api.run({ module: a.id, func: first(a), args: [41] });
      const rs = await api.run({ module: s.id, func: first(s), args: [] });
      return { unsupported: [world(a)?.unsupported, world(s)?.unsupported], a: [ra.error?.code, ra.error?.message], s: [rs.error?.code, rs.error?.message] };
    },
    [fixtureUrl('components/async.wasm'), fixtureUrl('components/streams.wasm')],
  );
  expect(r.unsupported[0]).toEqual(expect.arrayContaining([expect.stringMatching(/async functions/)]));
  expect(r.unsupported[1]).toEqual(expect.arrayContaining([expect.stringMatching(/stream and future types/)]));
  expect(r.a[0]).toBe('unsupported');
  expect(r.a[1]).toMatch(/async function/i);
  expect(r.s[0]).toBe('unsupported');
  expect(r.s[1]).toMatch(/stream|future/);
});
