/**
 * Which outputs are parsed on the page and which in the output worker (DESIGN.md §6, §10).
 * A small output is parsed in the render that shows it: a worker round trip costs a task and
 * usually a frame, while JSON.parse of 64 KB takes well under a millisecond. Anything bigger goes
 * to the worker, so the page never blocks on a big output.
 */
import { jsonChildren, jsonNode } from './jsonTree';
import type { JsonNode, JsonPath } from './jsonTree';

/** Outputs up to this many bytes are parsed and indexed on the page. */
export const ON_PAGE_LIMIT = 64 * 1024;

/** True when an output of `size` bytes is parsed on the page, false when the worker does it. */
export function parsedOnPage(size: number): boolean {
  return size <= ON_PAGE_LIMIT;
}

/**
 * JSON nested deeper than this goes to the worker even when small: 64 KB of `[[[…]]]` (32,768
 * levels) takes V8 up to ~30 ms to build, a long task on the page; 512 levels take microseconds.
 */
export const ON_PAGE_DEPTH = 512;

/** True when the JSON text in `bytes` nests arrays and objects deeper than `limit` (brackets in strings don't count). */
export function nestsDeeperThan(bytes: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (inString) {
      if (b === 0x5c) i++; // a backslash escapes the next byte, `\"` included
      else if (b === 0x22) inString = false;
    } else if (b === 0x22) inString = true;
    else if (b === 0x5b || b === 0x7b) {
      if (++depth > limit) return true;
    } else if (b === 0x5d || b === 0x7d) depth--;
  }
  return false;
}

/** True when the JSON in `bytes` is parsed on the page: small and not deeply nested. */
export function jsonParsedOnPage(bytes: Uint8Array): boolean {
  return parsedOnPage(bytes.length) && !nestsDeeperThan(bytes, ON_PAGE_DEPTH);
}

/** JSON text as a value. Strict UTF-8, as the worker decodes it, so both give the same errors. */
export function decodeJson(bytes: Uint8Array): unknown {
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
}

export type ParsedJson = { ok: true; value: unknown; root: JsonNode } | { ok: false; error: string };

/** Parse `bytes` as JSON; a failure is a value (the view falls back to text with the reason). */
export function parseJson(bytes: Uint8Array): ParsedJson {
  try {
    const value = decodeJson(bytes);
    return { ok: true, value, root: jsonNode(value, []) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** A page of the children at `path` of a parsed document (empty if it did not parse). */
export function childrenOf(parsed: ParsedJson, path: JsonPath, offset: number, limit: number): { nodes: JsonNode[]; total: number } {
  return parsed.ok ? jsonChildren(parsed.value, path, offset, limit) : { nodes: [], total: 0 };
}
