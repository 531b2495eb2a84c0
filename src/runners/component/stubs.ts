/**
 * Stand-ins for imported component functions nothing provides ("Stub missing imports"): each
 * returns its result type's default (0, "", empty list, none, ok(default), the first enum case…)
 * and logs the call with typed arguments, capped as core stubs are.
 */
import type { WitFunction, WitInterface } from '../../wasm/wit/types';
import { STUB_LOG_LIMIT } from '../shared/stubs';
import { versionless } from './callables';
import { lowerCamel, upperCamel } from './jcoNames';
import { defaultValue, describeValue, fromJco, hostResult, ResourceTable } from './values';

export interface StubSink {
  line(text: string): void;
}

/** jco import objects for `interfaces` (by name) and a world's own functions (under their names). */
export function componentStubs(interfaces: readonly WitInterface[], functions: readonly WitFunction[], table: ResourceTable, sink: StubSink): Record<string, Record<string, unknown>> {
  let calls = 0;
  const stub = (label: string, fn: WitFunction) => (...jsArgs: unknown[]) => {
    calls++;
    const params = fn.kind === 'method' ? fn.params.slice(1) : fn.params;
    const args = jsArgs.slice(0, params.length);
    const result = fn.result ? defaultValue(fn.result) : null;
    if (calls <= STUB_LOG_LIMIT) {
      const shown = args.map((js, i) => {
        // A throwaway table: logging must not keep the guest's borrowed resources alive.
        const value = fromJco(params[i]!.type, js, new ResourceTable());
        return value.ok ? describeValue(params[i]!.type, value.value, 120) : '…';
      });
      const back = result && result.ok ? ` → ${describeValue(fn.result!, result.value, 120)}` : '';
      sink.line(`${label}(${shown.join(', ')})${back}`);
    } else if (calls === STUB_LOG_LIMIT + 1) {
      sink.line(`More stub calls are not logged (over ${STUB_LOG_LIMIT} in this run).`);
    }
    if (!fn.result) return undefined;
    if (!result || !result.ok) throw new Error(`${label}: a stub can't return ${fn.result.kind === 'own' ? `a ${fn.result.resource.name}` : 'this type'}: ${result && !result.ok ? result.error : ''} Provide the import instead of stubbing it.`);
    return hostResult(fn.result, result.value, table);
  };

  const objectFor = (name: string, resources: readonly string[], fns: readonly WitFunction[]) => {
    const obj: Record<string, unknown> = {};
    // One class per resource (jco checks instanceof against the class it was given).
    const owners = new Set([...resources, ...fns.flatMap((f) => (f.resource ? [f.resource] : []))]);
    const classes = new Map<string, { prototype: Record<string, unknown> } & Record<string, unknown>>();
    for (const resource of owners) {
      const ctor = fns.find((f) => f.kind === 'constructor' && f.resource === resource);
      const log = ctor ? stub(`${name}#${ctor.binaryName}`, { ...ctor, result: null }) : null;
      const cls = class {
        constructor(...args: unknown[]) {
          log?.(...args);
        }
      };
      Object.defineProperty(cls, 'name', { value: upperCamel(resource) });
      classes.set(resource, cls as unknown as { prototype: Record<string, unknown> } & Record<string, unknown>);
      obj[upperCamel(resource)] = cls;
    }
    for (const fn of fns) {
      const label = `${name ? `${name}#` : ''}${fn.binaryName}`;
      if (fn.kind === 'freestanding') obj[lowerCamel(fn.name)] = stub(label, fn);
      else if (fn.kind === 'static') classes.get(fn.resource!)![lowerCamel(fn.name)] = stub(label, fn);
      else if (fn.kind === 'method') classes.get(fn.resource!)!.prototype[lowerCamel(fn.name)] = stub(label, fn);
    }
    return obj;
  };

  const out: Record<string, Record<string, unknown>> = {};
  for (const iface of interfaces) {
    const obj = objectFor(iface.name, iface.resources, iface.functions);
    // jco asks by the name without its version (`test:strings/imports`); either finds it.
    out[iface.name] = obj;
    out[versionless(iface.name)] ??= obj;
  }
  for (const fn of functions) out[fn.binaryName] = { default: stub(fn.binaryName, fn) };
  return out;
}
