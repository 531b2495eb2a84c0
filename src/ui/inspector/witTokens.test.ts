import { describe, expect, it } from 'vitest';
import { tokenizeLine, tokenizeWit } from './witTokens';

const kinds = (line: string) => tokenizeLine(line).tokens.filter((t) => t.text.trim() !== '').map((t) => `${t.kind}:${t.text.trim()}`);

describe('tokenizeLine', () => {
  it('tells keywords, types and names apart in a function', () => {
    expect(kinds('  add: func(x: u32, y: list<string>) -> result<u32, error-code>;')).toEqual([
      'name:add', 'punct::', 'keyword:func', 'punct:(', 'name:x', 'punct::', 'type:u32', 'punct:,', 'name:y', 'punct::',
      'type:list', 'punct:<', 'type:string', 'punct:>)', 'punct:->', 'type:result', 'punct:<', 'type:u32', 'punct:,', 'name:error-code', 'punct:>;',
    ]);
  });

  it('reads a package name with its version as names', () => {
    expect(kinds('package wasi:cli@0.2.0 {')).toEqual(['keyword:package', 'name:wasi', 'punct::', 'name:cli', 'name:@0.2.0', 'punct:{']);
  });

  it('keeps a type-looking word as a name when it is declared, and %-escaped keywords as names', () => {
    expect(kinds('record r { list: u8, %type: string }')).toEqual(['keyword:record', 'name:r', 'punct:{', 'name:list', 'punct::', 'type:u8', 'punct:,', 'name:%type', 'punct::', 'type:string', 'punct:}']);
  });

  it('colours line comments to the end of the line', () => {
    expect(kinds('use types.{x}; // the rest: func')).toEqual(['keyword:use', 'name:types', 'punct:.{', 'name:x', 'punct:};', 'comment:// the rest: func']);
  });

  it('never drops a character', () => {
    const line = '  /// doc ✓ \t weird § chars ~ 12 %record: future<stream<u8>>';
    expect(tokenizeLine(line).tokens.map((t) => t.text).join('')).toBe(line);
  });
});

describe('tokenizeWit', () => {
  it('carries a block comment across lines', () => {
    const lines = tokenizeWit('/* start\nstill func\nend */ world w {}');
    expect(lines[1]).toEqual([{ kind: 'comment', text: 'still func' }]);
    expect(lines[2]![0]).toEqual({ kind: 'comment', text: 'end */' });
    expect(lines[2]!.some((t) => t.kind === 'keyword' && t.text === 'world')).toBe(true);
  });
});
