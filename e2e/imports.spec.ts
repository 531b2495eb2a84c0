/** Unresolved imports (issue 2 item 5): listed by module and name; run with stubs that log every call. */
import { expect, test } from './support/playground';

test.beforeEach(async ({ playground }) => {
  await playground.open('imports.wasm');
});

test('the missing imports are listed by module and name', async ({ playground }) => {
  await expect(playground.kind).toHaveText('Core module');
  const group = playground.missingImports;
  await expect(group).toContainText('This module needs 6 imports that no host provides');
  await expect(group.locator('code.import-module')).toHaveText(['env', 'host']);
  await expect(group.getByRole('listitem')).toHaveText([
    'env.log(i32)',
    'env.now() -> f64',
    'env.rand() -> i64',
    'host.mem: memory (1 page)',
    'host.g: global i32',
    'host.tbl: table funcref (min 1)',
  ]);
  await expect(playground.stubCheckbox).not.toBeChecked();
  await expect(playground.stubCheckbox).toHaveAccessibleName('Stub missing imports');
  await expect(playground.stubCheckbox).toHaveAccessibleDescription(/return zeros and every call is logged in the Console/);
});

test('without stubs, a run fails with the list of what is missing', async ({ playground }) => {
  await playground.run('run', '7');
  // Grouped by module, memories, globals and tables counted apart from functions.
  await playground.expectRunError(/needs 6 imports that no host provides — env: 3 functions \(log, now, rand\); host: 1 memory \(mem\), 1 global \(g\), 1 table \(tbl\)\./);
  await expect(playground.outputAlert).toHaveAttribute('data-code', 'link');
  await expect(playground.outputAlert).toContainText('Stub missing imports');
});

test('with stubs, run(7) returns 14 and every stub call is logged in the Console', async ({ playground }) => {
  await playground.stubCheckbox.check();
  await playground.run('run', '7');
  await playground.expectValues('14');
  const lines = playground.console.locator('[data-stream="stub"] .text');
  await expect(lines).toHaveText(['env.log(7)', 'env.log(8)', 'env.now() → 0', 'env.rand() → 0']);
});

test('a stubbed run after a failed one works without reloading', async ({ playground }) => {
  await playground.run('run', '5');
  await playground.expectRunError(/no host provides/);
  await playground.stubCheckbox.check();
  await playground.runButton.click();
  await playground.expectValues('10');
  await expect(playground.console).toContainText('env.log(5)');
  await expect(playground.console).toContainText('env.log(6)');
});

test('the console starts afresh on each run and "Clear console" empties it', async ({ playground }) => {
  await playground.stubCheckbox.check();
  await playground.run('run', '1');
  await playground.expectValues('2');
  await playground.fillArgs('100');
  await playground.runButton.click();
  await playground.expectValues('200');
  await expect(playground.console.locator('[data-stream="stub"] .text')).toHaveText(['env.log(100)', 'env.log(101)', 'env.now() → 0', 'env.rand() → 0']);
  await playground.console.getByRole('button', { name: 'Clear console' }).click();
  await expect(playground.console.locator('[data-stream="stub"]')).toHaveCount(0);
});
