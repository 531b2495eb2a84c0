/** What the worker calls: parse, then kind and capabilities for core modules. Never throws. */
import type { ExportEntry, ImportEntry, ModuleKind, ParseResult } from './types';
import { parseModule } from './parse';
import { capabilitiesFromImports } from './capabilities';

/** Tells a core module's kind from its imports and exports (the runner registry does: src/runners/registry.ts). */
export type KindDetector = (imports: readonly ImportEntry[], exports: readonly ExportEntry[]) => Exclude<ModuleKind, 'component'>;

/** Analyse module bytes: format, kind (by `detect`), imports, exports with signatures, capabilities, sections. */
export function analyseModule(bytes: Uint8Array, detect: KindDetector): ParseResult {
  const parsed = parseModule(bytes);
  if (!parsed.ok || parsed.analysis.format !== 'core') return parsed;
  const analysis = parsed.analysis;
  try {
    analysis.kind = detect(analysis.imports, analysis.exports);
    analysis.capabilities = capabilitiesFromImports(analysis.imports);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { message: `internal error while analysing: ${message}`, offset: 0 } };
  }
  return parsed;
}
