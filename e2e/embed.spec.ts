/**
 * The embed API (DESIGN.md §9): a page on another origin embeds `/?embed=1` and drives it by
 * postMessage; nothing runs until the user allows that origin inside the iframe.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/playground';
import { APP_URL, CORS_ORIGIN, fixtureUrl } from './support/urls';

const HOST_PAGE = `${CORS_ORIGIN}/embed-host.html?app=${encodeURIComponent(`${APP_URL}/?embed=1`)}`;

interface Response {
  type: string;
  id: string;
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

test('the embedded app says it is ready, asks before running, and answers after Allow', async ({ page }) => {
  const { frame, consent } = await openHost(page);
  expect(await page.evaluate(() => window.host.messages)).toContainEqual({ type: 'wasmPlayground:ready' });

  const loading = send(page, { type: 'wasmPlayground:load', id: 'load-1', source: fixtureUrl('add.wasm') });
  await expect(consent).toBeVisible();
  await expect(consent).toContainText(CORS_ORIGIN);
  // Before Allow nothing has happened: no answer yet.
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.host.messages.filter((m) => (m as Response).type === 'wasmPlayground:response'))).toEqual([]);

  await consent.getByRole('button', { name: 'Allow' }).click();
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
  await consent.getByRole('button', { name: 'Deny' }).click();
  expect(await loading).toMatchObject({ id: 'a', ok: false, error: { code: 'denied', message: expect.stringContaining(CORS_ORIGIN) } });
  const run = await send(page, { type: 'wasmPlayground:run', id: 'b', request: { module: fixtureUrl('add.wasm'), func: 'add', args: [1, 2] } });
  expect(run).toMatchObject({ id: 'b', ok: false, error: { code: 'denied' } });
  await expect(consent).toBeHidden();
});

test('stop ends a runaway run started by the host page', async ({ page }) => {
  const { consent } = await openHost(page);
  const loading = send(page, { type: 'wasmPlayground:load', id: 'l', source: fixtureUrl('loop.wasm') });
  await consent.getByRole('button', { name: 'Allow' }).click();
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
  const bad = await send(page, { type: 'wasmPlayground:run', id: 'x', request: { module: 'm', func: 'f', args: [{}] } });
  expect(bad).toMatchObject({ id: 'x', ok: false, error: { code: 'bad-request', message: expect.stringContaining('args') } });
  const missing = send(page, { type: 'wasmPlayground:load', id: 'y', source: fixtureUrl('no-such.wasm') });
  await consent.getByRole('button', { name: 'Allow' }).click();
  expect(await missing).toMatchObject({ id: 'y', ok: false, error: { code: 'not-found' } });
});

test('the app page itself (not embedded) shows no consent dialog and ignores stray messages', async ({ playground, page }) => {
  await page.evaluate(() => window.postMessage({ type: 'wasmPlayground:load', id: 1, source: 'https://example.com/add.wasm' }, '*'));
  await page.waitForTimeout(200);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(playground.functionPicker).toHaveCount(0);
});
