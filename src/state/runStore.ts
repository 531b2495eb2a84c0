/** The current run: its phase, result, and the console lines it produced. */
import { create } from 'zustand';
import type { OutputDoc } from '../sandbox/outputClient';
import { adoptRunOutput } from './runOutput';
import type { ConsoleLine, RunResult } from '../sandbox/api';
import { getEngine } from '../sandbox/instance';
import { selectRunner, useModule } from './moduleStore';
import { useWatEditor } from './watEditorStore';
import { useOutput } from './outputStore';
import { usePlugin } from './pluginStore';
import { useComponent } from './componentStore';
import { captureSetup, runRequestOf } from './setup';

/** Lines kept in the console; older ones are dropped so a chatty guest cannot exhaust memory. */
export const CONSOLE_LIMIT = 5000;

export interface RunState {
  running: boolean;
  result: RunResult | null;
  /** The output worker's document of a big `result.output` (see adoptRunOutput), else null. */
  outputDoc: OutputDoc | null;
  console: ConsoleLine[];
  /** Console lines not kept (older than the last CONSOLE_LIMIT). */
  consoleDropped: number;
  /** When the current run started (performance.now()), for the elapsed time; null when idle. */
  startedAt: number | null;
  /** Files still being saved to IndexedDB behind finished or stopped runs. */
  saving: number;
  run(): Promise<void>;
  stop(): void;
  clearConsole(): void;
  /** Clear the output, status and console of the last run (another module was loaded). */
  forgetRun(): void;
}

export const useRun = create<RunState>()((set, get) => {
  // Console lines arrive in bursts; apply them once per frame, not once per line.
  let pending: ConsoleLine[] = [];
  let scheduled = false;
  let pendingDropped = 0;
  const flush = () => {
    scheduled = false;
    if (pending.length === 0 && pendingDropped === 0) return; // nothing new: keep the array, so the console does not re-render
    const lines = pending;
    const droppedBefore = pendingDropped;
    pending = [];
    pendingDropped = 0;
    set((s) => {
      const all = s.console.concat(lines);
      const over = Math.max(0, all.length - CONSOLE_LIMIT);
      return { console: over ? all.slice(over) : all, consoleDropped: s.consoleDropped + droppedBefore + over };
    });
  };
  // Each run's lines carry its generation: lines of a run whose module was replaced are not shown.
  let generation = 0;
  const pushFor = (runGeneration: number) => (line: ConsoleLine) => {
    if (runGeneration !== generation) return;
    pending.push(line);
    // A hidden tab gets no frames: keep the pending lines bounded too.
    if (pending.length > 2 * CONSOLE_LIMIT) {
      pendingDropped += pending.length - CONSOLE_LIMIT;
      pending = pending.slice(-CONSOLE_LIMIT);
    }
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
    consoleDropped: 0,
    startedAt: null,
    saving: 0,

    async run() {
      // Text edited in the WAT editor is compiled (and loaded) first; its errors stop the run.
      if (!(await useWatEditor.getState().compileIfChanged())) return;
      const setup = captureSetup();
      const current = useModule.getState().current;
      const runner = selectRunner(useModule.getState());
      if (!setup || !current || !runner || !setup.func || get().running) return;
      const func = setup.func;
      const callable = runner.callables(current.analysis).find((c) => c.name === func);
      const built = runRequestOf(setup, runner, callable, current.analysis);
      get().outputDoc?.close();
      if (!built.ok) {
        set({ result: { runId: 0, status: 'error', func, values: [], error: { code: 'bad-args', func, message: built.message }, timings: {}, wallMs: 0, console: [] }, outputDoc: null });
        return;
      }
      if (built.request.resetInstance) useComponent.getState().consumeReset();
      set({ running: true, console: [], consoleDropped: 0, result: null, outputDoc: null, startedAt: performance.now() });
      pending = [];
      pendingDropped = 0;
      const mine = ++generation;
      watchSaving();
      const result = await getEngine().run(built.request, { onConsole: pushFor(mine) });
      if (mine === generation) flush();
      const shown = await adoptRunOutput(result);
      // A run of a module the user has since replaced is stale: don't show it as this module's.
      if (useModule.getState().current?.id !== current.id) {
        shown.doc?.close();
        set({ running: false, result: null, startedAt: null });
        return;
      }
      set({ running: false, result: shown.result, outputDoc: shown.doc, startedAt: null });
      if (shown.result.vars) usePlugin.getState().setVars(shown.result.vars);
    },

    stop() {
      getEngine().stop();
    },

    clearConsole: () => set({ console: [], consoleDropped: 0 }),

    forgetRun() {
      generation++;
      pending = [];
      pendingDropped = 0;
      get().outputDoc?.close();
      set({ result: null, outputDoc: null, console: [], consoleDropped: 0 });
    },
  };
});

/** Follow the engine's count of files being saved (subscribed on the first run: the engine starts workers). */
let savingWatched = false;
function watchSaving(): void {
  if (savingWatched) return;
  savingWatched = true;
  getEngine().onSaving((saving) => useRun.setState({ saving }));
}

// Consent to run scripts is given for one output, never carried over to the next.
useRun.subscribe((state, previous) => {
  if (state.result !== previous.result && useOutput.getState().allowScripts) useOutput.setState({ allowScripts: false });
});

// A new module starts clean: the last module's output, status and console are not shown as this one's.
useModule.subscribe((state, previous) => {
  if (state.current !== null && state.current.id !== previous.current?.id) useRun.getState().forgetRun();
});
