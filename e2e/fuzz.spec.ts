/**
 * The fuzzer at CI size (DESIGN.md §11): 300 mutants of the committed fixtures, fixed seed,
 * through the automation API. No hangs, page errors, unhandled rejections, console errors or
 * unspecific load errors. `npm run fuzz` runs bigger campaigns with any seed.
 */
import { expect, test } from '@playwright/test';
import { runCampaign, summarise } from './fuzz/campaign';
import { fuzzBatch } from './fuzz/inPage';
import { outcomeOf, unspecificLoad } from './fuzz/outcome';

const SEED = 20_240_611;
const COUNT = 300;

test(`fuzz: ${COUNT} mutants of seed ${SEED} load or fail specifically, and nothing hangs`, async ({ context }) => {
  test.setTimeout(90_000);
  const report = await runCampaign(context, { seed: SEED, count: COUNT });
  console.log(`\n${summarise(report)}\n`);
  expect(report.outcomes['load refused'], 'most mutants are refused with a code').toBeGreaterThan(COUNT / 4);
  expect(report.outcomes['ran ok'] + report.outcomes['run error'], 'some mutants still load and run').toBeGreaterThan(10);
  expect(report.classCounts, report.findings.map((f) => `${SEED}-${f.n}: ${f.reasons.join('; ')}`).join('\n')).toEqual({
    hang: 0,
    pageerror: 0,
    rejection: 0,
    console: 0,
    unspecific: 0,
  });
});

test('the fuzzer notices a hang and a rejection that is not a LoadFailure', async ({ page }) => {
  await page.goto('/');
  await page.waitForFunction(() => 'wasmPlayground' in window);
  // A broken engine, by hand: load 1 never settles, load 0 throws a plain TypeError.
  await page.evaluate(() => {
    const api = window.wasmPlayground;
    let calls = 0;
    window.wasmPlayground = { ...api, load: () => (calls++ === 0 ? Promise.reject(new TypeError('boom')) : new Promise(() => undefined)) };
  });
  const items = [0, 1, 2].map((n) => ({ n, name: `${n}.wasm`, base64: 'AGFzbQEAAAA=' }));
  const { results } = await page.evaluate(fuzzBatch, { items, loadWatchdogMs: 300, runTimeoutMs: 100, runWatchdogMs: 100 });
  // The batch stops at the hang; mutant 2 is left for a fresh page.
  expect(results.map((r) => r.n)).toEqual([0, 1]);
  expect(outcomeOf(results[0]!)).toBe('load refused');
  expect(results[0]!.load.ok || unspecificLoad(results[0]!.load)).toMatch(/TypeError/);
  expect(results[1]!.hang).toBe('load');
});
