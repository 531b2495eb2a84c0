/**
 * The embed API (DESIGN.md §9): a page on another origin embeds `/?embed=1` and drives it by
 * postMessage; nothing runs until the user allows that origin inside the iframe.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Locator, Page } from '@playwright/test';
import { expect, test } from './support/playground';
import { APP_URL, CORS_ORIGIN, fixtureUrl } from './support/urls';
import { WASI_TESTDATA } from './support/wasi';

const APP = `${APP_URL}/?embed=1`;
const HOST_PAGE = `${CORS_ORIGIN}/embed-host.html?app=${encodeURIComponent(APP)}`;

interface Response {
  type: string;
  id: string | null;
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string };
}

declare global {
  interface Window {
    host: { ready: Promise<boolean>; messages: unknown[]; request(message: unknown): Promise<Response> };
  }
}

async function openHost(page: Page) {
  await page.goto(HOST_PAGE);
  await page.evaluate(() => window.host.ready);
  const frame = page.frameLocator('iframe[title="Wasm Playground"]');
  const consent = frame.getByRole('alertdialog', { name: 'Allow embedding page' });
  return { frame, consent };
}

/** Start a request from the host page; resolve later with its response. */
function send(page: Page, message: Record<string, unknown>) {
  return page.evaluate((message) => window.host.request(message), message);
}

/** Post a message as is (ids the host page could not match), then wait `ms` and return the responses seen. */
async function postRaw(page: Page, messages: unknown[], ms = 500) {
  await page.evaluate(
    ({ messages, app }) => {
      const frame = document.querySelector<HTMLIFrameElement>('iframe[title="Wasm Playground"]')!;
      for (const m of messages) frame.contentWindow!.postMessage(m, new URL(app).origin);
    },
    { messages, app: APP },
  );
  await page.waitForTimeout(ms);
  return responses(page);
}

/** Every response the host page has received so far. */
function responses(page: Page): Promise<Response[]> {
  return page.evaluate(() => window.host.messages.filter((m) => (m as Response).type === 'wasmPlayground:response') as Response[]);
}

function appFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().startsWith(APP));
  if (!frame) throw new Error('the app frame is missing');
  return frame;
}

/** The origins the embedded app has stored as allowed (its persisted settings). */
function storedOrigins(frame: Frame): Promise<unknown> {
  return frame.evaluate(() => {
    const raw = localStorage.getItem('wasm-playground:settings');
    return raw ? (JSON.parse(raw) as { state?: { embedOrigins?: unknown } }).state?.embedOrigins ?? [] : [];
  });
}

/** Click Allow until the dialog goes (a person would click again, too). */
async function allow(consent: Locator): Promise<void> {
  await answer(consent, 'Allow');
}

/**
 * Click a consent button until the dialog goes. Right after the dialog appears, a click into the
 * embedded frame is now and then lost on a loaded machine (seen for Deny, which has no gate).
 */
async function answer(consent: Locator, name: 'Allow' | 'Deny'): Promise<void> {
  await expect(async () => {
    // An earlier click may have landed after its wait ran out: then there is nothing left to click.
    if (await consent.isVisible()) await consent.getByRole('button', { name }).click({ timeout: 3000 });
    await expect(consent).toBeHidden({ timeout: 3000 });
  }).toPass({ timeout: 20_000 });
}

