/** Running core exports from the form (issue 2 item 4): typed arguments, results, status with timings. */
import { readFile } from 'node:fs/promises';
import { expect, OK_STATUS, test } from './support/playground';

test.beforeEach(async ({ playground }) => {
  await playground.open('add.wasm');
});

test('add(2, 3) gives 5, with status "ok · compile … · instantiate … · call …"', async ({ playground }) => {
  await expect(playground.status).toHaveText('idle');
  await playground.run('add', '2', '3');
  await expect(playground.status).toHaveText(OK_STATUS);
  await expect(playground.values).toHaveText(['5']);
  await expect(playground.output.getByRole('list', { name: 'Return values' })).toContainText('i32');
});

test('Ctrl+Enter runs, from the argument field; Meta+Enter (Cmd on macOS) too', async ({ playground, page }) => {
  await playground.selectFunction('add');
  await playground.fillArgs('2', '3');
  await playground.arg(2).press('Control+Enter');
  await playground.expectValues('5');

  await playground.selectFunction('answer');
  await page.keyboard.press('Meta+Enter');
  await playground.expectValues('42');
});

test('i64 round-trips beyond 2^53 (BigInt): 9007199254740993 + 1 = 9007199254740994', async ({ playground }) => {
  await playground.run('add64', '9007199254740993', '1');
  await playground.expectValues('9007199254740994');
  // Negative and unsigned spellings wrap like the engine: 2^64-1 is -1.
  await playground.fillArgs('18446744073709551615', '-1');
  await playground.runButton.click();
  await playground.expectValues('-2');
});

test('f64 and f32 round-trip', async ({ playground }) => {
  await playground.run('mul_f64', '0.1', '3');
  await playground.expectValues('0.30000000000000004');
  await playground.fillArgs('1.5', '-4');
  await playground.runButton.click();
  await playground.expectValues('-6');
  await playground.run('half_f32', '0.1');
  await playground.expectValues('0.05000000074505806');
});

test('multi-value results are listed in order; no-result and no-argument functions run', async ({ playground }) => {
  await playground.run('swap', '1', '2');
  await playground.expectValues('2', '1');

  await playground.selectFunction('answer');
  await expect(playground.page.getByText('No arguments.')).toBeVisible();
  await playground.runButton.click();
  await playground.expectValues('42');

  await playground.selectFunction('noop');
  await playground.runButton.click();
  await expect(playground.status).toHaveText(OK_STATUS);
  await expect(playground.output).toContainText('noop returned nothing.');
});

test('an invalid number is rejected at the field, and a run with it is refused', async ({ playground }) => {
  await playground.selectFunction('add');
  const field = playground.arg(1);
  await field.fill('12abc');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const message = playground.page.getByRole('alert').filter({ hasText: 'Enter a whole number' });
  await expect(message).toBeVisible();
  await expect(field).toHaveAccessibleDescription(/Enter a whole number/);

  // Out of range for i32.
  await field.fill('4294967296');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(/Out of range for i32/);

  // Running anyway names the field instead of calling the guest.
  await playground.arg(2).fill('1');
  await playground.runButton.click();
  await playground.expectRunError(/Argument 1 \(i32\)/);

  // Fixing it clears the error.
  await field.fill('41');
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  await playground.runButton.click();
  await playground.expectValues('42');
});

test('other types check their own syntax; an empty field is reported by name', async ({ playground }) => {
  await playground.selectFunction('add64');
  await playground.arg(1).fill('1.5');
  await expect(playground.arg(1)).toHaveAttribute('aria-invalid', 'true');
  await playground.selectFunction('mul_f64');
  await playground.arg(1).fill('three');
  await expect(playground.arg(1)).toHaveAttribute('aria-invalid', 'true');
  await expect(playground.arg(1)).toHaveAccessibleDescription(/Enter a number for f64/);
  await playground.arg(1).fill('inf');
  await expect(playground.arg(1)).not.toHaveAttribute('aria-invalid', 'true');

  await playground.selectFunction('add');
  await playground.arg(1).fill('1');
  await playground.runButton.click();
  await playground.expectRunError(/Argument 2 \(i32\)/);
});

test('arguments typed for one function are kept when switching to another and back', async ({ playground }) => {
  await playground.selectFunction('add');
  await playground.fillArgs('7', '8');
  await playground.selectFunction('answer');
  await playground.selectFunction('add');
  await expect(playground.arg(1)).toHaveValue('7');
  await expect(playground.arg(2)).toHaveValue('8');
});

test('"Download output" saves the values as text', async ({ playground }) => {
  await playground.run('swap', '3', '4');
  await playground.expectValues('4', '3');
  const [download] = await Promise.all([
    playground.page.waitForEvent('download'),
    playground.output.getByRole('button', { name: 'Download output' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('swap-output.txt');
  expect(await readFile(await download.path(), 'utf8')).toBe('4\n3');
});

test('"Copy output" puts the values on the clipboard', async ({ playground, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await playground.run('add', '2', '3');
  await playground.expectValues('5');
  await playground.output.getByRole('button', { name: 'Copy output' }).click();
  await expect.poll(() => playground.page.evaluate(() => navigator.clipboard.readText())).toBe('5');
});
