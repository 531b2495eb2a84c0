/** Extism plugins: input bytes in, output bytes out, through our kernel ABI (DESIGN.md §3). */
import { sniffMime } from '../../output/sniff';
import { EXTISM_MODULE, WASI_P1_MODULES } from '../../wasm/detect';
import type { ModuleAnalysis } from '../../wasm/types';
import { noSuchFunction } from '../shared/noSuchFunction';
import { EXTISM_PROVIDES } from '../shared/provides';
import { importsWasi, wasiSettings } from '../shared/wasiSettings';
import type { Callable, Runner } from '../types';
import { pluginFunctions } from './callables';
import { keepVars, varsOf } from './vars';

function callables(analysis: ModuleAnalysis): Callable[] {
  // Plugin functions take input bytes, not arguments: no form, no signature to show.
  return analysis.format === 'core' ? pluginFunctions(analysis.exports).map((name) => ({ name, signature: '', params: null })) : [];
}

export const extismRunner: Runner<'extism'> = {
  kind: 'extism',
  label: 'Extism plugin',
  runAs: true,
  // First: plugins often import WASI too, but must run through the Extism ABI.
  detect: (imports) => imports.some((i) => i.module === EXTISM_MODULE),
  provides: EXTISM_PROVIDES,
  uses: { args: false, input: true, wasi: false, plugin: true },
  callables,
  defaultFunc: (analysis) => callables(analysis)[0]?.name ?? null,
  async build(spec, module, services) {
    const { analysis, manifest } = module;
    if (analysis.format !== 'core' || !analysis.exports.some((e) => e.name === spec.func && e.desc.kind === 'func')) return noSuchFunction(spec.func, analysis);
    // Plugins that import WASI get files too: manifest allowed_paths or the user's mounts.
    const mounts = importsWasi(analysis.imports, WASI_P1_MODULES) ? await services.snapshot(spec.mounts) : [];
    // memory.max_pages: the plugin and its linked modules run from copies compiled with capped memories.
    const maxPages = spec.maxPages ?? manifest?.maxPages;
    let moduleId = module.id;
    let links = manifest?.links.map((l) => ({ name: l.name, moduleId: l.id })) ?? [];
    if (maxPages !== undefined) {
      const limited = await Promise.all([moduleId, ...links.map((l) => l.moduleId)].map((m) => services.limited(m, maxPages)));
      const failed = limited.find((l): l is { message: string } => typeof l !== 'string');
      if (failed) return { code: 'memory', func: spec.func, message: failed.message };
      const [main, ...linkIds] = limited as string[];
      moduleId = main!;
      links = links.map((l, i) => ({ ...l, moduleId: linkIds[i]! }));
    }
    const maxVarBytes = spec.maxVarBytes ?? manifest?.maxVarBytes;
    const maxHttpResponseBytes = spec.maxHttpResponseBytes ?? manifest?.maxHttpResponseBytes;
    return {
      moduleId,
      mounts,
      message: {
        kind: 'extism',
        func: spec.func,
        imports: spec.imports,
        ...(spec.input.length ? { input: spec.input.slice().buffer } : {}),
        grants: { hosts: spec.hosts },
        freshInstance: spec.freshInstance,
        settings: {
          config: spec.config,
          vars: varsOf(module.id).map(([k, v]) => [k, v.slice().buffer]),
          logLevel: spec.logLevel,
          httpMode: spec.httpMode,
          exposeHeaders: spec.exposeHeaders,
          ...(maxVarBytes !== undefined ? { maxVarBytes } : {}),
          ...(spec.maxKernelBytes !== undefined ? { maxKernelBytes: spec.maxKernelBytes } : {}),
          ...(maxPages !== undefined ? { maxPages } : {}),
          ...(maxHttpResponseBytes !== undefined ? { maxHttpResponseBytes } : {}),
        },
        wasi: wasiSettings(spec, module.name, mounts),
        links,
      },
    };
  },
  result(outcome, spec, module) {
    const vars = outcome.vars?.map(([k, v]): [string, Uint8Array] => [k, new Uint8Array(v)]);
    if (vars) keepVars(module.id, vars);
    const bytes = outcome.output ? new Uint8Array(outcome.output) : undefined;
    return {
      ...(vars ? { vars } : {}),
      ...(outcome.stderr ? { stderr: new Uint8Array(outcome.stderr) } : {}),
      ...(bytes ? { output: { bytes, mime: spec.outputMime ?? sniffMime(bytes) } } : {}),
    };
  },
};
