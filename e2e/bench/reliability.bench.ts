/**
 * `npm run bench`, reliability rows (DESIGN.md §11, issue "Hardening"): Stop latency during a
 * console flood, durability under kill (20 runs stopped mid-write by Stop and by the time limit),
 * the longest main-thread task during each resource bomb, and a fuzz campaign's outcomes.
 * Counts and timings are printed; a missed bar prints MISS, it does not fail.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCampaign, summaryRows } from '../fuzz/campaign';
import { expect, test } from '../support/playground';
import { stopAndTime, watchFrames } from '../support/frames';
import { Wasi, WASI_TESTDATA } from '../support/wasi';
import { fixtureUrl } from '../support/urls';

interface Row {
  measure: string;
  value: string;
  bar: string;
  result: 'PASS' | 'MISS' | '';
}
const rows: Row[] = [];

test.describe.configure({ mode: 'serial' });
test.afterAll(() => {
  console.log('\nReliability bench');
  console.table(rows);
});

const base64 = (file: string) => readFileSync(path.join(WASI_TESTDATA, file)).toString('base64');

test('Stop during a console flood (5 runs)', async ({ playground }) => {
  const wasi = new Wasi(playground);
  const page = playground.page;
  await wasi.open('bombs.wasm');
  await wasi.args.fill('flood');
  await playground.editorReady();
  const stops: number[] = [];
  let worst = { task: 0, frame: 0 };
  for (let i = 0; i < 5; i++) {
    const read = await watchFrames(page);
    await playground.runButton.click();
    await expect(playground.status).toHaveText(/^running…/);
    await page.waitForTimeout(1000);
    stops.push(await stopAndTime(page));
    const seen = await read();
    worst = { task: Math.max(worst.task, seen.task), frame: Math.max(worst.frame, seen.frame) };
  }
  stops.sort((a, b) => a - b);
  const median = stops[2]!;
  rows.push({ measure: 'Stop during a console flood, click → "stopped" (median of 5)', value: `${median.toFixed(1)} ms (max ${stops[4]!.toFixed(1)})`, bar: '< 100 ms', result: median < 100 ? 'PASS' : 'MISS' });
  rows.push({ measure: 'Longest gap between frames during the floods', value: `${worst.frame.toFixed(0)} ms`, bar: '< 50 ms', result: worst.frame < 50 ? 'PASS' : 'MISS' });
  rows.push({ measure: 'Longest main-thread task during the floods', value: `${worst.task.toFixed(0)} ms`, bar: '< 50 ms', result: worst.task < 50 ? 'PASS' : 'MISS' });
});

test('durability under kill: 20 runs writing files, ended by Stop or by the time limit', async ({ playground }) => {
  test.setTimeout(300_000);
  const page = playground.page;
  await playground.goto();
  const report = await page.evaluate(
    async ({ files, demo, bombs }) => {
      const api = window.wasmPlayground;
      const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const writer = await api.load({ bytes: bytes(files), name: 'files.wasm' });
      const reader = await api.load({ bytes: bytes(demo), name: 'demo.wasm' });
      const checker = await api.load({ bytes: bytes(bombs), name: 'bombs.wasm' });
      const out = { runs: 0, closed: 0, intact: 0, partial: 0, missing: 0 };
      for (let i = 0; i < 20; i++) {
        // Each run mounts only its own folder: a mount is loaded whole before a run.
        const folder = `kill-${Date.now()}-${i}`;
        await api.run({ module: reader.id, func: '_start', argv: ['mkdir', `/data/${folder}`], mounts: [{ volume: 'home', guestPath: '/data' }] });
        const mounts = [{ volume: 'home', dir: folder, guestPath: '/k' }];
        const byStop = i % 2 === 0;
        const after = 300 + ((i * 97) % 500);
        if (byStop) setTimeout(() => api.stop(), after);
        // 8 KiB files, 2 ms apart: a few hundred before the end.
        const r = await api.run({ module: writer.id, func: '_start', argv: ['/k', '0', '8', '2'], mounts, ...(byStop ? {} : { timeoutMs: after }) });
        await api.saved();
        // What the page saw closed before the end: every one must be whole.
        const seen = r.console.map((l) => /^closed .*\/(\d{4})\.txt$/.exec(l.text)?.[1]).filter((n): n is string => n !== undefined).map(Number);
        const last = seen.length ? Math.max(...seen) : -1;
        // One run checks every file (a run per file would load the whole folder each time).
        const check = await api.run({ module: checker.id, func: '_start', argv: ['check', '/k', '8'], mounts });
        const lines = new TextDecoder().decode(check.stdout).split('\n').filter(Boolean);
        const found = new Map(lines.map((l) => [l.slice(0, 4), l.endsWith(' ok')]));
        out.runs++;
        out.closed += last + 1;
        for (let n = 0; n <= last; n++) if (!found.has(String(n).padStart(4, '0'))) out.missing++;
        for (const ok of found.values()) {
          if (ok) out.intact++;
          else out.partial++;
        }
      }
      return out;
    },
    { files: base64('files.wasm'), demo: base64('demo.wasm'), bombs: base64('bombs.wasm') },
  );
  rows.push({ measure: 'Durability under kill: runs (10 by Stop, 10 by time limit)', value: String(report.runs), bar: '', result: '' });
  rows.push({ measure: 'files seen closed before the end / of them missing after', value: `${report.closed} / ${report.missing}`, bar: '0 missing', result: report.missing === 0 ? 'PASS' : 'MISS' });
  rows.push({ measure: 'files found intact / partial files visible', value: `${report.intact} / ${report.partial}`, bar: '0 partial', result: report.partial === 0 ? 'PASS' : 'MISS' });
});

test('resource bombs: each ends with a specific error, the page keeps its frames', async ({ playground }) => {
  test.setTimeout(240_000);
  const page = playground.page;
  await playground.goto();
  const bombs: { name: string; source: { url: string } | { b64: string; name: string }; func: string; args?: number[]; argv?: string[]; stopAfter?: number }[] = [
    { name: 'memory.grow without a maximum', source: { url: fixtureUrl('loop.wasm') }, func: 'grow_forever', stopAfter: 5000 },
    { name: 'deep recursion', source: { url: fixtureUrl('trap.wasm') }, func: 'recurse', args: [0] },
    { name: 'stdout of 500 MB', source: { b64: base64('bombs.wasm'), name: 'bombs.wasm' }, func: '_start', argv: ['big', '500'] },
    { name: 'one endless line', source: { b64: base64('bombs.wasm'), name: 'bombs.wasm' }, func: '_start', argv: ['line'] },
    { name: 'stdout in a tight loop (stopped after 2 s)', source: { b64: base64('bombs.wasm'), name: 'bombs.wasm' }, func: '_start', argv: ['flood'], stopAfter: 2000 },
  ];
  for (const bomb of bombs) {
    const read = await watchFrames(page);
    const result = await page.evaluate(async (bomb) => {
      const api = window.wasmPlayground;
      const source = 'url' in bomb.source ? { url: bomb.source.url } : { bytes: Uint8Array.from(atob(bomb.source.b64), (c) => c.charCodeAt(0)), name: bomb.source.name };
      const { id } = await api.load(source);
      let stopMs = 0;
      if (bomb.stopAfter) setTimeout(() => {
        const t0 = performance.now();
        api.stop();
        stopMs = performance.now() - t0;
      }, bomb.stopAfter);
      const t = performance.now();
      const r = await api.run({ module: id, func: bomb.func, ...(bomb.args ? { args: bomb.args } : {}), ...(bomb.argv ? { argv: bomb.argv } : {}), timeoutMs: 30_000 });
      return { status: r.status, code: r.error?.code ?? '', ms: performance.now() - t, stopMs };
    }, bomb);
    const seen = await read();
    rows.push({ measure: `Bomb: ${bomb.name} → ${result.status} (${result.code})`, value: `longest task ${seen.task.toFixed(0)} ms, frame gap ${seen.frame.toFixed(0)} ms, ended after ${(result.ms / 1000).toFixed(1)} s`, bar: 'task < 50 ms', result: seen.task < 50 ? 'PASS' : 'MISS' });
  }
});

test('fuzz: 1,000 mutants of the fixtures (npm run fuzz runs more)', async ({ context }) => {
  test.setTimeout(300_000);
  const report = await runCampaign(context, { seed: 7, count: 1000 });
  for (const [label, count] of summaryRows(report)) rows.push({ measure: `Fuzz (seed 7, 1,000 mutants): ${label}`, value: String(count), bar: '', result: '' });
  const found = Object.values(report.classCounts).reduce((a, b) => a + b, 0);
  rows.push({ measure: 'Fuzz: hangs + page errors + rejections + console errors + unspecific errors', value: String(found), bar: '0', result: found === 0 ? 'PASS' : 'MISS' });
});
