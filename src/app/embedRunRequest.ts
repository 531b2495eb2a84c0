/**
 * The run request an embedding page may send: every RunRequest field the embed API supports,
 * parsed into a fresh copy; an unknown field, or a grant only the user may give, is refused
 * by name instead of being dropped without a word.
 */
import type { ArgInput, FileEntry, HostResponseRow, ModuleSource, RunRequest } from '../sandbox/api';
import type { WitValue } from '../model/values';
import { clampTimeoutMs } from '../util/timeout';
import type { ModuleKind } from '../wasm/types';
import { MAX_ID_LENGTH, MAX_NAME_LENGTH } from './embedLimits';
import type { Parse } from './embedFields';
import { boolean, bytes, choice, integer, Invalid, isRecord, list, name, onlyKeys, record, text } from './embedFields';

const KINDS: readonly ModuleKind[] = ['core', 'wasi-command', 'wasi-reactor', 'extism', 'wapc', 'component'];
/** setTimeout's ceiling; a larger timeout would fire at once. */
/** Most calls a `repeat` may ask for. */
const MAX_REPEAT = 2_147_483_647;

/** The same 1 ms … 24 h rule as settings, share links and the engine (src/util/timeout.ts). */
const timeoutMs: Parse<number> = (value, at) => {
  const checked = clampTimeoutMs(value);
  return checked.ok ? checked.value : new Invalid(`${at}: ${checked.message}`);
};

/** Grants stay with the user (DESIGN.md §4): an embedding page cannot give them to its modules. */
const REFUSED: Record<string, string> = {
  allowedHosts: 'request.allowedHosts is not accepted from an embedding page: network access is granted by the user in the playground, never by the page. Run modules that need no network, or open the playground itself.',
  mounts: "request.mounts is not accepted from an embedding page: it would expose the user's stored files. Use request.files for a fresh volume instead.",
};

/** A core argument (number, bigint, text) or a component's WIT value (README "Component values"); checked against the types by the runner. */
const arg: Parse<ArgInput | WitValue> = (v, at) => witValue(v, at, 0);

function witValue(v: unknown, at: string, depth: number): WitValue | Invalid {
  if (depth > 64) return new Invalid(`${at}: nested too deeply (at most 64 levels).`);
  if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'bigint' || typeof v === 'string' || v instanceof Uint8Array) return v;
  if (Array.isArray(v)) {
    const out: WitValue[] = [];
    for (const [i, item] of v.entries()) {
      const value = witValue(item, `${at}[${i}]`, depth + 1);
      if (value instanceof Invalid) return value;
      out.push(value);
    }
    return out;
  }
  if (isRecord(v)) {
    const out: Record<string, WitValue> = {};
    for (const [key, item] of Object.entries(v)) {
      const value = witValue(item, `${at}.${key}`, depth + 1);
      if (value instanceof Invalid) return value;
      out[key] = value;
    }
    return out;
  }
  return new Invalid(`${at}: request.args must hold numbers, bigints, strings, or WIT values (objects, arrays, null, booleans, Uint8Array).`);
}

/** WASI strings are C strings. */
const cString = text({ noNul: true });
const envName = text({ noNul: true, nonEmpty: true, maxLength: MAX_NAME_LENGTH });
const envKey: Parse<string> = (v, at) => {
  const key = envName(v, at);
  return typeof key === 'string' && key.includes('=') ? new Invalid(`${at} must not contain "=" (it separates name and value).`) : key;
};
const envPair: Parse<[string, string]> = (v, at) => {
  if (!Array.isArray(v) || v.length !== 2) return new Invalid(`${at} must be a [name, value] pair.`);
  const key = envKey(v[0], `${at}[0]`);
  if (key instanceof Invalid) return key;
  const value = cString(v[1], `${at}[1]`);
  return value instanceof Invalid ? value : [key, value];
};
const env: Parse<Record<string, string> | [string, string][]> = (v, at) => (Array.isArray(v) ? list(envPair)(v, at) : record(envKey, cString)(v, at));

