/**
 * Runaway guests (issue 2 item 7): Stop terminates the worker, a timeout does the same, the page
 * stays responsive throughout, and the next run starts at once without a reload.
 */
import { expect, test } from './support/playground';

test.beforeEach(async ({ playground }) => {
  await playground.open('loop.wasm');
});

test('"Stop" ends an infinite loop, and spin_for runs right after without a reload', async ({ playground, page }) => {
  await playground.run('spin');
  await expect(playground.status).toHaveText(/^running…/);
  await expect(playground.runButton).toBeDisabled();
  await expect(playground.stopButton).toBeEnabled();
  // Let it really spin for a moment before stopping it.
  await page.waitForTimeout(300);
  await expect(playground.status).toHaveText(/^running…/);

  await playground.stopButton.click();
  await expect(playground.status).toHaveText(/^stopped · after \d+(\.\d+)? ms$/);
  await expect(playground.outputAlert).toContainText('Stopped: the run was ended by the Stop button.');
  await expect(playground.stopButton).toBeDisabled();

  const navigations: string[] = [];
  page.on('framenavigated', (frame) => navigations.push(frame.url()));
  await playground.run('spin_for', '1000000');
  await playground.expectValues('1000000');
  expect(navigations, 'no reload between the stopped run and the next').toEqual([]);
});

test('a timeout ("Timeout (s)" = 1) stops the loop; the page responds while it spins', async ({ playground, page }) => {
  await playground.timeoutBox.fill('1');
  await playground.selectFunction('spin');
  // Count main-thread timer ticks while the guest spins: a blocked page would get none.
  await page.evaluate(() => {
    const w = window as unknown as { ticks: number };
    w.ticks = 0;
    const timer = setInterval(() => {
      if (document.querySelector('[aria-label="Run status"]')?.textContent?.startsWith('running…')) w.ticks++;
      else if (w.ticks > 0) clearInterval(timer);
    }, 50);
  });
  await playground.runButton.click();
  await expect(playground.status).toHaveText(/^running…/);
  // Typing works while it spins.
  await playground.urlBox.fill('typing while it spins');
  await expect(playground.urlBox).toHaveValue('typing while it spins');

  await expect(playground.status).toHaveText(/^stopped · after \d+(\.\d+)? ms$/, { timeout: 8_000 });
  await expect(playground.outputAlert).toContainText('took longer than the 1 s time limit');
  await expect(playground.outputAlert).toHaveAttribute('data-code', 'timeout');
  const ticks = await page.evaluate(() => (window as unknown as { ticks: number }).ticks);
  expect(ticks, 'timer ticks on the main thread during the 1 s spin').toBeGreaterThanOrEqual(5);

  await playground.run('spin_for', '10');
  await playground.expectValues('10');
});

test('the timeout setting is kept after a reload', async ({ playground, page }) => {
  await playground.timeoutBox.fill('2.5');
  await page.reload();
  await expect(playground.timeoutBox).toHaveValue('2.5');
});

test('Stop twice in a row: each run is stopped and the next one still works', async ({ playground }) => {
  for (let i = 0; i < 2; i++) {
    await playground.run('spin');
    await expect(playground.status).toHaveText(/^running…/);
    await playground.stopButton.click();
    await expect(playground.status).toHaveText(/^stopped/);
  }
  await playground.run('spin_for', '5');
  await playground.expectValues('5');
});

test('grow_forever: a guest that eats memory ends with a clear message and the page lives', async ({ playground }) => {
  await playground.timeoutBox.fill('1');
  await playground.run('grow_forever');
  // It grows until the engine refuses, then spins: the time limit (or a memory error) ends it.
  await expect(playground.status).toHaveText(/^(stopped|error)\b/, { timeout: 10_000 });
  await expect(playground.outputAlert).toContainText(/time limit|memory/i);
  await playground.run('spin_for', '3');
  await playground.expectValues('3');
});
