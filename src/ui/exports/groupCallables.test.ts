import { describe, expect, it } from 'vitest';
import type { Callable } from '../../runners/types';
import { groupCallables, optionLabel } from './groupCallables';

const c = (name: string, group?: string): Callable => ({ name, signature: '()', params: null, ...(group ? { group } : {}) });

describe('groupCallables', () => {
  it('makes one group per interface where it first appears, resources under their own heading', () => {
    const groups = groupCallables([
      c('wasi:cli/run@0.2.0#run', 'wasi:cli/run@0.2.0'),
      c('a:b/c#one', 'a:b/c'),
      c('a:b/c#[constructor]counter', 'a:b/c › counter'),
      c('a:b/c#[method]counter.inc', 'a:b/c › counter'),
      c('a:b/c#two', 'a:b/c'),
      c('hello'),
      c('bye'),
    ]);
    expect(groups.map((g) => [g.group, g.items.map((i) => i.name)])).toEqual([
      ['wasi:cli/run@0.2.0', ['wasi:cli/run@0.2.0#run']],
      ['a:b/c', ['a:b/c#one', 'a:b/c#two']],
      ['a:b/c › counter', ['a:b/c#[constructor]counter', 'a:b/c#[method]counter.inc']],
      [null, ['hello', 'bye']],
    ]);
  });

  it('leaves core exports ungrouped and in order', () => {
    expect(groupCallables([c('a'), c('b')])).toEqual([{ group: null, items: [c('a'), c('b')] }]);
  });

  it('labels WIT functions by their own name, core ones by export name', () => {
    const wit: Callable = { name: 'docs:adder/add@0.1.0#add', signature: '(x: u32, y: u32) -> u32', params: null, wit: { name: 'add', binaryName: 'add', kind: 'freestanding', params: [], result: null } };
    expect(optionLabel(wit)).toBe('add(x: u32, y: u32) -> u32');
    expect(optionLabel({ name: 'add', signature: '(i32, i32) -> i32', params: ['i32', 'i32'] })).toBe('add(i32, i32) -> i32');
  });
});
