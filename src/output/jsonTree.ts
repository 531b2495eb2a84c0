/**
 * The JSON tree view's model. The worker parses the document and keeps it; the view asks for the
 * children of a node when it is expanded, a page at a time, so a big document never crosses to
 * the main thread whole.
 */

export type JsonKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

/** Keys from the root: object keys and array indexes. */
export type JsonPath = (string | number)[];

export interface JsonNode {
  /** Key in the parent object, index in the parent array, null for the root. */
  key: string | number | null;
  path: JsonPath;
  kind: JsonKind;
  /** Scalars: the value as JSON text (long strings cut with "…"). Containers: empty. */
  text: string;
  /** Containers: number of entries. Scalars: 0. */
  size: number;
}

/** Characters of a string value shown at most. */
export const JSON_TEXT_LIMIT = 2000;

/** Children fetched per request; "Show more" asks for the next page. */
export const JSON_PAGE = 200;

/** Documents larger than this are shown as text instead of a tree. */
export const JSON_TREE_LIMIT = 32 * 1024 * 1024;

export function jsonKind(value: unknown): JsonKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'object';
  }
}

/** The node for `value` found at `path`. */
export function jsonNode(value: unknown, path: JsonPath): JsonNode {
  const kind = jsonKind(value);
  const key = path.length === 0 ? null : path[path.length - 1]!;
  if (kind === 'array') return { key, path, kind, text: '', size: (value as unknown[]).length };
  if (kind === 'object') return { key, path, kind, text: '', size: Object.keys(value as object).length };
  let text = JSON.stringify(value);
  if (kind === 'string' && text.length > JSON_TEXT_LIMIT) text = `${text.slice(0, JSON_TEXT_LIMIT)}…"`;
  return { key, path, kind, text, size: 0 };
}

/** Children `offset`…`offset + limit` of the container at `path`, and how many it has in all. */
export function jsonChildren(root: unknown, path: JsonPath, offset: number, limit: number): { nodes: JsonNode[]; total: number } {
  const found = valueAt(root, path);
  if (!found.ok) return { nodes: [], total: 0 };
  const value = found.value;
  if (Array.isArray(value)) {
    const nodes: JsonNode[] = [];
    for (let i = offset; i < Math.min(value.length, offset + limit); i++) nodes.push(jsonNode(value[i], [...path, i]));
    return { nodes, total: value.length };
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    const record = value as Record<string, unknown>;
    const nodes = keys.slice(offset, offset + limit).map((k) => jsonNode(record[k], [...path, k]));
    return { nodes, total: keys.length };
  }
  return { nodes: [], total: 0 };
}

/**
 * The value at `path`. Only own properties are followed: a path of `__proto__` or
 * `constructor` from a message must not reach Object.prototype.
 */
export function valueAt(root: unknown, path: JsonPath): { ok: true; value: unknown } | { ok: false } {
  let value = root;
  for (const step of path) {
    if (Array.isArray(value)) {
      if (typeof step !== 'number' || !Number.isInteger(step) || step < 0 || step >= value.length) return { ok: false };
      value = value[step];
    } else if (value !== null && typeof value === 'object' && typeof step === 'string' && Object.hasOwn(value, step)) {
      value = (value as Record<string, unknown>)[step];
    } else {
      return { ok: false };
    }
  }
  return { ok: true, value };
}
