/** Network allowlist (DESIGN.md §4): exact hosts, or `*.example.com` for any subdomain. */

/** Normalise a user-typed entry ("https://API.example.com/x" → "api.example.com"); null if unusable. */
export function normaliseHostPattern(entry: string): string | null {
  let text = entry.trim().toLowerCase();
  if (!text) return null;
  text = text.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/[/?#].*$/, '');
  if (text.startsWith('*.')) {
    const rest = text.slice(2);
    return isHostLike(rest) ? `*.${rest}` : null;
  }
  return isHostLike(text) ? text : null;
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

/** Whether `url` may be fetched under `allowlist`. Only http(s); the port is part of the host when given. */
export function isUrlAllowed(url: string, allowlist: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  const host = parsed.hostname.toLowerCase();
  const hostPort = parsed.port ? `${host}:${parsed.port}` : host;
  return allowlist.some((pattern) => {
    if (pattern === '*') return true;
    if (pattern.startsWith('*.')) {
      const suffix = pattern.slice(1); // ".example.com" (or ".example.com:8080")
      return hostPort.endsWith(suffix) && hostPort.length > suffix.length;
    }
    return pattern === hostPort || (!pattern.includes(':') && pattern === host);
  });
}

/** The host of a URL as the allowlist would want it ("api.example.com", "localhost:4180"). */
export function hostForAllowlist(url: string): string | null {
  try {
    const u = new URL(url);
    return u.port ? `${u.hostname}:${u.port}` : u.hostname;
  } catch {
    return null;
  }
}

function isHostLike(text: string): boolean {
  // Hostnames, IPv4, bracketed IPv6, optional :port.
  return /^([a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(:\d{1,5})?$/.test(text);
}
