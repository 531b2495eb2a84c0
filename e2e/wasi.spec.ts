/**
 * WASI preview 1 commands as a user runs them (issue 4): args, env and stdin; live stdout;
 * exit codes; a PNG on stdout; deterministic mode. Fixtures: src/host/wasi/testdata (C, ./build.sh).
 */
import { expect, test } from './support/playground';
import { Plugin } from './support/plugin';
import { Wasi } from './support/wasi';

/** "123 ms" / "4.56 ms" → milliseconds. */
const ms = (text: string): number => Number(/([\d.]+) ms/.exec(text)?.[1] ?? NaN);

test('args (shell quoting), env and stdin reach the program; stdout and stderr in the Console', async ({ playground }) => {
  const wasi = new Wasi(playground);
  const plugin = new Plugin(playground);
  await wasi.open('demo.wasm');
  await wasi.args.fill(`echo "two words" 'single quoted' back\\ slash`);
  await expect(playground.page.getByText('4 arguments.')).toBeVisible();
  await playground.page.getByRole('button', { name: 'Add variable' }).click();
  await playground.page.getByRole('textbox', { name: 'Env name 1', exact: true }).fill('GREETING');
  await playground.page.getByRole('textbox', { name: 'Env value 1', exact: true }).fill('hello = world');
  await playground.page.getByRole('button', { name: 'Add variable' }).click();
  await playground.page.getByRole('textbox', { name: 'Env name 2', exact: true }).fill('EMPTY');
  await plugin.setInput('stdin line one\nstdin line two');
  await playground.runButton.click();

  await expect(playground.status).toHaveText(/^ok · exit 0\b/);
  await expect(wasi.consoleText('stdout')).toHaveText([
    'argc=5',
    /^argv\[0\]=\S+/,
    'argv[1]=echo',
    'argv[2]=two words',
    'argv[3]=single quoted',
    'argv[4]=back slash',
    'env GREETING=hello = world',
    'env EMPTY=',
    'stdin line one',
    'stdin line two',
  ]);
  await expect(wasi.consoleText('stderr')).toHaveText(['echo done']);
});

test('an unbalanced quote in Arguments is reported before running', async ({ playground }) => {
  const wasi = new Wasi(playground);
  await wasi.open('demo.wasm');
  await wasi.args.fill('echo "unterminated');
  await expect(wasi.args).toHaveAttribute('aria-invalid', 'true');
});

test('live stdout: lines printed 400 ms apart show in the Console while the program runs', async ({ playground }) => {
  const wasi = new Wasi(playground);
  await wasi.open('slow.wasm');
  await wasi.args.fill('4 400');
  // Let Monaco's first start-up finish: what is measured is the Console's own liveness.
  await playground.editorReady();
  // Watch the page itself (the test process may be slower than the run on a busy machine):
  // record how many stdout lines were on screen each time the DOM changed while still running.
  await playground.page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { liveSeen: number[] }).liveSeen = seen;
    new MutationObserver(() => {
      const status = document.querySelector('[role="status"][aria-label="Run status"]')?.textContent;
      if (status?.startsWith('running…')) seen.push(document.querySelectorAll('[data-stream="stdout"]').length);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await playground.runButton.click();
  const stdout = wasi.consoleText('stdout');
  await expect(stdout).toHaveText(['line 1', 'line 2', 'line 3', 'line 4']);
  await expect(playground.status).toHaveText(/^ok · exit 0\b/);
  // Each line's time is when it reached the page (since the run started): 3 pauses of 400 ms
  // between the first and the last; a busy page may deliver one line late, so no per-gap bar.
  const at = (await playground.console.locator('[data-stream="stdout"] .at').allTextContents()).map(ms);
  expect(at).toHaveLength(4);
  // Some lines, not all, were on screen while the status still said the run was going.
  const seen = await playground.page.evaluate(() => (window as unknown as { liveSeen: number[] }).liveSeen);
  expect(seen.some((n) => n >= 1 && n < 4), `stdout lines on screen while running: ${seen.join(',')}`).toBe(true);
  for (let i = 1; i < 4; i++) expect(at[i]!).toBeGreaterThanOrEqual(at[i - 1]!);
  expect(at[3]! - at[0]!).toBeGreaterThanOrEqual(800);
});

for (const code of [0, 1, 3, 42]) {
  test(`exit code ${code} is shown in the run status`, async ({ playground }) => {
    const wasi = new Wasi(playground);
    await wasi.open('demo.wasm');
    await wasi.args.fill(`exit ${code}`);
    await playground.runButton.click();
    await expect(playground.status).toHaveText(new RegExp(`^\\w+ · exit ${code} · `));
    if (code === 0) await expect(playground.status).toHaveText(/^ok\b/);
  });
}

test('a PNG written to stdout is rendered as an image', async ({ playground }) => {
  const wasi = new Wasi(playground);
  const plugin = new Plugin(playground);
  await wasi.open('png.wasm');
  await playground.runButton.click();
  await expect(playground.status).toHaveText(/^ok · exit 0\b/);
  await expect(plugin.outputMeta).toHaveText(/^image\/png · /);
  const img = playground.output.getByRole('img', { name: 'Output image' });
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => [el.naturalWidth, el.naturalHeight])).toEqual([2, 2]);
});

test('deterministic mode: clock and random numbers are identical twice; without it they differ', async ({ playground }) => {
  const wasi = new Wasi(playground);
  await wasi.open('demo.wasm');
  await wasi.args.fill('entropy');
  const stdout = wasi.consoleText('stdout');
  const runOnce = async (): Promise<string[]> => {
    const clear = playground.page.getByRole('button', { name: 'Clear console' });
    if (await clear.isEnabled()) await clear.click();
    await expect(stdout).toHaveCount(0);
    await playground.runButton.click();
    await expect(playground.status).toHaveText(/^ok · exit 0\b/);
    await expect(stdout).toHaveCount(4);
    return stdout.allTextContents();
  };
  const free1 = await runOnce();
  const free2 = await runOnce();
  expect(free1).not.toEqual(free2);

  await playground.page.getByRole('checkbox', { name: /^Deterministic/ }).check();
  await playground.page.getByRole('textbox', { name: 'Seed', exact: true }).fill('e2e-seed');
  const fixed1 = await runOnce();
  const fixed2 = await runOnce();
  expect(fixed1[0]).toMatch(/^realtime \d+\.\d{9}$/);
  expect(fixed1[2]).toMatch(/^random [0-9a-f]{32}$/);
  expect(fixed2).toEqual(fixed1);

  // Another seed, other random bytes.
  await playground.page.getByRole('textbox', { name: 'Seed', exact: true }).fill('another seed');
  const other = await runOnce();
  expect(other[2]).not.toEqual(fixed1[2]);
});
