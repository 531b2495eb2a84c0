/**
 * Accessibility (issue 11): axe-core on the main states, at 1440×900 and on a 390×844 phone.
 * Serious and critical violations fail the test; the report names each rule and the nodes it hit.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/playground';

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

async function expectNoSeriousViolations(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`);
  expect(bad, `serious or critical axe violations in the ${state} state`).toEqual([]);
}

test.describe('desktop', () => {
  test.use({ viewport: DESKTOP });

  test('empty', async ({ playground, page }) => {
    await expect(playground.runButton).toBeDisabled();
    await expectNoSeriousViolations(page, 'empty');
  });

  test('loaded, run, Inspector and Files', async ({ playground, page }) => {
    await playground.open('add.wasm');
    await expectNoSeriousViolations(page, 'loaded');
    await playground.run('add', '2', '3');
    await playground.expectValues('5');
    await expectNoSeriousViolations(page, 'run');
    await playground.showPanel('Inspector');
    await expectNoSeriousViolations(page, 'Inspector');
    await playground.showPanel('Capabilities');
    await expectNoSeriousViolations(page, 'Capabilities');
    await playground.showPanel('Files');
    await expect(playground.files).toBeVisible();
    await expectNoSeriousViolations(page, 'Files');
  });

  test('error', async ({ playground, page }) => {
    await playground.open('trap.wasm');
    await playground.run('div_s', '1', '0');
    await expect(playground.status).toHaveText(/^error\b/);
    await expectNoSeriousViolations(page, 'run error');
    await playground.loadUrl('not a url');
    await expect(playground.loadError).toBeVisible();
    await expectNoSeriousViolations(page, 'load error');
  });

  test('WASI command', async ({ playground, page }) => {
    await playground.open('wasi-command.wasm');
    await expectNoSeriousViolations(page, 'WASI loaded');
  });
});

test.describe('dark', () => {
  test.use({ viewport: DESKTOP, colorScheme: 'dark' });

  test('loaded and run, dark', async ({ playground, page }) => {
    await playground.open('add.wasm');
    await playground.run('add', '2', '3');
    await playground.expectValues('5');
    await expectNoSeriousViolations(page, 'dark run');
    await playground.showPanel('Capabilities');
    await expectNoSeriousViolations(page, 'dark Capabilities');
  });
});

test.describe('phone', () => {
  test.use({ viewport: PHONE, hasTouch: true });

  test('every tab', async ({ playground, page }) => {
    await expectNoSeriousViolations(page, 'phone empty');
    await playground.open('add.wasm');
    for (const name of ['Module', 'Input', 'Output', 'Console', 'Files']) {
      await page.getByRole('tablist', { name: 'Sections' }).getByRole('tab', { name, exact: true }).click();
      await expectNoSeriousViolations(page, `phone ${name}`);
    }
  });
});
