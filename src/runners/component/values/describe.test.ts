import { describe, expect, it } from 'vitest';
import { describeValue } from './describe';
import { color, list, option, own, perms, point, prim, result, shape, tuple } from './testTypes';

describe('describeValue', () => {
  it('renders each kind briefly', () => {
    expect(describeValue(point, { 'x-coord': -1, y: 2.5 })).toBe('{x-coord: -1, y: 2.5}');
    expect(describeValue(shape, { tag: 'circle', val: 3 })).toBe('circle(3)');
    expect(describeValue(shape, { tag: 'none' })).toBe('none');
    expect(describeValue(color, 'dark-green')).toBe('dark-green');
    expect(describeValue(perms, ['read', 'write-it'])).toBe('{read, write-it}');
    expect(describeValue(option(prim('string')), 'a')).toBe('some("a")');
    expect(describeValue(option(prim('string')), null)).toBe('none');
    expect(describeValue(option(option(prim('u8'))), { tag: 'some', val: null })).toBe('some(none)');
    expect(describeValue(result(prim('u32'), prim('string')), { tag: 'err', val: 'no' })).toBe('err("no")');
    expect(describeValue(result(null, null), { tag: 'ok' })).toBe('ok');
    expect(describeValue(tuple(prim('u64'), prim('char')), [5n, '\n'])).toBe("(5, '\\n')");
    expect(describeValue(list(prim('u8')), new Uint8Array([1, 255]))).toBe('<2 bytes: 01 ff>');
    expect(describeValue(list(prim('u8')), new Uint8Array(0))).toBe('<0 bytes>');
    expect(describeValue(list(prim('f64')), [-0, NaN])).toBe('[-0, NaN]');
    expect(describeValue(own('counter'), { resource: 'counter', handle: 2 })).toBe('counter#2');
  });

  it('caps long values', () => {
    const long = Array.from({ length: 10_000 }, (_, i) => i);
    const text = describeValue(list(prim('u32')), long, 50);
    expect(text).toHaveLength(50);
    expect(text.endsWith('…')).toBe(true);
    expect(text.startsWith('[0, 1, 2, 3')).toBe(true);
    expect(describeValue(prim('string'), 'x'.repeat(500), 20)).toBe(`"${'x'.repeat(18)}…`);
    expect(describeValue(list(prim('u8')), new Uint8Array(1000), 30)).toHaveLength(30);
  });
});
