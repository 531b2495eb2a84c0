/**
 * Components through the UI, as a user (issue 9): WIT, functions grouped by interface, typed
 * forms and the JSON editor, results, reactor state and Reset, commands with live output, files
 * under a mount across a reload, HTTP allowed with one click, a proxy's request form, stubs,
 * Stop, bad components, and the transpile cache. Fixtures: e2e/fixtures/components (README there).
 */
import { expect, test } from './support/playground';
import { Plugin } from './support/plugin';
import { CORS_ORIGIN } from './support/urls';
import { Wasi } from './support/wasi';

test('the WIT tab shows the world with its interfaces; functions are grouped with signatures; add(3, 4) = 7 and a u32 wraps', async ({ playground, page }) => {
  await playground.open('components/adder.wasm');
  await expect(playground.kind).toHaveText('Component');
  await expect(playground.functionPicker.locator('optgroup')).toHaveAttribute('label', 'docs:adder/add@0.1.0');
  await expect(playground.functionPicker.locator('option')).toHaveText(['add(x: u32, y: u32) -> u32']);

  await playground.inspector.getByRole('tab', { name: 'WIT' }).click();
  await expect(playground.inspector).toContainText('export docs:adder/add@0.1.0;');
  await expect(playground.inspector).toContainText('package docs:adder@0.1.0 {');
  await expect(playground.inspector).toContainText('add: func(x: u32, y: u32) -> u32;');

  const plugin = new Plugin(playground);
  await page.getByLabel('x: u32').fill('3');
  await page.getByLabel('y: u32').fill('4');
  await playground.runButton.click();
  await expect(playground.status).toHaveText(/^ok\b/);
  await expect(plugin.jsonItems).toHaveText(['7']);

  await page.getByLabel('x: u32').fill('4294967295');
  await page.getByLabel('y: u32').fill('2');
  await playground.runButton.click();
  await expect(plugin.jsonItems).toHaveText(['1']);

  // Checked at the field: a u32 can't be negative, and Run says which field.
  await page.getByLabel('x: u32').fill('-1');
  await expect(page.getByLabel('x: u32')).toHaveAttribute('aria-invalid', 'true');
  await playground.runButton.click();
  await expect(playground.status).toHaveText(/^error\b/);
  await expect(playground.outputAlert).toContainText('x');
});

test('records, variants and an err result through the JSON editor; a bad argument is refused with its path', async ({ playground, page }) => {
  await playground.open('components/types.wasm');
  const plugin = new Plugin(playground);
  await playground.selectFunction('test:types/shapes@0.1.0#greet');
  const person = page.getByLabel('p: person');
  await person.fill('{ "full-name": "Zoë 李", "age": 30, "tags": ["a"] }');
  await playground.runButton.click();
  await expect(playground.status).toHaveText(/^ok\b/);
  await expect(plugin.textLines).toHaveText(['Hello, Zoë 李 (30)']);

  await playground.selectFunction('test:types/shapes@0.1.0#area');
  await page.getByLabel('s: shape').fill('{ "tag": "rect", "val": [3, 4.5] }');
  await playground.runButton.click();
  await expect(plugin.jsonItems).toHaveText(['13.5']);

  await playground.selectFunction('test:types/shapes@0.1.0#check-age');
  await page.getByLabel('p: person').fill('{ "full-name": "Kim", "age": 12, "tags": [] }');
  await playground.runButton.click();
  await playground.expectRunError('The function returned err: too young: 12');

  await page.getByLabel('p: person').fill('{ "full-name": "Kim", "age": 12, "tags": [7] }');
  await expect(page.getByText('args[0].tags[0]: expected string')).toBeVisible();
  await playground.runButton.click();
  await playground.expectRunError(/args\[0\]\.tags\[0\]: expected string/);
});

test('a reactor keeps its state between calls; "Reset instance" drops it; stubbed imports are logged', async ({ playground, page }) => {
  await playground.open('components/reactor.wasm');
  const plugin = new Plugin(playground);
  await playground.stubCheckbox.check();
  await playground.selectFunction('test:strings/store@0.1.0#add-strings');
  await page.getByLabel('items: list<string>').fill('["a", "Zoë 李"]');
  await playground.runButton.click();
  await expect(plugin.jsonItems).toHaveText(['2']);

  await playground.selectFunction('test:strings/store@0.1.0#get-strings');
  await playground.runButton.click();
  await expect(plugin.jsonItems).toHaveText([/\[ 2 items \]/, '0: "a"', '1: "Zoë 李"']);

  await page.getByRole('button', { name: 'Reset instance' }).click();
  await playground.runButton.click();
  await expect(plugin.jsonItems).toHaveText([/\[\s*\]|\[ 0 items \]/]);

  await playground.selectFunction('shout');
  await page.getByLabel('s: string').fill('hi');
  await playground.runButton.click();
  await expect(plugin.textLines).toHaveText(['HI']);
  await expect(plugin.consoleText('stub')).toHaveText([/prefix\(\) → ""/, /lookup\(2\) → none/, /log\("HI"\)/]);
});

