import { describe, expect, it } from 'vitest';
import { childrenOf, jsonParsedOnPage, nestsDeeperThan, ON_PAGE_DEPTH, ON_PAGE_LIMIT, parsedOnPage, parseJson } from './onPage';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('small outputs are parsed on the page, big ones in the worker', () => {
  it('draws the line at ON_PAGE_LIMIT (64 KB), inclusive', () => {
    expect(ON_PAGE_LIMIT).toBe(64 * 1024);
    expect(parsedOnPage(0)).toBe(true);
    expect(parsedOnPage(43)).toBe(true);
    expect(parsedOnPage(ON_PAGE_LIMIT)).toBe(true);
    expect(parsedOnPage(ON_PAGE_LIMIT + 1)).toBe(false);
    expect(parsedOnPage(100 * 1024 * 1024)).toBe(false);
  });

  it('parses JSON to the tree root and pages of children', () => {
    const parsed = parseJson(utf8('{"count":3,"total":3,"vowels":"aeiouAEIOU","list":[1,2,3]}'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.root).toEqual({ key: null, path: [], kind: 'object', text: '', size: 4 });
    const { nodes, total } = childrenOf(parsed, [], 0, 2);
    expect(total).toBe(4);
    expect(nodes.map((n) => [n.key, n.text])).toEqual([
      ['count', '3'],
      ['total', '3'],
    ]);
    expect(childrenOf(parsed, ['list'], 1, 10).nodes.map((n) => n.text)).toEqual(['2', '3']);
  });

  it('gives the reason for bad JSON and for bytes that are not UTF-8, as the worker does', () => {
    const bad = parseJson(utf8('{"count": 3,'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/JSON/);
    const binary = parseJson(new Uint8Array([0x22, 0xff, 0x22]));
    expect(binary.ok).toBe(false);
    if (!binary.ok) expect(binary.error).toMatch(/utf-8|encoded data/i);
    expect(childrenOf(bad, [], 0, 10)).toEqual({ nodes: [], total: 0 });
  });

  it('leaves deeply nested small JSON to the worker: 32,768 levels in 64 KB is a long task to build', () => {
    const deep = utf8('['.repeat(ON_PAGE_LIMIT / 2) + ']'.repeat(ON_PAGE_LIMIT / 2));
    expect(deep.length).toBe(ON_PAGE_LIMIT);
    expect(jsonParsedOnPage(deep)).toBe(false);
    const atLimit = utf8('{"a":'.repeat(ON_PAGE_DEPTH - 1) + '[1]' + '}'.repeat(ON_PAGE_DEPTH - 1));
    expect(jsonParsedOnPage(atLimit)).toBe(true);
    expect(jsonParsedOnPage(utf8(`[${new TextDecoder().decode(atLimit)}]`))).toBe(false);
    expect(jsonParsedOnPage(utf8(`[${'1,'.repeat(ON_PAGE_LIMIT / 2)}1]`))).toBe(false); // too big, however flat
  });

  it('counts only brackets outside strings, escaped quotes included', () => {
    const tricky = String.raw`["[[[[", "\\", "\"[[[["]`;
    expect(JSON.parse(tricky)).toEqual(['[[[[', '\\', '"[[[[']);
    expect(nestsDeeperThan(utf8(tricky), 1)).toBe(false);
    expect(nestsDeeperThan(utf8('[[["]"]]]'), 2)).toBe(true);
    expect(nestsDeeperThan(utf8('{"a":{"b":[]}}'), 3)).toBe(false);
    expect(nestsDeeperThan(utf8('{"a":{"b":[]}}'), 2)).toBe(true);
  });
});
