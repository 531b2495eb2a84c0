/** Capabilities a module asks for, inferred from the names of its imports (DESIGN.md §4). */
import type { Capability, CapabilityRequest, ImportEntry } from './types';
import { EXTISM_MODULE, WASI_P1_MODULES } from './detect';

// Output order: fixed, so the panel doesn't reshuffle between modules.
const ORDER: readonly Capability[] = [
  'filesystem',
  'network',
  'sockets',
  'env',
  'args',
  'stdin',
  'stdout',
  'clock',
  'random',
  'config',
  'vars',
  'proc-exit',
];

const WASI_EXACT: Record<string, Capability> = {
  fd_readdir: 'filesystem',
  fd_prestat_get: 'filesystem',
  fd_prestat_dir_name: 'filesystem',
  environ_get: 'env',
  environ_sizes_get: 'env',
  args_get: 'args',
  args_sizes_get: 'args',
  // fd_read may read files too, but without preopens (filesystem) only stdin is there to read.
  fd_read: 'stdin',
  fd_write: 'stdout',
  poll_oneoff: 'clock',
  random_get: 'random',
  proc_exit: 'proc-exit',
};

const WASI_PREFIX: readonly (readonly [string, Capability])[] = [
  ['path_', 'filesystem'],
  ['clock_', 'clock'],
  ['sock_', 'sockets'],
];

const EXTISM_EXACT: Record<string, Capability> = {
  http_request: 'network',
  http_status_code: 'network',
  http_headers: 'network',
  config_get: 'config',
  var_get: 'vars',
  var_set: 'vars',
};

function wasiCapability(name: string): Capability | undefined {
  return WASI_EXACT[name] ?? WASI_PREFIX.find(([prefix]) => name.startsWith(prefix))?.[1];
}

function extismCapability(name: string): Capability | undefined {
  if (name.startsWith('log_')) return 'stdout';
  return EXTISM_EXACT[name];
}

/** The capability one core import asks for, if any (component imports: capabilitiesFromInterfaces). */
export function capabilityOf(imp: Pick<ImportEntry, 'module' | 'name'>): Capability | undefined {
  if (WASI_P1_MODULES.includes(imp.module)) return wasiCapability(imp.name);
  if (imp.module === EXTISM_MODULE) return extismCapability(imp.name);
  return undefined;
}

/** Capabilities requested by `imports`, in a fixed order, each with the imports that ask for it. */
export function capabilitiesFromImports(imports: readonly ImportEntry[]): CapabilityRequest[] {
  // Sets keep first-seen order and dedupe in O(1), even for modules with thousands of imports.
  const via = new Map<Capability, Set<string>>();
  for (const imp of imports) {
    const capability = capabilityOf(imp);
    if (capability === undefined) continue;
    let labels = via.get(capability);
    if (labels === undefined) via.set(capability, (labels = new Set()));
    labels.add(`${imp.module}.${imp.name}`);
  }
  return ORDER.filter((c) => via.has(c)).map((capability) => ({ capability, via: [...via.get(capability)!] }));
}

// WASI 0.2 interfaces by versionless name; a package prefix ending in '/' covers all its interfaces.
const WASI_P2: readonly (readonly [string, readonly Capability[]])[] = [
  ['wasi:filesystem/', ['filesystem']],
  ['wasi:http/outgoing-handler', ['network']],
  ['wasi:sockets/', ['sockets']],
  ['wasi:clocks/', ['clock']],
  ['wasi:random/', ['random']],
  ['wasi:cli/stdin', ['stdin']],
  ['wasi:cli/environment', ['env', 'args']],
  ['wasi:cli/stdout', ['stdout']],
  ['wasi:cli/stderr', ['stdout']],
  ['wasi:cli/exit', ['proc-exit']],
];

/** Capabilities one imported component interface asks for (`wasi:cli/environment@0.2.12` → env, args). */
export function interfaceCapabilities(name: string): readonly Capability[] {
  const at = name.indexOf('@');
  const bare = at < 0 ? name : name.slice(0, at);
  for (const [key, caps] of WASI_P2) if (key.endsWith('/') ? bare.startsWith(key) : bare === key) return caps;
  return [];
}

/** Capabilities a component asks for through the interfaces it imports; `via` lists those interfaces. */
export function capabilitiesFromInterfaces(names: readonly string[]): CapabilityRequest[] {
  const via = new Map<Capability, Set<string>>();
  for (const name of names) {
    for (const capability of interfaceCapabilities(name)) {
      let labels = via.get(capability);
      if (labels === undefined) via.set(capability, (labels = new Set()));
      labels.add(name);
    }
  }
  return ORDER.filter((c) => via.has(c)).map((capability) => ({ capability, via: [...via.get(capability)!] }));
}
