/**
 * Read and verify a module's wascap claims (wasmCloud's `wascap` crate, `jwt.rs` / `wasm.rs`):
 * header `{"typ":"jwt","alg":"Ed25519"}`, the Ed25519 signature over "header.claims" by the
 * issuer's key, the module hash, `exp` and `nbf` against `now`. Never throws: every problem is a
 * failed check or `error` with a specific reason.
 */
import { decodeJwt } from './jwt';
import { decodePublicKey } from './nkeys';
import { verifyEd25519 } from './ed25519';
import { findClaimsSection, sha256HexUpper, stripClaimsSections } from './strip';
import type { ClaimsCheck, ClaimsCheckName, ClaimsKey, ClaimsReport, WascapClaims } from './types';

export type { ClaimsCheck, ClaimsReport, WascapClaims } from './types';

const HEADER_TYPE = 'jwt';
const HEADER_ALGORITHM = 'Ed25519';
/** wascap checks the module hash only for claims of this internal revision or later. */
const MIN_HASH_REVISION = 3;
const KNOWN_TOP = new Set(['iss', 'sub', 'iat', 'nbf', 'exp', 'jti', 'wascap', 'wascap_revision']);
const KNOWN_WASCAP = new Set(['name', 'hash', 'tags', 'caps', 'rev', 'ver', 'call_alias', 'prov']);

const ALL: ClaimsCheckName[] = ['signature', 'hash', 'expiry', 'not-before'];

/** The date of a JWT time (seconds since the epoch) in UTC, for reasons. */
export function jwtDate(seconds: number): string {
  const d = new Date(seconds * 1000);
  return Number.isFinite(d.getTime()) ? d.toISOString().replace('.000Z', 'Z') : `${seconds} s`;
}

/**
 * The claims report of a module, or null when it has no claims section.
 * `nowMs` is the current time (checks of `exp` and `nbf`).
 */
export async function readClaims(bytes: Uint8Array, nowMs: number): Promise<ClaimsReport | null> {
  let section;
  try {
    section = findClaimsSection(bytes);
  } catch (err) {
    return failAll(`The module's sections could not be read: ${message(err)}.`);
  }
  if (!section) return null;
  const decoded = decodeJwt(section.data);
  if (!decoded.ok) return failAll(decoded.error);
  const { header, payload, signature, signed } = decoded.jwt;
  const claims = readFields(section.name, header, payload, new TextDecoder().decode(section.data));

  let moduleHash: string | undefined;
  let hashError: string | undefined;
  try {
    moduleHash = await sha256HexUpper(stripClaimsSections(bytes));
  } catch (err) {
    hashError = message(err);
  }
  const checks: ClaimsCheck[] = [
    await signatureCheck(header, payload, signature, signed, claims.issuer),
    hashCheck(claims, moduleHash, hashError),
    expiryCheck(payload.exp, nowMs),
    notBeforeCheck(payload.nbf, nowMs),
  ];
  return { claims, checks, ...(moduleHash ? { moduleHash } : {}) };
}

function failAll(error: string): ClaimsReport {
  return { claims: null, error, checks: ALL.map((check) => ({ check, passed: false, reason: `Not checked: ${lowerFirst(error)}` })) };
}

function readFields(section: WascapClaims['section'], header: Record<string, unknown>, p: Record<string, unknown>, jwt: string): WascapClaims {
  const w = isObject(p.wascap) ? p.wascap : {};
  const other: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) if (!KNOWN_TOP.has(k)) other[k] = v;
  for (const [k, v] of Object.entries(w)) if (!KNOWN_WASCAP.has(k)) other[`wascap.${k}`] = v;
  if (p.wascap !== undefined && !isObject(p.wascap)) other.wascap = p.wascap;
  return {
    section,
    header,
    issuer: keyOf(p.iss, 'A', 'issuer', 'wascap claims are signed by an account key (prefix A)'),
    subject: keyOf(p.sub, 'M', 'subject', 'a signed module is named by a module key (prefix M)'),
    ...opt('id', str(p.jti)),
    ...opt('issuedAt', num(p.iat)),
    ...opt('notBefore', num(p.nbf)),
    ...opt('expires', num(p.exp)),
    ...opt('name', str(w.name)),
    ...opt('version', str(w.ver)),
    ...opt('revision', num(w.rev)),
    caps: strings(w.caps),
    tags: strings(w.tags),
    ...opt('callAlias', str(w.call_alias)),
    ...opt('provider', typeof w.prov === 'boolean' ? w.prov : undefined),
    ...opt('hash', str(w.hash)),
    ...opt('wascapRevision', num(p.wascap_revision)),
    other,
    jwt,
  };
}

