/** A module's decoded WIT world, and why it is missing when it is (core modules have none). */
import type { ModuleAnalysis } from '../../wasm/types';
import type { WitWorld } from '../../wasm/wit/types';

export function worldOf(analysis: ModuleAnalysis): { world: WitWorld | null; error: string | null } {
  if (analysis.format !== 'component') return { world: null, error: null };
  return { world: analysis.world, error: analysis.worldError ?? null };
}
