/**
 * Extism manifests, as the SDKs read them: extism/extism `manifest/src/lib.rs` + `manifest/schema.json`
 * (snake_case keys, `data` as standard base64) and js-sdk `src/manifest.ts` (camelCase keys too,
 * `data` as bytes). Every error names the field: "wasm[1].hash must be a 64-char hex SHA-256".
 */
import { decodeBase64, fail, isRecord, uint, type Issues } from './manifestFields';

export type WasmSource =
  | { kind: 'url'; url: string; method: string; headers: Record<string, string> }
  | { kind: 'data'; bytes: Uint8Array }
  | { kind: 'path'; path: string };

export interface ManifestWasm {
  source: WasmSource;
  /**
   * The name other modules import it by: the name given, else "main" for the last module when none
   * is called "main", else its hash, else its index (js-sdk `toWasmModuleData`).
   */
  name: string;
  /** Expected SHA-256, lower-case hex. */
  hash?: string;
}

/** A directory to mount: `allowed_paths` maps a host path (prefix "ro:" = read-only) to a guest path. */
export interface AllowedPath {
  hostPath: string;
  guestPath: string;
  readOnly: boolean;
}

export interface ExtismManifest {
  wasm: ManifestWasm[];
  /** Index in `wasm` of the main module: the one named "main", else the last (runtime/src/manifest.rs). */
  main: number;
  config: Record<string, string>;
  /** Host patterns; null when the manifest gives none (then no host is allowed). */
  allowedHosts: string[] | null;
  allowedPaths: AllowedPath[];
  memory: { maxPages?: number; maxHttpResponseBytes?: number; maxVarBytes?: number };
  timeoutMs?: number;
}

export type ManifestParseResult = { ok: true; manifest: ExtismManifest; warnings: string[] } | { ok: false; errors: string[] };

export interface ParseManifestOptions {
  /** URL the manifest came from: relative `url` entries resolve against it. */
  baseUrl?: string;
}

const TOP_KEYS = ['wasm', 'config', 'allowed_hosts', 'allowedHosts', 'allowed_paths', 'allowedPaths', 'memory', 'timeout_ms', 'timeoutMs', '$schema'];
const WASM_KEYS = ['url', 'headers', 'method', 'data', 'path', 'name', 'hash'];
const MEMORY_KEYS = ['max_pages', 'maxPages', 'max_http_response_bytes', 'maxHttpResponseBytes', 'max_var_bytes', 'maxVarBytes'];

/** Parse and validate a manifest (JSON text or an already parsed value). */
export function parseManifest(input: unknown, options: ParseManifestOptions = {}): ManifestParseResult {
  let raw = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch (err) {
      return { ok: false, errors: [`The manifest is not valid JSON: ${err instanceof Error ? err.message : String(err)}`] };
    }
  }
  const issues: Issues = { errors: [], warnings: [] };
  if (!isRecord(raw)) return { ok: false, errors: ['The manifest must be a JSON object with a "wasm" array'] };
  unknownKeys(raw, TOP_KEYS, '', issues);

  const wasm = parseWasmList(raw.wasm, options, issues);
  const config = parseConfig(raw.config, issues);
  const allowedHosts = parseHosts(pick(raw, 'allowed_hosts', 'allowedHosts'), issues);
  const allowedPaths = parsePaths(pick(raw, 'allowed_paths', 'allowedPaths'), issues);
  const memory = parseMemory(raw.memory, issues);
  const timeoutMs = uint('timeout_ms', pick(raw, 'timeout_ms', 'timeoutMs'), issues);

  if (issues.errors.length > 0) return { ok: false, errors: issues.errors };
  const named = wasm.findIndex((w) => w.name === 'main');
  const manifest: ExtismManifest = { wasm, main: named >= 0 ? named : wasm.length - 1, config, allowedHosts, allowedPaths, memory };
  if (timeoutMs !== undefined) manifest.timeoutMs = timeoutMs;
  return { ok: true, manifest, warnings: issues.warnings };
}