test('the embedded app says it is ready, asks before running, and answers after Allow', async ({ page }) => {
  const { frame, consent } = await openHost(page);
  expect(await page.evaluate(() => window.host.messages)).toContainEqual({ type: 'wasmPlayground:ready' });

  const loading = send(page, { type: 'wasmPlayground:load', id: 'load-1', source: fixtureUrl('add.wasm') });
  await expect(consent).toBeVisible();
  await expect(consent).toContainText(CORS_ORIGIN);
  // Before Allow nothing has happened: no answer yet.
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.host.messages.filter((m) => (m as Response).type === 'wasmPlayground:response'))).toEqual([]);

  await allow(consent);
  const loaded = await loading;
  expect(loaded).toMatchObject({ type: 'wasmPlayground:response', id: 'load-1', ok: true, value: { name: 'add.wasm', analysis: { kind: 'core' } } });
  await expect(consent).toBeHidden();

  const id = (loaded.value as { id: string }).id;
  const add = await send(page, { type: 'wasmPlayground:run', id: 2, request: { module: id, func: 'add', args: [2, 3] } });
  expect(add).toMatchObject({ id: '2', ok: true, value: { status: 'ok', values: [5] } });

  // BigInt crosses postMessage intact.
  const add64 = await page.evaluate(async (id) => {
    const r = await window.host.request({ type: 'wasmPlayground:run', id: 3, request: { module: id, func: 'add64', args: [9007199254740993n, 1n] } });
    const values = (r.value as { values: unknown[] }).values;
    return values.map((v) => `${typeof v}:${String(v)}`);
  }, id);
  expect(add64).toEqual(['bigint:9007199254740994']);

  // Once allowed, the consent is not asked again.
  const again = await send(page, { type: 'wasmPlayground:run', id: 4, request: { module: id, func: 'answer' } });
  expect(again).toMatchObject({ ok: true, value: { values: [42] } });
  await expect(frame.getByRole('alertdialog')).toHaveCount(0);
});

test('Deny refuses every request from that origin', async ({ page }) => {
  const { consent } = await openHost(page);
  const loading = send(page, { type: 'wasmPlayground:load', id: 'a', source: fixtureUrl('add.wasm') });
  await answer(consent, 'Deny');
  expect(await loading).toMatchObject({ id: 'a', ok: false, error: { code: 'denied', message: expect.stringContaining(CORS_ORIGIN) } });
  const run = await send(page, { type: 'wasmPlayground:run', id: 'b', request: { module: fixtureUrl('add.wasm'), func: 'add', args: [1, 2] } });
  expect(run).toMatchObject({ id: 'b', ok: false, error: { code: 'denied' } });
  await expect(consent).toBeHidden();
});

test('stop ends a runaway run started by the host page', async ({ page }) => {
  const { consent } = await openHost(page);
  const loading = send(page, { type: 'wasmPlayground:load', id: 'l', source: fixtureUrl('loop.wasm') });
  await allow(consent);
  const { value } = await loading;
  const id = (value as { id: string }).id;
  const running = send(page, { type: 'wasmPlayground:run', id: 'spin', request: { module: id, func: 'spin' } });
  await page.waitForTimeout(300);
  expect(await send(page, { type: 'wasmPlayground:stop', id: 'stop' })).toMatchObject({ ok: true, value: true });
  expect(await running).toMatchObject({ id: 'spin', ok: true, value: { status: 'stopped', error: { code: 'stopped' } } });
  const after = await send(page, { type: 'wasmPlayground:run', id: 'next', request: { module: id, func: 'spin_for', args: [7] } });
  expect(after).toMatchObject({ ok: true, value: { status: 'ok', values: [7] } });
});

test('bad requests are answered with a reason, load errors with their code', async ({ page }) => {
  const { consent } = await openHost(page);
  const bad = await send(page, { type: 'wasmPlayground:run', id: 'x', request: { module: 'm', func: 'f', args: 5 } });
  expect(bad).toMatchObject({ id: 'x', ok: false, error: { code: 'bad-request', message: expect.stringContaining('args') } });
  const missing = send(page, { type: 'wasmPlayground:load', id: 'y', source: fixtureUrl('no-such.wasm') });
  await allow(consent);
  expect(await missing).toMatchObject({ id: 'y', ok: false, error: { code: 'not-found' } });
});

test('the app page itself (not embedded) shows no consent dialog and ignores stray messages', async ({ playground, page }) => {
  await page.evaluate(() => window.postMessage({ type: 'wasmPlayground:load', id: 1, source: 'https://example.com/add.wasm' }, '*'));
  await page.waitForTimeout(200);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(playground.functionPicker).toHaveCount(0);
});

