import { describe, expect, it } from 'vitest';
import { jsonChildren, jsonKind, jsonNode, JSON_TEXT_LIMIT, valueAt } from './jsonTree';

const doc = JSON.parse('{"name":"wasm","list":[1,true,null,{"x":"y"}],"empty":{},"__proto__":{"polluted":1}}') as unknown;

describe('jsonNode', () => {
  it('describes containers by kind and size', () => {
    expect(jsonNode(doc, [])).toEqual({ key: null, path: [], kind: 'object', text: '', size: 4 });
    expect(jsonNode([1, 2], ['list'])).toMatchObject({ key: 'list', kind: 'array', size: 2 });
  });

  it('shows scalars as JSON text', () => {
    expect(jsonNode('a"b', ['k']).text).toBe('"a\\"b"');
    expect(jsonNode(1.5, [0])).toMatchObject({ key: 0, kind: 'number', text: '1.5', size: 0 });
    expect(jsonNode(null, [1]).kind).toBe('null');
    expect(jsonNode(false, [1]).text).toBe('false');
  });

  it('cuts long strings', () => {
    const text = jsonNode('x'.repeat(JSON_TEXT_LIMIT * 2), []).text;
    expect(text.length).toBe(JSON_TEXT_LIMIT + 2);
    expect(text.endsWith('…"')).toBe(true);
  });

  it('names kinds', () => {
    expect([{}, [], '', 0, true, null].map(jsonKind)).toEqual(['object', 'array', 'string', 'number', 'boolean', 'null']);
  });
});

describe('jsonChildren', () => {
  it('lists object entries in order with their paths', () => {
    const { nodes, total } = jsonChildren(doc, [], 0, 10);
    expect(total).toBe(4);
    expect(nodes.map((n) => n.key)).toEqual(['name', 'list', 'empty', '__proto__']);
    expect(nodes[1]).toMatchObject({ path: ['list'], kind: 'array', size: 4 });
  });

  it('pages through array items', () => {
    const { nodes, total } = jsonChildren(doc, ['list'], 1, 2);
    expect(total).toBe(4);
    expect(nodes.map((n) => [n.key, n.text])).toEqual([
      [1, 'true'],
      [2, 'null'],
    ]);
    expect(jsonChildren(doc, ['list', 3], 0, 10).nodes[0]).toMatchObject({ path: ['list', 3, 'x'], text: '"y"' });
  });

  it('gives nothing for scalars and missing paths', () => {
    expect(jsonChildren(doc, ['name'], 0, 10)).toEqual({ nodes: [], total: 0 });
    expect(jsonChildren(doc, ['nope'], 0, 10)).toEqual({ nodes: [], total: 0 });
  });
});

describe('valueAt', () => {
  it('follows own keys and indexes only', () => {
    expect(valueAt(doc, ['list', 3, 'x'])).toEqual({ ok: true, value: 'y' });
    expect(valueAt(doc, ['__proto__', 'polluted'])).toEqual({ ok: true, value: 1 });
    expect(valueAt({}, ['__proto__'])).toEqual({ ok: false });
    expect(valueAt({}, ['constructor'])).toEqual({ ok: false });
    expect(valueAt([1], ['0'])).toEqual({ ok: false });
    expect(valueAt([1], [1])).toEqual({ ok: false });
    expect(valueAt([1], [-1])).toEqual({ ok: false });
  });
});