/** SHA-256 of `bytes` against `expectedHex` (case-insensitive); gives the actual hash for messages. */
export async function verifyHash(bytes: BufferSource, expectedHex: string): Promise<{ ok: boolean; actual: string }> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let actual = '';
  for (const b of digest) actual += b.toString(16).padStart(2, '0');
  return { ok: actual === expectedHex.toLowerCase(), actual };
}

function pick(obj: Record<string, unknown>, snake: string, camel: string): unknown {
  return obj[snake] ?? obj[camel];
}

function unknownKeys(obj: Record<string, unknown>, known: string[], prefix: string, issues: Issues): void {
  for (const key of Object.keys(obj)) if (!known.includes(key)) issues.warnings.push(`${prefix}${key} is not a manifest field; it was ignored`);
}

function parseWasmList(value: unknown, options: ParseManifestOptions, issues: Issues): ManifestWasm[] {
  if (!Array.isArray(value) || value.length === 0) {
    issues.errors.push('wasm must be a non-empty array of modules ({ "url" | "data" | "path", "name"?, "hash"? })');
    return [];
  }
  const explicitMain = value.some((item) => isRecord(item) && item.name === 'main');
  const list: ManifestWasm[] = [];
  value.forEach((item, i) => {
    const at = `wasm[${i}]`;
    if (!isRecord(item)) {
      issues.errors.push(`${at} must be an object with "url", "data" or "path"`);
      return;
    }
    unknownKeys(item, WASM_KEYS, `${at}.`, issues);
    const source = parseSource(item, at, options, issues);
    let hash: string | undefined;
    if (item.hash !== undefined && item.hash !== null) {
      if (typeof item.hash !== 'string' || !/^[0-9a-fA-F]{64}$/.test(item.hash)) issues.errors.push(`${at}.hash must be a 64-char hex SHA-256`);
      else hash = item.hash.toLowerCase();
    }
    let name: string;
    if (item.name !== undefined && item.name !== null) {
      if (typeof item.name !== 'string' || item.name === '') issues.errors.push(`${at}.name must be a non-empty string`);
      name = String(item.name);
    } else name = i === value.length - 1 && !explicitMain ? 'main' : (hash ?? String(i));
    const twin = list.findIndex((w) => w.name === name);
    if (twin >= 0) issues.errors.push(`${at}.name "${name}" is also the name of wasm[${twin}]; module names must be unique`);
    if (source) list.push(hash ? { source, name, hash } : { source, name });
    else list.push({ source: { kind: 'path', path: '' }, name }); // placeholder keeps indexes aligned; errors were recorded
  });
  return list;
}

function parseSource(item: Record<string, unknown>, at: string, options: ParseManifestOptions, issues: Issues): WasmSource | null {
  const given = (['url', 'data', 'path'] as const).filter((k) => item[k] !== undefined && item[k] !== null);
  if (given.length !== 1) {
    issues.errors.push(given.length === 0 ? `${at} must have one of "url", "data" or "path"` : `${at} must have only one of "url", "data" or "path" (it has ${given.map((k) => `"${k}"`).join(' and ')})`);
    return null;
  }
  const kind = given[0];
  if (kind === 'path') {
    if (typeof item.path !== 'string' || item.path === '') return fail(issues, `${at}.path must be a non-empty string`);
    return { kind: 'path', path: item.path };
  }
  if (kind === 'data') {
    const bytes = parseData(item.data, `${at}.data`, issues);
    return bytes ? { kind: 'data', bytes } : null;
  }
  return parseUrl(item, at, options, issues);
}

