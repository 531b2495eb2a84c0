/**
 * wascap claims and check files as a user meets them (issue 13, parts 2 and 3): the Claims tab of
 * each signed fixture and its verdicts; a check file loaded, failing, fixed in the editor and
 * passing; a check file generated and downloaded; both through `window.wasmPlayground` too.
 */
import { readFileSync } from 'node:fs';
import { expect, fixturePath, test } from './support/playground';
import type { Playground } from './support/playground';
import { fixtureUrl } from './support/urls';
import type { Page } from '@playwright/test';

const verdict = (page: Page, label: string) => page.getByRole('list', { name: 'Claims verification' }).getByRole('listitem').filter({ hasText: new RegExp(`^${label}:`) });

async function openClaims(playground: Playground, name: string) {
  await playground.open(name);
  await playground.inspector.getByRole('tab', { name: 'Claims' }).click();
}

test.describe('Claims tab', () => {
  test('a validly signed module: every check passes, the claims are shown', async ({ playground, page }) => {
    await openClaims(playground, 'claims/signed-valid.wasm');
    for (const label of ['Signature', 'Module hash', 'Expiry', 'Not before']) await expect(verdict(page, label)).toContainText(`${label}: passed`);
    const fields = page.getByRole('definition');
    await expect(page.getByRole('term')).toContainText(['Issuer', 'Subject', 'Name', 'Version', 'Revision', 'Capabilities', 'Tags', 'Issued at', 'Not before', 'Expires', 'Call alias']);
    await expect(fields.filter({ hasText: /^A[A-Z2-7]{55} \(account\)$/ })).toHaveCount(1);
    await expect(fields.filter({ hasText: /^M[A-Z2-7]{55} \(module\)$/ })).toHaveCount(1);
    await expect(fields.filter({ hasText: 'wasmcloud:httpserver, wasmcloud:keyvalue' })).toHaveCount(1);
    await expect(fields.filter({ hasText: '2100-01-01 00:00:00 UTC' })).toHaveCount(1);
    await expect(fields.filter({ hasText: '2023-11-14 22:13:20 UTC' })).toHaveCount(2);
    await expect(fields.filter({ hasText: 'claims_fixture' })).toHaveCount(1);
  });

  test('tampered module, tampered claims, expired, malformed, wrong prefix: each verdict with its reason', async ({ playground, page }) => {
    await openClaims(playground, 'claims/signed-tampered-module.wasm');
    await expect(verdict(page, 'Module hash')).toContainText('Module hash: failed — The module was changed after signing');
    await expect(verdict(page, 'Signature')).toContainText('passed');

    await openClaims(playground, 'claims/signed-tampered-claims.wasm');
    await expect(verdict(page, 'Signature')).toContainText('Signature: failed — The Ed25519 signature does not match');
    await expect(verdict(page, 'Module hash')).toContainText('passed');

    await openClaims(playground, 'claims/signed-expired.wasm');
    await expect(verdict(page, 'Expiry')).toContainText('Expiry: failed — The claims expired on 2023-11-14T23:13:20Z');
    await expect(verdict(page, 'Signature')).toContainText('passed');

    await openClaims(playground, 'claims/signed-malformed.wasm');
    await expect(page.getByRole('alert')).toContainText('The JWT has 2 dot-separated segments');
    for (const label of ['Signature', 'Module hash', 'Expiry', 'Not before']) await expect(verdict(page, label)).toContainText(`${label}: failed — Not checked`);

    await openClaims(playground, 'claims/signed-wrong-prefix.wasm');
    await expect(verdict(page, 'Signature')).toContainText('is a module key (prefix M); wascap claims are signed by an account key (prefix A)');
  });

  test('a module without claims has no Claims tab; the API answers null', async ({ playground, page }) => {
    await playground.open('add.wasm');
    await expect(playground.inspector.getByRole('tab', { name: 'Check' })).toBeVisible();
    await expect(playground.inspector.getByRole('tab', { name: 'Claims' })).toHaveCount(0);
    const none = await page.evaluate(async (url) => window.wasmPlayground.claims(url), fixtureUrl('add.wasm'));
    expect(none).toBeNull();
  });

  test('API: claims(module) from bytes', async ({ page, playground }) => {
    await playground.goto();
    const bytes = [...readFileSync(fixturePath('claims/signed-expired.wasm'))];
    const result = await page.evaluate(async (b) => window.wasmPlayground.claims({ bytes: new Uint8Array(b), name: 'x.wasm' }), bytes);
    expect(result?.checks.map((c) => [c.check, c.passed])).toEqual([['signature', true], ['hash', true], ['expiry', false], ['not-before', true]]);
    expect(result?.claims?.name).toBe('Claims Fixture');
  });
});

