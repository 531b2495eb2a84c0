/**
 * Offline after the first visit (issue 10 item 6), as a user: the built app from a static host
 * under a sub-path (deployServer.ts), its service worker on (`?sw=1`: under automation the app
 * registers it only when asked, so the other specs never download the app into a cache).
 */
import { expect, test, Playground } from './support/playground';
import { Gallery } from './support/examples';
import { Plugin } from './support/plugin';
import { Wasi } from './support/wasi';
import { startDeployServer, type DeployServer } from './support/deployServer';
import type { Page } from '@playwright/test';

let host: DeployServer;
test.beforeEach(async () => {
  host = await startDeployServer();
});
test.afterEach(async () => {
  await host.close();
});

/** Open the app and wait until its offline copy is saved and the worker controls the page. */
async function firstVisit(page: Page): Promise<Playground> {
  const pg = new Playground(page);
  await pg.goto(`${host.url}?sw=1`);
  // The offline cache's status and size live under Capabilities.
  await pg.showPanel('Capabilities');
  await expect(page.getByRole('status', { name: 'Offline status' })).toHaveText(/^ready/, { timeout: 60_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return pg;
}

/** Names of the offline caches in the page. */
const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

test('after one visit the app opens and runs with no network: an example, a library module, a dropped file', async ({ page, context }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const pg = await firstVisit(page);
  await expect(page.getByRole('status', { name: 'Offline cache size' })).toHaveText(/MB$/);
  // Online: a module from the library-to-be, and a same-origin URL typed by the user.
  await pg.open('add.wasm');
  await pg.expectInLibrary('add.wasm');
  await pg.loadUrl('extra/loop.wasm');
  await pg.expectLoaded('loop.wasm');
  const typed = new URL('extra/loop.wasm', host.url).href;
  expect(await page.evaluate(async (url) => Boolean(await caches.match(url)), typed), 'a URL the user loaded is not cached by the worker').toBe(false);

  await context.setOffline(true);
  await host.close();
  await page.reload();
  await expect(pg.page.getByRole('heading', { level: 1, name: 'Wasm Playground' })).toBeVisible();

  // Examples: a component (jco's chunks and wasm come from the cache too), and a WASI program
  // whose Input is the lazily loaded editor.
  const gallery = new Gallery(pg);
  await gallery.open('A component: records and variants');
  await pg.runButton.click();
  await expect(new Plugin(pg).textLines).toHaveText(['Hello, Ada Lovelace (36)'], { timeout: 15_000 });
  await gallery.open('Strings through memory');
  await pg.editorReady();
  await pg.runButton.click();
  await expect(new Wasi(pg).consoleText('stdout')).toHaveText(['Hello, WebAssembly!']);
  // A plugin's HTTP to the app's own host is answered from the offline copy as well.
  const plugin = new Plugin(pg);
  await gallery.open('Extism: HTTP to an allowed host');
  await plugin.grantRequest.getByRole('button', { name: 'Allow these hosts' }).click();
  await pg.runButton.click();
  await expect(plugin.textLines).toHaveText(['Hello from an allowed host!']);

  // A module from the library.
  await pg.recentButton.click();
  await page.getByRole('button', { name: 'Open add.wasm', exact: true }).click();
  await pg.expectLoaded('add.wasm');
  await pg.run('add', '2', '3');
  await pg.expectValues('5');

  // A dropped file.
  await pg.drop('trap.wasm');
  await pg.expectLoaded('trap.wasm');
  await pg.run('div_s', '7', '2');
  await pg.expectValues('3');
  expect(errors).toEqual([]);
});

test('a new deploy shows "A new version is ready · Reload"; Reload moves to it and drops the old cache', async ({ page }) => {
  test.setTimeout(120_000);
  await firstVisit(page);
  const [first] = await cacheNames(page);
  expect(first).toMatch(/^wasm-playground-offline-[0-9a-f]{16}$/);
  const prompt = page.getByRole('status', { name: 'Update' });
  await expect(prompt).toHaveCount(0);

  host.nextDeploy();
  // The browser checks for a new worker on navigation (and the app when the tab is shown again).
  await page.reload();
  await expect(prompt).toContainText('A new version is ready', { timeout: 60_000 });
  // Until the user says so, the old build still serves the page.
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');

  await prompt.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Wasm Playground' })).toBeVisible();
  await expect(prompt).toHaveCount(0);
  await expect.poll(() => cacheNames(page)).toEqual([`${first}-deploy1`]);
});

test('"Clear offline cache" empties the cache and unregisters the worker', async ({ page }) => {
  await firstVisit(page);
  const size = page.getByRole('status', { name: 'Offline cache size' });
  await expect(size).toHaveText(/MB$/);
  await page.getByRole('button', { name: 'Clear offline cache' }).click();
  await expect(size).toHaveText('0 B');
  await expect(page.getByRole('status', { name: 'Offline status' })).toHaveText('not kept in this browser');
  expect(await cacheNames(page)).toEqual([]);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
});
