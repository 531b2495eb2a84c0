/** The WAT editor (issue 10 item 2): write WAT, see errors where they are, compile, run, and keep the source. */
import type { Page } from '@playwright/test';
import { expect, test } from './support/playground';

const BROKEN = `(module
  (func $add (export "add") (param $a i32) (param $b i32) (result i32)
    local.get $a
    local.get $b
    i32.plus)
)`;

/** Replace the editor's text as a user pasting it would (typed, Monaco would add closing brackets and indentation). */
async function typeWat(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'WAT source' });
  await box.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await box.evaluate((el, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await expect(page.locator('.wat-editor .view-lines')).toContainText(text.split('\n')[4]!.trim());
}

/** The line number Monaco shows next to the first error squiggle. */
function markerLine(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const squiggle = document.querySelector('.wat-editor .squiggly-error');
    if (!squiggle) return null;
    const top = squiggle.getBoundingClientRect().top;
    const numbers = [...document.querySelectorAll('.wat-editor .line-numbers')];
    const at = numbers.find((n) => Math.abs(n.getBoundingClientRect().top - top) < 4);
    return at ? Number(at.textContent) : null;
  });
}

test('type WAT with an error: a marker at its line; fix it and Run gives the result; the source comes back after a reload', async ({ playground }) => {
  test.setTimeout(90_000);
  const { page } = playground;
  await page.getByRole('button', { name: 'New WAT' }).click();
  const editor = page.getByRole('region', { name: 'WAT editor' });
  await expect(editor.locator('[data-editor="monaco"]')).toBeVisible({ timeout: 20_000 });

  await typeWat(page, BROKEN);
  await page.keyboard.press('ControlOrMeta+S');
  await expect(editor.getByRole('status', { name: 'Compile status' })).toHaveText('1 error');
  await expect(editor.getByRole('list', { name: 'Compile errors' })).toContainText(/Line 5, column \d+: unknown operator or unexpected token/);
  await expect.poll(() => markerLine(page)).toBe(5);

  // Fixed, compiled: the module loads as if dropped.
  await typeWat(page, BROKEN.replace('i32.plus', 'i32.add'));
  await page.keyboard.press('ControlOrMeta+S');
  await expect(editor.getByRole('status', { name: 'Compile status' })).toContainText('Compiled');
  await expect(page.locator('.wat-editor .squiggly-error')).toHaveCount(0);
  await playground.expectLoaded('module.wasm');
  await expect(playground.kind).toHaveText('Core module');
  await playground.run('add', '2', '3');
  await playground.expectValues('5');

  // An edit, then Run at once: Run compiles first.
  await typeWat(page, BROKEN.replace('i32.plus', 'i32.mul'));
  await playground.runButton.click();
  await playground.expectValues('6');
  await expect(editor.getByRole('status', { name: 'Compile status' })).toContainText('Compiled');

  // After a reload the module comes back from the library with its source.
  await playground.recentButton.click();
  await expect(page.getByRole('button', { name: 'Open module.wasm', exact: true })).toHaveCount(2);
  await page.reload();
  await playground.expectLoaded('module.wasm');
  await expect(page.getByRole('region', { name: 'WAT editor' })).toContainText('i32.mul', { timeout: 20_000 });
});

test('"Edit as WAT" opens a loaded core module in the editor', async ({ playground }) => {
  const { page, inspector } = playground;
  await playground.open('add.wasm');
  await inspector.getByRole('tab', { name: 'WAT' }).click();
  await inspector.getByRole('button', { name: 'Edit as WAT' }).click();
  const editor = page.getByRole('region', { name: 'WAT editor' });
  await expect(editor).toContainText('(func $half_f32 (;3;)', { timeout: 20_000 });
  await expect(editor.getByRole('status', { name: 'Compile status' })).toHaveText('Not compiled yet');
});
