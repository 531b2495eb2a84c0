/**
 * Messages an embedding page exchanges with `?embed=1` (DESIGN.md §9), and a guard that
 * rebuilds them field by field: nothing from another origin is trusted or merged as is.
 * The size of a message is checked (with a budget) before any of its fields is read.
 */
import type { ModuleSource, RunRequest } from '../sandbox/api';
import { MAX_ID_LENGTH, MAX_NAME_LENGTH, MAX_URL_LENGTH, measureMessage } from './embedLimits';
import { parseRunRequest } from './embedRunRequest';
import { isRecord, onlyKeys } from './embedFields';

export type EmbedRequest =
  | { type: 'wasmPlayground:load'; id: string; source: ModuleSource }
  | { type: 'wasmPlayground:run'; id: string; request: RunRequest }
  | { type: 'wasmPlayground:stop'; id: string };

export interface EmbedError {
  code: string;
  message: string;
}

export type EmbedResponse =
  | { type: 'wasmPlayground:response'; id: string; ok: true; value: unknown }
  /** `id` is null when the request's own id was unusable. */
  | { type: 'wasmPlayground:response'; id: string | null; ok: false; error: EmbedError }
  | { type: 'wasmPlayground:ready' }
  /** Sent to an opaque-origin embedder with targetOrigin '*': nothing in it but the refusal. */
  | { type: 'wasmPlayground:refused'; error: EmbedError };

export type Parsed =
  | { ok: true; request: EmbedRequest; bytes: number }
  | { ok: false; id: string | null; code: 'bad-request' | 'bad-id' | 'too-large'; message: string };

/** True for messages meant for the playground (any other message is ignored without a word). */
export function isEmbedMessage(data: unknown): data is Record<string, unknown> & { type: string } {
  return isRecord(data) && typeof data.type === 'string' && data.type.startsWith('wasmPlayground:');
}

/** Validate an incoming message; undefined when it is not addressed to us at all. */
export function parseEmbedRequest(data: unknown): Parsed | undefined {
  if (!isEmbedMessage(data)) return undefined;
  const id = parseId(data.id);
  if (typeof id !== 'object') return { ok: false, id: null, code: 'bad-id', message: id };
  const size = measureMessage(data);
  if (typeof size === 'string') return { ok: false, id: id.id, code: 'too-large', message: size };
  const fail = (message: string): Parsed => ({ ok: false, id: id.id, code: 'bad-request', message });
  switch (data.type) {
    case 'wasmPlayground:load': {
      const extra = onlyKeys(data, ['type', 'id', 'source'], 'the load message');
      if (extra) return fail(extra);
      const source = parseSource(data.source, 'source');
      return typeof source === 'string' ? fail(source) : { ok: true, request: { type: data.type, id: id.id, source }, bytes: size.bytes };
    }
    case 'wasmPlayground:run': {
      const extra = onlyKeys(data, ['type', 'id', 'request'], 'the run message');
      if (extra) return fail(extra);
      const request = parseRunRequest(data.request, (v, at) => parseSource(v, at));
      return typeof request === 'string' ? fail(request) : { ok: true, request: { type: data.type, id: id.id, request }, bytes: size.bytes };
    }
    case 'wasmPlayground:stop': {
      const extra = onlyKeys(data, ['type', 'id'], 'the stop message');
      return extra ? fail(extra) : { ok: true, request: { type: data.type, id: id.id }, bytes: size.bytes };
    }
    default:
      return fail(`Unknown request type "${data.type.slice(0, 64)}": use wasmPlayground:load, wasmPlayground:run or wasmPlayground:stop.`);
  }
}

/** Ids are echoed in answers and key the requests in flight: safe integers or short strings only. */
function parseId(value: unknown): { id: string } | string {
  if (value === undefined) return 'Every request needs an "id": a whole number or a string of 1 to 128 characters.';
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) ? { id: String(value) } : `"id" must be a whole number between ±${Number.MAX_SAFE_INTEGER} (got ${String(value)}), or a short string.`;
  }
  if (typeof value === 'string') {
    if (value.length === 0 || value.length > MAX_ID_LENGTH) return `A string "id" must have 1 to ${MAX_ID_LENGTH} characters (got ${value.length}).`;
    return { id: value };
  }
  return `"id" must be a whole number or a string of 1 to ${MAX_ID_LENGTH} characters, not ${describe(value)}.`;
}

/** A module source: a URL, `{ url }`, `{ id }`, `{ bytes, name?, transfer? }` or `{ manifest, baseUrl? }`. */
function parseSource(value: unknown, at: string): ModuleSource | string {
  if (typeof value === 'string') return url(value, at) ?? { url: value };
  if (!isRecord(value)) return `${at} must be a URL string or an object with url, bytes, id or manifest.`;
  if ('url' in value) {
    if (typeof value.url !== 'string') return `${at}.url must be a string.`;
    return onlyKeys(value, ['url'], at) ?? url(value.url, `${at}.url`) ?? { url: value.url };
  }
  if ('id' in value) {
    if (typeof value.id !== 'string' || !/^[0-9a-f]{64}$/i.test(value.id)) return `${at}.id must be a module id from load (64 hex digits of SHA-256).`;
    return onlyKeys(value, ['id'], at) ?? { id: value.id.toLowerCase() };
  }
  if ('bytes' in value) {
    if (!(value.bytes instanceof ArrayBuffer || value.bytes instanceof Uint8Array)) return `${at}.bytes must be an ArrayBuffer or a Uint8Array.`;
    if (value.name !== undefined && (typeof value.name !== 'string' || value.name.length > MAX_NAME_LENGTH)) return `${at}.name must be a file name of at most ${MAX_NAME_LENGTH} characters.`;
    if (value.transfer !== undefined && typeof value.transfer !== 'boolean') return `${at}.transfer must be true or false.`;
    const extra = onlyKeys(value, ['bytes', 'name', 'transfer'], at);
    if (extra) return extra;
    return { bytes: value.bytes, ...(typeof value.name === 'string' ? { name: value.name } : {}), ...(value.transfer === true ? { transfer: true } : {}) };
  }
  if ('manifest' in value) {
    const manifest = value.manifest;
    const parsed = typeof manifest === 'string' ? manifest : isRecord(manifest) && typeof manifest.url === 'string' ? { url: manifest.url } : undefined;
    if (parsed === undefined) return `${at}.manifest must be the manifest's JSON text or { url }.`;
    if (typeof parsed === 'object') {
      const bad = (isRecord(manifest) && onlyKeys(manifest, ['url'], `${at}.manifest`)) || url(parsed.url, `${at}.manifest.url`);
      if (bad) return bad;
    }
    if (value.baseUrl !== undefined && (typeof value.baseUrl !== 'string' || value.baseUrl.length > MAX_URL_LENGTH)) return `${at}.baseUrl must be a URL of at most ${MAX_URL_LENGTH} characters.`;
    const extra = onlyKeys(value, ['manifest', 'baseUrl'], at);
    if (extra) return extra;
    return { manifest: parsed, ...(typeof value.baseUrl === 'string' ? { baseUrl: value.baseUrl } : {}) };
  }
  return `${at} needs one of: url (string), bytes (ArrayBuffer or Uint8Array), id (string), manifest (JSON text or { url }).`;
}

/** A problem with a URL field, or undefined when it is usable (the loader itself explains bad URLs). */
function url(value: string, at: string): string | undefined {
  if (value.length > MAX_URL_LENGTH) return `${at} is longer than ${MAX_URL_LENGTH} characters.`;
  return undefined;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}
