/** The last N console lines of a run, and how many went before them (a flood must not fill memory). */
import type { ConsoleLine } from '../model/result';

/** Lines a run result keeps. */
export const CONSOLE_KEEP = 10_000;

export class LineWindow {
  private buffer: ConsoleLine[] = [];
  /** Lines pushed out of the window. */
  dropped = 0;

  constructor(private readonly size: number) {}

  push(line: ConsoleLine): void {
    this.buffer.push(line);
    // Trim in chunks: shifting one line at a time is O(n) per line.
    if (this.buffer.length >= this.size * 2) {
      this.dropped += this.buffer.length - this.size;
      this.buffer = this.buffer.slice(-this.size);
    }
  }

  /** The kept lines, oldest first. */
  lines(): ConsoleLine[] {
    if (this.buffer.length > this.size) {
      this.dropped += this.buffer.length - this.size;
      this.buffer = this.buffer.slice(-this.size);
    }
    return this.buffer;
  }
}
