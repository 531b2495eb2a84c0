/** Which exports of an Extism plugin are plugin functions (DESIGN.md §3, Extism row). */
import type { ExportEntry } from '../../wasm/types';
import { KERNEL_FUNCS } from '../../host/extism/abi';
import { isAbiInternal } from '../shared/callables';

/** True for names a person would never call as a plugin function. */
export function isAbiHelper(name: string): boolean {
  return name === '_start' || isAbiInternal(name) || Object.hasOwn(KERNEL_FUNCS, name);
}

/**
 * Exports callable as plugin functions: `() -> i32` (the return code) or `() -> ()`,
 * minus ABI internals. Keeps export order.
 */
export function pluginFunctions(exports: readonly ExportEntry[]): string[] {
  const names: string[] = [];
  for (const entry of exports) {
    const desc = entry.desc;
    if (desc.kind !== 'func' || desc.type.params.length !== 0) continue;
    const results = desc.type.results;
    if (results.length > 1 || (results.length === 1 && results[0] !== 'i32')) continue;
    if (isAbiHelper(entry.name)) continue;
    names.push(entry.name);
  }
  return names;
}
