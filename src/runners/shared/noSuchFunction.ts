/** The error for a function a module does not export: what it is, what it does export, a near name. */
import type { RunError } from '../../model/errors';
import type { ModuleAnalysis } from '../../wasm/types';
import { isAbiInternal } from './callables';

/** Names listed in the message before "…". */
const LISTED = 12;

/** Levenshtein distance, capped: only near names matter. */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** The closest export name to `func`, if one is near enough to be a likely typo. */
export function nearestName(func: string, names: readonly string[]): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const name of names) {
    const d = name.toLowerCase() === func.toLowerCase() ? 0 : distance(func, name);
    if (!best || d < best.d) best = { name, d };
  }
  return best && best.d <= Math.max(2, Math.floor(func.length / 3)) ? best.name : undefined;
}

/** "no exported function", saying what kind of module it is, its callable functions and a near name. */
export function noSuchFunction(func: string, analysis: ModuleAnalysis): RunError {
  const funcs = analysis.format === 'core' ? analysis.exports.filter((e) => e.desc.kind === 'func').map((e) => e.name) : [];
  const visible = funcs.filter((n) => !isAbiInternal(n));
  const near = nearestName(func, funcs);
  const what =
    func === '_start' && analysis.kind === 'wasi-reactor'
      ? 'This is a WASI reactor (a library): it has no `_start`; call one of its functions instead.'
      : `The module has no exported function "${func}".`;
  const hint = near && near !== func ? ` Did you mean "${near}"?` : '';
  const shown = visible.length ? visible : funcs;
  const list = shown.length
    ? ` Its functions: ${shown.slice(0, LISTED).join(', ')}${shown.length > LISTED ? `, and ${shown.length - LISTED} more` : ''}.`
    : ' The module exports no functions.';
  return { code: 'no-export', func, message: `${what}${hint}${list}` };
}