function parseUrl(item: Record<string, unknown>, at: string, options: ParseManifestOptions, issues: Issues): WasmSource | null {
  if (typeof item.url !== 'string') return fail(issues, `${at}.url must be a string`);
  let url: URL;
  try {
    url = new URL(item.url, options.baseUrl);
  } catch {
    const why = options.baseUrl ? 'is not a valid URL' : 'must be an absolute http(s) URL (relative URLs need a manifest loaded from a URL)';
    return fail(issues, `${at}.url ${why}: "${item.url}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail(issues, `${at}.url must use http or https, not "${url.protocol}"`);
  let method = 'GET';
  if (item.method !== undefined && item.method !== null) {
    if (typeof item.method !== 'string' || !/^[A-Za-z]+$/.test(item.method)) issues.errors.push(`${at}.method must be an HTTP method such as "GET"`);
    else method = item.method.toUpperCase();
  }
  const headers = stringMap(item.headers, `${at}.headers`, issues) ?? {};
  return { kind: 'url', url: url.href, method, headers };
}

function parseData(value: unknown, at: string, issues: Issues): Uint8Array | null {
  if (typeof value === 'string') {
    const bytes = decodeBase64(value);
    if (!bytes) issues.errors.push(`${at} must be standard base64 (A-Z a-z 0-9 + /, "=" padding)`);
    return bytes;
  }
  if (Array.isArray(value)) {
    const bad = value.findIndex((b) => !Number.isInteger(b) || b < 0 || b > 255);
    if (bad >= 0) return fail(issues, `${at}[${bad}] must be a byte (an integer 0..255)`);
    return Uint8Array.from(value as number[]);
  }
  if (isRecord(value) && 'ptr' in value) issues.errors.push(`${at} as {ptr, len} only works through the native C API; give base64 or an array of bytes`);
  else issues.errors.push(`${at} must be a base64 string or an array of bytes`);
  return null;
}

function parseConfig(value: unknown, issues: Issues): Record<string, string> {
  if (value === undefined || value === null) return {};
  return stringMap(value, 'config', issues, ' (Extism config values are strings)') ?? {};
}

function parseHosts(value: unknown, issues: Issues): string[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) return fail(issues, 'allowed_hosts must be an array of host names');
  const hosts: string[] = [];
  value.forEach((h, i) => {
    if (typeof h !== 'string' || h.trim() === '') issues.errors.push(`allowed_hosts[${i}] must be a non-empty string`);
    else if (/[/\s]/.test(h)) issues.errors.push(`allowed_hosts[${i}] must be a host name or pattern such as "*.example.com", not "${h}"`);
    else hosts.push(h.toLowerCase());
  });
  return hosts;
}

function parsePaths(value: unknown, issues: Issues): AllowedPath[] {
  if (value === undefined || value === null) return [];
  const map = stringMap(value, 'allowed_paths', issues, ' (a guest path)');
  if (!map) return [];
  return Object.entries(map).map(([key, guestPath]) => {
    const readOnly = key.startsWith('ro:');
    return { hostPath: readOnly ? key.slice(3) : key, guestPath, readOnly };
  });
}

function parseMemory(value: unknown, issues: Issues): ExtismManifest['memory'] {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) return fail(issues, 'memory must be an object', {});
  unknownKeys(value, MEMORY_KEYS, 'memory.', issues);
  const memory: ExtismManifest['memory'] = {};
  const maxPages = uint('memory.max_pages', pick(value, 'max_pages', 'maxPages'), issues, 65536);
  const maxHttp = uint('memory.max_http_response_bytes', pick(value, 'max_http_response_bytes', 'maxHttpResponseBytes'), issues);
  const maxVar = uint('memory.max_var_bytes', pick(value, 'max_var_bytes', 'maxVarBytes'), issues);
  if (maxPages !== undefined) memory.maxPages = maxPages;
  if (maxHttp !== undefined) memory.maxHttpResponseBytes = maxHttp;
  if (maxVar !== undefined) memory.maxVarBytes = maxVar;
  return memory;
}

/** An object whose values are all strings, built with own properties only. */
function stringMap(value: unknown, at: string, issues: Issues, hint = ''): Record<string, string> | null {
  if (value === undefined || value === null) return null;
  if (!isRecord(value)) return fail(issues, `${at} must be an object of strings`);
  let ok = true;
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') {
      issues.errors.push(`${at}.${k} must be a string${hint}, not ${JSON.stringify(v)}`);
      ok = false;
    }
  }
  return ok ? (Object.fromEntries(Object.entries(value)) as Record<string, string>) : null;
}
