import { describe, expect, it } from 'vitest';
import { splitCommandLine } from './commandLine';

describe('splitCommandLine', () => {
  it('splits on whitespace and honours quotes and escapes', () => {
    expect(splitCommandLine(`a "b c" 'd e' f\\ g`)).toEqual({ ok: true, argv: ['a', 'b c', 'd e', 'f g'] });
    expect(splitCommandLine('  one   two ')).toEqual({ ok: true, argv: ['one', 'two'] });
    expect(splitCommandLine(`"" ''`)).toEqual({ ok: true, argv: ['', ''] });
    expect(splitCommandLine(`"say \\"hi\\"" 'it''s'`)).toEqual({ ok: true, argv: ['say "hi"', 'its'] });
    expect(splitCommandLine(`--name="x y"`)).toEqual({ ok: true, argv: ['--name=x y'] });
    expect(splitCommandLine('')).toEqual({ ok: true, argv: [] });
  });
  it('reports unclosed quotes', () => {
    expect(splitCommandLine(`"open`)).toMatchObject({ ok: false, message: expect.stringMatching(/double quote/) });
    expect(splitCommandLine(`'open`)).toMatchObject({ ok: false, message: expect.stringMatching(/single quote/) });
  });
});
