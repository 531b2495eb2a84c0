/**
 * The layout (issue 11): panes at 1440×900, tabs on a 390×844 phone, state that is honest about
 * which module it belongs to, and Escape to stop. Screenshots of each state are attached to the report.
 */
import type { Page, TestInfo } from '@playwright/test';
import { expect, Playground, test } from './support/playground';
import { CORS_PORT } from './support/urls';
import { Plugin } from './support/plugin';

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** A screenshot kept in the test's output folder (test-results/…/<name>.png) and attached to the report. */
export async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** The element's box lies inside the viewport (not below the fold, not off to the side). */
async function expectOnScreen(page: Page, locator: ReturnType<Page['locator']>): Promise<void> {
  const box = await locator.boundingBox();
  const view = page.viewportSize()!;
  expect(box, 'has a box').not.toBeNull();
  expect(box!.y + Math.min(box!.height, 40)).toBeLessThanOrEqual(view.height);
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(view.width + 1);
}

async function noHorizontalScroll(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, 'page width').toBeLessThanOrEqual(client);
}

test.describe('desktop 1440×900', () => {
  test.use({ viewport: DESKTOP });

  test('empty: header, panes and side tabs are all on screen', async ({ playground, page }, testInfo) => {
    await expectOnScreen(page, playground.loadButton);
    await expectOnScreen(page, playground.runButton);
    await expectOnScreen(page, playground.output);
    await expectOnScreen(page, playground.console);
    for (const name of ['Inspector', 'Capabilities', 'Files'] as const) await expectOnScreen(page, page.getByRole('tab', { name, exact: true }));
    await noHorizontalScroll(page);
    await shot(page, testInfo, 'desktop-empty');
  });

  test('loaded and run: Output beside the module, Inspector one click away', async ({ playground, page }, testInfo) => {
    await playground.open('add.wasm');
    await playground.run('add', '2', '3');
    await playground.expectValues('5');
    await expectOnScreen(page, playground.values.first());
    await playground.showPanel('Inspector');
    await expect(playground.exportsList).toBeVisible();
    await expectOnScreen(page, playground.exportsList);
    await shot(page, testInfo, 'desktop-run');
    await playground.showPanel('Files');
    await expectOnScreen(page, playground.files);
    await shot(page, testInfo, 'desktop-files');
  });

  test('WASI: Arguments and Environment sit above Run', async ({ playground, page }) => {
    await playground.open('wasi-command.wasm');
    const args = page.getByRole('textbox', { name: 'Arguments', exact: true });
    const env = page.getByRole('group', { name: 'Environment' });
    const run = await playground.runButton.boundingBox();
    expect((await args.boundingBox())!.y).toBeLessThan(run!.y);
    expect((await env.boundingBox())!.y).toBeLessThan(run!.y);
  });

  test('pane sizes are remembered across a reload', async ({ playground, page }) => {
    const handle = page.getByRole('separator', { name: 'Resize the module pane' });
    const before = Number(await handle.getAttribute('aria-valuenow'));
    await handle.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect(handle).toHaveAttribute('aria-valuenow', String(before + 64));
    const box = await handle.boundingBox();
    // Drag the Output/Console divider too.
    const split = page.getByRole('separator', { name: 'Resize Output and Console' });
    const s = (await split.boundingBox())!;
    await page.mouse.move(s.x + s.width / 2, s.y + s.height / 2);
    await page.mouse.down();
    await page.mouse.move(s.x + s.width / 2, s.y - 120, { steps: 4 });
    await page.mouse.up();
    const outputShare = await split.getAttribute('aria-valuenow');
    await page.reload();
    await playground.goto();
    await expect(page.getByRole('separator', { name: 'Resize the module pane' })).toHaveAttribute('aria-valuenow', String(before + 64));
    await expect(page.getByRole('separator', { name: 'Resize Output and Console' })).toHaveAttribute('aria-valuenow', outputShare!);
    expect((await page.getByRole('separator', { name: 'Resize the module pane' }).boundingBox())!.x).toBeCloseTo(box!.x, 0);
  });

  test('network and mounts appear when the module asks, or when the user does', async ({ playground, page }) => {
    await playground.open('add.wasm');
    await playground.showPanel('Capabilities');
    const caps = page.getByRole('region', { name: 'Capabilities' });
    await expect(caps).toContainText('imports nothing');
    await expect(page.getByRole('textbox', { name: 'Allowed hosts' })).toHaveCount(0);
    await expect(playground.mounts).toHaveCount(0);
    await caps.getByRole('button', { name: 'Add network access…' }).click();
    await expect(page.getByRole('textbox', { name: 'Allowed hosts' })).toBeFocused();
    await caps.getByRole('button', { name: 'Mount a folder…' }).click();
    await expect(playground.mounts).toBeVisible();

    await playground.open('wasi-command.wasm');
    await expect(playground.mounts).toBeVisible();
  });

  test('unmet imports are counted as a question, not "asks for nothing"', async ({ playground, page }) => {
    await playground.open('imports.wasm');
    await playground.showPanel('Capabilities');
    const caps = page.getByRole('region', { name: 'Capabilities' });
    await expect(caps).toContainText(/\d+ imports? nothing provides/);
    await expect(caps).not.toContainText('asks for no host capabilities');
  });
});