const fileEntry: Parse<FileEntry> = (v, at) => {
  if (!isRecord(v)) return new Invalid(`${at} must be an object { path, kind?, data?, target? }.`);
  const extra = onlyKeys(v, ['path', 'kind', 'data', 'target'], at);
  if (extra) return new Invalid(extra);
  const path = name(v.path, `${at}.path`);
  if (path instanceof Invalid) return path;
  const entry: FileEntry = { path };
  if (v.kind !== undefined) {
    const kind = choice(['file', 'dir', 'symlink'] as const)(v.kind, `${at}.kind`);
    if (kind instanceof Invalid) return kind;
    entry.kind = kind;
  }
  if (v.data !== undefined) {
    const data = bytes(v.data, `${at}.data`);
    if (data instanceof Invalid) return data;
    entry.data = data;
  }
  if (v.target !== undefined) {
    const target = name(v.target, `${at}.target`);
    if (target instanceof Invalid) return target;
    entry.target = target;
  }
  return entry;
};
const files: Parse<NonNullable<RunRequest['files']>> = (v, at) => {
  if (!isRecord(v)) return new Invalid(`${at} must be { guestPath, entries }.`);
  const extra = onlyKeys(v, ['guestPath', 'entries'], at);
  if (extra) return new Invalid(extra);
  const guestPath = name(v.guestPath, `${at}.guestPath`);
  if (guestPath instanceof Invalid) return guestPath;
  if (!guestPath.startsWith('/')) return new Invalid(`${at}.guestPath must be an absolute guest path such as "/data".`);
  const entries = list(fileEntry)(v.entries, `${at}.entries`);
  return entries instanceof Invalid ? entries : { guestPath, entries };
};

const deterministic: Parse<NonNullable<RunRequest['deterministic']>> = (v, at) => {
  if (typeof v === 'boolean') return v;
  if (!isRecord(v)) return new Invalid(`${at} must be true, false or { seed?, epochMs? }.`);
  const extra = onlyKeys(v, ['seed', 'epochMs'], at);
  if (extra) return new Invalid(extra);
  const out: { seed?: string; epochMs?: number } = {};
  if (v.seed !== undefined) {
    const seed = text({ maxLength: 256 })(v.seed, `${at}.seed`);
    if (seed instanceof Invalid) return seed;
    out.seed = seed;
  }
  if (v.epochMs !== undefined) {
    const epochMs = integer(0, 8.64e15)(v.epochMs, `${at}.epochMs`);
    if (epochMs instanceof Invalid) return epochMs;
    out.epochMs = epochMs;
  }
  return out;
};

const bytesLimit = integer(0, Number.MAX_SAFE_INTEGER);

const headerPair: Parse<[string, string]> = (v, at) => {
  if (!Array.isArray(v) || v.length !== 2) return new Invalid(`${at} must be a [name, value] pair.`);
  const key = text({ nonEmpty: true, maxLength: MAX_NAME_LENGTH })(v[0], `${at}[0]`);
  if (key instanceof Invalid) return key;
  const value = text()(v[1], `${at}[1]`);
  return value instanceof Invalid ? value : [key, value];
};
const httpRequest: Parse<NonNullable<RunRequest['request']>> = (v, at) => {
  if (!isRecord(v)) return new Invalid(`${at} must be { method?, url?, headers?, body? }.`);
  const extra = onlyKeys(v, ['method', 'url', 'headers', 'body'], at);
  if (extra) return new Invalid(extra);
  const out: NonNullable<RunRequest['request']> = {};
  if (v.method !== undefined) {
    const method = text({ nonEmpty: true, maxLength: 32 })(v.method, `${at}.method`);
    if (method instanceof Invalid) return method;
    out.method = method;
  }
  if (v.url !== undefined) {
    const url = text({ maxLength: 8192 })(v.url, `${at}.url`);
    if (url instanceof Invalid) return url;
    out.url = url;
  }
  if (v.headers !== undefined) {
    const headers = Array.isArray(v.headers) ? list(headerPair)(v.headers, `${at}.headers`) : record(text({ nonEmpty: true }), text())(v.headers, `${at}.headers`);
    if (headers instanceof Invalid) return headers;
    out.headers = headers;
  }
  if (v.body !== undefined) {
    const body = bytes(v.body, `${at}.body`);
    if (body instanceof Invalid) return body;
    out.body = body;
  }
  return out;
};

