/** JS Promise Integration (WebAssembly.promising), where the engine has it; TypeScript's lib lacks it. */

type Promising = (fn: (...args: unknown[]) => unknown) => (...args: unknown[]) => Promise<unknown>;

/** Wrap an export so suspending imports can await; undefined where JSPI is missing. */
export function promising(fn: (...args: unknown[]) => unknown): ((...args: unknown[]) => Promise<unknown>) | undefined {
  const p = (WebAssembly as unknown as { promising?: Promising }).promising;
  return typeof p === 'function' ? p(fn) : undefined;
}

/** True where the engine has JSPI (WebAssembly.Suspending and promising). */
export function hasJspi(): boolean {
  const wasm = WebAssembly as unknown as { Suspending?: unknown; promising?: unknown };
  return typeof wasm.Suspending === 'function' && typeof wasm.promising === 'function';
}
