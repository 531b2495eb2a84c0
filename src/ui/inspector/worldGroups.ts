/** A world's imports or exports grouped by package (`wasi:cli@0.2.0` → environment, exit, …), for the Inspector. */
import type { WitFunction, WitInterface, WitWorldItem } from '../../wasm/wit/types';

export interface PackageGroup {
  /** `wasi:cli@0.2.0`; '' for inline interfaces and world-level items. */
  pkg: string;
  interfaces: WitInterface[];
}

export interface WorldSide {
  packages: PackageGroup[];
  /** Functions imported or exported by the world itself (not through an interface). */
  functions: WitFunction[];
  /** Types the world itself declares. */
  types: string[];
}

export function packageLabel(iface: WitInterface): string {
  const p = iface.package;
  return p ? `${p.namespace}:${p.name}${p.version ? `@${p.version}` : ''}` : '';
}

/** Packages in first-seen order, interfaces in world order within each. */
export function groupWorldItems(items: readonly WitWorldItem[]): WorldSide {
  const packages: PackageGroup[] = [];
  const byPkg = new Map<string, PackageGroup>();
  const functions: WitFunction[] = [];
  const types: string[] = [];
  for (const item of items) {
    if (item.kind === 'function') functions.push(item.fn);
    else if (item.kind === 'type') types.push(item.name);
    else {
      const pkg = packageLabel(item.iface);
      let g = byPkg.get(pkg);
      if (!g) {
        g = { pkg, interfaces: [] };
        byPkg.set(pkg, g);
        packages.push(g);
      }
      g.interfaces.push(item.iface);
    }
  }
  return { packages, functions, types };
}

/** How a function reads in a list: `add(x: u32) -> u32`, `counter.increment()`, `counter.constructor(init: u32)`. */
export function functionTitle(fn: WitFunction): string {
  if (!fn.resource) return fn.name;
  return fn.kind === 'constructor' ? `constructor ${fn.resource}` : `${fn.resource}.${fn.name}`;
}
