/** The kind the current module runs as: the "Run as" choice, else the detected kind. */
import { useModule } from '../../state/moduleStore';
import type { ModuleKind } from '../../wasm/types';

export function useEffectiveKind(): ModuleKind | null {
  return useModule((s) => (s.current ? (s.runAs ?? s.current.analysis.kind) : null));
}
