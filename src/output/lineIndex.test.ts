import { describe, expect, it } from 'vitest';
import { indexLines, lineBounds, lineText } from './lineIndex';

const enc = (s: string) => new TextEncoder().encode(s);
const all = (s: string) => {
  const bytes = enc(s);
  const index = indexLines(bytes);
  return Array.from(index.starts, (_, i) => lineText(bytes, index, i).text);
};

describe('indexLines', () => {
  it('has no lines for empty input', () => {
    expect(indexLines(new Uint8Array(0)).starts.length).toBe(0);
  });

  it('splits at LF and does not add a line after a final LF', () => {
    expect(Array.from(indexLines(enc('a\nbc\n')).starts)).toEqual([0, 2]);
    expect(all('a\nbc\n')).toEqual(['a', 'bc']);
  });

  it('keeps a last line without LF, and empty lines in between', () => {
    expect(all('a\n\n\nb')).toEqual(['a', '', '', 'b']);
    expect(all('\n')).toEqual(['']);
  });

  it('drops the CR of CRLF line ends but keeps a lone CR inside a line', () => {
    expect(all('a\r\nb\r\n')).toEqual(['a', 'b']);
    expect(all('a\rb\n')).toEqual(['a\rb']);
  });

  it('decodes multi-byte characters', () => {
    expect(all('héllo\n日本\n🙂')).toEqual(['héllo', '日本', '🙂']);
  });

  it('stops at the cap and says so; the last indexed line still ends at its LF', () => {
    const bytes = enc('1\n2\n3\n4\n');
    const index = indexLines(bytes, 2);
    expect(index.truncated).toBe(true);
    expect(Array.from(index.starts)).toEqual([0, 2]);
    expect(index.end).toBe(4);
    expect(lineBounds(bytes, index, 1)).toEqual([2, 3]);
  });

  it('ends the last line at the end of the text, without a scan', () => {
    const bytes = enc('ab\r\ncd');
    const index = indexLines(bytes);
    expect(index.end).toBe(6);
    expect(lineBounds(bytes, index, 0)).toEqual([0, 2]);
    expect(lineBounds(bytes, index, 1)).toEqual([4, 6]);
    expect(lineBounds(enc('x\r\n'), indexLines(enc('x\r\n')), 0)).toEqual([0, 1]);
  });

  it('is not truncated when the cap equals the line count', () => {
    expect(indexLines(enc('1\n2\n'), 2).truncated).toBe(false);
  });

  it('grows past its first buffer', () => {
    const text = 'x\n'.repeat(5000);
    const index = indexLines(enc(text));
    expect(index.starts.length).toBe(5000);
    expect(index.starts[4999]).toBe(9998);
  });
});

describe('lineText', () => {
  it('cuts long lines on a character boundary and counts what was cut', () => {
    const bytes = enc('aé' + 'b'.repeat(10));
    const index = indexLines(bytes);
    // "a" is 1 byte, "é" 2: a limit of 2 would split "é", so only "a" is shown.
    expect(lineText(bytes, index, 0, 2)).toEqual({ text: 'a', cut: 12 });
    expect(lineText(bytes, index, 0, 3)).toEqual({ text: 'aé', cut: 10 });
  });
});
