/** Text forms of types, imports and exports for the UI, e.g. `add(i32, i32) -> i32`. */
import type { ExportEntry, ExternDesc, FuncType, ImportEntry, Limits, ValType } from './types';

const FORM_TYPES: ReadonlySet<ValType> = new Set<ValType>(['i32', 'i64', 'f32', 'f64']);

/** `(i32, i32) -> i32`; `(i32)` without results; `() -> (i32, i64)` with several. */
export function formatFuncType(type: FuncType): string {
  const params = `(${type.params.join(', ')})`;
  if (type.results.length === 0) return params;
  if (type.results.length === 1) return `${params} -> ${type.results[0]}`;
  return `${params} -> (${type.results.join(', ')})`;
}

/** `1 page, max 16, shared`: a memory's limits in pages, as in the text format. */
function formatMemoryLimits(limits: Limits): string {
  const parts = [`${limits.min} ${limits.min === 1 ? 'page' : 'pages'}`];
  if (limits.max !== undefined) parts.push(`max ${limits.max}`);
  if (limits.shared) parts.push('shared');
  if (limits.memory64) parts.push('memory64');
  return parts.join(', ');
}

function formatTableLimits(limits: Limits): string {
  const parts = [`min ${limits.min}`];
  if (limits.max !== undefined) parts.push(`max ${limits.max}`);
  if (limits.shared) parts.push('shared');
  if (limits.memory64) parts.push('table64');
  return parts.join(', ');
}

/** One extern after its name: a function's signature directly, other kinds after `: `. */
function formatDesc(name: string, desc: ExternDesc): string {
  switch (desc.kind) {
    case 'func':
      return `${name}${formatFuncType(desc.type)}`;
    case 'memory':
      return `${name}: memory (${formatMemoryLimits(desc.limits)})`;
    case 'table':
      return `${name}: table ${desc.element} (${formatTableLimits(desc.limits)})`;
    case 'global':
      return `${name}: global ${desc.mutable ? 'mut ' : ''}${desc.type}`;
    case 'tag':
      return desc.type ? `${name}: tag (${desc.type.params.join(', ')})` : `${name}: tag`;
  }
}

/** An export as one line, e.g. `add(i32, i32) -> i32` or `mem: memory (1 page, max 16)`. */
export function formatExport(e: ExportEntry): string {
  return formatDesc(e.name, e.desc);
}

/** An import as one line, named `module.name`, e.g. `env.log(i32)`. */
export function formatImport(i: ImportEntry): string {
  return formatDesc(`${i.module}.${i.name}`, i.desc);
}

/** True when every parameter and result is i32/i64/f32/f64, so the args form can call it. */
export function isCallableFromForm(type: FuncType): boolean {
  return type.params.every((t) => FORM_TYPES.has(t)) && type.results.every((t) => FORM_TYPES.has(t));
}

/** Why `type` can't be called from the form, or null when it can. */
export function notCallableReason(type: FuncType): string | null {
  const offending = [...new Set([...type.params, ...type.results].filter((t) => !FORM_TYPES.has(t)))];
  if (offending.length === 0) return null;
  return `v128 and reference types can't be entered in the form (this function uses ${offending.join(', ')}).`;
}
