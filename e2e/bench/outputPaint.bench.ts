/**
 * `npm run bench`, output-on-screen rows (issue 11 item 6): from the Run click to the first paint
 * that shows the output, measured in the page. The click's own event time starts the clock; a
 * MutationObserver on the Output region sees the expected text, and the paint is the end of the
 * next animation frame (a rAF callback, then a message posted from it runs once that frame is
 * painted). Baseline: the engine's own round trip for the same call in the same page
 * (`window.wasmPlayground.run`, median). Missed bars print, never fail.
 *
 * "First run after page load" is the first Run once the page has settled (the input editor's
 * Monaco chunk, a ~250 ms task of its own, has loaded; the extism bench reports that task): the
 * first run still pays for everything the output needs the first time (renderers, workers, JSON).
 *
 * Chromium runs no task after a click until it has painted the next frame (input-priority
 * rendering; even a `user-blocking` task waits). A worker's answer therefore lands after the first
 * frame following the click, and its output is painted one frame later at the earliest: about
 * 17–33 ms from the click, by where in the frame the click fell, so the < 16 ms bar on the click
 * cannot be met by a worker's answer. Two rows show the part the page controls: how many warm runs
 * were painted in that second frame (the floor), and the time from the sandbox worker's answer
 * reaching the page to the output in the DOM (bar: within a frame).
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../support/playground';
import type { Playground } from '../support/playground';
import { Plugin } from '../support/plugin';
import { fixtureUrl } from '../support/urls';
import { printTable } from './benchTable';
import type { Row } from './benchTable';

const rows: Row[] = [];
const WARM_RUNS = 15;

test.describe.configure({ mode: 'serial' });
test.afterAll(() => printTable('Output on screen (from the Run click to the first paint that shows the output)', rows));

interface Timing {
  /** Click → the expected text is in the Output region's DOM. */
  dom: number;
  /** Click → the end of the first frame painted after that. */
  paint: number;
  /** Which frame after the click painted the output (1 = the click's own; 2 is the floor for a worker's answer). */
  frame: number;
  /** The sandbox worker's answer reached the page → the output is in the DOM (the page's own work). */
  answerToDom: number;
}

/** Before the app starts: note when each message from the sandbox worker reaches the page. */
function watchSandboxAnswers(): void {
  const w = window as unknown as { __answers: number[] };
  w.__answers = [];
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      // Added before the app's own handler, so it runs first.
      if (options?.name === 'sandbox') this.addEventListener('message', () => w.__answers.push(performance.now()));
    }
  };
}

/** Resolves when the page has been idle (nothing queued for a while): start-up work has finished. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 5000 })));
  await page.waitForTimeout(300);
}

/** Arm the watch for the next Run click; `__paint` resolves once the output is painted. */
async function arm(page: Page, expected: string): Promise<void> {
  await page.evaluate((expected) => {
    const w = window as unknown as { __paint: Promise<Timing>; __answers: number[] };
    const region = document.querySelector('section[aria-label="Output"]');
    if (!region) throw new Error('no Output region');
    w.__paint = new Promise((resolve) => {
      let clickAt = -1;
      let frames = 0;
      let counting = true;
      const count = () => {
        frames++;
        if (counting) requestAnimationFrame(count);
      };
      // The output of the run before is cleared first; only text that comes back after counts.
      let cleared = !(region.textContent ?? '').includes(expected);
      const onClick = (event: MouseEvent) => {
        const target = event.target as Element | null;
        if (clickAt >= 0 || target?.closest('button')?.textContent?.trim() !== 'Run') return;
        clickAt = event.timeStamp;
        requestAnimationFrame(count);
      };
      window.addEventListener('click', onClick, true);
      const observer = new MutationObserver(() => {
        const has = (region.textContent ?? '').includes(expected);
        if (!has) cleared = true;
        if (clickAt < 0 || !cleared || !has) return;
        const now = performance.now();
        observer.disconnect();
        window.removeEventListener('click', onClick, true);
        const answer = w.__answers.filter((t) => t >= clickAt && t <= now).pop() ?? Number.NaN;
        // Frames begun before the text was there did not show it: the next one does.
        const frame = frames + 1;
        requestAnimationFrame(() => {
          counting = false;
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve({ dom: now - clickAt, paint: performance.now() - clickAt, frame, answerToDom: now - answer });
          channel.port2.postMessage(null);
        });
      });
      observer.observe(region, { subtree: true, childList: true, characterData: true });
    });
  }, expected);
}

