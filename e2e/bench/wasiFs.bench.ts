/**
 * `npm run bench`: 100 MiB written and read back through WASI (fixture fsbench.wasm, C) into
 * the IndexedDB filesystem (volume "home" mounted at /data: loaded before the run, persisted
 * when the file is closed) against the same through an in-memory volume (`files` at /mem, not
 * persisted), in the same page and run. Reported as a table; wrong results fail, times never do.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../support/playground';
import { ROOT } from '../support/servers';

const MIB = 100;
const ROUNDS = 3;
const FSBENCH = path.join(ROOT, 'src', 'host', 'wasi', 'testdata', 'fsbench.wasm');

interface Times {
  idbWrite: number[];
  idbRead: number[];
  memWrite: number[];
  memRead: number[];
}

test('WASI file I/O: IndexedDB volume vs in-memory volume, 100 MiB', async ({ page }) => {
  test.setTimeout(600_000);
  await page.goto('/');
  const times = await page.evaluate(
    async ({ wasm, mib, rounds }) => {
      const api = window.wasmPlayground;
      const bytes = Uint8Array.from(atob(wasm), (c) => c.charCodeAt(0));
      const { id } = await api.load({ bytes, name: 'fsbench.wasm' });
      const size = mib * 1024 * 1024;
      // The file fsbench writes, for the in-memory read: chunk k of 64 KiB is all 'a' + k % 26.
      const pattern = new Uint8Array(size);
      for (let k = 0; k < size / 65536; k++) pattern.fill(97 + (k % 26), k * 65536, (k + 1) * 65536);
      const stdoutOf = (r: { stdout?: Uint8Array }) => new TextDecoder().decode(r.stdout ?? new Uint8Array());
      const timed = async (argv: string[], extra: Record<string, unknown>, want: string) => {
        const t = performance.now();
        const r = await api.run({ module: id, func: '_start', argv, timeoutMs: 300_000, ...extra });
        const ms = performance.now() - t;
        const out = stdoutOf(r);
        if (r.status !== 'ok' || r.exitCode !== 0 || !out.includes(want)) {
          throw new Error(`${argv.join(' ')}: ${r.status} exit ${r.exitCode} ${out} ${new TextDecoder().decode(r.stderr ?? new Uint8Array())} ${JSON.stringify(r.error ?? '')}`);
        }
        return ms;
      };
      const idb = { mounts: [{ volume: 'home', guestPath: '/data' }] };
      const t: Times = { idbWrite: [], idbRead: [], memWrite: [], memRead: [] };
      // Interleaved rounds, so drift (GC, disk) hits both sides alike.
      for (let i = 0; i < rounds; i++) {
        t.memWrite.push(await timed(['write', '/mem/big.bin', String(mib)], { files: { guestPath: '/mem', entries: [] } }, `wrote ${size} bytes`));
        t.memRead.push(await timed(['read', '/mem/big.bin'], { files: { guestPath: '/mem', entries: [{ path: 'big.bin', data: pattern }] } }, `read ${size} bytes ok`));
        t.idbWrite.push(await timed(['write', '/data/big.bin', String(mib)], idb, `wrote ${size} bytes`));
        t.idbRead.push(await timed(['read', '/data/big.bin'], idb, `read ${size} bytes ok`));
      }
      return t;
    },
    { wasm: readFileSync(FSBENCH).toString('base64'), mib: MIB, rounds: ROUNDS },
  );
  expect(times.idbRead).toHaveLength(ROUNDS);
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  printTable([
    { measure: `write ${MIB} MiB (run: write, close, persist)`, idb: median(times.idbWrite), mem: median(times.memWrite) },
    { measure: `read back ${MIB} MiB (run: load, read, verify)`, idb: median(times.idbRead), mem: median(times.memRead) },
    {
      measure: 'write + read back',
      idb: median(times.idbWrite.map((w, i) => w + times.idbRead[i]!)),
      mem: median(times.memWrite.map((w, i) => w + times.memRead[i]!)),
    },
  ]);
});

function printTable(rows: { measure: string; idb: number; mem: number }[]): void {
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  const mbps = (v: number) => `${((MIB * 1.048576) / (v / 1000)).toFixed(0)} MB/s`;
  const lines = rows.map((r) => [r.measure, `${ms(r.idb)} (${mbps(r.idb)})`, `${ms(r.mem)} (${mbps(r.mem)})`, `${(r.idb / r.mem).toFixed(2)}x`]);
  const head = ['measure (median of 3, whole run incl. compile)', 'IndexedDB volume at /data', 'in-memory volume at /mem', 'ratio'];
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' │ ').trimEnd();
  process.stdout.write(['', fmt(head), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...lines.map(fmt), ''].join('\n') + '\n');
}
