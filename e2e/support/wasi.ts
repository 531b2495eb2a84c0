/**
 * WASI command controls, found by their accessible names (DESIGN.md §8): used by wasi.spec.ts
 * and wasiFs.spec.ts. Additive to playground.ts, like plugin.ts.
 */
import type { Locator } from '@playwright/test';
import path from 'node:path';
import { expect, type Playground } from './playground';
import { ROOT } from './servers';

/** The WASI test programs (C sources; rebuild with ./build.sh there). */
export const WASI_TESTDATA = path.join(ROOT, 'src', 'host', 'wasi', 'testdata');

export class Wasi {
  constructor(readonly pg: Playground) {}

  /** The command line the program gets, shell-quoted. */
  get args(): Locator {
    return this.pg.page.getByRole('textbox', { name: 'Arguments', exact: true });
  }
  /** Console lines of one stream ("stdout", "stderr"…): their text only. */
  consoleText(stream: string): Locator {
    return this.pg.console.locator(`[data-stream="${stream}"] .text`);
  }

  /** Mount the root of the default volume at `guest` with the Mounts form. */
  async mount(guest: string, readOnly = false): Promise<void> {
    const m = this.pg.mounts;
    await this.pg.showPanel('Capabilities');
    await m.getByRole('textbox', { name: 'Volume folder' }).fill('/');
    await m.getByRole('textbox', { name: 'Guest path' }).fill(guest);
    await m.getByRole('checkbox', { name: 'Read-only' }).setChecked(readOnly);
    await m.getByRole('button', { name: 'Mount', exact: true }).click();
    await expect(m.getByRole('list', { name: 'Mounted folders' })).toContainText(`${guest} ← home:/ ${readOnly ? 'read-only' : 'read-write'}`);
  }

  /** Pick a program from WASI_TESTDATA and wait until it is loaded as a WASI command. */
  async open(name: string): Promise<void> {
    await this.pg.fileInput.setInputFiles(path.join(WASI_TESTDATA, name));
    // A busy machine (two workers) may take longer than the default 5 s to analyse a module.
    await expect(this.pg.moduleHeading(name)).toBeVisible({ timeout: 15_000 });
    await expect(this.pg.kind).toContainText('WASI');
  }
}
