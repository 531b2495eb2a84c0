/**
 * What a component's imports ask of the host: WASI 0.2 interfaces mapped to the capabilities the
 * panel explains (files, network, clocks, …), the WASI plumbing that needs no grant (wasi:io), and
 * the imports no host here provides (any non-`wasi:` interface, world-level functions).
 */
import type { Capability, CapabilityRequest } from '../../wasm/types';
import type { WitFunction, WitInterface, WitWorld } from '../../wasm/wit/types';

/** The capability of a WASI interface's function, by interface (without version) and function name. */
function capabilityOf(iface: string, fn: string | null): Capability | null {
  const [pkg] = iface.split('/');
  switch (pkg) {
    case 'wasi:filesystem':
      return 'filesystem';
    case 'wasi:sockets':
      return 'sockets';
    case 'wasi:clocks':
      return 'clock';
    case 'wasi:random':
      return 'random';
  }
  switch (iface) {
    case 'wasi:http/outgoing-handler':
      return 'network';
    case 'wasi:cli/stdin':
    case 'wasi:cli/terminal-stdin':
      return 'stdin';
    case 'wasi:cli/stdout':
    case 'wasi:cli/stderr':
    case 'wasi:cli/terminal-stdout':
    case 'wasi:cli/terminal-stderr':
      return 'stdout';
    case 'wasi:cli/exit':
      return 'proc-exit';
    case 'wasi:cli/environment':
      return fn === 'get-arguments' ? 'args' : 'env';
  }
  return null;
}

const versionless = (name: string) => name.replace(/@[^/]*$/, '');

export interface ComponentImports {
  /** Capabilities with the imports that ask for them (`wasi:filesystem/preopens@0.2.0`). */
  capabilities: CapabilityRequest[];
  /** WASI interfaces that need no grant (streams, polling, errors, types). */
  plumbing: string[];
  /** Interfaces no host here provides, with their functions. */
  unprovided: WitInterface[];
  /** World-level imported functions (no host provides them either). */
  unprovidedFunctions: WitFunction[];
}

export function componentImports(world: WitWorld, declared: readonly CapabilityRequest[] = []): ComponentImports {
  const byCap = new Map<Capability, Set<string>>();
  const add = (cap: Capability, via: string) => {
    const set = byCap.get(cap) ?? new Set<string>();
    set.add(via);
    byCap.set(cap, set);
  };
  for (const r of declared) for (const v of r.via) add(r.capability, v);
  const plumbing: string[] = [];
  const unprovided: WitInterface[] = [];
  const unprovidedFunctions: WitFunction[] = [];
  for (const item of world.imports) {
    if (item.kind === 'function') unprovidedFunctions.push(item.fn);
    if (item.kind !== 'interface') continue;
    const iface = item.iface;
    if (iface.package?.namespace !== 'wasi') {
      unprovided.push(iface);
      continue;
    }
    const name = versionless(iface.name);
    const caps = new Set<Capability>();
    for (const fn of iface.functions) {
      const cap = capabilityOf(name, fn.name);
      if (cap) caps.add(cap);
    }
    // An interface of types only still says what it is for (wasi:filesystem/types).
    const whole = capabilityOf(name, null);
    if (caps.size === 0 && whole) caps.add(whole);
    if (caps.size === 0) plumbing.push(iface.name);
    for (const cap of caps) add(cap, iface.name);
  }
  const capabilities = [...byCap].map(([capability, via]) => ({ capability, via: [...via] }));
  return { capabilities, plumbing, unprovided, unprovidedFunctions };
}