async function measuredRun(pg: Playground, expected: string): Promise<Timing> {
  await arm(pg.page, expected);
  await pg.runButton.click();
  return pg.page.evaluate(() => (window as unknown as { __paint: Promise<Timing> }).__paint);
}

/** Median engine round trip (`api.run`) for `request` on `url`, in this page. */
async function engineRoundTrip(page: Page, url: string, request: { func: string; args?: (number | string)[] }): Promise<number> {
  return page.evaluate(
    async ({ url, request }) => {
      const api = window.wasmPlayground;
      const { id } = await api.load(url);
      const times: number[] = [];
      for (let i = 0; i < 40; i++) {
        const t = performance.now();
        const r = await api.run({ module: id, ...request });
        if (r.status !== 'ok') throw new Error(`${request.func}: ${r.error?.message ?? r.status}`);
        if (i >= 10) times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      return times[times.length >> 1]!;
    },
    { url, request },
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

async function measure(pg: Playground, label: string, expected: string, engineMs: () => Promise<number>): Promise<void> {
  await settled(pg.page);
  const first = await measuredRun(pg, expected);
  const warm: Timing[] = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    warm.push(await measuredRun(pg, expected));
    await pg.page.waitForTimeout(50);
  }
  const engine = await engineMs();
  const baseline = { label: 'engine round trip', value: engine };
  rows.push({ measure: `${label}: first run after page load (frame ${first.frame} after the click)`, value: first.paint, baseline, bar: { ms: 150 } });
  rows.push({ measure: `${label}: warm, median of ${WARM_RUNS}`, value: median(warm.map((t) => t.paint)), baseline, bar: { ms: 16 } });
  const second = warm.filter((t) => t.frame <= 2).length;
  rows.push({ measure: `${label}: warm, painted in frame 2 after the click (the floor): ${second}/${WARM_RUNS} runs`, value: median(warm.map((t) => t.paint)), baseline });
  rows.push({ measure: `${label}: warm, engine answer → output in the DOM (median)`, value: median(warm.map((t) => t.answerToDom)), bar: { ms: 16 } });
  rows.push({ measure: `${label}: warm, click → output in the DOM (median)`, value: median(warm.map((t) => t.dom)), baseline });
}

test.beforeEach(async ({ playground, page }) => {
  await page.addInitScript(watchSandboxAnswers);
  await playground.goto();
});

test('Extism count_vowels: 43-byte JSON output', async ({ playground, page }) => {
  const plugin = new Plugin(playground);
  await plugin.open('extism/count-vowels.wasm');
  await playground.selectFunction('count_vowels');
  await playground.editorReady();
  // Empty input: {"count":0,"total":0,"vowels":"aeiouAEIOU"}.
  await measure(playground, 'count_vowels JSON', 'aeiouAEIOU', () =>
    engineRoundTrip(page, fixtureUrl('extism/count-vowels.wasm'), { func: 'count_vowels' }),
  );
  await expect(plugin.jsonItems.first()).toBeVisible();
});

test('core add(2, 3): return values', async ({ playground, page }) => {
  await playground.open('add.wasm');
  await playground.selectFunction('add');
  await playground.fillArgs('2', '3');
  await measure(playground, 'core add values', 'i32', () => engineRoundTrip(page, fixtureUrl('add.wasm'), { func: 'add', args: [2, 3] }));
  await expect(playground.values).toHaveText(['5']);
});
