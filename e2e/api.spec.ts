/**
 * The automation API (issue 2 item 9; DESIGN.md §9): `window.wasmPlayground.load` and `.run`,
 * the same engine the UI uses.
 */
import { expect, test } from './support/playground';
import { fixtureUrl, NO_CORS_ORIGIN } from './support/urls';

// Every test opens the app (the fixture navigates and watches for uncaught page errors).
test.beforeEach(({ playground }) => {
  void playground;
});

test('load by URL, then run add and add64 with BigInt', async ({ playground, page }) => {
  const result = await page.evaluate(async (url) => {
    const api = window.wasmPlayground;
    const loaded = await api.load(url);
    const add = await api.run({ module: loaded.id, func: 'add', args: [2, 3] });
    const add64 = await api.run({ module: loaded.id, func: 'add64', args: [9007199254740993n, 1n] });
    return {
      version: api.version,
      id: loaded.id,
      name: loaded.name,
      size: loaded.size,
      kind: loaded.analysis.kind,
      exports: loaded.analysis.format === 'core' ? loaded.analysis.exports.map((e) => e.name) : [],
      compileMs: loaded.compileMs,
      add: { status: add.status, values: add.values, timings: add.timings, wallMs: add.wallMs },
      add64: { status: add64.status, types: add64.values.map((v) => typeof v), text: add64.values.map(String) },
    };
  }, fixtureUrl('add.wasm'));

  expect(result.version).toBe(1);
  expect(result.id).toMatch(/^[0-9a-f]{64}$/);
  expect(result.name).toBe('add.wasm');
  expect(result.kind).toBe('core');
  expect(result.exports).toEqual(expect.arrayContaining(['add', 'add64', 'mul_f64', 'half_f32', 'swap', 'answer', 'noop', 'mem']));
  expect(result.compileMs).toBeGreaterThanOrEqual(0);
  expect(result.add.status).toBe('ok');
  expect(result.add.values).toEqual([5]);
  expect(result.add.timings).toEqual({ compileMs: expect.any(Number), instantiateMs: expect.any(Number), callMs: expect.any(Number) });
  expect(result.add.wallMs).toBeGreaterThan(0);
  expect(result.add64).toEqual({ status: 'ok', types: ['bigint'], text: ['9007199254740994'] });
  // The API does not touch the UI: nothing is shown as loaded.
  await expect(playground.functionPicker).toHaveCount(0);
});

test('load from bytes; the id is the SHA-256; multi-value, floats, string args', async ({ page }) => {
  const result = await page.evaluate(async (url) => {
    const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    const sha = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
    const api = window.wasmPlayground;
    const loaded = await api.load({ bytes, name: 'mine.wasm' });
    const swap = await api.run({ module: loaded.id, func: 'swap', args: [1, 2] });
    const mul = await api.run({ module: loaded.id, func: 'mul_f64', args: ['0.1', 3] });
    const half = await api.run({ module: { id: loaded.id }, func: 'half_f32', args: [3] });
    return { sameId: loaded.id === sha, name: loaded.name, size: loaded.size === bytes.length, swap: swap.values, mul: mul.values, half: half.values };
  }, fixtureUrl('add.wasm'));
  expect(result).toEqual({ sameId: true, name: 'mine.wasm', size: true, swap: [2, 1], mul: [0.30000000000000004], half: [1.5] });
});

test('run errors come back as status "error" with a message; bad args never reach the guest', async ({ page }) => {
  const result = await page.evaluate(async (url) => {
    const api = window.wasmPlayground;
    const { id } = await api.load(url);
    const trap = await api.run({ module: id, func: 'div_s', args: [1, 0] });
    const missing = await api.run({ module: id, func: 'nope' });
    const badArgs = await api.run({ module: id, func: 'div_s', args: [1] });
    const unsafe = await api.run({ module: id, func: 'div_s', args: ['x', 1] });
    const pick = (r: { status: string; error?: { code: string; message: string } }) => ({ status: r.status, code: r.error?.code, message: r.error?.message });
    return { trap: pick(trap), missing: pick(missing), badArgs: pick(badArgs), unsafe: pick(unsafe) };
  }, fixtureUrl('trap.wasm'));
  expect(result.trap).toEqual({ status: 'error', code: 'trap', message: 'Trap in div_s: divide by zero' });
  expect(result.missing).toMatchObject({ status: 'error', code: 'no-export', message: expect.stringContaining('div_s') });
  expect(result.badArgs).toMatchObject({ status: 'error', code: 'bad-args', message: expect.stringContaining('Expected 2 arguments') });
  expect(result.unsafe).toMatchObject({ status: 'error', code: 'bad-args', message: expect.stringContaining('Argument 1 (i32)') });
});

