import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONSOLE_LINE_MAX } from '../../model/run';
import { ConsoleBatcher, DEFAULT_LIMITS } from './consoleBatcher';
import type { ConsoleItem } from './protocol';

function make(limits = DEFAULT_LIMITS) {
  let now = 0;
  const sent: { items: ConsoleItem[]; dropped: number }[] = [];
  const batcher = new ConsoleBatcher((items, dropped) => sent.push({ items, dropped }), () => now, limits);
  return { batcher, sent, advance: (ms: number) => (now += ms) };
}
const line = (text: string): ConsoleItem => ({ stream: 'stdout', text });

afterEach(() => vi.useRealTimers());

describe('ConsoleBatcher', () => {
  it('sends the first lines of each second at once, one message each (a slow printer is shown live)', () => {
    const { batcher, sent } = make();
    batcher.push(line('a'));
    batcher.push(line('b'));
    expect(sent.map((s) => s.items.map((i) => i.text))).toEqual([['a'], ['b']]);
  });

  it('a flood becomes batches: 100,000 lines in a second make a few hundred messages, not 100,000', () => {
    const { batcher, sent, advance } = make();
    for (let i = 0; i < 100_000; i++) {
      batcher.push(line(`x${i}`));
      if (i % 200 === 0) advance(1); // half a second in all
    }
    batcher.flush();
    expect(sent.length).toBeLessThan(300);
    const delivered = sent.reduce((n, s) => n + s.items.length, 0);
    const dropped = sent.reduce((n, s) => n + s.dropped, 0);
    expect(delivered + dropped).toBe(100_000);
    // Over the 20,000 lines/second budget the rest is counted, not sent.
    expect(delivered).toBeLessThanOrEqual(DEFAULT_LIMITS.linesPerSecond);
    expect(dropped).toBeGreaterThan(0);
  });

  it('never drops blocked-capability lines, and cuts a huge line', () => {
    const { batcher, sent } = make({ ...DEFAULT_LIMITS, linesPerSecond: 1, immediatePerSecond: 1000 });
    batcher.push(line('one'));
    batcher.push(line('over budget'));
    batcher.push({ stream: 'blocked', text: 'http_request to https://evil/', capability: 'network', target: 'evil' });
    batcher.push({ stream: 'log', text: 'y'.repeat(CONSOLE_LINE_MAX * 3), level: 'info' });
    batcher.flush();
    const items = sent.flatMap((s) => s.items);
    expect(items.map((i) => i.stream)).toEqual(['stdout', 'blocked']);
    expect(sent.reduce((n, s) => n + s.dropped, 0)).toBe(2);
    const { batcher: b2, sent: s2 } = make();
    b2.push({ stream: 'log', text: 'y'.repeat(CONSOLE_LINE_MAX * 3), level: 'info' });
    expect(s2[0]!.items[0]!.text).toMatch(new RegExp(`^y{${CONSOLE_LINE_MAX}}… \\[${CONSOLE_LINE_MAX * 2} more characters`));
  });

  it('what is left after a burst goes out on a timer once the guest yields', () => {
    vi.useFakeTimers();
    const { batcher, sent } = make({ ...DEFAULT_LIMITS, immediatePerSecond: 0 });
    batcher.push(line('tail'));
    expect(sent).toHaveLength(0);
    vi.advanceTimersByTime(DEFAULT_LIMITS.intervalMs);
    expect(sent.map((s) => s.items.map((i) => i.text))).toEqual([['tail']]);
  });
});
