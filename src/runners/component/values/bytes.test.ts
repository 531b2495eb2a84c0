import { describe, expect, it } from 'vitest';
import { fromBytesInput } from './bytes';

describe('fromBytesInput', () => {
  it('encodes text as UTF-8', () => {
    expect(fromBytesInput('text', 'é😀')).toEqual({ ok: true, value: new Uint8Array([0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80]) });
  });

  it('reads hex with spaces and an optional 0x', () => {
    expect(fromBytesInput('hex', '0x00ff 10\nAb')).toEqual({ ok: true, value: new Uint8Array([0, 255, 16, 171]) });
    expect(fromBytesInput('hex', '')).toEqual({ ok: true, value: new Uint8Array(0) });
  });

  it('names the position of a bad hex digit, and an odd count', () => {
    expect(fromBytesInput('hex', '00 fg')).toEqual({ ok: false, error: 'hex: "g" at position 5 is not a hex digit (0-9, a-f)' });
    expect(fromBytesInput('hex', 'abc')).toEqual({ ok: false, error: 'hex: 3 digits is an odd count; each byte needs two (e.g. 0a, not a)' });
  });

  it('reads standard and URL-safe base64, padded or not', () => {
    const bytes = new Uint8Array([0xfb, 0xff, 0x01, 0x02]);
    expect(fromBytesInput('base64', '+/8BAg==')).toEqual({ ok: true, value: bytes });
    expect(fromBytesInput('base64', '-_8BAg')).toEqual({ ok: true, value: bytes });
    expect(fromBytesInput('base64', 'aGVs\nbG8=')).toEqual({ ok: true, value: new TextEncoder().encode('hello') });
  });

  it('names the position of a bad base64 character', () => {
    expect(fromBytesInput('base64', 'ab*d')).toEqual({ ok: false, error: 'base64: "*" at position 3 is not a base64 character (A-Z, a-z, 0-9, +, /)' });
    expect(fromBytesInput('base64', 'ab=c')).toEqual({ ok: false, error: 'base64: "c" at position 4 comes after "=" padding, which may only end the text' });
    expect(fromBytesInput('base64', 'abcde')).toEqual({ ok: false, error: 'base64: the text has 5 characters, which is not a whole number of bytes' });
  });
});

describe('fromBytesInput agrees with Node’s encoders', () => {
  it('on random bytes of every length up to 40', () => {
    for (let n = 0; n <= 40; n++) {
      const bytes = Uint8Array.from({ length: n }, () => Math.floor(Math.random() * 256));
      const buffer = Buffer.from(bytes);
      expect(fromBytesInput('base64', buffer.toString('base64'))).toEqual({ ok: true, value: bytes });
      expect(fromBytesInput('base64', buffer.toString('base64url'))).toEqual({ ok: true, value: bytes });
      expect(fromBytesInput('hex', buffer.toString('hex'))).toEqual({ ok: true, value: bytes });
    }
  });
});
