/** Loading a module the three ways in (issue 2 item 2), kind detection (item 3) and the exports it lists. */
import { statSync } from 'node:fs';
import { expect, fixturePath, test } from './support/playground';
import { CORS_ORIGIN, fixtureUrl } from './support/urls';

/** What add.wasm exports, as the Inspector and the Function combobox write it. */
const ADD_FUNCTIONS = [
  'add(i32, i32) -> i32',
  'add64(i64, i64) -> i64',
  'mul_f64(f64, f64) -> f64',
  'half_f32(f32) -> f32',
  'swap(i32, i32) -> (i32, i32)',
  'answer() -> i32',
  'noop()',
];

test.describe('loading a module', () => {
  test('the file picker "Module file" loads a module and lists its functions', async ({ playground }) => {
    await playground.open('add.wasm');
    await expect(playground.kind).toHaveText('Core module');
    await expect(playground.functionPicker.locator('option')).toHaveText(ADD_FUNCTIONS);
    // The first callable function is preselected, with its typed argument form.
    await expect(playground.functionPicker).toHaveValue('add');
    await expect(playground.arg(1)).toBeVisible();
    await expect(playground.arg(2)).toBeVisible();
  });

  test('a .wasm dropped anywhere on the window is loaded', async ({ playground }) => {
    await playground.drop('add.wasm');
    await playground.expectLoaded('add.wasm');
    await expect(playground.kind).toHaveText('Core module');
    await expect(playground.page.getByText('Drop a .wasm file to load it')).toBeHidden();
    await expect(playground.exportsList).toContainText('add(i32, i32) -> i32');
  });

  test('a drop on another part of the page (the Output region) loads too', async ({ playground }) => {
    await playground.open('trap.wasm');
    await playground.drop('add.wasm', '[aria-label="Output"]');
    await playground.expectLoaded('add.wasm');
  });

  test('a URL loads with "Load", streaming with a progress bar, and lists the exports', async ({ playground }) => {
    // Served in 10 pieces 150 ms apart, with Content-Length: long enough to see the bar.
    await playground.loadUrl(`${CORS_ORIGIN}/slow/add.wasm?chunks=10&delay=150`);
    const progress = playground.progress;
    await expect(progress).toBeVisible();
    const max = Number(await progress.getAttribute('max'));
    const size = statSync(fixturePath('add.wasm')).size;
    expect(max, 'progress max is the Content-Length').toBe(size);
    await expect(playground.page.getByText(new RegExp(`of ${size} B`))).toBeVisible();
    await playground.expectLoaded('add.wasm');
    await expect(progress).toBeHidden();
    await expect(playground.kind).toHaveText('Core module');
    await expect(playground.exportsList).toContainText('add(i32, i32) -> i32');
    await expect(playground.functionPicker.locator('option')).toHaveText(ADD_FUNCTIONS);
  });

  test('Enter in "Module URL" submits it', async ({ playground }) => {
    await playground.loadUrl(fixtureUrl('trap.wasm'), 'enter');
    await playground.expectLoaded('trap.wasm');
    await expect(playground.functionPicker).toHaveValue('div_s');
  });

  test('a URL relative to the app resolves against its address', async ({ playground }) => {
    // Scheme-relative, so it reaches the fixture server; the loader resolves it with new URL(…, location).
    await playground.loadUrl(`//${new URL(CORS_ORIGIN).host}/fixtures/add.wasm`, 'enter');
    await playground.expectLoaded('add.wasm');
  });

  test('a module loaded by URL runs', async ({ playground }) => {
    await playground.loadUrl(fixtureUrl('add.wasm'));
    await playground.expectLoaded('add.wasm');
    await playground.run('add', '40', '2');
    await playground.expectValues('42');
  });
});

