/** The WASI 0.2 interfaces our host gives components (src/host/wasi2); anything else is linked or stubbed. */
import type { WitFunction, WitInterface, WitWorld } from '../../wasm/wit/types';
import { versionless } from './callables';

export const COMPONENT_HOST_INTERFACES: readonly string[] = [
  'wasi:cli/environment',
  'wasi:cli/exit',
  'wasi:cli/stdin',
  'wasi:cli/stdout',
  'wasi:cli/stderr',
  'wasi:cli/terminal-input',
  'wasi:cli/terminal-output',
  'wasi:cli/terminal-stdin',
  'wasi:cli/terminal-stdout',
  'wasi:cli/terminal-stderr',
  'wasi:io/error',
  'wasi:io/poll',
  'wasi:io/streams',
  'wasi:clocks/monotonic-clock',
  'wasi:clocks/wall-clock',
  'wasi:random/random',
  'wasi:random/insecure',
  'wasi:random/insecure-seed',
  'wasi:filesystem/types',
  'wasi:filesystem/preopens',
  'wasi:sockets/network',
  'wasi:sockets/instance-network',
  'wasi:sockets/tcp',
  'wasi:sockets/tcp-create-socket',
  'wasi:sockets/udp',
  'wasi:sockets/udp-create-socket',
  'wasi:sockets/ip-name-lookup',
  'wasi:http/types',
  'wasi:http/outgoing-handler',
];

/** True for an interface our host provides, at any 0.2.x version. */
export function hostProvides(name: string): boolean {
  const version = name.includes('@') ? name.slice(name.indexOf('@') + 1) : '';
  return COMPONENT_HOST_INTERFACES.includes(versionless(name)) && (version === '' || version.startsWith('0.2.'));
}

/** Imported interfaces and world-level functions that nothing provides. */
export function unprovidedImports(world: WitWorld): { interfaces: WitInterface[]; functions: WitFunction[] } {
  const interfaces: WitInterface[] = [];
  const functions: WitFunction[] = [];
  for (const item of world.imports) {
    if (item.kind === 'interface' && !hostProvides(item.iface.name) && item.iface.functions.length > 0) interfaces.push(item.iface);
    if (item.kind === 'function') functions.push(item.fn);
  }
  return { interfaces, functions };
}
