/**
 * Which imports may suspend and which exports may be suspended, for jco's JSPI mode (page side).
 * Only components that import wasi:io/poll can wait on the network; they are transpiled with
 * JSPI where the browser has it, so wasi:http goes through fetch (redirects refused) for any
 * allowlist; elsewhere synchronous XHR serves them (and only an allowlist of `*`).
 */
import { jspiImports } from '../../host/wasi2';
import type { WitWorld } from '../../wasm/wit/types';
import { hasJspi } from '../shared/jspi';
import { versionless } from './callables';

export interface JspiPlan {
  imports: string[];
  exports: string[];
}

export function jspiPlan(world: WitWorld): JspiPlan | null {
  if (!hasJspi()) return null;
  const polls = world.imports.flatMap((i) => (i.kind === 'interface' && versionless(i.iface.name) === 'wasi:io/poll' ? [i.iface.name] : []));
  if (polls.length === 0) return null;
  const exports = world.exports.flatMap((item) => (item.kind === 'interface' ? item.iface.functions.map((fn) => `${item.iface.name}#${fn.binaryName}`) : item.kind === 'function' ? [item.fn.binaryName] : []));
  return { imports: jspiImports(polls), exports };
}