test('a run can be stopped by timeoutMs and by stop(); the next run works', async ({ page }) => {
  const result = await page.evaluate(async (url) => {
    const api = window.wasmPlayground;
    const { id } = await api.load(url);
    const timedOut = await api.run({ module: id, func: 'spin', timeoutMs: 300 });
    const running = api.run({ module: id, func: 'spin' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stopped = api.stop();
    const stoppedRun = await running;
    const after = await api.run({ module: id, func: 'spin_for', args: [1000] });
    return {
      timedOut: { status: timedOut.status, code: timedOut.error?.code, wallMs: timedOut.wallMs },
      stopped,
      stoppedRun: { status: stoppedRun.status, code: stoppedRun.error?.code },
      after: { status: after.status, values: after.values },
      idleStop: api.stop(),
    };
  }, fixtureUrl('loop.wasm'));
  expect(result.timedOut).toMatchObject({ status: 'stopped', code: 'timeout' });
  expect(result.timedOut.wallMs).toBeGreaterThanOrEqual(300);
  expect(result.stopped).toBe(true);
  expect(result.stoppedRun).toEqual({ status: 'stopped', code: 'stopped' });
  expect(result.after).toEqual({ status: 'ok', values: [1000] });
  expect(result.idleStop).toBe(false);
});

test('stubbed imports: console lines come back with the result', async ({ page }) => {
  const result = await page.evaluate(async (url) => {
    const api = window.wasmPlayground;
    const { id } = await api.load(url);
    const failed = await api.run({ module: id, func: 'run', args: [3] });
    const stubbed = await api.run({ module: id, func: 'run', args: [3], imports: 'stub' });
    return {
      failed: { status: failed.status, code: failed.error?.code },
      stubbed: { status: stubbed.status, values: stubbed.values, console: stubbed.console.map((l) => `${l.stream}: ${l.text}`) },
    };
  }, fixtureUrl('imports.wasm'));
  expect(result.failed).toEqual({ status: 'error', code: 'link' });
  expect(result.stubbed).toEqual({
    status: 'ok',
    values: [6],
    console: ['stub: env.log(3)', 'stub: env.log(4)', 'stub: env.now() → 0', 'stub: env.rand() → 0'],
  });
});

test('repeat runs the function many times inside the worker', async ({ page }) => {
  const result = await page.evaluate(async (url) => {
    const api = window.wasmPlayground;
    const { id } = await api.load(url);
    const r = await api.run({ module: id, func: 'add', args: [2, 3], repeat: 1000 });
    return { status: r.status, values: r.values, callMs: r.timings.callMs };
  }, fixtureUrl('add.wasm'));
  expect(result).toMatchObject({ status: 'ok', values: [5] });
  expect(result.callMs).toBeGreaterThanOrEqual(0);
});

test('load failures reject with a LoadFailure carrying the specific code', async ({ page }) => {
  const codes = await page.evaluate(
    async ({ missing, noCors }) => {
      const api = window.wasmPlayground;
      const attempt = async (source: Parameters<typeof api.load>[0]) => {
        try {
          await api.load(source);
          return 'loaded';
        } catch (err) {
          const e = err as Error & { loadError?: { code: string } };
          return `${e.name}:${e.loadError?.code}`;
        }
      };
      return {
        missing: await attempt(missing),
        cors: await attempt(noCors),
        empty: await attempt({ bytes: new Uint8Array(0), name: 'empty.wasm' }),
        notWasm: await attempt({ bytes: new TextEncoder().encode('<!doctype html><html></html>'), name: 'x.wasm' }),
        unknownId: await attempt({ id: '0'.repeat(64) }),
      };
    },
    { missing: fixtureUrl('no-such.wasm'), noCors: fixtureUrl('add.wasm', NO_CORS_ORIGIN) },
  );
  expect(codes).toEqual({
    missing: 'LoadFailure:not-found',
    cors: 'LoadFailure:cors',
    empty: 'LoadFailure:empty',
    notWasm: 'LoadFailure:not-wasm',
    unknownId: 'LoadFailure:not-found',
  });
});

test('the UI and the API share one engine: a module opened in the UI runs by its id', async ({ playground, page }) => {
  await playground.open('add.wasm');
  // The summary shows the start of the SHA-256 and the whole id in its title.
  const id = await page.getByLabel('Module', { exact: true }).locator('code[title]').getAttribute('title');
  expect(id).toMatch(/^[0-9a-f]{64}$/);
  const result = await page.evaluate((id) => window.wasmPlayground.run({ module: id, func: 'add', args: [20, 22] }), id ?? '');
  expect(result.status).toBe('ok');
  expect(result.values).toEqual([42]);
});

test('load({ bytes, transfer: true }) takes the buffer without a copy; a plain load leaves the caller its bytes', async ({ page }) => {
  const result = await page.evaluate(async (url) => {
    const api = window.wasmPlayground;
    const fetched = new Uint8Array(await (await fetch(url)).arrayBuffer());
    const kept = fetched.slice();
    const plain = await api.load({ bytes: kept, name: 'plain.wasm' });
    const given = fetched.slice();
    const handed = await api.load({ bytes: given, name: 'handed.wasm', transfer: true });
    const run = await api.run({ module: handed.id, func: 'add', args: [20, 22] });
    return { keptLength: kept.byteLength, givenLength: given.byteLength, same: plain.id === handed.id, size: handed.size, status: run.status, values: run.values, original: fetched.byteLength };
  }, fixtureUrl('add.wasm'));
  expect(result.keptLength).toBe(result.original);
  expect(result.givenLength, 'the handed-over buffer is detached').toBe(0);
  expect(result.same).toBe(true);
  expect(result.size).toBe(result.original);
  expect(result.status).toBe('ok');
  expect(result.values).toEqual([42]);
});
