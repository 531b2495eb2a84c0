/** Extism vars per module, kept by the page between runs (they survive a stopped worker). */
const vars = new Map<string, [string, Uint8Array][]>();

/** The vars kept for a module. */
export function varsOf(moduleId: string): [string, Uint8Array][] {
  return vars.get(moduleId) ?? [];
}

/** Keep a run's vars for the module's next run. */
export function keepVars(moduleId: string, next: [string, Uint8Array][]): void {
  vars.set(moduleId, next);
}

/** Forget a module's vars (the "Reset" button). */
export function resetVars(moduleId: string): void {
  vars.delete(moduleId);
}
