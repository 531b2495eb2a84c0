/**
 * Console traffic from a guest, batched by time and bounded (issue: a program writing "x\n" in a
 * loop sent 400k messages and starved the page). A guest runs synchronously, so timers cannot fire
 * while it runs: each push checks the clock itself. The first lines of each second go out at once,
 * so a slow printer (or one about to hang) is shown live; `flush()` is also called before the guest
 * blocks (a sleep). A batch keeps the newest lines, like `tail -f`: older ones are dropped and
 * counted, and the count travels with the batch. Blocked-capability lines are never dropped.
 */
import { CONSOLE_LINE_MAX } from '../../model/run';
import { cutLine } from '../../runners/shared/guestWasi';
import type { ConsoleItem } from './protocol';

export interface BatchLimits {
  /** Send at most this often while lines keep coming, ms. */
  intervalMs: number;
  /** Lines one batch carries at most (the newest)… */
  maxLines: number;
  /** …and characters. */
  maxChars: number;
  /** Messages per second sent at once, line by line. */
  immediatePerSecond: number;
}

/** At most ~20,000 lines and ~4 MB a second reach the page, whatever the guest prints. */
export const DEFAULT_LIMITS: BatchLimits = { intervalMs: 16, maxLines: 320, maxChars: 64 * 1024, immediatePerSecond: 100 };

export class ConsoleBatcher {
  private items: ConsoleItem[] = [];
  private chars = 0;
  private dropped = 0;
  private lastSent: number;
  private windowStart: number;
  private windowMessages = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly send: (items: ConsoleItem[], dropped: number) => void,
    private readonly now: () => number = () => performance.now(),
    private readonly limits: BatchLimits = DEFAULT_LIMITS,
  ) {
    this.windowStart = now();
    this.lastSent = this.windowStart;
  }

  push(pushed: ConsoleItem): void {
    // One line never carries more than CONSOLE_LINE_MAX characters to the page (a 100 MB log message).
    const item = pushed.text.length > CONSOLE_LINE_MAX ? { ...pushed, text: cutLine(pushed.text) } : pushed;
    this.items.push(item);
    this.chars += item.text.length;
    // Trim in chunks (twice the limit down to the limit): dropping one line at a time is O(n) each.
    if (this.items.length >= 2 * this.limits.maxLines || this.chars >= 2 * this.limits.maxChars) this.trim();
    const t = this.now();
    if (t - this.windowStart >= 1000) {
      this.windowStart = t;
      this.windowMessages = 0;
    }
    if (this.windowMessages < this.limits.immediatePerSecond || t - this.lastSent >= this.limits.intervalMs) this.flush();
    // When the guest yields (an async host call) or stops printing, what is left goes out after a frame.
    else if (this.timer === null) this.timer = setTimeout(() => this.flush(), this.limits.intervalMs);
  }

  /** Send what is buffered now (before a run's result, so the console is complete). */
  flush(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.trim();
    if (this.items.length === 0 && this.dropped === 0) return;
    this.lastSent = this.now();
    this.windowMessages++;
    const items = this.items;
    const dropped = this.dropped;
    this.items = [];
    this.chars = 0;
    this.dropped = 0;
    this.send(items, dropped);
  }

  /** Keep the newest lines within the batch limits (and every blocked line); count the rest. */
  private trim(): void {
    const { maxLines, maxChars } = this.limits;
    if (this.items.length <= maxLines && this.chars <= maxChars) return;
    const kept: ConsoleItem[] = [];
    let chars = 0;
    for (let i = this.items.length - 1; i >= 0; i--) {
      const item = this.items[i]!;
      if (item.stream === 'blocked' || (kept.length < maxLines && chars + item.text.length <= maxChars)) {
        kept.push(item);
        chars += item.text.length;
      } else this.dropped++;
    }
    this.items = kept.reverse();
    this.chars = chars;
  }
}
