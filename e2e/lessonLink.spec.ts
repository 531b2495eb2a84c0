/** Lesson links (issue 10 item 4): a link carrying WAT source and a lesson opens, compiled, in a fresh browser. */
import { parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { createHash } from 'node:crypto';
import { decodeShareHash, encodeShareHash } from '../src/share/codec';
import { NEW_WAT } from '../src/state/newWat';
import { expect, Playground, test } from './support/playground';
import { Plugin } from './support/plugin';

const SOURCE = `(module
  ;; Lesson 1: multiply two numbers.
  (func $mul (export "mul") (param $a i32) (param $b i32) (result i32)
    local.get $a
    local.get $b
    i32.mul)
)
`;
const LESSON = `Try **mul** with 6 and 7.

<img src="https://tracker.invalid/x.png" onerror="window.hacked = 1"><script>window.hacked = 2</script>`;

test('a lesson link with WAT source opens in a fresh context: source in the editor, module compiled, lesson shown, reset works', async ({ browser }) => {
  test.setTimeout(90_000);
  const bytes = await parse(SOURCE);
  const hash = encodeShareHash({
    v: 2,
    module: { sha256: createHash('sha256').update(bytes).digest('hex'), name: 'lesson1.wasm', wat: SOURCE },
    func: 'mul',
    args: ['6', '7'],
    lesson: { title: 'Lesson 1', markdown: LESSON },
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const playground = new Playground(page);
  await playground.goto(`/${hash}`);

  await playground.expectLoaded('lesson1.wasm');
  await expect(playground.functionPicker).toHaveValue('mul');
  const editor = page.getByRole('region', { name: 'WAT editor' });
  await expect(editor).toContainText('Lesson 1: multiply two numbers.', { timeout: 20_000 });
  await expect(editor.getByRole('status', { name: 'Compile status' })).not.toHaveText(/error|Changed/);

  const lesson = page.getByRole('region', { name: 'Lesson' });
  await expect(lesson.getByRole('heading', { name: 'Lesson 1' })).toBeVisible();
  await expect(lesson.locator('strong')).toHaveText('mul');
  // Sanitised: no script, no remote image, no handler ran.
  await expect(lesson.locator('script, [onerror]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();

  // The link's arguments are applied once the module has loaded: wait for them before Run.
  await expect(playground.arg(1)).toHaveValue('6');
  await expect(playground.arg(2)).toHaveValue('7');
  await playground.runButton.click();
  await playground.expectValues('42');

  // The student changes the arguments; the lesson's start brings them back.
  await playground.arg(1).fill('100');
  await lesson.getByRole('button', { name: "Reset to the lesson's start" }).click();
  await expect(playground.arg(1)).toHaveValue('6');
  expect(errors).toEqual([]);
  await context.close();
});

test('Share on a module written in the editor makes a v2 link with its source, which opens compiled elsewhere', async ({ playground, browser }) => {
  test.setTimeout(90_000);
  const { page } = playground;
  await page.getByRole('button', { name: 'New WAT' }).click();
  const editor = page.getByRole('region', { name: 'WAT editor' });
  await editor.getByRole('button', { name: 'Compile' }).click();
  await expect(editor.getByRole('status', { name: 'Compile status' })).toContainText('Compiled');
  await playground.expectLoaded('module.wasm');

  const plugin = new Plugin(playground);
  await plugin.shareButton.click();
  await expect(plugin.shareLink).toBeVisible();
  const link = await plugin.shareLink.inputValue();
  const decoded = decodeShareHash(new URL(link).hash);
  expect(decoded).toMatchObject({ ok: true, state: { v: 2, module: { wat: NEW_WAT, name: 'module.wasm' } } });
  if (decoded?.ok) expect(decoded.state.module.inline).toBeUndefined();

  const context = await browser.newContext();
  const other = new Playground(await context.newPage());
  await other.goto(link);
  await other.expectLoaded('module.wasm');
  await expect(other.page.getByRole('region', { name: 'WAT editor' })).toContainText('Add two numbers.', { timeout: 20_000 });
  await other.run('add', '20', '22');
  await other.expectValues('42');
  await context.close();
});

test('a teacher writes a lesson in the Share dialog; the link carries it to a fresh context', async ({ playground, page, browser }) => {
  await playground.open('add.wasm');
  await playground.selectFunction('add');
  await playground.fillArgs('2', '3');
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share' });
  await dialog.getByText('Lesson for whoever opens the link').click();
  await dialog.getByLabel('Lesson (Markdown)').fill('Change the arguments and press **Run**.');
  await dialog.getByRole('button', { name: 'Update link' }).click();
  const link = await dialog.getByLabel('Share link').inputValue();
  const state = decodeShareHash(new URL(link).hash);
  expect(state).toMatchObject({ ok: true, state: { lesson: { markdown: 'Change the arguments and press **Run**.' } } });

  const context = await browser.newContext();
  const other = new Playground(await context.newPage());
  await other.goto(`/${new URL(link).hash}`);
  await other.expectLoaded('add.wasm');
  const lesson = other.page.getByRole('region', { name: 'Lesson' });
  await expect(lesson.locator('strong')).toHaveText('Run');
  await other.runButton.click();
  await other.expectValues('5');
  await context.close();
});
