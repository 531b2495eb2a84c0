/**
 * jco's generated bindings, imported in the sandbox worker from a Blob URL: the only code this
 * app evaluates that it did not ship (DESIGN.md §11; the worker's CSP allows `blob:` scripts for
 * it). Imported once per component per worker and reused by every instance.
 */

/** `instantiate(getCoreModule, imports)` of jco's `instantiation: async` output. */
export type Instantiate = (
  getCoreModule: (name: string) => WebAssembly.Module,
  imports: Record<string, unknown>,
  instantiateCore?: (module: WebAssembly.Module, imports?: WebAssembly.Imports) => Promise<WebAssembly.Instance>,
) => Promise<Record<string, unknown>>;

const loaded = new Map<string, Promise<Instantiate>>();

export function bindingsFor(moduleId: string, js: string): Promise<Instantiate> {
  let pending = loaded.get(moduleId);
  if (!pending) {
    pending = importBindings(js);
    loaded.set(moduleId, pending);
    pending.catch(() => loaded.delete(moduleId));
  }
  return pending;
}

async function importBindings(js: string): Promise<Instantiate> {
  const url = URL.createObjectURL(new Blob([js], { type: 'text/javascript' }));
  try {
    const mod = (await import(/* @vite-ignore */ url)) as { instantiate?: unknown };
    if (typeof mod.instantiate !== 'function') throw new Error('jco bindings without an instantiate function');
    return mod.instantiate as Instantiate;
  } finally {
    URL.revokeObjectURL(url);
  }
}
