import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getPublicKeyAsync, signAsync } from '@noble/ed25519';
import { readClaims } from './verify';
import { decodePublicKey, encodePublicKey } from './nkeys';
import { stripClaimsSections, sha256HexUpper, findClaimsSection } from './strip';
import { base64UrlEncode } from './jwt';
import { uleb } from '../leb';
import type { ClaimsReport } from './types';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../e2e/fixtures/claims/${name}`, import.meta.url)));
const NOW = Date.UTC(2025, 0, 1);
const verdicts = (r: ClaimsReport | null) => Object.fromEntries((r?.checks ?? []).map((c) => [c.check, c.passed]));
const reason = (r: ClaimsReport | null, check: string) => r?.checks.find((c) => c.check === check)?.reason ?? '';

// A module with one exported function, no sections but type/function/export/code.
const MODULE = Uint8Array.from([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 127, 3, 2, 1, 0, 7, 5, 1, 1, 102, 0, 0, 10, 6, 1, 4, 0, 65, 42, 11]);

function withSection(module: Uint8Array, name: string, data: Uint8Array): Uint8Array {
  const n = new TextEncoder().encode(name);
  const payload = [...uleb(n.length), ...n, ...data];
  return Uint8Array.from([...module, 0, ...uleb(payload.length), ...payload]);
}

async function signed(opts: { header?: object; payload?: (hash: string, iss: string) => object; section?: string; module?: Uint8Array; issuerPrefix?: string } = {}) {
  const module = opts.module ?? MODULE;
  const seed = new Uint8Array(32).fill(7);
  const iss = encodePublicKey(opts.issuerPrefix ?? 'A', await getPublicKeyAsync(seed));
  const sub = encodePublicKey('M', new Uint8Array(32).fill(1));
  const hash = await sha256HexUpper(stripClaimsSections(module));
  const payload = opts.payload?.(hash, iss) ?? { jti: 'x', iat: 1700000000, iss, sub, wascap: { name: 'T', hash, caps: ['wasmcloud:httpserver'], tags: ['a'], rev: 2, ver: '1.0', prov: false, extra: 1 }, wascap_revision: 3, custom: 'y' };
  const head = base64UrlEncode(new TextEncoder().encode(JSON.stringify(opts.header ?? { typ: 'jwt', alg: 'Ed25519' })));
  const body = base64UrlEncode(new TextEncoder().encode(JSON.stringify(payload)));
  const sig = await signAsync(new TextEncoder().encode(`${head}.${body}`), seed);
  const jwt = `${head}.${body}.${base64UrlEncode(sig)}`;
  return { bytes: withSection(module, opts.section ?? 'jwt', new TextEncoder().encode(jwt)), jwt, iss };
}

describe('nkeys', () => {
  it('round-trips a key and names its role', () => {
    const key = new Uint8Array(32).map((_, i) => i);
    const text = encodePublicKey('A', key);
    expect(text).toMatch(/^A[A-Z2-7]{55}$/);
    const d = decodePublicKey(text);
    expect(d.ok && d.role).toBe('account');
    expect(d.ok && [...d.key]).toEqual([...key]);
  });
  it('rejects a changed character (CRC), a short key, a seed and non-base32', () => {
    const text = encodePublicKey('M', new Uint8Array(32).fill(9));
    const changed = text.slice(0, 10) + (text[10] === 'A' ? 'B' : 'A') + text.slice(11);
    expect(decodePublicKey(changed)).toMatchObject({ ok: false, error: expect.stringContaining('CRC-16') });
    expect(decodePublicKey(text.slice(0, 40))).toMatchObject({ ok: false, error: expect.stringContaining('56') });
    expect(decodePublicKey(`S${text.slice(1)}`)).toMatchObject({ ok: false, error: expect.stringContaining('seed') });
    expect(decodePublicKey(`${text.slice(0, 55)}1`)).toMatchObject({ ok: false, error: expect.stringContaining('base32') });
  });
});

describe('readClaims on the committed fixtures', () => {
  it('valid: every check passes, fields decoded', async () => {
    const r = await readClaims(fixture('signed-valid.wasm'), NOW);
    expect(verdicts(r)).toEqual({ signature: true, hash: true, expiry: true, 'not-before': true });
    expect(r?.claims).toMatchObject({ section: 'jwt', name: 'Claims Fixture', version: '0.1.0', revision: 3, caps: ['wasmcloud:httpserver', 'wasmcloud:keyvalue'], tags: ['fixture', 'playground'], callAlias: 'claims_fixture', issuedAt: 1700000000, expires: 4102444800 });
    expect(r?.claims?.issuer.role).toBe('account');
    expect(r?.claims?.subject.role).toBe('module');
    expect(r?.moduleHash).toBe(r?.claims?.hash);
  });
  it('tampered module: only the hash fails', async () => {
    const r = await readClaims(fixture('signed-tampered-module.wasm'), NOW);
    expect(verdicts(r)).toEqual({ signature: true, hash: false, expiry: true, 'not-before': true });
    expect(reason(r, 'hash')).toContain('changed after signing');
  });
  it('tampered claims: only the signature fails', async () => {
    const r = await readClaims(fixture('signed-tampered-claims.wasm'), NOW);
    expect(verdicts(r)).toEqual({ signature: false, hash: true, expiry: true, 'not-before': true });
    expect(r?.claims?.name).toBe('Claims Fixture (tampered)');
  });
  it('expired and not yet valid', async () => {
    const e = await readClaims(fixture('signed-expired.wasm'), NOW);
    expect(verdicts(e)).toEqual({ signature: true, hash: true, expiry: false, 'not-before': true });
    expect(reason(e, 'expiry')).toContain('expired on 2023-11-14T23:13:20Z');
    const n = await readClaims(fixture('signed-not-yet.wasm'), NOW);
    expect(verdicts(n)['not-before']).toBe(false);
    // The same claims are valid once the time has come.
    const later = await readClaims(fixture('signed-not-yet.wasm'), 4000000001 * 1000);
    expect(verdicts(later)['not-before']).toBe(true);
  });
  it('malformed: a specific error, every check failed, no throw', async () => {
    const r = await readClaims(fixture('signed-malformed.wasm'), NOW);
    expect(r?.claims).toBeNull();
    expect(r?.error).toMatch(/2 dot-separated segments.*truncated/);
    expect(r?.checks.map((c) => c.passed)).toEqual([false, false, false, false]);
  });
  it('wrong issuer prefix: the signature check says so', async () => {
    const r = await readClaims(fixture('signed-wrong-prefix.wasm'), NOW);
    expect(verdicts(r).signature).toBe(false);
    expect(reason(r, 'signature')).toMatch(/module key \(prefix M\).*account key \(prefix A\)/);
  });
});

describe('readClaims on made inputs', () => {
  it('no claims section: null', async () => {
    expect(await readClaims(MODULE, NOW)).toBeNull();
  });
  it('reads wasmcloud_jwt (wascap ≥ 0.9) and keeps unknown fields raw', async () => {
    const { bytes } = await signed({ section: 'wasmcloud_jwt' });
    const r = await readClaims(bytes, NOW);
    expect(r?.claims?.section).toBe('wasmcloud_jwt');
    expect(verdicts(r)).toEqual({ signature: true, hash: true, expiry: true, 'not-before': true });
    expect(r?.claims?.other).toEqual({ custom: 'y', 'wascap.extra': 1 });
  });
  it('unknown algorithm and wrong typ', async () => {
    const hs = await readClaims((await signed({ header: { typ: 'jwt', alg: 'HS256' } })).bytes, NOW);
    expect(reason(hs, 'signature')).toContain('Unknown algorithm "HS256"');
    const typ = await readClaims((await signed({ header: { typ: 'JWT', alg: 'Ed25519' } })).bytes, NOW);
    expect(reason(typ, 'signature')).toContain('type is "JWT"');
  });
  it('a subject with the wrong prefix is flagged on the subject', async () => {
    const { bytes } = await signed({ payload: (hash, iss) => ({ jti: 'x', iat: 1, iss, sub: iss, wascap: { hash } }) });
    const r = await readClaims(bytes, NOW);
    expect(r?.claims?.subject.error).toMatch(/account key \(prefix A\).*module key \(prefix M\)/);
    expect(verdicts(r).signature).toBe(true);
  });
  it('truncated JWTs at every length never throw and fail', async () => {
    const { jwt } = await signed();
    for (let n = 0; n < jwt.length; n += 7) {
      const r = await readClaims(withSection(MODULE, 'jwt', new TextEncoder().encode(jwt.slice(0, n))), NOW);
      expect(r).not.toBeNull();
      expect(r!.checks.some((c) => !c.passed)).toBe(true);
    }
  });
  it('random bytes as the section, and as the module, never throw', async () => {
    let seed = 1;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed & 0xff);
    for (let i = 0; i < 50; i++) {
      const data = Uint8Array.from({ length: 1 + (i * 13) % 200 }, rand);
      const r = await readClaims(withSection(MODULE, 'jwt', data), NOW);
      expect(r?.checks.length).toBe(4);
      const junk = Uint8Array.from({ length: 40 }, rand);
      await expect(readClaims(Uint8Array.from([0, 97, 115, 109, 1, 0, 0, 0, ...junk]), NOW)).resolves.toBeDefined();
    }
  });
  it('a bad signature segment and a non-object payload', async () => {
    const { jwt } = await signed();
    const [h, b] = jwt.split('.');
    const bad = await readClaims(withSection(MODULE, 'jwt', new TextEncoder().encode(`${h}.${b}.!!`)), NOW);
    expect(bad?.error).toContain('signature segment is not base64url');
    const arr = await readClaims(withSection(MODULE, 'jwt', new TextEncoder().encode(`${h}.${base64UrlEncode(new TextEncoder().encode('[1]'))}.AA`)), NOW);
    expect(arr?.error).toContain('not an object');
  });
  it('hashes as wascap does: padded section sizes are re-encoded minimally', async () => {
    // The same module with its code section size written as a 5-byte LEB128.
    const codeAt = MODULE.indexOf(10, 20);
    const padded = Uint8Array.from([...MODULE.subarray(0, codeAt + 1), 0x86, 0x80, 0x80, 0x80, 0x00, ...MODULE.subarray(codeAt + 2)]);
    expect(WebAssembly.validate(padded)).toBe(true);
    expect([...stripClaimsSections(padded)]).toEqual([...MODULE]);
    const { bytes } = await signed();
    expect(findClaimsSection(bytes)?.name).toBe('jwt');
    expect([...stripClaimsSections(bytes)]).toEqual([...MODULE]);
  });
});
