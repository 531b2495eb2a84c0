import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ON_PAGE_LIMIT } from '../../../output/onPage';
import { OutputDoc } from '../../../sandbox/outputClient';
import JsonView from './JsonView';

const render = (bytes: Uint8Array) => renderToString(createElement(JsonView, { bytes, doc: new OutputDoc(bytes), mime: 'application/json', func: 'f' }));
const workers: unknown[] = [];

beforeEach(() => {
  workers.length = 0;
  vi.stubGlobal(
    'Worker',
    class {
      constructor() {
        workers.push(this);
      }
      postMessage() {}
      addEventListener() {}
    },
  );
});
afterEach(() => vi.unstubAllGlobals());

describe('JsonView', () => {
  it('shows a small output\'s tree and its first children in the first render', () => {
    const html = render(new TextEncoder().encode('{"count":0,"total":0,"vowels":"aeiouAEIOU"}'));
    expect(html).toContain('role="tree"');
    expect(html).toContain('&quot;aeiouAEIOU&quot;');
    expect(html).not.toContain('Parsing JSON');
    expect(workers).toHaveLength(0);
  });

  it('shows bad small JSON as text with the reason, in the first render', () => {
    const html = render(new TextEncoder().encode('{"count":'));
    expect(html).toContain('Not valid JSON');
    expect(html).not.toContain('role="tree"');
  });

  it('leaves a big output to the worker: the first render is the parsing note', () => {
    const html = render(new TextEncoder().encode(`["${'x'.repeat(ON_PAGE_LIMIT)}"]`));
    expect(html).toContain('Parsing JSON');
  });
});