function keyOf(value: unknown, prefix: string, place: string, rule: string): ClaimsKey {
  if (typeof value !== 'string' || value === '') return { key: typeof value === 'string' ? value : '', error: `The claims have no ${place} (${place === 'issuer' ? 'iss' : 'sub'}).` };
  const decoded = decodePublicKey(value);
  if (!decoded.ok) return { key: value, error: `The ${place} is not a valid nkeys public key: ${decoded.error}.` };
  if (decoded.prefix !== prefix) return { key: value, role: decoded.role, error: `The ${place} is ${article(decoded.role)} ${decoded.role} key (prefix ${decoded.prefix}); ${rule}.` };
  return { key: value, role: decoded.role };
}

async function signatureCheck(header: Record<string, unknown>, payload: Record<string, unknown>, signature: Uint8Array, signed: Uint8Array, issuer: ClaimsKey): Promise<ClaimsCheck> {
  const fail = (reason: string): ClaimsCheck => ({ check: 'signature', passed: false, reason });
  if (header.alg !== HEADER_ALGORITHM) {
    return fail(header.alg === undefined ? `The JWT header has no algorithm (alg); wascap signs with "${HEADER_ALGORITHM}".` : `Unknown algorithm ${JSON.stringify(header.alg)} in the JWT header; wascap signs only with "${HEADER_ALGORITHM}".`);
  }
  if (header.typ !== HEADER_TYPE) return fail(`The JWT header's type is ${JSON.stringify(header.typ)}; wascap writes "${HEADER_TYPE}".`);
  if (issuer.error && !issuer.role) return fail(issuer.error);
  if (issuer.error) return fail(issuer.error);
  const key = decodePublicKey(payload.iss);
  if (!key.ok) return fail(key.error);
  if (signature.length !== 64) return fail(`The signature is ${signature.length} bytes; an Ed25519 signature is 64.`);
  const result = await verifyEd25519(key.key, signed, signature);
  if (result.error) return fail(`The signature could not be verified (${result.engine}): ${result.error}.`);
  return result.valid
    ? { check: 'signature', passed: true, reason: `Valid Ed25519 signature by the issuer's account key (checked with ${result.engine}).` }
    : fail(`The Ed25519 signature does not match the header and claims for the issuer's key: the claims were changed after signing, or signed by another key (checked with ${result.engine}).`);
}

function hashCheck(claims: WascapClaims, moduleHash: string | undefined, hashError: string | undefined): ClaimsCheck {
  const fail = (reason: string): ClaimsCheck => ({ check: 'hash', passed: false, reason });
  if (hashError || !moduleHash) return fail(`The module could not be hashed: ${hashError ?? 'unknown error'}.`);
  if (!claims.hash) return fail('The claims carry no module hash (wascap.hash).');
  if (claims.hash === moduleHash) return { check: 'hash', passed: true, reason: `The module's SHA-256 without its ${claims.section} section matches the claims (${moduleHash.slice(0, 16)}…).` };
  const legacy = (claims.wascapRevision ?? 0) < MIN_HASH_REVISION ? ` wascap itself does not enforce the hash for claims of internal revision < ${MIN_HASH_REVISION} (these have ${claims.wascapRevision ?? 'none'}).` : '';
  return fail(`The module was changed after signing: its SHA-256 without the ${claims.section} section is ${moduleHash}, the claims say ${claims.hash}.${legacy}`);
}

function expiryCheck(exp: unknown, nowMs: number): ClaimsCheck {
  if (exp === undefined || exp === null) return { check: 'expiry', passed: true, reason: 'The claims never expire (no exp).' };
  if (!isSeconds(exp)) return { check: 'expiry', passed: false, reason: `exp is ${JSON.stringify(exp)}, not a time in seconds since 1970.` };
  const now = Math.floor(nowMs / 1000);
  return exp < now
    ? { check: 'expiry', passed: false, reason: `The claims expired on ${jwtDate(exp)}.` }
    : { check: 'expiry', passed: true, reason: `The claims are valid until ${jwtDate(exp)}.` };
}

function notBeforeCheck(nbf: unknown, nowMs: number): ClaimsCheck {
  if (nbf === undefined || nbf === null) return { check: 'not-before', passed: true, reason: 'The claims are valid from issue (no nbf).' };
  if (!isSeconds(nbf)) return { check: 'not-before', passed: false, reason: `nbf is ${JSON.stringify(nbf)}, not a time in seconds since 1970.` };
  const now = Math.floor(nowMs / 1000);
  return now < nbf
    ? { check: 'not-before', passed: false, reason: `The claims are not valid before ${jwtDate(nbf)}.` }
    : { check: 'not-before', passed: true, reason: `The claims have been valid since ${jwtDate(nbf)}.` };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSeconds = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const strings = (v: unknown) => (Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))) : []);
const opt = <K extends string, V>(k: K, v: V | undefined): Partial<Record<K, V>> => (v === undefined ? {} : ({ [k]: v } as Record<K, V>));
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');
