/** A trap shows as an error with the trap message and the function name; nothing freezes (issue 2 item 6). */
import { expect, test } from './support/playground';

test.beforeEach(async ({ playground }) => {
  await playground.open('trap.wasm');
});

test('div_s(1, 0): "Trap in div_s: divide by zero"', async ({ playground }) => {
  await playground.run('div_s', '1', '0');
  await playground.expectRunError('Trap in div_s: divide by zero');
  await expect(playground.outputAlert).toHaveAttribute('data-code', 'trap');
  await expect(playground.status).toHaveText(/^error · compile [\d.]+ ms · instantiate [\d.]+ ms · call [\d.]+ ms$/);
});

test('div_s(-2147483648, -1): the overflow trap', async ({ playground }) => {
  await playground.run('div_s', '-2147483648', '-1');
  await playground.expectRunError(/Trap in div_s: divide result unrepresentable/);
});

test('boom(): "Trap in boom: unreachable"', async ({ playground }) => {
  await playground.run('boom');
  await playground.expectRunError(/Trap in boom: unreachable/);
});

test('oob(): out of bounds memory access', async ({ playground }) => {
  await playground.run('oob');
  await playground.expectRunError(/Trap in oob: memory access out of bounds/);
});

test('recurse(0): stack overflow, named as such', async ({ playground }) => {
  await playground.run('recurse', '0');
  await playground.expectRunError(/Trap in recurse: stack overflow/);
});

test('after a trap the sandbox still works: div_s(7, 2) = 3', async ({ playground }) => {
  await playground.run('div_s', '1', '0');
  await playground.expectRunError('divide by zero');
  await playground.fillArgs('7', '2');
  await playground.runButton.click();
  await playground.expectValues('3');
});
