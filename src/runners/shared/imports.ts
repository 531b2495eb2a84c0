/** Imports a runner does not provide, and the one "link" error that lists them (grouped, counted). */
import type { RunError } from '../../model/errors';
import type { ImportEntry } from '../../wasm/types';

/** Names listed per import module before "and N more". */
const NAMES_SHOWN = 8;

/** What a runner's host provides: for each import module, the names in it (a mistyped name in a provided module is still missing). */
export type ProvidedImports = Readonly<Record<string, readonly string[]>>;

/** Imports neither the runner's host provides (module and name) nor a linked module supplies. */
export function unprovidedImports(imports: readonly ImportEntry[], provides: ProvidedImports, linked: ReadonlySet<string> = new Set()): ImportEntry[] {
  return imports.filter((i) => !linked.has(i.module) && !(Object.hasOwn(provides, i.module) && provides[i.module]!.includes(i.name)));
}

/** Stubs and host imports merged module by module: a stub for a name the host lacks survives beside the host's own. */
export function mergeImports(...parts: WebAssembly.Imports[]): WebAssembly.Imports {
  const merged: Record<string, Record<string, WebAssembly.ImportValue>> = {};
  for (const part of parts) for (const [module, names] of Object.entries(part)) merged[module] = { ...merged[module], ...(names as Record<string, WebAssembly.ImportValue>) };
  return merged;
}

const NOUNS: Record<ImportEntry['desc']['kind'], [string, string]> = {
  func: ['function', 'functions'],
  memory: ['memory', 'memories'],
  table: ['table', 'tables'],
  global: ['global', 'globals'],
  tag: ['exception tag', 'exception tags'],
};

/** "3 functions, 1 memory, 1 global": counted by kind, so a memory is not called a function. */
export function describeImportCounts(imports: readonly ImportEntry[]): string {
  const counts = new Map<ImportEntry['desc']['kind'], number>();
  for (const i of imports) counts.set(i.desc.kind, (counts.get(i.desc.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${NOUNS[kind][n === 1 ? 0 : 1]}`).join(', ');
}

/** "env: 3 functions (log, now, rand); host: 1 memory (mem), 1 global (g)": by module, kinds counted apart. */
export function describeImports(imports: readonly ImportEntry[]): string {
  const byModule = new Map<string, Map<ImportEntry['desc']['kind'], string[]>>();
  for (const i of imports) {
    const kinds = byModule.get(i.module) ?? new Map<ImportEntry['desc']['kind'], string[]>();
    byModule.set(i.module, kinds);
    kinds.set(i.desc.kind, [...(kinds.get(i.desc.kind) ?? []), i.name]);
  }
  return [...byModule]
    .map(([module, kinds]) => {
      const parts = [...kinds].map(([kind, names]) => {
        const [one, many] = NOUNS[kind];
        const shown = names.slice(0, NAMES_SHOWN).join(', ');
        const more = names.length > NAMES_SHOWN ? ` and ${names.length - NAMES_SHOWN} more` : '';
        return `${names.length} ${names.length === 1 ? one : many} (${shown}${more})`;
      });
      return `${module}: ${parts.join(', ')}`;
    })
    .join('; ');
}

/** The error for a run whose imports nothing provides, with the way out. */
export function missingImportsError(missing: ImportEntry[], func: string, subject: 'module' | 'program' | 'plugin'): RunError {
  const n = missing.length;
  return {
    code: 'link',
    func,
    missing,
    message: `The ${subject} needs ${n} import${n === 1 ? '' : 's'} that no host provides — ${describeImports(missing)}. Tick "Stub missing imports" to run it with stubs that return zeros and log every call.`,
  };
}
