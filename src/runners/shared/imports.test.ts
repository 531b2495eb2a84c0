import { describe, expect, it } from 'vitest';
import type { ImportEntry } from '../../wasm/types';
import { describeImports, mergeImports, missingImportsError, unprovidedImports } from './imports';

const fn = (module: string, name: string): ImportEntry => ({ module, name, desc: { kind: 'func', type: { params: [], results: [] }, typeIndex: 0 } });
const mem = (module: string, name: string): ImportEntry => ({ module, name, desc: { kind: 'memory', limits: { min: 1 } } });
const glob = (module: string, name: string): ImportEntry => ({ module, name, desc: { kind: 'global', type: 'i32', mutable: false } });

describe('unprovidedImports', () => {
  it('drops provided names and linked modules; a mistyped name in a provided module stays missing', () => {
    const list = [fn('wasi_snapshot_preview1', 'fd_write'), fn('wasi_snapshot_preview1', 'Fd_write'), fn('env', 'log'), fn('lib', 'f')];
    const missing = unprovidedImports(list, { wasi_snapshot_preview1: ['fd_write'] }, new Set(['lib']));
    expect(missing.map((i) => `${i.module}.${i.name}`)).toEqual(['wasi_snapshot_preview1.Fd_write', 'env.log']);
  });
});

describe('mergeImports', () => {
  it('merges module by module, later parts winning per name', () => {
    const stub = () => 0;
    const real = () => 1;
    const merged = mergeImports({ wasi: { fd_write: stub, Fd_write: stub } }, { wasi: { fd_write: real } }) as Record<string, Record<string, unknown>>;
    expect(merged.wasi).toEqual({ fd_write: real, Fd_write: stub });
  });
});

describe('describeImports', () => {
  it('groups by module and counts memories, tables and globals apart from functions', () => {
    expect(describeImports([fn('env', 'log'), fn('env', 'now'), mem('env', 'memory'), glob('host', 'g')])).toBe('env: 2 functions (log, now), 1 memory (memory); host: 1 global (g)');
  });

  it('truncates long lists with a count', () => {
    const many = Array.from({ length: 24 }, (_, i) => fn('env', `f${i}`));
    const text = describeImports(many);
    expect(text).toMatch(/^env: 24 functions \(f0, f1, f2, f3, f4, f5, f6, f7 and 16 more\)$/);
    expect(text.length).toBeLessThan(120);
  });
});

describe('missingImportsError', () => {
  it('says how many, what, and how to run anyway', () => {
    const error = missingImportsError([fn('env', 'log')], 'run', 'plugin');
    expect(error).toMatchObject({ code: 'link', func: 'run' });
    expect(error.message).toBe('The plugin needs 1 import that no host provides — env: 1 function (log). Tick "Stub missing imports" to run it with stubs that return zeros and log every call.');
  });
});
