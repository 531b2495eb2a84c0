/**
 * WASI programs and the IndexedDB filesystem (issue 4): mounts, persistence across a reload,
 * read-only mounts, the one-click mount for a blocked path, and Stop during a write loop.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Playground, test } from './support/playground';
import { Wasi, WASI_TESTDATA } from './support/wasi';


/** Mount the root of volume "home" at `guest` with the Mounts form. */
function mount(pg: Playground, guest: string, readOnly = false): Promise<void> {
  return new Wasi(pg).mount(guest, readOnly);
}

async function run(pg: Playground, args: string): Promise<void> {
  const clear = pg.page.getByRole('button', { name: 'Clear console' });
  if (await clear.isEnabled()) await clear.click();
  await new Wasi(pg).args.fill(args);
  await pg.runButton.click();
  await expect(pg.status).not.toHaveText(/^(idle|running….*)$/, { timeout: 15_000 });
}

test('a program writes a file to a mount; a second run reads it back, also after a reload', async ({ playground }) => {
  const wasi = new Wasi(playground);
  await wasi.open('demo.wasm');
  await mount(playground, '/data');
  await run(playground, 'write /data/note.txt "written by run one"');
  await expect(playground.status).toHaveText(/^ok · exit 0\b/);
  await playground.showPanel('Files');
  await expect(playground.fileRow('note.txt')).toContainText('18 B');

  await run(playground, 'read /data/note.txt');
  await expect(playground.status).toHaveText(/^ok · exit 0\b/);
  await expect(wasi.consoleText('stdout')).toHaveText(['written by run one']);

  // Mounts are not persisted: after a reload nothing is mounted until the user mounts again.
  await playground.page.reload();
  await wasi.open('demo.wasm');
  await playground.showPanel('Capabilities');
  await expect(playground.mounts).toContainText('Nothing is mounted');
  await playground.showPanel('Files');
  await expect(playground.fileRow('note.txt')).toBeVisible();
  await mount(playground, '/data');
  await run(playground, 'read /data/note.txt');
  await expect(playground.status).toHaveText(/^ok · exit 0\b/);
  await expect(wasi.consoleText('stdout')).toHaveText(['written by run one']);
});

test('a read-only mount refuses writes (stderr says so) and still reads', async ({ playground }) => {
  const wasi = new Wasi(playground);
  await wasi.open('demo.wasm');
  await mount(playground, '/data');
  await run(playground, 'write /data/orig.txt original');
  await expect(playground.status).toHaveText(/^ok · exit 0\b/);
  await playground.mounts.getByRole('button', { name: 'Unmount' }).click();
  await mount(playground, '/data', true);

  await run(playground, 'write /data/new.txt "not allowed"');
  await expect(playground.status).toHaveText(/\bexit (?!0\b)\d+/);
  await expect(wasi.consoleText('stderr')).toContainText([/^open: errno \d+/]);
  await run(playground, 'write /data/orig.txt overwritten');
  await expect(playground.status).toHaveText(/\bexit (?!0\b)\d+/);
  await run(playground, 'rm /data/orig.txt');
  await expect(playground.status).toHaveText(/\bexit (?!0\b)\d+/);
  await expect(playground.fileRow('new.txt')).toHaveCount(0);

  await run(playground, 'read /data/orig.txt');
  await expect(playground.status).toHaveText(/^ok · exit 0\b/);
  await expect(wasi.consoleText('stdout')).toHaveText(['original']);
});

test('an unmounted path is blocked with a one-click mount; the next run works', async ({ playground }) => {
  const wasi = new Wasi(playground);
  await wasi.open('demo.wasm');
  await run(playground, 'write /data/out.txt "after the grant"');
  await expect(playground.status).toHaveText(/\bexit (?!0\b)\d+/);
  const blocked = playground.console.locator('[data-stream="blocked"]');
  await expect(blocked.first()).toContainText('/data');
  const grant = blocked.getByRole('button', { name: 'Mount a folder at /data' }).first();
  await grant.click();
  await expect(blocked.getByRole('button', { name: 'Mounted at /data' }).first()).toBeDisabled();
  await expect(playground.mounts.getByRole('list', { name: 'Mounted folders' })).toContainText('/data ← home:/ read-write');

  await run(playground, 'write /data/out.txt "after the grant"');
  await expect(playground.status).toHaveText(/^ok · exit 0\b/);
  await run(playground, 'read /data/out.txt');
  await expect(wasi.consoleText('stdout')).toHaveText(['after the grant']);
});

test('a program that parks stdout with fd_renumber (as Yosys does) loses no Console line and no file byte', async ({ playground }) => {
  const wasi = new Wasi(playground);
  // The Console is virtualised (rows off screen are not in the page): tall enough for all 28 lines.
  await playground.page.setViewportSize({ width: 1280, height: 1000 });
  await wasi.open('renumber.wasm');
  await mount(playground, '/data');
  // (1,5) (2,6), a log file on fd 1, (5,1) (6,2), 20 more stdout lines, a second file.
  await run(playground, '/data after 20');
  await expect(playground.status).toHaveText(/^ok · exit 0\b/);
  const lines = [1, 2, 3].map((i) => `stdout line ${i}`);
  for (let i = 4; i < 24; i++) lines.push(`stdout line ${i}`);
  await expect(wasi.consoleText('stdout')).toHaveText([...lines, 'done']);
  await expect(wasi.consoleText('stderr')).toHaveText(['stderr before', 'stderr parked on 6', 'stderr after']);
  // "log fd was 1\n" and five "log line N\n": only what was printed while fd 1 was the log.
  await playground.showPanel('Files');
  await expect(playground.fileRow('log.txt')).toContainText('68 B');
  await expect(playground.fileRow('netlist.txt')).toBeVisible();
});

