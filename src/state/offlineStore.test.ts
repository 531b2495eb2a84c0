import { describe, expect, it } from 'vitest';
import { shouldRegister } from './offlineStore';

describe('shouldRegister', () => {
  const base = { prod: true, embedded: false, webdriver: false, search: '' };
  it('registers in a build, top level, for people', () => {
    expect(shouldRegister(base)).toBe(true);
  });
  it('never in dev or in an embed', () => {
    expect(shouldRegister({ ...base, prod: false })).toBe(false);
    expect(shouldRegister({ ...base, embedded: true })).toBe(false);
    expect(shouldRegister({ ...base, embedded: true, webdriver: true, search: '?sw=1' })).toBe(false);
  });
  it('under automation only when the URL asks with sw=1', () => {
    expect(shouldRegister({ ...base, webdriver: true })).toBe(false);
    expect(shouldRegister({ ...base, webdriver: true, search: '?sw=0' })).toBe(false);
    expect(shouldRegister({ ...base, webdriver: true, search: '?sw=1' })).toBe(true);
  });
});
