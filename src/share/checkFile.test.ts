import { describe, expect, it } from 'vitest';
import { captureShareState, type CaptureInput } from './capture';
import { decodeShareHash, encodeShareHash } from './codec';
import { MAX_TEXT_CHARS } from './limits';
import { restore } from './restore';

const base: CaptureInput = {
  module: { id: 'c'.repeat(64), name: 'plugin.wasm', bytes: new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]) },
  runAs: null,
  func: null,
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
const CHECK = 'validate:\n  allow_wasi: false\n  exports:\n    include: [run]\n';

describe('a check file in a share link', () => {
  it('travels through capture, the codec and restore', () => {
    const captured = captureShareState({ ...base, checkFile: CHECK });
    if (!captured.ok) throw new Error(captured.error);
    expect(captured.state.checkFile).toBe(CHECK);
    const decoded = decodeShareHash(encodeShareHash(captured.state));
    expect(decoded?.ok && decoded.state.checkFile).toBe(CHECK);
  });
  it('is left out when empty or blank', () => {
    for (const checkFile of [undefined, '', '  \n']) {
      const captured = captureShareState({ ...base, ...(checkFile === undefined ? {} : { checkFile }) });
      expect(captured.ok && 'checkFile' in captured.state).toBe(false);
    }
  });
  it('a mistyped or oversized check file is dropped with a warning; the rest is kept', () => {
    const mistyped = restore({ v: 1, module: { sha256: 'a'.repeat(64), name: 'm.wasm', url: 'https://example.com/m.wasm' }, checkFile: 42 });
    expect(mistyped.ok && mistyped.state.checkFile).toBe(undefined);
    expect(mistyped.ok && mistyped.warnings.join(' ')).toContain('checkFile');
    const huge = restore({ v: 1, module: { sha256: 'a'.repeat(64), name: 'm.wasm', url: 'https://example.com/m.wasm' }, checkFile: 'x'.repeat(MAX_TEXT_CHARS + 1) });
    expect(huge.ok && huge.state.checkFile).toBe(undefined);
    expect(huge.ok && huge.state.module.name).toBe('m.wasm');
  });
});
