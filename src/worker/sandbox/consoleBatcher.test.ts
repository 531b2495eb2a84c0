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

  it('a flood becomes batches of the newest lines: 100,000 lines in half a second make a few hundred messages', () => {
    const { batcher, sent, advance } = make();
    for (let i = 0; i < 100_000; i++) {
      batcher.push(line(`x${i}`));
      if (i % 200 === 0) advance(1); // half a second in all
    }
    batcher.flush();
    expect(sent.length).toBeLessThan(200);
    const delivered = sent.reduce((n, s) => n + s.items.length, 0);
    const dropped = sent.reduce((n, s) => n + s.dropped, 0);
    expect(delivered + dropped).toBe(100_000);
    expect(delivered).toBeLessThanOrEqual(sent.length * DEFAULT_LIMITS.maxLines);
    // Like tail -f: the last line printed is the last one shown.
    expect(sent.at(-1)!.items.at(-1)!.text).toBe('x99999');
  });

  it('never drops blocked-capability lines, and cuts a huge line', () => {
    const { batcher, sent } = make({ ...DEFAULT_LIMITS, maxLines: 1, immediatePerSecond: 0 });
    batcher.push(line('old'));
    batcher.push({ stream: 'blocked', text: 'http_request to https://evil/', capability: 'network', target: 'evil' });
    batcher.push(line('new'));
    batcher.flush();
    expect(sent.flatMap((s) => s.items.map((i) => i.text))).toEqual(['http_request to https://evil/', 'new']);
    expect(sent.reduce((n, s) => n + s.dropped, 0)).toBe(1);
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
