import { describe, expect, it } from 'vitest';
import { parseManifest, verifyHash, type ManifestParseResult } from './manifest';

const HASH = 'A'.repeat(64);
const WASM_HEADER = [0, 97, 115, 109, 1, 0, 0, 0];

function errors(input: unknown): string[] {
  const result = parseManifest(typeof input === 'string' ? input : JSON.stringify(input));
  if (result.ok) throw new Error('expected the manifest to be rejected');
  return result.errors;
}

function ok(input: unknown, baseUrl?: string): Extract<ManifestParseResult, { ok: true }> {
  const result = parseManifest(input, baseUrl ? { baseUrl } : {});
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result;
}

describe('parseManifest', () => {
  it('reads a full snake_case manifest', () => {
    const { manifest, warnings } = ok(
      JSON.stringify({
        wasm: [
          { url: 'https://example.com/lib.wasm', name: 'lib', hash: HASH, headers: { authorization: 'x' }, method: 'get' },
          { data: btoa(String.fromCharCode(...WASM_HEADER)) },
        ],
        config: { greeting: 'hi' },
        allowed_hosts: ['api.example.com', '*.Example.org'],
        allowed_paths: { 'ro:data': '/data', out: '/out' },
        memory: { max_pages: 16, max_http_response_bytes: 1024, max_var_bytes: 0 },
        timeout_ms: 1000,
      }),
    );
    expect(warnings).toEqual([]);
    expect(manifest.wasm[0]).toEqual({
      source: { kind: 'url', url: 'https://example.com/lib.wasm', method: 'GET', headers: { authorization: 'x' } },
      name: 'lib',
      hash: 'a'.repeat(64),
    });
    expect(manifest.wasm[1]?.name).toBe('main');
    expect(manifest.wasm[1]?.source).toEqual({ kind: 'data', bytes: Uint8Array.from(WASM_HEADER) });
    expect(manifest.main).toBe(1);
    expect(manifest.config).toEqual({ greeting: 'hi' });
    expect(manifest.allowedHosts).toEqual(['api.example.com', '*.example.org']);
    expect(manifest.allowedPaths).toEqual([
      { hostPath: 'data', guestPath: '/data', readOnly: true },
      { hostPath: 'out', guestPath: '/out', readOnly: false },
    ]);
    expect(manifest.memory).toEqual({ maxPages: 16, maxHttpResponseBytes: 1024, maxVarBytes: 0 });
    expect(manifest.timeoutMs).toBe(1000);
  });

  it('accepts the js-sdk camelCase keys, byte arrays and nulls', () => {
    const { manifest } = ok({
      wasm: [{ data: WASM_HEADER, name: null, hash: null }],
      allowedHosts: null,
      timeoutMs: 5,
      memory: { maxVarBytes: 10 },
      config: null,
    });
    expect(manifest.wasm[0]?.source).toEqual({ kind: 'data', bytes: Uint8Array.from(WASM_HEADER) });
    expect(manifest.allowedHosts).toBeNull();
    expect(manifest.timeoutMs).toBe(5);
    expect(manifest.memory).toEqual({ maxVarBytes: 10 });
    expect(manifest.config).toEqual({});
  });

  it('names modules as the js-sdk does and picks main as the runtime does', () => {
    const { manifest } = ok({ wasm: [{ path: 'a.wasm', name: 'main' }, { path: 'b.wasm', hash: HASH }, { path: 'c.wasm' }] });
    expect(manifest.wasm.map((w) => w.name)).toEqual(['main', 'a'.repeat(64), '2']);
    expect(manifest.main).toBe(0);
    expect(ok({ wasm: [{ path: 'x.wasm', name: 'only' }] }).manifest.main).toBe(0);
  });

  it('resolves relative URLs against the manifest URL only', () => {
    expect(ok({ wasm: [{ url: 'plugin.wasm' }] }, 'https://example.com/m/manifest.json').manifest.wasm[0]?.source).toMatchObject({ url: 'https://example.com/m/plugin.wasm' });
    expect(errors({ wasm: [{ url: 'plugin.wasm' }] })).toEqual(['wasm[0].url must be an absolute http(s) URL (relative URLs need a manifest loaded from a URL): "plugin.wasm"']);
  });

  it('keeps "__proto__" config keys as plain data', () => {
    const { manifest } = ok('{"wasm":[{"path":"a.wasm"}],"config":{"__proto__":"x"}}');
    expect(Object.hasOwn(manifest.config, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(manifest.config)).toBe(Object.prototype);
  });

  it('warns about unknown fields instead of failing', () => {
    const { warnings } = ok({ wasm: [{ path: 'a.wasm', flavour: 1 }], extra: true, memory: { max_bytes: 1 } });
    expect(warnings).toEqual(['extra is not a manifest field; it was ignored', 'wasm[0].flavour is not a manifest field; it was ignored', 'memory.max_bytes is not a manifest field; it was ignored']);
  });

  it.each([
    ['{"wasm": [', /^The manifest is not valid JSON: /],
    [[], /^The manifest must be a JSON object/],
    [{}, /^wasm must be a non-empty array/],
    [{ wasm: [] }, /^wasm must be a non-empty array/],
    [{ wasm: ['a.wasm'] }, /^wasm\[0\] must be an object with "url", "data" or "path"$/],
    [{ wasm: [{ name: 'x' }] }, /^wasm\[0\] must have one of "url", "data" or "path"$/],
    [{ wasm: [{ url: 'https://a/x.wasm', path: 'x' }] }, /^wasm\[0\] must have only one of "url", "data" or "path" \(it has "url" and "path"\)$/],
    [{ wasm: [{ path: 'a' }, { path: 'b', hash: 'abc' }] }, /^wasm\[1\]\.hash must be a 64-char hex SHA-256$/],
    [{ wasm: [{ path: 'a', hash: 'g'.repeat(64) }] }, /^wasm\[0\]\.hash must be a 64-char hex SHA-256$/],
    [{ wasm: [{ path: 'a', name: '' }] }, /^wasm\[0\]\.name must be a non-empty string$/],
    [{ wasm: [{ path: 'a', name: 'x' }, { path: 'b', name: 'x' }] }, /^wasm\[1\]\.name "x" is also the name of wasm\[0\]/],
    [{ wasm: [{ path: '' }] }, /^wasm\[0\]\.path must be a non-empty string$/],
    [{ wasm: [{ url: 42 }] }, /^wasm\[0\]\.url must be a string$/],
    [{ wasm: [{ url: 'ftp://example.com/a.wasm' }] }, /^wasm\[0\]\.url must use http or https, not "ftp:"$/],
    [{ wasm: [{ url: 'https://a/x.wasm', method: 'GET /' }] }, /^wasm\[0\]\.method must be an HTTP method/],
    [{ wasm: [{ url: 'https://a/x.wasm', headers: { a: 1 } }] }, /^wasm\[0\]\.headers\.a must be a string, not 1$/],
    [{ wasm: [{ data: 'not base64!' }] }, /^wasm\[0\]\.data must be standard base64/],
    [{ wasm: [{ data: [1, 256] }] }, /^wasm\[0\]\.data\[1\] must be a byte \(an integer 0\.\.255\)$/],
    [{ wasm: [{ data: { ptr: 1, len: 2 } }] }, /^wasm\[0\]\.data as \{ptr, len\} only works through the native C API/],
    [{ wasm: [{ data: true }] }, /^wasm\[0\]\.data must be a base64 string or an array of bytes$/],
    [{ wasm: [{ path: 'a' }], config: { retries: 3 } }, /^config\.retries must be a string \(Extism config values are strings\), not 3$/],
    [{ wasm: [{ path: 'a' }], config: ['a'] }, /^config must be an object of strings$/],
    [{ wasm: [{ path: 'a' }], allowed_hosts: 'example.com' }, /^allowed_hosts must be an array of host names$/],
    [{ wasm: [{ path: 'a' }], allowed_hosts: ['ok.com', 'https://x.com/'] }, /^allowed_hosts\[1\] must be a host name or pattern such as "\*\.example\.com", not "https:\/\/x\.com\/"$/],
    [{ wasm: [{ path: 'a' }], allowed_hosts: [''] }, /^allowed_hosts\[0\] must be a non-empty string$/],
    [{ wasm: [{ path: 'a' }], allowed_paths: { data: 1 } }, /^allowed_paths\.data must be a string \(a guest path\), not 1$/],
    [{ wasm: [{ path: 'a' }], memory: 5 }, /^memory must be an object$/],
    [{ wasm: [{ path: 'a' }], memory: { max_pages: -1 } }, /^memory\.max_pages must be a whole number from 0 to 65536, not -1$/],
    [{ wasm: [{ path: 'a' }], memory: { max_var_bytes: 1.5 } }, /^memory\.max_var_bytes must be a whole number/],
    [{ wasm: [{ path: 'a' }], memory: { max_http_response_bytes: '1' } }, /^memory\.max_http_response_bytes must be a whole number from 0 to \d+, not "1"$/],
    [{ wasm: [{ path: 'a' }], timeout_ms: 'soon' }, /^timeout_ms must be a whole number from 0 to \d+, not "soon"$/],
  ])('rejects %j', (input, message) => {
    const errs = errors(input);
    expect(errs.length).toBe(1);
    expect(errs[0]).toMatch(message);
  });

  it('lists every error at once', () => {
    expect(errors({ wasm: [{ path: 'a', hash: 'x' }], config: { a: 1 }, timeout_ms: -1 })).toHaveLength(3);
  });
});

describe('verifyHash', () => {
  // SHA-256 of the 8-byte empty module header
  const header = Uint8Array.from(WASM_HEADER);
  it('accepts the right hash in either case and reports the actual one', async () => {
    const { actual } = await verifyHash(header, '0'.repeat(64));
    expect(actual).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyHash(header, actual.toUpperCase())).toEqual({ ok: true, actual });
    expect((await verifyHash(header, '0'.repeat(64))).ok).toBe(false);
    expect((await verifyHash(new Uint8Array(0), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')).ok).toBe(true);
  });
});
