import { describe, expect, it } from 'vitest';
import { clampTimeoutMs, MAX_TIMEOUT_MS } from './timeout';

describe('clampTimeoutMs', () => {
  it('accepts integers from 1 ms to 24 h', () => {
    expect(clampTimeoutMs(1)).toEqual({ ok: true, value: 1, message: null });
    expect(clampTimeoutMs(10_000)).toEqual({ ok: true, value: 10_000, message: null });
    expect(clampTimeoutMs(MAX_TIMEOUT_MS)).toEqual({ ok: true, value: 86_400_000, message: null });
  });

  it('rounds fractions of a millisecond above 1 ms', () => {
    expect(clampTimeoutMs(1500.4)).toEqual({ ok: true, value: 1500, message: null });
    expect(clampTimeoutMs(1.6)).toEqual({ ok: true, value: 2, message: null });
  });

  it('refuses limits over 24 h, suggesting 24 h, because setTimeout wraps above 2^31-1', () => {
    for (const big of [MAX_TIMEOUT_MS + 1, 2147483647, 4294967297, 1e12]) {
      const check = clampTimeoutMs(big);
      expect(check.ok, String(big)).toBe(false);
      expect(check.value).toBe(MAX_TIMEOUT_MS);
      expect(check.message).toContain(`${big} ms is over the longest, 24 h`);
    }
  });

  it('refuses NaN, infinities, zero, negatives and sub-millisecond limits with no fallback', () => {
    expect(clampTimeoutMs(Infinity)).toEqual({ ok: false, value: null, message: expect.stringMatching(/must be finite, not Infinity/) });
    expect(clampTimeoutMs(-Infinity)).toMatchObject({ ok: false, value: null, message: expect.stringMatching(/not -Infinity/) });
    expect(clampTimeoutMs(NaN)).toMatchObject({ ok: false, value: null, message: expect.stringMatching(/NaN/) });
    expect(clampTimeoutMs(0)).toEqual({ ok: false, value: null, message: 'The time limit must be more than 0 ms, not 0.' });
    expect(clampTimeoutMs(-5)).toEqual({ ok: false, value: null, message: 'The time limit must be more than 0 ms, not -5.' });
    expect(clampTimeoutMs(1e-300)).toEqual({ ok: false, value: null, message: 'The time limit 1e-300 ms is under the shortest, 1 ms.' });
    expect(clampTimeoutMs(0.5)).toMatchObject({ ok: false, value: null });
  });

  it('refuses a number written as text, as JSON from a hand-made link may have it', () => {
    expect(clampTimeoutMs(JSON.parse('"10000"'))).toEqual({ ok: false, value: null, message: 'The time limit must be a number of milliseconds, not the text "10000".' });
    expect(clampTimeoutMs(null)).toMatchObject({ ok: false, message: expect.stringMatching(/not null/) });
    expect(clampTimeoutMs(true)).toMatchObject({ ok: false, message: expect.stringMatching(/not a boolean/) });
  });
});
