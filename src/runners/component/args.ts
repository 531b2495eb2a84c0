/** A component call's arguments: the API's WIT values or the form's JSON texts, checked against the WIT types. */
import type { RunError } from '../../model/errors';
import type { WitValue } from '../../model/values';
import type { WitFunction } from '../../wasm/wit/types';
import type { RunSpec } from '../types';

export function componentArgs(fn: WitFunction, spec: RunSpec): { ok: true; values: WitValue[] } | { ok: false; error: RunError } {
  const bad = (message: string) => ({ ok: false as const, error: { code: 'bad-args' as const, func: spec.func, message } });
  const params = fn.params;
  const given = spec.witArgs ?? spec.argsJson ?? [];
  if (given.length > params.length) return bad(`${spec.func} takes ${params.length} argument${params.length === 1 ? '' : 's'} (${params.map((p) => p.name).join(', ') || 'none'}); ${given.length} were given.`);
  const values: WitValue[] = [];
  for (const [i, param] of params.entries()) {
    if (spec.witArgs) {
      if (i >= spec.witArgs.length) return bad(`args[${i}] (${param.name}) is missing.`);
      values.push(spec.witArgs[i]!);
      continue;
    }
    const text = spec.argsJson?.[i] ?? '';
    if (text.trim() === '') return bad(`args[${i}] (${param.name}): enter a value.`);
    try {
      values.push(JSON.parse(text) as WitValue);
    } catch (err) {
      return bad(`args[${i}] (${param.name}): not valid JSON (${err instanceof Error ? err.message : String(err)}).`);
    }
  }
  return { ok: true, values };
}
