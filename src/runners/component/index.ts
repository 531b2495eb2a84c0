/** WebAssembly components (WASI 0.2): recognised by their header; running them through jco has not landed. */
import type { Runner } from '../types';

export const COMPONENT_NOT_YET =
  'WebAssembly components are recognised but cannot run yet: running them needs transpiling with jco, which has not landed.';

export const componentRunner: Runner<'component'> = {
  kind: 'component',
  label: 'Component',
  runAs: false,
  // The analyser tells components by their header; no core module is one.
  detect: () => false,
  provides: {},
  uses: { args: false, input: false, wasi: false, plugin: false },
  callables: () => [],
  defaultFunc: () => null,
  build: async (spec) => ({ code: 'unsupported', func: spec.func, message: COMPONENT_NOT_YET }),
  result: () => ({}),
};
