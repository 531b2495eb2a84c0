/**
 * The rule engine: a module against a check file, rule by rule as Modsurfer's `validate` does
 * (`cli/src/cmd/validate.rs`), but every rule is reported, passed or not, with what was found.
 * Differences, on purpose: `results` are compared with the function's results (Modsurfer compares
 * them with its params); complexity is "not measured" (Modsurfer computes it in a closed-source
 * plugin, so it cannot be reproduced here) and a rule not measured does not pass.
 */
import type { FuncType } from '../types';
import type { CheckFile, FunctionItem, ValTypeName } from './parseCheckFile';
import { parseCheckFile } from './parseCheckFile';
import type { CheckedModule, CheckReport, CheckRule } from './types';

const WASI_NAMESPACE = 'wasi_snapshot_preview1';

const VAL_NAMES: Record<string, ValTypeName> = { i32: 'I32', i64: 'I64', f32: 'F32', f64: 'F64', v128: 'V128', funcref: 'FuncRef', externref: 'ExternRef' };

/** Modsurfer's spelling of a wasm value type (its `ValType` enum in serde form). */
export function valTypeName(t: string): string {
  return VAL_NAMES[t] ?? t;
}

export function humanBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number(value.toFixed(1))} ${units[unit]}`;
}

export function checkModule(module: CheckedModule, text: string): CheckReport {
  if (module.format !== 'core') return { passed: false, rules: [], errors: [{ message: 'Check files describe core modules (their imports and exports); this is a component.' }] };
  const parsed = parseCheckFile(text);
  if (!parsed.ok) return { passed: false, rules: [], errors: parsed.errors };
  return runChecks(module, parsed.file);
}

export function runChecks(module: CheckedModule, file: CheckFile): CheckReport {
  const rules: CheckRule[] = [];
  const errors = [];
  if (file.url) errors.push({ message: `validate.url points to a remote check file (${file.url.value}); it is not fetched here. Paste that file instead.`, line: file.url.line });
  const add = (rule: string, passed: boolean, expected: string, found: string, line: number, classification: CheckRule['classification']) =>
    rules.push({ rule, status: passed ? 'pass' : 'fail', passed, expected, found, line, classification });

  const importKey = (ns: string, name: string) => `${ns}\u0000${name}`;
  const importsByKey = new Map(module.imports.map((i) => [importKey(i.module, i.name), i]));
  const importsByName = new Map<string, CheckedModule['imports'][number]>();
  for (const i of module.imports) if (!importsByName.has(i.name)) importsByName.set(i.name, i);
  const namespaces = new Set(module.imports.map((i) => i.module));
  const exportsByName = new Map(module.exports.map((e) => [e.name, e]));

  if (file.allowWasi) {
    const wasi = module.imports.filter((i) => i.module === WASI_NAMESPACE);
    const allowed = file.allowWasi.value;
    add('allow_wasi', allowed || wasi.length === 0, String(allowed), wasi.length ? `imports WASI: ${list(wasi.map((i) => `${i.module}.${i.name}`))}` : 'no WASI imports', file.allowWasi.line, 'ABI Compatibility');
  }

  const findImport = (item: FunctionItem) => (item.namespace !== undefined ? importsByKey.get(importKey(item.namespace, item.name)) : importsByName.get(item.name));
  const label = (item: FunctionItem) => (item.namespace !== undefined ? `${item.namespace}::${item.name}` : item.name);
  for (const item of file.imports?.include ?? []) {
    const found = findImport(item);
    add(`imports.include.${item.name}`, !!found, `imported${item.namespace ? ` from ${item.namespace}` : ''}`, found ? `imported: ${found.module}.${found.name}` : `not imported: no ${label(item)}`, item.line, 'ABI Compatibility');
    if (found) typeRules(`imports.include.${item.name}`, item, found.type, add);
  }
  for (const item of file.imports?.exclude ?? []) {
    const found = findImport(item);
    add(`imports.exclude.${item.name}`, !found, 'not imported', found ? `imported: ${found.module}.${found.name}` : 'not imported', item.line, 'ABI Compatibility');
  }
  for (const ns of file.imports?.namespace?.include ?? []) {
    const has = namespaces.has(ns.name);
    add(`imports.namespace.include.${ns.name}`, has, 'namespace imported', has ? `imports from ${ns.name}` : `no import from ${ns.name}${namespaces.size ? ` (namespaces: ${list([...namespaces])})` : ''}`, ns.line, 'ABI Compatibility');
    for (const f of ns.functions) {
      const found = importsByKey.get(importKey(ns.name, f.name));
      add(`imports.namespace.include.${ns.name}::${f.name}`, !!found, 'imported', found ? `imported: ${ns.name}.${f.name}` : `not imported: no ${ns.name}.${f.name}`, f.line, 'ABI Compatibility');
      if (found) typeRules(`imports.namespace.include.${ns.name}::${f.name}`, f, found.type, add);
    }
  }
  for (const ns of file.imports?.namespace?.exclude ?? []) {
    const from = module.imports.filter((i) => i.module === ns.name);
    add(`imports.namespace.exclude.${ns.name}`, from.length === 0, 'namespace not imported', from.length ? `imports from ${ns.name}: ${list(from.map((i) => i.name))}` : `no import from ${ns.name}`, ns.line, 'ABI Compatibility');
    for (const f of ns.functions) {
      const found = importsByKey.get(importKey(ns.name, f.name));
      add(`imports.namespace.exclude.${ns.name}::${f.name}`, !found, 'not imported', found ? `imported: ${ns.name}.${f.name}` : 'not imported', f.line, 'ABI Compatibility');
    }
  }

  if (file.exports?.max) {
    const n = module.exports.length;
    const max = file.exports.max.value;
    add('exports.max', n <= max, `<= ${max}`, `${n} function export${n === 1 ? '' : 's'}`, file.exports.max.line, 'Security');
  }
  for (const item of file.exports?.include ?? []) {
    const found = exportsByName.get(item.name);
    add(`exports.include.${item.name}`, !!found, 'exported', found ? 'exported' : `not exported: no function ${item.name}`, item.line, 'ABI Compatibility');
    if (found) typeRules(`exports.include.${item.name}`, item, found.type, add);
  }
  for (const item of file.exports?.exclude ?? []) {
    const found = exportsByName.get(item.name);
    add(`exports.exclude.${item.name}`, !found, 'not exported', found ? `exported: ${item.name}` : 'not exported', item.line, 'ABI Compatibility');
  }

  if (file.size?.max) {
    const { bytes, text, line } = file.size.max;
    add('size.max', module.size <= bytes, `<= ${text} (${bytes.toLocaleString('en-US')} bytes)`, `${humanBytes(module.size)} (${module.size.toLocaleString('en-US')} bytes)`, line, 'Resource Limit');
  }

  if (file.complexity) {
    const c = file.complexity;
    const expected = c.maxRisk ? `<= ${c.maxRisk.value}` : c.maxScore ? `score <= ${c.maxScore.value}` : 'a limit';
    rules.push({
      rule: c.maxScore && !c.maxRisk ? 'complexity.max_score' : 'complexity.max_risk',
      status: 'not-measured',
      passed: false,
      expected,
      found: "not measured: Modsurfer's complexity score comes from its closed-source parser plugin, so this app cannot compute it the same way. Remove complexity from the file to check the rest.",
      line: c.maxRisk?.line ?? c.maxScore?.line ?? 1,
      classification: 'Resource Limit',
    });
  }

  return { passed: errors.length === 0 && rules.every((r) => r.passed), rules, errors };
}

function typeRules(rule: string, item: FunctionItem, actual: FuncType, add: (rule: string, passed: boolean, expected: string, found: string, line: number, c: CheckRule['classification']) => void): void {
  const params = actual.params.map(valTypeName);
  const results = actual.results.map(valTypeName);
  if (item.params) add(`${rule}.params`, same(item.params, params), fmt(item.params), fmt(params), item.line, 'ABI Compatibility');
  if (item.results) add(`${rule}.results`, same(item.results, results), fmt(item.results), fmt(results), item.line, 'ABI Compatibility');
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const fmt = (types: readonly string[]) => `[${types.join(', ')}]`;
const list = (items: string[]) => (items.length > 5 ? `${items.slice(0, 5).join(', ')} and ${items.length - 5} more` : items.join(', '));
