/** A component binary's sections, world and capabilities (component model binary format, Binary.md). */
import type { ComponentAnalysis } from './types';
import type { WitWorld } from './wit/types';
import { walkSections } from './sections';
import { WasmParseError } from './reader';
import { decodeWorld } from './wit/decode';
import { capabilitiesFromInterfaces } from './capabilities';

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

/**
 * List a component's sections (header already checked) and decode its world. Throws
 * WasmParseError on bad section sizes; a world that cannot be decoded only sets `worldError`,
 * so the sections still show.
 */
export function parseComponent(buf: Uint8Array): ComponentAnalysis {
  const walk = walkSections(buf, COMPONENT_SECTION_NAMES, (_id, r) => r.skip(r.remaining));
  const analysis: ComponentAnalysis = {
    format: 'component',
    kind: 'component',
    sections: walk.sections,
    customSections: walk.customSections,
    producers: walk.producers,
    capabilities: [],
    world: null,
  };
  try {
    const world = decodeWorld(buf);
    analysis.world = world;
    analysis.capabilities = capabilitiesFromInterfaces(importedInterfaces(world));
  } catch (err) {
    const detail = err instanceof WasmParseError ? `${err.message} (at byte offset ${err.offset})` : String(err);
    analysis.worldError =
      `could not read the component's WIT world: ${detail}. The sections are still listed; ` +
      'if the file is not damaged, rebuild it with current tooling (wasm-tools, cargo component, jco).';
  }
  return analysis;
}

function importedInterfaces(world: WitWorld): string[] {
  return world.imports.flatMap((item) => (item.kind === 'interface' ? [item.iface.name] : []));
}
