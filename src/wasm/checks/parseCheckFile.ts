/**
 * Parse a check file (Modsurfer's `validate` schema, `cli/src/cmd/validate.rs`, which serde reads
 * with `deny_unknown_fields`) with its lines, so every problem can say where it is. YAML aliases
 * are allowed but bounded: a file whose aliases expand without bound ("billion laughs") is refused.
 */
import type { Node, Pair } from 'yaml';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { MAX_CHECK_FILE_BYTES } from './types';
import type { CheckProblem } from './types';

/** yaml's own guard: aliases may expand to at most this many times their anchors' size. */
const MAX_ALIAS_COUNT = 100;
/** Nodes visited, aliases included: a second bound on the walk below. */
const MAX_NODES = 200_000;

export const VAL_TYPES = ['I32', 'I64', 'F32', 'F64', 'V128', 'FuncRef', 'ExternRef'] as const;
export type ValTypeName = (typeof VAL_TYPES)[number];
export type RiskLevel = 'low' | 'medium' | 'high';

export interface FunctionItem {
  name: string;
  namespace?: string;
  params?: ValTypeName[];
  results?: ValTypeName[];
  line: number;
}

export interface NamespaceItem {
  name: string;
  functions: FunctionItem[];
  line: number;
}

export interface CheckFile {
  url?: { value: string; line: number };
  allowWasi?: { value: boolean; line: number };
  imports?: { include?: FunctionItem[]; exclude?: FunctionItem[]; namespace?: { include?: NamespaceItem[]; exclude?: NamespaceItem[] } };
  exports?: { include?: FunctionItem[]; exclude?: FunctionItem[]; max?: { value: number; line: number } };
  size?: { max?: { text: string; bytes: number; line: number } };
  complexity?: { maxRisk?: { value: RiskLevel; line: number }; maxScore?: { value: number; line: number } };
}

export type ParsedCheckFile = { ok: true; file: CheckFile } | { ok: false; errors: CheckProblem[] };

class Problems extends Error {}

export function parseCheckFile(text: string): ParsedCheckFile {
  if (text.length > MAX_CHECK_FILE_BYTES) return { ok: false, errors: [{ message: `The check file is ${text.length} characters; at most ${MAX_CHECK_FILE_BYTES} are read. A check file is a few lines of YAML.` }] };
  if (text.trim() === '') return { ok: false, errors: [{ message: 'The check file is empty. It needs a top-level "validate:" key (Generate check file writes one).' }] };
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    return { ok: false, errors: doc.errors.slice(0, 10).map((e) => ({ message: `Bad YAML: ${(e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, '')}.`, ...(e.linePos ? { line: e.linePos[0].line } : {}) })) };
  }
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const bomb = err instanceof ReferenceError && /alias/i.test(err.message);
    return { ok: false, errors: [{ message: bomb ? `Refused: the file's YAML aliases expand without bound (more than ${MAX_ALIAS_COUNT}× their anchors), the pattern of a "YAML bomb".` : `The YAML could not be read: ${err instanceof Error ? err.message : String(err)}.` }] };
  }
  const walker = new Walker(doc, lines);
  try {
    const file = walker.file(doc.contents);
    return walker.errors.length ? { ok: false, errors: walker.errors } : { ok: true, file };
  } catch (err) {
    if (err instanceof Problems) return { ok: false, errors: walker.errors };
    throw err;
  }
}

/** Size with units, as the `parse-size` crate Modsurfer uses reads it: "4MiB", "4 MB", "1.5k", "1024". */
export function parseSize(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgtpe]?)(i?)b?\s*$/i.exec(text);
  if (!m) return null;
  const [, num = '', prefix = '', binary = ''] = m;
  if (binary && !prefix) return null;
  const power = prefix ? 'kmgtpe'.indexOf(prefix.toLowerCase()) + 1 : 0;
  // parse-size: k = 1000, Ki = 1024; a trailing "B" changes nothing.
  const base = binary ? 1024 : 1000;
  const bytes = Number(num) * base ** power;
  return Number.isFinite(bytes) ? Math.round(bytes) : null;
}

