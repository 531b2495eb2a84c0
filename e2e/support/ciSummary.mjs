// @ts-check
/**
 * Closing line of .ci/run: unit (Vitest) plus e2e (Playwright) counts as "N passed, M failed".
 *   node e2e/support/ciSummary.mjs <npm test log> <playwright json report> <npm test exit code>
 * Vitest's counts come from its summary line in the log; Playwright's from its JSON reporter.
 */
import { existsSync, readFileSync } from 'node:fs';

const [logFile = '', jsonFile = '', statusText = '0'] = process.argv.slice(2);
const status = Number(statusText);
// eslint-disable-next-line no-control-regex
const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').replace(/\u001b\[[0-9;]*m/g, '') : '';

/** Vitest: "      Tests  3 failed | 41 passed (44)" (the last such line). */
function vitestCounts() {
  const lines = log.split('\n').filter((l) => /^\s*Tests\s+.*\(\d+\)\s*$/.test(l));
  const last = lines.at(-1);
  if (!last) return null;
  const count = (/** @type {string} */ word) => Number(new RegExp(`(\\d+) ${word}`).exec(last)?.[1] ?? 0);
  return { passed: count('passed'), failed: count('failed'), skipped: count('skipped') + count('todo') };
}

/** Playwright JSON: stats.expected (passed), unexpected (failed), flaky (passed on retry), skipped. */
function playwrightCounts() {
  if (!existsSync(jsonFile)) return null;
  const stats = JSON.parse(readFileSync(jsonFile, 'utf8')).stats ?? {};
  return { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: stats.unexpected ?? 0, skipped: stats.skipped ?? 0, flaky: stats.flaky ?? 0 };
}

const unit = vitestCounts();
const e2e = playwrightCounts();
const parts = [];
if (unit) parts.push(`unit ${unit.passed} passed, ${unit.failed} failed`);
else parts.push('unit tests did not run');
if (e2e) parts.push(`e2e ${e2e.passed} passed, ${e2e.failed} failed${e2e.flaky ? ` (${e2e.flaky} flaky)` : ''}${e2e.skipped ? `, ${e2e.skipped} skipped` : ''}`);
else parts.push('e2e tests did not run');
console.log(`\n${parts.join('; ')}; npm test exited with ${status}`);

const passed = (unit?.passed ?? 0) + (e2e?.passed ?? 0);
let failed = (unit?.failed ?? 0) + (e2e?.failed ?? 0);
// A failure before any test ran (typecheck, lint, build) still counts as a failure.
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
