/**
 * The app as a person sees it: controls found by their accessible names (DESIGN.md §8) and a
 * few actions built from them. Every spec imports `test` and `expect` from here.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './servers';

export { expect };

export const FIXTURES = path.join(ROOT, 'e2e', 'fixtures');

/** Absolute path of a file in e2e/fixtures. */
export const fixturePath = (name: string): string => path.join(FIXTURES, name);

/** "ok · compile 1.20 ms · instantiate 0.050 ms · call 0.010 ms" */
export const OK_STATUS = /^ok · compile [\d.]+ ms · instantiate [\d.]+ ms · call [\d.]+ ms$/;

export class Playground {
  constructor(readonly page: Page) {}

  get fileInput(): Locator {
    return this.page.getByLabel('Module file');
  }
  get urlBox(): Locator {
    return this.page.getByRole('textbox', { name: 'Module URL' });
  }
  get loadButton(): Locator {
    return this.page.getByRole('button', { name: 'Load', exact: true });
  }
  get progress(): Locator {
    return this.page.getByRole('progressbar', { name: 'Download progress' });
  }
  get loadError(): Locator {
    return this.page.getByRole('alert', { name: 'Load error' });
  }
  get kind(): Locator {
    return this.page.getByLabel('Module kind');
  }
  get functionPicker(): Locator {
    return this.page.getByRole('combobox', { name: 'Function', exact: true });
  }
  /** Argument field n (1-based); its label is "Argument n" plus the type. */
  arg(n: number): Locator {
    return this.page.getByLabel(new RegExp(`^Argument ${n}\\b`));
  }
  get runButton(): Locator {
    return this.page.getByRole('button', { name: 'Run', exact: true });
  }
  get stopButton(): Locator {
    return this.page.getByRole('button', { name: 'Stop', exact: true });
  }
  get timeoutBox(): Locator {
    return this.page.getByRole('spinbutton', { name: 'Timeout (s)' });
  }
  get output(): Locator {
    return this.page.getByRole('region', { name: 'Output' });
  }
  /** The `output` elements holding the return values, in order. */
  get values(): Locator {
    return this.output.getByRole('list', { name: 'Return values' }).locator('output');
  }
  /** The error or "stopped" box in the Output region. */
  get outputAlert(): Locator {
    return this.output.getByRole('alert');
  }
  get status(): Locator {
    return this.page.getByRole('status', { name: 'Run status' });
  }
  get console(): Locator {
    return this.page.getByRole('region', { name: 'Console' });
  }
  get files(): Locator {
    return this.page.getByRole('region', { name: 'Files' });
  }
  /** A file or folder of the Files panel, by its name. */
  fileRow(name: string): Locator {
    return this.files.getByRole('listitem', { name, exact: true });
  }
  get mounts(): Locator {
    return this.page.getByRole('region', { name: 'Mounts' });
  }
  get mountedFolders(): Locator {
    return this.mounts.getByRole('list', { name: 'Mounted folders' });
  }
  get missingImports(): Locator {
    return this.page.getByRole('group', { name: 'Missing imports' });
  }
  get stubCheckbox(): Locator {
    return this.page.getByRole('checkbox', { name: 'Stub missing imports' });
  }
  get inspector(): Locator {
    return this.page.getByRole('region', { name: 'Inspector' });
  }
  get exportsList(): Locator {
    return this.inspector.getByRole('list', { name: 'Exports' });
  }
  get importsList(): Locator {
    return this.inspector.getByRole('list', { name: 'Imports' });
  }
  get recentButton(): Locator {
    return this.page.getByRole('button', { name: 'Recent modules' });
  }
  /** The loaded module's name, shown as the level-2 heading of the summary. */
  moduleHeading(name: string): Locator {
    return this.page.getByRole('heading', { level: 2, name, exact: true });
  }