type Shape = Record<string, (node: Node | null, line: number) => void>;

class Walker {
  readonly errors: CheckProblem[] = [];
  private visited = 0;

  constructor(
    private readonly doc: ReturnType<typeof parseDocument>,
    private readonly lines: LineCounter,
  ) {}

  line(node: { range?: [number, number, number] | null } | null | undefined): number {
    return node?.range ? this.lines.linePos(node.range[0]).line : 1;
  }

  private fail(message: string, line: number): never {
    this.errors.push({ message, line });
    throw new Problems();
  }

  /** The node an alias points to; the walk is bounded (the toJS pass above bounds expansion too). */
  private deref(node: unknown): Node | null {
    if (++this.visited > MAX_NODES) this.fail(`Refused: the file has more than ${MAX_NODES} YAML nodes once aliases are expanded.`, 1);
    if (isAlias(node)) return (node.resolve(this.doc) as Node | undefined) ?? null;
    return (node as Node | null) ?? null;
  }

  private map(node: Node | null, line: number, path: string, shape: Shape): void {
    const n = this.deref(node);
    if (n === null || (isScalar(n) && n.value === null)) return;
    if (!isMap(n)) this.fail(`${path} must be a mapping of keys (${Object.keys(shape).join(', ')}).`, this.line(n) || line);
    for (const pair of n.items as Pair<Node, Node>[]) {
      const key = this.deref(pair.key);
      const name = isScalar(key) ? String(key.value) : '?';
      const at = this.line(key);
      const read = shape[name];
      if (!read) this.fail(`Unknown key "${name}" in ${path}: expected one of ${Object.keys(shape).join(', ')}.`, at);
      read(pair.value, at);
    }
  }

  private scalar(node: Node | null, line: number, path: string): unknown {
    const n = this.deref(node);
    if (!isScalar(n)) this.fail(`${path} must be a single value.`, line);
    return n.value;
  }

  private string(node: Node | null, line: number, path: string): string {
    const v = this.scalar(node, line, path);
    if (typeof v !== 'string' || v === '') this.fail(`${path} must be a non-empty text.`, line);
    return v;
  }

  private seq<T>(node: Node | null, line: number, path: string, item: (node: Node | null, line: number) => T): T[] {
    const n = this.deref(node);
    if (n === null || (isScalar(n) && n.value === null)) return [];
    if (!isSeq(n)) this.fail(`${path} must be a list.`, line);
    return (n.items as Node[]).map((i) => item(i, this.line(this.deref(i)) || line));
  }

  private valTypes(node: Node | null, line: number, path: string): ValTypeName[] {
    return this.seq(node, line, path, (n, l) => {
      const v = this.scalar(n, l, path);
      if (!VAL_TYPES.includes(v as ValTypeName)) this.fail(`${path}: ${JSON.stringify(v)} is not a value type; use ${VAL_TYPES.join(', ')}.`, l);
      return v as ValTypeName;
    });
  }

  private functionItem(path: string, withNamespace: boolean) {
    return (node: Node | null, line: number): FunctionItem => {
      const n = this.deref(node);
      if (isScalar(n)) return { name: this.string(n, line, path), line };
      const item: Partial<FunctionItem> & { line: number } = { line };
      const shape: Shape = {
        name: (v, l) => (item.name = this.string(v, l, `${path}.name`)),
        params: (v, l) => (item.params = this.valTypes(v, l, `${path}.params`)),
        results: (v, l) => (item.results = this.valTypes(v, l, `${path}.results`)),
      };
      if (withNamespace) shape.namespace = (v, l) => (item.namespace = this.string(v, l, `${path}.namespace`));
      this.map(n, line, `an item of ${path}`, shape);
      if (!item.name) this.fail(`An item of ${path} has no name.`, line);
      return item as FunctionItem;
    };
  }

