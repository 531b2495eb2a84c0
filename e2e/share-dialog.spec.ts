/**
 * The Share dialog (issue 11 §5, issue 10 §5): "Copy link" with "Copied", the recipient's notice,
 * a module too big for a link (the recipient is asked for the file, matched by SHA-256; a bundle
 * file), and the embed snippet working in a course page.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { inflateSync, strFromU8 } from 'fflate';
import { expect, fixturePath, Playground, test } from './support/playground';
import { Plugin } from './support/plugin';
import { CORS_ORIGIN, fixtureUrl } from './support/urls';

const HOST = new URL(CORS_ORIGIN).host;

/** The JSON inside a `…#s=<base64url(deflate(json))>` link. */
function decodeLink(link: string): { module: Record<string, unknown>; func?: string; grants?: unknown } {
  const payload = new URLSearchParams(new URL(link).hash.slice(1)).get('s');
  if (!payload) throw new Error(`no #s= in ${link}`);
  return JSON.parse(strFromU8(inflateSync(Buffer.from(payload, 'base64url')))) as ReturnType<typeof decodeLink>;
}

/** add.wasm with a 300 KB custom section of noise: valid, too big to inline, same exports. */
function bigModule(): Buffer {
  const add = readFileSync(fixturePath('add.wasm'));
  let x = 7;
  const noise = Buffer.from(Uint8Array.from({ length: 300_000 }, () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0), x >>> 24)));
  const name = Buffer.from('padding');
  const body = Buffer.concat([Buffer.from([name.length]), name, noise]);
  return Buffer.concat([add, Buffer.from([0]), leb128(body.length), body]);
}

function leb128(n: number): Buffer {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
}

const dialogOf = (page: Page) => page.getByRole('dialog', { name: 'Share' });

async function openFresh(browser: Browser, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.stack ?? error.message));
  const pg = new Playground(page);
  await pg.goto(url);
  return { page, pg, errors, context };
}

test('Share opens a dialog: the whole link, its size, and "Copy link" confirms with "Copied"', async ({ playground, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = playground.page;
  await playground.open('add.wasm');
  await playground.fillArgs('2', '3');
  await new Plugin(playground).shareButton.click();
  const dialog = dialogOf(page);
  await expect(dialog).toBeVisible();
  const link = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toMatch(/^http:\/\/localhost:\d+\/#s=[A-Za-z0-9_-]+$/);
  expect(decodeLink(link)).toMatchObject({ func: 'add', module: { name: 'add.wasm', inline: expect.any(String) } });
  await expect(dialog).toContainText(`${link.length.toLocaleString('en')} characters`);
  await expect(dialog.getByRole('status').filter({ hasText: 'Copied' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Copied');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  // Escape closes it; the header has no link field of its own.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Share link' })).toBeHidden();
});

test('where the clipboard is refused, "Copy link" selects the link instead', async ({ playground }) => {
  const page = playground.page;
  await page.evaluate(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
  });
  await playground.open('add.wasm');
  await new Plugin(playground).shareButton.click();
  const dialog = dialogOf(page);
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await expect(dialog.getByRole('status')).toContainText('Selected: press Ctrl+C');
  const field = dialog.getByRole('textbox', { name: 'Share link' });
  await expect(field).toBeFocused();
  const selected = await field.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));
  expect(selected).toBe(await field.inputValue());
});

test('the recipient sees "Opened from a shared link", the module URL in the URL box, and the hosts it asks for', async ({ playground, browser }) => {
  const plugin = new Plugin(playground);
  const url = fixtureUrl('extism/http.wasm');
  await playground.loadUrl(url);
  await playground.expectLoaded('http.wasm');
  await plugin.allowedHosts.fill(HOST);
  await plugin.shareButton.click();
  const link = await dialogOf(playground.page).getByRole('textbox', { name: 'Share link' }).inputValue();

  const other = await openFresh(browser, link);
  try {
    await other.pg.expectLoaded('http.wasm');
    const notice = other.page.getByRole('region', { name: 'Shared link' });
    await expect(notice).toContainText('Opened from a shared link');
    await expect(notice).toContainText(`Module: http.wasm, fetched from ${url}.`);
    await expect(notice).toContainText(`It asks for network access to ${HOST}. Nothing is granted until you allow it.`);
    await expect(other.pg.urlBox).toHaveValue(url);
    // Asked, not applied.
    await expect(new Plugin(other.pg).allowedHosts).toHaveValue('');
    await expect(new Plugin(other.pg).grantRequest).toBeVisible();
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
    expect(other.errors).toEqual([]);
  } finally {
    await other.context.close();
  }
});

