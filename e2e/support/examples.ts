/** The Examples gallery and the lesson line, found by their accessible names (additive to playground.ts). */
import type { Locator } from '@playwright/test';
import { expect, type Playground } from './playground';

export class Gallery {
  constructor(readonly pg: Playground) {}

  get button(): Locator {
    return this.pg.page.getByRole('button', { name: 'Examples', exact: true });
  }
  get menu(): Locator {
    return this.pg.page.getByRole('dialog', { name: 'Examples' });
  }
  get items(): Locator {
    return this.menu.getByRole('list', { name: 'Examples list' }).getByRole('button');
  }
  get lesson(): Locator {
    return this.pg.page.getByRole('region', { name: 'Lesson' });
  }

  /** Open the menu and pick the example titled `title`; wait until its lesson shows. */
  async open(title: string): Promise<void> {
    await this.button.click();
    await this.menu.getByRole('button', { name: title, exact: true }).click();
    await expect(this.menu).toHaveCount(0);
    await expect(this.lesson.getByRole('heading', { name: title })).toBeVisible({ timeout: 15_000 });
  }
}
