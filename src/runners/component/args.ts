/** A component call's arguments: the API's WIT values or the form's JSON texts, checked against the WIT types. */
import type { RunError } from '../../model/errors';
import type { WitValue } from '../../model/values';
import type { WitFunction } from '../../wasm/wit/types';
import type { RunSpec } from '../types';
import { formatType } from '../../wasm/wit/format';
import { checkValue, fromJson } from './values';

export function componentArgs(fn: WitFunction, spec: RunSpec): { ok: true; values: WitValue[] } | { ok: false; error: RunError } {
  const bad = (message: string) => ({ ok: false as const, error: { code: 'bad-args' as const, func: spec.func, message } });
  const params = fn.params;
  const given = spec.witArgs ?? spec.argsJson ?? [];
  if (given.length > params.length) return bad(`${spec.func} takes ${params.length} argument${params.length === 1 ? '' : 's'} (${params.map((p) => p.name).join(', ') || 'none'}); ${given.length} were given.`);
  const values: WitValue[] = [];
  for (const [i, param] of params.entries()) {
    if (spec.witArgs) {
      if (i >= spec.witArgs.length) return bad(`args[${i}] (${param.name}: ${formatType(param.type)}) is missing.`);
      const checked = checkValue(param.type, spec.witArgs[i], `args[${i}]`);
      if (!checked.ok) return bad(checked.error);
      values.push(checked.value);
      continue;
    }
    const text = spec.argsJson?.[i] ?? '';
    if (text.trim() === '') return bad(`args[${i}] (${param.name}: ${formatType(param.type)}): enter a value.`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      return bad(`args[${i}] (${param.name}): not valid JSON (${err instanceof Error ? err.message : String(err)}).`);
    }
    const checked = fromJson(param.type, json, `args[${i}]`);
    if (!checked.ok) return bad(checked.error);
    values.push(checked.value);
  }
  return { ok: true, values };
}
