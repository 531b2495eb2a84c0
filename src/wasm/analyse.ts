/** What the worker calls: parse, then kind and capabilities for core modules. Never throws. */
import type { ParseResult } from './types';
import { parseModule } from './parse';
import { detectKind } from './detect';
import { capabilitiesFromImports } from './capabilities';

/** Analyse module bytes: format, kind, imports, exports with signatures, capabilities, sections. */
export function analyseModule(bytes: Uint8Array): ParseResult {
  const parsed = parseModule(bytes);
  if (!parsed.ok || parsed.analysis.format !== 'core') return parsed;
  const analysis = parsed.analysis;
  try {
    analysis.kind = detectKind(analysis.imports, analysis.exports);
    analysis.capabilities = capabilitiesFromImports(analysis.imports);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { message: `internal error while analysing: ${message}`, offset: 0 } };
  }
  return parsed;
}