test('Stop during a write loop: every file the program closed is there and whole', async ({ playground }) => {
  const wasi = new Wasi(playground);
  const page = playground.page;
  await wasi.open('files.wasm');
  await mount(playground, '/data');
  await playground.showPanel('Files');
  await page.getByRole('region', { name: 'Files' }).getByRole('button', { name: 'New folder' }).click();
  await page.getByRole('textbox', { name: 'Folder name' }).fill('loop');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(playground.fileRow('loop')).toBeVisible();

  // Forever: 64 KiB files, 150 ms apart, each closed before the next is opened.
  await wasi.args.fill('/data/loop 0 64 150');
  await playground.runButton.click();
  await expect(playground.console.getByText('closed /data/loop/0005.txt', { exact: true })).toBeVisible({ timeout: 15_000 });
  await playground.stopButton.click();
  await expect(playground.status).toHaveText(/^stopped\b/);
  // The Console follows the newest line: the last "closed" line names the highest file closed,
  // and the program closes them in order, so 0000 … last were all closed before Stop.
  const last = Number(/^closed \/data\/loop\/(\d{4})\.txt$/.exec(await wasi.consoleText('stdout').last().innerText())?.[1]);
  expect(last).toBeGreaterThanOrEqual(5);
  const closed = Array.from({ length: last + 1 }, (_, i) => String(i).padStart(4, '0'));

  // Check each file with the automation API: list the folder, read every file back.
  const demo = readFileSync(path.join(WASI_TESTDATA, 'demo.wasm')).toString('base64');
  const report = await page.evaluate(async ({ demo }) => {
    const api = window.wasmPlayground;
    const module = Uint8Array.from(atob(demo), (c) => c.charCodeAt(0));
    const mounts = [{ volume: 'home', guestPath: '/data' }];
    const run = async (argv: string[]) => {
      const r = await api.run({ module: { bytes: module, name: 'demo.wasm' }, func: '_start', argv, mounts });
      return { exit: r.exitCode, out: new TextDecoder().decode(r.stdout ?? new Uint8Array()) };
    };
    const listing = await run(['ls', '/data/loop']);
    const names = listing.out.split('\n').filter(Boolean).sort();
    const files: Record<string, { size: number; ok: boolean }> = {};
    for (const name of names) {
      const r = await run(['read', `/data/loop/${name}`]);
      const text = r.out;
      const digit = name.slice(3, 4);
      files[name] = { size: text.length, ok: r.exit === 0 && [...text].every((c) => c === digit) };
    }
    return { names, files };
  }, { demo });
  for (const n of closed) {
    expect(report.names, `closed file ${n}.txt is listed`).toContain(`${n}.txt`);
    expect(report.files[`${n}.txt`], `closed file ${n}.txt is whole`).toEqual({ size: 64 * 1024, ok: true });
  }
  // Beyond those, at most the file being written at Stop, and never half of it: empty or whole.
  const others = report.names.filter((nm) => !closed.includes(nm.slice(0, 4)));
  expect(others.length).toBeLessThanOrEqual(2);
  for (const name of others) expect([0, 64 * 1024], `unclosed ${name} is not half-written`).toContain(report.files[name]?.size);
});

test.describe('files a run wrote', () => {
  test('are listed with sizes, open in the Output pane and download', async ({ playground }) => {
    const wasi = new Wasi(playground);
    const page = playground.page;
    await wasi.open('files.wasm');
    await mount(playground, '/data');
    await run(playground, '/data 3 1 0');
    const list = playground.output.getByRole('list', { name: 'Files written' });
    await expect(list.getByRole('listitem')).toHaveText([/^wrote \/data\/0000\.txt \(1(\.0)? KB\)/, /^wrote \/data\/0001\.txt/, /^wrote \/data\/0002\.txt/]);
    // stdout ("closed …" lines) is the output; a file opens on request.
    await expect(playground.output).toContainText('closed /data/0002.txt');
    await list.getByRole('button', { name: 'Open /data/0001.txt' }).click();
    await expect(playground.output).toContainText('/data/0001.txt · text/plain');
    await expect(playground.output).toContainText('1111111111');
    const download = page.waitForEvent('download');
    await list.getByRole('button', { name: 'Download /data/0002.txt' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('0002.txt');
    expect(readFileSync(await file.path(), 'utf8')).toBe('2'.repeat(1024));
  });

  test('one file and nothing printed: the file is the output (an image renders in place)', async ({ playground }) => {
    const wasi = new Wasi(playground);
    await wasi.open('png.wasm');
    await mount(playground, '/data');
    await run(playground, '/data/out.png');
    await expect(playground.output.getByRole('list', { name: 'Files written' })).toContainText('wrote /data/out.png (73 B)');
    await expect(playground.output).toContainText('/data/out.png · image/png');
    await expect(playground.output.locator('img')).toBeVisible();
    await expect(playground.output).not.toContainText('returned nothing');
  });
});
