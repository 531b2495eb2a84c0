import { describe, expect, it } from 'vitest';
import { tokenizeWatLine } from './watTokens';

const kinds = (line: string) => tokenizeWatLine(line).filter((t) => t.kind !== 'plain').map((t) => `${t.kind}:${t.text}`);

describe('tokenizeWatLine', () => {
  it('keeps every character', () => {
    const line = '  (func $add (;0;) (type 0) (param $a i32) (result i32) ;; sum';
    expect(tokenizeWatLine(line).map((t) => t.text).join('')).toBe(line);
  });
  it('tells keywords, names, types, comments apart', () => {
    expect(kinds('  (func $add (;0;) (param $a i32)')).toEqual(['keyword:func', 'name:$add', 'comment:(;0;)', 'keyword:param', 'name:$a', 'type:i32']);
  });
  it('instructions, numbers and strings', () => {
    expect(kinds('    f32.const 0x1p-1 (;=0.5;)')).toEqual(['instr:f32.const', 'number:0x1p-1', 'comment:(;=0.5;)']);
    expect(kinds('  (export "a\\"b" (func 3))')).toEqual(['keyword:export', 'string:"a\\"b"', 'keyword:func', 'number:3']);
    expect(kinds('    i32.const -7 ;; neg')).toEqual(['instr:i32.const', 'number:-7', 'comment:;; neg']);
  });
});