test('an invisible iframe over a bait button cannot be clicked into allowing (clickjacking)', async ({ page }) => {
  const { consent } = await openHost(page);
  const loading = send(page, { type: 'wasmPlayground:load', id: 'cj', source: fixtureUrl('add.wasm') });
  const allow = consent.getByRole('button', { name: 'Allow' });
  await expect(allow).toBeVisible();
  const box = (await allow.boundingBox())!;
  // The hostile page makes the iframe transparent and puts its bait right under Allow.
  await page.evaluate((box) => {
    const iframe = document.querySelector<HTMLIFrameElement>('iframe[title="Wasm Playground"]')!;
    Object.assign(iframe.style, { opacity: '0', position: 'relative', zIndex: '2' });
    const bait = document.createElement('button');
    bait.textContent = 'Claim your prize';
    Object.assign(bait.style, { position: 'absolute', left: `${box.x}px`, top: `${box.y}px`, width: `${box.width}px`, height: `${box.height}px`, zIndex: '1' });
    document.body.append(bait);
  }, box);
  // Well past any arming delay the user clicks the bait: once, twice quickly, once more.
  await page.waitForTimeout(1500);
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.click(x, y);
  await page.waitForTimeout(200);
  await page.mouse.click(x, y, { clickCount: 2 });
  await page.waitForTimeout(200);
  await page.mouse.click(x, y);
  await page.waitForTimeout(700);
  // The clicks reached the iframe (it is on top), yet nothing was granted and nothing ran.
  expect(await responses(page)).toEqual([]);
  expect(await storedOrigins(appFrame(page))).toEqual([]);
  await expect(consent).toBeAttached();

  // Made visible, the same dialog works once it has been seen for a moment.
  await page.evaluate(() => {
    document.querySelector<HTMLIFrameElement>('iframe[title="Wasm Playground"]')!.style.opacity = '1';
  });
  await allow.click();
  expect(await loading).toMatchObject({ id: 'cj', ok: true, value: { name: 'add.wasm' } });
  expect(await storedOrigins(appFrame(page))).toEqual([CORS_ORIGIN]);
});

