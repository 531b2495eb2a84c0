import { describe, expect, it } from 'vitest';
import { addChunk, adoptDoc, blob, closeDoc, lines, openDoc } from './outputJobs';

const text = new TextEncoder().encode('one\ntwo\nthree\n');

describe('output worker documents', () => {
  it('adopts a buffer: keeps its own copy, complete at once, and leaves the page\'s intact', async () => {
    const page = text.slice();
    expect(adoptDoc(1, page.buffer)).toBe(true);
    page.fill(0); // the page's buffer goes back; the document must not share it
    expect(Array.from((await lines(1)).starts)).toEqual([0, 4, 8]);
    expect(new Uint8Array(await (await blob(1)).arrayBuffer())).toEqual(text);
    closeDoc(1);
    await expect(lines(1)).rejects.toThrow('no longer open');
  });

  it('answers from chunks once the last one has come', async () => {
    openDoc(2, text.length);
    const answer = blob(2);
    addChunk(2, 0, text.subarray(0, 5));
    addChunk(2, 5, text.subarray(5));
    expect(new TextDecoder().decode(await (await answer).arrayBuffer())).toBe('one\ntwo\nthree\n');
    closeDoc(2);
  });
});
