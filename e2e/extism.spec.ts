/**
 * Extism plugins through the UI (issue 3): input, config, vars, errors, Stop, logs and their
 * level, WASI output live in the Console, missing host functions, "Run as", and manifests.
 * The plugins are e2e/fixtures/extism/*.wasm (contracts in e2e/fixtures/README.md).
 */
import { expect, test } from './support/playground';
import { Plugin } from './support/plugin';
import { fixtureUrl } from './support/urls';

test('count_vowels: the input goes in, the JSON output is shown as a tree', async ({ playground }) => {
  const plugin = new Plugin(playground);
  await plugin.open('extism/count-vowels.wasm');
  await expect(playground.kind).toHaveText('Extism plugin');
  await expect(playground.functionPicker).toHaveValue('count_vowels');
  await plugin.call('count_vowels', 'Hello, World!');
  await plugin.expectOk();
  await expect(plugin.outputMeta).toHaveText(/^application\/json · \d+ B$/);
  await expect(plugin.jsonItems).toHaveText([/\{ 3 keys \}/, '"count": 3', '"total": 3', '"vowels": "aeiouAEIOU"']);
});

test('config vowels=o changes the count', async ({ playground }) => {
  const plugin = new Plugin(playground);
  await plugin.open('extism/count-vowels.wasm');
  await plugin.addConfig({ vowels: 'o' });
  await plugin.call('count_vowels', 'Hello, World!');
  await plugin.expectOk();
  await expect(plugin.jsonItems.filter({ hasText: /^"count"/ })).toHaveText('"count": 2');
  await expect(plugin.jsonItems.filter({ hasText: /^"vowels"/ })).toHaveText('"vowels": "o"');
});

test('vars: the total grows across runs, shows in "Vars", and "Reset" clears it', async ({ playground }) => {
  const plugin = new Plugin(playground);
  await plugin.open('extism/count-vowels.wasm');
  await expect(plugin.vars).toContainText('No vars yet');
  const total = plugin.jsonItems.filter({ hasText: /^"total"/ });

  await plugin.call('count_vowels', 'Hello, World!');
  await expect(total).toHaveText('"total": 3');
  await expect(plugin.vars.locator('dt')).toHaveText(['total']);
  await expect(plugin.vars.locator('dd')).toHaveText(['3']);

  await playground.runButton.click();
  await expect(total).toHaveText('"total": 6');
  await expect(plugin.vars.locator('dd')).toHaveText(['6']);

  await plugin.vars.getByRole('button', { name: 'Reset' }).click();
  await expect(plugin.vars).toContainText('No vars yet');
  await expect(plugin.vars.locator('dt')).toHaveCount(0);

  await playground.runButton.click();
  await expect(total).toHaveText('"total": 3');
  await expect(plugin.vars.locator('dd')).toHaveText(['3']);
});

test('error_set, a nonzero return code and a trap each give their message; the next run works', async ({ playground }) => {
  const plugin = new Plugin(playground);
  await plugin.open('extism/fail.wasm');

  await plugin.call('fail', 'oops');
  await playground.expectRunError('fail failed: something went wrong: oops');
  await expect(playground.outputAlert).toHaveAttribute('data-code', 'plugin');

  await plugin.call('nonzero');
  await playground.expectRunError('nonzero returned non-zero exit code: 7');

  await plugin.call('trap');
  await playground.expectRunError(/unreachable/);

  await plugin.call('fail', 'again');
  await playground.expectRunError('fail failed: something went wrong: again');
});

test('spin is stopped by "Stop"; a run right after starts and works', async ({ playground }) => {
  const plugin = new Plugin(playground);
  await plugin.open('extism/loop.wasm');
  await playground.run('spin');
  await expect(playground.status).toHaveText(/^running…/);
  await playground.page.waitForTimeout(200);
  await playground.stopButton.click();
  await expect(playground.status).toHaveText(/^stopped\b/);
  await expect(playground.outputAlert).toContainText('Stopped: the run was ended by the Stop button.');

  // The next run gets a fresh sandbox at once: it runs (and this time the time limit ends it).
  await playground.timeoutBox.fill('0.5');
  await playground.runButton.click();
  await expect(playground.status).toHaveText(/^stopped\b/, { timeout: 5_000 });
  await expect(playground.outputAlert).toContainText('time limit');
  await expect(playground.outputAlert).toHaveAttribute('data-code', 'timeout');

  // And another plugin runs to completion in the same page, no reload.
  await plugin.open('extism/count-vowels.wasm');
  await plugin.call('count_vowels', 'aeiou');
  await plugin.expectOk();
  await expect(plugin.jsonItems.filter({ hasText: /^"count"/ })).toHaveText('"count": 5');
});