test.describe('Check tab', () => {
  test('load a check file, see the failing rule, fix it, see it pass', async ({ playground, page }) => {
    await playground.open('wasi-command.wasm');
    await playground.inspector.getByRole('tab', { name: 'Check' }).click();
    await page.getByLabel('Open check file').setInputFiles(fixturePath('checks/wasi-command.fail.yaml'));
    const result = page.getByRole('status', { name: 'Check result' });
    await expect(result).toHaveText(/^Failed: \d+ of \d+ rules not passed\.$/);
    const rules = page.getByRole('table', { name: 'Check rules' });
    await expect(rules.getByRole('row').filter({ hasText: 'imports.exclude.fd_write' })).toContainText('failimports.exclude.fd_writenot importedimported: wasi_snapshot_preview1.fd_write');
    await expect(rules.getByRole('row').filter({ hasText: 'size.max' })).toContainText('276 B');

    // Fix the file: only rules the module meets.
    const editor = page.getByLabel('Check file (YAML, Modsurfer format)');
    await editor.fill('validate:\n  allow_wasi: true\n  imports:\n    exclude:\n      - fd_read\n  size:\n    max: 1KiB\n');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(result).toHaveText('Passed: all 3 rules.');

    // An unknown key: the message says which and where.
    await editor.fill('validate:\n  imports:\n    contains: [http_get]\n');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(page.getByRole('list', { name: 'Check file problems' })).toContainText('Line 3: Unknown key "contains" in validate.imports');

    // A YAML bomb is refused.
    await page.getByLabel('Open check file').setInputFiles(fixturePath('checks/bomb.yaml'));
    await expect(page.getByRole('list', { name: 'Check file problems' })).toContainText('YAML bomb');
  });

  test('complexity is shown as not measured, never passed', async ({ playground, page }) => {
    await playground.open('wasi-command.wasm');
    await playground.inspector.getByRole('tab', { name: 'Check' }).click();
    await page.getByLabel('Open check file').setInputFiles(fixturePath('checks/complexity.yaml'));
    await expect(page.getByRole('table', { name: 'Check rules' }).getByRole('row').filter({ hasText: 'complexity.max_risk' })).toContainText('not measured');
    await expect(page.getByRole('status', { name: 'Check result' })).toHaveText('Failed: 1 of 1 rule not passed.');
  });

  test('generate a check file, download it, and the module passes it', async ({ playground, page }) => {
    await playground.open('wasi-command.wasm');
    await playground.inspector.getByRole('tab', { name: 'Check' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Generate check file' }).click()]);
    expect(download.suggestedFilename()).toBe('wasi-command.mod.yaml');
    const text = readFileSync(await download.path(), 'utf8');
    expect(text).toContain('allow_wasi: true');
    expect(text).toContain('name: fd_write');
    await page.getByLabel('Check file (YAML, Modsurfer format)').fill(text);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(page.getByRole('status', { name: 'Check result' })).toHaveText(/^Passed: all \d+ rules\.$/);
    const api = await page.evaluate(
      async ({ url, checkFile }) => window.wasmPlayground.check({ module: url, checkFile: checkFile.replace('allow_wasi: true', 'allow_wasi: false') }),
      { url: fixtureUrl('wasi-command.wasm'), checkFile: text },
    );
    expect(api.passed).toBe(false);
    expect(api.rules.find((r) => r.rule === 'allow_wasi')).toMatchObject({ passed: false, found: expect.stringContaining('fd_write') });
  });
});
