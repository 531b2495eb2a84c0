/** Build a ShareState from what the user has set up (pure: the caller passes the pieces). */
import { deflateSync, strToU8 } from 'fflate';
import type { ModuleKind } from '../wasm/types';
import { toBase64Url } from './base64url';
import { MAX_DECODED_BYTES, MAX_LESSON_CHARS, MAX_WAT_CHARS } from './limits';
import type { ShareInput, ShareState } from './types';

/** Modules that compress to at most this many bytes travel inside the link (DESIGN.md §7). */
export const INLINE_LIMIT = 32 * 1024;
/** ...and are at most this large unpacked: module and input in base64 (4/3 × 640 KB) fit MAX_DECODED_BYTES. */
export const INLINE_RAW_LIMIT = 256 * 1024;
/** Input text (UTF-8) or file bytes that travel in a link (see INLINE_RAW_LIMIT). */
export const INPUT_LIMIT = 384 * 1024;

export interface CaptureInput {
  module: { id: string; name: string; sourceUrl?: string; bytes: Uint8Array };
  runAs: ModuleKind | null;
  func: string | null;
  args?: string[];
  stubImports: boolean;
  input: { text: string; file: { name: string; bytes: Uint8Array } | null; mime: string };
  outputMime: string | null;
  config: Record<string, string>;
  argv: string[];
  env: [string, string][];
  timeoutMs: number;
  hosts: string[];
  /** Mounted folders: the link asks for the same mounts (the files themselves stay here). */
  mounts: { volume: string; dir?: string; guestPath: string; readOnly?: boolean }[];
  /** The Check tab's check file, if any. */
  checkFile?: string;
  /** The WAT source the module was compiled from: the link carries it (v2) instead of the bytes. */
  wat?: string;
  /** A lesson shown above the input when the link opens. */
  lesson?: { title?: string; markdown: string };
}

/**
 * The state, or why it can't be made. `tooBig` says why the module is not inside the link: then the
 * link asks its recipient for the module file (matched by SHA-256) and the caller offers alternatives.
 */
export type Captured = { ok: true; state: ShareState; tooBig?: string } | { ok: false; error: string };

/** The share state, or why it can't be made (an input or setup too large for a link). */
export function captureShareState(c: CaptureInput): Captured {
  const ref: ShareState['module'] = { sha256: c.module.id, name: c.module.name };
  let tooBig: string | undefined;
  if (c.wat !== undefined) {
    if (c.wat.length > MAX_WAT_CHARS) {
      return { ok: false, error: `The WAT source is too long to put inside a link (${c.wat.length} characters; the limit is ${MAX_WAT_CHARS}). Shorten it, or host the compiled module at a URL and share that.` };
    }
    ref.wat = c.wat;
  } else if (c.module.sourceUrl && /^https?:/.test(c.module.sourceUrl)) ref.url = c.module.sourceUrl;
  else {
    const compressed = deflateSync(c.module.bytes, { level: 9 }).length;
    if (compressed > INLINE_LIMIT || c.module.bytes.length > INLINE_RAW_LIMIT) {
      tooBig = `"${c.module.name}" is too large to put inside a link (${Math.round(compressed / 1024)} KB compressed, ${Math.ceil(c.module.bytes.length / 1024)} KB unpacked; the limits are ${INLINE_LIMIT / 1024} KB and ${INLINE_RAW_LIMIT / 1024} KB).`;
      ref.size = c.module.bytes.length;
    } else ref.inline = toBase64Url(c.module.bytes);
  }
  const inputBytes = c.input.file ? c.input.file.bytes.length : strToU8(c.input.text).length;
  if (inputBytes > INPUT_LIMIT) {
    return {
      ok: false,
      error: `The input is too large to put inside a link (${Math.ceil(inputBytes / 1024)} KB; the limit is ${INPUT_LIMIT / 1024} KB). Clear or shorten the input, share, and send the input separately.`,
    };
  }
  // v2 only when needed: a link without WAT source still opens in a playground that reads v1.
  const state: ShareState = ref.wat !== undefined ? { v: 2, module: ref, timeoutMs: c.timeoutMs } : { v: 1, module: ref, timeoutMs: c.timeoutMs };
  if (c.lesson) {
    if (c.lesson.markdown.length > MAX_LESSON_CHARS) {
      return { ok: false, error: `The lesson text is too long for a link (${c.lesson.markdown.length} characters; the limit is ${MAX_LESSON_CHARS}). Shorten it, then share.` };
    }
    state.lesson = c.lesson;
  }
  if (c.func) state.func = c.func;
  if (c.args?.some((a) => a !== '')) state.args = c.args;
  if (c.runAs) state.runAs = c.runAs;
  if (c.stubImports) state.stubImports = true;
  const input = captureInput(c.input);
  if (input) state.input = input;
  if (c.outputMime) state.outputMime = c.outputMime;
  if (Object.keys(c.config).length) state.config = c.config;
  if (c.argv.length) state.argv = c.argv;
  if (c.env.length) state.env = Object.fromEntries(c.env);
  if (c.checkFile?.trim()) state.checkFile = c.checkFile;
  if (c.hosts.length || c.mounts.length) {
    state.grants = {
      ...(c.hosts.length ? { hosts: c.hosts } : {}),
      ...(c.mounts.length ? { mounts: c.mounts.map((m) => ({ volume: m.volume, path: m.dir ?? '', guestPath: m.guestPath, readOnly: m.readOnly ?? false })) } : {}),
    };
  }
  // Many long config or env values can still pass the cap that opening a link enforces.
  const size = strToU8(JSON.stringify(state)).length;
  if (size > MAX_DECODED_BYTES) {
    return {
      ok: false,
      error: `This setup is too large for a link (${Math.ceil(size / 1024)} KB of settings and data; a link holds at most ${MAX_DECODED_BYTES / 1024} KB). Shorten the longest config, env or argument values, then share.`,
    };
  }
  return tooBig ? { ok: true, state, tooBig } : { ok: true, state };
}

function captureInput(input: CaptureInput['input']): ShareInput | undefined {
  if (input.file) return { mime: input.mime, base64: toBase64Url(input.file.bytes) };
  if (input.text) return { mime: input.mime, text: input.text };
  return undefined;
}
