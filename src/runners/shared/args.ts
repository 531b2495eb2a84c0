/** Form and API arguments checked against a signature (page side). */
import type { RunError } from '../../model/errors';
import type { ArgInput, WasmValue } from '../../model/values';
import { parseValue } from '../../wasm/values';
import type { FuncType } from '../../wasm/types';

/** Parse form/API arguments against a signature. */
export function convertArgs(type: FuncType, inputs: readonly ArgInput[]): { ok: true; values: WasmValue[] } | { ok: false; message: string } {
  if (inputs.length !== type.params.length) {
    return { ok: false, message: `Expected ${type.params.length} argument${type.params.length === 1 ? '' : 's'} (${type.params.join(', ') || 'none'}), got ${inputs.length}.` };
  }
  const values: WasmValue[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const param = type.params[i]!;
    const parsed = parseValue(param, inputs[i]!);
    if (!parsed.ok) return { ok: false, message: `Argument ${i + 1} (${param}): ${parsed.message}` };
    values.push(parsed.value);
  }
  return { ok: true, values };
}

/** Arguments for export `func` of a core analysis, or the bad-args error. */
export function argsFor(type: FuncType, func: string, inputs: readonly ArgInput[]): { ok: true; values: WasmValue[] } | { ok: false; error: RunError } {
  const converted = convertArgs(type, inputs);
  return converted.ok ? converted : { ok: false, error: { code: 'bad-args', func, message: converted.message } };
}
