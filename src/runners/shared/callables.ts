/** Function exports as callables, with ABI internals marked (page side, shared by core-style runners). */
import { formatFuncType, notCallableReason } from '../../wasm/signature';
import type { ModuleAnalysis } from '../../wasm/types';
import type { Callable } from '../types';

/** Exports toolchains add for the runtime, not for people: hidden unless "Show all". */
const INTERNAL_NAMES = new Set([
  '_initialize',
  'cabi_realloc',
  'malloc',
  'free',
  'calloc',
  'realloc',
  'aligned_alloc',
  'stackSave',
  'stackRestore',
  'stackAlloc',
  'getTempRet0',
  'setTempRet0',
]);
const INTERNAL_PREFIXES = ['__', 'asyncify_', 'cabi_', 'emscripten_', '_emscripten_', 'wasm_bindgen_'];

/** True for names a person would rarely call: allocators, ctors, asyncify and component ABI helpers. */
export function isAbiInternal(name: string): boolean {
  return INTERNAL_NAMES.has(name) || INTERNAL_PREFIXES.some((p) => name.startsWith(p));
}

/** Every function export with its signature; form-incompatible ones disabled, internals marked. */
export function functionExports(analysis: ModuleAnalysis): Callable[] {
  if (analysis.format !== 'core') return [];
  return analysis.exports.flatMap((e): Callable[] => {
    if (e.desc.kind !== 'func') return [];
    const disabled = notCallableReason(e.desc.type);
    return [{ name: e.name, signature: formatFuncType(e.desc.type), params: e.desc.type.params, ...(disabled ? { disabled } : {}), ...(isAbiInternal(e.name) ? { internal: true } : {}) }];
  });
}

/** The first callable a person would pick: enabled and not internal, else any enabled one. */
export function firstCallable(callables: readonly Callable[]): string | null {
  return (callables.find((c) => !c.disabled && !c.internal) ?? callables.find((c) => !c.disabled) ?? callables[0])?.name ?? null;
}
