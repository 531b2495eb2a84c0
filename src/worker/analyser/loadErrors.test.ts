import { describe, expect, it } from 'vitest';
import { engineRejected, httpStatus, notWasm, parseFailed } from './loadErrors';

describe('load errors', () => {
  it('tells a truncated file from a corrupt one', () => {
    expect(parseFailed({ message: 'section code at offset 40 claims 300 bytes but only 120 remain (truncated file?)', offset: 40 }, 160).code).toBe('truncated');
    expect(parseFailed({ message: 'section type at offset 8 claims 2147483647 bytes but only 3 remain (truncated file?)', offset: 8 }, 17).code).toBe('malformed');
    expect(parseFailed({ message: 'unexpected end of data', offset: 30 }, 30).code).toBe('truncated');
    const bad = parseFailed({ message: 'invalid value type 0x42', offset: 12 }, 100);
    expect(bad.code).toBe('malformed');
    expect(bad.title).toMatch(/byte offset 12 of 100/);
  });
  it('turns the engine offset into words', () => {
    const e = engineRejected(new Error('WebAssembly.Module(): Compiling function #0 failed: expected 2 elements @+33'));
    expect(e.code).toBe('invalid');
    expect(e.title).not.toMatch(/WebAssembly\.Module/);
    expect(e.detail).toMatch(/byte offset 33/);
  });
  it('says what a non-wasm file looks like', () => {
    const html = notWasm(new TextEncoder().encode('<!DOCTYPE html><html><body>x</body></html>'), 'text/html');
    expect(html.title).toMatch(/HTML/);
    expect(html.detail).toMatch(/check the URL/);
    expect(html.detail).toMatch(/text\/html/);
  });
  it('explains HTTP statuses', () => {
    expect(httpStatus('https://x.test/a.wasm', 404, 'Not Found')).toMatchObject({ code: 'not-found', detail: expect.stringMatching(/check the URL/) });
    expect(httpStatus('https://x.test/a.wasm', 503, '')).toMatchObject({ code: 'http', detail: expect.stringMatching(/try again/) });
  });
});
