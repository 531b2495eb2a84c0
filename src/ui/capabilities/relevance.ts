/** Which capability controls apply now: network and file controls show when the module asks for them, when something is granted, or when the user asked to see them. */
import { useCapabilities } from '../../state/capabilitiesStore';
import { useLayout } from '../../state/layoutStore';
import { selectRunner, useModule } from '../../state/moduleStore';
import { unprovidedImports } from '../../runners/shared/imports';
import type { Capability, CapabilityRequest, ModuleAnalysis } from '../../wasm/types';
import { worldOf } from '../component/world';
import { componentImports } from './componentCapabilities';

export interface ModuleRequests {
  capabilities: CapabilityRequest[];
  plumbing: string[];
  /** Imports (or component interfaces and functions) no host provides. */
  unprovided: number;
  importsAny: boolean;
  worldError: string | null;
}

/** What the loaded module asks of its host, for any kind. */
export function requestsOf(analysis: ModuleAnalysis, unprovidedCore: number): ModuleRequests {
  if (analysis.format !== 'component') {
    return { capabilities: analysis.capabilities, plumbing: [], unprovided: unprovidedCore, importsAny: analysis.imports.length > 0, worldError: null };
  }
  const { world, error } = worldOf(analysis);
  if (!world) return { capabilities: analysis.capabilities, plumbing: [], unprovided: 0, importsAny: analysis.capabilities.length > 0 || error !== null, worldError: error };
  const side = componentImports(world, analysis.capabilities);
  return {
    capabilities: side.capabilities,
    plumbing: side.plumbing,
    unprovided: side.unprovided.length + side.unprovidedFunctions.length,
    importsAny: world.imports.length > 0,
    worldError: error,
  };
}

/** The loaded module's requests (null without a module); core imports counted against the chosen runner. */
export function useModuleRequests(): ModuleRequests | null {
  const current = useModule((s) => s.current);
  const runner = useModule(selectRunner);
  if (!current) return null;
  const linked = new Set(current.manifest?.links.map((l) => l.name));
  const unprovided = current.analysis.format === 'core' && runner ? unprovidedImports(current.analysis.imports, runner.provides, linked).length : 0;
  return requestsOf(current.analysis, unprovided);
}

const asks = (requests: ModuleRequests | null, capability: Capability) => requests?.capabilities.some((r) => r.capability === capability) ?? false;

/** Whether the network (Allowed hosts) and filesystem (Mounts) controls apply. */
export function useRelevance(): { network: boolean; files: boolean } {
  const requests = useModuleRequests();
  const hostsText = useCapabilities((s) => s.allowedHostsText);
  const mounts = useCapabilities((s) => s.mounts.length);
  // A manifest or link asking for grants makes their controls relevant, before the answer too.
  const askedHosts = useCapabilities((s) => (s.requested?.hosts.length ?? 0) > 0);
  const askedMounts = useCapabilities((s) => (s.requested?.mounts.length ?? 0) > 0);
  const showNetwork = useLayout((s) => s.showNetwork);
  const showMounts = useLayout((s) => s.showMounts);
  return {
    network: asks(requests, 'network') || hostsText.trim() !== '' || askedHosts || showNetwork,
    files: asks(requests, 'filesystem') || mounts > 0 || askedMounts || showMounts,
  };
}
