/** What a check reads of an analysed module: function imports and exports with their types, and the size. */
import type { ModuleAnalysis } from '../types';
import type { CheckedModule } from './types';

export function checkedModuleOf(analysis: ModuleAnalysis, size: number): CheckedModule {
  if (analysis.format !== 'core') return { format: 'component', size, imports: [], exports: [] };
  return {
    format: 'core',
    size,
    imports: analysis.imports.flatMap((i) => (i.desc.kind === 'func' ? [{ module: i.module, name: i.name, type: i.desc.type }] : [])),
    exports: analysis.exports.flatMap((e) => (e.desc.kind === 'func' ? [{ name: e.name, type: e.desc.type }] : [])),
  };
}

/** Whether the module has a wascap claims section at its top level. */
export function hasClaimsSection(analysis: ModuleAnalysis): boolean {
  return analysis.customSections.some((n) => n === 'jwt' || n === 'wasmcloud_jwt');
}
