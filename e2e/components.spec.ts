/**
 * Components through the UI, as a user (issue 9): load, WIT, functions grouped by interface,
 * typed forms, results, commands, and the transpile cache.
 * Fixtures: e2e/fixtures/components (README there).
 */
import { expect, test } from './support/playground';

test('a component is transpiled once: after a reload it comes from the cache, jco not run', async ({ playground, page }) => {
  await playground.open('components/adder.wasm');
  await expect(playground.kind).toHaveText('Component');
  const status = page.getByLabel('Transpile status');
  await expect(status).toHaveText(/^Transpiled by jco in [\d.]+ ms/);
  await playground.expectInLibrary('adder.wasm');
  await page.reload();
  await playground.expectLoaded('adder.wasm');
  await expect(status).toHaveText(/^Transpiled code from the cache \(jco not run\)/);
});
