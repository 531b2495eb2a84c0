/**
 * Instantiates a manifest's modules linked by name (an import from module "math" is satisfied by
 * the exports of the wasm entry named "math"). Links are made in manifest order; an import from a
 * module not made yet (a cycle, or a later entry) goes through a trampoline that calls the export
 * once everything exists, as the SDKs allow circular links. Only functions can be linked that way.
 */

export interface LinkedModule {
  name: string;
  module: WebAssembly.Module;
}

export interface Linked {
  main: WebAssembly.Instance;
  links: { name: string; instance: WebAssembly.Instance }[];
}

/** Thrown for links that can't be made; the message names the module and the import. */
export class PluginLinkError extends Error {
  override readonly name = 'PluginLinkError';
}

/**
 * `base(index)` gives a module's imports other than the links (kernel, WASI, stubs): index i for
 * `links[i]`, `links.length` for the main module (named "main" in messages).
 */
export function instantiateLinked(main: WebAssembly.Module, links: LinkedModule[], base: (index: number) => WebAssembly.Imports): Linked {
  const names = new Set(links.map((l) => l.name));
  const made = new Map<string, WebAssembly.Exports>();
  const pending: { from: string; module: string; name: string }[] = [];

  const importsOf = (module: WebAssembly.Module, index: number, from: string): WebAssembly.Imports => {
    const imports: WebAssembly.Imports = { ...base(index) };
    for (const imp of WebAssembly.Module.imports(module)) {
      if (!names.has(imp.module)) continue;
      const target = (imports[imp.module] = { ...(imports[imp.module] ?? {}) });
      const ready = made.get(imp.module);
      if (ready) {
        if (!(imp.name in ready)) throw new PluginLinkError(`"${from}" imports ${imp.module}.${imp.name}, but the module "${imp.module}" has no export of that name.`);
        target[imp.name] = ready[imp.name]!;
      } else if (imp.kind === 'function') {
        pending.push({ from, module: imp.module, name: imp.name });
        const exportsOf = () => made.get(imp.module)!;
        target[imp.name] = (...args: unknown[]) => (exportsOf()[imp.name] as (...a: unknown[]) => unknown)(...args);
      } else {
        throw new PluginLinkError(
          `"${from}" imports the ${imp.kind} ${imp.module}.${imp.name} from a module that is made after it. Only functions can be linked in a cycle; list "${imp.module}" before "${from}" in the manifest.`,
        );
      }
    }
    return imports;
  };

  const instances: Linked['links'] = [];
  for (const [i, link] of links.entries()) {
    const instance = new WebAssembly.Instance(link.module, importsOf(link.module, i, link.name));
    made.set(link.name, instance.exports);
    instances.push({ name: link.name, instance });
  }
  const mainInstance = new WebAssembly.Instance(main, importsOf(main, links.length, 'main'));
  // Every trampoline must now have somewhere to go.
  for (const p of pending) {
    if (typeof made.get(p.module)?.[p.name] !== 'function') {
      throw new PluginLinkError(`"${p.from}" imports ${p.module}.${p.name}, but the module "${p.module}" has no function of that name.`);
    }
  }
  return { main: mainInstance, links: instances };
}
