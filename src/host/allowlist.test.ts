import { describe, expect, it } from 'vitest';
import { hostForAllowlist, isUrlAllowed, normaliseHostPattern, parseAllowlist } from './allowlist';

describe('allowlist', () => {
  it('normalises what people type', () => {
    expect(normaliseHostPattern(' https://API.Example.com/path?q ')).toBe('api.example.com');
    expect(normaliseHostPattern('*.example.com')).toBe('*.example.com');
    expect(normaliseHostPattern('localhost:4180')).toBe('localhost:4180');
    expect(normaliseHostPattern('not a host')).toBeNull();
    expect(normaliseHostPattern('*.')).toBeNull();
  });

  it('parses a list and reports bad entries', () => {
    expect(parseAllowlist('a.com, *.b.org\nc.net a.com bad_host!')).toEqual({ hosts: ['a.com', '*.b.org', 'c.net'], invalid: ['bad_host!'] });
  });

  it('matches exact hosts and wildcard subdomains only', () => {
    const list = ['api.example.com', '*.cdn.net', 'localhost:4180'];
    expect(isUrlAllowed('https://api.example.com/x', list)).toBe(true);
    expect(isUrlAllowed('https://API.EXAMPLE.COM/x', list)).toBe(true);
    expect(isUrlAllowed('https://evil.api.example.com/', list)).toBe(false);
    expect(isUrlAllowed('https://api.example.com.evil.org/', list)).toBe(false);
    expect(isUrlAllowed('https://a.cdn.net/', list)).toBe(true);
    expect(isUrlAllowed('https://a.b.cdn.net/', list)).toBe(true);
    expect(isUrlAllowed('https://cdn.net/', list)).toBe(false);
    expect(isUrlAllowed('https://xcdn.net/', list)).toBe(false);
    expect(isUrlAllowed('http://localhost:4180/x', list)).toBe(true);
    expect(isUrlAllowed('http://localhost:4181/x', list)).toBe(false);
    expect(isUrlAllowed('file:///etc/passwd', ['*'])).toBe(false);
    expect(isUrlAllowed('not a url', ['*'])).toBe(false);
  });

  it('a bare host allows any port; a host with port only that port', () => {
    expect(isUrlAllowed('http://example.com:8080/', ['example.com'])).toBe(true);
    expect(isUrlAllowed('http://example.com:8080/', ['example.com:9090'])).toBe(false);
  });

  it('names the host to allow', () => {
    expect(hostForAllowlist('http://localhost:4180/a')).toBe('localhost:4180');
    expect(hostForAllowlist('https://x.org/a')).toBe('x.org');
    expect(hostForAllowlist('nope')).toBeNull();
  });
});