test('without IntersectionObserver v2, Allow waits a moment and a second step confirms elsewhere', async ({ page }) => {
  // What a browser without IO v2 looks like to the app (every frame, the app's included).
  await page.addInitScript(() => {
    Reflect.deleteProperty(IntersectionObserverEntry.prototype, 'isVisible');
  });
  const { consent } = await openHost(page);
  // Record, inside the app, when Allow is rendered and when it first takes clicks (timings that
  // a busy machine can only lengthen, so the check does not depend on the test's own speed).
  await appFrame(page).evaluate(() => {
    const timeline: { at: number; disabled: boolean }[] = [];
    Reflect.set(window, 'allowTimeline', timeline);
    const look = () => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Allow');
      if (button && timeline.at(-1)?.disabled !== button.disabled) timeline.push({ at: performance.now(), disabled: button.disabled });
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
  });
  const loading = send(page, { type: 'wasmPlayground:load', id: 'fb', source: fixtureUrl('add.wasm') });
  const allow = consent.getByRole('button', { name: 'Allow' });
  await expect(allow).toBeVisible();
  await expect(consent).toContainText(`scheme http · host localhost · port ${new URL(CORS_ORIGIN).port}`);
  const box = (await allow.boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  // After the delay Allow leads to a second question; a double click lands on "Back", not on yes.
  await allow.click();
  const yes = consent.getByRole('button', { name: `Yes, allow ${CORS_ORIGIN}` });
  await expect(yes).toBeVisible();
  const timeline = (await appFrame(page).evaluate(() => Reflect.get(window, 'allowTimeline'))) as { at: number; disabled: boolean }[];
  expect(timeline.map((t) => t.disabled).slice(0, 2)).toEqual([true, false]);
  expect(timeline[1]!.at - timeline[0]!.at).toBeGreaterThanOrEqual(950);
  await page.mouse.click(x, y);
  await expect(yes).toHaveCount(0);
  expect(await responses(page)).toEqual([]);
  expect(await storedOrigins(appFrame(page))).toEqual([]);
  await allow.click();
  await yes.click();
  expect(await loading).toMatchObject({ id: 'fb', ok: true });
  expect(await storedOrigins(appFrame(page))).toEqual([CORS_ORIGIN]);
});

for (const via of ['sandbox', 'data'] as const) {
  test(`an opaque-origin embedder (${via === 'sandbox' ? 'sandboxed frame' : 'data: URL'}) is refused, and nothing is asked or stored`, async ({ page }) => {
    await page.goto(`${CORS_ORIGIN}/embed-opaque.html?via=${via}&app=${encodeURIComponent(APP)}`);
    const relayed = () => page.evaluate(() => (window as unknown as { relayed: { relayed: { type?: string } }[] }).relayed.map((m) => m.relayed));
    await expect.poll(relayed, { timeout: 15_000 }).toContainEqual({ type: 'wasmPlayground:refused', error: { code: 'opaque-origin', message: expect.stringContaining('"null"') } });
    await page.waitForTimeout(500);
    // Only "ready" and the refusal: no answer, no data.
    expect((await relayed()).map((m) => m.type).sort()).toEqual(['wasmPlayground:ready', 'wasmPlayground:refused']);
    const app = page.frameLocator('iframe[title="Opaque embedder"]').frameLocator('iframe[title="Wasm Playground"]');
    await expect(app.getByRole('heading', { name: 'Wasm Playground' })).toBeVisible();
    // No consent was asked, so there is nothing the user could grant (embedStore.test.ts: and nothing is stored).
    await expect(app.getByRole('alertdialog')).toHaveCount(0);
  });
}

test('a giant message is refused before anything is asked', async ({ page }) => {
  const { consent } = await openHost(page);
  await page.evaluate((app) => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe[title="Wasm Playground"]')!;
    const post = (m: unknown) => frame.contentWindow!.postMessage(m, new URL(app).origin);
    post({ type: 'wasmPlayground:run', id: 'many', request: { module: 'm', func: 'f', args: new Array(200_000).fill(1) } });
    post({ type: 'wasmPlayground:load', id: 'huge', source: { bytes: new Uint8Array(65 * 1024 * 1024), name: 'huge.wasm' } });
    post({ type: 'wasmPlayground:run', id: 'long', request: { module: 'm', func: 'f', config: { a: 'x'.repeat(70 * 1024 * 1024) } } });
    const loop: Record<string, unknown> = {};
    loop.next = loop;
    post({ type: 'wasmPlayground:run', id: 'cycle', request: { module: 'm', func: 'f', config: loop } });
  }, APP);
  const answers = async () => Object.fromEntries((await responses(page)).map((r) => [r.id, r.error?.code]));
  await expect.poll(answers, { timeout: 15_000 }).toEqual({ many: 'too-large', huge: 'too-large', long: 'too-large', cycle: 'too-large' });
  const got = await responses(page);
  const byId = (id: string) => got.find((m) => m.id === id);
  expect(byId('many')).toMatchObject({ ok: false, error: { message: expect.stringContaining('100,000 values') } });
  expect(byId('huge')).toMatchObject({ ok: false, error: { message: expect.stringContaining('64 MiB') } });
  await expect(consent).toHaveCount(0);
});

