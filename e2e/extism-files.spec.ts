/**
 * Extism plugins with the app's filesystem and memory limits (issue 3): manifest allowed_paths
 * asked for, then mounted from IndexedDB volumes; a plugin reads a read-only folder, writes
 * another, and what it wrote is kept; a blocked path gets a one-click mount; memory.max_pages.
 */
import type { Locator } from '@playwright/test';
import { Plugin } from './support/plugin';
import { expect, type Playground, test } from './support/playground';
import { fixtureUrl } from './support/urls';

const manifest = (pg: Playground): Locator => pg.page.getByRole('region', { name: 'Manifest' });

/** Open a folder of the Files panel (it becomes the upload target) and upload one text file. */
async function uploadInto(pg: Playground, folder: string, name: string, text: string): Promise<void> {
  await pg.showPanel('Files');
  await pg.fileRow(folder).getByRole('button', { name: folder, exact: true }).click();
  await expect(pg.files).toContainText(`In /${folder}`);
  await pg.uploadFiles({ name, text });
}

test('allowed_paths are asked for, then mounted: read a read-only folder, write another, and the file is kept', async ({ playground }) => {
  const plugin = new Plugin(playground);
  await playground.loadUrl(fixtureUrl('extism/manifest-files.json'));
  await playground.expectLoaded('wasi-file.wasm');

  // Asked for, not applied: the plugin sees no files until the user agrees.
  const request = plugin.grantRequest;
  await expect(request).toContainText('The manifest asks for folders of your files');
  await expect(request.getByRole('list', { name: 'Requested mounts' })).toContainText('/in ← home:/plugin-in (read-only');
  await expect(request.getByRole('list', { name: 'Requested mounts' })).toContainText('/out ← home:/plugin-out (read-write');
  await expect(manifest(playground)).toContainText('/in ← home:/plugin-in (read-only) not mounted yet');
  await plugin.call('read_file', '/in/hello.txt');
  await playground.expectRunError('cannot open /in/hello.txt: errno 76');
  await expect(plugin.consoleText('blocked')).toContainText(['path_open /in/hello.txt: no directory is mounted there']);
  await expect(playground.console.getByRole('button', { name: 'Mount a folder at /in' })).toBeVisible();

  await request.getByRole('button', { name: 'Mount these folders' }).click();
  await expect(request).toHaveCount(0);
  await expect(playground.mountedFolders).toContainText('/in ← home:/plugin-in read-only');
  await expect(playground.mountedFolders).toContainText('/out ← home:/plugin-out read-write');
  await expect(manifest(playground)).toContainText('/in ← home:/plugin-in (read-only) mounted');

  // The folders were made; a file uploaded into one is what the plugin reads.
  await uploadInto(playground, 'plugin-in', 'hello.txt', 'hi from the files panel\n');
  await plugin.call('read_file', '/in/hello.txt');
  await plugin.expectOk();
  await expect(plugin.textLines).toHaveText(['hi from the files panel']);

  await plugin.call('write_file', '/in/nope.txt\nno');
  await playground.expectRunError('cannot open /in/nope.txt for writing: errno 63');

  await plugin.call('write_file', '/out/result.txt\nsaved by the plugin');
  await plugin.expectOk();
  await expect(plugin.textLines).toHaveText(['wrote 19 bytes to /out/result.txt']);
  await playground.fileRow('plugin-out').getByRole('button', { name: 'plugin-out', exact: true }).click();
  await expect(playground.fileRow('result.txt')).toContainText('19 B');

  // The same (kept) instance reads what it wrote, and after a reload the file is still there.
  await plugin.call('read_file', '/out/result.txt');
  await plugin.expectOk();
  await expect(plugin.textLines).toHaveText(['saved by the plugin']);
  await playground.page.reload();
  await playground.showPanel('Files');
  await playground.fileRow('plugin-out').getByRole('button', { name: 'plugin-out', exact: true }).click();
  await expect(playground.fileRow('result.txt')).toContainText('19 B');
});

test('a plugin that reads an unmounted path gets a one-click mount, then reads the file', async ({ playground }) => {
  const plugin = new Plugin(playground);
  await playground.uploadFiles({ name: 'greeting.txt', text: 'hello plugin' });
  await plugin.open('extism/wasi-file.wasm');
  await plugin.call('read_file', '/data/greeting.txt');
  await playground.expectRunError('errno 76');
  await playground.console.getByRole('button', { name: 'Mount a folder at /data' }).click();
  await expect(playground.mountedFolders).toContainText('/data ← home:/ read-write');
  await playground.runButton.click();
  await plugin.expectOk();
  await expect(plugin.textLines).toHaveText(['hello plugin']);
});

test('memory.max_pages: growing within the cap works, past it the call fails with a memory error', async ({ playground }) => {
  const plugin = new Plugin(playground);
  await playground.loadUrl(fixtureUrl('extism/manifest-limits.json'));
  await playground.expectLoaded('limits.wasm');
  await expect(manifest(playground)).toContainText('memory 4 pages (256 KB)');
  await plugin.freshInstance.check();

  await plugin.call('grow_pages', '3');
  await plugin.expectOk();
  await expect(plugin.textLines).toHaveText(['grew to 4 pages']);

  await plugin.call('grow_pages', '4');
  await playground.expectRunError("The plugin's memory is at its limit of 4 pages (256 KiB, memory.max_pages in the manifest)");

  // The same plugin without a manifest has no cap. Its heading is the same as before, so wait
  // for the manifest section to go: then this load has finished.
  await plugin.open('extism/limits.wasm');
  await expect(manifest(playground)).toHaveCount(0);
  await plugin.call('grow_pages', '40');
  await plugin.expectOk();
  await expect(plugin.textLines).toHaveText(['grew to 41 pages']);
});