  async goto(url = '/'): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Wasm Playground' })).toBeVisible();
  }

  /** Pick a fixture with the "Module file" input. */
  async openFile(name: string): Promise<void> {
    await this.fileInput.setInputFiles(fixturePath(name));
  }

  /** Pick a fixture and wait until it is loaded (its name is the summary heading). */
  async open(name: string): Promise<void> {
    await this.openFile(name);
    await this.expectLoaded(path.basename(name));
  }

  /** Wait until "Recent modules" lists `name`: the library has saved it (then close the list). */
  async expectInLibrary(name: string): Promise<void> {
    await this.recentButton.click();
    await expect(this.page.getByRole('button', { name: `Open ${name}`, exact: true })).toBeVisible();
    await this.recentButton.click();
  }

  async expectLoaded(name: string): Promise<void> {
    await expect(this.moduleHeading(name)).toBeVisible();
    await expect(this.loadError).toHaveCount(0);
  }

  /**
   * Drop a fixture on the window as a person dragging it from their file manager would:
   * dragenter and dragover (the page shows its drop overlay), then drop.
   */
  async drop(name: string, target = 'body'): Promise<void> {
    const base64 = readFileSync(fixturePath(name)).toString('base64');
    const dataTransfer = await this.page.evaluateHandle(
      ({ base64, name }) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name, { type: 'application/wasm' }));
        return transfer;
      },
      { base64, name },
    );
    const at = this.page.locator(target).first();
    await at.dispatchEvent('dragenter', { dataTransfer });
    await at.dispatchEvent('dragover', { dataTransfer });
    await expect(this.page.getByText('Drop a .wasm file to load it')).toBeVisible();
    await at.dispatchEvent('drop', { dataTransfer });
    await dataTransfer.dispose();
  }

  /** Type a URL into "Module URL" and submit it with the Load button or Enter. */
  async loadUrl(url: string, how: 'click' | 'enter' = 'click'): Promise<void> {
    await this.urlBox.fill(url);
    if (how === 'enter') await this.urlBox.press('Enter');
    else await this.loadButton.click();
  }

  async selectFunction(name: string): Promise<void> {
    await this.functionPicker.selectOption(name);
    await expect(this.functionPicker).toHaveValue(name);
  }

  async fillArgs(...args: string[]): Promise<void> {
    for (const [i, value] of args.entries()) await this.arg(i + 1).fill(value);
  }

  /** Select `func`, type its arguments, click Run. */
  async run(func: string, ...args: string[]): Promise<void> {
    await this.selectFunction(func);
    await this.fillArgs(...args);
    await this.runButton.click();
  }

  /** The run finished with status ok and exactly these values. */
  async expectValues(...values: string[]): Promise<void> {
    await expect(this.status).toHaveText(OK_STATUS);
    await expect(this.values).toHaveText(values);
  }

  /** The run ended with an error whose message matches. */
  /** Bring a tab of the side panel to the front (Inspector, Capabilities with Allowed hosts and Mounts, Files). */
  async showPanel(name: 'Inspector' | 'Capabilities' | 'Files'): Promise<void> {
    const tab = this.page.getByRole('tablist', { name: 'Panels' }).getByRole('tab', { name, exact: true });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }

  /** Upload text files into the Files panel's current folder and wait until they are listed. */
  async uploadFiles(...list: { name: string; text: string }[]): Promise<void> {
    await this.showPanel('Files');
    await this.files
      .getByLabel('Upload files', { exact: true })
      .setInputFiles(list.map((f) => ({ name: f.name, mimeType: 'text/plain', buffer: Buffer.from(f.text) })));
    for (const f of list) await expect(this.fileRow(f.name)).toBeVisible();
  }

  /**
   * Wait until Monaco has replaced the Input textarea. Its first start-up holds the main thread
   * for a few hundred ms on a busy machine; timing-sensitive tests let it finish first.
   */
  async editorReady(): Promise<void> {
    await expect(this.page.locator('.input-panel [data-editor="monaco"]')).toBeVisible({ timeout: 15_000 });
  }

  async expectRunError(message: string | RegExp): Promise<void> {
    await expect(this.status).toHaveText(/^error\b/);
    await expect(this.outputAlert).toContainText(message);
  }
}

interface Fixtures {
  /** The app, opened at `/`; the test fails if the page throws an uncaught error. */
  playground: Playground;
}

export const test = base.extend<Fixtures>({
  // The second parameter is Playwright's `use`, renamed: React's hooks lint owns that name.
  playground: async ({ page }, provide) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.stack ?? error.message));
    const playground = new Playground(page);
    await playground.goto();
    await provide(playground);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});