/** A waPC host responses row: binding, namespace, operation (text, "*" for any), then response (text or bytes) or error (text). */
const hostResponse: Parse<HostResponseRow> = (v, at) => {
  if (!isRecord(v)) return new Invalid(`${at} must be { binding, namespace, operation, response } or { binding, namespace, operation, error }.`);
  const extra = onlyKeys(v, ['binding', 'namespace', 'operation', 'response', 'error'], at);
  if (extra) return new Invalid(extra);
  const key = { binding: '', namespace: '', operation: '' };
  for (const k of ['binding', 'namespace', 'operation'] as const) {
    const value = text({ maxLength: MAX_NAME_LENGTH })(v[k], `${at}.${k}`);
    if (value instanceof Invalid) return value;
    key[k] = value;
  }
  if ((v.response === undefined) === (v.error === undefined)) return new Invalid(`${at} needs exactly one of response (text or bytes) and error (text).`);
  if (v.error !== undefined) {
    const error = text()(v.error, `${at}.error`);
    return error instanceof Invalid ? error : { ...key, error };
  }
  const response = bytes(v.response, `${at}.response`);
  return response instanceof Invalid ? response : { ...key, response };
};

type Supported = Exclude<keyof RunRequest, 'module' | 'func' | 'allowedHosts' | 'mounts'>;
/** Parses one field into the request; a string says what is wrong. */
type Setter = (raw: unknown, request: RunRequest) => string | undefined;

function field<K extends Supported>(key: K, parse: Parse<NonNullable<RunRequest[K]>>): Setter {
  return (raw, request) => {
    const parsed = parse(raw, `request.${key}`);
    if (parsed instanceof Invalid) return parsed.message;
    request[key] = parsed;
    return undefined;
  };
}

/** Every optional RunRequest field the embed API takes, with its parser (the type makes the list complete). */
const OPTIONAL: Record<Supported, Setter> = {
  args: field('args', list(arg)),
  argsJson: field('argsJson', list(text())),
  imports: field('imports', choice(['fail', 'stub'] as const)),
  runAs: field('runAs', choice(KINDS)),
  timeoutMs: field('timeoutMs', timeoutMs),
  repeat: field('repeat', integer(1, MAX_REPEAT)),
  input: field('input', bytes),
  config: field('config', record(name, text())),
  logLevel: field('logLevel', choice(['trace', 'debug', 'info', 'warn', 'error', 'off'] as const)),
  freshInstance: field('freshInstance', boolean),
  httpMode: field('httpMode', choice(['auto', 'sync'] as const)),
  exposeHeaders: field('exposeHeaders', boolean),
  outputMime: field('outputMime', text({ maxLength: 255, nonEmpty: true })),
  maxVarBytes: field('maxVarBytes', bytesLimit),
  maxKernelBytes: field('maxKernelBytes', bytesLimit),
  maxPages: field('maxPages', integer(0, 65_536)),
  maxHttpResponseBytes: field('maxHttpResponseBytes', bytesLimit),
  argv: field('argv', list(cString)),
  env: field('env', env),
  files: field('files', files),
  deterministic: field('deterministic', deterministic),
  watchUnmounted: field('watchUnmounted', boolean),
  resetInstance: field('resetInstance', boolean),
  request: field('request', httpRequest),
  hostResponses: field('hostResponses', list(hostResponse)),
};

/** The fields after module and func, in a fixed order. */
const OPTIONAL_KEYS = Object.keys(OPTIONAL) as Supported[];
const FIELDS: readonly string[] = ['module', 'func', ...OPTIONAL_KEYS];

/** Parse `request` of a run message; a string says what is wrong. */
export function parseRunRequest(value: unknown, source: (v: unknown, at: string) => ModuleSource | string): RunRequest | string {
  if (!isRecord(value)) return 'request must be an object { module, func, … }.';
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const refused = REFUSED[key];
    if (refused) return refused;
    if (!FIELDS.includes(key)) return `request has an unknown field "${key.slice(0, 64)}"; the run options are: ${FIELDS.join(', ')}.`;
  }
  let module: string | ModuleSource;
  if (typeof value.module === 'string') {
    if (value.module.length === 0 || value.module.length > MAX_ID_LENGTH) return 'request.module must be a module id from load, or a source such as { url } or { bytes }.';
    module = value.module;
  } else {
    const parsed = source(value.module, 'request.module');
    if (typeof parsed === 'string') return parsed;
    module = parsed;
  }
  const func = name(value.func, 'request.func');
  if (func instanceof Invalid) return 'request.func must be the name of an exported function.';
  const request: RunRequest = { module, func };
  for (const key of OPTIONAL_KEYS) {
    if (value[key] === undefined) continue;
    const problem = OPTIONAL[key](value[key], request);
    if (problem) return problem;
  }
  return request;
}
