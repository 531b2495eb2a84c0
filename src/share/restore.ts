/**
 * `restore()`: any share payload ever written → the current ShareState (STYLE.md §6).
 * It rebuilds the state field by field, so nothing unknown, mistyped or oversized gets through;
 * what it cuts or leaves out is listed in `warnings` (caps in limits.ts).
 */
import type { ModuleKind } from '../wasm/types';
import { clampTimeoutMs } from '../util/timeout';
import { fromBase64Url } from './base64url';
import { describe, drop, isRecord, keepFirst, readBoolean, readText, readTextList, readTextRecord, type Warnings } from './fields';
import { MAX_ARGS, MAX_ARGV, MAX_CONFIG, MAX_ENV, MAX_HOSTS, MAX_LESSON_CHARS, MAX_MIME_CHARS, MAX_MOUNTS, MAX_WAT_CHARS } from './limits';
import type { ShareGrants, ShareInput, ShareModuleRef, ShareState } from './types';

export const CURRENT_VERSION = 2;
const KINDS: readonly ModuleKind[] = ['core', 'wasi-command', 'wasi-reactor', 'extism', 'wapc', 'component'];

/** The state with what was cut or dropped from it (empty when nothing was), or why the link is unusable. */
export type Restored = { ok: true; state: ShareState; warnings: string[] } | { ok: false; error: string };

/** Upgrade and validate a decoded payload. */
export function restore(raw: unknown): Restored {
  if (!isRecord(raw) || typeof raw.v !== 'number') return { ok: false, error: 'The link holds no playground state (no version field).' };
  if (raw.v > CURRENT_VERSION) {
    return { ok: false, error: `The link was made by a newer playground (format v${raw.v}; this one reads up to v${CURRENT_VERSION}). Reload the page to update.` };
  }
  if (raw.v !== 1 && raw.v !== 2) return { ok: false, error: `Unknown share-link format v${raw.v}.` };
  const warnings: Warnings = [];
  const module = restoreModule(raw.module, warnings, raw.v);
  if (typeof module === 'string') return { ok: false, error: module };

  // v1 and v2 differ only in what a module may be (v2 adds WAT source).
  const state: ShareState = raw.v === 2 ? { v: 2, module } : { v: 1, module };
  const set = <K extends keyof ShareState>(key: K, value: ShareState[K] | undefined) => {
    if (value !== undefined) state[key] = value;
  };
  set('func', readText(raw.func, 'func', warnings));
  set('args', readTextList(raw.args, 'args', MAX_ARGS, warnings));
  set('input', restoreInput(raw.input, warnings));
  set('outputMime', readText(raw.outputMime, 'outputMime', warnings, MAX_MIME_CHARS));
  set('runAs', restoreRunAs(raw.runAs, warnings));
  set('stubImports', readBoolean(raw.stubImports, 'stubImports', warnings));
  set('config', readTextRecord(raw.config, 'config', MAX_CONFIG, warnings));
  set('argv', readTextList(raw.argv, 'argv', MAX_ARGV, warnings));
  set('env', readTextRecord(raw.env, 'env', MAX_ENV, warnings));
  set('timeoutMs', restoreTimeout(raw.timeoutMs, warnings));
  set('grants', restoreGrants(raw.grants, warnings));
  set('lesson', restoreLesson(raw.lesson, warnings));
  set('checkFile', readText(raw.checkFile, 'checkFile', warnings));
  return { ok: true, state, warnings };
}

function restoreModule(value: unknown, warnings: Warnings, version: 1 | 2): ShareModuleRef | string {
  if (!isRecord(value)) return 'The link does not say which module to open.';
  if (typeof value.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(value.sha256)) return 'The link’s module hash is missing or malformed.';
  const ref: ShareModuleRef = { sha256: value.sha256, name: readText(value.name, 'module.name', warnings) ?? 'module.wasm' };
  const url = readText(value.url, 'module.url', warnings);
  if (url !== undefined) ref.url = url;
  // The inline module is bounded by the decoded-link cap only; bad base64 is reported when loading.
  if (typeof value.inline === 'string') ref.inline = value.inline;
  const example = readText(value.example, 'module.example', warnings);
  if (example !== undefined) ref.example = example;
  if (value.size !== undefined) {
    if (typeof value.size === 'number' && Number.isSafeInteger(value.size) && value.size > 0) ref.size = value.size;
    else drop('module.size', `it is ${describe(value.size)}, not a positive whole number of bytes`, warnings);
  }
  // No source at all: the recipient supplies the file (matched by sha256), which needs its size to ask for it.
  if (version >= 2) {
    const wat = readText(value.wat, 'module.wat', warnings, MAX_WAT_CHARS);
    if (wat !== undefined) ref.wat = wat;
  }
  if (!ref.url && !ref.inline && !ref.example && ref.wat === undefined && ref.size === undefined) return version >= 2 ? 'The link has no module URL, inline module, WAT source or example id.' : 'The link has no module URL, inline module or example id.';
  return ref;
}

