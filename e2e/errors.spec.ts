/**
 * Specific, actionable load errors (issue 2 item 10; DESIGN.md §11): every malformed file and
 * every failing URL gets its own message, never a blank pane.
 */
import { expect, test } from './support/playground';
import { CORS_ORIGIN, fixtureUrl, NO_CORS_ORIGIN, REFUSED_ORIGIN } from './support/urls';

test.describe('malformed files', () => {
  const cases: { file: string; code: string; message: RegExp; also?: string[] }[] = [
    { file: 'empty.wasm', code: 'empty', message: /The file is empty \(0 bytes\)/ },
    { file: 'not-wasm.wasm', code: 'not-wasm', message: /not a WebAssembly module: it looks like an? HTML/i, also: ['00 61 73 6d', 'check the URL'] },
    { file: 'image.png', code: 'not-wasm', message: /not a WebAssembly module: it looks like an? PNG/i },
    { file: 'archive.zip', code: 'not-wasm', message: /not a WebAssembly module: it looks like an? ZIP/i, also: ['Extract the .wasm file from the archive'] },
    { file: 'truncated.wasm', code: 'truncated', message: /The module is truncated: .*at byte offset \d+ of \d+/ },
    { file: 'bad-section.wasm', code: 'malformed', message: /The module is malformed: .*at byte offset \d+ of \d+/ },
    { file: 'invalid-body.wasm', code: 'invalid', message: /The engine rejected the module: .*byte offset \d+/ },
  ];
  for (const { file, code, message, also = [] } of cases) {
    test(`${file}: ${code}`, async ({ playground }) => {
      await playground.openFile(file);
      await expect(playground.loadError).toHaveAttribute('data-code', code);
      await expect(playground.loadError).toHaveText(message);
      for (const text of also) await expect(playground.loadError).toContainText(text);
      // Nothing half-loaded is shown in its place.
      await expect(playground.functionPicker).toHaveCount(0);
    });
  }

  test('random bytes (garbage.wasm) get a specific message', async ({ playground }) => {
    await playground.openFile('garbage.wasm');
    await expect(playground.loadError).toHaveAttribute('data-code', /^(not-wasm|malformed|truncated|unsupported-version)$/);
    await expect(playground.loadError).toHaveText(/not a WebAssembly module|malformed|truncated|version/);
  });

  test('a bad file keeps the previous module loaded and a good one clears the error', async ({ playground }) => {
    await playground.open('add.wasm');
    await playground.openFile('empty.wasm');
    await expect(playground.loadError).toHaveAttribute('data-code', 'empty');
    await expect(playground.moduleHeading('add.wasm')).toBeVisible();
    await playground.open('trap.wasm');
    await expect(playground.loadError).toHaveCount(0);
  });

  test('a malformed file dropped on the window gets the same message', async ({ playground }) => {
    await playground.drop('truncated.wasm');
    await expect(playground.loadError).toHaveAttribute('data-code', 'truncated');
  });
});

test.describe('URL errors', () => {
  test('404: the server status is named', async ({ playground }) => {
    await playground.loadUrl(fixtureUrl('no-such-module.wasm'));
    await expect(playground.loadError).toHaveAttribute('data-code', 'not-found');
    await expect(playground.loadError).toContainText('HTTP 404');
    await expect(playground.loadError).toContainText('check the URL');
  });

  test('CORS: explains Access-Control-Allow-Origin and offers download-and-drop', async ({ playground }) => {
    await playground.loadUrl(fixtureUrl('add.wasm', NO_CORS_ORIGIN));
    await expect(playground.loadError).toHaveAttribute('data-code', 'cors');
    await expect(playground.loadError).toContainText('CORS');
    await expect(playground.loadError).toContainText('Access-Control-Allow-Origin');
    await expect(playground.loadError).toContainText('drop it here');
  });

  test('refused connection: a network error naming the host', async ({ playground }) => {
    await playground.loadUrl(`${REFUSED_ORIGIN}/add.wasm`);
    await expect(playground.loadError).toHaveAttribute('data-code', 'network');
    await expect(playground.loadError).toContainText(`Could not reach ${new URL(REFUSED_ORIGIN).host}`);
  });

  test('an HTML page served at a .wasm URL: not wasm, with the content type the server sent', async ({ playground }) => {
    await playground.loadUrl(`${CORS_ORIGIN}/html/module.wasm`);
    await expect(playground.loadError).toHaveAttribute('data-code', 'not-wasm');
    await expect(playground.loadError).toContainText(/HTML/);
    await expect(playground.loadError).toContainText('text/html');
  });

  test('an invalid module by URL gets the engine message with the byte offset', async ({ playground }) => {
    await playground.loadUrl(fixtureUrl('invalid-body.wasm'));
    await expect(playground.loadError).toHaveAttribute('data-code', 'invalid');
    await expect(playground.loadError).toContainText(/byte offset \d+/);
  });

  test('an address the playground cannot load (ftp:) is a bad URL', async ({ playground }) => {
    await playground.loadUrl('ftp://example.com/module.wasm');
    await expect(playground.loadError).toHaveAttribute('data-code', 'bad-url');
    await expect(playground.loadError).toContainText('http:// or https://');
  });

  test('after a failed URL, a good one loads and the error goes away', async ({ playground }) => {
    await playground.loadUrl(fixtureUrl('no-such-module.wasm'));
    await expect(playground.loadError).toBeVisible();
    await playground.loadUrl(fixtureUrl('add.wasm'));
    await playground.expectLoaded('add.wasm');
  });
});
