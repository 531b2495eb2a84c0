/**
 * WebAssembly components (WASI 0.2, WIT): transpiled by jco in the analyser worker, run in the
 * sandbox with our WASI 0.2 host (DESIGN.md §3). Functions come from the WIT world; arguments are
 * WIT values (README "Component values").
 */
import { sniffMime } from '../../output/sniff';
import type { ModuleAnalysis } from '../../wasm/types';
import type { Runner, RunnerUses } from '../types';
import { wasiSettings } from '../shared/wasiSettings';
import { componentArgs } from './args';
import { CLI_RUN, componentCallables, findExport, HTTP_HANDLER, notCallable, versionless } from './callables';
import { unprovidedImports } from './provided';
import { describeWitFunction } from './describe';

const TYPED: RunnerUses = { args: true, input: false, wasi: false, plugin: false };
const COMMAND: RunnerUses = { args: false, input: true, wasi: true, plugin: false };
const HANDLER: RunnerUses = { args: false, input: false, wasi: false, plugin: false };

function worldOf(analysis: ModuleAnalysis) {
  return analysis.format === 'component' ? (analysis.world ?? null) : null;
}

function importsInterface(analysis: ModuleAnalysis, name: string): boolean {
  return worldOf(analysis)?.imports.some((i) => i.kind === 'interface' && versionless(i.iface.name).startsWith(name)) ?? false;
}

export const componentRunner: Runner<'component'> = {
  kind: 'component',
  label: 'Component',
  runAs: false,
  // The analyser tells components by their header; no core module is one.
  detect: () => false,
  provides: {},
  uses: TYPED,
  usesFor(_analysis, func) {
    if (func && versionless(func.split('#')[0] ?? '') === CLI_RUN) return COMMAND;
    if (func && versionless(func.split('#')[0] ?? '') === HTTP_HANDLER) return HANDLER;
    return TYPED;
  },
  callables: (analysis) => componentCallables(worldOf(analysis)),
  defaultFunc: (analysis) => componentCallables(worldOf(analysis)).find((c) => !c.disabled)?.name ?? null,
  async build(spec, module, services) {
    const world = worldOf(module.analysis);
    if (!world) {
      const why = module.analysis.format === 'component' && module.analysis.worldError ? ` (${module.analysis.worldError})` : '';
      return { code: 'unsupported', func: spec.func, message: `This component's WIT world could not be read${why}, so its functions can't be called.` };
    }
    const found = findExport(world, spec.func);
    if ('error' in found) return { code: 'no-export', func: spec.func, message: found.error };
    const { iface, fn } = found;
    const refused = notCallable(fn) ?? componentWide(world.unsupported);
    if (refused) return { code: 'unsupported', func: spec.func, message: `${spec.func} can't run here: ${refused}` };
    const command = iface !== null && versionless(iface.name) === CLI_RUN;
    const handler = iface !== null && versionless(iface.name) === HTTP_HANDLER;
    if (handler && !spec.request) return { code: 'bad-args', func: spec.func, message: 'An incoming-handler call needs a request: fill in the Request form (API: `request: { method, url, headers, body }`).' };
    const args = handler || command ? { ok: true as const, values: [] } : componentArgs(fn, spec);
    if (!args.ok) return args.error;

    const { interfaces, functions } = unprovidedImports(world);
    if (spec.imports === 'fail' && (interfaces.length > 0 || functions.length > 0)) {
      const listed = [...interfaces.flatMap((i) => i.functions.map((f) => `${i.name}#${describeWitFunction(f)}`)), ...functions.map((f) => describeWitFunction(f))];
      return {
        code: 'link',
        func: spec.func,
        message: `The component imports ${listed.length} function${listed.length === 1 ? '' : 's'} nothing provides: ${listed.slice(0, 8).join('; ')}${listed.length > 8 ? `; and ${listed.length - 8} more` : ''}. Turn on "Stub missing imports" to run it with stubs that return each type's default (API: imports: 'stub').`,
      };
    }
    const ready = await services.component(module.id);
    if (!ready.ok) return { code: 'unsupported', func: spec.func, message: ready.message };
    const mounts = importsInterface(module.analysis, 'wasi:filesystem') ? await services.snapshot(spec.mounts) : [];
    return {
      moduleId: module.id,
      mounts,
      message: {
        kind: 'component',
        func: spec.func,
        iface: iface?.name ?? null,
        fn,
        args: args.values,
        instance: command ? 'fresh' : spec.freshInstance ? 'fresh' : spec.resetInstance ? 'reset' : 'keep',
        command,
        ...(command && spec.input.length ? { stdin: spec.input.slice().buffer } : {}),
        wasi: wasiSettings(spec, module.name, mounts),
        grants: { hosts: spec.hosts },
        imports: spec.imports,
        unprovided: interfaces,
        unprovidedFunctions: functions,
        ...(handler && spec.request ? { request: spec.request } : {}),
      },
    };
  },
  result(outcome, spec) {
    const bytes = outcome.output ? new Uint8Array(outcome.output) : undefined;
    const mime = spec.outputMime ?? outcome.outputMime ?? (bytes ? sniffMime(bytes) : undefined);
    return {
      ...(bytes && mime ? { output: { bytes, mime } } : {}),
      ...(outcome.stderr ? { stderr: new Uint8Array(outcome.stderr) } : {}),
      ...(outcome.exitCode !== undefined ? { exitCode: outcome.exitCode } : {}),
      // A command's stdout, whole, as for WASI p1 programs (it is also `output`).
      ...(outcome.exitCode !== undefined && bytes ? { stdout: bytes } : {}),
      ...(outcome.ok && outcome.value !== undefined ? { value: outcome.value } : {}),
      ...(outcome.response ? { response: outcome.response } : {}),
    };
  },
};

/** Features that stop any function of the component from running here (threads); null when none. */
function componentWide(unsupported: readonly string[]): string | null {
  const blocking = unsupported.filter((u) => /threads/.test(u));
  return blocking.length ? `the component uses ${blocking.join('; ')}.` : null;
}
