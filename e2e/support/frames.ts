/** Watches the page's responsiveness: the longest gap between animation frames and the longest main-thread task. */
import type { Page } from '@playwright/test';

export interface FrameWatch {
  /** Longest gap between two animation frames, ms. */
  frame: number;
  /** Longest task the browser reported (longtask entries are tasks over 50 ms; 0 = none), ms. */
  task: number;
}

/** Start watching; the returned function stops and reads what was seen. */
export async function watchFrames(page: Page): Promise<() => Promise<FrameWatch>> {
  await page.evaluate(() => {
    const w = window as unknown as { frameWatch: FrameWatch & { on: boolean } };
    w.frameWatch = { task: 0, frame: 0, on: true };
    let last = performance.now();
    const tick = (t: number) => {
      w.frameWatch.frame = Math.max(w.frameWatch.frame, t - last);
      last = t;
      if (w.frameWatch.on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.frameWatch.task = Math.max(w.frameWatch.task, e.duration);
    }).observe({ type: 'longtask' });
  });
  return () =>
    page.evaluate(() => {
      const w = window as unknown as { frameWatch: FrameWatch & { on: boolean } };
      w.frameWatch.on = false;
      return { task: w.frameWatch.task, frame: w.frameWatch.frame };
    });
}

/** Click Stop inside the page and measure from the click to "stopped" in the Run status, ms. */
export function stopAndTime(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const status = document.querySelector('[role="status"][aria-label="Run status"]')!;
        const stop = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Stop')!;
        const t0 = performance.now();
        new MutationObserver((_, obs) => {
          if (status.textContent?.startsWith('stopped')) {
            obs.disconnect();
            resolve(performance.now() - t0);
          }
        }).observe(status, { childList: true, characterData: true, subtree: true });
        stop.click();
      }),
  );
}
