/** WASI preview 1 commands and reactors: our WASI host, argv, env, stdin, mounts (DESIGN.md §3). */
import { sniffMime } from '../../output/sniff';
import { WASI_P1_MODULES } from '../../wasm/detect';
import type { ModuleAnalysis } from '../../wasm/types';
import { argsFor } from '../shared/args';
import { firstCallable, functionExports } from '../shared/callables';
import { noSuchFunction } from '../shared/noSuchFunction';
import { WASI_P1_PROVIDES } from '../shared/provides';
import { wasiSettings } from '../shared/wasiSettings';
import type { Callable, Runner } from '../types';

const START = '_start';

/** `_start` first (as the program), then the other functions. */
function commandCallables(analysis: ModuleAnalysis): Callable[] {
  const all = functionExports(analysis);
  const start = all.find((c) => c.name === START);
  // _start takes argv/stdin, not typed arguments: no form.
  return start ? [{ ...start, params: null, signature: '() — the program' }, ...all.filter((c) => c !== start)] : all;
}

function wasiRunner<K extends 'wasi-command' | 'wasi-reactor'>(kind: K, label: string, mode: 'command' | 'reactor'): Runner<K> {
  const callables = mode === 'command' ? commandCallables : functionExports;
  return {
    kind,
    label,
    runAs: true,
    detect: (imports, exports) => imports.some((i) => WASI_P1_MODULES.includes(i.module)) && exports.some((e) => e.name === START && e.desc.kind === 'func') === (mode === 'command'),
    provides: WASI_P1_PROVIDES,
    uses: { args: true, input: true, wasi: true, plugin: false },
    callables,
    defaultFunc: (analysis) => firstCallable(callables(analysis)),
    async build(spec, module, services) {
      const target = module.analysis.format === 'core' ? module.analysis.exports.find((e) => e.name === spec.func) : undefined;
      if (!target || target.desc.kind !== 'func') return noSuchFunction(spec.func, module.analysis);
      const isProgram = mode === 'command' && spec.func === START;
      const args = isProgram ? { ok: true as const, values: [] } : argsFor(target.desc.type, spec.func, spec.args);
      if (!args.ok) return args.error;
      const mounts = await services.snapshot(spec.mounts);
      return {
        moduleId: module.id,
        mounts,
        message: {
          kind: 'wasi-p1',
          mode,
          func: spec.func,
          args: args.values,
          imports: spec.imports,
          ...(spec.input.length ? { stdin: spec.input.slice().buffer } : {}),
          wasi: wasiSettings(spec, module.name, mounts),
        },
      };
    },
    result(outcome, spec) {
      const stdout = outcome.output ? new Uint8Array(outcome.output) : undefined;
      return {
        ...(stdout ? { stdout } : {}),
        ...(outcome.stderr ? { stderr: new Uint8Array(outcome.stderr) } : {}),
        ...(stdout && stdout.length > 0 ? { output: { bytes: stdout, mime: spec.outputMime ?? sniffMime(stdout) } } : {}),
        ...(outcome.ok && outcome.exitCode !== undefined ? { exitCode: outcome.exitCode } : {}),
      };
    },
  };
}

export const wasiCommandRunner = wasiRunner('wasi-command', 'WASI p1 command', 'command');
export const wasiReactorRunner = wasiRunner('wasi-reactor', 'WASI p1 reactor', 'reactor');
