import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import { fromBase64Url, toBase64Url } from './base64url';
import { decodeShareHash, encodeShareHash } from './codec';
import type { ShareState } from './types';

const SHA = 'a'.repeat(64);

describe('base64url', () => {
  it('round-trips every length and byte value', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
    }
    expect(toBase64Url(new Uint8Array([251, 255]))).toBe('-_8');
  });
  it('rejects characters outside the alphabet', () => {
    expect(() => fromBase64Url('ab$d')).toThrow(/position 2/);
  });
});

describe('share codec', () => {
  const state: ShareState = {
    v: 1,
    module: { sha256: SHA, name: 'add.wasm', url: 'https://example.com/add.wasm' },
    func: 'add',
    args: ['2', '3'],
    input: { mime: 'application/json', text: '{"a":1}' },
    config: { greeting: 'hi' },
    timeoutMs: 5000,
    grants: { hosts: ['api.example.com'] },
  };

  it('round-trips the whole state', () => {
    const hash = encodeShareHash(state);
    expect(hash).toMatch(/^#s=[A-Za-z0-9_-]+$/);
    const decoded = decodeShareHash(hash);
    expect(decoded).toEqual({ ok: true, state });
  });

  it('keeps decoding a link written by v1 (golden fixture)', () => {
    // Made with v1 of the codec; it must decode forever (STYLE.md §6).
    const golden = '#s=' + toBase64Url(deflateSync(strToU8(JSON.stringify({ v: 1, module: { sha256: SHA, name: 'x.wasm', example: 'add' }, func: 'add', args: ['1', '2'] }))));
    expect(decodeShareHash(golden)).toEqual({ ok: true, state: { v: 1, module: { sha256: SHA, name: 'x.wasm', example: 'add' }, func: 'add', args: ['1', '2'] } });
  });

  it('returns undefined for hashes without share state', () => {
    expect(decodeShareHash('')).toBeUndefined();
    expect(decodeShareHash('#other=1')).toBeUndefined();
  });

  it('explains corrupt links', () => {
    const hash = encodeShareHash(state);
    const cut = decodeShareHash(hash.slice(0, hash.length - 12));
    expect(cut).toMatchObject({ ok: false, error: expect.stringMatching(/damaged/) });
    expect(decodeShareHash('#s=%%%')).toMatchObject({ ok: false, error: expect.stringMatching(/damaged/) });
    const notJson = '#s=' + toBase64Url(deflateSync(strToU8('not json')));
    expect(decodeShareHash(notJson)).toMatchObject({ ok: false, error: expect.stringMatching(/JSON/) });
    expect(decodeShareHash('#s=abc&c=brotli')).toMatchObject({ ok: false, error: expect.stringMatching(/brotli/) });
  });

  it('refuses newer versions and payloads without a module', () => {
    const newer = '#s=' + toBase64Url(deflateSync(strToU8(JSON.stringify({ v: 9, module: {} }))));
    expect(decodeShareHash(newer)).toMatchObject({ ok: false, error: expect.stringMatching(/newer/) });
    const noModule = '#s=' + toBase64Url(deflateSync(strToU8(JSON.stringify({ v: 1, module: { sha256: SHA } }))));
    expect(decodeShareHash(noModule)).toMatchObject({ ok: false, error: expect.stringMatching(/no module URL/) });
  });

  it('drops mistyped fields and keeps __proto__ keys as data', () => {
    const raw = JSON.parse('{"v":1,"module":{"sha256":"' + SHA + '","name":"m","url":"u"},"func":5,"args":[1],"config":{"__proto__":"x","k":"v","n":1},"runAs":"python"}');
    const hash = '#s=' + toBase64Url(deflateSync(strToU8(JSON.stringify(raw))));
    const decoded = decodeShareHash(hash);
    expect(decoded?.ok).toBe(true);
    if (!decoded?.ok) return;
    expect(decoded.state.func).toBeUndefined();
    expect(decoded.state.args).toBeUndefined();
    expect(decoded.state.runAs).toBeUndefined();
    expect(Object.keys(decoded.state.config ?? {})).toEqual(['__proto__', 'k']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('refuses a deflate bomb', () => {
    // A 4 MB run of zeros against a 2 MB limit: same code path as the 64 MB default, less waiting.
    const bomb = '#s=' + toBase64Url(deflateSync(new Uint8Array(4 * 1024 * 1024), { level: 1 }));
    expect(decodeShareHash(bomb, 2 * 1024 * 1024)).toMatchObject({ ok: false, error: expect.stringMatching(/MB once decompressed/) });
  });
});
