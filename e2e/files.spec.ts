/**
 * The "Files" panel (issue 4): IndexedDB volumes a user browses and edits — new folder, upload,
 * download, rename, delete, view — and that survive a reload.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './support/playground';

test('new folder: appears in the tree and survives a reload', async ({ playground }) => {
  const panel = playground.files;
  await playground.showPanel('Files');
  await panel.getByRole('button', { name: 'New folder' }).click();
  await panel.getByRole('textbox', { name: 'Folder name' }).fill('projects');
  await panel.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(playground.fileRow('projects')).toBeVisible();
  await expect(playground.fileRow('projects').getByRole('button', { name: 'projects' })).toHaveAttribute('aria-expanded', 'false');
  await playground.page.reload();
  await expect(playground.fileRow('projects')).toBeVisible();
});

test('upload: files appear with their sizes and survive a reload', async ({ playground }) => {
  await playground.uploadFiles({ name: 'notes.txt', text: 'hello files\n' }, { name: 'data.csv', text: 'a,b\n1,2\n' });
  await expect(playground.fileRow('notes.txt')).toContainText('12 B');
  await expect(playground.fileRow('data.csv')).toContainText('8 B');
  await playground.page.reload();
  await expect(playground.fileRow('notes.txt')).toBeVisible();
  await expect(playground.fileRow('data.csv')).toBeVisible();
});

test('download: a file comes back byte for byte; a folder as a zip', async ({ playground }) => {
  const page = playground.page;
  await playground.uploadFiles({ name: 'report.txt', text: 'quarterly numbers\n' });
  const [download] = await Promise.all([page.waitForEvent('download'), playground.fileRow('report.txt').getByRole('button', { name: 'Download' }).click()]);
  expect(download.suggestedFilename()).toBe('report.txt');
  expect(readFileSync(await download.path()).toString()).toBe('quarterly numbers\n');

  await playground.files.getByRole('button', { name: 'New folder' }).click();
  await playground.files.getByRole('textbox', { name: 'Folder name' }).fill('bundle');
  await playground.files.getByRole('button', { name: 'Create', exact: true }).click();
  const [zip] = await Promise.all([page.waitForEvent('download'), playground.fileRow('bundle').getByRole('button', { name: 'Download' }).click()]);
  expect(zip.suggestedFilename()).toBe('bundle.zip');
  expect(readFileSync(await zip.path()).subarray(0, 2).toString()).toBe('PK');
});

test('rename: the row takes the new name, also after a reload', async ({ playground }) => {
  await playground.uploadFiles({ name: 'draft.txt', text: 'v1' });
  await playground.fileRow('draft.txt').getByRole('button', { name: 'Rename' }).click();
  await playground.files.getByRole('textbox', { name: 'New name' }).fill('final.txt');
  await playground.files.getByRole('button', { name: 'Save' }).click();
  await expect(playground.fileRow('final.txt')).toBeVisible();
  await expect(playground.fileRow('draft.txt')).toHaveCount(0);
  await playground.page.reload();
  await expect(playground.fileRow('final.txt')).toBeVisible();
  await expect(playground.fileRow('draft.txt')).toHaveCount(0);
});

test('delete: asks first; Cancel keeps the file, Confirm delete removes it for good', async ({ playground }) => {
  await playground.uploadFiles({ name: 'keep.txt', text: 'k' }, { name: 'trash.txt', text: 't' });
  await playground.fileRow('trash.txt').getByRole('button', { name: 'Delete' }).click();
  await playground.files.getByRole('button', { name: 'Cancel' }).click();
  await expect(playground.fileRow('trash.txt')).toBeVisible();
  await playground.fileRow('trash.txt').getByRole('button', { name: 'Delete' }).click();
  await expect(playground.files.getByRole('group', { name: 'Delete trash.txt?' })).toBeVisible();
  await playground.files.getByRole('button', { name: 'Confirm delete' }).click();
  await expect(playground.fileRow('trash.txt')).toHaveCount(0);
  await playground.page.reload();
  await expect(playground.fileRow('keep.txt')).toBeVisible();
  await expect(playground.fileRow('trash.txt')).toHaveCount(0);
});

test('view: a file opens in the viewer with the output renderers', async ({ playground }) => {
  await playground.uploadFiles({ name: 'poem.txt', text: 'roses\nviolets\n' });
  await playground.fileRow('poem.txt').getByRole('button', { name: 'View' }).click();
  const viewer = playground.files.getByRole('region', { name: 'Viewing poem.txt' });
  await expect(viewer).toBeVisible();
  await expect(viewer).toContainText('roses');
  await expect(viewer).toContainText('violets');
  await viewer.getByRole('button', { name: 'Close viewer' }).click();
  await expect(viewer).toHaveCount(0);
});
