import { describe, expect, it } from 'vitest';
import { fromBase64Url } from './base64url';
import { captureShareState, type CaptureInput } from './capture';
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

  it('refuses a large module without a URL, saying what to do', () => {
    let x = 1;
    const noisy = Uint8Array.from({ length: 200_000 }, () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0), x >>> 24));
    const captured = captureShareState({ ...base, module: { ...base.module, bytes: noisy } });
    expect(captured).toMatchObject({ ok: false, error: expect.stringMatching(/too large.*Host it at a URL/) });
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
