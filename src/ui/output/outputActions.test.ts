import { describe, expect, it } from 'vitest';
import { clipboardBytes, COPY_CONFIRM_BYTES, copyKind, outputFileName } from './outputActions';

describe('output actions', () => {
  it('counts what Copy puts on the clipboard: base64 is 4/3 of the bytes', () => {
    expect(clipboardBytes(3, 'base64')).toBe(4);
    expect(clipboardBytes(4, 'base64')).toBe(8);
    expect(clipboardBytes(100, 'text')).toBe(100);
    // 13 MB of binary is over the confirm threshold once base64'd; as text it is not.
    const size = 13 * 1024 * 1024;
    expect(clipboardBytes(size, 'base64') > COPY_CONFIRM_BYTES).toBe(true);
    expect(clipboardBytes(size, 'text') > COPY_CONFIRM_BYTES).toBe(false);
  });

  it('copies text kinds as text, images as PNG, anything else as base64; names downloads by type', () => {
    expect(copyKind('json')).toBe('text');
    expect(copyKind('image')).toBe('image');
    expect(copyKind('hex')).toBe('base64');
    expect(outputFileName('run', 'application/json')).toBe('run-output.json');
  });
});
