/** A component's callable functions, from its WIT world: listed, grouped, and found by name (page side). */
import { formatSignature } from '../../wasm/wit/format';
import type { WitFunction, WitInterface, WitWorld } from '../../wasm/wit/types';
import type { Callable } from '../types';

/** The export a wasi:cli command runs. */
export const CLI_RUN = 'wasi:cli/run';
/** The export a wasi:http proxy serves requests through. */
export const HTTP_HANDLER = 'wasi:http/incoming-handler';

/** `wasi:cli/run@0.2.0` → `wasi:cli/run` (the version is dropped). */
export function versionless(name: string): string {
  const at = name.indexOf('@');
  return at < 0 ? name : name.slice(0, at);
}

/** What the user picks: `<interface>#<binary name>`, or a world-level function's name. */
export function callableName(iface: WitInterface | null, fn: WitFunction): string {
  return iface ? `${iface.name}#${fn.binaryName}` : fn.binaryName;
}

/** Why a function can't be called from here, if it can't. */
export function notCallable(fn: WitFunction): string | undefined {
  if (fn.async) return 'An async function (component model async, WASI 0.3): not supported by this playground yet.';
  const types = [...fn.params.map((p) => p.type), ...(fn.result ? [fn.result] : [])];
  const streams = JSON.stringify(types).match(/"kind":"(stream|future|error-context)"/);
  if (streams) return `Takes or returns a ${streams[1]} type (component model async): not supported by this playground yet.`;
  return undefined;
}

function entry(iface: WitInterface | null, fn: WitFunction): Callable {
  const name = callableName(iface, fn);
  const label = fn.kind === 'freestanding' ? fn.name : fn.kind === 'constructor' ? `${fn.resource} (constructor)` : `${fn.resource}.${fn.name}`;
  const group = `${iface ? iface.name : 'world'}${fn.resource ? ` › ${fn.resource}` : ''}`;
  const disabled = notCallable(fn);
  return { name, label, signature: formatSignature(fn), params: null, wit: fn, group, ...(disabled ? { disabled } : {}) };
}

/** Exported functions: wasi:cli/run first, then the world's own functions, then interface by interface. */
export function componentCallables(world: WitWorld | null): Callable[] {
  if (!world) return [];
  const first: Callable[] = [];
  const own: Callable[] = [];
  const rest: Callable[] = [];
  for (const item of world.exports) {
    if (item.kind === 'function') own.push(entry(null, item.fn));
    if (item.kind !== 'interface') continue;
    const list = versionless(item.iface.name) === CLI_RUN ? first : rest;
    // Freestanding functions first, then each resource's constructor, methods and statics together.
    const fns = [...item.iface.functions].sort((a, b) => (a.resource ?? '').localeCompare(b.resource ?? '') || kindOrder(a) - kindOrder(b));
    for (const fn of fns) list.push(entry(item.iface, fn));
  }
  return [...first, ...own, ...rest];
}

function kindOrder(fn: WitFunction): number {
  return fn.kind === 'constructor' ? 0 : fn.kind === 'static' ? 2 : 1;
}

export interface FoundExport {
  iface: WitInterface | null;
  fn: WitFunction;
}

/**
 * Find `func`: `docs:adder/add@0.1.0#add`, `docs:adder/add#add` (when one version matches),
 * `iface#counter.increment` for `[method]counter.increment`, or a world-level name.
 */
export function findExport(world: WitWorld, func: string): FoundExport | { error: string } {
  const hash = func.lastIndexOf('#');
  if (hash < 0) {
    const own = world.exports.find((i) => i.kind === 'function' && i.fn.binaryName === func);
    if (own?.kind === 'function') return { iface: null, fn: own.fn };
    return { error: `The component exports no world-level function "${func}". ${suggest(world, func)}` };
  }
  const ifaceName = func.slice(0, hash);
  const fnName = func.slice(hash + 1);
  const ifaces = world.exports.flatMap((i) => (i.kind === 'interface' ? [i.iface] : []));
  let matches = ifaces.filter((i) => i.name === ifaceName);
  if (matches.length === 0) matches = ifaces.filter((i) => versionless(i.name) === versionless(ifaceName) && !ifaceName.includes('@'));
  if (matches.length > 1) return { error: `"${ifaceName}" matches ${matches.length} exported versions (${matches.map((m) => m.name).join(', ')}): name the version, e.g. "${matches[0]!.name}#${fnName}".` };
  const iface = matches[0];
  if (!iface) return { error: `The component exports no interface "${ifaceName}". ${suggest(world, func)}` };
  const fn = iface.functions.find((f) => f.binaryName === fnName || (f.resource && `${f.resource}.${f.name}` === fnName) || (f.kind === 'constructor' && `${f.resource}.constructor` === fnName));
  if (!fn) return { error: `Interface ${iface.name} has no function "${fnName}"; it has ${iface.functions.map((f) => f.binaryName).join(', ') || 'none'}.` };
  return { iface, fn };
}

function suggest(world: WitWorld, func: string): string {
  const names = componentCallables(world).map((c) => c.name);
  if (names.length === 0) return 'It exports no functions.';
  const near = names.find((n) => n.endsWith(`#${func.split('#').pop()}`)) ?? names[0];
  return `Functions are named "<interface>#<function>"; for example "${near}".`;
}
