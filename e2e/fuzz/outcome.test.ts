import { describe, expect, it } from 'vitest';
import { attribute, dedupe, outcomeOf, unspecificLoad, unspecificRun, type MutantResult } from './outcome';

const refused = (code: string | undefined, title: string, name = 'LoadFailure') => ({ ok: false as const, name, message: title, title, detail: 'Rebuild it.', ...(code ? { code } : {}) });

describe('unspecificLoad', () => {
  it('accepts the parser and engine messages that say where', () => {
    expect(unspecificLoad(refused('malformed', 'The module is malformed: unknown value type 0x55 (at byte offset 14 of 40).'))).toBeNull();
    expect(unspecificLoad(refused('truncated', 'The module is truncated: unexpected end (at byte offset 40 of 40).'))).toBeNull();
    expect(unspecificLoad({ ...refused('invalid', 'The engine rejected the module: Compiling function #0 failed @+35'), detail: 'The problem is at byte offset 35. Rebuild it.' })).toBeNull();
    expect(unspecificLoad(refused('not-wasm', 'This is not a WebAssembly module: it looks like text.'))).toBeNull();
    expect(unspecificLoad(refused('unsupported-version', 'Unsupported WebAssembly binary version: 2'))).toBeNull();
  });
  it('flags a dead analyser, internal errors, missing offsets, foreign codes and non-LoadFailures', () => {
    expect(unspecificLoad(refused('malformed', 'The module could not be analysed.'))).toMatch(/no byte offset/);
    expect(unspecificLoad(refused('malformed', 'The module is malformed: internal error while parsing: x (at byte offset 0 of 9).'))).toMatch(/internal error/);
    expect(unspecificLoad(refused('invalid', 'The engine rejected the module: out of memory'))).toMatch(/no byte offset/);
    expect(unspecificLoad(refused('network', 'Could not reach x'))).toMatch(/does not describe bytes/);
    expect(unspecificLoad(refused(undefined, 'boom', 'TypeError'))).toMatch(/TypeError/);
    expect(unspecificLoad(refused('malformed', 'The module is malformed: section type at offset 8 claims 4294967295 bytes but only 3 remain (truncated file?) (at byte offset 8 of 17).'))).toMatch(/also guesses/);
  });
});

describe('unspecificRun', () => {
  it('flags internal, crash and rejected runs only', () => {
    expect(unspecificRun({ func: 'f', status: 'error', code: 'trap', message: 'Trap in f: unreachable' })).toBeNull();
    expect(unspecificRun({ func: 'f', status: 'stopped', code: 'timeout' })).toBeNull();
    expect(unspecificRun({ func: 'f', status: 'error', code: 'crash', message: 'worker died' })).toMatch(/crash/);
    expect(unspecificRun({ func: 'f', status: 'error', code: 'rejected', message: 'x' })).toMatch(/rejected/);
  });
});

const result = (n: number, started: number, ended: number, extra: Partial<MutantResult> = {}): MutantResult => ({ n, load: { ok: true, kind: 'core', format: 'core' }, started, ended, ...extra });

describe('outcomeOf and attribute', () => {
  it('names each outcome', () => {
    expect(outcomeOf(result(0, 0, 1))).toBe('loaded, not run');
    expect(outcomeOf(result(0, 0, 1, { run: { func: 'f', status: 'ok' } }))).toBe('ran ok');
    expect(outcomeOf(result(0, 0, 1, { run: { func: 'f', status: 'stopped' } }))).toBe('run timed out');
    expect(outcomeOf(result(0, 0, 1, { run: { func: 'f', status: 'error' } }))).toBe('run error');
    expect(outcomeOf(result(0, 0, 1, { load: refused('malformed', 'x') }))).toBe('load refused');
    expect(outcomeOf(result(0, 0, 1, { hang: 'load' }))).toBe('hang');
  });
  it('puts an event on the mutant whose window holds it, else the last one started before it', () => {
    const rs = [result(1, 100, 110), result(2, 111, 150), result(3, 151, 160)];
    expect(attribute(rs, 120)?.n).toBe(2);
    expect(attribute(rs, 155)?.n).toBe(3);
    expect(attribute(rs, 500)?.n).toBe(3);
    expect(attribute(rs, 50)?.n).toBe(1);
  });
  it('keeps a rejection once when Playwright also reports it as a page error', () => {
    const events = dedupe([
      { type: 'rejection', message: 'Error: boom\n    at x.js:1', at: 1 },
      { type: 'pageerror', message: 'Error: boom\n    at x.js:1', at: 1 },
      { type: 'pageerror', message: 'TypeError: other', at: 2 },
    ]);
    expect(events.map((e) => e.type)).toEqual(['rejection', 'pageerror']);
  });
});
