import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { print } from '@bytecodealliance/jco-transpile/wasm-tools';
import { functionAt, lineAt, lineStarts, outlineFunctions } from './outline';

describe('lineStarts / lineAt', () => {
  it('indexes every line, the last one without a newline too', () => {
    const text = 'a\n\nbc\nd';
    const starts = lineStarts(text);
    expect([...starts]).toEqual([0, 2, 3, 6]);
    expect([0, 1, 2, 3].map((i) => lineAt(text, starts, i))).toEqual(['a', '', 'bc', 'd']);
  });
});

describe('outlineFunctions', () => {
  it('finds the functions of a printed module with their lines and indices', async () => {
    const text = await print(readFileSync('e2e/fixtures/add.wasm'));
    const starts = lineStarts(text);
    const o = outlineFunctions(text, starts);
    expect(o.names).toEqual(['$add', '$add64', '$mul_f64', '$half_f32', '$swap', '$answer', '$noop']);
    expect([...o.indices]).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(lineAt(text, starts, o.starts[0]!)).toMatch(/^ {2}\(func \$add \(;0;\)/);
    expect(lineAt(text, starts, o.ends[0]!)).toBe('  )');
    expect(lineAt(text, starts, o.ends[0]! - 1)).toBe('    i32.add');
    // $noop is one line: it ends where it starts, and the module's `)` is not part of it.
    expect(o.ends[6]).toBe(o.starts[6]);
    expect(functionAt(o, o.starts[1]! + 1)).toBe(1);
    expect(functionAt(o, 0)).toBe(-1);
  });

  it('finds core functions nested in a component', async () => {
    const text = await print(readFileSync('e2e/fixtures/component.wasm'));
    const starts = lineStarts(text);
    const o = outlineFunctions(text, starts);
    expect(o.names).toContain('func 0');
    expect(o.names).toContain('$add');
    const core = o.names.indexOf('func 0');
    expect(lineAt(text, starts, o.ends[core]!)).toBe('    )');
    expect(o.nested[core]).toBe(1);
  });
});
