/** What reading a module's wascap claims yields. Plain data: it crosses the worker boundary. */

export type ClaimsCheckName = 'signature' | 'hash' | 'expiry' | 'not-before';

export interface ClaimsCheck {
  check: ClaimsCheckName;
  passed: boolean;
  reason: string;
}

/** An nkeys public key from the claims, decoded (role from its prefix) or why it could not be. */
export interface ClaimsKey {
  key: string;
  /** "account", "module"… from the first letter, when the key decodes. */
  role?: string;
  /** Why the key is wrong: undecodable, or the wrong role for its place. */
  error?: string;
}

export interface WascapClaims {
  /** The custom section the JWT was read from. */
  section: 'jwt' | 'wasmcloud_jwt';
  /** The JWT header as written (`typ`, `alg`). */
  header: Record<string, unknown>;
  issuer: ClaimsKey;
  subject: ClaimsKey;
  /** `jti`. */
  id?: string;
  /** Seconds since the epoch (`iat`, `nbf`, `exp`). */
  issuedAt?: number;
  notBefore?: number;
  expires?: number;
  /** `wascap.*` */
  name?: string;
  version?: string;
  revision?: number;
  caps: string[];
  tags: string[];
  callAlias?: string;
  provider?: boolean;
  /** `wascap.hash`: the module hash the claims carry (upper-case hex SHA-256). */
  hash?: string;
  /** `wascap_revision`: wascap's own format revision (it checks hashes from 3 on). */
  wascapRevision?: number;
  /** Fields not named above, top-level and under `wascap`, as written. */
  other: Record<string, unknown>;
  /** The JWT text. */
  jwt: string;
}

export interface ClaimsReport {
  /** null when the JWT could not be decoded (see `error`). */
  claims: WascapClaims | null;
  checks: ClaimsCheck[];
  /** Why the claims could not be read at all. */
  error?: string;
  /** SHA-256 of the module without its claims section, as wascap computes it (upper-case hex). */
  moduleHash?: string;
}
