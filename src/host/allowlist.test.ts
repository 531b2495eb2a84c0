import { describe, expect, it } from 'vitest';
import { allowsEveryHost, hostForAllowlist, isUrlAllowed, normaliseHostPattern, parseAllowlist } from './allowlist';

describe('allowlist', () => {
  it('normalises what people type', () => {
    expect(normaliseHostPattern(' https://API.Example.com/path?q ')).toBe('api.example.com');
    expect(normaliseHostPattern('*.example.com')).toBe('*.example.com');
    expect(normaliseHostPattern('localhost:4180')).toBe('localhost:4180');
    expect(normaliseHostPattern('not a host')).toBeNull();
    expect(normaliseHostPattern('*.')).toBeNull();
    expect(normaliseHostPattern('*')).toBe('*');
  });

  it('normalises case, a trailing dot, IDN, IP literals and ports to the URL parser form', () => {
    expect(normaliseHostPattern('API.Example.com.')).toBe('api.example.com');
    expect(normaliseHostPattern('*.Example.COM.')).toBe('*.example.com');
    expect(normaliseHostPattern('bücher.example')).toBe('xn--bcher-kva.example');
    expect(normaliseHostPattern('BÜCHER.example:8080')).toBe('xn--bcher-kva.example:8080');
    expect(normaliseHostPattern('[0:0::1]:08080')).toBe('[::1]:8080');
    expect(normaliseHostPattern('[::1]')).toBe('[::1]');
    expect(normaliseHostPattern('2130706433')).toBe('127.0.0.1');
  });

  it('refuses entries that are not plain hosts', () => {
    for (const bad of ['allowed@evil.com', 'user:pw@evil.com', '::1', '[::1', 'a.com:0', 'a.com:70000', 'a.com:', '*.*.a.com', 'a.*.com', 'ex%61mple.com', '*.0.0.1', '*.[::1]', 'a..com', 'example.com..', 'bad_host!']) {
      expect(normaliseHostPattern(bad), bad).toBeNull();
    }
  });

  it('parses a list and reports bad entries', () => {
    expect(parseAllowlist('a.com, *.b.org\nc.net a.com bad_host!')).toEqual({ hosts: ['a.com', '*.b.org', 'c.net'], invalid: ['bad_host!'] });
    expect(parseAllowlist('A.com a.com. https://a.com/')).toEqual({ hosts: ['a.com'], invalid: [] });
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
    expect(isUrlAllowed('https://evil-cdn.net/', list)).toBe(false);
    expect(isUrlAllowed('https://cdn.net.evil.org/', list)).toBe(false);
    expect(isUrlAllowed('http://localhost:4180/x', list)).toBe(true);
    expect(isUrlAllowed('http://localhost:4181/x', list)).toBe(false);
    expect(isUrlAllowed('file:///etc/passwd', ['*'])).toBe(false);
    expect(isUrlAllowed('not a url', ['*'])).toBe(false);
  });

  it('a trailing dot and case name the same host, in the URL and in the list', () => {
    expect(isUrlAllowed('https://API.Example.com./x', ['api.example.com'])).toBe(true);
    expect(isUrlAllowed('https://api.example.com/x', ['API.Example.com.'])).toBe(true);
    expect(isUrlAllowed('https://a.cdn.net./', ['*.cdn.net'])).toBe(true);
    expect(isUrlAllowed('https://api.example.com../x', ['api.example.com'])).toBe(false);
  });

  it('userinfo does not change the host: http://allowed@evil goes to evil', () => {
    expect(isUrlAllowed('http://allowed.com@evil.com/', ['allowed.com'])).toBe(false);
    expect(isUrlAllowed('http://allowed.com:80@evil.com/', ['allowed.com'])).toBe(false);
    expect(isUrlAllowed('http://evil.com\\@allowed.com/', ['allowed.com'])).toBe(false);
    expect(hostForAllowlist('http://allowed.com@evil.com/')).toBe('evil.com');
  });

  it('a bare host allows only its default port; host:port only that port, either scheme', () => {
    expect(isUrlAllowed('http://example.com/', ['example.com'])).toBe(true);
    expect(isUrlAllowed('https://example.com/', ['example.com'])).toBe(true);
    expect(isUrlAllowed('http://example.com:80/', ['example.com'])).toBe(true); // the parser drops a default port
    expect(isUrlAllowed('http://example.com:8080/', ['example.com'])).toBe(false);
    expect(isUrlAllowed('http://example.com:443/', ['example.com'])).toBe(false);
    expect(isUrlAllowed('http://example.com:8080/', ['example.com:8080'])).toBe(true);
    expect(isUrlAllowed('https://example.com:8080/', ['example.com:8080'])).toBe(true);
    expect(isUrlAllowed('http://example.com:8080/', ['example.com:9090'])).toBe(false);
    expect(isUrlAllowed('http://example.com/', ['example.com:8080'])).toBe(false);
    expect(isUrlAllowed('https://example.com/', ['example.com:443'])).toBe(true);
    expect(isUrlAllowed('http://example.com/', ['example.com:443'])).toBe(false);
    expect(isUrlAllowed('http://a.example.com:8080/', ['*.example.com'])).toBe(false);
    expect(isUrlAllowed('http://a.example.com:8080/', ['*.example.com:8080'])).toBe(true);
    expect(isUrlAllowed('http://anything.test:1234/', ['*'])).toBe(true);
  });

  it('IP literals: IPv4 in any spelling, IPv6 in brackets, never through a wildcard', () => {
    expect(isUrlAllowed('http://127.0.0.1:4621/', ['127.0.0.1:4621'])).toBe(true);
    expect(isUrlAllowed('http://2130706433:4621/', ['127.0.0.1:4621'])).toBe(true);
    expect(isUrlAllowed('http://0x7f.1:4621/', ['127.0.0.1:4621'])).toBe(true);
    expect(isUrlAllowed('http://localhost:4621/', ['127.0.0.1:4621'])).toBe(false);
    expect(isUrlAllowed('http://127.0.0.1:4621/', ['localhost:4621'])).toBe(false);
    expect(isUrlAllowed('http://[::1]/', ['[::1]'])).toBe(true);
    expect(isUrlAllowed('http://[0:0:0:0:0:0:0:1]:8080/', ['[::1]:8080'])).toBe(true);
    expect(isUrlAllowed('http://[::1]:8080/', ['[::1]'])).toBe(false);
    expect(isUrlAllowed('http://[::2]/', ['[::1]'])).toBe(false);
    expect(isUrlAllowed('http://127.0.0.1/', ['*.0.0.1'])).toBe(false);
    expect(isUrlAllowed('http://127.0.0.1/', ['*.1'])).toBe(false);
  });

  it('IDN: the Unicode and punycode spellings are the same host, and nothing else', () => {
    expect(isUrlAllowed('https://bücher.example/', ['xn--bcher-kva.example'])).toBe(true);
    expect(isUrlAllowed('https://xn--bcher-kva.example/', ['bücher.example'])).toBe(true);
    expect(isUrlAllowed('https://BÜCHER.example/', ['bücher.example'])).toBe(true);
    expect(isUrlAllowed('https://bucher.example/', ['bücher.example'])).toBe(false);
    expect(isUrlAllowed('https://a.bücher.example/', ['*.xn--bcher-kva.example'])).toBe(true);
  });

  it('entries that cannot be parsed match nothing (API callers pass raw strings)', () => {
    expect(isUrlAllowed('http://evil.com/', ['allowed.com@evil.com'])).toBe(false);
    expect(isUrlAllowed('http://a.example.com/', ['a.*.com'])).toBe(false);
    expect(isUrlAllowed('http://example.com/', [''])).toBe(false);
  });

  it('knows when every host is allowed', () => {
    expect(allowsEveryHost(['a.com', ' * '])).toBe(true);
    expect(allowsEveryHost(['a.com', '*.b.com'])).toBe(false);
    expect(allowsEveryHost([])).toBe(false);
  });

  it('names the host to allow', () => {
    expect(hostForAllowlist('http://localhost:4180/a')).toBe('localhost:4180');
    expect(hostForAllowlist('https://x.org/a')).toBe('x.org');
    expect(hostForAllowlist('https://X.org./a')).toBe('x.org');
    expect(hostForAllowlist('https://bücher.example:8443/')).toBe('xn--bcher-kva.example:8443');
    expect(hostForAllowlist('http://[::1]:8080/')).toBe('[::1]:8080');
    expect(hostForAllowlist('nope')).toBeNull();
  });
});