function restoreInput(value: unknown, warnings: Warnings): ShareInput | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) return drop('input', `it is ${describe(value)}, not an object`, warnings);
  const input: ShareInput = { mime: readText(value.mime, 'input.mime', warnings, MAX_MIME_CHARS) ?? 'text/plain' };
  // Text and bytes are bounded by the decoded-link cap only: they are the data the link is for.
  if (typeof value.text === 'string') input.text = value.text;
  else if (value.text !== undefined) drop('input.text', `it is ${describe(value.text)}, not text`, warnings);
  if (typeof value.base64 === 'string') {
    // Checked here so a bad value is one warning, not an error thrown while the settings are applied.
    try {
      fromBase64Url(value.base64);
      input.base64 = value.base64;
    } catch (err) {
      drop('input.base64', `the input file's bytes are not valid base64 (${err instanceof Error ? err.message : String(err)})`, warnings);
    }
  } else if (value.base64 !== undefined) drop('input.base64', `it is ${describe(value.base64)}, not text`, warnings);
  return input;
}

function restoreRunAs(value: unknown, warnings: Warnings): ModuleKind | undefined {
  if (value === undefined) return undefined;
  const kind = KINDS.find((k) => k === value);
  return kind ?? drop('runAs', `it is not one of ${KINDS.join(', ')}`, warnings);
}

function restoreTimeout(value: unknown, warnings: Warnings): number | undefined {
  if (value === undefined) return undefined;
  const check = clampTimeoutMs(value);
  if (check.ok) return check.value;
  warnings.push(`timeoutMs: left out. ${check.message} The current time limit stays.`);
  return undefined;
}

function restoreGrants(value: unknown, warnings: Warnings): ShareGrants | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) return drop('grants', `it is ${describe(value)}, not an object`, warnings);
  const grants: ShareGrants = {};
  const hosts = readTextList(value.hosts, 'grants.hosts', MAX_HOSTS, warnings);
  if (hosts) grants.hosts = hosts;
  if (Array.isArray(value.mounts)) {
    const mounts = keepFirst(value.mounts as unknown[], 'grants.mounts', MAX_MOUNTS, warnings);
    grants.mounts = mounts.flatMap((m, i) => {
      const at = `grants.mounts[${i}]`;
      if (!isRecord(m)) return drop(at, `it is ${describe(m)}, not an object`, warnings) ?? [];
      const volume = readText(m.volume, `${at}.volume`, warnings);
      const path = readText(m.path, `${at}.path`, warnings);
      const guestPath = readText(m.guestPath, `${at}.guestPath`, warnings);
      if (volume === undefined || path === undefined || guestPath === undefined) {
        return drop(at, 'it needs a volume, a path and a guestPath', warnings) ?? [];
      }
      return [{ volume, path, guestPath, readOnly: m.readOnly !== false }];
    });
  } else if (value.mounts !== undefined) drop('grants.mounts', `it is ${describe(value.mounts)}, not a list`, warnings);
  return grants;
}

function restoreLesson(value: unknown, warnings: Warnings): ShareState['lesson'] {
  if (value === undefined) return undefined;
  if (!isRecord(value)) return drop('lesson', `it is ${describe(value)}, not an object`, warnings);
  const markdown = readText(value.markdown, 'lesson.markdown', warnings, MAX_LESSON_CHARS);
  if (markdown === undefined) return value.markdown === undefined ? drop('lesson', 'it has no markdown', warnings) : undefined;
  const title = readText(value.title, 'lesson.title', warnings);
  return title === undefined ? { markdown } : { title, markdown };
}
