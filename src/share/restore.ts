/**
 * `restore()`: any share payload ever written → the current ShareState (STYLE.md §6).
 * It rebuilds the state field by field, so nothing unknown or mistyped gets through.
 */
import type { ModuleKind } from '../wasm/types';
import type { ShareGrants, ShareInput, ShareModuleRef, ShareState } from './types';

export const CURRENT_VERSION = 1;
const KINDS: readonly ModuleKind[] = ['core', 'wasi-command', 'wasi-reactor', 'extism', 'component'];

export type Restored = { ok: true; state: ShareState } | { ok: false; error: string };

/** Upgrade and validate a decoded payload. */
export function restore(raw: unknown): Restored {
  if (!isRecord(raw) || typeof raw.v !== 'number') return { ok: false, error: 'The link holds no playground state (no version field).' };
  if (raw.v > CURRENT_VERSION) {
    return { ok: false, error: `The link was made by a newer playground (format v${raw.v}; this one reads up to v${CURRENT_VERSION}). Reload the page to update.` };
  }
  if (raw.v !== 1) return { ok: false, error: `Unknown share-link format v${raw.v}.` };
  const module = restoreModule(raw.module);
  if (typeof module === 'string') return { ok: false, error: module };

  const state: ShareState = { v: 1, module };
  if (typeof raw.func === 'string') state.func = raw.func;
  const args = stringArray(raw.args);
  if (args) state.args = args;
  const input = restoreInput(raw.input);
  if (input) state.input = input;
  if (typeof raw.outputMime === 'string') state.outputMime = raw.outputMime;
  const runAs = KINDS.find((k) => k === raw.runAs);
  if (runAs) state.runAs = runAs;
  if (typeof raw.stubImports === 'boolean') state.stubImports = raw.stubImports;
  const config = stringRecord(raw.config);
  if (config) state.config = config;
  const argv = stringArray(raw.argv);
  if (argv) state.argv = argv;
  const env = stringRecord(raw.env);
  if (env) state.env = env;
  if (typeof raw.timeoutMs === 'number' && raw.timeoutMs > 0) state.timeoutMs = raw.timeoutMs;
  const grants = restoreGrants(raw.grants);
  if (grants) state.grants = grants;
  if (isRecord(raw.lesson) && typeof raw.lesson.markdown === 'string') {
    state.lesson = { markdown: raw.lesson.markdown, ...(typeof raw.lesson.title === 'string' ? { title: raw.lesson.title } : {}) };
  }
  return { ok: true, state };
}

function restoreModule(value: unknown): ShareModuleRef | string {
  if (!isRecord(value)) return 'The link does not say which module to open.';
  if (typeof value.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(value.sha256)) return 'The link’s module hash is missing or malformed.';
  const ref: ShareModuleRef = { sha256: value.sha256, name: typeof value.name === 'string' ? value.name : 'module.wasm' };
  if (typeof value.url === 'string') ref.url = value.url;
  if (typeof value.inline === 'string') ref.inline = value.inline;
  if (typeof value.example === 'string') ref.example = value.example;
  if (!ref.url && !ref.inline && !ref.example) return 'The link has no module URL, inline module or example id.';
  return ref;
}

function restoreInput(value: unknown): ShareInput | undefined {
  if (!isRecord(value)) return undefined;
  const input: ShareInput = { mime: typeof value.mime === 'string' ? value.mime : 'text/plain' };
  if (typeof value.text === 'string') input.text = value.text;
  if (typeof value.base64 === 'string') input.base64 = value.base64;
  return input;
}

function restoreGrants(value: unknown): ShareGrants | undefined {
  if (!isRecord(value)) return undefined;
  const grants: ShareGrants = {};
  const hosts = stringArray(value.hosts);
  if (hosts) grants.hosts = hosts;
  if (Array.isArray(value.mounts)) {
    grants.mounts = value.mounts.filter(isRecord).flatMap((m) =>
      typeof m.volume === 'string' && typeof m.path === 'string' && typeof m.guestPath === 'string'
        ? [{ volume: m.volume, path: m.path, guestPath: m.guestPath, readOnly: m.readOnly !== false }]
        : [],
    );
  }
  return grants;
}

function stringArray(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((x) => typeof x === 'string') ? value.slice() : undefined;
}

function stringRecord(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  // A null-prototype object: keys like "__proto__" from a link stay plain data.
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
