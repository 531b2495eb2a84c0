import { describe, expect, it } from 'vitest';
import type { ExportEntry, ValType } from '../../wasm/types';
import { pluginFunctions } from './callables';

const fn = (name: string, params: ValType[] = [], results: ValType[] = ['i32']): ExportEntry => ({
  name,
  index: 0,
  desc: { kind: 'func', type: { params, results }, typeIndex: 0 },
});

describe('pluginFunctions', () => {
  it('keeps () -> i32 and () -> () exports in order', () => {
    expect(pluginFunctions([fn('count_vowels'), fn('greet', [], []), fn('zeta')])).toEqual(['count_vowels', 'greet', 'zeta']);
  });

  it('drops exports with parameters or other results, and non-functions', () => {
    const memory: ExportEntry = { name: 'memory', index: 0, desc: { kind: 'memory', limits: { min: 1 } } };
    const global: ExportEntry = { name: 'counter', index: 0, desc: { kind: 'global', type: 'i32', mutable: false } };
    expect(pluginFunctions([memory, global, fn('add', ['i32', 'i32']), fn('big', [], ['i64']), fn('pair', [], ['i32', 'i32']), fn('ok')])).toEqual(['ok']);
  });

  it('drops ABI internals and toolchain helpers', () => {
    const helpers = [
      '_start',
      '_initialize',
      '__wasm_call_ctors',
      '__data_end',
      'asyncify_get_state',
      'malloc',
      'free',
      'calloc',
      'realloc',
      'cabi_realloc',
      'cabi_post_run',
      'alloc',
      'length',
      'input_length',
      'get_log_level',
      'stackSave',
      'emscripten_stack_get_end',
    ];
    expect(pluginFunctions([...helpers.map((n) => fn(n)), fn('run')])).toEqual(['run']);
  });
});
