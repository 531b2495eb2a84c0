/**
 * Share links (issue 3; DESIGN.md §7): "Share" makes a link that restores the module (by URL or
 * inline), function, input, input type and config in a fresh browser context, ready to Run; a
 * damaged link, a changed module and requested grants are each handled visibly.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { expect, Playground, test } from './support/playground';
import { Plugin } from './support/plugin';
import { CORS_ORIGIN, fixtureUrl } from './support/urls';

const HOST = new URL(CORS_ORIGIN).host; // the fixture server, e.g. "localhost:4180"

/** The JSON inside a `…#s=<base64url(deflate(json))>` link. */
function decodeLink(link: string): Record<string, unknown> & { module: Record<string, unknown> } {
  const payload = new URLSearchParams(new URL(link).hash.slice(1)).get('s');
  if (!payload) throw new Error(`no #s= in ${link}`);
  return JSON.parse(strFromU8(inflateSync(Buffer.from(payload, 'base64url')))) as ReturnType<typeof decodeLink>;
}

/** The same link with `state` as its payload. */
function encodeLink(link: string, state: unknown): string {
  const url = new URL(link);
  url.hash = `s=${Buffer.from(deflateSync(strToU8(JSON.stringify(state)), { level: 9 })).toString('base64url')}`;
  return url.href;
}

/** Open `link` in a new browser context (no storage, no library): a different person's browser. */
async function openFresh(browser: Browser, link: string): Promise<{ page: Page; pg: Playground; plugin: Plugin; errors: string[]; close(): Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.stack ?? error.message));
  const pg = new Playground(page);
  await pg.goto(link);
  return { page, pg, plugin: new Plugin(pg), errors, close: () => context.close() };
}

