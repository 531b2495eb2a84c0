import { describe, expect, it } from 'vitest';
import { fromBase64Url } from './base64url';
import { captureShareState, INLINE_RAW_LIMIT, INPUT_LIMIT, type CaptureInput } from './capture';
import { decodeShareHash, encodeShareHash } from './codec';

const base: CaptureInput = {
  module: { id: 'b'.repeat(64), name: 'add.wasm', bytes: new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]) },
  runAs: null,
  func: 'add',
  args: ['2', '3'],
  stubImports: false,
  input: { text: '', file: null, mime: 'text/plain' },
  outputMime: null,
  config: {},
  argv: [],
  env: [],
  timeoutMs: 10_000,
  hosts: [],
  mounts: [],
};

describe('captureShareState', () => {
  it('inlines small modules and round-trips through the codec', () => {
    const captured = captureShareState(base);
    expect(captured.ok).toBe(true);
    if (!captured.ok) return;
    expect(fromBase64Url(captured.state.module.inline ?? '')).toEqual(base.module.bytes);
    const decoded = decodeShareHash(encodeShareHash(captured.state));
    expect(decoded).toEqual({ ok: true, state: captured.state, warnings: [] });
  });

  it('refers to the URL of a module loaded from one', () => {
    const captured = captureShareState({ ...base, module: { ...base.module, sourceUrl: 'https://x.test/add.wasm' } });
    expect(captured).toMatchObject({ ok: true, state: { module: { url: 'https://x.test/add.wasm' } } });
    expect(captured.ok && captured.state.module.inline).toBeFalsy();
  });

  it('leaves a large module without a URL out of the link, with its size, and says why', () => {
    let x = 1;
    const noisy = Uint8Array.from({ length: 200_000 }, () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0), x >>> 24));
    const captured = captureShareState({ ...base, module: { ...base.module, bytes: noisy } });
    expect(captured).toMatchObject({ ok: true, tooBig: expect.stringMatching(/^"add.wasm" is too large to put inside a link \(\d+ KB compressed, 196 KB unpacked; the limits are 32 KB and 256 KB\)\.$/) });
    if (!captured.ok) return;
    expect(captured.state.module).toEqual({ sha256: base.module.id, name: 'add.wasm', size: 200_000 });
    // The link still carries the rest of the setup and decodes to the same state.
    expect(captured.state.func).toBe('add');
    expect(decodeShareHash(encodeShareHash(captured.state))).toEqual({ ok: true, state: captured.state, warnings: [] });
  });

  it('leaves out an inline module over 256 KB unpacked, even when it compresses well, so the link stays openable', () => {
    const zeros = new Uint8Array(INLINE_RAW_LIMIT + 1);
    const captured = captureShareState({ ...base, module: { ...base.module, bytes: zeros } });
    expect(captured).toMatchObject({ ok: true, tooBig: expect.stringMatching(/257 KB unpacked; the limits are 32 KB and 256 KB/), state: { module: { size: INLINE_RAW_LIMIT + 1 } } });
    expect(captured.ok && captured.state.module.inline).toBeUndefined();
  });

  it('inlines a small module without tooBig or size', () => {
    const captured = captureShareState(base);
    expect(captured.ok && 'tooBig' in captured).toBe(false);
    expect(captured.ok && captured.state.module.size).toBeUndefined();
  });

  it('refuses an input over 384 KB (file or text) and says what to do', () => {
    const file = { name: 'big.bin', bytes: new Uint8Array(INPUT_LIMIT + 1) };
    expect(captureShareState({ ...base, input: { text: '', file, mime: 'application/octet-stream' } })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^The input is too large to put inside a link \(385 KB; the limit is 384 KB\)\. Clear or shorten the input/),
    });
    // Characters are counted as UTF-8 bytes: 150,000 × "é" is 300,000 bytes, 135,000 × "日" is 405,000.
    expect(captureShareState({ ...base, input: { text: 'é'.repeat(150_000), file: null, mime: 'text/plain' } }).ok).toBe(true);
    expect(captureShareState({ ...base, input: { text: '日'.repeat(135_000), file: null, mime: 'text/plain' } }).ok).toBe(false);
  });

  it('refuses a setup whose settings alone pass the 1 MB a link may hold when opened', () => {
    const config = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, 'v'.repeat(60_000)]));
    expect(captureShareState({ ...base, config })).toMatchObject({ ok: false, error: expect.stringMatching(/^This setup is too large for a link \(2345 KB of settings and data; a link holds at most 1024 KB\)/) });
    const fits = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`k${i}`, 'v'.repeat(60_000)]));
    expect(captureShareState({ ...base, config: fits }).ok).toBe(true);
  });

  it('carries input, config, argv, env and requested hosts', () => {
    const captured = captureShareState({
      ...base,
      input: { text: 'hello', file: null, mime: 'application/json' },
      config: { k: 'v' },
      argv: ['-n', '3'],
      env: [['A', '1']],
      hosts: ['api.example.com'],
      runAs: 'extism',
    });
    expect(captured).toMatchObject({
      ok: true,
      state: { input: { mime: 'application/json', text: 'hello' }, config: { k: 'v' }, argv: ['-n', '3'], env: { A: '1' }, grants: { hosts: ['api.example.com'] }, runAs: 'extism' },
    });
  });

  it('carries mounts as requested grants (the folder, not its files), and no grants when nothing is granted', () => {
    const captured = captureShareState({ ...base, mounts: [{ volume: 'home', dir: 'in', guestPath: '/data', readOnly: true }, { volume: 'work', guestPath: '/out' }] });
    expect(captured.ok && captured.state.grants).toEqual({
      mounts: [
        { volume: 'home', path: 'in', guestPath: '/data', readOnly: true },
        { volume: 'work', path: '', guestPath: '/out', readOnly: false },
      ],
    });
    const none = captureShareState(base);
    expect(none.ok && none.state.grants).toBeUndefined();
  });
});

describe('captureShareState with WAT source and a lesson (v2)', () => {
  const wat = '(module)';
  it('carries the source instead of the bytes, as v2; without source it stays v1', () => {
    const captured = captureShareState({ ...base, wat, lesson: { title: 'T', markdown: 'Hello' } });
    expect(captured).toMatchObject({ ok: true, state: { v: 2, module: { wat, sha256: base.module.id }, lesson: { title: 'T', markdown: 'Hello' } } });
    if (captured.ok) expect(captured.state.module.inline).toBeUndefined();
    expect(captureShareState(base)).toMatchObject({ ok: true, state: { v: 1 } });
    // A lesson alone is a v1 field: the link stays v1.
    expect(captureShareState({ ...base, lesson: { markdown: 'x' } })).toMatchObject({ ok: true, state: { v: 1, lesson: { markdown: 'x' } } });
  });
  it('refuses source or lesson text over their caps, saying what to do', () => {
    expect(captureShareState({ ...base, wat: ';;'.repeat(200_000) })).toMatchObject({ ok: false, error: expect.stringMatching(/WAT source is too long.*Shorten it/) });
    expect(captureShareState({ ...base, lesson: { markdown: 'x'.repeat(300_000) } })).toMatchObject({ ok: false, error: expect.stringMatching(/lesson text is too long/) });
  });
});