test.describe('outputs and theme', () => {
  test.use({ viewport: DESKTOP });

  test('a 2×2 PNG opens scaled up with crisp pixels, and zooms', async ({ playground, page }, testInfo) => {
    const plugin = new Plugin(playground);
    await plugin.open('extism/outputs.wasm');
    await plugin.call('png');
    await plugin.expectOk();
    const img = playground.output.getByRole('img', { name: 'Output image' });
    await expect.poll(async () => (await img.boundingBox())?.width).toBe(256);
    await expect(img).toHaveCSS('image-rendering', 'pixelated');
    await playground.output.getByRole('button', { name: 'Zoom out' }).click();
    await expect.poll(async () => (await img.boundingBox())?.width).toBe(128);
    await playground.output.getByRole('button', { name: 'Actual size' }).click();
    await expect.poll(async () => (await img.boundingBox())?.width).toBe(2);
    await expect(playground.output.locator('figcaption')).toHaveText('2 × 2 px');
    await playground.output.getByRole('button', { name: 'Zoom in' }).click();
    await shot(page, testInfo, 'desktop-image');
  });

  test('the Output type select is not clipped', async ({ playground }) => {
    const plugin = new Plugin(playground);
    await plugin.open('extism/outputs.wasm');
    await plugin.call('png');
    await plugin.expectOk();
    const select = plugin.outputType;
    // The select is as wide as its longest option: its text does not overflow its box.
    const clipped = await select.evaluate((el: HTMLSelectElement) => el.scrollWidth > el.clientWidth + 1);
    expect(clipped).toBe(false);
    const selectBox = (await select.boundingBox())!;
    const paneBox = (await playground.output.boundingBox())!;
    expect(selectBox.x + selectBox.width).toBeLessThanOrEqual(paneBox.x + paneBox.width);
  });

  test('dark theme', async ({ browser }, testInfo) => {
    const context = await browser.newContext({ colorScheme: 'dark', viewport: DESKTOP });
    const page = await context.newPage();
    const playground = new Playground(page);
    await playground.goto();
    await playground.open('trap.wasm');
    await playground.run('div_s', '7', '2');
    await playground.expectValues('3');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).not.toBe('rgb(244, 244, 248)');
    await shot(page, testInfo, 'desktop-dark');
    await context.close();
  });
});

