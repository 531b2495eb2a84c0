/** What the user is told about an embedding page's origin, and which origins can never be allowed. */

export interface OriginParts {
  scheme: string;
  host: string;
  /** Always given, default ports included, so "port 443" is said out loud. */
  port: string;
  secure: boolean;
}

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/**
 * The parts of a tuple origin (`https://host:port`), or undefined for an opaque one: `null`
 * (file: pages, sandboxed frames, data: URLs) or anything that is not an http(s) origin.
 * An opaque origin names no one: every sandboxed frame on every site says `null`, so a grant
 * to it would be a grant to all of them.
 */
export function originParts(origin: string): OriginParts | undefined {
  if (origin === 'null') return undefined;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return undefined;
  }
  // Only the serialisation the browser itself gives (no path, user or trailing slash).
  if (url.origin !== origin || !(url.protocol in DEFAULT_PORTS)) return undefined;
  return {
    scheme: url.protocol.slice(0, -1),
    host: url.hostname,
    port: url.port || DEFAULT_PORTS[url.protocol]!,
    secure: url.protocol === 'https:' || url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]',
  };
}

/** True when `origin` can be named to the user and granted. */
export function isGrantableOrigin(origin: string): boolean {
  return originParts(origin) !== undefined;
}