test('a module too big for a link: the link asks the recipient for the file, refuses a wrong one by hash, and runs the right one', async ({ playground, browser }) => {
  const page = playground.page;
  const big = bigModule();
  const sha = createHash('sha256').update(big).digest('hex');
  await playground.fileInput.setInputFiles({ name: 'big.wasm', mimeType: 'application/wasm', buffer: big });
  await playground.expectLoaded('big.wasm');
  await playground.selectFunction('add');
  await playground.fillArgs('20', '22');
  await new Plugin(playground).shareButton.click();
  const dialog = dialogOf(page);
  const tooBig = dialog.getByRole('region', { name: 'Module not in the link' });
  await expect(tooBig).toContainText('"big.wasm" is too large to put inside a link');
  await expect(tooBig.getByRole('button', { name: 'Download bundle' })).toBeVisible();
  await expect(tooBig).toContainText('Host the module');
  const link = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(decodeLink(link).module).toEqual({ sha256: sha, name: 'big.wasm', size: big.length });
  expect(link.length).toBeLessThan(1000);

  const other = await openFresh(browser, link);
  try {
    const notice = other.page.getByRole('region', { name: 'Shared link' });
    await expect(notice).toContainText('Opened from a shared link');
    await expect(notice).toContainText(`This link needs big.wasm (293 KB, sha-256 ${sha.slice(0, 12)}…): drop or pick the file.`);
    const picker = notice.getByLabel('File this link needs');

    // A wrong file dropped on the notice is refused by hash (and not loaded by the window's drop handler).
    await other.pg.drop('add.wasm', '.file-needed');
    const refusal = notice.getByRole('alert');
    await expect(refusal).toContainText('"add.wasm" is not the module this link needs: its SHA-256 is');
    await expect(refusal).toContainText(`the link expects ${sha.slice(0, 12)}… (big.wasm, 293 KB)`);
    await expect(other.pg.moduleHeading('add.wasm')).toHaveCount(0);
    await picker.setInputFiles(fixturePath('trap.wasm'));
    await expect(refusal).toContainText('"trap.wasm" is not the module this link needs');

    await picker.setInputFiles({ name: 'renamed.wasm', mimeType: 'application/wasm', buffer: big });
    await other.pg.expectLoaded('big.wasm');
    await expect(notice).toContainText('Module: big.wasm, from the file you picked (its SHA-256 matches the link).');
    await expect(other.pg.functionPicker).toHaveValue('add');
    await other.pg.runButton.click();
    await other.pg.expectValues('42');
    expect(other.errors).toEqual([]);
  } finally {
    await other.context.close();
  }
});

test('"Download bundle" saves one HTML file that opens the playground with the module and its setup', async ({ playground, browser }, testInfo) => {
  const page = playground.page;
  const big = bigModule();
  await playground.fileInput.setInputFiles({ name: 'big.wasm', mimeType: 'application/wasm', buffer: big });
  await playground.expectLoaded('big.wasm');
  await playground.selectFunction('add');
  await playground.fillArgs('4', '5');
  await new Plugin(playground).shareButton.click();
  const [download] = await Promise.all([page.waitForEvent('download'), dialogOf(page).getByRole('button', { name: 'Download bundle' }).click()]);
  expect(download.suggestedFilename()).toBe('big.playground.html');
  const file = testInfo.outputPath('big.playground.html');
  await download.saveAs(file);

  // Another person's browser opens the file from disk.
  const context = await browser.newContext();
  try {
    const bundle = await context.newPage();
    await bundle.goto(`file://${file}`);
    await expect(bundle.getByRole('heading', { level: 1, name: 'big.wasm' })).toBeVisible();
    const [app] = await Promise.all([context.waitForEvent('page'), bundle.getByRole('button', { name: 'Open in Wasm Playground' }).click()]);
    const pg = new Playground(app);
    await pg.expectLoaded('big.wasm');
    await expect(app.getByRole('region', { name: 'Shared link' })).toContainText('Module: big.wasm, from the bundle file (its SHA-256 matches the link).');
    await expect(bundle.getByRole('status')).toHaveText('Sent big.wasm to the playground.');
    await expect(pg.functionPicker).toHaveValue('add');
    await pg.runButton.click();
    await pg.expectValues('9');
  } finally {
    await context.close();
  }
});

