/**
 * Network allowlist (DESIGN.md §4). An entry is one of
 *   `*`                    every host, every port
 *   `host`                 that host on its scheme's default port only (80 for http, 443 for https)
 *   `host:port`            that host on that port only, either scheme
 *   `*.domain[:port]`      any subdomain of `domain` (not `domain` itself), port as above
 * A bare host does not open other ports: on `localhost` or a LAN address every port is another
 * service. Hosts are compared in the WHATWG URL parser's canonical form (lower case, IDN as
 * punycode, IPv4 in dotted decimal, IPv6 compressed in brackets), less one trailing dot, which
 * DNS ignores: `API.Example.com.` is `api.example.com`, `bücher.example` is `xn--bcher-kva.example`.
 */

export type HostPattern = { any: true } | { any: false; wildcard: boolean; host: string; port: string | null };

/** Parse an entry as typed or sent through the API ("https://API.example.com/x" → host "api.example.com"); null if unusable. */
export function parseHostPattern(entry: string): HostPattern | null {
  let text = entry.trim().toLowerCase();
  text = text.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/[/?#].*$/, '');
  if (text === '*') return { any: true };
  const wildcard = text.startsWith('*.');
  if (wildcard) text = text.slice(2);
  const parts = /^(\[[^\]]*\]|[^:[\]]*)(?::(\d{1,5}))?$/.exec(text);
  if (!parts?.[1]) return null;
  const host = canonicalHost(parts[1]);
  const port = parts[2] === undefined ? null : String(Number(parts[2]));
  if (!host || (port !== null && (port === '0' || Number(port) > 65535))) return null;
  // "*.0.0.1" would match 127.0.0.1: wildcards are for domain names only.
  if (wildcard && isIpLiteral(host)) return null;
  return { any: false, wildcard, host, port };
}

/** The canonical text of an entry ("*.Example.com." → "*.example.com"); null if unusable. */
export function normaliseHostPattern(entry: string): string | null {
  const p = parseHostPattern(entry);
  if (!p) return null;
  if (p.any) return '*';
  return `${p.wildcard ? '*.' : ''}${p.host}${p.port === null ? '' : `:${p.port}`}`;
}

/** Parse the "Allowed hosts" textbox: comma, space or newline separated. */
export function parseAllowlist(text: string): { hosts: string[]; invalid: string[] } {
  const hosts: string[] = [];
  const invalid: string[] = [];
  for (const part of text.split(/[\s,]+/).filter(Boolean)) {
    const host = normaliseHostPattern(part);
    if (host) {
      if (!hosts.includes(host)) hosts.push(host);
    } else invalid.push(part);
  }
  return { hosts, invalid };
}

/** Whether `url` may be fetched under `allowlist` (entries as typed; unusable ones match nothing). Only http(s). */
export function isUrlAllowed(url: string, allowlist: readonly string[]): boolean {
  const target = parseTarget(url);
  return target !== null && allowlist.some((entry) => matches(target, parseHostPattern(entry)));
}

/** Whether the allowlist lets a request go anywhere, so no redirect can leave it. */
export function allowsEveryHost(allowlist: readonly string[]): boolean {
  return allowlist.some((entry) => parseHostPattern(entry)?.any === true);
}

/** The host of a URL as the allowlist would want it ("api.example.com", "localhost:4180", "[::1]:8080"). */
export function hostForAllowlist(url: string): string | null {
  const target = parseTarget(url);
  if (target) return target.port ? `${target.host}:${target.port}` : target.host;
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
}

interface Target {
  host: string;
  /** As written in the URL; '' for the scheme's default. */
  port: string;
  effectivePort: string;
}

function parseTarget(url: string): Target | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  // URL has already split off any userinfo ("http://allowed@evil/" has host "evil").
  const host = stripDot(u.hostname);
  if (!host) return null;
  return { host, port: u.port, effectivePort: u.port || (u.protocol === 'https:' ? '443' : '80') };
}

function matches(target: Target, pattern: HostPattern | null): boolean {
  if (!pattern) return false;
  if (pattern.any) return true;
  if (pattern.port === null ? target.port !== '' : target.effectivePort !== pattern.port) return false;
  if (!pattern.wildcard) return target.host === pattern.host;
  return target.host.endsWith(`.${pattern.host}`) && !isIpLiteral(target.host);
}

/** A host name in the URL parser's form, or null if it is not a plain host. */
function canonicalHost(text: string): string | null {
  // Anything that would make the URL parser read userinfo, a path or a port is not a host.
  if (!text || /[\s/\\?#@%*]/.test(text) || (text.includes(':') && !text.startsWith('['))) return null;
  let hostname: string;
  try {
    const u = new URL(`http://${text}/`);
    if (u.port || u.username || u.password) return null;
    hostname = stripDot(u.hostname);
  } catch {
    return null;
  }
  return /^([a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])$/.test(hostname) ? hostname : null;
}

function stripDot(host: string): string {
  return host.endsWith('.') ? host.slice(0, -1) : host;
}

/** After canonicalisation an IPv4 address is four decimal numbers and an IPv6 one is bracketed. */
function isIpLiteral(host: string): boolean {
  return host.startsWith('[') || /^\d+\.\d+\.\d+\.\d+$/.test(host);
}