test('unusable and duplicate ids are refused', async ({ page }) => {
  const { consent } = await openHost(page);
  const bad = await postRaw(page, [
    { type: 'wasmPlayground:stop', id: Number.NaN },
    { type: 'wasmPlayground:stop', id: 1.5 },
    { type: 'wasmPlayground:stop', id: { toString: 'spoof' } },
    { type: 'wasmPlayground:stop', id: 'x'.repeat(10_000) },
  ]);
  expect(bad).toHaveLength(4);
  for (const r of bad) expect(r).toMatchObject({ id: null, ok: false, error: { code: 'bad-id', message: expect.stringContaining('id') } });
  await expect(consent).toHaveCount(0);

  const loading = send(page, { type: 'wasmPlayground:load', id: 'l', source: fixtureUrl('loop.wasm') });
  await allow(consent);
  const module = ((await loading).value as { id: string }).id;
  // Posted without a waiter: the host page keys waiters by id, and the duplicate below takes it over.
  await postRaw(page, [{ type: 'wasmPlayground:run', id: 7, request: { module, func: 'spin' } }], 300);
  // The same id again (as a string) while the first is still running: refused, the first goes on.
  const dup = await send(page, { type: 'wasmPlayground:run', id: '7', request: { module, func: 'spin_for', args: [1] } });
  expect(dup).toMatchObject({ id: '7', ok: false, error: { code: 'duplicate-id' } });
  expect(await send(page, { type: 'wasmPlayground:stop', id: 'stop' })).toMatchObject({ ok: true, value: true });
  await expect.poll(async () => (await responses(page)).filter((r) => r.id === '7').map((r) => (r.ok ? (r.value as { status: string }).status : r.error?.code))).toEqual(['duplicate-id', 'stopped']);
  // Answered, the id is free again.
  expect(await send(page, { type: 'wasmPlayground:run', id: 7, request: { module, func: 'spin_for', args: [3] } })).toMatchObject({ ok: true, value: { values: [3] } });
});

test('argv, env, input and config reach the run; unsupported fields are refused by name', async ({ page }) => {
  const { consent } = await openHost(page);
  const plugin = send(page, {
    type: 'wasmPlayground:run',
    id: 'vowels',
    request: { module: { url: fixtureUrl('extism/count-vowels.wasm') }, func: 'count_vowels', input: 'Hello, World!', config: { vowels: 'o' }, timeoutMs: 20_000 },
  });
  await allow(consent);
  const counted = await plugin;
  expect(counted).toMatchObject({ ok: true, value: { status: 'ok' } });
  const output = JSON.parse(new TextDecoder().decode((counted.value as { output: { bytes: Uint8Array } }).output.bytes)) as Record<string, unknown>;
  expect(output).toMatchObject({ count: 2, vowels: 'o' });

  const demo = [...readFileSync(path.join(WASI_TESTDATA, 'demo.wasm'))];
  const wasi = await page.evaluate(async (demo) => {
    const r = await window.host.request({
      type: 'wasmPlayground:run',
      id: 'wasi',
      request: { module: { bytes: new Uint8Array(demo), name: 'demo.wasm' }, func: '_start', argv: ['echo', 'two words'], env: { GREETING: 'hi there' }, input: 'line from stdin\n' },
    });
    const value = r.value as { exitCode: number; stdout: Uint8Array };
    return { ok: r.ok, exitCode: value.exitCode, stdout: new TextDecoder().decode(value.stdout) };
  }, demo);
  expect(wasi).toMatchObject({ ok: true, exitCode: 0 });
  expect(wasi.stdout).toContain('argv[1]=echo\nargv[2]=two words\n');
  expect(wasi.stdout).toContain('env GREETING=hi there\n');
  expect(wasi.stdout).toContain('line from stdin\n');

  const hosts = await send(page, { type: 'wasmPlayground:run', id: 'h', request: { module: 'm', func: 'f', allowedHosts: ['example.com'] } });
  expect(hosts).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('allowedHosts') } });
  const typo = await send(page, { type: 'wasmPlayground:run', id: 't', request: { module: 'm', func: 'f', argz: ['x'] } });
  expect(typo).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('"argz"') } });
  const timeout = await send(page, { type: 'wasmPlayground:run', id: 'z', request: { module: 'm', func: 'f', timeoutMs: 1e12 } });
  expect(timeout).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('timeoutMs') } });
});
