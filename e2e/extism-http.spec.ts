/**
 * Plugin HTTP (issue 3; DESIGN.md §4): http_request reaches only allowed hosts. A blocked request
 * shows a "blocked" line with a one-click "Allow <host>"; both host paths (JSPI and synchronous
 * XHR in the worker, only sent when every host is allowed: see src/host/net.ts) return the body; a
 * server without CORS gives a message that says CORS. Redirects: extism-http-redirect.spec.ts.
 * The targets are the fixture server's other origins (ports 4180 with CORS, 4181 without).
 */
import { expect, test } from './support/playground';
import { Plugin } from './support/plugin';
import { CORS_ORIGIN, fixtureUrl, NO_CORS_ORIGIN } from './support/urls';

const TARGET = `${CORS_ORIGIN}/health`; // answers "ok"
const NO_CORS_TARGET = `${NO_CORS_ORIGIN}/health`;
const HOST = new URL(CORS_ORIGIN).host; // "localhost:4180"

test('blocked, then "Allow <host>" in the Console, then the body (JSPI, through the UI)', async ({ playground, page }) => {
  const plugin = new Plugin(playground);
  expect(await page.evaluate(() => typeof (WebAssembly as unknown as { Suspending?: unknown }).Suspending), 'this Chromium has JSPI').toBe('function');
  await plugin.open('extism/http.wasm');
  await expect(plugin.allowedHosts).toHaveValue('');
  // Which path reached the network: JSPI uses fetch(), the fallback synchronous XHR.
  const kinds: string[] = [];
  page.context().on('request', (r) => r.url() === TARGET && kinds.push(r.resourceType()));

  await plugin.call('http_get', TARGET);
  await playground.expectRunError(`HTTP request to ${HOST} is not allowed`);
  const blocked = playground.console.locator('[data-stream="blocked"]');
  await expect(blocked).toHaveCount(1);
  await expect(blocked.locator('.text')).toContainText(TARGET);
  const allow = blocked.getByRole('button', { name: `Allow ${HOST}`, exact: true });
  await allow.click();
  await expect(allow).toHaveCount(0);
  await expect(blocked).toContainText('allowed · run again');
  await expect(plugin.allowedHosts).toHaveValue(HOST);

  await playground.runButton.click();
  await plugin.expectOk();
  await expect(plugin.textLines).toHaveText(['ok']);
  await expect(plugin.consoleText('log')).toHaveText(['status: 200']);
  await expect(playground.console.locator('[data-stream="blocked"]')).toHaveCount(0);
  expect(kinds, 'the blocked request never reached the network; the allowed one went through fetch (JSPI)').toEqual(['fetch']);
});

test('the API gets the same body through synchronous XHR (httpMode "sync", only with "*") and through JSPI ("auto")', async ({ playground, page }) => {
  void playground; // opens the app
  const kinds: string[] = [];
  page.context().on('request', (r) => r.url() === TARGET && kinds.push(r.resourceType()));
  const result = await page.evaluate(
    async ({ module, target, host }) => {
      const api = window.wasmPlayground;
      const { id } = await api.load({ url: module });
      const decode = (r: Awaited<ReturnType<typeof api.run>>) => ({
        status: r.status,
        error: r.error?.message,
        body: r.output ? new TextDecoder().decode(r.output.bytes) : null,
        logs: r.console.filter((l) => l.stream === 'log').map((l) => l.text),
        blocked: r.console.filter((l) => l.stream === 'blocked').map((l) => l.target),
      });
      const base = { module: id, func: 'http_get', input: target, freshInstance: true };
      return {
        // Synchronous XHR follows redirects unseen, so it is only used when every host is allowed.
        sync: decode(await api.run({ ...base, allowedHosts: ['*'], httpMode: 'sync' })),
        auto: decode(await api.run({ ...base, allowedHosts: [host], httpMode: 'auto' })),
        syncListed: decode(await api.run({ ...base, allowedHosts: [host], httpMode: 'sync' })),
        syncBlocked: decode(await api.run({ ...base, httpMode: 'sync' })),
      };
    },
    { module: fixtureUrl('extism/http.wasm'), target: TARGET, host: HOST },
  );
  expect(result.sync).toEqual({ status: 'ok', error: undefined, body: 'ok', logs: ['status: 200'], blocked: [] });
  expect(result.auto).toEqual({ status: 'ok', error: undefined, body: 'ok', logs: ['status: 200'], blocked: [] });
  // Synchronous XHR for "sync", fetch (suspended through JSPI) for "auto"; nothing for the refused ones.
  expect(kinds).toEqual(['xhr', 'fetch']);
  expect(result.syncListed).toMatchObject({ status: 'error', error: expect.stringContaining(`HTTP request to ${HOST} was not sent: synchronous HTTP`), blocked: [''] });
  expect(result.syncBlocked).toMatchObject({ status: 'error', error: expect.stringContaining(`HTTP request to ${HOST} is not allowed`), blocked: [HOST] });
});

test('a server that does not send CORS headers: the message says CORS (JSPI in the UI, sync XHR in the API)', async ({ playground, page }) => {
  const plugin = new Plugin(playground);
  const noCorsHost = new URL(NO_CORS_ORIGIN).host;
  await plugin.open('extism/http.wasm');
  await plugin.allowedHosts.fill(noCorsHost);
  await plugin.call('http_get', NO_CORS_TARGET);
  await playground.expectRunError(/CORS/);
  await expect(playground.outputAlert).toContainText(noCorsHost);

  const sync = await page.evaluate(
    async ({ module, target }) => {
      const r = await window.wasmPlayground.run({ module: { url: module }, func: 'http_get', input: target, allowedHosts: ['*'], httpMode: 'sync' });
      return { status: r.status, message: r.error?.message ?? '' };
    },
    { module: fixtureUrl('extism/http.wasm'), target: NO_CORS_TARGET },
  );
  expect(sync.status).toBe('error');
  expect(sync.message).toMatch(/CORS/);
});
