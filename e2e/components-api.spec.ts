/**
 * Components through the automation API (issue 9): `func` as `interface#function`, WIT values in
 * and out (JSON mapping, BigInt for 64-bit), err results, traps, kept instances.
 * Fixtures: e2e/fixtures/components (built from WAT + WIT by its build.mjs).
 */
import { expect, test } from './support/playground';
import { fixtureUrl } from './support/urls';

test.beforeEach(({ playground }) => {
  void playground;
});

test('adder: add(3, 4) = 7, u32 wraps, the version may be left out', async ({ page }) => {
  const result = await page.evaluate(async (url) => {
    const api = window.wasmPlayground;
    const mod = await api.load(url);
    const a = await api.run({ module: mod.id, func: 'docs:adder/add@0.1.0#add', args: [3, 4] });
    const wrap = await api.run({ module: mod.id, func: 'docs:adder/add#add', args: [4294967295, 2] });
    const bad = await api.run({ module: mod.id, func: 'docs:adder/add#add', args: [-1, 2] });
    return { kind: mod.analysis.kind, a: [a.status, a.value, a.error?.message], wrap: wrap.value, bad: bad.error?.message };
  }, fixtureUrl('components/adder.wasm'));
  expect(result.kind).toBe('component');
  expect(result.a).toEqual(['ok', 7, undefined]);
  expect(result.wrap).toBe(1);
  expect(result.bad).toMatch(/args\[0\]/);
});
