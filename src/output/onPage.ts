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
