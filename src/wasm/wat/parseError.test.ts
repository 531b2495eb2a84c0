import { describe, expect, it } from 'vitest';
import { parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { watErrorFrom } from './parseError';

async function errorOf(text: string) {
  try {
    await parse(text);
  } catch (err) {
    return watErrorFrom(err instanceof Error ? err.message : String(err), text);
  }
  throw new Error('parsed');
}

describe('watErrorFrom (real jco errors)', () => {
  it('an unknown instruction: its line and column, and the parser words', async () => {
    const e = await errorOf('(module\n  (func $f (result i32)\n    i32.bogus)\n)');
    expect(e).toEqual({ line: 3, column: 5, message: 'unknown operator or unexpected token' });
  });
  it('an unclosed module points past the text', async () => {
    const e = await errorOf('(module\n  (func $f)\n');
    expect(e.line).toBeGreaterThanOrEqual(2);
    expect(e.message).not.toMatch(/ErrorInner|Span/);
    expect(e.message.length).toBeGreaterThan(3);
  });
});
