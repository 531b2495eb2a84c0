/**
 * Extism plugin controls, output renderers and share links, found by their accessible names
 * (DESIGN.md §8): used by extism*.spec.ts, outputs.spec.ts and share.spec.ts. Additive to
 * playground.ts, which stays the entry point (`test`, `expect`, `Playground`).
 */
import type { Locator, Page } from '@playwright/test';
import path from 'node:path';
import { expect, type Playground } from './playground';

export class Plugin {
  constructor(readonly pg: Playground) {}

  get page(): Page {
    return this.pg.page;
  }
  /** The Input editor: a textarea until Monaco has loaded, then Monaco's own textarea. */
  get input(): Locator {
    return this.page.getByRole('textbox', { name: 'Input', exact: true });
  }
  get inputType(): Locator {
    return this.page.getByLabel('Input type', { exact: true });
  }
  get inputFile(): Locator {
    return this.page.getByLabel('Input file', { exact: true });
  }
  get settings(): Locator {
    return this.page.getByRole('region', { name: 'Plugin settings' });
  }
  get vars(): Locator {
    return this.page.getByRole('region', { name: 'Vars' });
  }
  get logLevel(): Locator {
    return this.page.getByLabel('Log level', { exact: true });
  }
  get freshInstance(): Locator {
    return this.page.getByRole('checkbox', { name: 'Fresh instance per run' });
  }
  configKey(n: number): Locator {
    return this.page.getByRole('textbox', { name: `Config key ${n}`, exact: true });
  }
  configValue(n: number): Locator {
    return this.page.getByRole('textbox', { name: `Config value ${n}`, exact: true });
  }
  get runAs(): Locator {
    return this.page.getByRole('combobox', { name: /^Run as\b/ });
  }
  get allowedHosts(): Locator {
    return this.page.getByRole('textbox', { name: 'Allowed hosts', exact: true });
  }
  get grantRequest(): Locator {
    return this.page.getByRole('alertdialog', { name: 'Grant request' });
  }
  get outputType(): Locator {
    return this.pg.output.getByRole('combobox', { name: /^Output type\b/ });
  }
  /** "<mime> · <size>" above the rendered output. */
  get outputMeta(): Locator {
    return this.pg.output.locator('.output-meta');
  }
  /** Console lines of one stream ("stdout", "stderr", "log", "stub", "blocked"): their text only. */
  consoleText(stream: string): Locator {
    return this.pg.console.locator(`[data-stream="${stream}"] .text`);
  }
  get shareButton(): Locator {
    return this.page.getByRole('button', { name: 'Share', exact: true });
  }
  get shareLink(): Locator {
    return this.page.getByRole('textbox', { name: 'Share link', exact: true });
  }

  /**
   * Type the input. Waits for Monaco first (it replaces the plain textarea once its chunk has
   * loaded), so the text is never typed into an element that is about to go away.
   */
  async setInput(text: string): Promise<void> {
    await expect(this.page.locator('.input-panel [data-editor="monaco"]')).toBeVisible({ timeout: 15_000 });
    // fill() alone adds to what Monaco holds: select everything in the editor and delete it first.
    await this.input.focus();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('Delete');
    await this.input.fill(text);
    // Monaco shows the model's lines; compare without its non-breaking spaces.
    if (text !== '') await expect.poll(() => this.editorText()).toBe(text);
  }

  /** What the Input editor holds: the plain textarea's value, or Monaco's rendered lines once it has loaded. */
  async editorText(): Promise<string> {
    // One read in the page: the textarea goes away at any moment when Monaco takes over.
    return this.page.evaluate(() => {
      const area = document.querySelector('.input-panel [data-editor]');
      if (!area) return '';
      if (area.getAttribute('data-editor') === 'textarea') return area.querySelector('textarea')?.value ?? '';
      const lines = Array.from(area.querySelectorAll('.view-lines .view-line'), (l) => (l.textContent ?? '').replace(/\u00a0/g, ' '));
      return lines.join('\n');
    });
  }

  /**
   * Pick a fixture (it may be in a subfolder, e.g. `extism/echo.wasm`) and wait until it is
   * loaded: the summary heading is the file's own name.
   */
  async open(name: string): Promise<void> {
    await this.pg.openFile(name);
    await this.pg.expectLoaded(path.basename(name));
  }

  /** Add config rows with "Add config entry" and fill them. */
  async addConfig(entries: Record<string, string>): Promise<void> {
    for (const [key, value] of Object.entries(entries)) {
      const n = (await this.settings.getByRole('textbox', { name: /^Config key \d+$/ }).count()) + 1;
      await this.page.getByRole('button', { name: 'Add config entry' }).click();
      await this.configKey(n).fill(key);
      await this.configValue(n).fill(value);
    }
  }

  /** Select `func`, type `input`, Run. */
  async call(func: string, input?: string): Promise<void> {
    await this.pg.selectFunction(func);
    if (input !== undefined) await this.setInput(input);
    await this.pg.runButton.click();
  }

  /** The run finished ok. */
  async expectOk(): Promise<void> {
    await expect(this.pg.status).toHaveText(/^ok\b/);
  }

  /** The rendered text output (text renderer), line by line. */
  get textLines(): Locator {
    return this.pg.output.getByRole('group', { name: 'Text' }).locator('.lt');
  }

  /** The JSON tree's items. */
  get jsonItems(): Locator {
    return this.pg.output.getByRole('tree', { name: 'JSON' }).getByRole('treeitem');
  }
}
