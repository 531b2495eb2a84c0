import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ON_PAGE_LIMIT } from '../output/onPage';
import { OutputDoc } from './outputClient';

/**
 * A stand-in output worker that records what it is sent and never answers. The client keeps one
 * worker for the module, so what counts is what was posted in each test, to any worker.
 */
class FakeWorker {
  static posted: string[] = [];
  onmessage: unknown = null;
  onerror: unknown = null;
  postMessage(message: { type: string }) {
    FakeWorker.posted.push(message.type);
  }
  addEventListener() {}
  removeEventListener() {}
  terminate() {}
}

const json = (size: number) => {
  // {"pad":"xxx…"} of exactly `size` bytes
  const text = `{"pad":"${'x'.repeat(size - 10)}"}`;
  return new TextEncoder().encode(text);
};

beforeEach(() => {
  FakeWorker.posted = [];
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => vi.unstubAllGlobals());

describe('OutputDoc: small outputs on the page, big ones in the worker', () => {
  it('answers a small output (up to ON_PAGE_LIMIT) on the page: nothing is sent to the worker', async () => {
    const bytes = json(ON_PAGE_LIMIT);
    expect(bytes.length).toBe(ON_PAGE_LIMIT);
    const doc = new OutputDoc(bytes);
    expect(doc.onPage).toBe(true);
    const now = doc.jsonNow();
    expect(now.ok && now.root.size).toBe(1);
    expect(await doc.json()).toMatchObject({ kind: 'object', size: 1 });
    expect((await doc.jsonChildren([], 0, 10)).nodes[0]).toMatchObject({ key: 'pad', kind: 'string' });
    expect(Array.from((await doc.lines()).starts)).toEqual([0]);
    expect(FakeWorker.posted).toEqual([]);
  });

  it('leaves deeply nested small JSON to the worker, but indexes its lines on the page', async () => {
    const doc = new OutputDoc(new TextEncoder().encode('['.repeat(2000) + ']'.repeat(2000)));
    expect(doc.onPage).toBe(true);
    expect(doc.jsonOnPage).toBe(false);
    expect((await doc.lines()).starts.length).toBe(1);
    expect(FakeWorker.posted).toEqual([]);
    void doc.json().catch(() => {});
    expect(FakeWorker.posted).toEqual(['open', 'chunk', 'json']);
    doc.close();
  });

  it('rejects bad small JSON with the parse error, still without the worker', async () => {
    const doc = new OutputDoc(new TextEncoder().encode('{"count":'));
    await expect(doc.json()).rejects.toThrow(/JSON/);
    expect(FakeWorker.posted).toEqual([]);
  });

  it('sends a big output (one byte past the limit) to the worker, and will not parse it on the page', () => {
    const doc = new OutputDoc(json(ON_PAGE_LIMIT + 1));
    expect(doc.onPage).toBe(false);
    expect(() => doc.jsonNow()).toThrow(/output worker/);
    void doc.json().catch(() => {});
    expect(FakeWorker.posted).toEqual(['open', 'chunk', 'json']);
    doc.close();
  });
});
