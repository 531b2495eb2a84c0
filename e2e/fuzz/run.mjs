#!/usr/bin/env node
// `npm run fuzz -- [--seed N] [--count N] [--from N] [--chunk N] [playwright options]`.
// Playwright rejects options it does not know, so these become FUZZ_* variables. Long campaigns
// run in chunks, one Playwright process each (a browser lost mid-way costs one chunk, retried
// once); with more than one chunk the counts are added up into one closing table.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OPTIONS = { '--seed': 'FUZZ_SEED', '--count': 'FUZZ_COUNT', '--from': 'FUZZ_FROM', '--chunk': 'FUZZ_CHUNK' };

const given = {};
const rest = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const [flag, inline] = argv[i].split('=', 2);
  const name = OPTIONS[flag];
  if (!name) {
    rest.push(argv[i]);
    continue;
  }
  const value = inline ?? argv[++i];
  if (value === undefined || !/^\d+$/.test(value)) {
    console.error(`${flag} needs a non-negative integer, e.g. ${flag} 42`);
    process.exit(2);
  }
  given[name] = value;
}
const setting = (name, fallback) => Number(given[name] ?? process.env[name] ?? fallback);
// One seed for every chunk: chosen here when none is given, and printed.
const seed = setting('FUZZ_SEED', Date.now() % 1_000_000);
const count = setting('FUZZ_COUNT', 300);
const start = setting('FUZZ_FROM', 0);
const chunk = Math.max(1, setting('FUZZ_CHUNK', 2500));

const reports = path.join(ROOT, 'e2e', 'fuzz', 'found', 'reports');
mkdirSync(reports, { recursive: true });
const started = Date.now();
const chunks = [];
let failed = false;
for (let from = start; from < start + count; from += chunk) {
  const size = Math.min(chunk, start + count - from);
  const report = path.join(reports, `${seed}-${from}.json`);
  const env = { ...process.env, FUZZ_SEED: String(seed), FUZZ_COUNT: String(size), FUZZ_FROM: String(from), FUZZ_REPORT: report };
  let status = 1;
  for (let attempt = 1; attempt <= 2; attempt++) {
    rmSync(report, { force: true });
    const result = spawnSync('npx', ['playwright', 'test', '--config', 'e2e/fuzz/playwright.fuzz.config.ts', ...rest], { stdio: 'inherit', env, cwd: ROOT });
    status = result.status ?? 1;
    if (existsSync(report)) break;
    console.error(`fuzz: chunk from ${from} ended without a report (exit ${result.status ?? result.signal})${attempt === 1 ? ', retrying once' : ''}`);
  }
  if (status !== 0) failed = true;
  if (existsSync(report)) chunks.push(JSON.parse(readFileSync(report, 'utf8')));
  else chunks.push({ seed, from, count: size, missing: true, rows: [], findings: [] });
}

if (chunks.length > 1) {
  const totals = new Map();
  for (const c of chunks) for (const [label, n] of c.rows) totals.set(label, (totals.get(label) ?? 0) + n);
  const done = chunks.filter((c) => !c.missing).reduce((sum, c) => sum + c.count, 0);
  const found = chunks.flatMap((c) => c.findings);
  const width = Math.max(...[...totals.keys()].map((l) => l.length), 7);
  const line = (a, b) => `| ${a.padEnd(width)} | ${String(b).padStart(6)} |`;
  console.log(`\nfuzz seed ${seed}: ${done} of ${count} mutants (from ${start}, ${chunks.length} chunks) in ${((Date.now() - started) / 1000).toFixed(1)} s, ${found.length} found`);
  console.log([line('outcome', 'count'), `|${'-'.repeat(width + 2)}|--------|`, ...[...totals].map(([l, n]) => line(l, n))].join('\n'));
  for (const c of chunks.filter((x) => x.missing)) console.log(`  chunk from ${c.from} (${c.count} mutants) did not finish`);
  for (const f of found.slice(0, 20)) console.log(`  ${seed}-${f.n} (${f.fixture}, ${f.mutator}): ${f.reasons[0]}`);
}
process.exit(failed ? 1 : 0);