test('Share → Embed gives an iframe snippet that runs in a course page, read-only or editable', async ({ playground, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = playground.page;
  await playground.open('add.wasm');
  await playground.fillArgs('6', '7');
  await new Plugin(playground).shareButton.click();
  const dialog = dialogOf(page);
  await dialog.getByRole('tab', { name: 'Embed' }).click();
  await expect(dialog.getByRole('radio', { name: 'Read-only' })).toBeChecked();
  const field = dialog.getByRole('textbox', { name: 'Embed snippet' });
  const readOnly = await field.inputValue();
  expect(readOnly).toMatch(/^<iframe src="http:\/\/localhost:\d+\/\?embed=1&amp;readonly=1#s=[A-Za-z0-9_-]+" title="Wasm Playground: add\.wasm"/);
  await expect(dialog).toContainText(readOnly.length < 1024 ? `${readOnly.length} B` : 'KB');
  await dialog.getByRole('button', { name: 'Copy snippet' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Copied');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(readOnly);
  await dialog.getByRole('radio', { name: 'Editable' }).check();
  const editable = await field.inputValue();
  expect(editable).toContain('?embed=1#s=');

  // The course page: an HTML page of the fixture server (another origin) with the snippet pasted in.
  // It is served for real, not by page.route: Chromium refuses to frame localhost from a page it cannot place.
  const course = `${CORS_ORIGIN}/html/lesson.html`;
  const openCourse = async (snippet: string) => {
    await page.goto(course);
    await page.setContent(`<!doctype html><title>Lesson</title><h1>Lesson 1</h1>${snippet}`);
    return page.frameLocator('iframe[title="Wasm Playground: add.wasm"]');
  };

  let frame = await openCourse(readOnly);
  await expect(frame.getByRole('heading', { level: 2, name: 'add.wasm' })).toBeVisible();
  await expect(frame.getByRole('combobox', { name: 'Function' })).toHaveValue('add');
  // Read-only: no loading, sharing or file picking in the frame; Run still works.
  await expect(frame.getByRole('textbox', { name: 'Module URL' })).toBeHidden();
  await expect(frame.getByRole('button', { name: 'Share', exact: true })).toBeHidden();
  await expect(frame.getByLabel('Module file', { exact: true })).toBeHidden();
  await frame.getByRole('button', { name: 'Run' }).click();
  await expect(frame.getByRole('region', { name: 'Output' }).getByRole('list', { name: 'Return values' }).locator('output')).toHaveText(['13']);

  frame = await openCourse(editable);
  await expect(frame.getByRole('heading', { level: 2, name: 'add.wasm' })).toBeVisible();
  await expect(frame.getByRole('textbox', { name: 'Module URL' })).toBeVisible();
  await expect(frame.getByRole('button', { name: 'Share', exact: true })).toBeVisible();
});

test('the file a link asks for also counts when opened with "Module file", and a reload finds it in the library', async ({ playground, browser }) => {
  const big = bigModule();
  await playground.fileInput.setInputFiles({ name: 'big.wasm', mimeType: 'application/wasm', buffer: big });
  await playground.expectLoaded('big.wasm');
  await playground.selectFunction('add');
  await playground.fillArgs('1', '2');
  await new Plugin(playground).shareButton.click();
  const link = await dialogOf(playground.page).getByRole('textbox', { name: 'Share link' }).inputValue();

  const other = await openFresh(browser, link);
  try {
    const notice = other.page.getByRole('region', { name: 'Shared link' });
    await expect(notice).toContainText('This link needs big.wasm');
    // The Module file input of the header: any way in works when the hash matches.
    await other.pg.fileInput.setInputFiles({ name: 'big.wasm', mimeType: 'application/wasm', buffer: big });
    await other.pg.expectLoaded('big.wasm');
    await expect(notice).toContainText('Module: big.wasm, from the file you picked');
    await expect(other.pg.arg(1)).toHaveValue('1');
    await expect(other.pg.arg(2)).toHaveValue('2');
    await other.pg.expectInLibrary('big.wasm');

    // Opened again in the same browser: the library has the module, so nothing is asked.
    await other.page.reload();
    await other.pg.expectLoaded('big.wasm');
    await expect(notice).toContainText('Module: big.wasm, from your library (its SHA-256 matches the link).');
    await other.pg.runButton.click();
    await other.pg.expectValues('3');
    expect(other.errors).toEqual([]);
  } finally {
    await other.context.close();
  }
});
