/** The Function picker's groups: callables in runner order, one group per `Callable.group` (first seen first). */
import type { Callable } from '../../runners/types';

export interface CallableGroup {
  /** The interface (or `interface › resource`); null for ungrouped (world-level, core) functions. */
  group: string | null;
  items: Callable[];
}

/**
 * Consecutive or not, callables with the same group share one heading, placed where the group first
 * appears, so a runner that lists `run` first keeps it first.
 */
export function groupCallables(callables: readonly Callable[]): CallableGroup[] {
  const groups: CallableGroup[] = [];
  const byName = new Map<string, CallableGroup>();
  for (const c of callables) {
    if (c.group === undefined || c.group === '') {
      const last = groups[groups.length - 1];
      if (last && last.group === null) last.items.push(c);
      else groups.push({ group: null, items: [c] });
      continue;
    }
    let g = byName.get(c.group);
    if (!g) {
      g = { group: c.group, items: [] };
      byName.set(c.group, g);
      groups.push(g);
    }
    g.items.push(c);
  }
  return groups;
}

/** What an option shows: the function's WIT name (its last part) and its signature. */
export function optionLabel(c: Callable): string {
  const name = c.wit ? c.wit.name : c.name;
  return `${name}${c.signature}`;
}
