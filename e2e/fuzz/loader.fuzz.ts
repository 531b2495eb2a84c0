/**
 * `npm run fuzz [-- --seed N --count N]`: mutants of the committed fixtures through the app's
 * automation API; fails when anything hangs, errors in the page or gets an unspecific message.
 */
import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { runCampaign, summarise, summaryRows } from './campaign';

const number = (name: string, fallback: number): number => {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
};

// A new seed each run unless one is given: the summary prints it, so any run can be repeated.
const seed = number('FUZZ_SEED', Date.now() % 1_000_000);
const count = number('FUZZ_COUNT', 300);
const from = number('FUZZ_FROM', 0);

test(`fuzz the loader and runner: seed ${seed}, ${count} mutants from ${from}`, async ({ context }) => {
  // Most mutants take milliseconds; the budget covers those that run into their 2 s timeout.
  test.setTimeout(120_000 + count * 1_000);
  const report = await runCampaign(context, { seed, count, from, log: (line) => console.log(line) });
  console.log(`\n${summarise(report)}\n`);
  // FUZZ_DUMP=file.jsonl: every mutant's outcome and message, one JSON line each, for auditing messages.
  const dump = process.env.FUZZ_DUMP;
  if (dump) writeFileSync(dump, report.results.map((r) => JSON.stringify(r)).join('\n') + '\n');
  // FUZZ_REPORT: the counts as JSON, for run.mjs to add up the chunks of a long campaign.
  const out = process.env.FUZZ_REPORT;
  if (out) {
    const findings = report.findings.map((f) => ({ n: f.n, fixture: f.fixture, mutator: f.mutator, reasons: f.reasons }));
    writeFileSync(out, JSON.stringify({ seed, from, count, wallMs: report.wallMs, rows: summaryRows(report), findings }));
  }
  expect(report.findings.map((f) => `${seed}-${f.n}: ${f.reasons.join('; ')}`), 'found cases (bytes in e2e/fuzz/found/)').toEqual([]);
});