test('logs at every level appear with their level; "Log level" filters them and get_log_level answers it', async ({ playground }) => {
  const plugin = new Plugin(playground);
  await plugin.open('extism/logs.wasm');
  const logs = playground.console.locator('[data-stream="log"]');

  await plugin.logLevel.selectOption('trace');
  await plugin.call('log_all');
  await plugin.expectOk();
  await expect(logs.locator('.text')).toHaveText(['this is trace', 'this is debug', 'this is info', 'this is warn', 'this is error']);
  await expect(logs.locator('.stream')).toHaveText(['[trace]', '[debug]', '[info]', '[warn]', '[error]']);
  expect(await logs.evaluateAll((els) => els.map((e) => e.getAttribute('data-level')))).toEqual(['trace', 'debug', 'info', 'warn', 'error']);
  await expect(plugin.textLines).toHaveText(['0']);

  await plugin.logLevel.selectOption('warn');
  await playground.runButton.click();
  await plugin.expectOk();
  await expect(logs.locator('.text')).toHaveText(['this is warn', 'this is error']);
  await expect(logs.locator('.stream')).toHaveText(['[warn]', '[error]']);
  await expect(plugin.textLines).toHaveText(['3']);
});

test('WASI stdout and stderr of greet show in the Console', async ({ playground }) => {
  const plugin = new Plugin(playground);
  await plugin.open('extism/wasi-stdout.wasm');
  await plugin.call('greet');
  await plugin.expectOk();
  await expect(plugin.consoleText('stdout')).toHaveText(['hello from stdout']);
  await expect(plugin.consoleText('stderr')).toHaveText(['warning on stderr']);
  await expect(plugin.textLines).toHaveText(['done']);
});

test('slow_lines: each line shows in the Console while the run is still going', async ({ playground, page }) => {
  const plugin = new Plugin(playground);
  await plugin.open('extism/wasi-stdout.wasm');
  await playground.selectFunction('slow_lines');
  // Let Monaco's first start-up finish: what is measured is the Console's own liveness.
  await playground.editorReady();
  // Record the run status at the moment each console line first appears.
  await page.evaluate(() => {
    const seen: { text: string; status: string }[] = [];
    (window as unknown as { seen: typeof seen }).seen = seen;
    const consoleEl = document.querySelector('[aria-label="Console"]')!;
    const check = () => {
      for (const el of consoleEl.querySelectorAll('[data-stream="stdout"] .text')) {
        const text = el.textContent ?? '';
        if (!seen.some((s) => s.text === text)) seen.push({ text, status: document.querySelector('[aria-label="Run status"]')?.textContent ?? '' });
      }
    };
    new MutationObserver(check).observe(consoleEl, { childList: true, subtree: true, characterData: true });
  });
  await playground.runButton.click();
  await plugin.expectOk();
  await expect(plugin.consoleText('stdout')).toHaveText(['slow line 1 of 3', 'slow line 2 of 3', 'slow line 3 of 3']);
  const seen = await page.evaluate(() => (window as unknown as { seen: { text: string; status: string }[] }).seen);
  expect(seen.map((s) => s.text)).toEqual(['slow line 1 of 3', 'slow line 2 of 3', 'slow line 3 of 3']);
  expect(seen[0]?.status, 'line 1 is shown before the run ends').toMatch(/^running…/);
  // The lines' own timestamps (ms since the run started) are ~300 ms apart.
  const at = (await playground.console.locator('[data-stream="stdout"] .at').allTextContents()).map((t) => parseFloat(t));
  expect(at[2]! - at[0]!).toBeGreaterThanOrEqual(500);
});

