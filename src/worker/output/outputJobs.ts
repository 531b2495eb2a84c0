/** The output worker's work: full-buffer scans and parses, so the page never does them (DESIGN.md §6, §10). */
import { marked } from 'marked';
import type { Token } from 'marked';
import { indexRecords } from '../../output/delimited';
import type { Separator } from '../../output/delimited';
import { jsonChildren, jsonNode, JSON_TREE_LIMIT } from '../../output/jsonTree';
import type { JsonNode, JsonPath } from '../../output/jsonTree';
import { indexLines } from '../../output/lineIndex';
import { decodeJson } from '../../output/onPage';
import type { LineIndex } from '../../output/lineIndex';

interface Doc {
  bytes: Promise<Uint8Array<ArrayBuffer>>;
  /** Filled by chunks; `bytes` resolves when all have come. */
  buffer: Uint8Array<ArrayBuffer>;
  missing: number;
  done(): void;
  /** Fails jobs still waiting for chunks (the page closed the document mid-way). */
  fail(error: Error): void;
  json?: unknown;
}

/** Documents kept open at most; the oldest goes first (the page closes them, this is a backstop). */
const MAX_DOCS = 4;
const docs = new Map<number, Doc>();

/** Start document `id` of `size` bytes; chunks fill it, unless it comes `filled`. */
export function openDoc(id: number, size: number, filled?: Uint8Array<ArrayBuffer>): void {
  const buffer = filled ?? new Uint8Array(size);
  let done = () => {};
  let fail = (_error: Error) => {};
  const bytes = new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    done = () => resolve(buffer);
    fail = reject;
  });
  // A rejection nobody awaits yet must not be reported as unhandled.
  bytes.catch(() => {});
  docs.set(id, { bytes, buffer, missing: filled ? 0 : size, done, fail });
  if (filled || size === 0) done();
  while (docs.size > MAX_DOCS) closeDoc(docs.keys().next().value!);
}

/**
 * Open document `id` as a copy of the page's `buffer`, made here so the page copies nothing.
 * False when there is no memory for the copy: the page then sends chunks when it first asks.
 */
export function adoptDoc(id: number, buffer: ArrayBuffer): boolean {
  let copy: Uint8Array<ArrayBuffer>;
  try {
    copy = new Uint8Array(buffer.slice(0));
  } catch {
    return false;
  }
  openDoc(id, copy.length, copy);
  return true;
}

/** Bytes of document `id` from `offset`. */
export function addChunk(id: number, offset: number, chunk: Uint8Array): void {
  const d = docs.get(id);
  if (!d) return;
  d.buffer.set(chunk, offset);
  d.missing -= chunk.length;
  if (d.missing === 0) d.done();
}

export function closeDoc(id: number): void {
  docs.get(id)?.fail(new Error('this output is no longer open'));
  docs.delete(id);
}

function doc(id: number): Doc {
  const found = docs.get(id);
  if (!found) throw new Error('this output is no longer open');
  return found;
}

export async function lines(id: number): Promise<LineIndex> {
  return indexLines(await doc(id).bytes);
}

export async function records(id: number, separator: Separator) {
  return indexRecords(await doc(id).bytes, separator);
}

export async function parseJson(id: number): Promise<JsonNode> {
  const d = doc(id);
  const bytes = await d.bytes;
  if (bytes.length > JSON_TREE_LIMIT) throw new Error('too large for the tree view');
  d.json = decodeJson(bytes);
  return jsonNode(d.json, []);
}

export function children(id: number, path: JsonPath, offset: number, limit: number) {
  const d = doc(id);
  if (!('json' in d)) throw new Error('the JSON was not parsed');
  return jsonChildren(d.json, path, offset, limit);
}

/** Source characters per piece of rendered Markdown: the page sanitises and appends one piece per task. */
const MARKDOWN_PIECE = 2 * 1024;

/** Markdown rendered to HTML in pieces of whole top-level blocks (lists, tables, code stay whole). */
export async function markdown(id: number): Promise<string[]> {
  const text = new TextDecoder().decode(await doc(id).bytes);
  const tokens = marked.lexer(text, { gfm: true });
  const pieces: string[] = [];
  let group: Token[] = [];
  let size = 0;
  const flush = () => {
    // Each piece keeps the document's link definitions so `[text][ref]` links resolve.
    if (group.length) pieces.push(marked.parser(Object.assign(group, { links: tokens.links }), { gfm: true }));
    group = [];
    size = 0;
  };
  for (const token of tokens) {
    group.push(token);
    size += token.raw.length;
    if (size >= MARKDOWN_PIECE) flush();
  }
  flush();
  return pieces;
}

/** The image decoded and encoded again as PNG (the only image type the async clipboard takes). */
export async function png(id: number, mime: string): Promise<Blob> {
  const bytes = await doc(id).bytes;
  const bitmap = await createImageBitmap(new Blob([bytes], { type: mime }));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas in this browser');
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return canvas.convertToBlob({ type: 'image/png' });
}

/** The bytes as a Blob, for Copy, Download and blob: URLs (a Blob crosses to the page without a copy). */
export async function blob(id: number): Promise<Blob> {
  return new Blob([await doc(id).bytes]);
}

// Divisible by 3 so each chunk encodes without padding.
const BASE64_CHUNK = 3 * 16 * 1024;

/** The bytes as base64 text, built in chunks. */
export async function base64(id: number): Promise<Blob> {
  const bytes = await doc(id).bytes;
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += BASE64_CHUNK) {
    const chunk = bytes.subarray(i, i + BASE64_CHUNK);
    parts.push(btoa(String.fromCharCode(...chunk)));
  }
  return new Blob(parts, { type: 'text/plain' });
}
