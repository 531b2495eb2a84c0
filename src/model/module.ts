/** A loaded module as the engine, the runners and the UI see it. */
import type { ModuleAnalysis, ModuleKind } from '../wasm/types';

export interface LoadedModule {
  /** SHA-256 of the bytes, hex. */
  id: string;
  name: string;
  size: number;
  sourceUrl?: string;
  analysis: ModuleAnalysis;
  compileMs: number;
  parseMs: number;
  /** Set when the module came from an Extism manifest. */
  manifest?: ManifestInfo;
}

/** What an Extism manifest said, for the UI to apply (grants only after asking). */
export interface ManifestInfo {
  /** The kind a manifest's module runs as. */
  runAs: ModuleKind;
  url?: string;
  config: Record<string, string>;
  /** Hosts the manifest asks to allow; null = none. */
  allowedHosts: string[] | null;
  allowedPaths: { hostPath: string; guestPath: string; readOnly: boolean }[];
  timeoutMs?: number;
  maxVarBytes?: number;
  maxHttpResponseBytes?: number;
  maxPages?: number;
  /** The other modules, linked by name into the main one. */
  links: { name: string; id: string }[];
  warnings: string[];
}

export interface LoadProgress {
  received: number;
  total?: number;
}