test.describe('honest state', () => {
  test.use({ viewport: DESKTOP });

  test('loading another module clears the last output, status and console', async ({ playground, page }, testInfo) => {
    await playground.open('trap.wasm');
    await playground.selectFunction('div_s');
    await playground.fillArgs('1', '0');
    await playground.runButton.click();
    await expect(playground.status).toHaveText(/^error\b/);
    await expect(playground.output).toContainText(/div_s/);
    await shot(page, testInfo, 'desktop-error');
    await playground.open('add.wasm');
    await expect(playground.status).toHaveText('idle');
    await expect(playground.output).not.toContainText('div_s');
    await expect(playground.outputAlert).toHaveCount(0);
  });

  test('the status counts up while running, and Escape stops the run', async ({ playground, page }) => {
    await playground.open('loop.wasm');
    await playground.selectFunction('spin');
    await playground.runButton.click();
    await expect(playground.status).toHaveText(/^running… \d+\.\d s$/);
    const first = parseFloat((await playground.status.textContent())!.replace(/^running… /, ''));
    await expect.poll(async () => parseFloat((await playground.status.textContent())!.replace(/^running… /, '')), { timeout: 4000 }).toBeGreaterThan(first);
    await page.keyboard.press('Escape');
    await expect(playground.status).toHaveText(/^stopped\b/);
  });

  test('"That is not a URL", and a scheme is added to a bare host', async ({ playground, page }) => {
    await playground.loadUrl('not a url');
    await expect(playground.loadError).toContainText('That is not a URL');
    await expect(playground.loadError).not.toContainText('HTML page');
    // The fixture server is plain http on localhost: without a scheme, http:// is assumed.
    await playground.loadUrl(`localhost:${CORS_PORT}/fixtures/add.wasm`);
    await playground.expectLoaded('add.wasm');
    await expect(page.getByRole('heading', { level: 2, name: 'add.wasm' })).toHaveAttribute('title', `http://localhost:${CORS_PORT}/fixtures/add.wasm`);
  });
});

test.describe('medium widths', () => {
  for (const viewport of [{ width: 1024, height: 768 }, { width: 700, height: 900 }]) {
    test(`${viewport.width}×${viewport.height}: nothing scrolls sideways and every panel is reachable`, async ({ playground, page }, testInfo) => {
      await page.setViewportSize(viewport);
      await playground.open('add.wasm');
      await playground.run('add', '2', '3');
      await playground.expectValues('5');
      await noHorizontalScroll(page);
      await playground.showPanel('Files');
      await expect(playground.files).toBeVisible();
      await shot(page, testInfo, `medium-${viewport.width}`);
    });
  }
});

test.describe('phone 390×844', () => {
  test.use({ viewport: PHONE, hasTouch: true });

  async function phoneTab(playground: Playground, name: string) {
    const tab = playground.page.getByRole('tablist', { name: 'Sections' }).getByRole('tab', { name, exact: true });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }

  test('the header fits, with Load whole', async ({ playground, page }, testInfo) => {
    await noHorizontalScroll(page);
    await expectOnScreen(page, playground.loadButton);
    await expectOnScreen(page, page.locator('.topbar .file-button'));
    await expectOnScreen(page, playground.recentButton);
    await shot(page, testInfo, 'phone-empty');
  });

  test('tabs Module · Input · Output · Console · Files; Run shows Output', async ({ playground, page }, testInfo) => {
    const tabs = page.getByRole('tablist', { name: 'Sections' }).getByRole('tab');
    await expect(tabs).toHaveText(['Module', 'Input', 'Output', 'Console', 'Files']);
    await playground.open('add.wasm');
    // A new module brings its summary up.
    await expect(page.getByRole('tab', { name: 'Module', exact: true })).toHaveAttribute('aria-selected', 'true');
    await shot(page, testInfo, 'phone-module');
    await phoneTab(playground, 'Input');
    await playground.run('add', '2', '3');
    await expect(page.getByRole('tab', { name: 'Output', exact: true })).toHaveAttribute('aria-selected', 'true');
    await playground.expectValues('5');
    await expectOnScreen(page, playground.values.first());
    await shot(page, testInfo, 'phone-output');
    await phoneTab(playground, 'Files');
    await expect(playground.files).toBeVisible();
    await noHorizontalScroll(page);
  });

  test('controls are at least 44 px tall', async ({ playground, page }) => {
    await playground.open('add.wasm');
    await phoneTab(playground, 'Input');
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('button, select, input:not([type=checkbox]):not([type=radio]):not([type=file]), [role=tab], .file-button')]
        .filter((el) => el.offsetParent !== null)
        .map((el) => ({ label: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName, h: el.getBoundingClientRect().height }))
        .filter((t) => t.h < 43.5),
    );
    expect(small).toEqual([]);
    await noHorizontalScroll(page);
  });
});
