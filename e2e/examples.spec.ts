/**
 * The examples gallery (issue 10 item 3): every example opens from the menu with its function,
 * input and lesson filled in, and runs to its expected result. Sources and modules:
 * public/examples (rebuilt by e2e/examples/build.mjs).
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Playground } from './support/playground';
import { Gallery } from './support/examples';
import { Plugin } from './support/plugin';
import { Wasi } from './support/wasi';
import { ROOT } from './support/servers';

interface ManifestEntry {
  id: string;
  title: string;
  teaches: string;
  lesson: string;
}
const MANIFEST = JSON.parse(readFileSync(path.join(ROOT, 'public', 'examples', 'manifest.json'), 'utf8')) as { examples: ManifestEntry[] };

/** What each example must do when run as opened, as a user sees it. */
const EXPECTED: Record<string, (pg: Playground) => Promise<void>> = {
  add: async (pg) => {
    await expect(pg.functionPicker).toHaveValue('add');
    await pg.runButton.click();
    await pg.expectValues('5');
  },
  fac: async (pg) => {
    await expect(pg.functionPicker).toHaveValue('fac');
    await pg.runButton.click();
    await pg.expectValues('2432902008176640000');
  },
  strings: async (pg) => {
    await pg.runButton.click();
    await expect(new Wasi(pg).consoleText('stdout')).toHaveText(['Hello, WebAssembly!']);
  },
  trap: async (pg) => {
    await expect(pg.functionPicker).toHaveValue('div_s');
    await pg.runButton.click();
    await pg.expectRunError(/divide by zero/);
  },
  loop: async (pg) => {
    await expect(pg.functionPicker).toHaveValue('spin');
    await pg.runButton.click();
    await expect(pg.status).toHaveText(/^running…/);
    await pg.stopButton.click();
    await expect(pg.status).toHaveText(/^stopped\b/);
  },
  'wasi-cli': async (pg) => {
    const wasi = new Wasi(pg);
    await expect(wasi.args).toHaveValue('hello workshop');
    await pg.runButton.click();
    await expect(wasi.consoleText('stdout')).toContainText(['arg[1]: hello', 'arg[2]: workshop', 'GREETING=hi from the env', 'SHOUT THIS', 'done']);
    await expect(wasi.consoleText('stderr')).toContainText(['cli-demo: a line on stderr']);
  },
  'wasi-files': async (pg) => {
    const plugin = new Plugin(pg);
    await expect(plugin.grantRequest).toContainText('/data');
    await plugin.grantRequest.getByRole('button', { name: 'Mount this folder' }).click();
    await expect(pg.mountedFolders).toContainText('/data ← home:/examples read-write');
    await pg.runButton.click();
    await expect(new Wasi(pg).consoleText('stdout')).toHaveText(['closed /data/0000.txt', 'closed /data/0001.txt', 'closed /data/0002.txt']);
    await pg.showPanel('Files');
    // The folder may be open already (the Files panel keeps what was open): open it only if closed.
    const folder = pg.fileRow('examples').getByRole('button', { name: /examples/ }).first();
    if ((await folder.getAttribute('aria-expanded')) !== 'true') await folder.click();
    await expect(pg.fileRow('0002.txt')).toBeVisible();
  },
  png: async (pg) => {
    await pg.runButton.click();
    const img = pg.output.getByRole('img', { name: 'Output image' });
    await expect(img).toBeVisible();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => [el.naturalWidth, el.naturalHeight])).toEqual([2, 2]);
  },
  'count-vowels': async (pg) => {
    const plugin = new Plugin(pg);
    await expect(plugin.configValue(1)).toHaveValue('aeiouyAEIOUY');
    await pg.runButton.click();
    await plugin.expectOk();
    await expect(pg.output).toContainText('"count": 8');
    await pg.runButton.click();
    await expect(pg.output).toContainText('"total": 16');
  },
  'extism-http': async (pg) => {
    const plugin = new Plugin(pg);
    const host = new URL(pg.page.url()).host;
    await expect(plugin.grantRequest).toContainText(host);
    await plugin.grantRequest.getByRole('button', { name: 'Allow these hosts' }).click();
    await expect(plugin.allowedHosts).toHaveValue(host);
    await pg.runButton.click();
    await plugin.expectOk();
    await expect(plugin.textLines).toHaveText(['Hello from an allowed host!']);
  },
  types: async (pg) => {
    await expect(pg.functionPicker).toHaveValue('test:types/shapes@0.1.0#greet');
    await pg.runButton.click();
    await expect(new Plugin(pg).textLines).toHaveText(['Hello, Ada Lovelace (36)']);
  },
  'cli-component': async (pg) => {
    const wasi = new Wasi(pg);
    await expect(pg.functionPicker).toHaveValue(/^wasi:cli\/run@[\d.]+#run$/);
    await pg.runButton.click();
    await expect(pg.status).toHaveText(/exit (code )?0/, { timeout: 15_000 });
    await expect(wasi.consoleText('stdout')).toContainText(['arg[1]: from', 'arg[3]: component', 'GREETING=hello, component', 'WASI 0.2']);
  },
};

test('the gallery lists a dozen examples with their kind and what each teaches', async ({ playground }) => {
  const gallery = new Gallery(playground);
  await gallery.button.click();
  await expect(gallery.items).toHaveCount(MANIFEST.examples.length);
  expect(MANIFEST.examples.length).toBeGreaterThanOrEqual(12);
  const [add] = MANIFEST.examples;
  const first = gallery.items.first();
  await expect(first).toHaveAccessibleName(add?.title ?? 'no examples');
  await expect(first).toHaveAccessibleDescription(add?.teaches ?? 'no examples');
  await expect(first).toContainText('Core module');
  await expect(first).toBeFocused();
  const axe = await new AxeBuilder({ page: playground.page }).include('.examples-menu').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await playground.page.keyboard.press('Escape');
  await expect(gallery.menu).toHaveCount(0);
  await expect(gallery.button).toBeFocused();
});

test('every example opens and runs to its expected result', async ({ playground }) => {
  test.setTimeout(180_000);
  const gallery = new Gallery(playground);
  // Each example has an expectation, and each expectation an example.
  expect(Object.keys(EXPECTED).sort()).toEqual(MANIFEST.examples.map((e) => e.id).sort());
  for (const example of MANIFEST.examples) {
    await test.step(example.id, async () => {
      await gallery.open(example.title);
      await expect(gallery.lesson).toContainText(example.lesson);
      const expected = EXPECTED[example.id];
      if (!expected) throw new Error(`no expectation for ${example.id}`);
      await expected(playground);
    });
  }
});