test.describe('kind detection', () => {
  const kinds: [file: string, label: string][] = [
    ['add.wasm', 'Core module'],
    ['wasi-command.wasm', 'WASI p1 command'],
    ['wasi-reactor.wasm', 'WASI p1 reactor'],
    ['extism-plugin.wasm', 'Extism plugin'],
    ['wapc/guest.wasm', 'waPC guest'],
    ['component.wasm', 'Component'],
  ];
  test('one fixture of each kind is detected as that kind', async ({ playground }) => {
    for (const [file, label] of kinds) {
      await test.step(`${file} is "${label}"`, async () => {
        await playground.open(file);
        await expect.soft(playground.kind).toHaveText(label);
      });
    }
  });

  test('a component runs from its world-level function (the smallest component: a lifted core add)', async ({ playground, page }) => {
    await playground.open('component.wasm');
    await expect(playground.kind).toHaveText('Component');
    await expect(playground.functionPicker).toHaveValue('add');
    await page.getByLabel('a: u32').fill('2');
    await page.getByLabel('b: u32').fill('3');
    await playground.runButton.click();
    await expect(playground.status).toHaveText(/^ok\b/);
    const id = await page.getByLabel('Module', { exact: true }).locator('code[title]').getAttribute('title');
    const result = await page.evaluate((id) => window.wasmPlayground.run({ module: id, func: 'add', args: [4294967295, 1] }), id ?? '');
    expect(result).toMatchObject({ status: 'ok', value: 0 });
  });
});

test.describe('Inspector', () => {
  test('lists every export with its signature, functions and other kinds', async ({ playground }) => {
    await playground.open('add.wasm');
    const inspector = playground.inspector;
    await expect(inspector.getByRole('tab', { name: 'Exports' })).toHaveAttribute('aria-selected', 'true');
    for (const tab of ['Imports', 'Sections', 'WAT', 'WIT']) await expect(inspector.getByRole('tab', { name: tab })).toBeVisible();
    const items = playground.exportsList.getByRole('listitem');
    for (const line of [...ADD_FUNCTIONS, 'mem: memory (1 page, max 16)', 'forty_two: global i32', 'tbl: table funcref (min 1)']) {
      await expect(items.filter({ hasText: new RegExp(`^${escape(line)}$`) })).toHaveCount(1);
    }
    await expect(items).toHaveCount(ADD_FUNCTIONS.length + 3);
    // Only functions are offered to run.
    await expect(playground.functionPicker.locator('option', { hasText: 'mem' })).toHaveCount(0);
  });

  test('the Imports tab lists imports of every kind', async ({ playground }) => {
    await playground.open('imports.wasm');
    await playground.inspector.getByRole('tab', { name: 'Imports' }).click();
    await expect(playground.importsList.getByRole('listitem')).toHaveText([
      'env.log(i32)',
      'env.now() -> f64',
      'env.rand() -> i64',
      'host.mem: memory (1 page)',
      'host.g: global i32',
      'host.tbl: table funcref (min 1)',
    ]);
  });

  test('the Sections tab lists the sections with offsets', async ({ playground }) => {
    await playground.open('add.wasm');
    await playground.inspector.getByRole('tab', { name: 'Sections' }).click();
    const table = playground.inspector.getByRole('table');
    for (const name of ['type', 'function', 'memory', 'export', 'code']) {
      await expect(table.getByRole('cell', { name, exact: true })).toBeVisible();
    }
    await expect(table.getByRole('cell', { name: /^0x[0-9a-f]+$/ }).first()).toBeVisible();
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test.describe('reactors and ABI internals', () => {
  test('a reactor selects its own function; _initialize is under "Show all"; asking for _start explains what a reactor is', async ({ playground, page }) => {
    await playground.open('wasi-reactor.wasm');
    await expect(playground.functionPicker).toHaveValue('double');
    await expect(playground.functionPicker.locator('option')).toHaveText(['double(i32) -> i32']);
    const showAll = page.getByRole('checkbox', { name: /Show all \(1 ABI internal\)/ });
    await showAll.check();
    await expect(playground.functionPicker.locator('option')).toHaveText(['_initialize()', 'double(i32) -> i32']);
    const id = await page.getByLabel('Module', { exact: true }).locator('code[title]').getAttribute('title');
    const result = await page.evaluate((id) => window.wasmPlayground.run({ module: id, func: '_start' }), id ?? '');
    expect(result.status).toBe('error');
    expect(result.error?.code).toBe('no-export');
    expect(result.error?.message).toMatch(/^This is a WASI reactor \(a library\): it has no `_start`; call one of its functions instead\. Its functions: double\.$/);
    const typo = await page.evaluate((id) => window.wasmPlayground.run({ module: id, func: 'doubel', args: [1] }), id ?? '');
    expect(typo.error?.message).toContain('Did you mean "double"?');
  });
});
