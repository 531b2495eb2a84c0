/** A component binary's top-level section list (component model binary format, Binary.md). */
import type { ComponentAnalysis } from './types';
import { walkSections } from './sections';

// Section ids of the component model; nested core modules and components are not entered.
export const COMPONENT_SECTION_NAMES = [
  'custom',
  'core module',
  'core instance',
  'core type',
  'component',
  'instance',
  'alias',
  'type',
  'canon',
  'start',
  'import',
  'export',
  'value',
] as const;

/** List a component's sections (header already checked). Throws WasmParseError on bad sizes. */
export function parseComponent(buf: Uint8Array): ComponentAnalysis {
  // Payloads are skipped: WIT-level analysis comes from jco, not from us.
  const walk = walkSections(buf, COMPONENT_SECTION_NAMES, (_id, r) => r.skip(r.remaining));
  return {
    format: 'component',
    kind: 'component',
    sections: walk.sections,
    customSections: walk.customSections,
    producers: walk.producers,
    capabilities: [],
    world: null,
  };
}
