/**
 * waPC guests as a user (issue 13 §1): detection, an operation with a host response and the host
 * call in the Console, a guest error, MessagePack in and out, an unanswered host call's error line,
 * and the same through `window.wasmPlayground.run`. Guests: e2e/fixtures/wapc/*.wasm (src/*.wat).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/playground';
import { Plugin } from './support/plugin';
import { fixtureUrl } from './support/urls';

const operation = (page: Page) => page.getByRole('combobox', { name: 'Operation', exact: true });
const region = (page: Page) => page.getByRole('region', { name: 'waPC guest' });

async function addHostResponse(page: Page, n: number, row: { binding: string; namespace: string; operation: string; kind?: string; text: string }) {
  await page.getByRole('button', { name: 'Add host response' }).click();
  await page.getByRole('textbox', { name: `Binding ${n}`, exact: true }).fill(row.binding);
  await page.getByRole('textbox', { name: `Namespace ${n}`, exact: true }).fill(row.namespace);
  await page.getByRole('textbox', { name: `Host operation ${n}`, exact: true }).fill(row.operation);
  if (row.kind) await page.getByRole('combobox', { name: `Response kind ${n}`, exact: true }).selectOption({ label: row.kind });
  await page.getByRole('textbox', { name: row.kind === 'Error' ? `Error message ${n}` : `Response ${n}`, exact: true }).fill(row.text);
}

async function runOperation(plugin: Plugin, op: string, input: string): Promise<void> {
  await operation(plugin.page).fill(op);
  await plugin.setInput(input);
  await plugin.pg.runButton.click();
}

test('a waPC guest: detected, an operation answered from the host responses, the host call in the Console', async ({ playground, page }) => {
  const plugin = new Plugin(playground);
  await plugin.open('wapc/guest.wasm');
  await expect(playground.kind).toHaveText('waPC guest');
  await expect(region(page)).toBeVisible();
  await addHostResponse(page, 1, { binding: 'default', namespace: 'example', operation: 'capitalize', text: 'WORLD' });
  await runOperation(plugin, 'hello', 'world');
  await plugin.expectOk();
  await expect(plugin.textLines).toHaveText(['Hello, WORLD']);
  await expect(plugin.consoleText('log')).toContainText(['wapc_init ran', 'host call: binding "default", namespace "example", operation "capitalize", payload 5 B "world" → 5 B "WORLD"']);
  // The operation is remembered.
  await expect(region(page).getByRole('button', { name: 'Use operation hello' })).toBeVisible();
});

test('echo, then a guest error and an unknown operation shown as errors with their message', async ({ playground, page }) => {
  const plugin = new Plugin(playground);
  await plugin.open('wapc/guest.wasm');
  await runOperation(plugin, 'echo', 'ping');
  await plugin.expectOk();
  await expect(plugin.textLines).toHaveText(['ping']);
  await expect(plugin.consoleText('log')).toContainText(['echo called']);

  await runOperation(plugin, 'fail', '');
  await expect(playground.status).toHaveText(/^error\b/);
  await expect(playground.outputAlert).toContainText('The guest answered "fail" with an error: Planned failure');

  await operation(page).fill('frobnicate');
  await playground.runButton.click();
  await expect(playground.outputAlert).toContainText('No handler registered for function "frobnicate"');
});

test('MessagePack: JSON input encoded, the MessagePack answer shown as a JSON tree', async ({ playground, page }) => {
  const plugin = new Plugin(playground);
  await plugin.open('wapc/guest.wasm');
  await page.getByRole('checkbox', { name: 'Encode input as MessagePack (from JSON)' }).check();
  await runOperation(plugin, 'sum', '{"a": 2, "b": 40}');
  await plugin.expectOk();
  await expect(plugin.outputMeta).toHaveText(/^application\/msgpack · 10 B$/);
  await expect(plugin.jsonItems).toHaveText([/\{ 1 keys? \}/, '"sum": 42']);

  // Not JSON: said before anything runs.
  await plugin.setInput('{a: 2}');
  await playground.runButton.click();
  await expect(playground.outputAlert).toContainText('The input is not valid JSON');
});

test('an unanswered host call fails with a clear error line, and an error row reaches the guest', async ({ playground, page }) => {
  const plugin = new Plugin(playground);
  await plugin.open('wapc/guest.wasm');
  await runOperation(plugin, 'hello', 'world');
  await expect(playground.status).toHaveText(/^error\b/);
  await expect(plugin.consoleText('stderr')).toHaveText([
    'Unanswered host call: No host response for binding "default", namespace "example", operation "capitalize": add a row for it under "Host responses" (or hostResponses in the API).',
  ]);
  await expect(playground.outputAlert).toContainText('host call failed: No host response for binding "default"');

  await addHostResponse(page, 1, { binding: '*', namespace: 'example', operation: '*', kind: 'Error', text: 'quota exceeded' });
  await playground.runButton.click();
  await expect(playground.outputAlert).toContainText('The guest answered "hello" with an error: host call failed: quota exceeded');
});

test('the API: run({ runAs: "wapc", func: operation, input, hostResponses })', async ({ page, playground }) => {
  void playground;
  const result = await page.evaluate(async (url) => {
    const api = window.wasmPlayground;
    const loaded = await api.load(url);
    const hello = await api.run({ module: loaded.id, runAs: 'wapc', func: 'hello', input: 'api', hostResponses: [{ binding: 'default', namespace: 'example', operation: 'capitalize', response: 'API' }] });
    const fail = await api.run({ module: loaded.id, func: 'fail' });
    const sum = await api.run({ module: loaded.id, func: 'sum', input: new Uint8Array([0x82, 0xa1, 0x61, 0x02, 0xa1, 0x62, 0x28]) });
    return {
      kind: loaded.analysis.kind,
      hello: { status: hello.status, text: new TextDecoder().decode(hello.output?.bytes), console: hello.console.map((l) => l.text) },
      fail: { status: fail.status, message: fail.error?.message },
      sum: { status: sum.status, mime: sum.output?.mime, bytes: Array.from(sum.output?.bytes ?? []) },
    };
  }, fixtureUrl('wapc/guest.wasm'));
  expect(result.kind).toBe('wapc');
  expect(result.hello).toEqual({ status: 'ok', text: 'Hello, API', console: ['wapc_init ran', 'host call: binding "default", namespace "example", operation "capitalize", payload 3 B "api" → 3 B "API"'] });
  expect(result.fail).toEqual({ status: 'error', message: 'The guest answered "fail" with an error: Planned failure' });
  expect(result.sum).toEqual({ status: 'ok', mime: 'application/msgpack', bytes: [0x81, 0xa3, 0x73, 0x75, 0x6d, 0xd2, 0, 0, 0, 42] });
});

test('init runs once per instance: kept between runs unless "Fresh instance per run"', async ({ playground, page }) => {
  const plugin = new Plugin(playground);
  await plugin.open('wapc/guest.wasm');
  await runOperation(plugin, 'echo', 'one');
  await expect(plugin.consoleText('log')).toHaveText(['wapc_init ran', 'echo called']);
  await playground.runButton.click();
  await plugin.expectOk();
  await expect(plugin.consoleText('log')).toHaveText(['echo called']);
  await region(page).getByRole('checkbox', { name: 'Fresh instance per run' }).check();
  await playground.runButton.click();
  await expect(plugin.consoleText('log')).toHaveText(['wapc_init ran', 'echo called']);
});
