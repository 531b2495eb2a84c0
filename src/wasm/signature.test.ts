import { describe, expect, it } from 'vitest';
import type { ExportEntry, ExternDesc, FuncType, ImportEntry, ValType } from './types';
import { formatExport, formatFuncType, formatImport, isCallableFromForm, notCallableReason } from './signature';

const exp = (name: string, desc: ExternDesc): ExportEntry => ({ name, index: 0, desc });
const func = (params: ValType[], results: ValType[]): FuncType => ({ params, results });

describe('formatFuncType', () => {
  it('prints params, then one result bare or several in parentheses', () => {
    expect(formatFuncType(func(['i32', 'i32'], ['i32']))).toBe('(i32, i32) -> i32');
    expect(formatFuncType(func(['i32'], []))).toBe('(i32)');
    expect(formatFuncType(func([], []))).toBe('()');
    expect(formatFuncType(func([], ['i32', 'i64']))).toBe('() -> (i32, i64)');
  });
});

describe('formatExport / formatImport', () => {
  it('prints functions as name plus signature', () => {
    expect(formatExport(exp('add', { kind: 'func', typeIndex: 0, type: func(['i32', 'i32'], ['i32']) }))).toBe('add(i32, i32) -> i32');
  });
  it('prints memories in pages with max, shared and memory64', () => {
    expect(formatExport(exp('mem', { kind: 'memory', limits: { min: 1, max: 16 } }))).toBe('mem: memory (1 page, max 16)');
    expect(formatExport(exp('mem', { kind: 'memory', limits: { min: 2 } }))).toBe('mem: memory (2 pages)');
    expect(formatExport(exp('mem', { kind: 'memory', limits: { min: 1, max: 16, shared: true } }))).toBe('mem: memory (1 page, max 16, shared)');
    expect(formatExport(exp('mem', { kind: 'memory', limits: { min: 0, memory64: true } }))).toBe('mem: memory (0 pages, memory64)');
  });
  it('prints tables, globals and tags', () => {
    expect(formatExport(exp('tbl', { kind: 'table', element: 'funcref', limits: { min: 1, max: 10 } }))).toBe('tbl: table funcref (min 1, max 10)');
    expect(formatExport(exp('tbl', { kind: 'table', element: 'externref', limits: { min: 0 } }))).toBe('tbl: table externref (min 0)');
    expect(formatExport(exp('g', { kind: 'global', type: 'i32', mutable: true }))).toBe('g: global mut i32');
    expect(formatExport(exp('g', { kind: 'global', type: 'i32', mutable: false }))).toBe('g: global i32');
    expect(formatExport(exp('t', { kind: 'tag', type: func(['i32'], []) }))).toBe('t: tag (i32)');
    expect(formatExport(exp('t', { kind: 'tag', type: null }))).toBe('t: tag');
  });
  it('names imports module.name', () => {
    const imp = (desc: ExternDesc): ImportEntry => ({ module: 'env', name: 'x', desc });
    expect(formatImport(imp({ kind: 'func', typeIndex: 0, type: func(['i32'], []) }))).toBe('env.x(i32)');
    expect(formatImport(imp({ kind: 'memory', limits: { min: 1 } }))).toBe('env.x: memory (1 page)');
    expect(formatImport(imp({ kind: 'global', type: 'f64', mutable: false }))).toBe('env.x: global f64');
  });
});

describe('isCallableFromForm', () => {
  it('accepts numbers only, and says why not otherwise', () => {
    expect(isCallableFromForm(func(['i32', 'i64', 'f32', 'f64'], ['f64', 'i32']))).toBe(true);
    expect(notCallableReason(func(['i32'], ['i64']))).toBeNull();
    expect(isCallableFromForm(func(['v128'], []))).toBe(false);
    expect(isCallableFromForm(func([], ['externref']))).toBe(false);
    expect(notCallableReason(func(['v128', 'externref', 'v128'], []))).toBe(
      "v128 and reference types can't be entered in the form (this function uses v128, externref).",
    );
  });
});
