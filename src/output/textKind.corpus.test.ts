/**
 * Sniffing against a corpus of real-looking tool logs (must stay text/plain) and README-style
 * documents (must be text/markdown). The files live in testdata/corpus/{text,markdown}/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sniffMime } from './sniff';

const CORPUS = join(__dirname, 'testdata', 'corpus');

function corpus(kind: 'text' | 'markdown'): [string, Uint8Array][] {
  const dir = join(CORPUS, kind);
  return readdirSync(dir)
    .sort()
    .map((name) => [name, new Uint8Array(readFileSync(join(dir, name)))]);
}

const logs = corpus('text');
const docs = corpus('markdown');

describe('text sniffing corpus', () => {
  it('has enough samples to mean something', () => {
    expect(logs.length).toBeGreaterThanOrEqual(10);
    expect(docs.length).toBeGreaterThanOrEqual(6);
  });

  it.each(logs)('keeps the log %s as plain text', (_name, bytes) => {
    expect(sniffMime(bytes)).toBe('text/plain');
  });

  it.each(docs)('finds Markdown in %s', (_name, bytes) => {
    expect(sniffMime(bytes)).toBe('text/markdown');
  });

  it('keeps a Yosys log repeated past the 64 KiB sniff window plain', () => {
    const yosys = logs.find(([name]) => name.startsWith('yosys'))![1];
    const long = new Uint8Array(yosys.length * 40);
    for (let i = 0; i < 40; i++) long.set(yosys, i * yosys.length);
    expect(sniffMime(long)).toBe('text/plain');
  });
});
