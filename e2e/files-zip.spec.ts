/**
 * Big trees (issue "Hardening"): a .zip unpacked into a folder of the Files panel, in a worker with
 * progress, and the same through the API (`files: { guestPath, zip }`). Zip-slip entries are refused.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { expect, test } from './support/playground';
import { WASI_TESTDATA } from './support/wasi';

/** A tree like Yosys's share/: 120 files in nested folders, one 300 KB. */
function shareZip(): Buffer {
  const files: Record<string, Uint8Array> = { 'techlibs/': new Uint8Array(0) };
  for (let i = 0; i < 120; i++) files[`techlibs/lib${i % 6}/cell${i}.v`] = strToU8(`module cell${i}; endmodule\n`);
  files['techlibs/big.lib'] = new Uint8Array(300_000).fill(0x41);
  return Buffer.from(zipSync(files));
}

test('a .zip picked with "Unpack a .zip" becomes a folder of its name, and a program reads from it', async ({ playground }) => {
  const page = playground.page;
  await playground.goto();
  const files = page.getByRole('region', { name: 'Files' });
  await playground.showPanel('Files');
  await files.getByLabel('Unpack a .zip').setInputFiles({ name: 'share.zip', mimeType: 'application/zip', buffer: shareZip() });
  await expect(files.getByRole('status', { name: 'Files status' })).toHaveText('Unpacked share.zip: 121 files into /share.', { timeout: 15_000 });
  await expect(playground.fileRow('share')).toBeVisible();
  // A WASI program sees the tree through a mount of the folder.
  const demo = readFileSync(path.join(WASI_TESTDATA, 'demo.wasm')).toString('base64');
  const out = await page.evaluate(async (demo) => {
    const module = { bytes: Uint8Array.from(atob(demo), (c) => c.charCodeAt(0)), name: 'demo.wasm' };
    const mounts = [{ volume: 'home', dir: 'share', guestPath: '/share' }];
    const read = await window.wasmPlayground.run({ module, func: '_start', argv: ['read', '/share/techlibs/lib3/cell9.v'], mounts });
    const ls = await window.wasmPlayground.run({ module, func: '_start', argv: ['ls', '/share/techlibs/lib0'], mounts });
    return { read: new TextDecoder().decode(read.stdout), count: new TextDecoder().decode(ls.stdout).split('\n').filter(Boolean).length };
  }, demo);
  expect(out).toEqual({ read: 'module cell9; endmodule\n', count: 20 });
});

test('a zip-slip archive is refused with the entry named, and nothing is unpacked', async ({ playground }) => {
  const page = playground.page;
  await playground.goto();
  const files = page.getByRole('region', { name: 'Files' });
  await playground.showPanel('Files');
  const evil = Buffer.from(zipSync({ 'ok.txt': strToU8('fine'), '../../escape.txt': strToU8('no') }));
  await files.getByLabel('Unpack a .zip').setInputFiles({ name: 'evil.zip', mimeType: 'application/zip', buffer: evil });
  await expect(files.getByRole('alert')).toContainText('evil.zip was not unpacked: The entry "../../escape.txt" climbs out with ".."');
  await expect(playground.fileRow('evil')).toHaveCount(0);
});

test('the API unpacks files.zip into the fresh volume of a run', async ({ playground }) => {
  const page = playground.page;
  await playground.goto();
  const demo = readFileSync(path.join(WASI_TESTDATA, 'demo.wasm')).toString('base64');
  const zip = Buffer.from(zipSync({ 'in/hello.txt': strToU8('hello from a zip') })).toString('base64');
  const result = await page.evaluate(async ({ demo, zip }) => {
    const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const r = await window.wasmPlayground.run({ module: { bytes: bytes(demo), name: 'demo.wasm' }, func: '_start', argv: ['read', '/work/in/hello.txt'], files: { guestPath: '/work', zip: bytes(zip) } });
    const bad = await window.wasmPlayground.run({ module: { bytes: bytes(demo), name: 'demo.wasm' }, func: '_start', argv: ['ls', '/work'], files: { guestPath: '/work', zip: new TextEncoder().encode('not a zip at all, sorry') } });
    return { out: new TextDecoder().decode(r.stdout), bad: bad.error?.message };
  }, { demo, zip });
  expect(result.out).toBe('hello from a zip');
  expect(result.bad).toMatch(/^files\.zip: This is not a \.zip archive/);
});