  private namespaceItem(path: string) {
    return (node: Node | null, line: number): NamespaceItem => {
      const n = this.deref(node);
      if (isScalar(n)) return { name: this.string(n, line, path), functions: [], line };
      const item: { name?: string; functions: FunctionItem[]; line: number } = { functions: [], line };
      this.map(n, line, `an item of ${path}`, {
        name: (v, l) => (item.name = this.string(v, l, `${path}.name`)),
        functions: (v, l) => (item.functions = this.seq(v, l, `${path}.functions`, this.functionItem(`${path}.functions`, false))),
      });
      if (!item.name) this.fail(`An item of ${path} has no name.`, line);
      return item as NamespaceItem;
    };
  }

  private count(node: Node | null, line: number, path: string): number {
    const v = this.scalar(node, line, path);
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffffffff) this.fail(`${path} must be a whole number ≥ 0, not ${JSON.stringify(v)}.`, line);
    return v;
  }

  file(root: unknown): CheckFile {
    const file: CheckFile = {};
    let sawValidate = false;
    this.map(this.deref(root), 1, 'the check file', {
      validate: (node, line) => {
        sawValidate = true;
        this.map(node, line, 'validate', {
          url: (v, l) => (file.url = { value: this.string(v, l, 'validate.url'), line: l }),
          allow_wasi: (v, l) => {
            const value = this.scalar(v, l, 'validate.allow_wasi');
            if (typeof value !== 'boolean') this.fail(`validate.allow_wasi must be true or false, not ${JSON.stringify(value)}.`, l);
            file.allowWasi = { value, line: l };
          },
          imports: (v, l) => {
            const imports: NonNullable<CheckFile['imports']> = (file.imports = {});
            this.map(v, l, 'validate.imports', {
              include: (x, xl) => (imports.include = this.seq(x, xl, 'imports.include', this.functionItem('imports.include', true))),
              exclude: (x, xl) => (imports.exclude = this.seq(x, xl, 'imports.exclude', this.functionItem('imports.exclude', true))),
              namespace: (x, xl) => {
                const ns: NonNullable<NonNullable<CheckFile['imports']>['namespace']> = (imports.namespace = {});
                this.map(x, xl, 'validate.imports.namespace', {
                  include: (y, yl) => (ns.include = this.seq(y, yl, 'imports.namespace.include', this.namespaceItem('imports.namespace.include'))),
                  exclude: (y, yl) => (ns.exclude = this.seq(y, yl, 'imports.namespace.exclude', this.namespaceItem('imports.namespace.exclude'))),
                });
              },
            });
          },
          exports: (v, l) => {
            const exports: NonNullable<CheckFile['exports']> = (file.exports = {});
            this.map(v, l, 'validate.exports', {
              include: (x, xl) => (exports.include = this.seq(x, xl, 'exports.include', this.functionItem('exports.include', false))),
              exclude: (x, xl) => (exports.exclude = this.seq(x, xl, 'exports.exclude', this.functionItem('exports.exclude', false))),
              max: (x, xl) => (exports.max = { value: this.count(x, xl, 'validate.exports.max'), line: xl }),
            });
          },
          size: (v, l) => {
            const size: NonNullable<CheckFile['size']> = (file.size = {});
            this.map(v, l, 'validate.size', {
              max: (x, xl) => {
                const raw = this.scalar(x, xl, 'validate.size.max');
                const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : '';
                const bytes = parseSize(text);
                if (bytes === null) this.fail(`validate.size.max: ${JSON.stringify(raw)} is not a size; write e.g. 4MiB, 500 KB or 1048576.`, xl);
                size.max = { text, bytes, line: xl };
              },
            });
          },
          complexity: (v, l) => {
            const c: NonNullable<CheckFile['complexity']> = (file.complexity = {});
            this.map(v, l, 'validate.complexity', {
              max_risk: (x, xl) => {
                const value = this.scalar(x, xl, 'validate.complexity.max_risk');
                if (value !== 'low' && value !== 'medium' && value !== 'high') this.fail(`validate.complexity.max_risk must be low, medium or high, not ${JSON.stringify(value)}.`, xl);
                c.maxRisk = { value, line: xl };
              },
              max_score: (x, xl) => (c.maxScore = { value: this.count(x, xl, 'validate.complexity.max_score'), line: xl }),
            });
          },
        });
      },
    });
    if (!sawValidate) this.fail('The check file has no top-level "validate:" key.', 1);
    return file;
  }
}
