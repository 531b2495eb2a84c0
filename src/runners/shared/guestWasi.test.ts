import { describe, expect, it } from 'vitest';
import { CONSOLE_LINE_MAX } from '../../model/run';
import { lineSplitter } from './guestWasi';

const enc = new TextEncoder();

describe('lineSplitter', () => {
  it('splits across chunks, keeps UTF-8 split between writes, and emits the tail at the end', () => {
    const lines: string[] = [];
    const s = lineSplitter((l) => lines.push(l));
    const bytes = enc.encode('one\ntw€o\nthr');
    s.push(bytes.subarray(0, 7)); // cuts the € in half
    s.push(bytes.subarray(7));
    s.push(enc.encode('ee'));
    s.end();
    expect(lines).toEqual(['one', 'tw€o', 'three']);
  });

  it('cuts a huge line at CONSOLE_LINE_MAX and counts the rest, in linear time', () => {
    const lines: string[] = [];
    const s = lineSplitter((l) => lines.push(l));
    const chunk = enc.encode('z'.repeat(64 * 1024));
    const started = performance.now();
    for (let i = 0; i < 1600; i++) s.push(chunk); // 100 MiB, no newline
    s.push(enc.encode('\nafter\n'));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(lines).toHaveLength(2);
    expect(lines[0]!.startsWith('z'.repeat(CONSOLE_LINE_MAX) + '… [')).toBe(true);
    expect(lines[0]).toContain(`${1600 * 64 * 1024 - CONSOLE_LINE_MAX} more characters`);
    expect(lines[1]).toBe('after');
  });
});