test('a wasi:cli command: arguments, environment and stdin; stdout live in the Console; the exit code', async ({ playground, page }) => {
  await playground.open('components/cli-demo.wasm');
  await expect(playground.functionPicker).toHaveValue('wasi:cli/run@0.2.12#run');
  const wasi = new Wasi(playground);
  const plugin = new Plugin(playground);
  await wasi.args.fill('--slow one "two words"');
  await page.getByRole('button', { name: 'Add variable' }).click();
  await page.getByRole('textbox', { name: 'Env name 1', exact: true }).fill('GREETING');
  await page.getByRole('textbox', { name: 'Env value 1', exact: true }).fill('hej');
  await plugin.setInput('shout this');
  await playground.runButton.click();
  // Live: the first lines are in the Console while the program still sleeps between lines.
  await expect(wasi.consoleText('stdout').first()).toHaveText('args: 4');
  await expect(playground.stopButton).toBeEnabled();
  await expect(playground.status).toHaveText(/^ok\b.*exit 0|exit code 0/, { timeout: 15_000 });
  await expect(wasi.consoleText('stdout')).toContainText(['arg[2]: one', 'arg[3]: two words', 'GREETING=hej', 'SHOUT THIS']);
  await expect(wasi.consoleText('stderr')).toContainText(['cli-demo: a line on stderr']);

  await wasi.args.fill('--fail');
  await playground.runButton.click();
  await expect(playground.status).toHaveText(/exit (code )?3/);
});

test('a file written under a mount is still there after a reload', async ({ playground, page }) => {
  await playground.open('components/cli-files.wasm');
  const wasi = new Wasi(playground);
  await wasi.mount('/data');
  await wasi.args.fill('alpha');
  await playground.runButton.click();
  await expect(playground.status).toHaveText(/exit (code )?0/, { timeout: 15_000 });
  await expect(playground.output).toContainText('written by a component');
  await page.reload();
  await playground.showPanel('Files');
  await expect(playground.fileRow('out.txt')).toBeVisible();
  await expect(playground.fileRow('log.txt')).toBeVisible();
});

test('HTTP from a component: blocked with a one-click Allow, then answered', async ({ playground, page }) => {
  const host = new URL(CORS_ORIGIN).host;
  await playground.open('components/http-get.wasm');
  const wasi = new Wasi(playground);
  await wasi.args.fill(`${CORS_ORIGIN}/health`);
  await playground.runButton.click();
  await expect(playground.status).toHaveText(/exit (code )?1/);
  const blocked = playground.console.locator('[data-stream="blocked"]');
  await expect(blocked).toHaveCount(1);
  await blocked.getByRole('button', { name: `Allow ${host}`, exact: true }).click();
  await playground.runButton.click();
  await expect(playground.status).toHaveText(/exit (code )?0/);
  await expect(wasi.consoleText('stdout')).toHaveText(['HTTP 200', 'ok']);
  void page;
});

test('a proxy component: the Request form is sent to the incoming handler and the response is shown', async ({ playground, page }) => {
  await playground.open('components/proxy.wasm');
  const plugin = new Plugin(playground);
  const form = page.getByRole('region', { name: 'Request' });
  await form.getByLabel('Method').selectOption('POST');
  await form.getByLabel('Path and query').fill('/hello?x=1');
  await form.getByRole('button', { name: /Add header/ }).click();
  await form.getByLabel('Header 1 name').fill('x-test');
  await form.getByLabel('Header 1 value').fill('yes');
  await form.getByLabel('Body', { exact: true }).fill('hi there');
  await playground.runButton.click();
  const response = page.getByLabel('Response');
  await expect(response).toContainText('200 OK');
  await expect(response).toContainText('application/json');
  await expect(plugin.jsonItems.filter({ hasText: /^"body"/ })).toHaveText('"body": "hi there"');
  await expect(plugin.jsonItems.filter({ hasText: /^"header"/ })).toHaveText('"header": "yes"');
});

test('Stop ends a looping component at once and the next run works', async ({ playground, page }) => {
  await playground.open('components/loop.wasm');
  const plugin = new Plugin(playground);
  await playground.selectFunction('test:loop/spin#spin');
  await playground.runButton.click();
  await expect(playground.stopButton).toBeEnabled();
  await page.waitForTimeout(300);
  await playground.stopButton.click();
  await expect(playground.status).toHaveText(/^stopped/);
  await playground.selectFunction('test:loop/spin#ping');
  await playground.runButton.click();
  await expect(plugin.jsonItems).toHaveText(['42']);
});

test('a pre-standard component is refused with its version and what to do', async ({ playground }) => {
  await playground.openFile('components/legacy.wasm');
  await expect(playground.loadError).toContainText(/0x0c|0x1000c/);
  await expect(playground.loadError).toContainText(/rebuil/i);
});

test('a component is transpiled once: after a reload it comes from the cache, jco not run', async ({ playground, page }) => {
  await playground.open('components/adder.wasm');
  const status = page.getByLabel('Transpile status');
  await expect(status).toHaveText(/^Transpiled by jco in [\d.]+ ms/);
  await playground.expectInLibrary('adder.wasm');
  await page.reload();
  await playground.expectLoaded('adder.wasm');
  await expect(status).toHaveText(/^Transpiled code from the cache \(jco not run\)/);
});
