/** The current run: its phase, result, and the console lines it produced. */
import { create } from 'zustand';
import type { OutputDoc } from '../output/client';
import { adoptRunOutput } from '../output/runOutput';
import type { ConsoleLine, RunResult } from '../sandbox/api';
import { getEngine } from '../sandbox/instance';
import { useCapabilities } from './capabilitiesStore';
import { inputBytes, useInput } from './inputStore';
import { useModule } from './moduleStore';
import { configRecord, usePlugin } from './pluginStore';
import { useSettings } from './settingsStore';
import { argvOf, useWasi } from './wasiStore';

/** Lines kept in the console; older ones are dropped so a chatty guest cannot exhaust memory. */
export const CONSOLE_LIMIT = 5000;

export interface RunState {
  running: boolean;
  result: RunResult | null;
  /** The output worker's document of a big `result.output` (see adoptRunOutput), else null. */
  outputDoc: OutputDoc | null;
  console: ConsoleLine[];
  run(): Promise<void>;
  stop(): void;
  clearConsole(): void;
}

export const useRun = create<RunState>()((set, get) => {
  // Console lines arrive in bursts; apply them once per frame, not once per line.
  let pending: ConsoleLine[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending.length === 0) return; // nothing new: keep the array, so the console does not re-render
    const lines = pending;
    pending = [];
    set((s) => ({ console: [...s.console, ...lines].slice(-CONSOLE_LIMIT) }));
  };
  const push = (line: ConsoleLine) => {
    pending.push(line);
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(flush);
    }
  };

  return {
    running: false,
    result: null,
    outputDoc: null,
    console: [],

    async run() {
      const { current, func, argsByFunc, runAs, stubImports } = useModule.getState();
      if (!current || !func || get().running) return;
      const isWasi = (runAs ?? current.analysis.kind).startsWith('wasi');
      const argv = argvOf(useWasi.getState());
      if (isWasi && !argv.ok) {
        const message = `The Arguments field can't be read: ${argv.message}`;
        get().outputDoc?.close();
        set({ result: { runId: 0, status: 'error', func, values: [], error: { code: 'bad-args', func, message }, timings: {}, wallMs: 0, console: [] }, outputDoc: null });
        return;
      }
      get().outputDoc?.close();
      set({ running: true, console: [], result: null, outputDoc: null });
      const kind = runAs ?? current.analysis.kind;
      const texts = argsByFunc[func] ?? [];
      const target = current.analysis.format === 'core' ? current.analysis.exports.find((e) => e.name === func) : undefined;
      // Untouched fields count as empty, so the error names the field instead of the count.
      const args = target?.desc.kind === 'func' ? target.desc.type.params.map((_, i) => texts[i] ?? '') : texts;
      const result = await getEngine().run(
        {
          module: current.id,
          func,
          args,
          imports: stubImports ? 'stub' : 'fail',
          timeoutMs: useSettings.getState().timeoutMs,
          allowedHosts: useCapabilities.getState().hosts,
          ...(runAs ? { runAs } : {}),
          ...(kind === 'extism' ? extismFields() : {}),
          ...(kind === 'wasi-command' || kind === 'wasi-reactor' ? wasiFields() : {}),
        },
        { onConsole: push },
      );
      flush();
      const shown = await adoptRunOutput(result);
      // A run of a module the user has since replaced is stale: don't show it as this module's.
      if (useModule.getState().current?.id !== current.id) {
        shown.doc?.close();
        set({ running: false, result: null });
        return;
      }
      set({ running: false, result: shown.result, outputDoc: shown.doc });
      if (shown.result.vars) usePlugin.getState().setVars(shown.result.vars);
    },

    stop() {
      getEngine().stop();
    },

    clearConsole: () => set({ console: [] }),
  };
});

/** Input, config and plugin settings for an Extism run, from their stores. */
function extismFields() {
  const input = useInput.getState();
  const plugin = usePlugin.getState();
  return {
    input: inputBytes(input),
    config: configRecord(plugin.config),
    logLevel: plugin.logLevel,
    freshInstance: plugin.freshInstance,
    // Used only by plugins that import WASI (manifest allowed_paths, or mounted by hand).
    mounts: useCapabilities.getState().mounts,
  };
}

/** stdin, argv, env, mounts and deterministic mode for a WASI run, from their stores. */
function wasiFields() {
  const wasi = useWasi.getState();
  const argv = argvOf(wasi);
  return {
    input: inputBytes(useInput.getState()),
    argv: argv.ok ? argv.argv : [],
    env: wasi.env.filter(([k]) => k.trim() !== ''),
    mounts: useCapabilities.getState().mounts,
    deterministic: wasi.deterministic ? { seed: wasi.seed } : false,
  };
}