/** Click "Share" and read the link from "Share link". */
async function share(plugin: Plugin): Promise<string> {
  await plugin.shareButton.click();
  await expect(plugin.shareLink).toBeVisible();
  const link = await plugin.shareLink.inputValue();
  expect(link).toMatch(/^http:\/\/localhost:\d+\/#s=[A-Za-z0-9_-]+$/);
  return link;
}

test('a module loaded by URL: the link restores function, input, input type and config, and Run gives the same output', async ({ playground, browser }) => {
  const plugin = new Plugin(playground);
  const url = fixtureUrl('extism/count-vowels.wasm');
  await playground.loadUrl(url);
  await playground.expectLoaded('count-vowels.wasm');
  await plugin.inputType.selectOption('text/markdown');
  await plugin.addConfig({ vowels: 'o' });
  await plugin.call('count_vowels', 'Hello, World!');
  await plugin.expectOk();
  await expect(plugin.jsonItems).toHaveCount(4);
  const before = await plugin.jsonItems.allTextContents();
  expect(before).toContain('"count": 2');

  const link = await share(plugin);
  const state = decodeLink(link);
  expect(state.v).toBe(1);
  expect(state.module.url).toBe(url);
  expect(state.module.inline).toBeUndefined();
  expect(state.module.sha256).toMatch(/^[0-9a-f]{64}$/);

  const other = await openFresh(browser, link);
  try {
    await other.pg.expectLoaded('count-vowels.wasm');
    await expect(other.pg.functionPicker).toHaveValue('count_vowels');
    await expect(other.plugin.inputType).toHaveValue('text/markdown');
    await expect.poll(() => other.plugin.editorText()).toBe('Hello, World!');
    await expect(other.plugin.configKey(1)).toHaveValue('vowels');
    await expect(other.plugin.configValue(1)).toHaveValue('o');
    await expect(other.page.locator('.share').getByRole('alert')).toHaveCount(0);
    await expect(other.pg.loadError).toHaveCount(0);

    await other.pg.runButton.click();
    await other.plugin.expectOk();
    await expect(other.plugin.jsonItems).toHaveText(before);
    expect(other.errors).toEqual([]);
  } finally {
    await other.close();
  }
});

test('an inline module from a file: the bytes travel in the link and the restored setup runs', async ({ playground, browser }) => {
  const plugin = new Plugin(playground);
  await plugin.open('extism/echo.wasm');
  await plugin.inputType.selectOption('text/csv');
  await plugin.addConfig({ a: 'b' });
  await plugin.call('echo_twice', 'ab');
  await plugin.expectOk();
  await expect(plugin.textLines).toHaveText(['abab']);

  const link = await share(plugin);
  const state = decodeLink(link);
  expect(state.module.url).toBeUndefined();
  expect(typeof state.module.inline).toBe('string');
  expect(state.module.name).toBe('echo.wasm');

  const other = await openFresh(browser, link);
  try {
    await other.pg.expectLoaded('echo.wasm');
    await expect(other.pg.functionPicker).toHaveValue('echo_twice');
    await expect(other.plugin.inputType).toHaveValue('text/csv');
    await expect.poll(() => other.plugin.editorText()).toBe('ab');
    await expect(other.plugin.configKey(1)).toHaveValue('a');
    await expect(other.plugin.configValue(1)).toHaveValue('b');
    await other.pg.runButton.click();
    await other.plugin.expectOk();
    await expect(other.plugin.textLines).toHaveText(['abab']);
    expect(other.errors).toEqual([]);
  } finally {
    await other.close();
  }
});

test('a corrupt link (#s=garbage) shows a clear error and loads nothing', async ({ playground, page }) => {
  await playground.goto('/#s=garbage');
  const alert = page.locator('.share').getByRole('alert');
  await expect(alert).toContainText('The share link is damaged');
  await expect(alert).toContainText('Copy the whole link again.');
  await expect(page.getByRole('heading', { level: 2, name: 'Load a module' })).toBeVisible();
});

test('a link naming a function the module lacks says so, and the module opens on its own first function', async ({ playground, browser }) => {
  const plugin = new Plugin(playground);
  await playground.loadUrl(fixtureUrl('extism/echo.wasm'));
  await playground.expectLoaded('echo.wasm');
  const link = await share(plugin);
  const state = decodeLink(link);
  const other = await openFresh(browser, encodeLink(link, { ...state, func: 'no_such_function' }));
  try {
    await other.pg.expectLoaded('echo.wasm');
    const alert = other.page.locator('.share').getByRole('alert');
    await expect(alert).toContainText('The link names the function "no_such_function", which this module does not have');
    await expect(other.pg.functionPicker).not.toHaveValue('no_such_function');
  } finally {
    await other.close();
  }
});

test('a link whose module changed says so (sha-256 edited in the link)', async ({ playground, browser }) => {
  const plugin = new Plugin(playground);
  await playground.loadUrl(fixtureUrl('extism/echo.wasm'));
  await playground.expectLoaded('echo.wasm');
  await plugin.setInput('ab');
  const link = await share(plugin);
  const state = decodeLink(link);
  const real = String(state.module.sha256);
  const changed = real.replace(/^./, (c) => (c === '0' ? '1' : '0'));
  const other = await openFresh(browser, encodeLink(link, { ...state, module: { ...state.module, sha256: changed } }));
  try {
    // It still opens, with its settings, but says the module is not the one the link was made with.
    await other.pg.expectLoaded('echo.wasm');
    const alert = other.page.locator('.share').getByRole('alert');
    await expect(alert).toContainText('The module changed since this link was made');
    await expect(alert).toContainText(real.slice(0, 12));
    await expect(alert).toContainText(changed.slice(0, 12));
    await expect.poll(() => other.plugin.editorText()).toBe('ab');
  } finally {
    await other.close();
  }
});

test('hosts in a link are asked for in a dialog, not applied', async ({ playground, browser }) => {
  const plugin = new Plugin(playground);
  await plugin.open('extism/http.wasm');
  await playground.showPanel('Capabilities');
  await plugin.allowedHosts.fill(HOST);
  const link = await share(plugin);
  expect(decodeLink(link).grants).toEqual({ hosts: [HOST] });

  const other = await openFresh(browser, link);
  try {
    await other.pg.expectLoaded('http.wasm');
    const dialog = other.plugin.grantRequest;
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(`This share link asks for network access to: ${HOST}`);
    await expect(other.plugin.allowedHosts).toHaveValue('');

    // Until the user agrees, the host stays blocked.
    await other.plugin.call('http_get', `${CORS_ORIGIN}/health`);
    await other.pg.expectRunError(`HTTP request to ${HOST} is not allowed`);

    await dialog.getByRole('button', { name: 'Allow these hosts' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(other.plugin.allowedHosts).toHaveValue(HOST);
    await other.pg.runButton.click();
    await other.plugin.expectOk();
    await expect(other.plugin.textLines).toHaveText(['ok']);
  } finally {
    await other.close();
  }
});

test('mounts in a link are asked for in a dialog; accepting makes the folder and mounts it', async ({ playground, browser }) => {
  const plugin = new Plugin(playground);
  await plugin.open('extism/wasi-file.wasm');
  const mounts = playground.mounts;
  await playground.showPanel('Capabilities');
  await mounts.getByRole('textbox', { name: 'Volume folder' }).fill('/shared-in');
  await mounts.getByRole('textbox', { name: 'Guest path' }).fill('/in');
  await mounts.getByRole('checkbox', { name: 'Read-only' }).check();
  await mounts.getByRole('button', { name: 'Mount', exact: true }).click();
  await expect(mounts.getByRole('list', { name: 'Mounted folders' })).toContainText('/in ← home:/shared-in read-only');
  const link = await share(plugin);
  // The link names the folder, never the files in it.
  expect(decodeLink(link).grants).toEqual({ mounts: [{ volume: 'home', path: 'shared-in', guestPath: '/in', readOnly: true }] });

  const other = await openFresh(browser, link);
  try {
    await other.pg.expectLoaded('wasi-file.wasm');
    const dialog = other.plugin.grantRequest;
    await expect(dialog).toContainText('This share link asks for a folder of your files');
    await expect(dialog.getByRole('list', { name: 'Requested mounts' })).toContainText('/in ← home:/shared-in (read-only');
    const otherMounts = other.pg.mounts;
    await expect(otherMounts).toContainText('Nothing is mounted');
    await dialog.getByRole('button', { name: 'Mount this folder' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(otherMounts.getByRole('list', { name: 'Mounted folders' })).toContainText('/in ← home:/shared-in read-only');
    await other.pg.showPanel('Files');
    await expect(other.pg.fileRow('shared-in')).toBeVisible();
    expect(other.errors).toEqual([]);
  } finally {
    await other.close();
  }
});

/**
 * Record the longest main-thread task from now on (PerformanceObserver "longtask"). The playground
 * fixture has already opened the app, so a link is then opened by a hash change in this document.
 */
async function watchLongTasks(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { longestTask: number };
    w.longestTask = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longestTask = Math.max(w.longestTask, entry.duration);
    }).observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => (window as unknown as { longestTask: number }).longestTask);
}

const hashOf = (state: unknown) => `#s=${Buffer.from(deflateSync(strToU8(JSON.stringify(state)), { level: 9 })).toString('base64url')}`;

test('a hostile link (200,000 args, 20,000 env entries, a 2^32 ms timeout, bad input base64) opens without freezing and says what it cut', async ({ playground, page }) => {
  const longestTask = await watchLongTasks(page);
  const sha256 = createHash('sha256').update(readFileSync('e2e/fixtures/add.wasm')).digest('hex');
  // Kept under the 1 MB a link may inflate to, so restore()'s caps are what is tested here.
  const env = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`V${i}`, '']));
  const hash = hashOf({ v: 1, module: { sha256, name: 'add.wasm', url: fixtureUrl('add.wasm') }, func: 'add', args: Array<string>(200_000).fill(''), env, timeoutMs: 4294967297, input: { mime: 'application/octet-stream', base64: '!!' } });
  await playground.goto(`/${hash}`);
  await playground.expectLoaded('add.wasm');
  const alert = page.locator('.share').getByRole('alert');
  await expect(alert).toContainText('args: kept the first 1000 of 200000 items');
  await expect(alert).toContainText('env: kept the first 1000 of 20000 entries');
  await expect(alert).toContainText('timeoutMs: left out. The time limit 4294967297 ms is over the longest, 24 h');
  // A bad input file is one warning, not an uncaught error (the fixture fails the test on page errors).
  await expect(alert).toContainText("input.base64: left out because the input file's bytes are not valid base64");
  // The time limit stays the default instead of wrapping to a few ms.
  await expect(page.getByLabel('Timeout (s)')).toHaveValue('10');
  // Before the caps, this link kept the main thread busy for over a minute.
  const longest = await longestTask();
  test.info().annotations.push({ type: 'longest task (ms)', description: String(longest) });
  expect(longest).toBeLessThan(3000);
});

test('a 100 MB deflate bomb link is refused with a clear message, without a long freeze', async ({ playground, page }) => {
  const longestTask = await watchLongTasks(page);
  const bomb = `#s=${Buffer.from(deflateSync(new Uint8Array(100 * 1024 * 1024), { level: 1 })).toString('base64url')}`;
  await playground.goto(`/${bomb}`);
  await expect(page.locator('.share').getByRole('alert')).toContainText('The share link was refused: its data grows to more than 1 MB once decompressed');
  const longest = await longestTask();
  test.info().annotations.push({ type: 'longest task (ms)', description: String(longest) });
  expect(longest).toBeLessThan(1500);
});
