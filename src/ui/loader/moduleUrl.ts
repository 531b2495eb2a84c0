/** What the URL box means: an absolute URL, a path on this site, a host without a scheme, or not a URL at all. */

export type UrlReading = { ok: true; url: string; manifest: boolean } | { ok: false; message: string };

/** Hosts served over plain http when typed without a scheme (a local dev server rarely has TLS). */
const LOCAL_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$/i;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
/** A DNS name with at least one dot and a letter-only top-level label. */
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
/** Extensions that look like a top-level label but name a file: "add.wasm" is a path here, not a host. */
const FILE_LIKE = /\.(wasm|json|wat)$/i;

/**
 * `localhost:8801/x.wasm` → `http://localhost:8801/x.wasm`; `example.com/m.wasm` → `https://…`;
 * `/x.wasm`, `./x.wasm`, `examples/x.wasm` → this site; explicit schemes are kept as typed (the loader refuses the ones it cannot fetch).
 */
export function readModuleUrl(typed: string, base: string): UrlReading {
  const text = typed.trim();
  if (!text) return { ok: false, message: 'Type the address of a .wasm file or an Extism manifest (.json).' };
  const notUrl: UrlReading = { ok: false, message: `That is not a URL: “${clip(text)}” names no host or file. Type an address such as https://example.com/module.wasm, or open a file with “Open .wasm…”.` };
  const scheme = /^([a-z][a-z0-9+.-]*):(.*)$/is.exec(text);
  // "localhost:8801/…" has a port after the colon, not a scheme.
  const isScheme = scheme !== null && !/^\d+(?:[/?#]|$)/.test(scheme[2]!);
  let absolute: string;
  if (isScheme || text.startsWith('/') || text.startsWith('./') || text.startsWith('../') || text.startsWith('?')) {
    absolute = text;
  } else if (/\s/.test(text)) {
    return notUrl;
  } else {
    const hostPort = /^[^/?#]*/.exec(text)![0];
    const host = hostPort.replace(/:\d+$/, '');
    if (LOCAL_HOST.test(host)) absolute = `http://${text}`;
    else if ((IPV4.test(host) || DOMAIN.test(host)) && !FILE_LIKE.test(host)) absolute = `https://${text}`;
    // A path on this site: "add.wasm", "examples/x.wasm".
    else if (FILE_LIKE.test(text.replace(/[?#].*$/, '')) || text.includes('/')) absolute = text;
    else return notUrl;
  }
  let parsed: URL;
  try {
    parsed = new URL(absolute, base);
  } catch {
    // Loaded as typed, so the analyser reports it as a bad URL with its own message.
    return { ok: true, url: absolute, manifest: false };
  }
  // A .json URL is an Extism manifest; its wasm URLs resolve against it.
  return { ok: true, url: parsed.href, manifest: /\.json$/i.test(parsed.pathname) };
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
