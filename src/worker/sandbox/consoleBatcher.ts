/**
 * Console traffic from a guest, batched by time and size and rate-limited (issue: a program writing
 * "x\n" in a loop sent 400k messages and starved the page). A guest runs synchronously, so timers
 * cannot fire while it runs: each push checks the clock itself. The first lines of each second go
 * out at once, so a slow printer (or one about to hang) is shown live; `flush()` is also called
 * before the guest blocks (a sleep). Past the rate budget lines are
 * dropped and counted; the count travels with the next batch. Blocked-capability lines are never dropped.
 */
import { CONSOLE_LINE_MAX } from '../../model/run';
import { cutLine } from '../../runners/shared/guestWasi';
import type { ConsoleItem } from './protocol';

export interface BatchLimits {
  /** Send at most this often while lines keep coming, ms. */
  intervalMs: number;
  /** Send early when a batch holds this many lines… */
  maxLines: number;
  /** …or this many characters. */
  maxChars: number;
  /** Characters per second the page is sent at most; the rest is dropped (and counted). */
  charsPerSecond: number;
  /** Lines per second likewise. */
  linesPerSecond: number;
  /** Messages per second sent at once, line by line: a slow printer (or one about to hang) is shown live. */
  immediatePerSecond: number;
}

export const DEFAULT_LIMITS: BatchLimits = { intervalMs: 16, maxLines: 2000, maxChars: 256 * 1024, charsPerSecond: 4 * 1024 * 1024, linesPerSecond: 20_000, immediatePerSecond: 100 };

export class ConsoleBatcher {
  private items: ConsoleItem[] = [];
  private chars = 0;
  private dropped = 0;
  private lastSent: number;
  private windowStart: number;
  private windowChars = 0;
  private windowLines = 0;
  private windowMessages = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly send: (items: ConsoleItem[], dropped: number) => void,
    private readonly now: () => number = () => performance.now(),
    private readonly limits: BatchLimits = DEFAULT_LIMITS,
  ) {
    this.lastSent = now();
    this.windowStart = this.lastSent;
  }

  push(pushed: ConsoleItem): void {
    // One line never carries more than CONSOLE_LINE_MAX characters to the page (a 100 MB log message).
    const item = pushed.text.length > CONSOLE_LINE_MAX ? { ...pushed, text: cutLine(pushed.text) } : pushed;
    const t = this.now();
    if (t - this.windowStart >= 1000) {
      this.windowStart = t;
      this.windowChars = 0;
      this.windowLines = 0;
      this.windowMessages = 0;
    }
    const size = item.text.length;
    if (item.stream !== 'blocked' && (this.windowChars + size > this.limits.charsPerSecond || this.windowLines >= this.limits.linesPerSecond)) {
      this.dropped++;
    } else {
      this.windowChars += size;
      this.windowLines++;
      this.items.push(item);
      this.chars += size;
    }
    const due = this.windowMessages < this.limits.immediatePerSecond || t - this.lastSent >= this.limits.intervalMs;
    if (due || this.items.length >= this.limits.maxLines || this.chars >= this.limits.maxChars) this.flush();
    // When the guest yields (an async host call) or stops printing, what is left goes out after a frame.
    else if (this.timer === null) this.timer = setTimeout(() => this.flush(), this.limits.intervalMs);
  }

  /** Send what is buffered now (before a run's result, so the console is complete). */
  flush(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.lastSent = this.now();
    if (this.items.length === 0 && this.dropped === 0) return;
    this.windowMessages++;
    const items = this.items;
    const dropped = this.dropped;
    this.items = [];
    this.chars = 0;
    this.dropped = 0;
    this.send(items, dropped);
  }
}
