/** Core modules: anything no other runner claims. Exports called with typed arguments (DESIGN.md §3). */
import { argsFor } from '../shared/args';
import { firstCallable, functionExports } from '../shared/callables';
import { noSuchFunction } from '../shared/noSuchFunction';
import type { Runner } from '../types';

export const coreRunner: Runner<'core'> = {
  kind: 'core',
  label: 'Core module',
  runAs: true,
  detect: () => true,
  provides: {},
  uses: { args: true, input: false, wasi: false, plugin: false },
  callables: functionExports,
  defaultFunc: (analysis) => firstCallable(functionExports(analysis)),
  async build(spec, module) {
    const target = module.analysis.format === 'core' ? module.analysis.exports.find((e) => e.name === spec.func) : undefined;
    if (!target || target.desc.kind !== 'func') return noSuchFunction(spec.func, module.analysis);
    const args = argsFor(target.desc.type, spec.func, spec.args);
    if (!args.ok) return args.error;
    return { moduleId: module.id, mounts: [], message: { kind: 'core', func: spec.func, args: args.values, imports: spec.imports, repeat: spec.repeat } };
  },
  result: () => ({}),
};