test('user-host: the missing host function is listed by module and name; with stubs the run works', async ({ playground }) => {
  const plugin = new Plugin(playground);
  await plugin.open('extism/user-host.wasm');
  await expect(playground.kind).toHaveText('Extism plugin');
  const group = playground.missingImports;
  await expect(group).toContainText('This module needs 1 import that no host provides');
  await expect(group.locator('code.import-module')).toHaveText(['extism:host/user']);
  await expect(group.getByRole('listitem')).toHaveText(['extism:host/user.get_greeting(i64) -> i64']);

  await plugin.call('greet', 'Ada');
  await playground.expectRunError('extism:host/user: 1 function (get_greeting)');
  await expect(playground.outputAlert).toHaveAttribute('data-code', 'link');

  await playground.stubCheckbox.check();
  await playground.runButton.click();
  await plugin.expectOk();
  await expect(plugin.textLines).toHaveText(['get_greeting returned 0']);
  await expect(plugin.consoleText('stub')).toHaveText([/^extism:host\/user\.get_greeting\(.*\) → 0$/]);
});

test('only-wasi: detected as a WASI reactor, "Run as" Extism plugin runs it', async ({ playground }) => {
  const plugin = new Plugin(playground);
  await plugin.open('extism/only-wasi.wasm');
  await expect(playground.kind).toHaveText('WASI p1 reactor');
  await plugin.runAs.selectOption({ label: 'Extism plugin' });
  await expect(playground.functionPicker).toHaveValue('run');
  await expect(plugin.input).toBeVisible();
  await playground.runButton.click();
  await plugin.expectOk();
  await expect(plugin.consoleText('stdout')).toHaveText(['hello from a WASI-only plugin']);
  await expect(playground.output).toContainText('run returned an empty output (0 bytes).');
});

test.describe('manifests', () => {
  test('by URL: linked modules, config from the manifest, and its hosts asked for before anything is allowed', async ({ playground }) => {
    const plugin = new Plugin(playground);
    await playground.loadUrl(fixtureUrl('extism/manifest.json'));
    await playground.expectLoaded('link-main.wasm');
    await expect(playground.missingImports).toHaveCount(0);

    // The manifest's allowed_hosts are asked for, not applied.
    await expect(plugin.grantRequest).toBeVisible();
    await expect(plugin.grantRequest).toContainText('localhost:4180');
    await playground.showPanel('Capabilities');
    await expect(plugin.allowedHosts).toHaveValue('');

    // Its config and timeout are applied.
    await expect(plugin.configKey(1)).toHaveValue('k');
    await expect(plugin.configValue(1)).toHaveValue('v');
    await expect(playground.timeoutBox).toHaveValue('5');

    // run calls math.double from the linked module; show_config reads the manifest's config.
    await plugin.call('run', '7');
    await plugin.expectOk();
    await expect(plugin.textLines).toHaveText(['14']);
    await expect(plugin.allowedHosts, 'nothing is allowed while the request is open').toHaveValue('');

    await plugin.call('show_config', 'k');
    await plugin.expectOk();
    await expect(plugin.textLines).toHaveText(['v']);

    await plugin.grantRequest.getByRole('button', { name: 'Allow these hosts' }).click();
    await expect(plugin.grantRequest).toHaveCount(0);
    await expect(plugin.allowedHosts).toHaveValue('localhost:4180');
  });

  test('a hash that differs is refused with a specific message', async ({ playground }) => {
    await playground.loadUrl(fixtureUrl('extism/manifest-bad-hash.json'));
    await expect(playground.loadError).toBeVisible();
    await expect(playground.loadError).toHaveAttribute('data-code', 'hash-mismatch');
    await expect(playground.loadError).toContainText('wasm[1] ("main") does not match the hash in the manifest.');
    await expect(playground.loadError).toContainText('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    await expect(playground.functionPicker).toHaveCount(0);
  });

  test('an inline manifest dropped as a file loads and runs', async ({ playground }) => {
    const plugin = new Plugin(playground);
    await playground.drop('extism/manifest-inline.json');
    await playground.expectLoaded('main.wasm');
    await expect(plugin.grantRequest).toHaveCount(0);
    await plugin.call('run', '7');
    await plugin.expectOk();
    await expect(plugin.textLines).toHaveText(['14']);
    await plugin.call('show_config', 'k');
    await expect(plugin.textLines).toHaveText(['v']);
  });
});
