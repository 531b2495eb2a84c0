/** The module library (issue 2 item 8): IndexedDB by SHA-256, "Recent modules", restore after reload. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { bigModule } from './bench/bigModule';
import { expect, test } from './support/playground';
import { fixtureUrl } from './support/urls';

test('a reload restores the last module and the chosen function', async ({ playground, page }) => {
  await playground.open('add.wasm');
  await playground.selectFunction('add64');
  await playground.expectInLibrary('add.wasm');
  await page.reload();
  await playground.expectLoaded('add.wasm');
  await expect(playground.functionPicker).toHaveValue('add64');
  await expect(playground.kind).toHaveText('Core module');
  // The restored module runs.
  await playground.fillArgs('9007199254740993', '1');
  await playground.runButton.click();
  await playground.expectValues('9007199254740994');
});

test('a reload while a large module is still being stored does not lose the session', async ({ playground, page }) => {
  await playground.open('add.wasm');
  await playground.expectInLibrary('add.wasm');
  // Reload the moment large.wasm is shown: storing 10 MB takes the library a moment. Either
  // module may come back, depending on whether it was stored in time; an empty page may not.
  const file = path.join(test.info().outputDir, 'large.wasm');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bigModule(10 * 1024 * 1024).bytes);
  await page.evaluate(() => {
    const observer = new MutationObserver(() => {
      if (Array.from(document.querySelectorAll('h2')).some((h) => h.textContent === 'large.wasm')) {
        observer.disconnect();
        location.reload();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await Promise.all([
    page.waitForEvent('framenavigated'),
    playground.fileInput.setInputFiles(file),
  ]);
  await expect(page.getByRole('heading', { level: 2, name: /^(large|add)\.wasm$/ })).toBeVisible();
});

test('"Recent modules" → "Open add.wasm" reopens it after loading another', async ({ playground }) => {
  await playground.open('add.wasm');
  await playground.open('trap.wasm');
  await playground.recentButton.click();
  await expect(playground.recentButton).toHaveAttribute('aria-expanded', 'true');
  const list = playground.page.getByRole('list', { name: 'Recent modules list' });
  // Most recent first.
  await expect(list.getByRole('button', { name: /^Open / })).toHaveText([/^trap\.wasm/, /^add\.wasm/]);
  await list.getByRole('button', { name: 'Open add.wasm' }).click();
  await playground.expectLoaded('add.wasm');
  await expect(list).toBeHidden();
  await playground.run('add', '2', '3');
  await playground.expectValues('5');
});

test('after a reload, "Recent modules" still lists everything and reopens from IndexedDB', async ({ playground, page }) => {
  await playground.open('add.wasm');
  await playground.open('loop.wasm');
  await playground.open('trap.wasm');
  await playground.expectInLibrary('trap.wasm');
  await page.reload();
  await playground.expectLoaded('trap.wasm');
  await playground.recentButton.click();
  await expect(page.getByRole('button', { name: /^Open / })).toHaveText([/^trap\.wasm/, /^loop\.wasm/, /^add\.wasm/]);
  await page.getByRole('button', { name: 'Open add.wasm' }).click();
  await playground.expectLoaded('add.wasm');
  await playground.run('answer');
  await playground.expectValues('42');
});

test('the same bytes are kept once (keyed by SHA-256)', async ({ playground }) => {
  await playground.open('add.wasm');
  await playground.drop('add.wasm');
  await playground.expectLoaded('add.wasm');
  await playground.recentButton.click();
  await expect(playground.page.getByRole('button', { name: 'Open add.wasm' })).toHaveCount(1);
});

test('a module loaded by URL is remembered with its source URL', async ({ playground, page }) => {
  const url = fixtureUrl('add.wasm');
  await playground.loadUrl(url);
  await playground.expectLoaded('add.wasm');
  await playground.expectInLibrary('add.wasm');
  await page.reload();
  await playground.expectLoaded('add.wasm');
  await playground.recentButton.click();
  await expect(page.getByRole('button', { name: 'Open add.wasm' })).toContainText(url);
});

/** A module big enough to be kept in Cache Storage too (src/storage/compiledCache.ts). */
async function writeCachedSizeModule(name: string, salt: number): Promise<string> {
  const file = path.join(test.info().outputDir, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bigModule(512 * 1024, salt).bytes);
  return file;
}

const cachedKeys = (page: Page) =>
  page.evaluate(async () => (await (await caches.open('wasm-playground-compiled-v1')).keys()).map((r) => new URL(r.url).pathname));

// Every body adds 64 consecutive constants mod 64, i.e. 0 + 1 + … + 63 = 2016.
const BIG_LAST_OF_1 = String(1 + 2016);

test('a large module opened from the library after a reload is read from Cache Storage and runs', async ({ playground, page }) => {
  const file = await writeCachedSizeModule('cached.wasm', 11);
  await playground.fileInput.setInputFiles(file);
  await playground.expectLoaded('cached.wasm');
  await playground.expectInLibrary('cached.wasm');
  await expect.poll(() => cachedKeys(page)).toHaveLength(1);
  await playground.open('add.wasm');
  await page.reload();
  await playground.expectLoaded('add.wasm');
  await playground.recentButton.click();
  await page.getByRole('button', { name: 'Open cached.wasm' }).click();
  await playground.expectLoaded('cached.wasm');
  await playground.run('big_last', '1');
  await playground.expectValues(BIG_LAST_OF_1);
});

test('without its Cache Storage copy a large module opens from IndexedDB, runs, and is cached again', async ({ playground, page }) => {
  const file = await writeCachedSizeModule('uncached.wasm', 12);
  await playground.fileInput.setInputFiles(file);
  await playground.expectInLibrary('uncached.wasm');
  await expect.poll(() => cachedKeys(page)).toHaveLength(1);
  await page.evaluate(() => caches.delete('wasm-playground-compiled-v1'));
  await playground.open('add.wasm');
  await page.reload();
  await playground.expectLoaded('add.wasm');
  await playground.recentButton.click();
  await page.getByRole('button', { name: 'Open uncached.wasm' }).click();
  await playground.expectLoaded('uncached.wasm');
  await playground.run('big_last', '1');
  await playground.expectValues(BIG_LAST_OF_1);
  await expect.poll(() => cachedKeys(page)).toHaveLength(1);
});
