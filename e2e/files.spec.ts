/**
 * The "Files" panel (issue 4): IndexedDB volumes a user browses and edits — new folder, upload,
 * download, rename, delete, view — and that survive a reload.
 */
import type { Locator } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, type Playground, test } from './support/playground';

const files = (pg: Playground): Locator => pg.page.getByRole('region', { name: 'Files' });
const row = (pg: Playground, name: string): Locator => files(pg).getByRole('listitem', { name, exact: true });

async function upload(pg: Playground, ...list: { name: string; text: string }[]): Promise<void> {
  await files(pg)
    .getByLabel('Upload files', { exact: true })
    .setInputFiles(list.map((f) => ({ name: f.name, mimeType: 'text/plain', buffer: Buffer.from(f.text) })));
  for (const f of list) await expect(row(pg, f.name)).toBeVisible();
}

test('new folder: appears in the tree and survives a reload', async ({ playground }) => {
  const panel = files(playground);
  await panel.getByRole('button', { name: 'New folder' }).click();
  await panel.getByRole('textbox', { name: 'Folder name' }).fill('projects');
  await panel.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(row(playground, 'projects')).toBeVisible();
  await expect(row(playground, 'projects').getByRole('button', { name: 'projects' })).toHaveAttribute('aria-expanded', 'false');
  await playground.page.reload();
  await expect(row(playground, 'projects')).toBeVisible();
});

test('upload: files appear with their sizes and survive a reload', async ({ playground }) => {
  await upload(playground, { name: 'notes.txt', text: 'hello files\n' }, { name: 'data.csv', text: 'a,b\n1,2\n' });
  await expect(row(playground, 'notes.txt')).toContainText('12 B');
  await expect(row(playground, 'data.csv')).toContainText('8 B');
  await playground.page.reload();
  await expect(row(playground, 'notes.txt')).toBeVisible();
  await expect(row(playground, 'data.csv')).toBeVisible();
});

test('download: a file comes back byte for byte; a folder as a zip', async ({ playground }) => {
  const page = playground.page;
  await upload(playground, { name: 'report.txt', text: 'quarterly numbers\n' });
  const [download] = await Promise.all([page.waitForEvent('download'), row(playground, 'report.txt').getByRole('button', { name: 'Download' }).click()]);
  expect(download.suggestedFilename()).toBe('report.txt');
  expect(readFileSync(await download.path()).toString()).toBe('quarterly numbers\n');

  await files(playground).getByRole('button', { name: 'New folder' }).click();
  await files(playground).getByRole('textbox', { name: 'Folder name' }).fill('bundle');
  await files(playground).getByRole('button', { name: 'Create', exact: true }).click();
  const [zip] = await Promise.all([page.waitForEvent('download'), row(playground, 'bundle').getByRole('button', { name: 'Download' }).click()]);
  expect(zip.suggestedFilename()).toBe('bundle.zip');
  expect(readFileSync(await zip.path()).subarray(0, 2).toString()).toBe('PK');
});

test('rename: the row takes the new name, also after a reload', async ({ playground }) => {
  await upload(playground, { name: 'draft.txt', text: 'v1' });
  await row(playground, 'draft.txt').getByRole('button', { name: 'Rename' }).click();
  await files(playground).getByRole('textbox', { name: 'New name' }).fill('final.txt');
  await files(playground).getByRole('button', { name: 'Save' }).click();
  await expect(row(playground, 'final.txt')).toBeVisible();
  await expect(row(playground, 'draft.txt')).toHaveCount(0);
  await playground.page.reload();
  await expect(row(playground, 'final.txt')).toBeVisible();
  await expect(row(playground, 'draft.txt')).toHaveCount(0);
});

test('delete: asks first; Cancel keeps the file, Confirm delete removes it for good', async ({ playground }) => {
  await upload(playground, { name: 'keep.txt', text: 'k' }, { name: 'trash.txt', text: 't' });
  await row(playground, 'trash.txt').getByRole('button', { name: 'Delete' }).click();
  await files(playground).getByRole('button', { name: 'Cancel' }).click();
  await expect(row(playground, 'trash.txt')).toBeVisible();
  await row(playground, 'trash.txt').getByRole('button', { name: 'Delete' }).click();
  await expect(files(playground).getByRole('group', { name: 'Delete trash.txt?' })).toBeVisible();
  await files(playground).getByRole('button', { name: 'Confirm delete' }).click();
  await expect(row(playground, 'trash.txt')).toHaveCount(0);
  await playground.page.reload();
  await expect(row(playground, 'keep.txt')).toBeVisible();
  await expect(row(playground, 'trash.txt')).toHaveCount(0);
});

test('view: a file opens in the viewer with the output renderers', async ({ playground }) => {
  await upload(playground, { name: 'poem.txt', text: 'roses\nviolets\n' });
  await row(playground, 'poem.txt').getByRole('button', { name: 'View' }).click();
  const viewer = files(playground).getByRole('region', { name: 'Viewing poem.txt' });
  await expect(viewer).toBeVisible();
  await expect(viewer).toContainText('roses');
  await expect(viewer).toContainText('violets');
  await viewer.getByRole('button', { name: 'Close viewer' }).click();
  await expect(viewer).toHaveCount(0);
});
